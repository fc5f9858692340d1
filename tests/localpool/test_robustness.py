"""Concurrency (uniqueness by the database) and crash safety (kill -9 mid-burst)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

import httpx

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    PASSWORD,
    REGISTER_EMAIL,
    encrypt,
    gql,
    unique_email,
)


def test_fifty_concurrent_registrations_of_one_email(pool: RunningPool) -> None:
    email = unique_email()
    variables = {"input": {"email": email, "password": encrypt(pool, PASSWORD),
                           "forceLogin": True}}

    async def burst() -> list[dict[str, Any]]:
        limits = httpx.Limits(max_connections=50)
        async with httpx.AsyncClient(timeout=60, limits=limits) as client:
            responses = await asyncio.gather(*(
                client.post(f"{pool.url}/graphql/v2",
                            json={"query": REGISTER_EMAIL, "variables": variables})
                for _ in range(50)))
        return [r.json() for r in responses]

    bodies = asyncio.run(burst())
    created = [b for b in bodies if not b.get("errors")]
    codes = [b["errors"][0]["message"]["code"] for b in bodies if b.get("errors")]
    assert len(created) == 1 and codes == [2026] * 49
    conn = sqlite3.connect(pool.data_dir / "pool.sqlite3")
    try:
        count = conn.execute("SELECT COUNT(*) FROM users WHERE email = ?", (email,)).fetchone()
    finally:
        conn.close()
    assert count[0] == 1


def test_kill_during_write_burst_keeps_the_database_intact(
        make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(demo=False)
    password = encrypt(pool, PASSWORD)
    committed: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer() -> None:
        with httpx.Client(timeout=10) as client:
            while not stop.is_set():
                email = unique_email()
                try:
                    body = client.post(f"{pool.url}/graphql/v2", json={
                        "query": REGISTER_EMAIL,
                        "variables": {"input": {"email": email, "password": password}}}).json()
                except httpx.HTTPError:
                    return
                if not body.get("errors"):
                    with lock:
                        committed.append(email)

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for thread in threads:
        thread.start()
    while True:
        with lock:
            if len(committed) >= 20:
                break
        stop.wait(0.02)
    pool.kill()  # mid-burst: requests are in flight
    stop.set()
    for thread in threads:
        thread.join(15)
    restarted = make_pool(demo=False, data_dir=pool.data_dir)
    conn = sqlite3.connect(restarted.data_dir / "pool.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {row[0] for row in conn.execute("SELECT email FROM users")}
    finally:
        conn.close()
    assert set(committed) <= stored
    # The restarted pool serves and still enforces uniqueness.
    assert gql(restarted, "query isUserExists($email: String) { isUserExists(email: $email) }",
               {"email": committed[0]}) is True
