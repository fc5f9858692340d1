"""The embedded local pool: started off the UI thread, reachable, stopped on quit."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from authing_desktop.services.bus import Level, MessageBus
from authing_desktop.services.pool_launcher import PoolLauncher, PoolStatus
from tests.fixtures.app_services import drive


@pytest.mark.slow
def test_start_serve_and_stop(qtbot: Any, qloop: Any, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    bus = MessageBus()
    launcher = PoolLauncher(tmp_path / "localpool", bus)
    statuses: list[PoolStatus] = []
    launcher.status_changed.connect(statuses.append)
    ui_thread = threading.get_ident()
    starting_threads: list[int] = []

    import authing_desktop.localpool.embedded as embedded

    real_start = embedded.start_embedded_pool

    def recording_start(*args: Any, **kwargs: Any) -> Any:
        starting_threads.append(threading.get_ident())
        return real_start(*args, **kwargs)

    monkeypatch.setattr(embedded, "start_embedded_pool", recording_start)
    pool = drive(qtbot, launcher.start(), timeout_ms=60_000)
    try:
        assert pool is not None and launcher.pool is pool
        assert starting_threads and starting_threads[0] != ui_thread
        assert statuses == [PoolStatus.STARTING, PoolStatus.READY]
        assert pool.url.startswith("http://127.0.0.1:")
        assert pool.user_pool_id and pool.app_id and "BEGIN PUBLIC KEY" in pool.public_key
        assert drive(qtbot, launcher.start()) is pool  # started once
        response = httpx.get(f"{pool.url}/api/v2/.well-known", timeout=10)
        assert response.status_code < 500
        assert [m.level for m in bus.history] == [Level.INFO, Level.INFO]
        assert pool.url in bus.history[-1].text
        assert pool.app_secret not in repr(bus.history)
    finally:
        drive(qtbot, launcher.stop(), timeout_ms=30_000)
    assert launcher.status is PoolStatus.STOPPED and launcher.pool is None
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{pool.url}/api/v2/.well-known", timeout=2)
    drive(qtbot, launcher.stop())  # twice is fine


def test_a_pool_that_cannot_start_reports_failed(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data dir should be")
    bus = MessageBus()
    launcher = PoolLauncher(blocker / "localpool", bus)
    assert drive(qtbot, launcher.start()) is None
    assert launcher.status is PoolStatus.FAILED
    assert bus.history[-1].level is Level.ERROR
    assert "could not start" in bus.history[-1].text
    drive(qtbot, launcher.stop())
