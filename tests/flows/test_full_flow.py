"""The scripted full flow through the real widgets on the local pool (see `full_flow`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from authing_desktop.services.bus import MessageBus
from authing_desktop.services.token_store import KeyringTokenStore
from tests.fixtures.pool import RunningPool
from tests.flows.full_flow import Driver, FullFlow
from tests.flows.import_watch import ImportWatch

pytestmark = pytest.mark.gui


def test_full_flow_end_to_end(qtbot: Any, qloop: Any, tmp_path: Path,
                              flow_pool: RunningPool) -> None:
    flow = FullFlow(Driver(), flow_pool, tmp_path / "app", KeyringTokenStore(MessageBus()))
    watch = ImportWatch()
    watch.start()
    try:
        flow.run()
    finally:
        watch.stop()
    assert flow.steps_done == list(FullFlow.STEPS)
    # No worker thread loaded the app's own code (docs/start-up.md: only the warm-up loads).
    assert watch.breaches().worker_app == []
    assert flow.crash_reports == []
    # Every secret kind was really used (the hygiene scan depends on it).
    assert flow.secrets.codes and len(flow.secrets.tokens) >= 3
