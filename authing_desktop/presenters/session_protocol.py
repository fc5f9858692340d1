"""What the account presenters need from the session: the `Session` service satisfies it, and
presenter tests pass a small double that wraps a real signed-in `AuthenticationClient`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from authing_desktop.services.session import SessionState

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import User


class AccountSession(Protocol):
    """The signed-in session as the account pages see it.

    ``user_changed`` (a Qt signal carrying ``User | None``) fires after sign-in, sign-out,
    `update_user` and `refresh_user`; ``state_changed`` carries a `SessionState`.
    """

    user_changed: Any
    state_changed: Any

    @property
    def state(self) -> str: ...

    @property
    def user(self) -> User | None: ...

    @property
    def account(self) -> str: ...

    @property
    def client(self) -> AuthenticationClient: ...

    def update_user(self, user: User) -> None: ...

    async def refresh_user(self) -> User: ...

    async def confirm_it_is_you(self, action: str) -> bool: ...

    async def prove_with_password(self, password: str) -> None: ...


def is_signed_in(session: AccountSession) -> bool:
    """Whether ``session`` has a user the account pages can show."""
    return session.state == SessionState.SIGNED_IN and session.user is not None
