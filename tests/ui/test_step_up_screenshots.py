"""Screenshots of the step-up dialog for the README (light and dark, English and Chinese):
``docs/screenshots/step-up-dialog-<theme>_<lang>.png``, and with "My security key" chosen,
``step-up-passkey-<theme>_<lang>.png``."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from authing_desktop.api.step_up import StepUpNeed
from authing_desktop.presenters.step_up import StepUpChoice, StepUpPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.step_up_dialog import StepUpDialog
from tests.fixtures.app_services import drive
from tests.fixtures.pool import unique
from tests.fixtures.pool_services import sign_in
from tests.fixtures.soft_key_client import SoftKeys
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account

pytestmark = pytest.mark.gui


def test_step_up_dialog_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices) -> None:
    email = f"{unique('stepshot')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    session = pool_services.session
    need = StepUpNeed("/api/v2/mfa/totp/associate", str(session.client.token))

    def dialog() -> QWidget:
        presenter = StepUpPresenter(session, session.tasks, need)
        return StepUpDialog(presenter)

    def loaded(widget: QWidget) -> None:
        assert isinstance(widget, StepUpDialog)
        task = widget.presenter.load()
        qtbot.waitUntil(task.done, timeout=10_000)
        assert widget.presenter.choices() == (StepUpChoice.PASSWORD, StepUpChoice.EMAIL)
        widget.password.edit.setFocus()

    written = capture(qtbot, qapp, "step-up-dialog", dialog, prepare=loaded,
                      size=QSize(520, 180), themes=THEMES)
    assert len(written) == 2 * len(THEMES)
    assert all(path.stat().st_size > 3_000 for path in written)


def test_step_up_with_a_security_key_screenshots(qtbot: Any, qapp: Any,
                                                 pool_services: AppServices) -> None:
    pool_services.passkeys.keys.client_factory = SoftKeys()
    email = f"{unique('stepkeyshot')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    session = pool_services.session
    drive(qtbot, pool_services.passkeys.add(session.client, "Desk key"))
    need = StepUpNeed("/api/v2/mfa/totp/associate", str(session.client.token))

    def dialog() -> QWidget:
        presenter = StepUpPresenter(session, session.tasks, need,
                                    passkeys=pool_services.passkeys)
        return StepUpDialog(presenter)

    def loaded(widget: QWidget) -> None:
        assert isinstance(widget, StepUpDialog)
        task = widget.presenter.load()
        qtbot.waitUntil(task.done, timeout=10_000)
        assert StepUpChoice.PASSKEY in widget.presenter.choices()
        widget.choose(StepUpChoice.PASSKEY)
        widget.confirm_button.setFocus()

    written = capture(qtbot, qapp, "step-up-passkey", dialog, prepare=loaded,
                      size=QSize(520, 180), themes=THEMES)
    assert len(written) == 2 * len(THEMES)
    assert all(path.stat().st_size > 3_000 for path in written)
