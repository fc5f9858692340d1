"""Fixtures of the flow checks: one pool for this directory with resend limits off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.pool import RunningPool, start_pool


@pytest.fixture(scope="session")
def flow_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    """A demo pool without the one-code-a-minute limit and with the captcha after one failed
    sign-in (the fault matrix may stop and restart it on the same port and data dir)."""
    running = start_pool(tmp_path_factory.mktemp("flowpool"), resend_interval=0,
                         captcha_after=1)
    try:
        yield running
    finally:
        running.stop()
