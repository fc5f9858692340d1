"""Startup benchmark: cold start to the first painted frame, our main window vs a bare PySide6
window, alternating in one run.

    .venv/bin/python tests/benchmarks/startup.py [--runs 10]

Each run is a fresh process (offscreen Qt, throwaway config/data dirs). The parent takes
``time.perf_counter()`` just before spawning; the child prints its own ``perf_counter()`` from
its window's first ``paintEvent`` and quits (both are CLOCK_MONOTONIC on Linux, so they compare).
Our app runs with ``--first-paint-exit --no-local-pool``. It starts in two stages: the window
shell (navigation, status bar, a "Starting…" note) paints first ("first paint"), then the
services attach and the Sign in page paints ("ready": usable); it quits there, before the
keychain lookup and the local pool, which both start only after that frame. The bare window is
ready at its first paint. Also printed: the whole process wall time (start to exit).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE_WINDOW = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        self.painted = False
        self.setCentralWidget(QLabel("Hello"))
        self.resize(960, 640)

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            print(json.dumps({"first_paint": time.perf_counter()}), flush=True)
            QApplication.instance().quit()

app = QApplication(sys.argv[:1])
window = Window()
window.show()
app.exec()
"""


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to first paint, to ready, to exit) of one cold start."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60,
                            check=False, cwd=ROOT)
    ended = time.perf_counter()
    if result.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return (*paint_stamps(result.stdout, started), ended - started)


def paint_stamps(stdout: str, started: float) -> tuple[float, float]:
    """Seconds from ``started`` to the ``first_paint`` and ``ready`` stamps the child printed
    (a window printing no ``ready`` is ready at its first paint)."""
    stamps: dict[str, float] = {}
    for line in stdout.splitlines():
        if line.startswith("{"):
            stamps.update(json.loads(line))
    if "first_paint" not in stamps:
        raise RuntimeError(f"expected a first_paint line, got: {stdout!r}")
    first = stamps["first_paint"] - started
    return first, stamps.get("ready", stamps["first_paint"]) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="cold starts of each (default 10)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="startup-bench-") as temp:
        env = dict(os.environ)
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{temp}/config",
                   XDG_DATA_HOME=f"{temp}/data", XDG_STATE_HOME=f"{temp}/state",
                   XDG_CACHE_HOME=f"{temp}/cache")
        bare = [sys.executable, "-c", BARE_WINDOW]
        app = [sys.executable, "-m", "authing_desktop", "--first-paint-exit", "--no-local-pool",
               "--basedir", f"{temp}/app"]
        # One warm-up each (page cache), not counted.
        _run(bare, env)
        _run(app, env)
        results: dict[str, list[tuple[float, float, float]]] = {"bare": [], "app": []}
        for _ in range(options.runs):
            results["bare"].append(_run(bare, env))
            results["app"].append(_run(app, env))

    def median(name: str, index: int) -> float:
        return statistics.median(sample[index] for sample in results[name]) * 1000

    def spread(name: str, index: int) -> str:
        values = sorted(sample[index] * 1000 for sample in results[name])
        return f"{values[0]:.0f}-{values[-1]:.0f}"

    print(f"cold start to first painted frame, offscreen, {options.runs} runs each, alternating")
    print(f"{'':28} {'first paint (ms)':>17} {'range':>10} {'ready (ms)':>11} {'range':>10} "
          f"{'exit (ms)':>10}")
    for name, label in (("bare", "bare PySide6 QMainWindow"),
                        ("app", "authing-desktop main window")):
        print(f"{label:28} {median(name, 0):>17.0f} {spread(name, 0):>10} "
              f"{median(name, 1):>11.0f} {spread(name, 1):>10} {median(name, 2):>10.0f}")
    print(f"ratio app/bare (first paint, medians): {median('app', 0) / median('bare', 0):.2f}")
    print(f"ratio app/bare (ready, medians):       {median('app', 1) / median('bare', 1):.2f}")
    print(f"ratio app/bare (process exit, medians): {median('app', 2) / median('bare', 2):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
