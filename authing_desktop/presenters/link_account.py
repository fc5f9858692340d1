"""Linking a secondary account into the signed-in one: sign in to the secondary account with
its own client (the session is untouched), show who it is and what will be lost, then
``link_account(primary token, secondary token)``."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.identifier_checks import check_email, check_password, check_phone
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import User

SIGN_IN = "signIn"
CONFIRM = "confirm"
LINKED = "linked"

EMAIL = "email"
USERNAME = "username"
PHONE = "phone"
METHODS = (EMAIL, USERNAME, PHONE)


class LinkAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    SIGN_IN = "link.signIn"
    LINK = "link.link"


class LinkAccountPresenter(AccountPresenter):
    """``stage_changed`` carries signIn → confirm → linked. `close` must be awaited when the
    dialog goes (it closes the secondary account's client)."""

    stage_changed = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.stage = SIGN_IN
        self.secondary: User | None = None
        self._client: AuthenticationClient | None = None

    def sign_in(self, method: str, account: str, password: str) -> asyncio.Task[bool | None]:
        return self.start(self._sign_in(method, account, password), name=LinkAction.SIGN_IN)

    def link(self) -> asyncio.Task[bool | None]:
        return self.start(self._link(), name=LinkAction.LINK)

    def back(self) -> None:
        """Start over with another secondary account."""
        self.secondary = None
        self.clear_error()
        self._set_stage(SIGN_IN)

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    async def _sign_in(self, method: str, account: str, password: str) -> bool:
        if method not in METHODS:
            raise ValueError(f"unknown sign-in method {method!r}")
        if method == EMAIL:
            value, problem = check_email(account)
        elif method == PHONE:
            value, problem = check_phone(account)
        else:
            value = account.strip()
            problem = "" if value else self.tr("Please enter the username.")
        secret, secret_problem = check_password(password)
        errors = {k: v for k, v in (("account", problem), ("password", secret_problem)) if v}
        self.set_field_errors(errors)
        if errors:
            return False
        client = self._secondary_client()
        if method == EMAIL:
            user = await client.login_by_email(value, secret)
        elif method == PHONE:
            user = await client.login_by_phone_password(value, secret)
        else:
            user = await client.login_by_username(value, secret)
        primary = self._session.user
        if primary is not None and user.id == primary.id:
            client.clear_current_user()
            self.set_field_errors({"account": self.tr(
                "This is the account you are signed in with. Sign in to the other one.")})
            return False
        self.secondary = user
        self._set_stage(CONFIRM)
        return True

    async def _link(self) -> bool:
        from authing_desktop.services.errors import UserFacingError

        if self.secondary is None or self._client is None or not self._client.token:
            raise UserFacingError(self.tr("Sign in to the account to link first."))
        primary = self._session.client
        if not primary.token:
            raise UserFacingError(self.tr("You are not signed in."))
        await primary.link_account(primary.token, self._client.token)
        self._set_stage(LINKED)
        await self._session.refresh_user()
        return True

    def _secondary_client(self) -> AuthenticationClient:
        if self._client is None:
            from authing_desktop.api.client import AuthenticationClient

            # Same pool, own session: signing in here must not replace the primary token.
            self._client = AuthenticationClient(self._session.client.profile)
        return self._client

    def _set_stage(self, stage: str) -> None:
        if stage != self.stage:
            self.stage = stage
            self.stage_changed.emit(stage)
