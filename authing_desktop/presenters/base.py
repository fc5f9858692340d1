"""The base of every presenter (view model): busy/error state and a safe way to run intents."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from authing_desktop.services.tasks import TaskRunner

T = TypeVar("T")


class Presenter(QObject):
    """A view model: ``busy`` and ``error`` with change signals, and `run` for intents.

    Views bind ``busy_changed`` to spinners/disabled buttons and ``error_changed`` to an inline
    error label. ``error`` holds an expected failure's translated text; programming errors are
    not caught here and reach the crash handler through the task runner.
    """

    busy_changed = Signal(bool)
    error_changed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._busy = 0
        self._error = ""

    @property
    def busy(self) -> bool:
        return self._busy > 0

    @property
    def error(self) -> str:
        return self._error

    def set_error(self, text: str) -> None:
        if not isValid(self):
            return  # deleted with its view while an intent wound down: nobody to tell
        if text != self._error:
            self._error = text
            self.error_changed.emit(text)

    def clear_error(self) -> None:
        self.set_error("")

    def run(
        self, coro: Coroutine[Any, Any, T], *, name: str | None = None
    ) -> asyncio.Task[T | None]:
        """Run an intent on the task runner: busy while it runs (reset in ``finally``, also on
        cancellation), the previous error cleared. An expected failure becomes ``error`` and
        the task's result is None; any other exception goes on to the crash handler."""
        # Busy from the click on, not from when the task starts: a task may first wait for
        # the warm-up's worker (docs/start-up.md), and the user must see that it is under way.
        # The coroutine ends the busy state itself (so it is over when the task is done); a
        # task cancelled before it started never runs it, and its done callback does instead.
        started: list[bool] = []
        guarded = self._guarded(coro, started)
        try:
            task = self._tasks.start(guarded, name=name)
        except RuntimeError:
            coro.close()
            raise
        self.clear_error()
        self._set_busy(+1)
        def finished(_task: asyncio.Task[T | None]) -> None:
            if not started:
                guarded.close()
                coro.close()  # else it warns "never awaited"
                self._set_busy(-1)

        task.add_done_callback(finished)
        return task

    async def _guarded(self, coro: Coroutine[Any, Any, T], started: list[bool]) -> T | None:
        started.append(True)
        try:
            return await coro
        except Exception as error:
            text = self._tasks.describe(error)
            if text is None:
                raise
            self.set_error(text)
            return None
        finally:
            self._set_busy(-1)

    def _set_busy(self, delta: int) -> None:
        if not isValid(self):
            return  # as in set_error
        was = self.busy
        self._busy += delta
        if self.busy != was:
            self.busy_changed.emit(self.busy)

