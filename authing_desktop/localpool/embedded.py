"""The pool embedded in the desktop app: started from a worker thread, serving from its own
daemon thread and event loop, stopped cleanly on exit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.server import PoolServer


@dataclass
class EmbeddedPool:
    """A running embedded pool and what a client needs to reach it."""

    url: str
    user_pool_id: str
    app_id: str
    app_secret: str = field(repr=False)
    public_key: str = field(repr=False)
    admin_token: str = field(repr=False)  # for the /_localpool/* routes (`local_access`)
    _server: PoolServer = field(repr=False)
    user_pool_secret: str = field(default="", repr=False)  # the management API's (pool-admin.md)

    def stop(self) -> None:
        """Stop serving and close the database (blocking; idempotent)."""
        self._server.stop()

    @property
    def running(self) -> bool:
        """True while the pool serves."""
        return self._server.running


def start_embedded_pool(data_dir: Path, *, demo: bool = True, host: str = "127.0.0.1",
                        port: int = 0, clock: Clock | None = None,
                        **policies: Any) -> EmbeddedPool:
    """Start a pool on ``data_dir`` and block until it accepts requests.

    ``policies`` are `PoolSettings` fields (``code_lifetime=...``); they override the data dir's
    settings file. With ``demo`` the demo data is loaded once (idempotent). ``clock`` is the
    pool's one clock (tests pass one they advance: docs/local-pool.md).
    """
    server = PoolServer(Path(data_dir), demo=demo, host=host, port=port, clock=clock,
                        **policies)
    server.start()
    identity = server.identity
    assert identity is not None
    return EmbeddedPool(url=server.url, user_pool_id=identity.user_pool_id,
                        app_id=identity.app_id, app_secret=identity.app_secret,
                        public_key=identity.public_key_pem, admin_token=server.admin_token,
                        _server=server, user_pool_secret=identity.user_pool_secret)
