"""A new user's first input, at every moment of the warm-up, never crashes the app.

Each start is a fresh process (imports happen once per process), driven by
`tests.flows.first_input`: "Create an account" pressed 0-300 ms after the first frame, then the
email typed. A start fails on a crash report (also one written while quitting), a hang, a lost
keystroke, or two threads importing modules at the same time (the cause of the crash this test
was written for: `tests.flows.import_watch`). More starts: ``AUTHING_FIRST_INPUT_STARTS=200``, or
``python -m tests.flows.first_input_runs --starts 200``.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.flows.first_input_runs import run

pytestmark = [pytest.mark.gui, pytest.mark.slow]

STARTS = int(os.environ.get("AUTHING_FIRST_INPUT_STARTS", "10"))
# A few with the embedded local pool starting too, as on a fresh install (slower: a process).
STARTS_WITH_POOL = max(2, STARTS // 4)


@pytest.mark.timeout(600)  # many cold starts, one after another
@pytest.mark.parametrize(("starts", "local_pool"), [(STARTS, False), (STARTS_WITH_POOL, True)],
                         ids=["no-pool", "local-pool"])
def test_first_input_during_the_warm_up(starts: int, local_pool: bool) -> None:
    results = run(starts, max_delay_ms=300, parallel=1, local_pool=local_pool)
    failed = [result for result in results if not result.get("ok")]
    assert failed == [], "\n".join(json.dumps(result)[:1500] for result in failed)
    assert len(results) == starts
