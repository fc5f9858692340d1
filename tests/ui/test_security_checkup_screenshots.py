"""Screenshots of the Security Checkup for the README (light and dark, English and Chinese): an
amber step (a second factor on one phone only, no recovery code) as
``docs/screenshots/checkup-step-<theme>_<lang>.png`` and the summary after a device was signed
out in place as ``checkup-summary-<theme>_<lang>.png``."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from authing_desktop.presenters.checkup_steps import Step
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.security_checkup_dialog import SecurityCheckupDialog
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.test_self_service import CHROME, IPHONE, login_as
from tests.screenshot_helper import LANGUAGES, THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account, unique_phone

pytestmark = pytest.mark.gui
SIZE = QSize(800, 540)


def _loaded(qtbot: Any, dialog: SecurityCheckupDialog) -> None:
    dialog.start()
    qtbot.wait(1)
    qtbot.waitUntil(lambda: bool(dialog.presenter.steps) and not dialog.presenter.busy,
                    timeout=10_000)


def test_checkup_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices,
                             pool: RunningPool) -> None:
    email = f"{unique('chkshot')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    runs = len(THEMES) * len(LANGUAGES)
    # A phone and a laptop elsewhere; the summary's run signs out one laptop each time.
    login_as(pool, email, device="shot-phone", agent=IPHONE, password=PASSWORD)
    for run in range(runs):
        login_as(pool, email, device=f"shot-laptop-{run}", agent=CHROME, password=PASSWORD)
    client = pool_services.session.client
    phone = unique_phone()
    started = drive(qtbot, client.send_enroll_factor_request("SMS", phone=phone))
    drive(qtbot, client.enroll_factor("SMS", str(started.enrollment_token),
                                      pool.latest_code(phone)))

    def amber_step(widget: QWidget) -> None:
        assert isinstance(widget, SecurityCheckupDialog)
        _loaded(qtbot, widget)
        widget.go(list(Step).index(Step.SECOND_FACTOR))
        assert not widget.presenter.state_of(Step.SECOND_FACTOR).ok  # type: ignore[union-attr]
        assert widget.error.text() == ""

    def summary(widget: QWidget) -> None:
        assert isinstance(widget, SecurityCheckupDialog)
        _loaded(qtbot, widget)
        widget.go(list(Step).index(Step.DEVICES))
        laptop = next(d for d in widget.presenter.facts.other_devices  # type: ignore[union-attr]
                      if d.device_id.startswith("shot-laptop-"))
        widget.presenter.sign_out_device(laptop.device_id)
        qtbot.wait(1)
        qtbot.waitUntil(lambda: not widget.presenter.busy, timeout=10_000)
        widget.go(widget.last)
        assert widget.presenter.changes and widget.error.text() == ""

    def build() -> QWidget:
        return SecurityCheckupDialog(pool_services)

    written = capture(qtbot, qapp, "checkup-step", build, prepare=amber_step, size=SIZE,
                      themes=THEMES)
    written += capture(qtbot, qapp, "checkup-summary", build, prepare=summary, size=SIZE,
                       themes=THEMES)
    assert len(written) == 2 * runs
    assert all(path.stat().st_size > 5_000 for path in written)
