"""Helpers shared by the api tests: profiles and clients for a running pool, and a loop runner.

Async tests are plain sync functions that `run()` one coroutine (no pytest-asyncio); every
client is closed by ``async with``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.profile import ConnectionProfile
from tests.fixtures.pool import RunningPool

T = TypeVar("T")
SCENARIO_TIMEOUT_S = 60.0


def run(coro: Coroutine[Any, Any, T], timeout: float = SCENARIO_TIMEOUT_S) -> T:
    """Run ``coro`` on a fresh default loop, bounded so a hang fails instead of blocking."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


def profile_for(pool: RunningPool, **overrides: Any) -> ConnectionProfile:
    """The connection profile of ``pool`` with its own public key configured."""
    settings: dict[str, Any] = {
        "host": pool.url, "user_pool_id": pool.user_pool_id, "app_id": pool.app_id,
        "public_key": pool.public_key, "connect_timeout": 5.0, "read_timeout": 10.0,
    }
    settings.update(overrides)
    return ConnectionProfile(**settings)


def client_for(pool: RunningPool, token: str | None = None,
               **overrides: Any) -> AuthenticationClient:
    """A new client of ``pool`` (use it as ``async with``)."""
    return AuthenticationClient(profile_for(pool, **overrides), token=token)
