"""Runs the built-in local user pool for the app when the selected profile is the local one: a
`PoolProcess` (`authing_desktop.pool_process`, which says how the child is started, answers,
logs and dies with the app), with its status for the UI.

The pool runs in its own process: its password hashing, SQLite and HTTP server never hold this
process's GIL, and the GUI never imports the server stack (uvicorn, starlette, graphql, argon2).
It runs `POOL_NICENESS` steps below the app's CPU priority, so the window stays responsive while
the pool is busy. The status (starting, ready, failed, stopped) is a signal and a bus message;
a failed start says why in the pool's own words.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.pool_process import (
    PoolEndpoint,
    PoolProcess,
    PoolStartError,
    pool_command,
)
from authing_desktop.services.bus import MessageBus

log = logging.getLogger("authing_desktop.pool")

__all__ = ["POOL_NICENESS", "STATUS_KEY", "PoolEndpoint", "PoolLauncher", "PoolStartError",
           "PoolStatus", "pool_command"]

STATUS_KEY = "local-pool"
POOL_NICENESS = 5  # how far below the app the pool process runs (POSIX nice steps)


class PoolStatus(enum.Enum):
    """Life cycle of the embedded pool."""

    IDLE = "idle"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"
    STOPPED = "stopped"


class PoolLauncher(QObject):
    """Starts and stops the app's local pool process; ``status_changed`` carries a
    `PoolStatus`."""

    status_changed = Signal(object)

    def __init__(self, data_dir: Path, bus: MessageBus, *, demo: bool = True,
                 spawned: PoolProcess | None = None, parent: QObject | None = None) -> None:
        """``spawned``: the pool process the composition root already started (`early_pool`),
        taken by the first `start`."""
        super().__init__(parent)
        self._spawned = spawned
        self._data_dir = data_dir
        self._bus = bus
        self._demo = demo
        self._status = PoolStatus.IDLE
        self._failed_before = False  # the next "ready" then says so in the banner
        self._child: PoolProcess | None = None  # from the start of a start until stop()
        self._starting: asyncio.Task[PoolEndpoint] | None = None

    @property
    def status(self) -> PoolStatus:
        return self._status

    @property
    def pool(self) -> PoolEndpoint | None:
        """The running pool (url, ids, public key, pid), or None."""
        if self._child is None or self._starting is not None:
            return None
        return self._child.endpoint

    async def start(self) -> PoolEndpoint | None:
        """Start the pool (once); None when it failed (the bus says why)."""
        if self._child is not None and self._starting is None:
            return self._child.endpoint
        if self._starting is None:
            # Starting and ready are the status bar's to show (`status_changed`), not the
            # banner's: a banner coming and going would move the page under the user's pointer.
            self._set_status(PoolStatus.STARTING)
            self._child = self._spawned or PoolProcess(self._data_dir, demo=self._demo,
                                                       niceness=POOL_NICENESS)
            self._spawned = None
            self._starting = asyncio.get_running_loop().create_task(self._child.start_async())
        starting, child = self._starting, self._child
        assert child is not None  # set with _starting
        try:
            # Shielded: a cancelled caller must not orphan a process being started; stop()
            # cancels the start itself.
            endpoint = await asyncio.shield(starting)
        except asyncio.CancelledError:
            if not starting.cancelled():
                raise  # only this caller was cancelled
            return None  # stop() cancelled the start
        except Exception as error:  # noqa: BLE001 - a PoolStartError, or a bug: either way, say so
            if self._starting is starting:
                self._starting = self._child = None
                log.error("the local pool did not start: %s", error)
                self._set_status(PoolStatus.FAILED)
                text = QCoreApplication.translate(
                    "PoolLauncher", "The local user pool could not start: {reason}")
                self._bus.error(text.format(reason=str(error) or type(error).__name__),
                               key=STATUS_KEY)
            return None
        if self._starting is starting:
            self._starting = None
            child.on_exit(partial(self._exited, child))
            self._set_status(PoolStatus.READY)
            log.info("the local pool is ready at %s", endpoint.url)
            if self._failed_before:  # replaces the failure's message in the banner
                self._failed_before = False
                text = QCoreApplication.translate(
                    "PoolLauncher", "The local user pool is ready at {url}.")
                self._bus.info(text.format(url=endpoint.url), key=STATUS_KEY)
        return endpoint if self._child is child else None

    async def stop(self) -> None:
        """Stop the pool (a start in progress is cancelled and its process killed). Safe to
        call twice."""
        spawned, self._spawned = self._spawned, None
        if spawned is not None:  # spawned early, never started: the app quits first
            await spawned.stop_async()
        starting, self._starting = self._starting, None
        child, self._child = self._child, None
        if starting is not None:
            starting.cancel()  # a no-op once it finished
            await asyncio.wait({starting})
        if child is None:
            return
        try:
            await child.stop_async()
        except Exception as error:  # noqa: BLE001 - quitting: log, do not crash
            log.error("the local pool did not stop cleanly: %s", type(error).__name__)
        self._set_status(PoolStatus.STOPPED)

    def _exited(self, child: PoolProcess, code: int) -> None:
        """The pool process ended while the app runs (stop() forgets it first)."""
        if self._child is not child:
            return
        self._child = None
        log.error("the local pool process exited unexpectedly (code %s)", code)
        self._set_status(PoolStatus.FAILED)
        self._bus.error(QCoreApplication.translate(
            "PoolLauncher", "The local user pool stopped unexpectedly. Restart the app to "
            "start it again."), key=STATUS_KEY)

    def _set_status(self, status: PoolStatus) -> None:
        if status is PoolStatus.FAILED:
            self._failed_before = True
        if status is not self._status:
            self._status = status
            self.status_changed.emit(status)


def early_pool(data_dir: Path, *, demo: bool = True) -> PoolProcess | None:
    """Spawn the local pool's process right away, for a `PoolLauncher` made later (it takes
    longer to be ready than the window: a head start shortens a remembered sign-in). None when
    it cannot run; the launcher's own start then says why."""
    process = PoolProcess(data_dir, demo=demo, niceness=POOL_NICENESS)
    try:
        process.spawn()
    except PoolStartError:
        return None
    return process
