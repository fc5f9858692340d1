"""Fixtures of the attack suite.

- ``quick_pool``: a session-wide demo pool (a process) without the resend delay.
- ``clock`` / ``clocked_pool`` (from `tests.fixtures.clocked_pool`): a pool whose time moves.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.pool import RunningPool, start_pool


@pytest.fixture(scope="session")
def quick_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    """A demo pool of the attack suite without the per-destination resend delay."""
    running = start_pool(tmp_path_factory.mktemp("attackpool"), resend_interval=0)
    try:
        yield running
    finally:
        running.stop()
