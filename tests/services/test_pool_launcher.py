"""The embedded local pool: its own process, started off the UI thread, reachable, stopped on
quit, never outliving the app, and the GUI process never loads the server stack (neither for the
app's pool nor for a replay's)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from authing_desktop.pool_process import LOG_FILE
from authing_desktop.services.bus import Level, MessageBus
from authing_desktop.services.pool_launcher import (
    POOL_NICENESS,
    PoolLauncher,
    PoolStatus,
    pool_command,
)
from tests.fixtures.app_services import drive

ROOT = Path(__file__).resolve().parents[2]
# What the pool process imports and the GUI process must not (memory, GIL).
SERVER_STACK = ("uvicorn", "starlette", "graphql", "argon2", "authing_desktop.localpool.server")

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc to find processes")


@pytest.fixture(scope="module")
def pool_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data dir for the module: the first start makes the keys and demo data (slow), the
    later ones reuse them."""
    return tmp_path_factory.mktemp("launcher") / "localpool"


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its reaper counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def _pool_processes(data_dir: Path) -> list[int]:
    """Pool processes serving ``data_dir`` (their command line names it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in argv and str(data_dir).encode() in argv and _alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def _wait(predicate: Any, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_the_command_runs_this_app_with_the_parent_watch() -> None:
    command = pool_command(Path("/data/pool"), demo=True)
    assert command[:3] == [sys.executable, "-m", "authing_desktop"]
    assert command[3:5] == ["pool", "serve"]
    assert command[command.index("--port") + 1] == "0"
    assert command[command.index("--data-dir") + 1] == str(Path("/data/pool"))
    assert "--exit-with-parent" in command and "--demo" in command
    assert "--demo" not in pool_command(Path("/data/pool"), demo=False)


def test_a_frozen_build_runs_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    command = pool_command(Path("/data/pool"))
    assert command[:3] == [sys.executable, "pool", "serve"]


@pytest.mark.slow
@linux_only
def test_start_serve_and_stop(qtbot: Any, qloop: Any, pool_dir: Path) -> None:
    bus = MessageBus()
    launcher = PoolLauncher(pool_dir, bus)
    statuses: list[PoolStatus] = []
    launcher.status_changed.connect(statuses.append)
    pool = drive(qtbot, launcher.start(), timeout_ms=60_000)
    try:
        assert pool is not None and launcher.pool is pool
        pid = pool.pid
        assert pid != os.getpid() and _alive(pid)
        if hasattr(os, "getpriority"):  # below the app's: a busy pool does not slow the window
            assert os.getpriority(os.PRIO_PROCESS, pid) == min(
                19, os.getpriority(os.PRIO_PROCESS, 0) + POOL_NICENESS)
        assert statuses == [PoolStatus.STARTING, PoolStatus.READY]
        assert pool.url.startswith("http://127.0.0.1:")
        assert pool.user_pool_id and pool.app_id and "BEGIN PUBLIC KEY" in pool.public_key
        assert pool.app_secret not in repr(pool)
        assert drive(qtbot, launcher.start()) is pool  # started once
        response = httpx.get(f"{pool.url}/api/v2/.well-known", timeout=10)
        assert response.status_code == 200
        # Starting and ready show in the status bar (statuses above): no banner comes and
        # goes and moves the page under the pointer.
        assert bus.history == []
    finally:
        drive(qtbot, launcher.stop(), timeout_ms=30_000)
    assert launcher.status is PoolStatus.STOPPED and launcher.pool is None
    assert not _alive(pid)
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{pool.url}/api/v2/.well-known", timeout=2)
    drive(qtbot, launcher.stop())  # twice is fine
    # The pool wrote its own log: there, and without its secrets.
    log_text = (pool_dir / LOG_FILE).read_text()
    assert "listening on" in log_text
    assert pool.app_secret not in log_text and pool.admin_token not in log_text

    again = drive(qtbot, launcher.start(), timeout_ms=60_000)  # restartable
    try:
        assert again is not None and again.app_id == pool.app_id  # same data dir
        assert launcher.status is PoolStatus.READY
    finally:
        drive(qtbot, launcher.stop(), timeout_ms=30_000)


@pytest.mark.slow
@linux_only
def test_a_pool_process_that_dies_is_reported(qtbot: Any, qloop: Any, pool_dir: Path) -> None:
    bus = MessageBus()
    launcher = PoolLauncher(pool_dir, bus)
    pool = drive(qtbot, launcher.start(), timeout_ms=60_000)
    assert pool is not None
    os.kill(pool.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: launcher.status is PoolStatus.FAILED, timeout=10_000)
    assert launcher.pool is None
    assert bus.history[-1].level is Level.ERROR
    assert "stopped unexpectedly" in bus.history[-1].text
    drive(qtbot, launcher.stop())


@pytest.mark.slow
@linux_only
def test_stopping_while_it_starts_leaves_no_process(qtbot: Any, qloop: Any,
                                                    pool_dir: Path) -> None:
    launcher = PoolLauncher(pool_dir, MessageBus())
    task = qloop.create_task(launcher.start())
    qtbot.waitUntil(lambda: bool(_pool_processes(pool_dir)), timeout=10_000)
    drive(qtbot, launcher.stop(), timeout_ms=15_000)
    qtbot.waitUntil(task.done, timeout=5_000)
    assert task.result() is None
    assert launcher.status is PoolStatus.STOPPED and launcher.pool is None
    _wait(lambda: not _pool_processes(pool_dir), 5, "the half-started pool to go")


def test_a_pool_that_cannot_start_reports_failed(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data dir should be")
    bus = MessageBus()
    launcher = PoolLauncher(blocker / "localpool", bus)
    assert drive(qtbot, launcher.start()) is None
    assert launcher.status is PoolStatus.FAILED
    assert bus.history[-1].level is Level.ERROR
    assert "could not start" in bus.history[-1].text
    drive(qtbot, launcher.stop())


@pytest.mark.slow
def test_a_failing_pool_process_says_why(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "localpool"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text('{"captcha_after": true}')  # not a number: rejected
    bus = MessageBus()
    launcher = PoolLauncher(data_dir, bus)
    assert drive(qtbot, launcher.start(), timeout_ms=60_000) is None
    assert launcher.status is PoolStatus.FAILED
    assert "could not start" in bus.history[-1].text
    assert "captcha_after" in bus.history[-1].text  # the pool's own reason


# Runs in a child process: the app's launcher and api layer, as the GUI process has them.
_PARENT = """
import asyncio, json, os, signal, sys
from pathlib import Path
import qasync
from PySide6.QtCore import QCoreApplication
from authing_desktop.services.bus import MessageBus
from authing_desktop.services.warm_up import ModuleGroup, _import_modules
from authing_desktop.services.pool_launcher import PoolLauncher

app = QCoreApplication([])

async def main():
    launcher = PoolLauncher(Path(sys.argv[1]), MessageBus())
    pool = await launcher.start()
    _import_modules(ModuleGroup.API)  # what the GUI loads before its first request
    import authing_desktop.api.client
    import httpx
    async with httpx.AsyncClient() as client:
        status = (await client.get(pool.url + "/api/v2/.well-known")).status_code
    heavy = [name for name in sys.argv[2:] if name in sys.modules]
    print(json.dumps({"pid": pool.pid, "status": status, "heavy": heavy}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # a crash: no clean-up runs

with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
    runner.run(main())
"""


@pytest.mark.slow
@linux_only
def test_the_pool_never_outlives_a_crashed_app_and_its_stack_stays_out(pool_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    parent = subprocess.run([sys.executable, "-c", _PARENT, str(pool_dir), *SERVER_STACK],
                            capture_output=True, text=True, timeout=90, env=env, check=False)
    assert parent.returncode == -signal.SIGKILL, parent.stderr[-2000:]
    report = json.loads(parent.stdout.strip().splitlines()[-1])
    assert report["status"] == 200
    assert report["heavy"] == [], "the GUI process imported the pool's server stack"
    _wait(lambda: not _alive(report["pid"]), 10, "the orphaned pool to stop")


# Runs in a child process: the GUI's Replay action on a fresh pool, as the Support page runs it.
_REPLAY_PARENT = """
import asyncio, json, sys
from pathlib import Path
import qasync
from PySide6.QtCore import QCoreApplication
from authing_desktop.presenters.replay import ReplayPresenter
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.token_store import MemoryTokenStore

app = QCoreApplication([])

async def main():
    services = AppServices.create(AppPaths.under(Path(sys.argv[1])),
                                  token_store=MemoryTokenStore())
    presenter = ReplayPresenter(services.tasks, services.warm_up)
    done = asyncio.get_running_loop().create_future()
    presenter.finished.connect(lambda report: done.done() or done.set_result(report.all_match))
    presenter.error_changed.connect(lambda text: text and not done.done()
                                    and done.set_exception(RuntimeError(text)))
    presenter.replay(Path(sys.argv[2]))
    all_match = await asyncio.wait_for(done, 90)
    await services.aclose()
    heavy = [name for name in sys.argv[3:] if name in sys.modules]
    print(json.dumps({"all_match": all_match, "heavy": heavy}), flush=True)

with asyncio.Runner(loop_factory=lambda: qasync.QEventLoop(app)) as runner:
    runner.run(main())
"""


@pytest.mark.slow
def test_the_gui_replay_starts_its_pool_without_the_server_stack(tmp_path: Path) -> None:
    from authing_desktop.replay.transcript_file import transcript_document, transcript_header

    head = transcript_header(app_version="t", pool_version="unknown", language="en-US",
                             ui_language="en", profile={"kind": "local"})
    call = {"t": 0.0, "kind": "rest", "operation": "/api/v2/users/me", "method": "GET",
            "path": "/api/v2/users/me", "duration": 0.01, "code": 2020, "message": "",
            "status": 200, "authorization": None, "variables": {}, "response": {"code": 2020}}
    transcript = tmp_path / "t.json"
    transcript.write_text(json.dumps(transcript_document(head, [call], 0.0)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    parent = subprocess.run(
        [sys.executable, "-c", _REPLAY_PARENT, str(tmp_path / "app"), str(transcript),
         *SERVER_STACK], capture_output=True, text=True, timeout=120, env=env, check=False)
    assert parent.returncode == 0, parent.stderr[-2000:]
    report = json.loads(parent.stdout.strip().splitlines()[-1])
    assert report["all_match"] is True  # it did replay, on a pool of its own
    assert report["heavy"] == [], "the GUI's replay imported the pool's server stack"


@pytest.fixture(autouse=True)
def _no_pool_left(pool_dir: Path) -> Iterator[None]:
    yield
    if sys.platform.startswith("linux"):
        assert _pool_processes(pool_dir) == [], "a pool process was left running"
