"""The account presenters end the session on a dead token only when it is still the session's:
a call that raced a sign-out, or a sign-in as someone else, must not sign the new session out."""

from __future__ import annotations

from typing import Any

from authing_desktop.presenters.profile import ProfilePresenter
from tests.fixtures.account_session import SignedInSession, settle


def _presenter(account: SignedInSession, app_services: Any) -> ProfilePresenter:
    return ProfilePresenter(account, app_services.tasks, app_services.avatars)


def test_a_revoked_current_token_ends_the_session(
        qtbot: Any, account: SignedInSession, app_services: Any) -> None:
    presenter = _presenter(account, app_services)
    dead: list[str] = []
    presenter.session_dead.connect(dead.append)
    settle(qtbot, app_services.tasks.start(account.client.logout(), name="logout-elsewhere"))
    account.client.set_token(account.user.token if account.user else None)  # the old token
    settle(qtbot, presenter.load())
    assert len(dead) == 1 and dead[0]


def test_a_dead_token_from_before_a_new_sign_in_is_ignored(
        qtbot: Any, account: SignedInSession, app_services: Any) -> None:
    presenter = _presenter(account, app_services)
    dead: list[str] = []
    presenter.session_dead.connect(dead.append)
    old_token = account.user.token if account.user else None
    settle(qtbot, app_services.tasks.start(account.client.logout(), name="logout-elsewhere"))
    account.client.set_token(old_token)

    async def load_then_new_sign_in() -> None:
        # The session moves on to another token while the old one's call is answered.
        original = account.client.get_current_user

        async def racing_get_current_user(*args: Any, **kwargs: Any) -> Any:
            try:
                return await original(*args, **kwargs)
            finally:
                account.client.set_token("a-newer-token-of-another-sign-in")

        account.client.get_current_user = racing_get_current_user  # type: ignore[method-assign]
        await account.refresh_user()

    settle(qtbot, presenter.start(load_then_new_sign_in(), name="profile.load"))
    assert dead == []
    assert presenter.error  # the failed call is still reported on the page
