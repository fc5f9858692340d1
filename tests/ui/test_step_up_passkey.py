"""Confirming it's you with a security key (docs/step-up.md, method ``PASSKEY``): an old session
(the pool's clock moved past the step-up window) whose account has a key registered through the
software authenticator turns off two-step verification; the step-up dialog offers "My security
key", asks the key's PIN over itself, and the change goes through. Cancelling the key's PIN
and a missing key leave the dialog open and say so; Cancel while the key waits for a touch
stops it and leaves two-step on; a remote profile is not offered the key."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from authing_desktop.api.step_up import StepUpNeed
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.step_up import DEFAULT_MAX_AGE_S
from authing_desktop.presenters.step_up import StepUpChoice, StepUpPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.security_key_errors import KeyFailure, KeyProblem
from authing_desktop.services.security_keys import Interaction
from authing_desktop.ui.main_window import MainWindow
from tests.fixtures.app_services import drive
from tests.fixtures.pool import unique
from tests.fixtures.pool_services import sign_in
from tests.fixtures.soft_key_client import SoftKeys
from tests.ui.sign_in_support import PASSWORD, register_email_account, type_into
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.test_beyond_v2_pages import _answer_question, _idle, _window
from tests.ui.test_step_up import (  # noqa: F401 - fixtures
    _step_up_dialog,
    _turn_on_two_step,
    stepped,
    stepped_pool,
)

pytestmark = pytest.mark.gui


def _old_session_with_a_key(qtbot: Any, services: AppServices, clock: Clock,
                            soft: SoftKeys) -> MainWindow:
    services.passkeys.keys.client_factory = soft
    email = f"{unique('stepkey')}@example.com"
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    drive(qtbot, _turn_on_two_step(services, clock))
    drive(qtbot, services.passkeys.add(services.session.client, "Desk key"))
    window = _window(qtbot, services)
    window.show_page("security")
    page = window.page("security")
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.disableTwoStep").isVisible(),
                    timeout=10_000)
    clock.advance(DEFAULT_MAX_AGE_S + 1)  # the sign-in is no longer a recent proof
    soft.pin = "4321"  # from now on the key asks for its PIN
    return window


def test_turning_off_two_step_with_the_security_key(qtbot: Any, stepped: AppServices,  # noqa: F811
                                                    clock: Clock) -> None:
    soft = SoftKeys()
    window = _old_session_with_a_key(qtbot, stepped, clock, soft)
    page = window.page("security")
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    dialog = _step_up_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.method.findData(StepUpChoice.PASSKEY) >= 0, timeout=10_000)
    dialog.choose(StepUpChoice.PASSKEY)
    assert dialog.method.currentText() == "My security key"
    hint = _find(dialog, QLabel, "stepUp.keyHint")
    assert hint.isVisible() and hint.text() == "Touch your security key when it blinks."
    assert not dialog.password.edit.isVisible() and not dialog.code.isVisible()

    # The PIN is asked over the dialog; cancelling it keeps the dialog, with why.
    asker = window.step_up
    touched = soft.touched
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: asker.pin_asker is not None and asker.pin_asker.dialog is not None,
                    timeout=10_000)
    assert asker.pin_asker is not None and asker.pin_asker.dialog is not None
    _click(qtbot, asker.pin_asker.dialog, "securityKeyPin.cancel")
    error = _find(dialog, QLabel, "stepUp.error")
    qtbot.waitUntil(lambda: error.isVisible() and error.text() != "", timeout=10_000)
    assert error.text() == "The key needs its PIN to continue. Try again and enter the PIN."
    assert dialog.isVisible() and soft.touched == touched
    assert _find(page, QPushButton, "security.disableTwoStep").isVisible()

    # No key plugged in: said in the words of every other key ceremony.
    def no_key(origin: str, interaction: Interaction) -> Any:
        raise KeyFailure(KeyProblem.NO_KEY)

    stepped.passkeys.keys.client_factory = no_key
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: error.text().startswith("No security key was found."),
                    timeout=10_000)
    assert dialog.isVisible()

    # Another key, not one of this account's: said for a confirmation, not a sign-in.
    def other_key(origin: str, interaction: Interaction) -> Any:
        raise KeyFailure(KeyProblem.NOT_REGISTERED)

    stepped.passkeys.keys.client_factory = other_key
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: error.text() == "This key is not one of your account's keys. Use "
                    "another key, or confirm another way.", timeout=10_000)
    assert dialog.isVisible()
    stepped.passkeys.keys.client_factory = soft

    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: asker.pin_asker is not None and asker.pin_asker.dialog is not None,
                    timeout=10_000)
    assert asker.pin_asker is not None and asker.pin_asker.dialog is not None
    type_into(qtbot, asker.pin_asker.dialog.field.edit, "4321")
    _click(qtbot, asker.pin_asker.dialog, "securityKeyPin.submit")
    qtbot.waitUntil(lambda: window.step_up.dialog is None, timeout=10_000)
    assert soft.touched == touched + 1
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.enableTwoStep").isVisible(),
                    timeout=10_000)
    assert drive(qtbot, stepped.session.client.list_enrolled_factors()) == []


def test_cancel_while_the_key_waits_for_a_touch(qtbot: Any, stepped: AppServices,  # noqa: F811
                                                clock: Clock) -> None:
    soft = SoftKeys()
    window = _old_session_with_a_key(qtbot, stepped, clock, soft)
    soft.pin = None
    soft.hold = threading.Event()  # a key nobody touches
    page = window.page("security")
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    dialog = _step_up_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.method.findData(StepUpChoice.PASSKEY) >= 0, timeout=10_000)
    dialog.choose(StepUpChoice.PASSKEY)
    touched = soft.touched
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(soft.waiting.is_set, timeout=10_000)
    assert not dialog.confirm_button.isEnabled()  # busy while the key is asked
    _click(qtbot, dialog, "stepUp.cancel")
    qtbot.waitUntil(lambda: window.step_up.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: not stepped.passkeys.keys.busy, timeout=10_000)  # the wait ended
    error = _find(page, QLabel, "security.error")
    qtbot.waitUntil(lambda: "confirm it's you" in error.text(), timeout=10_000)
    assert soft.touched == touched
    assert _find(page, QPushButton, "security.disableTwoStep").isVisible()
    assert len(drive(qtbot, stepped.session.client.list_enrolled_factors())) == 1


def _loaded(qtbot: Any, presenter: StepUpPresenter) -> None:
    task = presenter.load()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() is True


def test_a_remote_profile_is_not_offered_the_key(qtbot: Any, stepped: AppServices,  # noqa: F811
                                                 clock: Clock) -> None:
    soft = SoftKeys()
    _old_session_with_a_key(qtbot, stepped, clock, soft)
    session = stepped.session
    need = StepUpNeed("DELETE /api/v2/mfa/totp/associate", session.client.token or "")
    local = StepUpPresenter(session, stepped.tasks, need, passkeys=stepped.passkeys)
    _loaded(qtbot, local)
    assert StepUpChoice.PASSKEY in local.choices()
    session.client.transport.step_up.enforce_locally = True  # as for Authing cloud
    try:
        remote = StepUpPresenter(session, stepped.tasks, need, passkeys=stepped.passkeys)
        _loaded(qtbot, remote)
        assert remote.choices() == (StepUpChoice.PASSWORD,)
    finally:
        session.client.transport.step_up.enforce_locally = False
