"""Passkeys and security keys through the widgets, against the real pool, with the software
authenticator where the USB key would be (tests/fixtures/soft_key_client.py): add a key (name,
touch, PIN), rename and remove it, sign in with it, answer the second step with it; cancel,
"already added", "not registered" and "no permission" said in the user's words."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyotp
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.security_key_errors import KeyFailure, KeyProblem
from authing_desktop.services.security_keys import Interaction
from authing_desktop.services.session import SessionState
from authing_desktop.ui.dialogs.passkey_dialog import PasskeyDialog
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import connected_services, sign_in
from tests.fixtures.soft_key_client import SoftKeys
from tests.presenters.test_wording import english  # noqa: F401 - a fixture (plural forms)
from tests.ui.sign_in_support import (
    PASSWORD,
    click,
    open_window,
    register_email_account,
    type_into,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _answer_question(qtbot: Any, name: str) -> None:
    def button() -> Any:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                found = widget.findChild(QPushButton, name)
                if found is not None:
                    return found
        return None

    qtbot.waitUntil(lambda: button() is not None, timeout=10_000)
    click(qtbot, button())


def _security_page(qtbot: Any, window: MainWindow) -> SecurityPage:
    window.show_page("security")
    page = window.page("security")
    assert isinstance(page, SecurityPage)
    qtbot.waitUntil(lambda: page.passkeys.loaded and page.passkeys.idle, timeout=10_000)
    return page


def _add_dialog(qtbot: Any, page: SecurityPage) -> PasskeyDialog:
    click(qtbot, page.passkeys_card.add_button)
    qtbot.waitUntil(lambda: page.passkey_dialog is not None
                    and page.passkey_dialog.isVisible(), timeout=10_000)
    assert page.passkey_dialog is not None
    return page.passkey_dialog


def _signed_in_window(qtbot: Any, services: AppServices, soft: SoftKeys,
                      email: str) -> tuple[MainWindow, SecurityPage]:
    services.passkeys.keys.client_factory = soft
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    window, _signin = open_window(qtbot, services)
    return window, _security_page(qtbot, window)


def test_add_a_key_with_its_pin_rename_it_and_remove_it(
        qtbot: Any, pool_services: AppServices, english: None) -> None:  # noqa: F811
    soft = SoftKeys(pin="4321")
    _window, page = _signed_in_window(qtbot, pool_services, soft, f"{unique('pk')}@example.com")
    assert page.passkeys_card.empty.isVisible()
    assert page.passkeys_card.empty.text().startswith("No security key yet")
    assert page.passkeys_action.text() == "Add…"

    dialog = _add_dialog(qtbot, page)
    type_into(qtbot, dialog.name, "   ")
    click(qtbot, dialog.submit)
    qtbot.waitUntil(lambda: dialog.name_row.error.isVisible())
    assert dialog.name_row.error.text().startswith("Please give the key a name")
    refused = dialog._task
    type_into(qtbot, dialog.name, "Blue USB key")
    click(qtbot, dialog.submit)
    # The key asks for its PIN: a dialog over the add dialog, the window stays responsive.
    qtbot.waitUntil(lambda: page.pin_asker is not None and page.pin_asker.dialog is not None,
                    timeout=10_000)
    assert page.pin_asker is not None and page.pin_asker.dialog is not None
    pin = page.pin_asker.dialog
    assert dialog.touch_box.isVisible() and not dialog.submit.isEnabled()
    # The refused submit's end, had it come this late, leaves the touch prompt alone.
    assert refused is not None and refused.done() and refused is not dialog._task
    dialog._finished(refused)
    assert dialog.touch_box.isVisible()
    type_into(qtbot, pin.field.edit, "12")
    click(qtbot, pin.submit)
    assert pin.row.error.text() == "A security key PIN has at least 4 characters."
    type_into(qtbot, pin.field.edit, "4321")
    click(qtbot, pin.submit)
    qtbot.waitUntil(lambda: page.passkey_dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: len(page.passkeys_card.rows) == 1, timeout=10_000)
    row = page.passkeys_card.rows[0]
    assert row.name.text() == "Blue USB key"
    assert row.details.text().startswith("Security key · Added ")
    assert row.details.text().endswith(" · Not used yet")
    assert page.notice_label.text() == "Added “Blue USB key”. You can sign in with it now."
    port = urlsplit(pool_services.session.client.profile.host).port
    assert soft.origins == [f"http://localhost:{port}"]  # the pool's origin, as localhost
    card = page.methods.cards["passkey"]
    assert card.badge.text() == "1 key"
    assert page.passkeys_action.text() == "Manage…"

    # The same key again: already added (the pool lists it in excludeCredentials).
    dialog = _add_dialog(qtbot, page)
    type_into(qtbot, dialog.name, "Again")
    click(qtbot, dialog.submit)
    qtbot.waitUntil(lambda: page.pin_asker is not None and page.pin_asker.dialog is not None,
                    timeout=10_000)
    assert page.pin_asker is not None and page.pin_asker.dialog is not None
    type_into(qtbot, page.pin_asker.dialog.field.edit, "4321")
    click(qtbot, page.pin_asker.dialog.submit)
    qtbot.waitUntil(lambda: dialog.status.error.isVisible(), timeout=10_000)
    assert dialog.status.error.text() == "This key is already added to your account."
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: page.passkey_dialog is None)

    # Rename.
    click(qtbot, row.rename)
    qtbot.waitUntil(lambda: page.passkey_dialog is not None
                    and page.passkey_dialog.isVisible(), timeout=10_000)
    rename = page.passkey_dialog
    assert rename is not None and rename.name.text() == "Blue USB key"
    type_into(qtbot, rename.name, "Desk key")
    click(qtbot, rename.submit)
    qtbot.waitUntil(lambda: page.passkeys_card.rows[0].name.text() == "Desk key",
                    timeout=10_000)
    assert page.notice_label.text() == "Renamed to “Desk key”."

    # Remove, after a question.
    click(qtbot, page.passkeys_card.rows[0].remove)
    _answer_question(qtbot, "security.removePasskeyConfirm.remove")
    qtbot.waitUntil(lambda: not page.passkeys_card.rows, timeout=10_000)
    assert page.notice_label.text() == "Removed “Desk key”. It can no longer sign in."
    assert page.passkeys_card.empty.isVisible()
    assert drive(qtbot, pool_services.session.client.list_passkeys()) == []


def test_cancel_while_the_key_waits_keeps_the_dialog(qtbot: Any,
                                                     pool_services: AppServices) -> None:
    soft = SoftKeys(hold=threading.Event())
    _window, page = _signed_in_window(qtbot, pool_services, soft, f"{unique('pk')}@example.com")
    dialog = _add_dialog(qtbot, page)
    type_into(qtbot, dialog.name, "Never touched")
    click(qtbot, dialog.submit)
    qtbot.waitUntil(soft.waiting.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.touch.text() == "Touch your security key now.",
                    timeout=5000)
    assert pool_services.passkeys.keys.busy
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: dialog.presenter.idle and not pool_services.passkeys.keys.busy,
                    timeout=5000)
    assert dialog.isVisible() and dialog.submit.isEnabled()
    assert dialog.status.notice.text() == "Stopped. Nothing was changed."
    assert not dialog.status.error.isVisible()
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: page.passkey_dialog is None)
    assert drive(qtbot, pool_services.session.client.list_passkeys()) == []


def test_sign_in_with_a_security_key(qtbot: Any, pool_services: AppServices) -> None:
    soft = SoftKeys()
    pool_services.passkeys.keys.client_factory = soft
    email = f"{unique('pk')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    drive(qtbot, pool_services.passkeys.add(pool_services.session.client, "Key"))
    drive(qtbot, pool_services.session.sign_out())

    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    assert view.security_key.text() == "Sign in with a security key"
    click(qtbot, view.security_key)
    qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_IN,
                    timeout=10_000)
    assert pool_services.session.user is not None
    assert pool_services.session.user.email == email
    assert pool_services.session.account == email
    qtbot.waitUntil(lambda: window.current_page_key == "profile", timeout=5000)
    history = drive(qtbot, pool_services.session.client.get_login_history())
    assert history.items[0].login_method == "loginByPasskey"

    # Another key, not registered here: said so.
    drive(qtbot, pool_services.session.sign_out())
    window.show_page("signin")
    soft.authenticator = type(soft.authenticator)()
    click(qtbot, view.security_key)
    wait_idle(qtbot, view.presenter)
    assert view.status.error.text().startswith(
        "This key is not registered for this account here.")
    assert pool_services.session.state == SessionState.SIGNED_OUT


def test_no_key_and_a_missing_udev_rule_are_told_apart(qtbot: Any,
                                                       pool_services: AppServices) -> None:
    problems = [KeyProblem.NO_KEY, KeyProblem.NO_PERMISSION]

    def factory(origin: str, interaction: Interaction) -> Any:
        raise KeyFailure(problems.pop(0))

    pool_services.passkeys.keys.client_factory = factory
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    click(qtbot, view.security_key)
    wait_idle(qtbot, view.presenter)
    assert view.status.error.text().startswith("No security key was found.")
    click(qtbot, view.security_key)
    wait_idle(qtbot, view.presenter)
    assert "udev rule" in view.status.error.text()
    assert "plugdev" in view.status.error.text()
    assert view.security_key.isEnabled()


def test_a_security_key_as_the_second_step(qtbot: Any, qloop: Any, app_paths: Any,
                                           make_pool: Any, tmp_path: Path) -> None:
    pool: RunningPool = make_pool(passkey_second_factor=True)
    services = connected_services(qtbot, app_paths, pool)
    try:
        soft = SoftKeys()
        services.passkeys.keys.client_factory = soft
        email = f"{unique('pk')}@example.com"
        register_email_account(qtbot, services, email)
        sign_in(qtbot, services, email, PASSWORD)
        drive(qtbot, services.passkeys.add(services.session.client, "Key"))
        drive(qtbot, services.session.sign_out())

        window, page = open_window(qtbot, services)
        view = page.sign_in
        type_into(qtbot, view.email, email)
        type_into(qtbot, view.password.edit, PASSWORD)
        click(qtbot, view.submit)
        qtbot.waitUntil(lambda: view.second_factor.dialog is not None
                        and view.second_factor.dialog.isVisible(), timeout=10_000)
        second = view.second_factor.dialog
        assert second is not None
        assert second.use_key.isVisible() and second.use_key.text() == "Use a security key"
        touched = soft.touched
        click(qtbot, second.use_key)
        qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN,
                        timeout=10_000)
        assert soft.touched == touched + 1
        assert services.session.user is not None and services.session.user.email == email
        qtbot.waitUntil(lambda: window.current_page_key == "profile", timeout=5000)
        history = drive(qtbot, services.session.client.get_login_history())
        assert history.items[0].second_factor == "passkey"

        # With an authenticator app too: its codes in the list, the key beside them.
        client = services.session.client
        enrollment = drive(qtbot, client.associate_mfa_authenticator())
        drive(qtbot, client.confirm_associate_mfa_authenticator(
            pyotp.TOTP(enrollment.secret).now()))
        drive(qtbot, services.session.sign_out())
        window.show_page("signin")
        type_into(qtbot, view.email, email)
        type_into(qtbot, view.password.edit, PASSWORD)
        click(qtbot, view.submit)
        qtbot.waitUntil(lambda: view.second_factor.dialog is not None
                        and view.second_factor.dialog.isVisible(), timeout=10_000)
        second = view.second_factor.dialog
        assert second is not None
        assert [second.method.itemData(i).value for i in range(second.method.count())] == [
            "totp", "recovery"]
        assert second.code_row.isVisible() and second.use_key.isVisible()
        click(qtbot, second.use_key)
        qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN,
                        timeout=10_000)
    finally:
        drive(qtbot, services.aclose())


def test_cancel_a_security_key_sign_in(qtbot: Any, pool_services: AppServices) -> None:
    soft = SoftKeys(hold=threading.Event())
    pool_services.passkeys.keys.client_factory = soft
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    click(qtbot, view.security_key)
    qtbot.waitUntil(soft.waiting.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: view.status.notice.text() == "Touch your security key now.",
                    timeout=5000)
    assert view.security_key.text() == "Waiting for your security key…"
    assert not view.security_key.isEnabled()
    click(qtbot, view.security_key_cancel)
    wait_idle(qtbot, view.presenter)
    qtbot.waitUntil(lambda: not pool_services.passkeys.keys.busy, timeout=5000)
    assert view.status.notice.text() == "Stopped. Nothing was changed."
    assert not view.status.error.isVisible()
    assert view.security_key.isEnabled() and not view.security_key_cancel.isVisible()
    assert pool_services.session.state == SessionState.SIGNED_OUT
