"""The warm-up queue: one step per turn, and nothing else runs while its worker imports."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from authing_desktop.services.bus import MessageBus
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.warm_up import MAX_WAITS, WORKER_THREAD_NAME, WarmUp
from tests.fixtures.app_services import drive


@pytest.fixture
def warm_up(qapp: Any, qloop: Any) -> WarmUp:
    return WarmUp(interval_ms=0)


def _turns(qapp: Any, count: int = 50) -> None:
    """Let the event loop run ``count`` times (each would run a due step)."""
    for _ in range(count):
        qapp.processEvents()


def test_steps_run_in_order_one_per_turn(qtbot: Any, warm_up: WarmUp) -> None:
    ran: list[str] = []
    first = warm_up.add(lambda: ran.append("a") or "A")
    warm_up.add(lambda: ran.append("b"))
    warm_up.add(lambda: ran.append("urgent"), first=True)
    assert ran == []  # nothing runs inside add(): the caller's turn ends first
    qtbot.waitUntil(lambda: len(ran) == 3)
    assert ran == ["urgent", "a", "b"]
    assert first.result() == "A"
    assert not warm_up.busy


def test_nothing_runs_while_the_worker_job_runs(qtbot: Any, qapp: Any,
                                                 warm_up: WarmUp) -> None:
    release = threading.Event()
    seen: dict[str, Any] = {}

    def job() -> str:
        seen["thread"] = threading.current_thread().name
        seen["busy_inside"] = warm_up.worker_busy
        release.wait(5)
        return "loaded"

    done = warm_up.add(job, in_worker=True)
    after: list[bool] = []
    warm_up.add(lambda: after.append(warm_up.worker_busy))
    qtbot.waitUntil(lambda: "thread" in seen)
    _turns(qapp)  # the next step must still wait
    assert after == []
    assert warm_up.worker_busy

    shown: list[str] = []
    warm_up.soon(lambda: shown.append("page"))  # a click meanwhile: after the job, not now
    assert shown == []

    release.set()
    qtbot.waitUntil(lambda: after == [False])
    assert done.result() == "loaded"
    assert seen["thread"].startswith(WORKER_THREAD_NAME)
    assert seen["busy_inside"] is True
    assert shown == ["page"]


def test_soon_runs_at_once_when_the_worker_is_idle(warm_up: WarmUp) -> None:
    shown: list[str] = []
    warm_up.soon(lambda: shown.append("page"))
    assert shown == ["page"]


def test_tasks_wait_for_the_worker_job(qtbot: Any, qapp: Any, warm_up: WarmUp) -> None:
    runner = TaskRunner(MessageBus(), gate=warm_up.worker_idle)
    release = threading.Event()
    warm_up.add(lambda: release.wait(5), in_worker=True)
    qtbot.waitUntil(lambda: warm_up.worker_busy)
    started: list[bool] = []

    async def intent() -> None:
        started.append(warm_up.worker_busy)

    task = runner.start(intent())
    _turns(qapp)
    assert started == []
    release.set()
    qtbot.waitUntil(task.done)
    assert started == [False]


def test_a_task_cancelled_at_the_gate_never_warns(qtbot: Any, qapp: Any,
                                                  warm_up: WarmUp) -> None:
    runner = TaskRunner(MessageBus(), gate=warm_up.worker_idle)
    release = threading.Event()
    warm_up.add(lambda: release.wait(5), in_worker=True)
    qtbot.waitUntil(lambda: warm_up.worker_busy)

    async def intent() -> None:
        raise AssertionError("must not run")

    task = runner.start(intent(), name="x")
    _turns(qapp, 5)
    runner.cancel("x")
    release.set()
    qtbot.waitUntil(task.done)
    assert task.cancelled()  # and no "coroutine was never awaited" (warnings are errors)


def test_replace_drops_the_group_still_queued(qtbot: Any, warm_up: WarmUp) -> None:
    ran: list[str] = []
    old = warm_up.add(lambda: ran.append("old"), group="pages")
    warm_up.add(lambda: ran.append("other"))
    warm_up.replace("pages", [lambda: ran.append("new")])
    qtbot.waitUntil(lambda: len(ran) == 2)
    assert ran == ["other", "new"]
    assert old.cancelled()


def test_a_failing_step_reaches_its_future_and_the_queue_goes_on(qtbot: Any,
                                                                 warm_up: WarmUp) -> None:
    def broken() -> None:
        raise ValueError("boom")

    failed = warm_up.add(broken)
    failed_in_worker = warm_up.add(broken, in_worker=True)
    ran: list[bool] = []
    warm_up.add(lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True])
    assert isinstance(failed.exception(), ValueError)
    assert isinstance(failed_in_worker.exception(), ValueError)


def test_closing_cancels_what_is_queued(qtbot: Any, warm_up: WarmUp) -> None:
    release = threading.Event()
    warm_up.add(lambda: release.wait(5), in_worker=True)
    queued = warm_up.add(lambda: None)
    qtbot.waitUntil(lambda: warm_up.worker_busy)
    drive(qtbot, warm_up.aclose())
    release.set()
    assert queued.cancelled()
    assert warm_up.add(lambda: None).cancelled()  # nothing new once closed


def test_a_step_waits_for_a_turn_that_came_on_time(qtbot: Any, qapp: Any, qloop: Any) -> None:
    """A late timer means the UI thread was just busy: the step waits (a few turns at most)."""
    now = [100.0]
    warm_up = WarmUp(interval_ms=0, clock=lambda: now[0])
    ran: list[str] = []
    warm_up.add(lambda: ran.append("built"))
    now[0] += 0.010  # something held the UI thread before the step's turn came
    qapp.processEvents()
    assert ran == []
    qtbot.waitUntil(lambda: ran == ["built"])  # the next turn is on time

    busy = WarmUp(interval_ms=0, clock=lambda: now[0])
    busy.add(lambda: ran.append("never starved"))  # turns driven by hand below (no events run)
    for _ in range(MAX_WAITS):  # every turn late: the step waits...
        now[0] += 0.010
        busy._run_next()  # what the timer's turn does
        assert ran[-1] == "built"
    now[0] += 0.010
    busy._run_next()  # ...but not for ever
    assert ran[-1] == "never starved"
