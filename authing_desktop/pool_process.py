"""The one way to start a local pool: ``authing-desktop pool serve`` as a child process, without
Qt. The app (`services.pool_launcher`), the replay tool (CLI and GUI) and the tests' pools all
use `PoolProcess`.

- **Its answer.** The child's first stdout line is JSON: ``{"event": "ready", ...}`` with its URL,
  ids, public key, admin token and pid, or ``{"event": "failed", "reason": ...}`` when it cannot
  start; that reason is what the user reads (`PoolStartError`). The ready line is the only place
  the admin token appears: it travels over a pipe only the starter reads, never logged or quoted.
- **Its log.** The child writes ``pool.log`` in its data dir itself (rotating, 0600:
  `authing_desktop.localpool.cli`); its stderr stays the starter's, for what is not a log record.
- **Its lifetime.** It never outlives its starter: it stops at EOF on its stdin
  (``--exit-with-parent``), and the OS closes our end of that pipe when we exit, crash included.
  `stop` closes it and sends SIGTERM, then kills after `STOP_GRACE_S`.

`start` and `stop` block the calling thread (tests); from an event loop `start_async` and
`stop_async` run them in a worker thread, so a UI thread never waits (the app, and the replay's
`temporary_pool`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("authing_desktop.pool")

READY_KEYS = ("url", "user_pool_id", "app_id", "app_secret", "public_key")
READY_TIMEOUT_S = 60.0
STOP_GRACE_S = 3.0
LOG_FILE = "pool.log"
_REASON_CHARS = 300


@dataclass
class PoolEndpoint:
    """Where a running pool answers, from its ready line (no secret in the repr).

    ``admin_token`` opens the pool's ``/_localpool/*`` routes; ``""`` when the ready line has
    none (a pool from before the admin token, whose routes need none). ``user_pool_secret``
    opens its management API (docs/pool-admin.md); ``""`` when the ready line has none.
    ``pid`` is 0 when the ready line has none."""

    url: str
    user_pool_id: str
    app_id: str
    app_secret: str = field(repr=False)
    public_key: str = field(repr=False)
    admin_token: str = field(default="", repr=False)
    pid: int = 0
    user_pool_secret: str = field(default="", repr=False)


class PoolStartError(RuntimeError):
    """The pool process did not come up; the message is the reason it gave, or what went wrong
    around it (it exited, it did not answer)."""


def pool_command(data_dir: Path, *, demo: bool = True, port: int = 0,
                 options: Mapping[str, object] | None = None) -> list[str]:
    """The command line of the pool process (a frozen build runs its own executable).

    ``options`` are further ``pool serve`` flags (``code_lifetime=2`` is ``--code-lifetime 2``;
    ``True`` is a bare flag, ``False``/``None`` leave it out)."""
    if getattr(sys, "frozen", False):
        base = [sys.executable]
    else:
        base = [sys.executable, "-m", "authing_desktop"]
    command = [*base, "pool", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--data-dir", str(data_dir), "--log-file", str(data_dir / LOG_FILE),
               "--exit-with-parent"]
    if demo:
        command.append("--demo")
    for key, value in (options or {}).items():
        flag = "--" + key.replace("_", "-")
        if value is True:
            command.append(flag)
        elif value is not False and value is not None:
            command += [flag, str(value)]
    return command


def parse_ready(line: bytes) -> PoolEndpoint:
    """The endpoint a ready line describes; `PoolStartError` with the pool's own reason when the
    line says it failed, or a general one when the line is neither."""
    try:
        answer = json.loads(line)
        if isinstance(answer, dict) and answer.get("event") == "failed":
            reason = answer.get("reason")
            raise PoolStartError(str(reason)[:_REASON_CHARS] if reason else "no reason given")
        if not isinstance(answer, dict) or answer.get("event") != "ready":
            raise ValueError("not a ready event")
        values = {key: answer[key] for key in READY_KEYS}
        if not all(isinstance(value, str) and value for value in values.values()):
            raise ValueError("empty or non-text fields")
        token = answer.get("admin_token", "")
        if not isinstance(token, str) or ("admin_token" in answer and not token):
            raise ValueError("an empty or non-text admin token")
        pool_secret = answer.get("user_pool_secret", "")
        if not isinstance(pool_secret, str):
            raise ValueError("a user pool secret that is not text")
        pid = answer.get("pid", 0)
        if not isinstance(pid, int) or pid < 0:
            raise ValueError("a pid that is not a process id")
    except (ValueError, KeyError) as error:
        # The line holds the app secret and the admin token: never quote it.
        raise PoolStartError(f"the pool process answered something else ({error})") from None
    return PoolEndpoint(**values, admin_token=token, pid=pid, user_pool_secret=pool_secret)


class PoolProcess:
    """One ``pool serve`` child on ``data_dir``: `start` (or `start_async`) it once, `stop` it.

    ``niceness`` runs it that many POSIX nice steps below the starter, so that a busy pool
    leaves the CPU to the window first. ``options`` are further ``pool serve`` flags
    (`pool_command`)."""

    def __init__(self, data_dir: Path, *, demo: bool = True, port: int = 0, niceness: int = 0,
                 options: Mapping[str, object] | None = None) -> None:
        self.data_dir = data_dir
        self.command = pool_command(data_dir, demo=demo, port=port, options=options)
        self.endpoint: PoolEndpoint | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self._niceness = niceness
        self._lock = threading.Lock()
        self._ended = False  # stop() or kill() came: a start under way must not go on

    def __repr__(self) -> str:
        return f"PoolProcess({str(self.data_dir)!r}, pid={self.pid})"

    @property
    def pid(self) -> int | None:
        """The child's process id once spawned."""
        return self.process.pid if self.process is not None else None

    @property
    def log_path(self) -> Path:
        """The pool's log (it writes and rotates it itself)."""
        return self.data_dir / LOG_FILE

    def spawn(self) -> None:
        """Start the child now without waiting for its answer (`start` waits for it later);
        once. `PoolStartError` when it cannot run."""
        if self.process is None:
            self._spawn()

    def start(self, timeout: float = READY_TIMEOUT_S) -> PoolEndpoint:
        """Spawn the child (unless `spawn` did) and wait for its first line; `PoolStartError`
        says why it did not come up (the child is gone then). Blocks the calling thread."""
        process = self.process or self._spawn()
        timed_out = threading.Event()

        def give_up() -> None:
            timed_out.set()
            self.kill()  # the wait below ends at EOF

        watchdog = threading.Timer(timeout, give_up)
        watchdog.daemon = True
        watchdog.start()
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
        finally:
            watchdog.cancel()
        try:
            if timed_out.is_set():
                raise PoolStartError(f"no answer from the pool process in {timeout:g} s")
            if not line:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(STOP_GRACE_S)
                if self._ended:
                    raise PoolStartError("stopped before it was ready")
                raise PoolStartError("the pool process ended before it was ready (exit code "
                                     f"{process.returncode})")
            self.endpoint = parse_ready(line)
        except BaseException:
            self.stop()  # one that said it failed is on its way out anyway
            raise
        return self.endpoint

    async def start_async(self, timeout: float = READY_TIMEOUT_S) -> PoolEndpoint:
        """`start` in a worker thread; cancelling this kills the child being started."""
        starting = asyncio.get_running_loop().run_in_executor(None, self.start, timeout)
        try:
            return await asyncio.shield(starting)
        except asyncio.CancelledError:
            self.kill()  # ends the wait for the ready line, or the start before it spawns
            await asyncio.wait({starting})
            if not starting.cancelled():
                starting.exception()  # retrieved: the cancel is the outcome
            raise

    def stop(self) -> None:
        """Stop the child (stdin EOF and SIGTERM, SIGKILL after `STOP_GRACE_S`) and wait for it.
        Blocks; idempotent; safe while another thread starts it."""
        with self._lock:
            self._ended = True
            process = self.process
        if process is None:
            return
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
            with contextlib.suppress(OSError):
                process.kill()
        _reap(process)

    async def stop_async(self) -> None:
        """`stop` in a worker thread (carried through even when the caller is cancelled)."""
        await asyncio.shield(asyncio.get_running_loop().run_in_executor(None, self.stop))

    def kill(self) -> None:
        """SIGKILL the child now, from any thread, without waiting (`stop` reaps it); a start
        under way ends with `PoolStartError`."""
        with self._lock:
            self._ended = True
            process = self.process
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def on_exit(self, callback: Callable[[int], object]) -> None:
        """Call ``callback(exit code)`` on the running event loop when the child exits (its pipes
        closed). A thread of its own waits, not the shared executor's: the pool may run for
        hours."""
        loop = asyncio.get_running_loop()
        process = self.process
        if process is None:
            raise RuntimeError("the pool process was not started")

        def wait() -> None:
            code = process.wait()
            _reap(process)
            with contextlib.suppress(RuntimeError):  # the loop is closed: its owner is gone
                loop.call_soon_threadsafe(callback, code)

        threading.Thread(target=wait, name="pool-exit", daemon=True).start()

    def _spawn(self) -> subprocess.Popen[bytes]:
        if self.process is not None:
            raise RuntimeError("a PoolProcess starts once")
        # Our own executable and fixed arguments; the data dir is a path, never a shell string.
        # No console window for the child of a windowed Windows build.
        try:
            process = subprocess.Popen(  # noqa: S603
                self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError as error:
            raise PoolStartError(f"the pool process cannot run ({error})") from error
        with self._lock:
            self.process = process
            ended = self._ended
        if ended:  # stop() or kill() came while it spawned
            with contextlib.suppress(OSError):
                process.kill()
            _reap(process)
            raise PoolStartError("stopped before it was ready")
        if self._niceness and hasattr(os, "setpriority"):  # Windows: the default priority
            with contextlib.suppress(OSError):  # it may have exited already
                os.setpriority(os.PRIO_PROCESS, process.pid,
                               os.getpriority(os.PRIO_PROCESS, 0) + self._niceness)
        return process


@contextlib.asynccontextmanager
async def temporary_pool(*, demo: bool = True) -> AsyncIterator[PoolEndpoint]:
    """A fresh pool in a temporary directory (the replay's), stopped and removed on leaving."""
    with tempfile.TemporaryDirectory(prefix="authing-pool-") as data_dir:
        pool = PoolProcess(Path(data_dir) / "pool", demo=demo)
        endpoint = await pool.start_async()
        try:
            yield endpoint
        finally:
            await pool.stop_async()


def _reap(process: subprocess.Popen[bytes]) -> None:
    """Wait for a process that was told to go, then close our ends of its pipes."""
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(STOP_GRACE_S)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
