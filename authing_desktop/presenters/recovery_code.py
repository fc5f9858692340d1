"""The recovery code on the Security page: whether one exists and when it was made, and
making a new one (docs/protocol.md, "Recovery code state"). The new code is held only until the
dialog that shows it closes; it never reaches a log or a file the user did not pick."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.identifier_checks import check_app_code
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.presenters.wording import local_date_time
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import RecoveryCodeState

_NOT_AVAILABLE = 404


@dataclass(frozen=True)
class KitContents:
    """What the printable recovery kit lists: the account, the code and the verified
    contacts."""

    account: str
    code: str
    contacts: tuple[str, ...]


class RecoveryCodeAction(StrEnum):
    """The intents this presenter runs (task names)."""

    LOAD = "recoveryCode.load"
    REGENERATE = "recoveryCode.regenerate"


class RecoveryCodePresenter(AccountPresenter):
    """``state_changed`` fires when the state is known (`exists`, `made`); ``regenerated``
    when a new code is ready in `new_code` (shown once; `forget` drops it)."""

    state_changed = Signal()
    regenerated = Signal()

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.state: RecoveryCodeState | None = None
        self._new_code = ""

    @property
    def exists(self) -> bool | None:
        return None if self.state is None else self.state.exists

    @property
    def made(self) -> str:
        """When the code was made, in the user's locale ("" when unknown)."""
        return local_date_time(self.state.created_at) if self.state else ""

    @property
    def new_code(self) -> str:
        return self._new_code

    def kit(self) -> KitContents:
        """The kit for the code just made: the account and the verified contacts."""
        user = self._session.user
        account = ""
        contacts: list[str] = []
        if user is not None:
            account = user.username or user.email or user.phone or user.id or ""
            if user.email and user.email_verified:
                contacts.append(user.email)
            if user.phone and user.phone_verified:
                contacts.append(user.phone)
        return KitContents(account, self._new_code, tuple(contacts))

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[bool | None]:
        return self.start(self._load(), name=RecoveryCodeAction.LOAD)

    def regenerate(self, code: str) -> asyncio.Task[bool | None]:
        """A new recovery code, proven with the authenticator's current code."""
        return self.start(self._regenerate(code), name=RecoveryCodeAction.REGENERATE)

    def forget(self) -> None:
        """The dialog closed: drop the new code from memory."""
        self._new_code = ""
        self.set_field_errors({})

    # -------------------------------------------------------------- internals

    async def _load(self) -> bool:
        from authing_desktop.api.errors import AuthingError

        try:
            self.state = await self._session.client.get_recovery_code_state()
        except AuthingError as error:
            # A pool without the [local] route: the card says the state is not available.
            if error.code != _NOT_AVAILABLE:
                raise
            self.state = None
            self.state_changed.emit()
            return False
        self.state_changed.emit()
        return True

    async def _regenerate(self, code: str) -> bool:
        from authing_desktop.api.errors import AuthingError

        value, problem = check_app_code(code)
        self.set_field_errors({"code": problem} if problem else {})
        if problem:
            return False
        try:
            state = await self._session.client.regenerate_recovery_code(value)
        except AuthingError as error:
            if in_group(error.code, ErrorGroup.WRONG_CODE):
                self.set_field_errors({"code": self.tr(
                    "This code does not match. Type the current code from your app.")})
                return False
            raise
        self._new_code = state.code
        self.state = state
        self.state_changed.emit()
        self.regenerated.emit()
        return True
