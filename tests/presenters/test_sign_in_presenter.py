"""The sign-in flow's presenters without widgets: validation, state transitions, cooldown."""

from __future__ import annotations

from typing import Any

import pytest

from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.presenters.identifier_checks import (
    check_code,
    check_email,
    check_new_password,
    check_phone,
)
from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.recover import RecoverForm, RecoverMethod, RecoverPresenter
from authing_desktop.presenters.sign_in import (
    Method,
    ResetReason,
    SignInForm,
    SignInPresenter,
    method_for_account,
)
from authing_desktop.presenters.sign_up import SignUpForm, SignUpMethod, SignUpPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.browser_sign_in import UnavailableBrowserSignIn
from authing_desktop.services.session import SessionState
from tests.fixtures.app_services import drive


class NoAsker:
    async def ask_new_password(self, reason: ResetReason, account: str, apply: Any) -> None:
        raise AssertionError("no reset expected")


def _presenter(services: AppServices) -> SignInPresenter:
    return SignInPresenter(services.session, NoAsker(), UnavailableBrowserSignIn())


@pytest.mark.parametrize(("text", "expected"), [
    ("13800138000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("+1 650 253 0000", "+16502530000"),
])
def test_phone_numbers_are_normalised(text: str, expected: str) -> None:
    assert check_phone(text) == (expected, "")


@pytest.mark.parametrize("text", ["", "12345", "+86 123", "abc"])
def test_bad_phone_numbers_are_refused(text: str) -> None:
    assert check_phone(text)[1]


def test_email_and_other_checks() -> None:
    assert check_email(" Ann@Example.com ") == ("Ann@example.com", "")
    assert check_email("ann@")[1] == "This is not a valid email address."
    assert check_email("")[1] == "Please enter your email address."
    assert check_code("12a")[1] and check_code(" 123456 ") == ("123456", "")
    assert check_new_password("abc", "abc") == {
        "password": "The password must have at least 6 characters."}
    assert check_new_password("abcdef", "abcdeg") == {
        "confirm": "The two passwords do not match."}
    assert check_new_password("abcdef", "abcdef") == {}


def test_remembered_names_choose_the_method() -> None:
    assert method_for_account("a@b.cn") == (Method.EMAIL, "email")
    assert method_for_account("13800138000") == (Method.PHONE_PASSWORD, "phone")
    assert method_for_account("alice") == (Method.USERNAME, "username")


def test_sign_in_validation_per_method(qtbot: Any, app_services: AppServices) -> None:
    presenter = _presenter(app_services)
    _, errors = presenter.validate(SignInForm(method=Method.EMAIL))
    assert set(errors) == {"email", "password"}
    _, errors = presenter.validate(SignInForm(method=Method.PHONE_CODE, phone="13800138000"))
    assert set(errors) == {"code"}
    values, errors = presenter.validate(
        SignInForm(method=Method.SUB_ACCOUNT, account=" demo-sub ", password=" x "))
    assert errors == {} and values == {"account": "demo-sub", "password": " x "}
    _, errors = presenter.validate(SignInForm(method=Method.LDAP))
    assert set(errors) == {"account", "password"}


def test_invalid_input_sends_nothing(qtbot: Any, app_services: AppServices) -> None:
    # app_services has no pool at all: any request would fail with "not running".
    presenter = _presenter(app_services)
    seen: list[dict[str, str]] = []
    presenter.field_errors_changed.connect(seen.append)
    assert drive(qtbot, presenter.submit(SignInForm(email="x", password=""))) is None
    assert set(seen[-1]) == {"email", "password"}
    assert presenter.error == ""


def test_method_switch_clears_field_errors(qtbot: Any, app_services: AppServices) -> None:
    presenter = _presenter(app_services)
    methods: list[Method] = []
    presenter.method_changed.connect(methods.append)
    presenter.set_field_errors({"email": "x"})
    presenter.set_method(Method.PHONE_CODE)
    assert methods == [Method.PHONE_CODE] and presenter.field_errors == {}
    presenter.set_method(Method.PHONE_CODE)
    assert methods == [Method.PHONE_CODE]


def test_sign_in_states_on_the_pool(qtbot: Any, pool_services: AppServices) -> None:
    presenter = _presenter(pool_services)
    busy: list[bool] = []
    presenter.busy_changed.connect(busy.append)
    task = presenter.start(presenter.submit(presenter.demo_form()), name="t.submit")
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() is not None
    assert busy == [True, False]
    assert pool_services.session.state == SessionState.SIGNED_IN
    # Not remembered (the form's "Remember me" is off): not among the recent accounts.
    assert "demo@example.com" not in pool_services.session.remembered_accounts()


def test_wrong_password_sets_error_and_detail(qtbot: Any, pool_services: AppServices) -> None:
    presenter = _presenter(pool_services)
    task = presenter.start(presenter.submit(SignInForm(
        email="demo@example.com", password="not-it-1")), name="t.submit")
    qtbot.waitUntil(task.done, timeout=10_000)
    assert presenter.error == "Wrong account or password."
    assert presenter.detail  # the server's own words


def test_captcha_required_then_state(qtbot: Any, pool_services: AppServices) -> None:
    from tests.fixtures.pool import unique

    email = f"{unique('pc')}@example.com"
    drive(qtbot, pool_services.session.client.register_by_email(email, "passw0rd"))
    presenter = _presenter(pool_services)
    images: list[bytes] = []
    presenter.captcha_changed.connect(images.append)
    for _ in range(4):
        task = presenter.start(presenter.submit(SignInForm(
            email=email, password="Wrong-pass1", captcha="1234" if images else "")),
            name="t.submit")
        qtbot.waitUntil(task.done, timeout=10_000)
    assert presenter.captcha_required and images and images[-1].startswith(b"\x89PNG")
    _, errors = presenter.validate(SignInForm(email=email, password="x"))
    assert "captcha" in errors


def test_sign_up_and_recover_validation(qtbot: Any, app_services: AppServices) -> None:
    sign_up = SignUpPresenter(app_services.session)
    _, errors = sign_up.validate(SignUpForm(method=SignUpMethod.USERNAME, username="a b",
                                            password="abcdef", confirm="abcdef"))
    assert errors == {"username": "A username cannot contain spaces."}
    _, errors = sign_up.validate(SignUpForm(method=SignUpMethod.PHONE, phone="13800138000"))
    assert set(errors) == {"code", "password"}
    recover = RecoverPresenter(app_services.session)
    _, errors = recover.validate(RecoverForm(method=RecoverMethod.PHONE, phone="1",
                                             code="12", password="abcdef", confirm="x"))
    assert set(errors) == {"phone", "confirm"}


def test_cooldown_counts_down_on_its_clock(qtbot: Any, qloop: Any) -> None:
    now = [100.0]
    cooldown = CodeCooldown(60, clock=lambda: now[0])
    seen: list[int] = []
    cooldown.remaining_changed.connect(seen.append)
    cooldown.start()
    assert cooldown.active and cooldown.remaining == 60
    now[0] += 0.4
    cooldown.tick()
    assert cooldown.remaining == 60  # ceil: never shows 59 before a second passed
    now[0] += 30
    cooldown.tick()
    assert cooldown.remaining == 30
    now[0] += 31
    cooldown.tick()
    assert not cooldown.active and seen == [60, 30, 0]


def test_password_strength_local_and_pool(qtbot: Any, pool_services: AppServices) -> None:
    strength = PasswordStrengthPresenter(pool_services.connection, pool_services.tasks,
                                         debounce_ms=10)
    weak = drive(qtbot, strength.evaluate("123"))
    assert weak.score <= 1 and weak.label in ("Very weak", "Weak")
    strong = drive(qtbot, strength.evaluate("correct horse battery staple 9!"))
    assert strong.score == 4 and strong.label == "Strong"
    assert strong.pool_ok is True
    strength.set_password("Tr0ub4dor&3x")
    qtbot.waitUntil(lambda: strength.verdict.pool_ok is not None, timeout=5000)
    strength.set_password("")
    assert strength.verdict.score == -1


def test_a_refused_send_counts_down_the_servers_wait(qtbot: Any,
                                                     pool_services: AppServices) -> None:
    """The countdown was forgotten (a restart): the server's "sent too often" answer names
    the wait, and the send button counts that down instead of offering a send that fails."""
    from tests.ui.sign_in_support import unique_phone

    presenter = _presenter(pool_services)
    phone = unique_phone()
    first = presenter.start(presenter.send_phone_code(phone), name="t.send")
    qtbot.waitUntil(first.done, timeout=10_000)
    assert first.result() is True and presenter.cooldown.active
    presenter.cooldown.stop()
    again = presenter.start(presenter.send_phone_code(phone), name="t.send")
    qtbot.waitUntil(again.done, timeout=10_000)
    assert again.result() is None and presenter.error
    assert 0 < presenter.cooldown.remaining <= 60
