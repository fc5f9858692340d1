"""The UI-thread stall meter: a 1 ms timer on the UI thread and the gaps between its beats.

A gap is time the UI thread could not run a timer: a stall a user feels (input, painting).
Used by the benchmark (``tests/benchmarks/responsiveness.py``) and the load test.

Each beat also notes this process's CPU time. On a shared machine a gap can be the OS running
other processes; the *process-bound* gap, ``min(wall gap, CPU this process used during it)``,
is the part this process caused (UI work, or another of its threads holding the GIL). Both
are reported.
"""

from __future__ import annotations

import statistics
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.flows.stall_trace import StallTracer


class Heartbeat:
    """A 1 ms timer on the UI thread and the moments it fired. With a ``tracer``, every beat
    re-arms its stack dump (where the UI thread was when the next beat is late)."""

    def __init__(self, tracer: StallTracer | None = None) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.tracer = tracer
        self.stamps: list[float] = []
        self.cpu: list[float] = []
        self.marks: list[tuple[float, str]] = []
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.stamps.append(time.perf_counter())
        self.cpu.append(time.process_time())
        if self.tracer is not None:
            self.tracer.arm()

    def start(self) -> None:
        self._beat()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._beat()
        if self.tracer is not None:
            self.tracer.close()

    def mark(self, label: str) -> None:
        self.marks.append((time.perf_counter(), label))
        if self.tracer is not None:
            self.tracer.mark(label)

    def report(self, excluded: list[tuple[float, float]]) -> dict[str, Any]:
        """Worst / p99 / median gap (ms), wall and process-bound, outside ``excluded`` spans
        of ``perf_counter`` time; the five largest gaps with the mark they fell in."""
        gaps: list[tuple[float, float, float]] = []
        beats = list(zip(self.stamps, self.cpu, strict=True))
        for (before, cpu_before), (after, cpu_after) in zip(beats, beats[1:], strict=False):
            if any(start < after and before < end for start, end in excluded):
                continue
            wall = after - before
            gaps.append((wall, min(wall, cpu_after - cpu_before), before))
        if not gaps:
            return {"beats": 0}
        walls = sorted(g[0] for g in gaps)
        bound = sorted(g[1] for g in gaps)

        def p99(values: list[float]) -> float:
            return values[min(len(values) - 1, int(len(values) * 0.99))] * 1000

        return {
            "beats": len(gaps),
            "worst_ms": walls[-1] * 1000,
            "p99_ms": p99(walls),
            "median_ms": statistics.median(walls) * 1000,
            "over_16ms": sum(1 for v in walls if v > 0.016),
            "bound_worst_ms": bound[-1] * 1000,
            "bound_p99_ms": p99(bound),
            "top": [{"ms": round(wall * 1000, 1), "cpu_ms": round(cpu * 1000, 1),
                     "during": self._label(at)}
                    for wall, cpu, at in sorted(gaps, reverse=True)[:5]],
        }

    def _label(self, at: float) -> str:
        label = "start"
        for stamp, name in self.marks:
            if stamp <= at:
                label = name
        return label
