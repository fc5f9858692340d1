"""The pages beyond what the v2 SDK offers, on the real session and pool: two-step verification
turned on from the Security page (QR, secret, code, recovery code) and used to sign in through
the second-factor dialog; Devices and sessions; Login history; Your data (export, delete my
account)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pyotp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.services.session import SessionState
from authing_desktop.ui.dialogs.second_factor_dialog import SecondFactorDialog
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.ui.sign_in_support import PASSWORD, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import type_named as _type

pytestmark = pytest.mark.gui


def _window(qtbot: Any, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def _idle(qtbot: Any, page: Any) -> None:
    qtbot.wait(1)
    qtbot.waitUntil(lambda: not any(p.busy for p in page._presenters), timeout=10_000)


def _answer_question(qtbot: Any, name: str) -> None:
    """Click ``name`` (``<key>.<choice>``) in the open question box."""
    def button() -> Any:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                found = widget.findChild(QPushButton, name)
                if found is not None:
                    return found
        return None

    qtbot.waitUntil(lambda: button() is not None, timeout=10_000)
    qtbot.mouseClick(button(), Qt.MouseButton.LeftButton)


def _second_factor_dialog(qtbot: Any, window: MainWindow) -> SecondFactorDialog:
    view = window.page("signin").sign_in  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.second_factor.dialog is not None
                    and view.second_factor.dialog.isVisible(), timeout=10_000)
    dialog = view.second_factor.dialog
    assert isinstance(dialog, SecondFactorDialog)
    return dialog


def _submit_sign_in(qtbot: Any, window: MainWindow, email: str) -> None:
    window.show_page("signin")
    page = window.page("signin")
    _type(qtbot, page, "signin.email", email)
    _type(qtbot, page, "signin.password", PASSWORD)
    _click(qtbot, page, "signin.submit")


def test_two_step_enrol_then_sign_in_with_code_and_recovery_code(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    email = f"{unique('two')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    window = _window(qtbot, pool_services)
    window.show_page("security")
    page = window.page("security")
    _idle(qtbot, page)
    assert _find(page, QPushButton, "security.fix.mfa").isVisible()
    assert not _find(page, QPushButton, "security.disableTwoStep").isVisible()

    _click(qtbot, page, "security.enableTwoStep")
    qtbot.waitUntil(lambda: bool(page.enrol_dialogs) and page.enrol_dialogs[0].isVisible())
    dialog = page.enrol_dialogs[0]
    qtbot.waitUntil(lambda: dialog.secret.text() != "", timeout=10_000)
    assert dialog.qr.modules >= 21
    secret = dialog.secret.text().replace(" ", "")
    assert page.two_step.otpauth_uri.startswith("otpauth://totp/")
    assert f"secret={secret}" in page.two_step.otpauth_uri
    # A wrong code is said inline; the right one turns it on and shows the recovery code.
    _type(qtbot, dialog, "twoStep.code", "000000" if pyotp.TOTP(secret).now() != "000000"
          else "111111")
    _click(qtbot, dialog, "twoStep.confirm")
    qtbot.waitUntil(lambda: _find(dialog, QLabel, "twoStep.codeError").isVisible(),
                    timeout=10_000)
    scan_height = dialog.height()
    _type(qtbot, dialog, "twoStep.code", pyotp.TOTP(secret).now())
    _click(qtbot, dialog, "twoStep.confirm")
    qtbot.waitUntil(lambda: dialog.recovery_code.isVisible(), timeout=10_000)
    recovery = dialog.recovery_code.text()
    assert len(recovery) >= 20
    # The recovery step is sized to itself (no empty space left from the QR step), and the
    # code fits its field whole.
    assert dialog.height() < scan_height / 2
    metrics = dialog.recovery_code.fontMetrics()
    assert dialog.recovery_code.width() > metrics.horizontalAdvance(recovery)
    _click(qtbot, dialog, "twoStep.done")
    qtbot.waitUntil(lambda: not page.enrol_dialogs)
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.disableTwoStep").isVisible(),
                    timeout=10_000)
    assert page.two_step.secret == ""  # forgotten once the dialog closed
    qtbot.waitUntil(lambda: not _find(page, QPushButton, "security.fix.mfa").isVisible(),
                    timeout=10_000)

    # Sign in again: the second-factor dialog takes the computed code.
    drive(qtbot, pool_services.session.sign_out())
    _submit_sign_in(qtbot, window, email)
    second = _second_factor_dialog(qtbot, window)
    assert [second.method.itemData(i).value for i in range(second.method.count())] == [
        "totp", "recovery"]
    _type(qtbot, second, "secondFactor.code", "12ab")
    _click(qtbot, second, "secondFactor.submit")
    qtbot.waitUntil(lambda: second.code_row.error.text() == "The code has 6 digits.")
    _type(qtbot, second, "secondFactor.code", pyotp.TOTP(secret).now())
    _click(qtbot, second, "secondFactor.submit")
    qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_IN, timeout=10_000)
    assert pool_services.session.user.email == email  # type: ignore[union-attr]

    # And with the recovery code: the NEW one is shown once, the old one is dead.
    drive(qtbot, pool_services.session.sign_out())
    _submit_sign_in(qtbot, window, email)
    second = _second_factor_dialog(qtbot, window)
    second.choose(second.method.itemData(1))
    _type(qtbot, second, "secondFactor.code", recovery)
    _click(qtbot, second, "secondFactor.submit")
    qtbot.waitUntil(lambda: second.new_code.isVisible(), timeout=10_000)
    fresh = second.new_code.text()
    assert fresh and fresh != recovery
    _click(qtbot, second, "secondFactor.done")
    qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_IN, timeout=10_000)

    drive(qtbot, pool_services.session.sign_out())
    _submit_sign_in(qtbot, window, email)
    second = _second_factor_dialog(qtbot, window)
    second.choose(second.method.itemData(1))
    _type(qtbot, second, "secondFactor.code", recovery)
    _click(qtbot, second, "secondFactor.submit")
    qtbot.waitUntil(lambda: second.code_row.error.text() == "The recovery code is wrong.",
                    timeout=10_000)
    _click(qtbot, second, "secondFactor.cancel")
    qtbot.waitUntil(lambda: window.page("signin").sign_in.presenter.idle)  # type: ignore[attr-defined]
    assert pool_services.session.state == SessionState.SIGNED_OUT

    # Turning it off asks first.
    sign_in_user = drive(qtbot, _recovery_sign_in(pool_services, email, fresh))
    drive(qtbot, pool_services.session.adopt(sign_in_user, remember=False, account=email))
    window.show_page("security")
    _idle(qtbot, page)
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.enableTwoStep").isVisible(),
                    timeout=10_000)
    user = drive(qtbot, pool_services.session.client.login_by_email(email, PASSWORD))
    assert user.token  # no challenge any more


async def _recovery_sign_in(services: AppServices, email: str, code: str) -> Any:
    from authing_desktop.api.errors import AuthingError
    from authing_desktop.api.self_service_models import MfaChallenge

    client = services.session.client
    try:
        await client.login_by_email(email, PASSWORD)
    except AuthingError as error:
        challenge = MfaChallenge.from_error(error)
        assert challenge is not None
        return (await client.verify_totp_recovery_code(challenge.mfa_token, code)).user
    raise AssertionError("no challenge")


def test_devices_page_and_a_session_revoked_from_another_client(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    from authing_desktop.ui.pages.devices_page import DevicesPage
    from tests.fixtures.account_session import pool_client

    email = f"{unique('dev')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    drive(qtbot, pool_services.session.client.create_device("gui-this-device", name="GUI box"))
    other = pool_client(pool)
    try:
        drive(qtbot, other.login_by_email(email, PASSWORD))
        drive(qtbot, other.create_device("gui-other-device", name="Other laptop"))
        _english_plurals()
        window = _window(qtbot, pool_services)
        window.show_page("devices")
        page = window.page("devices")
        assert isinstance(page, DevicesPage)
        _idle(qtbot, page)
        rows = page.rows_shown()
        names = [row.title.text() for row in rows]
        assert "Other laptop" in names
        assert names.count("GUI box") == 1  # the sign-in's own record is folded into it
        assert not any("Unknown" in name for name in names)
        first = rows[0]
        assert first.title.text() == "GUI box" and first.badge.text() == "This device"
        assert first.title.font().bold() and first.details.text().startswith("Last active ")
        assert "127.0.0.1" in first.details.text()
        item = page.list.item(0)
        assert "GUI box, This device" in item.data(Qt.ItemDataRole.AccessibleTextRole)
        assert page.list.horizontalScrollBar().maximum() == 0
        assert not page.sign_out_button.isEnabled()  # nothing selected
        page.select_device("gui-this-device")
        assert not page.sign_out_button.isEnabled()  # not this one
        page.select_device("gui-other-device")
        _click(qtbot, page, "devices.signOut")
        _answer_question(qtbot, "devices.signOutConfirm.signOut")
        qtbot.waitUntil(lambda: page.notice_label.text() == "Signed out 1 device.",
                        timeout=10_000)
        with pytest.raises(Exception) as caught:
            drive(qtbot, other.get_current_user())
        assert getattr(caught.value, "code", None) == 2020
        assert not page.sign_out_others_button.isEnabled()  # nobody else is signed in

        # The other client signs in again and revokes THIS app's device: the app's next call
        # says 2020, and the app goes back to sign-in with a message.
        drive(qtbot, other.login_by_email(email, PASSWORD))
        drive(qtbot, other.revoke_device_session("gui-this-device"))
        _click(qtbot, page, "devices.refresh")
        qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_OUT,
                        timeout=10_000)
        assert window.current_page_key == "signin"
        message = window.page("signin").sign_in.message  # type: ignore[attr-defined]
        qtbot.waitUntil(message.isVisible)
        assert message.text() == "You are not signed in. Please sign in again."
    finally:
        drive(qtbot, other.aclose())


def test_login_history_page_filters_and_pages(qtbot: Any, pool_services: AppServices) -> None:
    from authing_desktop.api.errors import AuthingError
    from authing_desktop.ui.pages.login_history_page import LoginHistoryPage

    email = f"{unique('hist')}@example.com"
    register_email_account(qtbot, pool_services, email)
    client = pool_services.session.client
    for password in ("Wrong-pass-1", PASSWORD) * 6:  # 12 attempts: two pages of 10
        with contextlib.suppress(AuthingError):
            drive(qtbot, client.login_by_email(email, password))
    client.clear_current_user()
    sign_in(qtbot, pool_services, email, PASSWORD)  # the 13th, a success
    _english_plurals()
    window = _window(qtbot, pool_services)
    window.show_page("history")
    page = window.page("history")
    assert isinstance(page, LoginHistoryPage)
    _idle(qtbot, page)
    table = page.table
    assert table.rowCount() == 10
    results = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert results[:3] == ["Succeeded", "Succeeded", "Failed"]
    assert table.item(2, 1).icon().name() == "circle-x"
    assert table.item(0, 1).icon().name() == "circle-check"
    assert table.item(0, 2).text() == "Email and password"
    assert table.item(2, 4).text() == "Wrong account or password."
    assert "Unknown" not in table.item(0, 3).text()
    assert page.page_label.text() == "Page 1 of 2 · 13 attempts"
    assert table.horizontalScrollBar().maximum() == 0
    right = table.horizontalHeader().sectionViewportPosition(4) + table.columnWidth(4)
    assert right <= table.viewport().width()  # the last column is not clipped
    assert sum(c.succeeded for c in page.chart.counts) == 7
    assert sum(c.failed for c in page.chart.counts) == 6
    assert "7 successful and 6 failed" in page.chart.accessibleDescription()

    assert not _find(page, QPushButton, "history.previous").isEnabled()
    _click(qtbot, page, "history.next")
    _idle(qtbot, page)
    assert table.rowCount() == 3 and page.page_label.text().startswith("Page 2 of 2")
    _click(qtbot, page, "history.previous")
    _idle(qtbot, page)
    assert table.rowCount() == 10

    page.set_result_filter(False)
    _idle(qtbot, page)
    assert table.rowCount() == 6
    assert {table.item(row, 1).text() for row in range(6)} == {"Failed"}
    assert page.page_label.text() == "Page 1 of 1 · 6 attempts"
    assert sum(c.succeeded for c in page.chart.counts) == 0
    page.set_result_filter(True)
    page.set_range(7)
    _idle(qtbot, page)
    assert table.rowCount() == 7 and len(page.chart.counts) == 7


def test_your_data_export_and_delete_my_account(qtbot: Any, pool_services: AppServices,
                                                pool: RunningPool, tmp_path: Any) -> None:
    import json

    from authing_desktop.api.errors import AuthingError
    from authing_desktop.ui.pages.your_data_page import YourDataPage

    email = f"{unique('gone')}@example.com"
    register_email_account(qtbot, pool_services, email)

    async def remembered_sign_in() -> None:
        user = await pool_services.session.client.login_by_email(email, PASSWORD)
        await pool_services.session.adopt(user, remember=True, account=email)

    drive(qtbot, remembered_sign_in())
    profile_id = pool_services.connection.profile_id
    assert drive(qtbot, pool_services.token_store.get(profile_id, email))
    window = _window(qtbot, pool_services)
    window.show_page("yourData")
    page = window.page("yourData")
    assert isinstance(page, YourDataPage)

    # The folder dialog starts in the documents folder unless an existing folder is typed.
    from authing_desktop.ui.folders import documents_folder

    _type(qtbot, page, "yourData.folder", str(tmp_path / "not-there"))
    page.pick_folder()
    assert page.folder_dialog is not None
    assert Path(page.folder_dialog.directory().absolutePath()) == Path(documents_folder())
    page.folder_dialog.reject()
    assert page.export_button.property("kind") == "primary"
    assert page.delete_button.property("kind") == "danger"

    _type(qtbot, page, "yourData.folder", str(tmp_path))
    _click(qtbot, page, "yourData.export")
    qtbot.waitUntil(lambda: page.export_result.isVisible(), timeout=20_000)
    assert page.export_result.text().startswith(f"Exported to {tmp_path}")
    assert not page.progress.isVisible() and page.open_folder.isVisible()
    assert page.export_button.text() == "Export" and page.export_button.isEnabled()
    exported = page.presenter.last_export
    assert exported is not None
    document = json.loads(exported.json_file.read_text(encoding="utf-8"))
    assert document["sections"]["profile"]["email"] == email

    _click(qtbot, page, "yourData.deleteAccount")
    qtbot.waitUntil(lambda: bool(page.delete_dialogs) and page.delete_dialogs[0].isVisible())
    dialog = page.delete_dialogs[0]
    delete = _find(dialog, QPushButton, "deleteAccount.delete")
    assert delete.property("kind") == "danger"
    _type(qtbot, dialog, "deleteAccount.password", "Wrong-pass-1")
    _type(qtbot, dialog, "deleteAccount.confirmation", "someone-else")
    assert not delete.isEnabled()  # the typed confirmation does not match
    _type(qtbot, dialog, "deleteAccount.confirmation", email)
    assert delete.isEnabled()
    _click(qtbot, dialog, "deleteAccount.delete")
    error = _find(dialog, QLabel, "deleteAccount.passwordError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == "Wrong account or password."
    _type(qtbot, dialog, "deleteAccount.password", PASSWORD)
    _click(qtbot, dialog, "deleteAccount.delete")
    qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_OUT, timeout=10_000)
    qtbot.waitUntil(lambda: not page.delete_dialogs)
    assert window.current_page_key == "signin"
    message = window.page("signin").sign_in.message  # type: ignore[attr-defined]
    assert message.text() == "Your account was deleted. You are signed out."
    assert drive(qtbot, pool_services.token_store.get(profile_id, email)) is None
    assert email not in pool_services.session.remembered_accounts()

    with pytest.raises(AuthingError) as caught:
        drive(qtbot, pool_services.session.client.login_by_email(email, PASSWORD))
    assert caught.value.code == 2004


def test_new_page_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices) -> None:
    from PySide6.QtWidgets import QWidget

    from tests.screenshot_helper import THEMES, capture

    sign_in(qtbot, pool_services, "demo@example.com")
    # As the app does after a sign-in (services/this_device.py): the list then shows the
    # registered computer, with the sign-in's own record folded into it.
    drive(qtbot, pool_services.session.client.create_device(
        "screenshot-computer", name="Work laptop", os="Windows 11"))
    written = []
    for key in ("devices", "history", "yourData"):
        def prepare(widget: QWidget, key: str = key) -> None:
            assert isinstance(widget, MainWindow)
            widget.show_page(key)
            page = widget.page(key)
            _idle(qtbot, page)
            assert page.error_label.text() == ""  # type: ignore[attr-defined]

        written += capture(qtbot, qapp, f"account-{key}", lambda: MainWindow(pool_services),
                           prepare=prepare, size=DEFAULT_SIZE, themes=THEMES)
    assert len(written) == 3 * 2 * len(THEMES)
    assert all(path.stat().st_size > 10_000 for path in written)


def _english_plurals() -> None:
    """English as the app installs it at start (its plural forms come from the .qm file); a
    test run alone would otherwise have no translator at all."""
    LanguageInstaller(QApplication.instance()).install("en")
