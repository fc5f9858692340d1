"""The crash path through the shell: a redacted report in a friendly dialog, opened without
blocking, once per crash site."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.crash_handler import CrashHandler
from authing_desktop.services.token_store import MemoryTokenStore
from authing_desktop.ui.crash_dialog import CrashDialog
from authing_desktop.ui.main_window import MainWindow
from tests.fixtures.app_services import drive

pytestmark = pytest.mark.gui

SECRET = "login failed: password=hunter2 token=tok-0123456789 for alice@example.com"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[CrashDialog]:
    """Records dialogs instead of opening them (open() is non-blocking anyway, but a test
    must not leave windows behind)."""
    dialogs: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "open", lambda self: dialogs.append(self))
    return dialogs


@pytest.fixture
def shell(qtbot: Any, qloop: Any, tmp_path: Path) -> Any:
    paths = AppPaths.under(tmp_path / "app")
    crash = CrashHandler(paths.crash_dir)
    services = AppServices.create(paths, token_store=MemoryTokenStore(), crash=crash)
    services.settings.load()
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    yield window, services, crash
    drive(qtbot, services.aclose())


def _error() -> ValueError:
    try:
        raise ValueError(SECRET)
    except ValueError as error:
        return error


def test_excepthook_shows_a_friendly_redacted_dialog(qtbot: Any, shell: Any,
                                                     opened: list[CrashDialog]) -> None:
    window, _services, crash = shell
    error = _error()
    crash.excepthook(type(error), error, error.__traceback__)
    assert len(opened) == 1
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert dialog.parent() is window
    main_text = dialog.message_label.text()
    assert "Traceback" not in main_text and "ValueError" not in main_text
    assert "unexpected problem" in main_text
    assert dialog.details.isHidden()  # details only on request
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert not dialog.details.isHidden()
    details = dialog.details.toPlainText()
    assert "ValueError: login failed: password=[redacted]" in details
    for secret in ("hunter2", "tok-0123456789", "alice@"):
        assert secret not in details
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == details

    saved = list(crash._crash_dir.glob("crash-*.txt"))
    assert len(saved) == 1 and saved[0].read_text(encoding="utf-8") == details
    assert str(saved[0]) in dialog.saved_label.text()


def test_the_same_crash_opens_one_dialog(shell: Any, opened: list[CrashDialog]) -> None:
    _window, _services, crash = shell
    for _ in range(3):
        error = _error()
        crash.excepthook(type(error), error, error.__traceback__)
    assert len(opened) == 1


def test_loop_and_task_errors_reach_the_dialog(qtbot: Any, shell: Any,
                                               opened: list[CrashDialog]) -> None:
    _window, services, crash = shell
    loop = asyncio.get_running_loop()
    recorder = loop.get_exception_handler()  # qloop's: restored below
    crash.install_loop(loop)
    try:
        loop.call_exception_handler({"message": "callback failed", "exception": _error()})
        assert len(opened) == 1
        assert "caught by: event loop: callback failed" in opened[0].report.text

        async def buggy() -> None:
            {}["missing"]  # noqa: B018 - the bug under test

        services.tasks.start(buggy())
        qtbot.waitUntil(lambda: len(opened) == 2)
        assert "KeyError" in opened[1].report.summary
        assert services.bus.history == []  # programming errors are not banner messages
    finally:
        loop.set_exception_handler(recorder)


def test_a_worker_thread_crash_is_shown_on_the_ui_thread(qtbot: Any, shell: Any,
                                                         opened: list[CrashDialog]) -> None:
    import threading

    _window, _services, crash = shell
    crash.install()
    try:
        def work() -> None:
            raise RuntimeError("worker broke: secret=abc")

        thread = threading.Thread(target=work, name="worker")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(opened) == 1)
    finally:
        crash.uninstall()
    assert opened[0].thread() is _window.thread()
    assert "caught by: thread worker" in opened[0].report.text
    assert "abc" not in opened[0].report.text
