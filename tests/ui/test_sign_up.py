"""Registration through the widgets by each identifier, then signing in with the account."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from authing_desktop.presenters.sign_in import Method
from authing_desktop.presenters.sign_up import SignUpMethod
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.ui.pages import page_spec
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.ui.sign_in_support import (
    NEW_PASSWORD,
    choose,
    click,
    open_window,
    type_into,
    unique_phone,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _fill_password(qtbot: Any, page: Any, password: str = NEW_PASSWORD) -> None:
    type_into(qtbot, page.password.edit, password)
    type_into(qtbot, page.confirm.edit, password)


def _signed_up(qtbot: Any, services: AppServices) -> None:
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)


def test_sign_up_by_email_then_sign_in_again(qtbot: Any, pool_services: AppServices) -> None:
    email = f"{unique('reg')}@example.com"
    # Only the sign-in page: this test signs in twice (the account pages have their tests).
    _window, page = open_window(qtbot, pool_services, pages=(page_spec("signin"),))
    click(qtbot, page.sign_in.sign_up)
    signup = page.sign_up
    assert page.current_view is signup
    type_into(qtbot, signup.email, email)
    _fill_password(qtbot, signup)
    type_into(qtbot, signup.nickname, "Reggie")
    type_into(qtbot, signup.company, "ACME")
    # The meter shows the local estimate and the pool's verdict.
    qtbot.waitUntil(lambda: signup.strength.verdict.pool_ok is not None, timeout=5000)
    assert signup.strength.verdict.score >= 2 and signup.strength.verdict.pool_ok
    assert "Strength:" in signup.password.meter_text.text()  # type: ignore[union-attr]
    click(qtbot, signup.submit)
    _signed_up(qtbot, pool_services)
    user = pool_services.session.user
    assert user is not None and user.email == email
    assert user.nickname == "Reggie" and user.company == "ACME"
    assert page.current_view is page.signed_in

    drive(qtbot, pool_services.session.sign_out())
    view = page.sign_in
    assert page.current_view is view
    type_into(qtbot, view.email, email)
    type_into(qtbot, view.password.edit, NEW_PASSWORD)
    click(qtbot, view.submit)
    _signed_up(qtbot, pool_services)


def test_sign_up_by_username(qtbot: Any, pool_services: AppServices) -> None:
    username = unique("reg")
    _window, page = open_window(qtbot, pool_services)
    page.show_sign_up()
    signup = page.sign_up
    choose(signup.method, SignUpMethod.USERNAME)
    type_into(qtbot, signup.username, username)
    _fill_password(qtbot, signup)
    qtbot.keyClick(signup.confirm.edit, "\r")
    _signed_up(qtbot, pool_services)
    assert pool_services.session.user.username == username  # type: ignore[union-attr]


def test_sign_up_by_phone_code(qtbot: Any, pool: RunningPool,
                               pool_services: AppServices) -> None:
    phone = unique_phone()
    _window, page = open_window(qtbot, pool_services, pages=(page_spec("signin"),))
    page.show_sign_up()
    signup = page.sign_up
    choose(signup.method, SignUpMethod.PHONE)
    type_into(qtbot, signup.phone, phone)
    click(qtbot, signup.send_code)
    wait_idle(qtbot, signup.presenter)
    assert "outbox" in signup.status.notice.text()
    type_into(qtbot, signup.code, pool.latest_code(phone))
    _fill_password(qtbot, signup)
    click(qtbot, signup.submit)
    _signed_up(qtbot, pool_services)
    assert pool_services.session.user.phone == phone  # type: ignore[union-attr]
    # The phone + password method works for the new account.
    drive(qtbot, pool_services.session.sign_out())
    view = page.sign_in
    choose(view.method, Method.PHONE_PASSWORD)
    type_into(qtbot, view.phone, phone)
    type_into(qtbot, view.password.edit, NEW_PASSWORD)
    click(qtbot, view.submit)
    _signed_up(qtbot, pool_services)


def test_sign_up_errors_stay_inline(qtbot: Any, pool_services: AppServices) -> None:
    _window, page = open_window(qtbot, pool_services)
    page.show_sign_up()
    signup = page.sign_up
    type_into(qtbot, signup.email, "demo@example.com")
    type_into(qtbot, signup.password.edit, NEW_PASSWORD)
    type_into(qtbot, signup.confirm.edit, "different")
    click(qtbot, signup.submit)
    wait_idle(qtbot, signup.presenter)
    assert signup.rows["confirm"].error.text() == "The two passwords do not match."
    type_into(qtbot, signup.confirm.edit, NEW_PASSWORD)
    click(qtbot, signup.submit)
    wait_idle(qtbot, signup.presenter)
    assert signup.status.error.text() in ("This account already exists.",
                                          "This email address is already in use.")
    assert signup.email.text() == "demo@example.com"
    assert pool_services.session.state == SessionState.SIGNED_OUT


def test_sign_up_with_custom_fields(qtbot: Any, pool_services: AppServices) -> None:
    email = f"{unique('regudf')}@example.com"
    _window, page = open_window(qtbot, pool_services, pages=(page_spec("signin"),))
    page.show_sign_up()
    signup = page.sign_up
    # The pool's defined fields, optional and typed, after the profile fields.
    qtbot.waitUntil(lambda: set(signup.custom_editors) == {"school", "age", "source"},
                    timeout=5000)
    school = signup.findChild(QLineEdit, "signup.custom_school")
    age = signup.findChild(QLineEdit, "signup.custom_age")
    assert school is signup.custom_editors["school"] and age is not None
    assert signup.custom_labels["school"].text() == "School"
    assert age.placeholderText() == "optional, a number"
    type_into(qtbot, signup.email, email)
    _fill_password(qtbot, signup)
    type_into(qtbot, school, "MIT")
    type_into(qtbot, age, "old")
    click(qtbot, signup.submit)
    wait_idle(qtbot, signup.presenter)
    assert "number" in signup.custom_rows["age"].error.text()
    assert pool_services.session.state == SessionState.SIGNED_OUT
    age.clear()  # left empty: not sent
    click(qtbot, signup.submit)
    _signed_up(qtbot, pool_services)
    # What the pool stored, read back after signing in.
    assert drive(qtbot, pool_services.session.client.get_udf_value()) == {"school": "MIT"}
