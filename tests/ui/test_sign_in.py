"""The sign-in page end to end on the local pool: typing and clicking every method."""

from __future__ import annotations

from typing import Any

import pytest

from authing_desktop.presenters.sign_in import Method
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.ui.sign_in_support import (
    PASSWORD,
    choose,
    click,
    open_window,
    register_email_account,
    type_into,
    unique_phone,
    visible_text,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _signed_in(qtbot: Any, services: AppServices, window: Any) -> None:
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)
    qtbot.waitUntil(lambda: window.current_page_key == "profile", timeout=2000)


def test_the_demo_account_signs_in_and_out(qtbot: Any, pool_services: AppServices) -> None:
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    assert view.local_badge.isVisible() and view.local_badge.text() == "Local pool"
    assert "outbox" in view.outbox_note.text() and view.outbox_note.isVisible()
    click(qtbot, view.demo)
    assert view.email.text() == "demo@example.com" and view.password.text() == "passw0rd"
    click(qtbot, view.submit)
    _signed_in(qtbot, pool_services, window)
    assert pool_services.session.user is not None
    assert pool_services.session.user.email == "demo@example.com"
    # Back on the Sign in page: who is signed in, and the way out.
    window.show_page("signin")
    assert page.current_view is page.signed_in
    assert "demo@example.com" in page.signed_in.who.text()
    click(qtbot, page.signed_in.sign_out)
    qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_OUT, timeout=5000)
    assert window.current_page_key == "signin" and page.current_view is page.sign_in


def test_email_password_by_keyboard_with_remember(qtbot: Any,
                                                  pool_services: AppServices) -> None:
    email = f"{unique('kb')}@example.com"
    register_email_account(qtbot, pool_services, email)
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    type_into(qtbot, view.email, email)
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.remember)
    qtbot.keyClick(view.password.edit, "\r")  # Enter submits
    _signed_in(qtbot, pool_services, window)
    profile_id = pool_services.connection.profile_id
    assert drive(qtbot, pool_services.token_store.get(profile_id, email))
    assert view.accounts.findData(email) >= 0  # the recent-accounts list


def test_wrong_password_keeps_the_form_and_says_why(qtbot: Any,
                                                    pool_services: AppServices) -> None:
    email = f"{unique('wp')}@example.com"
    register_email_account(qtbot, pool_services, email)
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    type_into(qtbot, view.email, email)
    type_into(qtbot, view.password.edit, "Wrong-pass1")
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    qtbot.waitUntil(lambda: view.status.error.isVisible())
    assert view.status.error.text() == "Wrong account or password."
    assert view.email.text() == email and view.password.text() == "Wrong-pass1"
    assert pool_services.session.state == SessionState.SIGNED_OUT


def test_inline_validation_sends_nothing(qtbot: Any, pool_services: AppServices) -> None:
    calls: list[Any] = []
    pool_services.connection.client.observer = calls.append  # type: ignore[union-attr]
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    type_into(qtbot, view.email, "not-an-email")
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    assert view.rows["email"].error.text() == "This is not a valid email address."
    assert view.rows["password"].error.text() == "Please enter your password."
    choose(view.method, Method.PHONE_CODE)
    type_into(qtbot, view.phone, "12345")
    click(qtbot, view.send_code)
    wait_idle(qtbot, view.presenter)
    assert view.rows["phone"].error.text() == "This is not a valid phone number."
    assert calls == []


def test_username_and_phone_password_methods(qtbot: Any, pool_services: AppServices) -> None:
    username, phone = unique("un"), unique_phone()
    client = pool_services.session.client
    drive(qtbot, client.register_by_username(username, PASSWORD))
    drive(qtbot, client.send_sms_code(phone))
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    choose(view.method, Method.USERNAME)
    assert view.username.isVisible() and not view.email.isVisible()
    type_into(qtbot, view.username, username)
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    _signed_in(qtbot, pool_services, window)
    assert pool_services.session.user.username == username  # type: ignore[union-attr]
    drive(qtbot, pool_services.session.sign_out())


def test_phone_password_accepts_the_country_prefix(qtbot: Any, pool: RunningPool,
                                                   pool_services: AppServices) -> None:
    phone = unique_phone()
    client = pool_services.session.client
    drive(qtbot, client.send_sms_code(phone))
    drive(qtbot, client.register_by_phone_code(phone, pool.latest_code(phone), PASSWORD))
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    choose(view.method, Method.PHONE_PASSWORD)
    type_into(qtbot, view.phone, f"+86 {phone[:3]} {phone[3:7]} {phone[7:]}")
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    _signed_in(qtbot, pool_services, window)
    assert pool_services.session.user.phone == phone  # type: ignore[union-attr]


def test_phone_code_with_the_code_from_the_outbox(qtbot: Any, pool: RunningPool,
                                                  pool_services: AppServices) -> None:
    phone = unique_phone()
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    choose(view.method, Method.PHONE_CODE)
    assert view.code.isVisible() and not view.password.isVisible()
    type_into(qtbot, view.phone, phone)
    click(qtbot, view.send_code)
    wait_idle(qtbot, view.presenter)
    assert "outbox" in visible_text(view.status.notice)
    # The button waits out the cooldown, counting down.
    assert not view.send_code.isEnabled() and "Resend in" in view.send_code.text()
    type_into(qtbot, view.code, pool.latest_code(phone))
    click(qtbot, view.submit)
    _signed_in(qtbot, pool_services, window)
    assert pool_services.session.user.phone == phone  # type: ignore[union-attr]


def test_a_second_code_too_soon_is_refused_plainly(qtbot: Any,
                                                    pool_services: AppServices) -> None:
    phone = unique_phone()
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    presenter = view.presenter
    choose(view.method, Method.PHONE_CODE)
    type_into(qtbot, view.phone, phone)
    click(qtbot, view.send_code)
    wait_idle(qtbot, presenter)
    presenter.cooldown.stop()  # as if the user's clock ran out; the pool's has not
    click(qtbot, view.send_code)
    wait_idle(qtbot, presenter)
    qtbot.waitUntil(lambda: view.status.error.isVisible())
    assert "wait a minute" in view.status.error.text()
    assert view.status.detail.isVisible()


def test_auto_register_creates_the_account(qtbot: Any, pool_services: AppServices) -> None:
    email = f"{unique('auto')}@example.com"
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    type_into(qtbot, view.email, email)
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.auto_register)
    click(qtbot, view.submit)
    _signed_in(qtbot, pool_services, window)
    assert pool_services.session.user.email == email  # type: ignore[union-attr]


def test_sub_account(qtbot: Any, pool_services: AppServices) -> None:
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    choose(view.method, Method.SUB_ACCOUNT)
    assert view.labels["account"].text() == "Sub-account" and not view.auto_register.isVisible()
    type_into(qtbot, view.account, "demo-sub")
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    _signed_in(qtbot, pool_services, window)
    assert pool_services.session.user.username == "demo-sub"  # type: ignore[union-attr]


@pytest.mark.parametrize("method", [Method.LDAP, Method.AD])
def test_directory_methods_say_plainly_that_none_is_configured(
        qtbot: Any, pool_services: AppServices, method: Method) -> None:
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    choose(view.method, method)
    type_into(qtbot, view.account, "alice")
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    qtbot.waitUntil(lambda: view.status.error.isVisible())
    assert view.status.error.text() == \
        "Not available: this user pool does not offer this, or the item no longer exists."
    assert "LDAP" in view.status.detail.text() or "AD" in view.status.detail.text()
    assert view.account.text() == "alice"


def test_browser_sign_in_is_not_available_yet(qtbot: Any, pool_services: AppServices) -> None:
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    click(qtbot, view.browser)
    wait_idle(qtbot, view.presenter)
    assert view.status.error.text() == (
        "Sign-in with the browser is not available for this connection.")
