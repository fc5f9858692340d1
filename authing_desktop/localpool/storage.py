"""SQLite storage: one database file per pool, a connection per worker thread, WAL journaling,
foreign keys on, migrations applied at open, and every write in one serialized transaction.

Blocking database work never runs on the event loop: `Database.run` hands a function to a small
thread pool whose threads each own one connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.migrations import MIGRATIONS, Migration

T = TypeVar("T")
P = ParamSpec("P")

BUSY_TIMEOUT_S = 30.0
DEFAULT_WORKERS = 8


def _split_statements(script: str) -> list[str]:
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError("incomplete SQL statement in migration")
    return statements


class Database:
    """The pool's SQLite database and the worker threads that use it."""

    def __init__(self, path: Path, *, workers: int = DEFAULT_WORKERS,
                 clock: Clock | None = None) -> None:
        self.path = path
        self.clock = clock or Clock()  # the pool's one clock (`PoolCore` reads it from here)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        # One writer at a time inside this process: cheaper and fairer than SQLite's busy retry.
        self._write_lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="localpool-db")
        self._closed = False
        self.migrate()

    # ----------------------------------------------------------------- connections
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL keeps every committed transaction across a process kill (only an OS
        # crash may lose the last ones), at a fraction of FULL's fsync cost.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (created on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise RuntimeError("database is closed")
            conn = self._connect()
            self._local.conn = conn
        return conn

    # ----------------------------------------------------------------- transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on any exception)."""
        conn = self.connection()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` inside a write transaction on this thread."""
        with self.transaction() as conn:
            return fn(conn)

    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` with this thread's connection in autocommit (a consistent WAL snapshot
        per statement)."""
        return fn(self.connection())

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run blocking ``fn`` on a database worker thread and await its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    # ----------------------------------------------------------------- schema
    def migrate(self) -> None:
        """Create the database or bring it to the newest schema version."""
        conn = self.connection()
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)"
        )
        applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        for migration in sorted(MIGRATIONS, key=lambda m: m.version):
            if migration.version not in applied:
                self._apply(conn, migration)

    def _apply(self, conn: sqlite3.Connection, migration: Migration) -> None:
        with self.transaction():
            for statement in _split_statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, self.clock.now()),
            )
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")

    def schema_version(self) -> int:
        """The newest applied migration."""
        row = self.connection().execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # ----------------------------------------------------------------- shutdown
    def close(self) -> None:
        """Stop the workers, checkpoint the WAL and close every connection."""
        if self._closed:
            return
        self._executor.shutdown(wait=True)
        self._closed = True
        with self._connections_lock:
            connections, self._connections = self._connections, []
        for index, conn in enumerate(connections):
            with contextlib.suppress(sqlite3.Error):
                if index == 0:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
        self._local = threading.local()


def row_dict(row: sqlite3.Row | None) -> dict[str, Any] | None:
    """A row as a plain dict (None stays None)."""
    return None if row is None else dict(row)
