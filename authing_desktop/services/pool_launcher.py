"""Runs the built-in local user pool inside the app when the selected profile is the local one.

``authing_desktop.localpool.embedded.start_embedded_pool`` blocks while the server starts, and
``EmbeddedPool.stop`` while it stops, so both run in a worker thread; the UI thread never waits.
The status (starting, ready, failed, stopped) is a signal and a bus message.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.services.bus import MessageBus

log = logging.getLogger("authing_desktop.pool")

STATUS_KEY = "local-pool"


class EmbeddedPool(Protocol):
    """What ``start_embedded_pool`` returns (the localpool package's own class)."""

    url: str
    user_pool_id: str
    app_id: str
    app_secret: str
    public_key: str

    def stop(self) -> None: ...


class PoolStatus(enum.Enum):
    """Life cycle of the embedded pool."""

    IDLE = "idle"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"
    STOPPED = "stopped"



class PoolLauncher(QObject):
    """Starts and stops the embedded local pool; ``status_changed`` carries a `PoolStatus`."""

    status_changed = Signal(object)

    def __init__(self, data_dir: Path, bus: MessageBus, *, demo: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._bus = bus
        self._demo = demo
        self._status = PoolStatus.IDLE
        self._pool: EmbeddedPool | None = None
        self._starting: asyncio.Future[Any] | None = None

    @property
    def status(self) -> PoolStatus:
        return self._status

    @property
    def pool(self) -> EmbeddedPool | None:
        """The running pool (url, ids, public key), or None."""
        return self._pool

    async def start(self) -> EmbeddedPool | None:
        """Start the pool (once); None when it failed (the bus says why)."""
        if self._pool is not None:
            return self._pool
        if self._starting is None:
            self._set_status(PoolStatus.STARTING)
            self._bus.info(
                QCoreApplication.translate("PoolLauncher", "Starting the local user pool…"),
                key=STATUS_KEY)
            loop = asyncio.get_running_loop()
            self._starting = loop.run_in_executor(None, _start_blocking, self._data_dir,
                                                  self._demo)
        try:
            # Shielded: a cancelled caller must not orphan a server the thread is starting;
            # stop() collects it.
            pool = await asyncio.shield(self._starting)
        except Exception as error:
            self._starting = None
            log.error("the local pool did not start: %s", error, exc_info=error)
            self._set_status(PoolStatus.FAILED)
            text = QCoreApplication.translate(
                "PoolLauncher", "The local user pool could not start: {reason}")
            self._bus.error(text.format(reason=str(error) or type(error).__name__),
                            key=STATUS_KEY)
            return None
        if self._pool is None:
            self._pool = pool
            self._set_status(PoolStatus.READY)
            text = QCoreApplication.translate(
                "PoolLauncher", "The local user pool is ready at {url}.")
            self._bus.info(text.format(url=pool.url), key=STATUS_KEY)
        return self._pool

    async def stop(self) -> None:
        """Stop the pool (waiting for a start in progress first). Safe to call twice."""
        starting, self._starting = self._starting, None
        pool, self._pool = self._pool, None
        if pool is None and starting is not None:
            try:
                pool = await asyncio.shield(starting)
            except Exception:  # noqa: BLE001 - it failed to start: nothing to stop
                pool = None
        if pool is None:
            return
        try:
            await asyncio.get_running_loop().run_in_executor(None, pool.stop)
        except Exception as error:  # noqa: BLE001 - quitting: log, do not crash
            log.error("the local pool did not stop cleanly: %s", type(error).__name__)
        self._set_status(PoolStatus.STOPPED)

    def _set_status(self, status: PoolStatus) -> None:
        if status is not self._status:
            self._status = status
            self.status_changed.emit(status)


def _start_blocking(data_dir: Path, demo: bool) -> EmbeddedPool:
    # Imported here: the server stack (uvicorn, starlette, graphql) is only paid for when the
    # local pool is used, and in this worker thread.
    from authing_desktop.localpool.embedded import start_embedded_pool

    data_dir.mkdir(parents=True, exist_ok=True)
    pool: EmbeddedPool = start_embedded_pool(data_dir, demo=demo, host="127.0.0.1", port=0)
    return pool
