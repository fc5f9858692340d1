"""`pool serve` as a child process for tools (the replay): started, its ready line read, the
pool's own reason when it cannot start, stopped without leaving a process behind."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from authing_desktop.pool_process import PoolProcess, PoolStartError


@pytest.mark.slow
def test_a_started_pool_answers_and_stops(tmp_path: Path) -> None:
    pool = PoolProcess.start(tmp_path / "pool")
    try:
        info = httpx.get(pool.endpoint.url + "/_localpool/info", timeout=10).json()["data"]
        assert info["appId"] == pool.endpoint.app_id
    finally:
        pool.stop()
    assert pool.process.poll() is not None
    pool.stop()  # twice is fine


@pytest.mark.slow
def test_a_pool_that_cannot_start_says_why(tmp_path: Path) -> None:
    data_dir = tmp_path / "pool"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text('{"captcha_after": true}')  # not a number: rejected
    with pytest.raises(PoolStartError, match="captcha_after"):
        PoolProcess.start(data_dir)
