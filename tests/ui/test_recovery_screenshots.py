"""Screenshots of the recovery code for the README (light and dark, English and Chinese):
``docs/screenshots/recovery-<screen>-<theme>_<lang>.png`` for the Security page's recovery-code
card (its date, "Regenerate…") and the new code shown once with Copy / Save / Print kit. The
account and its codes are a throwaway local pool's."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWidget

from authing_desktop.presenters.recovery_code import RecoveryCodePresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.recovery_code_dialog import RecoveryCodeDialog
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import unique
from tests.fixtures.pool_services import sign_in
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account

pytestmark = pytest.mark.gui

DIALOG_SIZE = QSize(560, 260)


def test_recovery_code_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices) -> None:
    email = f"{unique('rk')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    client = pool_services.session.client
    enrollment = drive(qtbot, client.associate_mfa_authenticator())
    totp = pyotp.TOTP(enrollment.secret)
    drive(qtbot, client.confirm_associate_mfa_authenticator(totp.now()))

    def card(widget: QWidget) -> None:
        assert isinstance(widget, MainWindow)
        widget.show_page("security")
        page = widget.page("security")
        assert isinstance(page, SecurityPage)
        qtbot.waitUntil(lambda: page.recovery.presenter.exists is True
                        and not any(p.busy for p in page._presenters), timeout=10_000)
        assert page.recovery.regenerate_button.isVisible()
        top = page.methods.cards["passkey"].mapTo(page.content, QPoint(0, 0)).y()
        page.scroll_area.verticalScrollBar().setValue(top - 8)
        assert page.error_label.text() == ""

    written = capture(qtbot, qapp, "recovery-security", lambda: MainWindow(pool_services),
                      prepare=card, size=DEFAULT_SIZE, themes=THEMES)

    # One real regeneration; each screenshot's dialog shows that code (an authenticator code
    # is accepted once, so it cannot be regenerated for every grab).
    state = drive(qtbot, client.regenerate_recovery_code(totp.now()))
    code = state.code
    assert code

    def dialog() -> QWidget:
        presenter = RecoveryCodePresenter(pool_services.session, pool_services.tasks)
        return RecoveryCodeDialog(presenter)

    def new_code(widget: QWidget) -> None:
        assert isinstance(widget, RecoveryCodeDialog)
        widget.presenter.state = state
        widget.presenter._new_code = code  # the code made above (see there)
        widget.presenter.regenerated.emit()
        qtbot.waitUntil(widget.new_code.isVisible, timeout=5000)

    written += capture(qtbot, qapp, "recovery-new-code", dialog, prepare=new_code,
                       size=DIALOG_SIZE, themes=THEMES)
    assert len(written) == 2 * 2 * len(THEMES)
    assert all(path.stat().st_size > 5_000 for path in written)
