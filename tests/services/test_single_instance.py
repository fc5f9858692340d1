"""Single instance: a second launch (same user, same --basedir) asks the first to show its
window and exits 0 at once; a lock left by a crashed run does not block the next start; other
base dirs are other instances. Real processes, offscreen."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from PySide6.QtCore import QLockFile

from authing_desktop.services.single_instance import LOCK_FILE, SingleInstance, socket_name

ROOT = Path(__file__).resolve().parents[2]

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
    stale_socket = Path(instance.name)
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


def _ask_from_another_process(name: str) -> subprocess.Popen[str]:
    """A later launch's request, from its own process (as in real use)."""
    code = ("import sys\n"
            "from authing_desktop.services.single_instance import ask_to_raise\n"
            "print(ask_to_raise(sys.argv[1]))\n")
    return subprocess.Popen([sys.executable, "-c", code, name], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)


def _answer(qtbot: Any, client: subprocess.Popen[str]) -> str:
    qtbot.waitUntil(lambda: client.poll() is not None, timeout=10_000)
    out, _err = client.communicate()
    return out.strip()


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private runtime dir with a short path, like /run/user/<uid> (a Unix socket's path
    must fit in about 100 bytes, which pytest's tmp_path under xdist may not)."""
    with tempfile.TemporaryDirectory(prefix="rt-", dir="/tmp") as folder:
        monkeypatch.setenv("XDG_RUNTIME_DIR", folder)
        yield Path(folder)


@pytest.fixture
def listening(qapp: Any, tmp_path: Path,
              runtime_dir: Path) -> Iterator[tuple[SingleInstance, list[bool]]]:
    instance = SingleInstance(tmp_path / "state")
    raised: list[bool] = []
    instance.activation_requested.connect(lambda: raised.append(True))
    assert instance.claim()
    try:
        yield instance, raised
    finally:
        instance.release()


def test_a_raise_request_is_answered_and_reported(qtbot: Any, listening: Any) -> None:
    instance, raised = listening
    assert _answer(qtbot, _ask_from_another_process(instance.name)) == "True"
    assert raised == [True]
    instance.release()
    # Released: nobody answers any more, and the socket file is gone.
    assert _answer(qtbot, _ask_from_another_process(instance.name)) == "False"
    assert not Path(instance.name).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_the_socket_is_in_the_private_runtime_dir_for_this_user_only(
        listening: Any, runtime_dir: Path) -> None:
    instance, _raised = listening
    path = Path(instance.name)
    assert path.parent == runtime_dir
    assert path.stat().st_mode & 0o077 == 0  # no access for group or others


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_other_messages_get_no_answer_and_change_nothing(qtbot: Any, listening: Any) -> None:
    instance, raised = listening
    replies: list[bytes] = []

    def send(payload: bytes) -> None:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(2)
            client.connect(instance.name)
            client.sendall(payload)
            try:
                replies.append(client.recv(16))
            except OSError:
                replies.append(b"<error>")

    for sent, payload in enumerate((b"hello\n", b"x" * 200), start=1):
        thread = threading.Thread(target=send, args=(payload,), daemon=True)
        thread.start()
        qtbot.waitUntil(lambda sent=sent: len(replies) == sent, timeout=5000)
        thread.join(1)
    # Closed without an answer (the over-long one may see the close as a reset).
    assert replies[0] == b"" and replies[1] in (b"", b"<error>")
    assert raised == []
    # Still listening for a real request afterwards.
    assert _answer(qtbot, _ask_from_another_process(instance.name)) == "True"
    assert raised == [True]


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_name_taken_by_something_else_only_means_no_listening(
        qapp: Any, tmp_path: Path, runtime_dir: Path) -> None:
    instance = SingleInstance(tmp_path / "state")
    Path(instance.name).mkdir()  # cannot be removed like a stale socket file
    try:
        assert instance.claim()  # first all the same: it runs, alone
        assert not instance.is_primary
    finally:
        instance.release()
    assert Path(instance.name).is_dir()
