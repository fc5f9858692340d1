"""`PoolProcess`, the one way a local pool is started (app, replay, tests): its ready line, the
pool's own reason when it cannot start, its own log (0600, never a secret), and no process left
behind however the start ends."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import httpx
import pytest

from authing_desktop.pool_process import PoolProcess, PoolStartError, parse_ready, pool_command


def test_options_become_pool_serve_flags() -> None:
    command = pool_command(Path("/data/pool"), demo=False, port=8123,
                           options={"code_lifetime": 2, "count_loopback_peer": True,
                                    "captcha_after": None, "demo_mode": False})
    assert command[command.index("--port") + 1] == "8123"
    assert command[command.index("--log-file") + 1] == str(Path("/data/pool/pool.log"))
    assert command[-3:] == ["--code-lifetime", "2", "--count-loopback-peer"]
    assert "--demo" not in command and "--captcha-after" not in command


def test_a_failed_line_gives_the_pools_reason() -> None:
    with pytest.raises(PoolStartError, match="^captcha_after must be a number$"):
        parse_ready(b'{"event": "failed", "reason": "captcha_after must be a number"}\n')
    with pytest.raises(PoolStartError, match="answered something else"):
        parse_ready(b'{"event": "ready", "pid": "12"}\n')


@pytest.mark.slow
def test_a_started_pool_answers_logs_privately_and_stops(tmp_path: Path) -> None:
    pool = PoolProcess(tmp_path / "pool")
    endpoint = pool.start()
    try:
        assert pool.endpoint is endpoint and endpoint.pid == pool.pid
        info = httpx.get(endpoint.url + "/_localpool/info", timeout=10).json()["data"]
        assert info["appId"] == endpoint.app_id
    finally:
        pool.stop()
    assert pool.process is not None and pool.process.returncode == 0  # a clean stop
    pool.stop()  # twice is fine
    text = pool.log_path.read_text()
    assert "listening on" in text
    assert endpoint.admin_token not in text and endpoint.app_secret not in text
    if os.name == "posix":
        assert stat.S_IMODE(pool.log_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(pool.data_dir.stat().st_mode) == 0o700


@pytest.mark.slow
def test_a_pool_that_cannot_start_says_why(tmp_path: Path) -> None:
    data_dir = tmp_path / "pool"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text('{"captcha_after": true}')  # not a number: rejected
    pool = PoolProcess(data_dir)
    with pytest.raises(PoolStartError, match="captcha_after") as caught:
        pool.start()
    assert "cannot start" not in str(caught.value)  # the reason alone, for the user's sentence
    assert pool.process is not None and pool.process.returncode is not None
    assert "captcha_after" in pool.log_path.read_text()


def test_a_data_dir_that_cannot_be_one_is_a_start_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data dir should be")
    with pytest.raises(PoolStartError, match="log file cannot be written"):
        PoolProcess(blocker / "pool").start()


def test_a_start_that_gets_no_answer_in_time_leaves_no_process(tmp_path: Path) -> None:
    pool = PoolProcess(tmp_path / "pool")
    with pytest.raises(PoolStartError, match="no answer"):
        pool.start(timeout=0)  # no interpreter starts, let alone answers, in no time
    assert pool.process is not None and pool.process.returncode is not None


def test_a_killed_pool_cannot_start_any_more(tmp_path: Path) -> None:
    pool = PoolProcess(tmp_path / "pool")
    pool.kill()  # e.g. stop() from another thread, before the start spawned anything
    with pytest.raises(PoolStartError, match="stopped before it was ready"):
        pool.start()
    assert pool.process is not None and pool.process.returncode is not None

