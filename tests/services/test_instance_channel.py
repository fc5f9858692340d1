"""The single-instance socket: a ``raise`` request is answered and reported, anything else is
dropped without an answer; on both transports (Unix sockets, and QtNetwork as on Windows)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.services import instance_channel
from authing_desktop.services.instance_channel import InstanceChannel, socket_path

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["unix", "qt"])
def transport(request: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "qt":
        monkeypatch.setattr(instance_channel, "HAS_UNIX_SOCKETS", False)
    elif not instance_channel.HAS_UNIX_SOCKETS:
        pytest.skip("no AF_UNIX here")
    return str(request.param)


def _ask_from_another_process(name: str, transport: str) -> subprocess.Popen[str]:
    """A later launch's request, from its own process (as in real use)."""
    code = ("import sys\n"
            "from authing_desktop.services import instance_channel as channel\n"
            f"channel.HAS_UNIX_SOCKETS = {transport == 'unix'}\n"
            "print(channel.ask_to_raise(sys.argv[1]))\n")
    return subprocess.Popen([sys.executable, "-c", code, name], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)


def _answer(qtbot: Any, client: subprocess.Popen[str]) -> str:
    qtbot.waitUntil(lambda: client.poll() is not None, timeout=10_000)
    out, _err = client.communicate()
    return out.strip()


def test_a_raise_request_is_answered_and_reported(qtbot: Any, transport: str) -> None:
    # The listening side of the "qt" transport is QLocalServer (the monkeypatched flag).
    raised: list[bool] = []
    channel = InstanceChannel(f"test-{uuid.uuid4().hex[:8]}", lambda: raised.append(True))
    try:
        assert channel.listen()
        assert _answer(qtbot, _ask_from_another_process(channel.name, transport)) == "True"
        assert raised == [True]
    finally:
        channel.close()
    # Closed: nobody answers any more.
    assert _answer(qtbot, _ask_from_another_process(channel.name, transport)) == "False"


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_the_socket_is_for_this_user_only_and_removed_at_close(qtbot: Any) -> None:
    if not instance_channel.HAS_UNIX_SOCKETS:
        pytest.skip("no AF_UNIX here")
    channel = InstanceChannel(f"test-{uuid.uuid4().hex[:8]}", lambda: None)
    path = socket_path(channel.name)
    try:
        assert channel.listen()
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        channel.close()
    assert not path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_other_messages_get_no_answer_and_change_nothing(qtbot: Any) -> None:
    if not instance_channel.HAS_UNIX_SOCKETS:
        pytest.skip("no AF_UNIX here")
    raised: list[bool] = []
    channel = InstanceChannel(f"test-{uuid.uuid4().hex[:8]}", lambda: raised.append(True))
    replies: list[bytes] = []

    def send(payload: bytes) -> None:
        with socket.socket(socket.AF_UNIX) as client:
            client.settimeout(2)
            client.connect(str(socket_path(channel.name)))
            client.sendall(payload)
            try:
                replies.append(client.recv(16))
            except OSError:
                replies.append(b"<error>")

    try:
        assert channel.listen()
        for sent, payload in enumerate((b"hello\n", b"x" * 200), start=1):
            thread = threading.Thread(target=send, args=(payload,), daemon=True)
            thread.start()
            qtbot.waitUntil(lambda sent=sent: len(replies) == sent, timeout=5000)
            thread.join(1)
        # Closed without an answer (the over-long one may see the close as a reset).
        assert replies[0] == b"" and replies[1] in (b"", b"<error>")
        assert raised == []
        # Still listening for a real request afterwards.
        assert _answer(qtbot, _ask_from_another_process(channel.name, "unix")) == "True"
        assert raised == [True]
    finally:
        channel.close()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_the_socket_lives_in_the_private_runtime_dir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert socket_path("x") == tmp_path / "x"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    assert socket_path("x") == tmp_path / "tmp" / "x"


@pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")
def test_a_name_taken_by_something_else_only_means_no_listening(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not instance_channel.HAS_UNIX_SOCKETS:
        pytest.skip("no AF_UNIX here")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    channel = InstanceChannel("taken", lambda: None)
    (tmp_path / "taken").mkdir()  # cannot be unlinked like a stale socket file
    try:
        assert channel.listen() is False
    finally:
        channel.close()
    assert (tmp_path / "taken").is_dir()
