"""Single instance: a second launch (same user, same --basedir) asks the first to show its
window and exits 0 at once; a lock left by a crashed run does not block the next start; other
base dirs are other instances. Real processes, offscreen."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from PySide6.QtCore import QLockFile

from authing_desktop.services.instance_channel import socket_path
from authing_desktop.services.single_instance import LOCK_FILE, SingleInstance, socket_name

START_TIMEOUT_S = 20.0


def _launch(basedir: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "authing_desktop", "--basedir", str(basedir), "--no-local-pool",
         "--instance-events"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env)


def _read_event(stream: IO[str] | None) -> dict[str, Any]:
    assert stream is not None
    line = stream.readline()
    assert line, "the app ended without saying"
    return dict(json.loads(line))


@pytest.fixture
def first(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = _launch(tmp_path)
    try:
        assert _read_event(process.stdout) == {"instance": "primary"}
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_a_second_launch_raises_the_first(first: subprocess.Popen[str], tmp_path: Path) -> None:
    started = time.monotonic()
    second = subprocess.run(
        [sys.executable, "-m", "authing_desktop", "--basedir", str(tmp_path), "--no-local-pool",
         "--instance-events"],
        capture_output=True, text=True, timeout=START_TIMEOUT_S,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    elapsed = time.monotonic() - started
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout) == {"instance": "secondary"}
    assert "already running" in second.stderr
    assert elapsed < 5.0
    assert _read_event(first.stdout) == {"instance": "raised"}
    assert first.poll() is None  # still running

    # A third launch too.
    third = subprocess.run(
        [sys.executable, "-m", "authing_desktop", "--basedir", str(tmp_path), "--no-local-pool"],
        capture_output=True, text=True, timeout=START_TIMEOUT_S,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert third.returncode == 0
    assert _read_event(first.stdout) == {"instance": "raised"}


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_stale_lock_and_socket_do_not_block(qapp: Any, tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    # A crashed run: its lock names a process that is gone, its socket file is left behind.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    (state / LOCK_FILE).write_text(f"{dead.stdout.strip()}\n{Path(sys.executable).name}\n"
                                   f"{os.uname().nodename}\n", encoding="utf-8")
    instance = SingleInstance(state)
    stale_socket = socket_path(instance.name)
    with socket.socket(socket.AF_UNIX) as leftover:
        leftover.bind(str(stale_socket))
    assert stale_socket.exists()
    try:
        assert instance.claim()
        assert instance.is_primary
        # It listens on the same name: a later launch gets through.
        with socket.socket(socket.AF_UNIX) as probe:
            probe.settimeout(1)
            probe.connect(str(stale_socket))
    finally:
        instance.release()
    # After a clean release the next run is first again at once.
    again = SingleInstance(state)
    try:
        assert again.claim()
    finally:
        again.release()


def test_instances_are_per_base_dir(qapp: Any, tmp_path: Path) -> None:
    one, two = SingleInstance(tmp_path / "a"), SingleInstance(tmp_path / "b")
    assert one.name != two.name
    assert socket_name(tmp_path / "a") == one.name
    try:
        assert one.claim() and two.claim()
        # Same dir, same process: the lock is held, the request is answered by the event loop
        # we are not running here, so only the lock is checked.
        lock = QLockFile(str(tmp_path / "a" / LOCK_FILE))
        assert not lock.tryLock(0)
    finally:
        one.release()
        two.release()
