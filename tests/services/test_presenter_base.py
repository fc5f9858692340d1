"""The presenter base: busy while an intent runs (reset even on failure or cancel), expected
errors shown as ``error``, programming errors passed on to the crash path."""

from __future__ import annotations

import asyncio
from typing import Any

from authing_desktop.api.errors import AuthingError
from authing_desktop.presenters.base import Presenter
from authing_desktop.services.bus import MessageBus
from authing_desktop.services.tasks import TaskRunner


def _presenter(crashes: list[BaseException]) -> tuple[Presenter, MessageBus]:
    bus = MessageBus()
    return Presenter(TaskRunner(bus, on_unexpected=crashes.append)), bus


def test_busy_is_true_while_running_and_reset_after(qtbot: Any, qloop: Any) -> None:
    presenter, _bus = _presenter([])
    busy: list[bool] = []
    presenter.busy_changed.connect(busy.append)
    gate = asyncio.Event()

    async def intent() -> str:
        await gate.wait()
        return "done"

    task = presenter.run(intent())
    qtbot.waitUntil(lambda: presenter.busy)
    gate.set()
    qtbot.waitUntil(task.done)
    assert task.result() == "done"
    assert busy == [True, False]
    assert not presenter.busy


def test_expected_error_becomes_the_error_state(qtbot: Any, qloop: Any) -> None:
    crashes: list[BaseException] = []
    presenter, bus = _presenter(crashes)

    async def intent() -> None:
        raise AuthingError(2006, "wrong")

    task = presenter.run(intent())
    qtbot.waitUntil(task.done)
    assert task.result() is None
    assert presenter.error == "Wrong account or password."
    assert not presenter.busy
    assert crashes == [] and bus.history == []  # shown inline, not twice

    async def ok() -> None:
        return None

    with qtbot.waitSignal(presenter.error_changed, check_params_cb=lambda text: text == ""):
        presenter.run(ok())


def test_programming_error_resets_busy_and_reaches_the_crash_path(qtbot: Any,
                                                                  qloop: Any) -> None:
    crashes: list[BaseException] = []
    presenter, _bus = _presenter(crashes)

    async def intent() -> None:
        raise TypeError("bug")

    presenter.run(intent())
    qtbot.waitUntil(lambda: len(crashes) == 1)
    assert not presenter.busy
    assert presenter.error == ""


def test_cancellation_resets_busy(qtbot: Any, qloop: Any) -> None:
    presenter, _bus = _presenter([])
    task = presenter.run(asyncio.sleep(60), name="load")
    assert presenter.busy  # at once: the task has not even started
    task.cancel()  # before it started
    qtbot.waitUntil(lambda: task.done() and not presenter.busy)
    started = presenter.run(asyncio.sleep(60), name="load")
    qtbot.wait(5)  # it runs now
    started.cancel()
    qtbot.waitUntil(started.done)
    assert not presenter.busy
