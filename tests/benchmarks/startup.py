"""Startup benchmark: our app against a bare PySide6 window, alternating in one run.

    .venv/bin/python tests/benchmarks/startup.py [--runs 10] [--no-restore]

Each run is a fresh process (offscreen Qt, throwaway config/data dirs). The parent takes
``time.perf_counter()`` just before spawning; the child prints its own ``perf_counter()`` at the
moments measured (both are CLOCK_MONOTONIC on Linux, so they compare).

1. **First paint and ready.** Our app runs with ``--first-paint-exit --no-local-pool``. It starts
   in two stages: the window frame ("Starting…") paints first ("first paint"), then the services
   attach and the Sign in page paints ("ready": usable); it quits there. The bare window is ready
   at its first paint. Goals: first paint <= 1.35x bare, ready <= 1.6x bare.
2. **A remembered sign-in, restored.** A prepared profile (the local pool with the demo account
   signed in and remembered in the keychain) is started with ``--account-paint-exit``: the time to
   the first paint of the account page it opens, as the user sees it. The floor, measured in the
   same run: a bare window's first paint plus the local pool's own time to its ready line (the
   pool started alone on the same data). Goal: <= 1.3x that floor. This part needs a Secret
   Service keychain: without one (no D-Bus session), the script runs itself again inside a
   private ``dbus-run-session`` with a throwaway, unlocked gnome-keyring, as scripts/run-tests
   does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_EMAIL, DEMO_PASSWORD = "demo@example.com", "passw0rd"
INNER = "AUTHING_STARTUP_BENCH_INNER"

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


def _stamps(command: list[str], env: dict[str, str]) -> tuple[float, dict[str, float]]:
    """(seconds to exit, {stamp name: seconds from spawn}) of one cold start."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60,
                            check=False, cwd=ROOT)
    ended = time.perf_counter()
    if result.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed ({result.returncode}): {result.stderr[-2000:]}")
    stamps: dict[str, float] = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            stamps.update({k: v - started for k, v in json.loads(line).items()})
    return ended - started, stamps


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


# ------------------------------------------------------------- remembered sign-in


def _start_pool(data_dir: Path,
                env: dict[str, str]) -> tuple[subprocess.Popen[str], dict[str, str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "authing_desktop", "pool", "serve", "--host", "127.0.0.1",
         "--port", "0", "--data-dir", str(data_dir), "--demo"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith("{"):
        process.kill()
        raise RuntimeError(f"pool serve did not start: {line!r}")
    return process, json.loads(line)


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(10)
    if process.stdout is not None:
        process.stdout.close()


def prepare_remembered(base: Path, env: dict[str, str]) -> None:
    """A profile under ``base`` whose local pool has the demo account signed in, its token in
    the keychain and its name remembered in the settings."""
    import keyring

    sys.path.insert(0, str(ROOT))
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.profile import ConnectionProfile
    from authing_desktop.services.token_store import service_name

    process, ready = _start_pool(base / "data" / "localpool", env)
    try:
        async def sign_in() -> str:
            client = AuthenticationClient(ConnectionProfile(
                host=ready["url"], user_pool_id=ready["user_pool_id"], app_id=ready["app_id"],
                public_key=ready.get("public_key") or None))
            try:
                user = await client.login_by_email(DEMO_EMAIL, DEMO_PASSWORD)
                return str(user.token)
            finally:
                await client.aclose()

        token = asyncio.run(sign_in())
    finally:
        _stop(process)
    keyring.set_password(service_name("local"), DEMO_EMAIL, token)
    settings = base / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({
        "version": 1, "profiles": [{"id": "local", "name": "Local pool", "kind": "local"}],
        "selected_profile": "local", "language": "", "theme": "",
        "remembered_accounts": {"local": [DEMO_EMAIL]}}), encoding="utf-8")


def pool_ready_time(data_dir: Path, env: dict[str, str]) -> float:
    """Seconds from spawning ``pool serve`` on ``data_dir`` to its ready line."""
    started = time.perf_counter()
    process, _ready = _start_pool(data_dir, env)
    elapsed = time.perf_counter() - started
    _stop(process)
    return elapsed


def _in_keyring_session() -> int:
    """Run this script again inside a private D-Bus session with an unlocked throwaway
    gnome-keyring (what scripts/run-tests does for the suite)."""
    if shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None:
        print("no dbus-run-session / gnome-keyring-daemon: run scripts/run-tests once to install "
              "them, or pass --no-restore", file=sys.stderr)
        return 2
    home = tempfile.mkdtemp(prefix="startup-keyring-")
    try:
        env = dict(os.environ, XDG_DATA_HOME=f"{home}/data", **{INNER: "1"})
        script = (
            'printf %s bench | gnome-keyring-daemon --foreground --unlock '
            '--components=secrets >/dev/null 2>&1 & GK=$!; '
            'for n in $(seq 100); do dbus-send --session --print-reply '
            '--dest=org.freedesktop.DBus /org/freedesktop/DBus '
            'org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null '
            '| grep -q "boolean true" && break; sleep 0.05; done; '
            '"$0" "$@"; rc=$?; kill $GK 2>/dev/null; wait $GK 2>/dev/null; exit $rc')
        return subprocess.call(["dbus-run-session", "--", "sh", "-c", script, sys.executable,
                                *sys.argv], env=env)
    finally:
        shutil.rmtree(home, ignore_errors=True)


# ------------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="cold starts of each (default 10)")
    parser.add_argument("--no-restore", action="store_true",
                        help="skip the remembered sign-in part (it needs a keychain)")
    options = parser.parse_args()
    if not options.no_restore and not os.environ.get(INNER):
        return _in_keyring_session()

    with tempfile.TemporaryDirectory(prefix="startup-bench-") as temp:
        env = dict(os.environ)
        # Installed apps and bundles run from compiled bytecode: so do the runs measured.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{temp}/config",
                   XDG_STATE_HOME=f"{temp}/state", XDG_CACHE_HOME=f"{temp}/cache")
        if options.no_restore:
            env["XDG_DATA_HOME"] = f"{temp}/data"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "authing_desktop")],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        bare = [sys.executable, "-c", BARE_WINDOW]
        app = [sys.executable, "-m", "authing_desktop", "--first-paint-exit", "--no-local-pool",
               "--basedir", f"{temp}/app"]
        remembered = Path(temp) / "remembered"
        restore = [sys.executable, "-m", "authing_desktop", "--account-paint-exit",
                   "--basedir", str(remembered)]
        if not options.no_restore:
            prepare_remembered(remembered, env)
        # One warm-up each (page cache), not counted.
        runs: dict[str, list[tuple[float, dict[str, float]]]] = {"bare": [], "app": [],
                                                                   "restore": []}
        pool_times: list[float] = []
        _stamps(bare, env)
        _stamps(app, env)
        for _ in range(options.runs):
            runs["bare"].append(_stamps(bare, env))
            runs["app"].append(_stamps(app, env))
            if not options.no_restore:
                runs["restore"].append(_stamps(restore, env))
                pool_times.append(pool_ready_time(remembered / "data" / "localpool", env))

    def values(name: str, stamp: str) -> list[float]:
        """Milliseconds to ``stamp`` (a bare window is ready at its first paint; "" means the
        process's exit)."""
        found = []
        for total, stamps in runs[name]:
            if not stamp:
                found.append(total)
            elif stamp in stamps:
                found.append(stamps[stamp])
            elif stamp == "ready" and "first_paint" in stamps:
                found.append(stamps["first_paint"])
            else:
                raise RuntimeError(f"{name}: no {stamp!r} stamp in {stamps}")
        return sorted(value * 1000 for value in found)

    def median(name: str, stamp: str) -> float:
        return statistics.median(values(name, stamp))

    def spread(name: str, stamp: str) -> str:
        found = values(name, stamp)
        return f"{found[0]:.0f}-{found[-1]:.0f}"

    print(f"cold starts, offscreen, {options.runs} runs each, alternating")
    print(f"{'':28} {'first paint (ms)':>17} {'range':>10} {'ready (ms)':>11} {'range':>10} "
          f"{'exit (ms)':>10}")
    for name, label in (("bare", "bare PySide6 QMainWindow"),
                        ("app", "authing-desktop main window")):
        print(f"{label:28} {median(name, 'first_paint'):>17.0f} {spread(name, 'first_paint'):>10} "
              f"{median(name, 'ready'):>11.0f} {spread(name, 'ready'):>10} "
              f"{median(name, ''):>10.0f}")
    bare_paint = median("bare", "first_paint")
    print(f"ratio app/bare (first paint, medians): {median('app', 'first_paint') / bare_paint:.2f}"
          "   goal <= 1.35")
    print(f"ratio app/bare (ready, medians):       {median('app', 'ready') / bare_paint:.2f}"
          "   goal <= 1.6")
    if not options.no_restore:
        pool = statistics.median(pool_times) * 1000
        account = median("restore", "account")
        floor = bare_paint + pool
        print(f"remembered sign-in: account page painted {account:.0f} ms "
              f"({spread('restore', 'account')}); floor {floor:.0f} ms = bare first paint "
              f"{bare_paint:.0f} + pool ready {pool:.0f}")
        print(f"ratio restored/floor (medians):        {account / floor:.2f}   goal <= 1.3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
