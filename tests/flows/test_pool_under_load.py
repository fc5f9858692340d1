"""The embedded pool under load while the GUI runs: 200 concurrent sign-ins from 20 clients;
every sign-in succeeds and the UI thread keeps running its events. How long it stalls is a
benchmark's figure (``tests/benchmarks/responsiveness.py``), not a test's: it is printed here
only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.flows.load import CLIENTS, SIGN_INS, measure_load

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def test_two_hundred_concurrent_sign_ins_keep_the_ui_responsive(
        qtbot: Any, qloop: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = measure_load(tmp_path)
    with capsys.disabled():
        print(f"\n[pool under load] {report['sign_ins']} sign-ins from {CLIENTS} clients in "
              f"{report['load_s']:.1f} s; UI stall worst {report['worst_ms']:.1f} ms, "
              f"p99 {report['p99_ms']:.2f} ms over {report['beats']} beats")
    assert report["sign_ins"] == SIGN_INS
    assert report["failures"] == 0, report["failure_kinds"]
    assert report["beats"] > 100  # the heartbeat really ran during the load
