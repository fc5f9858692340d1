"""Acting on a running pool as its admin operations do: on its database, which the pool reads
per request (docs/pool-admin.md)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.pool_policy import PoolPolicy, update_policy
from authing_desktop.localpool.settings import DATABASE_FILE, PoolSettings
from tests.fixtures.pool import RunningPool

T = TypeVar("T")


def on_pool_database(pool: RunningPool, fn: Callable[[sqlite3.Connection, Clock], T]) -> T:
    """``fn(conn, clock)`` in one write transaction on ``pool``'s database (``clock``: the
    pool's own for an embedded pool, else a wall clock)."""
    conn = sqlite3.connect(pool.data_dir / DATABASE_FILE, isolation_level=None, timeout=30)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn(conn, pool.clock or Clock())
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


def set_policy(pool: RunningPool, **changes: Any) -> PoolPolicy:
    """Store ``changes`` (``UpdateUserpoolInput`` keys) in ``pool``'s policy; the new policy.
    Nested objects should be given whole: their missing fields default to `PoolSettings`'
    defaults, not to the pool's flags."""
    return on_pool_database(pool, lambda conn, clock: update_policy(
        conn, PoolSettings(), changes, now=clock.now()))
