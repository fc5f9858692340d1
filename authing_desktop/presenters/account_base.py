"""The base of the account page presenters: busy/error from `Presenter`, plus inline field
errors, the server's own text as a detail under the translated error, and noticing when the
session's token died."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.base import Presenter
from authing_desktop.presenters.session_protocol import AccountSession, is_signed_in
from authing_desktop.services.tasks import TaskRunner

T = TypeVar("T")

# Not signed in / sign-in expired / token not valid: the session is over.
SESSION_DEAD_CODES = frozenset({2020, 2206, 2207})


class AccountPresenter(Presenter):
    """``field_errors_changed`` carries ``{field: text}``; ``detail_changed`` the server's own
    message; ``session_dead`` the error text when a call said the token is no longer valid
    (the page then ends the session with ``Session.expire``)."""

    field_errors_changed = Signal(object)
    detail_changed = Signal(str)
    session_dead = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._session = session
        self._field_errors: dict[str, str] = {}
        self._detail = ""

    @property
    def session(self) -> AccountSession:
        return self._session

    @property
    def field_errors(self) -> dict[str, str]:
        return dict(self._field_errors)

    @property
    def detail(self) -> str:
        return self._detail

    def set_field_errors(self, errors: Mapping[str, str]) -> None:
        errors = dict(errors)
        if errors != self._field_errors:
            self._field_errors = errors
            self.field_errors_changed.emit(dict(errors))

    def set_detail(self, text: str) -> None:
        if text != self._detail:
            self._detail = text
            self.detail_changed.emit(text)

    def start(self, coro: Coroutine[Any, Any, T], *, name: str) -> asyncio.Task[T | None]:
        """Run an intent: busy while it runs, errors become `error` (+ `detail`)."""
        watched = self._watch(coro)
        try:
            task = self.run(watched, name=name)
        except RuntimeError:  # quitting: the runner takes no new task
            watched.close()
            coro.close()
            raise

        def closed_unstarted(done: asyncio.Task[T | None]) -> None:
            # Cancelled before it ran (a newer intent of the same name won): the coroutines
            # never started; closing them says so instead of "never awaited" warnings.
            if done.cancelled():
                watched.close()
                coro.close()

        task.add_done_callback(closed_unstarted)
        return task

    async def _watch(self, coro: Coroutine[Any, Any, T]) -> T:
        from authing_desktop.api.errors import AuthingError

        self.set_detail("")
        token_at_start = self._session.client.token
        try:
            return await coro
        except AuthingError as error:
            self.set_detail(error.message)
            # Only a token that is still the session's is dead news: a call that raced a
            # sign-out (or a sign-in as someone else) must not end the session now in place.
            if (error.code in SESSION_DEAD_CODES and is_signed_in(self._session)
                    and self._session.client.token == token_at_start):
                self.session_dead.emit(self._tasks.describe(error) or "")
            raise  # `run` describes it from the api's message table
