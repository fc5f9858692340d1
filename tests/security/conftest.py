"""Fixtures of the attack suite.

- ``quick_pool``: a session-wide demo pool (a process) without the resend delay.
- ``clock`` / ``clocked_pool(**policies)``: an embedded pool (real loopback HTTP, in this
  process) whose guess limits and codes run on a clock the test advances, for what happens when
  a lock or a window ends, without sleeping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.localpool.embedded import EmbeddedPool, start_embedded_pool
from tests.fixtures.pool import RunningPool, start_pool
from tests.security.attacks import FakeClock


def as_running_pool(embedded: EmbeddedPool, data_dir: Path) -> RunningPool:
    """An embedded pool in the shape the HTTP helpers take (it has no process)."""
    return RunningPool(
        url=embedded.url, user_pool_id=embedded.user_pool_id, app_id=embedded.app_id,
        app_secret=embedded.app_secret, public_key=embedded.public_key,
        admin_token=embedded.admin_token, data_dir=data_dir,
        process=None,  # type: ignore[arg-type]
        stderr_path=data_dir / "none")


@pytest.fixture(scope="session")
def quick_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    """A demo pool of the attack suite without the per-destination resend delay."""
    running = start_pool(tmp_path_factory.mktemp("attackpool"), resend_interval=0)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def clocked_pool(tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., RunningPool]]:
    started: list[EmbeddedPool] = []

    def factory(**policies: Any) -> RunningPool:
        data_dir = tmp_path / f"clocked{len(started)}"
        embedded = start_embedded_pool(data_dir, demo=False, clock=clock, **policies)
        started.append(embedded)
        return as_running_pool(embedded, data_dir)

    try:
        yield factory
    finally:
        for embedded in started:
            embedded.stop()
