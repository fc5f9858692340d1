"""The task runner: strong references, latest-wins names, errors routed, cancel on quit."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from authing_desktop.api.errors import AuthingError, NetworkError
from authing_desktop.services.bus import Level, MessageBus
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.tasks import TaskRunner
from tests.fixtures.app_services import drive


@pytest.fixture
def bus(qapp: Any) -> MessageBus:
    return MessageBus()


def _runner(bus: MessageBus, crashes: list[BaseException]) -> TaskRunner:
    return TaskRunner(bus, on_unexpected=crashes.append)


async def _fail(error: BaseException) -> None:
    await asyncio.sleep(0)
    raise error


def test_expected_errors_reach_the_bus_as_user_text(qtbot: Any, qloop: Any,
                                                    bus: MessageBus) -> None:
    crashes: list[BaseException] = []
    runner = _runner(bus, crashes)
    runner.start(_fail(AuthingError(2006, "用户名或密码错误")))
    runner.start(_fail(NetworkError("connection refused", url="https://x.authing.cn")))
    runner.start(_fail(UserFacingError("Already translated text")))
    qtbot.waitUntil(lambda: len(bus.history) == 3)
    texts = [m.text for m in bus.history]
    assert all(m.level is Level.ERROR for m in bus.history)
    assert QCoreApplication.translate("AuthingError", "Wrong account or password.") in texts
    assert QCoreApplication.translate(
        "AuthingError", "Cannot reach the server. Check your network connection.") in texts
    assert "Already translated text" in texts
    assert crashes == []
    assert runner.tasks == frozenset()


def test_programming_errors_go_to_the_crash_path_not_the_bus(qtbot: Any, qloop: Any,
                                                            bus: MessageBus) -> None:
    crashes: list[BaseException] = []
    runner = _runner(bus, crashes)
    runner.start(_fail(KeyError("oops")))
    qtbot.waitUntil(lambda: len(crashes) == 1)
    assert isinstance(crashes[0], KeyError)
    assert bus.history == []


def test_cancellation_is_not_an_error(qtbot: Any, qloop: Any, bus: MessageBus) -> None:
    crashes: list[BaseException] = []
    runner = _runner(bus, crashes)
    task = runner.start(asyncio.sleep(60))
    qtbot.wait(10)
    task.cancel()
    qtbot.waitUntil(task.done)
    qtbot.wait(10)
    assert crashes == [] and bus.history == []
    assert runner.tasks == frozenset()


def test_a_named_task_replaces_its_predecessor(qtbot: Any, qloop: Any, bus: MessageBus) -> None:
    runner = _runner(bus, [])
    results: list[str] = []

    async def search(term: str, delay: float) -> None:
        await asyncio.sleep(delay)
        results.append(term)

    first = runner.start(search("a", 0.2), name="search")
    second = runner.start(search("ab", 0.01), name="search")
    qtbot.waitUntil(lambda: first.done() and second.done())
    assert first.cancelled()
    assert results == ["ab"]


def test_cancel_all_stops_everything_and_refuses_new_tasks(qtbot: Any, qloop: Any,
                                                          bus: MessageBus) -> None:
    runner = _runner(bus, [])
    finished: list[str] = []

    async def slow() -> None:
        try:
            await asyncio.sleep(60)
        finally:
            finished.append("cleaned up")

    tasks = [runner.start(slow()) for _ in range(3)]
    qtbot.wait(10)
    drive(qtbot, runner.cancel_all())
    assert all(task.cancelled() for task in tasks)
    assert finished == ["cleaned up"] * 3
    coro = slow()
    with pytest.raises(RuntimeError, match="quitting"):
        runner.start(coro)


def test_tasks_are_strongly_referenced_until_done(qtbot: Any, qloop: Any,
                                                  bus: MessageBus) -> None:
    import gc

    runner = _runner(bus, [])
    done: list[bool] = []

    async def work() -> None:
        await asyncio.sleep(0.05)
        done.append(True)

    runner.start(work())  # no reference kept here
    gc.collect()
    assert len(runner.tasks) == 1
    qtbot.waitUntil(lambda: done == [True])
    assert runner.tasks == frozenset()
