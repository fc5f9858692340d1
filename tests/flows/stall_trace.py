"""Where the UI thread was when it stalled: stack samples of the main thread while a `Heartbeat`
beat is late.

A sampler thread wakes every ``period_s``; when the last beat is older than ``threshold_s`` it
records the main thread's stack (``sys._current_frames``) under the current flow step. A long
stall gets one sample per period, so counts weigh causes by time. A stack that ends in the
flow's own waiting (``Driver.pump``) means the UI thread was inside Qt's C++ (layout, painting,
style polish) with no Python frame of its own.

(faulthandler's ``dump_traceback_later`` would see inside long C calls too, but it reads other
threads' frames without the GIL and crashed the interpreter now and then.)

`summarize` folds the samples into "innermost app/library frames -> how many samples".
Used by ``tests/benchmarks/responsiveness.py --trace``; never by the test suite.
"""

from __future__ import annotations

import collections
import sys
import threading
import time
import traceback
from pathlib import Path

# Frames that say nothing about the cause.
_SKIPPED = ("/asyncio/", "/selectors.py", "/threading.py", "stall_trace.py", "heartbeat.py",
            "<frozen importlib")


class StallTracer:
    """Samples the UI thread's stack while the heartbeat is late by ``threshold_s``."""

    def __init__(self, threshold_s: float = 0.008, period_s: float = 0.002) -> None:
        self.threshold_s = threshold_s
        self.period_s = period_s
        self.samples: list[tuple[str, tuple[str, ...]]] = []
        self._main = threading.main_thread().ident
        self._last = time.perf_counter()
        self._step = "start"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)
        self._thread.start()

    def arm(self) -> None:
        """A beat happened (called by the heartbeat on every beat)."""
        self._last = time.perf_counter()

    def mark(self, label: str) -> None:
        self._step = label

    def close(self) -> None:
        self._stop.set()
        self._thread.join(1)

    def _run(self) -> None:
        while not self._stop.wait(self.period_s):
            if time.perf_counter() - self._last < self.threshold_s:
                continue
            frame = sys._current_frames().get(self._main or 0)
            if frame is None:
                continue
            stack = []
            for summary in reversed(traceback.extract_stack(frame, limit=40)):
                if any(part in summary.filename for part in _SKIPPED):
                    continue
                short = "/".join(Path(summary.filename).parts[-2:])
                stack.append(f"{short}:{summary.lineno} {summary.name}")
            self.samples.append((self._step, tuple(stack)))

    def summarize(self, depth: int = 7, top: int = 30) -> list[tuple[int, str, str]]:
        """(samples, step, stack) of the most frequent main-thread stacks, innermost first,
        frames of the standard library's asyncio/selectors/threading/importlib left out."""
        counts: collections.Counter[tuple[str, str]] = collections.Counter(
            (step, " <- ".join(stack[:depth])) for step, stack in self.samples)
        return [(n, step, stack) for (step, stack), n in counts.most_common(top)]
