"""The one runner every background coroutine goes through.

It keeps strong references (asyncio only keeps weak ones, so an unreferenced task can vanish
mid-flight), offers named "latest wins" tasks (a new search cancels the previous one), routes
failures (expected errors to the message bus, programming errors to the crash handler) and
cancels everything on quit. Cancellation is never an error.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from authing_desktop.services.bus import MessageBus
from authing_desktop.services.errors import describe_expected_error

log = logging.getLogger("authing_desktop.tasks")

T = TypeVar("T")

ErrorDescriber = Callable[[BaseException], "str | None"]
Gate = Callable[[], Awaitable[None]]
UnexpectedErrorHandler = Callable[[BaseException], None]

CANCEL_TIMEOUT_S = 5.0


class TaskRunner:
    """Starts, tracks and cancels the app's background tasks."""

    def __init__(
        self,
        bus: MessageBus,
        *,
        on_unexpected: UnexpectedErrorHandler | None = None,
        describe: ErrorDescriber = describe_expected_error,
        gate: Gate | None = None,
    ) -> None:
        """``gate`` is awaited before each task's coroutine starts (the warm-up's
        ``worker_idle``: a task may import, which must wait while the warm-up's worker does)."""
        self._bus = bus
        self._gate = gate
        self._on_unexpected = on_unexpected
        self._describe = describe
        self._tasks: set[asyncio.Task[Any]] = set()
        self._named: dict[str, asyncio.Task[Any]] = {}
        self._closed = False

    @property
    def closed(self) -> bool:
        """True once `cancel_all` ran (the app is quitting)."""
        return self._closed

    @property
    def tasks(self) -> frozenset[asyncio.Task[Any]]:
        """The tasks still running."""
        return frozenset(self._tasks)

    def start(
        self,
        coro: Coroutine[Any, Any, T],
        *,
        name: str | None = None,
        report_errors: bool = True,
    ) -> asyncio.Task[T]:
        """Schedule ``coro`` on the running loop.

        With ``name``, a still-running task of the same name is cancelled first (latest wins).
        With ``report_errors=False`` the caller owns the outcome (it awaits the task); the
        runner still keeps the reference and still cancels it on quit.
        """
        if self._closed:
            coro.close()
            raise RuntimeError("the task runner is closed: the app is quitting")
        if name is not None:
            previous = self._named.pop(name, None)
            if previous is not None and not previous.done():
                previous.cancel()
        gated = self._after_gate(coro) if self._gate is not None else coro
        task = asyncio.get_running_loop().create_task(gated, name=name)
        if gated is not coro:
            # Cancelled before it passed the gate: close it, or it warns "never awaited".
            task.add_done_callback(lambda _task: _close_unstarted(coro))
        self._tasks.add(task)
        if name is not None:
            self._named[name] = task
        task.add_done_callback(lambda done: self._finished(done, name, report_errors))
        return task

    async def _after_gate(self, coro: Coroutine[Any, Any, T]) -> T:
        assert self._gate is not None
        await self._gate()
        return await coro

    def cancel(self, name: str) -> None:
        """Cancel the named task, if running."""
        task = self._named.pop(name, None)
        if task is not None:
            task.cancel()

    async def cancel_all(self) -> None:
        """Cancel every task and wait (bounded) until they have all finished. No new task may
        start afterwards."""
        self._closed = True
        tasks = [task for task in self._tasks if not task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            _, still_running = await asyncio.wait(tasks, timeout=CANCEL_TIMEOUT_S)
            for task in still_running:
                log.warning("task %s ignored cancellation", task.get_name())

    def _finished(self, task: asyncio.Task[Any], name: str | None, report: bool) -> None:
        self._tasks.discard(task)
        if name is not None and self._named.get(name) is task:
            del self._named[name]
        if task.cancelled():
            return
        error = task.exception()
        if error is None or not report:
            return
        self.report(error)

    def describe(self, error: BaseException) -> str | None:
        """The user-facing text of an expected error, None for a programming error."""
        return self._describe(error)

    def report(self, error: BaseException) -> None:
        """Tell the user about ``error``: expected ones on the bus, the rest as a crash."""
        text = self._describe(error)
        if text is not None:
            self._bus.error(text)
            return
        if self._on_unexpected is not None:
            self._on_unexpected(error)
        else:
            log.error("unexpected error in a background task", exc_info=error)


def _close_unstarted(coro: Coroutine[Any, Any, Any]) -> None:
    if inspect.getcoroutinestate(coro) == inspect.CORO_CREATED:
        coro.close()
