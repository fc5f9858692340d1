"""Runs the built-in local user pool for the app when the selected profile is the local one.

The pool runs in its own process (``authing-desktop pool serve --exit-with-parent``): its
password hashing, SQLite and HTTP server then never hold this process's GIL, and the GUI never
imports the server stack (uvicorn, starlette, graphql, argon2). Spawning the process and reading
its one JSON ready line happen in worker threads; the UI thread never waits. The child's stderr
goes to ``pool.log`` in the pool's data dir (the pool logs no secrets).

Lifetime: `stop` closes the child's stdin (the pool stops at EOF), sends SIGTERM, and kills it
after a grace period. If the app crashes, the OS closes the pipe and the pool stops by itself.
Each start picks a free port (``--port 0``). The status (starting, ready, failed, stopped) is a
signal and a bus message. The command line, the ready line (with the pool's admin token, kept
in `PoolEndpoint` for the outbox viewer) and stopping are `authing_desktop.pool_process`'s.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import os
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.pool_process import (
    LOG_FILE,
    READY_TIMEOUT_S,
    PoolEndpoint,
    PoolStartError,
    close_pipes,
    kill_process,
    last_error,
    parse_ready,
    pool_command,
    stop_process,
)
from authing_desktop.services.bus import MessageBus

log = logging.getLogger("authing_desktop.pool")

__all__ = ["POOL_NICENESS", "STATUS_KEY", "PoolEndpoint", "PoolLauncher", "PoolStartError",
           "PoolStatus", "pool_command"]

STATUS_KEY = "local-pool"
# Older output is kept once, in pool.log.1, so the log cannot grow without bound.
LOG_ROTATE_BYTES = 1_000_000
POOL_NICENESS = 5  # how far below the app the pool process runs (POSIX nice steps)


class PoolStatus(enum.Enum):
    """Life cycle of the embedded pool."""

    IDLE = "idle"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass
class _Child:
    process: subprocess.Popen[bytes]
    endpoint: PoolEndpoint
    stopping: bool = False


class PoolLauncher(QObject):
    """Starts and stops the embedded local pool process; ``status_changed`` carries a
    `PoolStatus`."""

    status_changed = Signal(object)

    def __init__(self, data_dir: Path, bus: MessageBus, *, demo: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._bus = bus
        self._demo = demo
        self._status = PoolStatus.IDLE
        self._child: _Child | None = None
        self._starting: asyncio.Future[_Child] | None = None

    @property
    def status(self) -> PoolStatus:
        return self._status

    @property
    def pool(self) -> PoolEndpoint | None:
        """The running pool (url, ids, public key), or None."""
        return self._child.endpoint if self._child is not None else None

    @property
    def pid(self) -> int | None:
        """The pool process's id while it runs (diagnostics, tests)."""
        return self._child.process.pid if self._child is not None else None

    @property
    def log_path(self) -> Path:
        """Where the pool process's stderr goes."""
        return self._data_dir / LOG_FILE

    async def start(self) -> PoolEndpoint | None:
        """Start the pool (once); None when it failed (the bus says why)."""
        if self._child is not None:
            return self._child.endpoint
        if self._starting is None:
            self._set_status(PoolStatus.STARTING)
            self._bus.info(
                QCoreApplication.translate("PoolLauncher", "Starting the local user pool…"),
                key=STATUS_KEY)
            self._starting = asyncio.get_running_loop().create_task(self._launch())
        starting = self._starting
        try:
            # Shielded: a cancelled caller must not orphan a process being started; stop()
            # collects it.
            child = await asyncio.shield(starting)
        except asyncio.CancelledError:
            if not starting.cancelled():
                raise  # only this caller was cancelled
            return None  # stop() cancelled the start
        except Exception as error:
            if self._starting is starting:
                self._starting = None
            log.error("the local pool did not start: %s", error)
            self._set_status(PoolStatus.FAILED)
            text = QCoreApplication.translate(
                "PoolLauncher", "The local user pool could not start: {reason}")
            self._bus.error(text.format(reason=str(error) or type(error).__name__),
                            key=STATUS_KEY)
            return None
        if self._starting is starting:
            self._starting = None
            self._child = child
            self._watch(child)
            self._set_status(PoolStatus.READY)
            text = QCoreApplication.translate(
                "PoolLauncher", "The local user pool is ready at {url}.")
            self._bus.info(text.format(url=child.endpoint.url), key=STATUS_KEY)
        return child.endpoint if self._child is child else None

    async def stop(self) -> None:
        """Stop the pool (a start in progress is cancelled and its process killed). Safe to
        call twice."""
        starting, self._starting = self._starting, None
        child, self._child = self._child, None
        if starting is not None:
            starting.cancel()  # a no-op once it finished
            await asyncio.wait({starting})
            if child is None and not starting.cancelled() and starting.exception() is None:
                child = starting.result()  # it came up just before the cancel
            elif child is None:
                if self._status is PoolStatus.STARTING:
                    self._set_status(PoolStatus.STOPPED)
                return
        if child is None:
            return
        child.stopping = True
        try:
            await asyncio.get_running_loop().run_in_executor(None, stop_process,
                                                             child.process)
        except Exception as error:  # noqa: BLE001 - quitting: log, do not crash
            log.error("the local pool did not stop cleanly: %s", type(error).__name__)
        self._set_status(PoolStatus.STOPPED)

    # -------------------------------------------------------------- internals

    async def _launch(self) -> _Child:
        loop = asyncio.get_running_loop()
        # fork/exec and the log file open: a few ms, in a worker thread.
        spawning = loop.run_in_executor(None, _spawn, self._data_dir, self._demo)
        try:
            process = await asyncio.shield(spawning)
        except asyncio.CancelledError:
            # Stopped while spawning: the process may start anyway, so end it.
            with contextlib.suppress(Exception):
                await loop.run_in_executor(None, kill_process, await spawning)
            raise
        try:
            assert process.stdout is not None
            line = await asyncio.wait_for(
                loop.run_in_executor(None, process.stdout.readline), READY_TIMEOUT_S)
            if not line:
                reason = await loop.run_in_executor(None, last_error, self.log_path)
                raise PoolStartError(reason or "the pool process exited")
            endpoint = parse_ready(line)
        except BaseException:
            # Killing it also ends a readline still blocked in a worker thread (EOF).
            await asyncio.shield(loop.run_in_executor(None, kill_process, process))
            raise
        return _Child(process, endpoint)

    def _watch(self, child: _Child) -> None:
        """Notice a pool process that dies while the app runs (status FAILED, a message)."""
        loop = asyncio.get_running_loop()

        def wait() -> None:
            code = child.process.wait()
            with contextlib.suppress(RuntimeError):  # the loop is closed: the app is gone
                loop.call_soon_threadsafe(self._exited, child, code)

        threading.Thread(target=wait, name="local-pool-watch", daemon=True).start()

    def _exited(self, child: _Child, code: int) -> None:
        if child.stopping or self._child is not child:
            return
        self._child = None
        close_pipes(child.process)
        log.error("the local pool process exited unexpectedly (code %s)", code)
        self._set_status(PoolStatus.FAILED)
        self._bus.error(QCoreApplication.translate(
            "PoolLauncher", "The local user pool stopped unexpectedly. Restart the app to "
            "start it again."), key=STATUS_KEY)

    def _set_status(self, status: PoolStatus) -> None:
        if status is not self._status:
            self._status = status
            self.status_changed.emit(status)


def _spawn(data_dir: Path, demo: bool) -> subprocess.Popen[bytes]:
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / LOG_FILE
    with contextlib.suppress(OSError):
        if log_path.stat().st_size > LOG_ROTATE_BYTES:
            log_path.replace(log_path.with_name(LOG_FILE + ".1"))
    # No console window for the child of a windowed Windows build.
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    with log_path.open("ab") as stderr:
        # Our own executable and fixed arguments; the data dir is a path, never a shell string.
        process = subprocess.Popen(  # noqa: S603
            pool_command(data_dir, demo=demo), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=stderr, cwd=data_dir, creationflags=flags)
    _yield_cpu_to_window(process.pid)
    return process


def _yield_cpu_to_window(pid: int) -> None:
    """Run the pool a little below the app's priority: when it is busy (many sign-ins at
    once), the window still gets the CPU first and stays responsive."""
    if not hasattr(os, "setpriority"):
        return  # Windows: the default priority
    with contextlib.suppress(OSError):  # the process may have exited already
        os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, 0) + POOL_NICENESS)
