"""The base of form presenters: per-field errors, the server's own text as a detail under the
translated error, a neutral notice, and a cancellable running request (Esc).

`SignInFlowPresenter` adds what the signed-out forms (sign-in, sign-up, recovery) share: the
session's connection and sending verification codes behind a cooldown."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Coroutine, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.presenters.base import Presenter
from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.presenters.identifier_checks import check_email, check_phone
from authing_desktop.services.session import Session
from authing_desktop.services.tasks import TaskRunner

SMS = "sms"
EMAIL = "email"

T = TypeVar("T")


class FormPresenter(Presenter):
    """``field_errors_changed`` carries ``{field: text}`` (inline errors next to the fields);
    ``detail_changed`` the server's own message under the translated `error`; ``notice_changed``
    a neutral note (e.g. "code sent")."""

    field_errors_changed = Signal(object)
    detail_changed = Signal(str)
    notice_changed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._field_errors: dict[str, str] = {}
        self._detail = ""
        self._notice = ""
        self._running: asyncio.Task[Any] | None = None

    @property
    def field_errors(self) -> dict[str, str]:
        return dict(self._field_errors)

    @property
    def detail(self) -> str:
        return self._detail

    @property
    def notice(self) -> str:
        return self._notice

    @property
    def idle(self) -> bool:
        """True when no request started with `start` is running."""
        return self._running is None or self._running.done()

    def set_field_errors(self, errors: Mapping[str, str]) -> None:
        errors = dict(errors)
        if errors != self._field_errors:
            self._field_errors = errors
            self.field_errors_changed.emit(dict(errors))

    def set_detail(self, text: str) -> None:
        if text != self._detail:
            self._detail = text
            self.detail_changed.emit(text)

    def set_notice(self, text: str) -> None:
        if text != self._notice:
            self._notice = text
            self.notice_changed.emit(text)

    def start(self, coro: Coroutine[Any, Any, T], *, name: str) -> asyncio.Task[T | None]:
        """Run an intent (busy, errors shown); `cancel` stops it. While the app quits (the
        task runner is closed) the intent is dropped and a cancelled task returned."""
        if self._tasks.closed:
            coro.close()
            dropped: asyncio.Future[T | None] = asyncio.get_running_loop().create_future()
            dropped.cancel()
            return dropped  # type: ignore[return-value]
        wrapped = self._with_detail(coro)
        task = self.run(wrapped, name=name)
        # A task cancelled before its first step (a newer one of the same name, or quitting)
        # never starts these coroutines: close them, or each warns "never awaited".
        task.add_done_callback(lambda _task: _close_unstarted(wrapped, coro))
        self._running = task
        return task

    def cancel(self) -> bool:
        """Cancel the running request (Esc); True when there was one."""
        task, self._running = self._running, None
        if task is None or task.done():
            return False
        task.cancel()
        return True

    async def _with_detail(self, coro: Coroutine[Any, Any, T]) -> T:
        from authing_desktop.api.errors import AuthingError

        self.set_detail("")
        try:
            return await coro
        except AuthingError as error:
            # The translated text comes from the api's message table (`run` describes it).
            self.set_detail(error.message)
            raise


class SignInFlowPresenter(FormPresenter):
    """A signed-out form: reaches the pool through the session's connection and sends
    verification codes; ``cooldown`` gates the send-code button."""

    def __init__(self, session: Session, parent: QObject | None = None, *,
                 cooldown: CodeCooldown | None = None) -> None:
        super().__init__(session.tasks, parent)
        self._session = session
        self.cooldown = cooldown if cooldown is not None else CodeCooldown(parent=self)

    @property
    def session(self) -> Session:
        return self._session

    @property
    def is_local_pool(self) -> bool:
        return self._session.connection.is_local_pool

    async def send_code(self, channel: str, destination: str, *, field: str,
                        scene: str = "") -> bool:
        """Send an SMS (``channel="sms"``) or email code after checking ``destination``; the
        cooldown starts on success. Field errors are reported under ``field``."""
        if self.cooldown.active:
            return False
        checker = check_phone if channel == SMS else check_email
        value, problem = checker(destination)
        self.set_field_errors({field: problem} if problem else {})
        if problem:
            return False
        self.set_notice("")
        client = await self._session.connection.wait_ready()
        with self.cooldown.follow_refusal():
            if channel == SMS:
                await client.send_sms_code(value)
            else:
                await client.send_email(value, scene)
        self.cooldown.start()
        text = QCoreApplication.translate("FormPresenter", "A code was sent to {destination}.")
        if self.is_local_pool:
            text += " " + QCoreApplication.translate(
                "FormPresenter",
                "On the local pool, sent codes appear in the outbox (Support page, or "
                "'authing-desktop pool outbox').")
        self.set_notice(text.format(destination=value))
        return True


def _close_unstarted(*coros: Coroutine[Any, Any, Any]) -> None:
    for coro in coros:
        if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
            coro.close()
