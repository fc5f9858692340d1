"""Sign-in challenges through the widgets: captcha, lockout, first-login (1639) and forced
(2058) password resets, Esc cancelling."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.ui.pages import page_spec
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import connected_services
from tests.ui.sign_in_support import (
    NEW_PASSWORD,
    PASSWORD,
    click,
    open_window,
    register_email_account,
    type_into,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _fail_logins(qtbot: Any, services: AppServices, email: str, times: int) -> None:
    from authing_desktop.api.errors import AuthingError

    for _ in range(times):
        with pytest.raises(AuthingError):
            drive(qtbot, services.session.client.login_by_email(email, "Wrong-pass1"))


def test_captcha_after_failures_then_signed_in(qtbot: Any, pool_services: AppServices,
                                               pool: RunningPool) -> None:
    email = f"{unique('cap')}@example.com"
    register_email_account(qtbot, pool_services, email)
    _fail_logins(qtbot, pool_services, email, 3)
    window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    type_into(qtbot, view.email, email)
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    assert view.status.error.text() == (
        "Unusual activity on this account: please enter the captcha.")
    assert view.captcha.isVisible() and view.captcha.image.pixmap() is not None
    first_image = view.presenter.captcha_image
    answer = pool.latest_captcha()

    # A wrong answer burns the captcha: a new image, the password still typed.
    type_into(qtbot, view.captcha.edit, "0000" if answer != "0000" else "1111")
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    # Called what it is (the server says "wrong code"), with no server words beside it.
    assert view.status.error.text() == (
        "The captcha was wrong. Type the characters in the new picture.")
    assert not view.status.detail.isVisible()
    assert view.rows["captcha"].error.text() == "That was not the text in the picture."
    assert view.presenter.captcha_image != first_image
    assert view.password.text() == PASSWORD and view.email.text() == email

    # The refresh button fetches yet another one; its answer works.
    second_image = view.presenter.captcha_image
    click(qtbot, view.captcha.refresh)
    wait_idle(qtbot, view.presenter)
    assert view.presenter.captcha_image != second_image
    type_into(qtbot, view.captcha.edit, pool.latest_captcha())
    click(qtbot, view.submit)
    qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_IN, timeout=10_000)
    # The window opens the account pages on the next turn.
    qtbot.waitUntil(lambda: window.current_page_key == "profile", timeout=2000)
    assert not view.captcha.isVisible()


def test_captcha_is_required_before_sending(qtbot: Any, pool_services: AppServices) -> None:
    email = f"{unique('cap')}@example.com"
    register_email_account(qtbot, pool_services, email)
    _fail_logins(qtbot, pool_services, email, 3)
    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    type_into(qtbot, view.email, email)
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    assert view.captcha.isVisible()
    click(qtbot, view.submit)  # no answer typed
    wait_idle(qtbot, view.presenter)
    assert view.rows["captcha"].error.text() == (
        "Please type the characters shown in the image.")


def test_a_locked_account_is_told_plainly(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                          make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(lockout_after=2, captcha_after=50, demo=False)
    services = connected_services(qtbot, app_paths, pool)
    try:
        email = f"{unique('lock')}@example.com"
        register_email_account(qtbot, services, email)
        _fail_logins(qtbot, services, email, 2)
        _window, page = open_window(qtbot, services)
        view = page.sign_in
        type_into(qtbot, view.email, email)
        type_into(qtbot, view.password.edit, PASSWORD)
        click(qtbot, view.submit)
        wait_idle(qtbot, view.presenter)
        assert view.status.error.text() == "This account is locked."
        assert services.session.state == SessionState.SIGNED_OUT
    finally:
        drive(qtbot, services.aclose())


def _answer_dialog(qtbot: Any, view: Any, password: str, confirm: str) -> Any:
    qtbot.waitUntil(lambda: view.asker.dialog is not None and view.asker.dialog.isVisible(),
                    timeout=10_000)
    dialog = view.asker.dialog
    type_into(qtbot, dialog.password.edit, password)
    type_into(qtbot, dialog.confirm.edit, confirm)
    click(qtbot, dialog.submit)
    return dialog


def test_first_login_and_forced_reset_dialogs(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                              make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool()  # the demo users change for good: a pool of their own
    services = connected_services(qtbot, app_paths, pool)
    try:
        # Only the sign-in page: this test signs in twice, and the account pages' loads are
        # not what it is about.
        window, page = open_window(qtbot, services, pages=(page_spec("signin"),))
        view = page.sign_in
        # 1639: first sign-in must choose a password; a mismatch is caught in the dialog.
        type_into(qtbot, view.email, "firstlogin@example.com")
        type_into(qtbot, view.password.edit, PASSWORD)
        click(qtbot, view.submit)
        dialog = _answer_dialog(qtbot, view, NEW_PASSWORD, "something else")
        assert dialog.confirm_error.text() == "The two passwords do not match."
        assert "first sign-in" in dialog.intro.text()
        type_into(qtbot, dialog.confirm.edit, NEW_PASSWORD)
        click(qtbot, dialog.submit)
        qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)
        assert services.session.user.email == "firstlogin@example.com"  # type: ignore[union-attr]
        assert page.current_view is page.signed_in
        drive(qtbot, services.session.sign_out())
        # The new password is the password now.
        user = drive(qtbot, services.session.client.login_by_email(
            "firstlogin@example.com", NEW_PASSWORD))
        assert user.token
        services.session.client.clear_current_user()

        # 2058: a forced reset (old password known from the form).
        window.show_page("signin")
        type_into(qtbot, view.email, "expired@example.com")
        type_into(qtbot, view.password.edit, PASSWORD)
        click(qtbot, view.submit)
        dialog = _answer_dialog(qtbot, view, NEW_PASSWORD, NEW_PASSWORD)
        assert "must be changed" in dialog.intro.text()
        qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)
        assert services.session.user.email == "expired@example.com"  # type: ignore[union-attr]
    finally:
        drive(qtbot, services.aclose())


def test_cancelling_the_reset_dialog_leaves_the_user_signed_out(
        qtbot: Any, qloop: Any, app_paths: AppPaths,
        make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool()
    services = connected_services(qtbot, app_paths, pool)
    try:
        _window, page = open_window(qtbot, services)
        view = page.sign_in
        type_into(qtbot, view.email, "firstlogin@example.com")
        type_into(qtbot, view.password.edit, PASSWORD)
        click(qtbot, view.submit)
        qtbot.waitUntil(lambda: view.asker.dialog is not None, timeout=10_000)
        click(qtbot, view.asker.dialog.cancel_button)
        wait_idle(qtbot, view.presenter)
        assert view.status.error.text() == (
            "You need to set a new password before you can sign in.")
        assert services.session.state == SessionState.SIGNED_OUT
        assert view.password.text() == PASSWORD
    finally:
        drive(qtbot, services.aclose())


def test_escape_cancels_a_running_request(qtbot: Any, pool_services: AppServices) -> None:
    import asyncio

    _window, page = open_window(qtbot, pool_services)
    view = page.sign_in
    gate = asyncio.Event()

    async def stalled() -> None:
        await gate.wait()

    view.presenter.start(stalled(), name="signin.submit")
    qtbot.waitUntil(lambda: view.presenter.busy)
    assert view.status.busy.isVisible() and not view.submit.isEnabled()
    qtbot.keyClick(view, "\x1b")  # Esc
    qtbot.waitUntil(lambda: not view.presenter.busy)
    assert view.submit.isEnabled() and not view.status.busy.isVisible()
