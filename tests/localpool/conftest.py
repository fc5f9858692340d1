"""Fixtures of the local pool behaviour tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.pool import RunningPool, start_pool


@pytest.fixture(scope="session")
def fast_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    """A session-wide demo pool without resend delays (codes to one destination back to
    back); the shared ``pool`` keeps the default 60 s resend limit."""
    running = start_pool(Path(tmp_path_factory.mktemp("fastpool")), resend_interval=0)
    try:
        yield running
    finally:
        running.stop()
