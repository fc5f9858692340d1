"""Responsiveness benchmark: UI-thread stalls during the scripted full flow, the UI-thread stall
while the embedded pool serves 200 concurrent sign-ins, and idle memory vs a bare window.

    .venv/bin/python tests/benchmarks/responsiveness.py [--runs 3] [--rss-runs 3]
    .venv/bin/python tests/benchmarks/responsiveness.py --trace   # where the UI thread stalls

Stalls: a 1 ms PreciseTimer on the UI thread records when it fires; a gap between two beats is
time the UI thread could not react (a stall). Each run is a fresh offscreen process running
`tests.flows.full_flow.FullFlow` (the same flow the tests drive) with the pool

- ``process``: the tests' ``authing-desktop pool serve`` process, started before the flow;
- ``embedded``: the app's own embedded pool, started by the app's `PoolLauncher` after the
  first paint like the app does (in its own process, so it does not compete with the UI
  thread for the GIL), and again on the restart.

Left out of the figures: each window's start-up up to its first paint (and, on the restart, the
old window's shutdown before it), and the test's own blocking work (reading the pool's outbox,
decoding the captcha PNG), marked by the flow's `Driver.offstage`.

Load: the app's window idles on the embedded pool while 20 async clients in another process
sign in 200 times at once (`tests.flows.load.measure_load`); the worst/p99 gap during the load.

Memory: idle VmRSS of ``python -m authing_desktop`` (``--no-local-pool``, and with the embedded
pool: the app's process, then its pool process apart) vs a bare PySide6 QMainWindow, each a
separate process, measured in the same run after the same idle time.

``--trace``: one embedded-mode flow with a stack dump of the UI thread whenever a beat is more
than 10 ms late (`tests.flows.stall_trace`), folded into the most frequent stacks per step.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
IDLE_S = 4.0

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(960, 640)
window.show()
app.exec()
"""


# ---------------------------------------------------------------------------- child side


def _qt_loop() -> Any:
    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Styled as the app is (its palette and style sheet): painting and polishing through the
    # style sheet are part of every stall a user meets.
    from authing_desktop.ui.theme import apply_first_theme

    apply_first_theme(app, "")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # Marked running but driven by Qt (the flow's waits spin nested Qt loops), as in the tests.
    asyncio.events._set_running_loop(loop)
    return app


def child_flow(mode: str, trace: bool = False) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    _qt_loop()
    from authing_desktop.services.bus import MessageBus
    from authing_desktop.services.token_store import KeyringTokenStore
    from tests.flows.full_flow import Driver, FullFlow
    from tests.flows.heartbeat import Heartbeat
    from tests.flows.stall_trace import StallTracer

    with tempfile.TemporaryDirectory(prefix="responsiveness-") as temp:
        root = Path(temp) / "app"
        pool = None
        if mode == "process":
            from tests.fixtures.pool import start_pool

            pool = start_pool(Path(temp) / "pool", resend_interval=0, captcha_after=1)
        else:
            pool_dir = root / "data" / "localpool"
            pool_dir.mkdir(parents=True)
            (pool_dir / "settings.json").write_text(
                json.dumps({"resend_interval": 0, "captcha_after": 1}))
        driver = Driver()
        flow = FullFlow(driver, pool, root, KeyringTokenStore(MessageBus()))
        tracer = StallTracer() if trace else None
        heartbeat = Heartbeat(tracer)
        try:
            flow.launch()
            heartbeat.start()
            for name in FullFlow.STEPS:
                heartbeat.mark(name)
                getattr(flow, name)()
            heartbeat.stop()
            flow.quit()
        finally:
            if pool is not None:
                pool.stop()
        result = heartbeat.report(driver.offstage_spans + flow.startup_spans[1:])
        result["flow_s"] = heartbeat.stamps[-1] - heartbeat.stamps[0]
        result["crash_reports"] = len(flow.crash_reports)
        if tracer is not None:
            result["stacks"] = tracer.summarize(depth=int(os.environ.get("TRACE_DEPTH", "7")))
        gaps_file = os.environ.get("STALL_GAPS_FILE")
        if gaps_file:  # for a native profiler (perf -k mono): CLOCK_MONOTONIC = perf_counter
            stamps = heartbeat.stamps
            excluded = driver.offstage_spans + flow.startup_spans[1:]
            Path(gaps_file).write_text(json.dumps([
                (before, after, heartbeat._label(before))
                for before, after in zip(stamps, stamps[1:], strict=False)
                if after - before > 0.008
                and not any(start < after and before < end for start, end in excluded)]))
        return result


def child_load() -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    _qt_loop()
    from tests.flows.load import measure_load

    with tempfile.TemporaryDirectory(prefix="responsiveness-load-") as temp:
        return measure_load(Path(temp))


def _close_loop() -> None:
    """Close the qasync loop (and its executor threads) before Qt goes away."""
    import asyncio

    loop = asyncio.get_event_loop()
    asyncio.events._set_running_loop(None)
    loop.close()


# --------------------------------------------------------------------------- parent side


def _child(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=300, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"{args} failed ({result.returncode}): {result.stderr[-3000:]}")
    return dict(json.loads(lines[-1]))


def _vmrss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines()
                if line.startswith("VmRSS:")) / 1024


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (each thread has its own list: the pool is spawned from a
    worker thread)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_mib(command: list[str], env: dict[str, str],
             children: list[float] | None = None) -> float:
    """VmRSS of ``command`` after idling `IDLE_S` seconds (its child processes' summed into
    ``children``)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=ROOT)
    try:
        time.sleep(IDLE_S)
        if process.poll() is not None:
            raise RuntimeError(f"{command[:4]} exited early ({process.returncode})")
        if children is not None:
            children.append(sum(_vmrss_mib(pid) for pid in _children(process.pid)))
        return _vmrss_mib(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _print_stalls(title: str, runs: list[dict[str, Any]]) -> None:
    worst = [r["worst_ms"] for r in runs]
    p99 = [r["p99_ms"] for r in runs]
    print(f"{title:34} worst {max(worst):6.1f} ms (runs {', '.join(f'{w:.1f}' for w in worst)})"
          f"   p99 {statistics.median(p99):5.2f} ms   median gap "
          f"{statistics.median(r['median_ms'] for r in runs):4.2f} ms   beats "
          f"{statistics.median(r['beats'] for r in runs):.0f}"
          + (f"   flow {statistics.median(r['flow_s'] for r in runs):.1f} s"
             if "flow_s" in runs[0] else ""))
    bound = [r["bound_worst_ms"] for r in runs]
    print(f"{'':34} process-bound: worst {max(bound):6.1f} ms (runs "
          f"{', '.join(f'{b:.1f}' for b in bound)})   p99 "
          f"{statistics.median(r['bound_p99_ms'] for r in runs):5.2f} ms")
    top = max(runs, key=lambda r: r["worst_ms"])["top"]
    print(f"{'':34} largest gaps of the worst run: "
          + ", ".join(f"{t['ms']} ms ({t['during']})" for t in top))


def _print_trace(result: dict[str, Any]) -> int:
    print(f"traced flow: worst {result['worst_ms']:.1f} ms, p99 {result['p99_ms']:.2f} ms, "
          f"{result['over_16ms']} gaps > 16 ms; largest: "
          + ", ".join(f"{t['ms']} ms ({t['during']})" for t in result["top"]))
    print("UI-thread stacks in stalls > 8 ms (2 ms samples, step, innermost frames first); "
          "start-up and offstage spans included:")
    for count, step, stack in result["stacks"]:
        print(f"{count:4d}  {step:28} {stack}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="flow runs per pool mode")
    parser.add_argument("--rss-runs", type=int, default=3, help="idle RSS samples of each")
    parser.add_argument("--trace", action="store_true",
                        help="one traced flow: where the UI thread was in each stall > 8 ms "
                             "(TRACE_DEPTH=n frames per stack, default 7)")
    parser.add_argument("--child", choices=["process", "embedded", "load", "trace"],
                        help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if options.child == "load":
            result = child_load()
        elif options.child == "trace":
            result = child_flow("embedded", trace=True)
        else:
            result = child_flow(options.child)
        print(json.dumps(result), flush=True)
        _close_loop()
        return 0

    with tempfile.TemporaryDirectory(prefix="responsiveness-bench-") as temp:
        env = dict(os.environ)
        # Installed apps and bundles run from compiled bytecode (a page module compiled from
        # source on the UI thread would be a stall no user meets).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{temp}/config",
                   XDG_DATA_HOME=f"{temp}/data", XDG_STATE_HOME=f"{temp}/state",
                   XDG_CACHE_HOME=f"{temp}/cache", PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "authing_desktop")],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        if options.trace:
            return _print_trace(_child(["--child", "trace"], env))
        stalls: dict[str, list[dict[str, Any]]] = {"process": [], "embedded": []}
        for _ in range(options.runs):
            for mode in stalls:
                stalls[mode].append(_child(["--child", mode], env))
        load = [_child(["--child", "load"], env) for _ in range(max(1, options.runs - 1))]

        rss: dict[str, list[float]] = {"bare": [], "app": [], "app+pool": []}
        pool_rss: list[float] = []
        commands = {
            "bare": [sys.executable, "-c", BARE_WINDOW],
            "app": [sys.executable, "-m", "authing_desktop", "--no-local-pool",
                    "--basedir", f"{temp}/rss-app"],
            "app+pool": [sys.executable, "-m", "authing_desktop",
                         "--basedir", f"{temp}/rss-pool"],
        }
        for _ in range(options.rss_runs):
            for name, command in commands.items():
                rss[name].append(_rss_mib(command, env,
                                          pool_rss if name == "app+pool" else None))

    print(f"UI-thread stalls (1 ms heartbeat), full flow, {options.runs} runs per mode, "
          "first paints excluded")
    _print_stalls("pool: the tests' pool process", stalls["process"])
    _print_stalls("pool: started by the app", stalls["embedded"])
    _print_stalls("200 sign-ins / 20 clients, embedded", load)
    print(f"{'':34} load: {statistics.median(r['sign_ins'] for r in load):.0f} sign-ins in "
          f"{statistics.median(r['load_s'] for r in load):.1f} s, "
          f"{statistics.median(r['failures'] for r in load):.0f} failed")
    crashes = sum(r["crash_reports"] for runs in stalls.values() for r in runs)
    print(f"crash reports during the flows: {crashes}")
    bare = statistics.median(rss["bare"])
    print(f"\nidle RSS after {IDLE_S:.0f} s, {options.rss_runs} samples each (median MiB)")
    for name, label in (("bare", "bare PySide6 QMainWindow"),
                        ("app", "authing-desktop, --no-local-pool"),
                        ("app+pool", "authing-desktop, local pool on")):
        value = statistics.median(rss[name])
        print(f"{label:34} {value:7.1f}   ratio to bare {value / bare:.2f}")
    print(f"{'  its pool process (apart)':34} {statistics.median(pool_rss):7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
