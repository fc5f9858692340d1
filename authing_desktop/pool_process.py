"""``authing-desktop pool serve`` as a child process, without Qt: its command line, its JSON
ready line, the reason it gives when it cannot start, and stopping it.

The app's `services.pool_launcher` (asynchronously, off the UI thread) and the replay tool
(`PoolProcess`, blocking) start pools this way. The ready line is the only place the pool's
admin token appears (what its ``/_localpool/*`` routes need): it travels over the child's
stdout, a pipe only the starting process reads, and is never logged or quoted.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

log = logging.getLogger("authing_desktop.pool")

READY_KEYS = ("url", "user_pool_id", "app_id", "app_secret", "public_key")
READY_TIMEOUT_S = 60.0
STOP_GRACE_S = 3.0
LOG_FILE = "pool.log"
# `pool serve`'s log format (localpool/cli.py) and its start-up failure line.
_LOG_ERROR = re.compile(r"^\S+ \S+ (?:ERROR|CRITICAL) [\w.]+: (?P<message>.+)$")
_CLI_ERROR_PREFIX = "cannot start the local pool: "


@dataclass
class PoolEndpoint:
    """Where a running pool answers, from its ready line (no secret in the repr).

    ``admin_token`` opens the pool's ``/_localpool/*`` routes; ``""`` when the ready line has
    none (a pool from before the admin token, whose routes need none). ``pid`` is 0 when the
    ready line has none."""

    url: str
    user_pool_id: str
    app_id: str
    app_secret: str = field(repr=False)
    public_key: str = field(repr=False)
    admin_token: str = field(default="", repr=False)
    pid: int = 0


class PoolStartError(RuntimeError):
    """The pool process did not come up; the message is the reason it gave (its last log
    line) or what went wrong."""


def pool_command(data_dir: Path, *, demo: bool = True) -> list[str]:
    """The command line of the pool process (a frozen build runs its own executable)."""
    if getattr(sys, "frozen", False):
        base = [sys.executable]
    else:
        base = [sys.executable, "-m", "authing_desktop"]
    command = [*base, "pool", "serve", "--host", "127.0.0.1", "--port", "0",
               "--data-dir", str(data_dir), "--exit-with-parent"]
    if demo:
        command.append("--demo")
    return command


def parse_ready(line: bytes) -> PoolEndpoint:
    """The endpoint a ready line describes; `PoolStartError` with the pool's own reason when the
    line says it failed, or a general one when the line is neither."""
    try:
        ready = json.loads(line)
        if isinstance(ready, dict) and ready.get("event") == "failed":
            reason = ready.get("reason")
            raise PoolStartError(str(reason)[:300] if reason else "no reason given")
        if not isinstance(ready, dict) or ready.get("event") != "ready":
            raise ValueError("not a ready event")
        values = {key: ready[key] for key in READY_KEYS}
        if not all(isinstance(value, str) and value for value in values.values()):
            raise ValueError("empty or non-text fields")
        token = ready.get("admin_token", "")
        if not isinstance(token, str) or ("admin_token" in ready and not token):
            raise ValueError("an empty or non-text admin token")
        pid = ready.get("pid", 0)
        if not isinstance(pid, int) or pid < 0:
            raise ValueError("a pid that is not a process id")
    except (ValueError, KeyError) as error:
        # The line holds the app secret and the admin token: never quote it.
        raise PoolStartError(f"the pool process answered something else ({error})") from None
    return PoolEndpoint(**values, admin_token=token, pid=pid)


def last_error(path: Path) -> str:
    """The last error the pool logged in ``path`` (its reason for not starting), without the
    time stamp and logger name; else its last line."""
    try:
        with path.open("rb") as file:
            file.seek(0, os.SEEK_END)
            file.seek(max(0, file.tell() - 4096))
            lines = file.read().decode("utf-8", "replace").strip().splitlines()
    except OSError:
        return ""
    for line in reversed(lines):
        match = _LOG_ERROR.match(line)
        if match:
            return match.group("message").removeprefix(_CLI_ERROR_PREFIX)[:300]
    return lines[-1][:300] if lines else ""


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Ask nicely (stdin EOF, then SIGTERM), then kill after `STOP_GRACE_S`."""
    with contextlib.suppress(OSError):
        if process.stdin is not None:
            process.stdin.close()
    if os.name != "nt":  # on Windows terminate() is already a hard kill
        with contextlib.suppress(OSError):
            process.terminate()
    try:
        process.wait(STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        log.warning("the local pool did not stop in %.0f s: killing it", STOP_GRACE_S)
        kill_process(process)
    close_pipes(process)


def kill_process(process: subprocess.Popen[bytes]) -> None:
    """Kill the process and wait for it (briefly)."""
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)
    close_pipes(process)


def close_pipes(process: subprocess.Popen[bytes]) -> None:
    """Close our ends of the child's stdin and stdout."""
    streams: list[IO[bytes] | None] = [process.stdin, process.stdout]
    for stream in streams:
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()


@dataclass
class PoolProcess:
    """A pool process started and waited for in the calling thread (for tools: the replay).
    It stops with the starting process, whatever happens to it (``--exit-with-parent``)."""

    process: subprocess.Popen[bytes] = field(repr=False)
    endpoint: PoolEndpoint

    @classmethod
    def start(cls, data_dir: Path, *, demo: bool = True,
              timeout: float = READY_TIMEOUT_S) -> PoolProcess:
        """Start a pool on ``data_dir`` (its stderr goes to ``pool.log`` there) and wait for its
        ready line; `PoolStartError` says why it did not come up."""
        data_dir.mkdir(parents=True, exist_ok=True)
        log_path = data_dir / LOG_FILE
        with log_path.open("ab") as stderr:
            # Our own executable and fixed arguments; the data dir is a path, not shell text.
            process = subprocess.Popen(  # noqa: S603
                pool_command(data_dir, demo=demo), stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=stderr, cwd=data_dir,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        try:
            line = _read_line(process, timeout)
            if not line:
                raise PoolStartError(last_error(log_path) or "the pool process exited")
            return cls(process, parse_ready(line))
        except BaseException:
            kill_process(process)
            raise

    def stop(self) -> None:
        """Stop the pool (blocking; idempotent)."""
        stop_process(self.process)


def _read_line(process: subprocess.Popen[bytes], timeout: float) -> bytes:
    # A thread, not select(): Windows cannot select() on a pipe. Killing the process ends a
    # readline still waiting (EOF).
    assert process.stdout is not None
    stdout = process.stdout
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()),
                              name="pool-ready", daemon=True)
    reader.start()
    reader.join(timeout)
    if reader.is_alive():
        kill_process(process)
        reader.join(5)
        raise PoolStartError(f"no answer from the pool process in {timeout:g} s")
    return lines[0] if lines else b""
