"""Everything the app loads once its window is up goes through one queue: `WarmUp`.

Python holds a lock per module while it imports it. Two threads importing at the same time can
take two of those locks in opposite orders and deadlock, or one can see the other's module half
made; the app crashed that way at a new user's first input. So after start-up, modules load
only here (docs/start-up.md):

- steps run on the UI thread, one per event-loop turn (input and painting run in between);
- a step may run in the warm-up's one worker thread instead (third-party imports too slow for
  one turn, the keychain's first open); while it does, no step runs, and UI-thread work that
  could import waits for it: tasks (`TaskRunner` awaits `worker_idle`) and pages built on a
  click (`soon`);
- other worker threads of the app import nothing.

A step runs only in a turn that came on time: when its timer fires late, the UI thread was just
busy (an answer being shown, a click handled), and a step on top of that would make one long
stall; the step waits one more interval (a few times at most, so it cannot starve).
"""

from __future__ import annotations

import asyncio
import enum
import importlib
import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("authing_desktop.warm_up")

T = TypeVar("T")

# Between two steps: a turn of the event loop for input and painting.
STEP_INTERVAL_MS = 4
# A timer this late means the UI thread was busy just now: the step waits for a calmer turn,
# at most MAX_WAITS times in a row.
LATE_MS = 3
MAX_WAITS = 3
WORKER_THREAD_NAME = "warm-up"

class ModuleGroup(enum.StrEnum):
    """Third-party modules that take longer than a frame to import, loaded together in the
    worker thread: what the API layer needs (the first request waits for it) and what the
    pages need besides (validation, password strength, QR codes, dates)."""

    API = "api"
    PAGES = "pages"


MODULES: dict[ModuleGroup, tuple[str, ...]] = {
    ModuleGroup.API: (
        "httpx", "httpcore", "h11", "sniffio", "anyio", "anyio._backends._asyncio",
        "anyio.streams.tls", "anyio.streams.memory", "anyio.to_thread", "anyio.lowlevel",
        "httpcore._backends.anyio",
        "cryptography.hazmat.primitives.asymmetric.padding",
        "cryptography.hazmat.primitives.asymmetric.rsa",
        "cryptography.hazmat.primitives.serialization",
    ),
    ModuleGroup.PAGES: ("email_validator", "phonenumbers", "zxcvbn", "segno", "csv", "zoneinfo"),
}


@dataclass
class _Step:
    action: Callable[[], Any]
    in_worker: bool
    done: asyncio.Future[Any]
    group: str | None


class WarmUp(QObject):
    """The queue of work that loads code after start-up (see the module's docstring)."""

    def __init__(self, *, interval_ms: int = STEP_INTERVAL_MS,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval_ms = interval_ms
        self._clock = clock
        self._armed_at = 0.0
        self._waits = 0
        self._queue: deque[_Step] = deque()
        self._executor: ThreadPoolExecutor | None = None
        # Set on the UI thread before a worker job starts, cleared by the worker when its job
        # returns: while True, the UI thread must not import.
        self.worker_busy = False
        self._worker_done: asyncio.Future[None] | None = None
        self._modules: dict[ModuleGroup, asyncio.Future[None]] = {}
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._run_next)

    @property
    def busy(self) -> bool:
        """True while steps are queued or a worker job runs."""
        return bool(self._queue) or self._worker_done is not None

    def add(self, action: Callable[[], T], *, in_worker: bool = False, first: bool = False,
            group: str | None = None) -> asyncio.Future[T]:
        """Queue ``action`` (last, or next with ``first``); the future gets its result.
        ``group`` names steps that `replace` may drop while still queued."""
        done: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        if self._closed:
            done.cancel()
            return done
        step = _Step(action, in_worker, done, group)
        if first:
            self._queue.appendleft(step)
        else:
            self._queue.append(step)
        self._wake()
        return done

    def replace(self, group: str, actions: list[Callable[[], object]]) -> None:
        """Drop the queued steps of ``group`` and queue ``actions`` under it instead."""
        for step in [step for step in self._queue if step.group == group]:
            self._queue.remove(step)
            step.done.cancel()
        for action in actions:
            self.add(action, group=group)

    def soon(self, action: Callable[[], object], *, group: str | None = None) -> None:
        """Run ``action`` now, or, while a worker job runs, as the next step (a click that
        builds a page: it may import); ``group`` as in `add`."""
        if self._worker_done is None:
            action()
        else:
            self.add(action, first=True, group=group)

    async def run_in_worker(self, job: Callable[[], T]) -> T:
        """Run ``job`` in the worker thread as the next step (work that may import)."""
        return await self.add(job, in_worker=True, first=True)

    async def worker_idle(self) -> None:
        """Return once no worker job runs (at once when none does)."""
        while self._worker_done is not None:
            await asyncio.shield(self._worker_done)

    def load_modules(self, group: ModuleGroup) -> asyncio.Future[None]:
        """Queue the import of ``group``'s `MODULES` in the worker (once); the future is done
        when they are loaded. The pages' group comes after the API's: pages use both."""
        loading = self._modules.get(group)
        if loading is None or loading.cancelled():
            if group is ModuleGroup.PAGES:
                self.load_modules(ModuleGroup.API)
            loading = self._modules[group] = self.add(
                lambda: _import_modules(group), in_worker=True)
        return loading

    async def aclose(self) -> None:
        """Drop what is queued; a running worker job finishes on its own."""
        self._closed = True
        self._timer.stop()
        while self._queue:
            self._queue.popleft().done.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    # -------------------------------------------------------------------- internals

    def _wake(self) -> None:
        if self._queue and self._worker_done is None and not self._timer.isActive():
            self._armed_at = self._clock()
            self._timer.start()

    def _run_next(self) -> None:
        if not self._queue or self._worker_done is not None or self._closed:
            return
        late_ms = (self._clock() - self._armed_at) * 1000 - self._interval_ms
        if late_ms > LATE_MS and self._waits < MAX_WAITS:
            self._waits += 1
            self._wake()  # the UI thread was busy just now: not on top of that
            return
        self._waits = 0
        step = self._queue.popleft()
        if step.in_worker:
            self._start_in_worker(step)
            return
        try:
            result = step.action()
        except Exception as error:  # noqa: BLE001 - the step's owner hears of it
            if not step.done.done():
                step.done.set_exception(error)
        else:
            if not step.done.done():
                step.done.set_result(result)
        self._wake()

    def _start_in_worker(self, step: _Step) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix=WORKER_THREAD_NAME)
        loop = asyncio.get_running_loop()
        self._worker_done = loop.create_future()
        self.worker_busy = True

        def job() -> Any:
            try:
                return step.action()
            finally:
                self.worker_busy = False

        running = loop.run_in_executor(self._executor, job)
        running.add_done_callback(lambda finished: self._worker_finished(step, finished))

    def _worker_finished(self, step: _Step, finished: asyncio.Future[Any]) -> None:
        waiting, self._worker_done = self._worker_done, None
        self.worker_busy = False
        if waiting is not None and not waiting.done():
            waiting.set_result(None)
        if not step.done.done():
            if finished.cancelled():
                step.done.cancel()
            elif finished.exception() is not None:
                step.done.set_exception(finished.exception())  # type: ignore[arg-type]
            else:
                step.done.set_result(finished.result())
        self._wake()


def _import_modules(group: ModuleGroup) -> None:
    for name in MODULES[group]:
        try:
            importlib.import_module(name)
        except ImportError:  # a version without that module: whoever needs it says so
            log.debug("warm-up: %s not importable", name)
    if group is ModuleGroup.PAGES:
        # Their first use builds caches with the GIL held (phonenumbers' region patterns,
        # zxcvbn's frequency lists): here, not while the user types.
        import phonenumbers
        from zxcvbn import zxcvbn

        phonenumbers.is_valid_number(phonenumbers.parse("+8613800138000"))
        zxcvbn("warm-up")
