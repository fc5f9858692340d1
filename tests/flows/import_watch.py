"""Which modules were imported by two threads at the same time, from Python's audit events.

Python holds a lock per module while importing it: two threads importing at once can take two
of them in opposite orders (a ``_DeadlockError``, or a half-initialised module), which is how
the app crashed at a user's first input. The app's rule (docs/start-up.md): once the window is
up, a worker thread imports only in the warm-up's worker job, and the UI thread imports nothing
while that job runs. `ImportWatch` records every import with its thread and finds the breaches.

Whether the warm-up's worker job is running is asked of ``worker_busy`` (the app's own flag).
Without it (an app from before the warm-up existed), a UI-thread import counts as concurrent
when it falls between two imports of one worker thread less than `BURST_GAP_S` apart.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

APP_PACKAGE = "authing_desktop."
BURST_GAP_S = 0.005
WARM_UP_THREAD_PREFIX = "warm-up"


@dataclass(frozen=True)
class ImportEvent:
    at: float
    thread: str
    main: bool
    module: str
    worker_busy: bool | None  # the warm-up's flag at that moment (None: no warm-up)


@dataclass
class Breaches:
    """Imports that broke the rule, by kind (module names, in order)."""

    worker_app: list[str] = field(default_factory=list)  # a worker imported an app module
    worker_outside_warm_up: list[str] = field(default_factory=list)  # ... not in the job
    ui_during_worker: list[str] = field(default_factory=list)  # UI thread, job running

    @property
    def count(self) -> int:
        return len(self.worker_app) + len(self.worker_outside_warm_up) + len(
            self.ui_during_worker)

    def summary(self) -> dict[str, list[str]]:
        return {name: values[:8] for name, values in vars(self).items() if values}


class ImportWatch:
    """Records imports from `start` on (audit hooks cannot be removed: `stop` mutes it)."""

    def __init__(self) -> None:
        self.events: list[ImportEvent] = []
        self.worker_busy: Callable[[], bool | None] = lambda: None
        self._active = False
        sys.addaudithook(self._hook)

    def start(self) -> None:
        self._active = True

    def stop(self) -> None:
        self._active = False

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if not self._active or event != "import":
            return
        current = threading.current_thread()
        self.events.append(ImportEvent(
            time.perf_counter(), current.name, current is threading.main_thread(),
            str(args[0]), self.worker_busy()))

    def breaches(self) -> Breaches:
        found = Breaches()
        bursts = self._worker_bursts()
        for event in self.events:
            if not event.main:
                if event.module.startswith(APP_PACKAGE):
                    found.worker_app.append(event.module)
                elif event.worker_busy is not None and not (
                        event.worker_busy and event.thread.startswith(WARM_UP_THREAD_PREFIX)):
                    found.worker_outside_warm_up.append(f"{event.module} ({event.thread})")
            elif event.worker_busy or (event.worker_busy is None and any(
                    start < event.at < end for start, end in bursts)):
                found.ui_during_worker.append(event.module)
        return found

    def _worker_bursts(self) -> list[tuple[float, float]]:
        """Spans in which a worker thread was importing (two of its imports close together)."""
        by_thread: dict[str, list[float]] = {}
        for event in self.events:
            if not event.main:
                by_thread.setdefault(event.thread, []).append(event.at)
        return [(first, second) for stamps in by_thread.values()
                for first, second in zip(stamps, stamps[1:], strict=False)
                if second - first < BURST_GAP_S]
