"""Bundle benchmark: size and frozen cold start of the app's PyInstaller bundle vs a bare PySide6
window bundled with the same spec options (packaging/bare_window.py), in one run.

    .venv/bin/python tests/benchmarks/bundle.py [--runs 10] [--build] [--drop-caches]

``--build`` (re)builds both bundles first (``packaging/build`` and ``packaging/build --bare``);
without it, missing bundles are built and existing ones used as they are.

Size: bytes of every file in the onedir (``du -sb``). Start: each run is a fresh process
(offscreen, throwaway config/data dirs), app and bare alternating; the parent takes
``time.perf_counter()`` just before spawning and the child prints its own from its window's
first ``paintEvent`` (``--first-paint-exit``; CLOCK_MONOTONIC on Linux, so they compare). The app
runs with ``--no-local-pool``; keychain and pool start only after the first frame anyway. Page
cache is warm (one unmeasured run each) unless ``--drop-caches`` (root) empties it before every
run. Goals: size <= 1.15x, first paint <= 1.3x of the bare bundle.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.benchmarks.startup import paint_stamps  # noqa: E402 - after the path

APP = ROOT / "dist" / "authing-desktop" / "authing-desktop"
BARE = ROOT / "dist" / "bare-window" / "bare-window"
SIZE_GOAL = 1.15
START_GOAL = 1.3


def bundle_bytes(folder: Path) -> int:
    """Like ``du -sb``: apparent sizes of files and symlinks, each inode once."""
    seen: set[int] = set()
    total = 0
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        if info.st_ino not in seen:
            seen.add(info.st_ino)
            total += info.st_size
    return total


def file_sizes(folder: Path) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.lstat().st_size
            for path in folder.rglob("*") if path.is_file() and not path.is_symlink()}


def build(bare: bool) -> None:
    command = [str(ROOT / "packaging" / "build"), *(["--bare"] if bare else [])]
    subprocess.run(command, check=True, cwd=ROOT)


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def run_once(command: list[str], env: dict[str, str],
             cold: bool) -> tuple[float, float, float]:
    """(seconds to first paint, to ready, to exit) of one start."""
    if cold:
        drop_caches()
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60,
                            check=False, cwd=ROOT)
    ended = time.perf_counter()
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return (*paint_stamps(result.stdout, started), ended - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="starts of each (default 10)")
    parser.add_argument("--build", action="store_true", help="rebuild both bundles first")
    parser.add_argument("--drop-caches", action="store_true",
                        help="empty the page cache before every start (root only)")
    options = parser.parse_args()
    if options.drop_caches and os.geteuid() != 0:
        parser.error("--drop-caches needs root")

    for binary, bare in ((APP, False), (BARE, True)):
        if options.build or not binary.is_file():
            build(bare)

    app_dir, bare_dir = APP.parent, BARE.parent
    app_size, bare_size = bundle_bytes(app_dir), bundle_bytes(bare_dir)

    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as temp:
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{temp}/config",
                   XDG_DATA_HOME=f"{temp}/data", XDG_STATE_HOME=f"{temp}/state",
                   XDG_CACHE_HOME=f"{temp}/cache")
        commands = {
            "bare": [str(BARE), "--first-paint-exit"],
            "app": [str(APP), "--first-paint-exit", "--no-local-pool", "--basedir",
                    f"{temp}/app"],
        }
        if not options.drop_caches:  # one warm-up each (page cache), not counted
            for command in commands.values():
                run_once(command, env, cold=False)
        results: dict[str, list[tuple[float, float, float]]] = {"bare": [], "app": []}
        for _ in range(options.runs):
            for name, command in commands.items():
                results[name].append(run_once(command, env, options.drop_caches))

    def median(name: str, index: int) -> float:
        return statistics.median(sample[index] for sample in results[name]) * 1000

    def spread(name: str, index: int) -> str:
        values = sorted(sample[index] * 1000 for sample in results[name])
        return f"{values[0]:.0f}-{values[-1]:.0f}"

    size_ratio = app_size / bare_size
    start_ratio = median("app", 0) / median("bare", 0)
    cache = "page cache dropped before each start" if options.drop_caches else "warm page cache"
    print(f"PyInstaller onedir bundles, same spec options ({sys.platform})")
    print(f"{'':22} {'size (MB)':>10} {'first paint (ms)':>17} {'range':>10} "
          f"{'ready (ms)':>11} {'range':>10} {'exit (ms)':>10}")
    for name, label, size in (("bare", "bare PySide6 window", bare_size),
                              ("app", "authing-desktop", app_size)):
        print(f"{label:22} {size / 1e6:>10.1f} {median(name, 0):>17.0f} {spread(name, 0):>10} "
              f"{median(name, 1):>11.0f} {spread(name, 1):>10} {median(name, 2):>10.0f}")
    print(f"({options.runs} starts each, alternating, offscreen, {cache}; medians)")
    print(f"ratio size  app/bare: {size_ratio:.3f}  (goal <= {SIZE_GOAL}: "
          f"{'met' if size_ratio <= SIZE_GOAL else 'NOT met'})")
    print(f"ratio start app/bare: {start_ratio:.3f}  (goal <= {START_GOAL}: "
          f"{'met' if start_ratio <= START_GOAL else 'NOT met'})")
    print(f"ratio ready app/bare: {median('app', 1) / median('bare', 1):.3f}  (the app's first "
          f"paint is its window shell; ready = the Sign in page painted)")
    print(f"ratio exit  app/bare: {median('app', 2) / median('bare', 2):.3f}")

    app_files, bare_files = file_sizes(app_dir), file_sizes(bare_dir)
    extra = sorted(((size - bare_files.get(name, 0), name) for name, size in app_files.items()),
                   reverse=True)
    print(f"largest additions over the bare bundle "
          f"(total {(app_size - bare_size) / 1e6:.1f} MB):")
    for delta, name in extra[:8]:
        print(f"  {delta / 1e6:6.2f} MB  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
