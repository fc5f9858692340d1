"""The base of the account page presenters: `FormPresenter` (busy, errors, field errors, the
server's own text as a detail, cancel) that also notices when the session's token died."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.presenters.form import FormPresenter
from authing_desktop.presenters.session_protocol import AccountSession, is_signed_in
from authing_desktop.services.tasks import TaskRunner

T = TypeVar("T")


class AccountPresenter(FormPresenter):
    """``session_dead`` carries the error text when a call said the token is no longer valid
    (the page then ends the session with ``Session.expire``)."""

    session_dead = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._session = session

    @property
    def session(self) -> AccountSession:
        return self._session

    async def _with_detail(self, coro: Coroutine[Any, Any, T]) -> T:
        from authing_desktop.api.errors import AuthingError

        token_at_start = self._session.client.token
        try:
            return await super()._with_detail(coro)
        except AuthingError as error:
            # Only a token that is still the session's is dead news: a call that raced a
            # sign-out (or a sign-in as someone else) must not end the session now in place.
            if (in_group(error.code, ErrorGroup.SESSION_ENDED) and is_signed_in(self._session)
                    and self._session.client.token == token_at_start):
                self.session_dead.emit(self._tasks.describe(error) or "")
            raise
