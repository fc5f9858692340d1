"""The "Signed-in apps" view model: the applications this account holds a sign-in to
(``get-my-logged-in-apps``), with the last access, and signing out of one of them on every
computer (docs/protocol.md, Signing out)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner


class SignedInAppsAction(StrEnum):
    """The intents this presenter runs (a newer one of a name cancels the older)."""

    LOAD = "signedInApps.load"
    SIGN_OUT = "signedInApps.signOut"


@dataclass(frozen=True)
class SignedInAppRow:
    """One application of the list; ``this_app``: the application this client signs in to
    (signing out of it everywhere signs this computer out too)."""

    app_id: str
    name: str
    active: bool
    last_access: dt.datetime | None
    this_app: bool


class SignedInAppsPresenter(AccountPresenter):
    """``apps_changed`` carries the `SignedInAppRow` list (signed-in ones first);
    ``signed_out`` the row an action signed out of."""

    apps_changed = Signal(object)
    signed_out = Signal(object)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.rows: list[SignedInAppRow] = []

    def load(self) -> asyncio.Task[list[SignedInAppRow] | None]:
        return self.start(self._load(), name=SignedInAppsAction.LOAD)

    def sign_out_everywhere(self, app_id: str) -> asyncio.Task[bool | None]:
        """End every session of the account for ``app_id``, on every computer."""
        return self.start(self._sign_out(app_id), name=SignedInAppsAction.SIGN_OUT)

    async def _load(self) -> list[SignedInAppRow]:
        from authing_desktop.api.self_service_models import parse_time

        client = self._session.client
        own = client.profile.app_id
        rows = [SignedInAppRow(app_id=app.app_id, name=app.app_name or app.app_id,
                               active=bool(app.active),
                               last_access=parse_time(app.last_access_time),
                               this_app=bool(own) and app.app_id == own)
                for app in await client.get_logged_in_apps() if app.app_id]
        rows.sort(key=lambda row: not row.active)
        self.rows = rows
        self.apps_changed.emit(rows)
        return rows

    async def _sign_out(self, app_id: str) -> bool:
        from authing_desktop.services.errors import UserFacingError

        row = next((r for r in self.rows if r.app_id == app_id), None)
        if row is None:
            raise UserFacingError(self.tr("Choose an application in the list first."))
        await self._session.client.sign_out_of_app(app_id)
        self.signed_out.emit(row)
        if row.this_app:  # this computer's session ended with the others
            self.session_dead.emit(self.tr(
                "You signed out of this application everywhere, on this computer too."))
            return True
        await self._load()
        return True
