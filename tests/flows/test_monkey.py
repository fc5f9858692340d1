"""GUI monkey test: 2,000 random clicks, key presses and text entries across every page on the
local pool; 0 crash reports, 0 unhandled exceptions, and the UI still answers at the end.

The seed is fixed (``AUTHING_MONKEY_SEED`` overrides it) and printed in every failure with the
last actions, so a failure replays. Widgets that would leave the app (the system browser, an
external URL, quitting) are never touched; ``QDesktopServices.openUrl`` is replaced by a
recorder in case a page opens a URL some other way.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QWidget,
)

from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.crash_handler import CrashHandler
from authing_desktop.services.token_store import MemoryTokenStore
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.workspace import PAGE_KEY_ROLE
from tests.fixtures.account_session import pool_client
from tests.fixtures.pool import RunningPool, unique
from tests.flows.full_flow import Driver, make_services

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ACTIONS = 2000
DEFAULT_SEED = 20261124
# Never touched: what opens the system browser or another app, or quits.
AVOID = ("*browser*", "*.open", "*.openUrl*", "*.link", "*quit*", "*exit*", "*folder*",
         "*reveal*", "crash.*")
KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Escape,
        Qt.Key.Key_F5, Qt.Key.Key_Space, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Backspace,
        Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageDown)
TEXTS = ("demo@example.com", "passw0rd", "13912345678", "+86 139 1234 5678", "000000",
         "not an email", "张伟", "x" * 300, "", " ", "'; drop table users; --", "1990-01-01",
         "https://example.com/a.png", "{\"a\": 1}", "\U0001f600", "-1", "1e309")


def _seed() -> int:
    return int(os.environ.get("AUTHING_MONKEY_SEED", DEFAULT_SEED))


def _avoided(widget: QWidget) -> bool:
    name = widget.objectName()
    return any(fnmatch.fnmatch(name, pattern) for pattern in AVOID)


def _candidates() -> list[QWidget]:
    """Visible, enabled, named widgets of every visible window (dialogs included)."""
    found: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible() or isinstance(top, QFileDialog):
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if (widget.objectName() and widget.isVisible() and widget.isEnabled()
                    and not _avoided(widget)):
                found.append(widget)
    return found


class Monkey:
    """Random user actions; `log` keeps what it did (for the failure message)."""

    def __init__(self, rng: random.Random, window: MainWindow) -> None:
        self.rng = rng
        self.window = window
        self.log: list[str] = []

    def step(self) -> None:
        # File dialogs are Qt's (or the desktop's) own UI: a typed name + Enter makes Qt open
        # its own modal "file not found" box with exec(). Dismiss them instead of exploring.
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QFileDialog) and top.isVisible():
                self.log.append(f"dismiss file dialog {top.objectName()}")
                top.reject()
        widgets = _candidates()
        kind = self.rng.choices(("click", "type", "key", "nav", "combo"),
                                weights=(35, 25, 20, 10, 10))[0]
        pick: Callable[[type[Any]], Any] = lambda cls: self._pick(widgets, cls)  # noqa: E731
        if kind == "click" and (button := pick(QAbstractButton)) is not None:
            self.log.append(f"click {button.objectName()}")
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        elif kind == "type" and (edit := pick(QLineEdit)) is not None:
            text = self.rng.choice(TEXTS)
            self.log.append(f"type {edit.objectName()} {text[:20]!r}")
            edit.setFocus()
            if self.rng.random() < 0.5:
                edit.selectAll()
            _type_text(edit, text[:40])
        elif kind == "key":
            target = QApplication.focusWidget() or self.window
            key = self.rng.choice(KEYS)
            self.log.append(f"key {key.name} on {target.objectName()}")
            QTest.keyClick(target, key)
        elif kind == "nav":
            self._nav()
        elif kind == "combo" and (combo := pick(QComboBox)) is not None and combo.count():
            index = self.rng.randrange(combo.count())
            self.log.append(f"combo {combo.objectName()} -> {index}")
            combo.setCurrentIndex(index)
            combo.activated.emit(index)
        QCoreApplication.processEvents()

    def _pick(self, widgets: list[QWidget], cls: type[Any]) -> Any:
        matching = [w for w in widgets if isinstance(w, cls)]
        return self.rng.choice(matching) if matching else None

    def _nav(self) -> None:
        nav: QListWidget = self.window.nav
        if not nav.isEnabled() or QApplication.activeModalWidget() is not None:
            return
        row = self.rng.randrange(nav.count())
        item = nav.item(row)
        self.log.append(f"nav {item.data(PAGE_KEY_ROLE)}")
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, nav.visualItemRect(item).center())


def _type_text(edit: QLineEdit, text: str) -> None:
    """Key events for each character (QTest's key tables know only ASCII)."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(edit, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                   Qt.KeyboardModifier.NoModifier, char))


def _close_dialogs() -> None:
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QMessageBox | QDialog) and top.isVisible():
            top.reject()


def test_two_thousand_random_actions(qtbot: Any, qloop: Any, tmp_path: Path,
                                     flow_pool: RunningPool,
                                     caplog: pytest.LogCaptureFixture,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seed = _seed()
    caplog.set_level(logging.WARNING)
    opened: list[Any] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    d = Driver()
    paths = AppPaths.under(tmp_path / "app")
    crash = CrashHandler(paths.crash_dir)
    services = make_services(paths, flow_pool, MemoryTokenStore(), crash)
    email = f"{unique('monkey')}@example.com"

    async def sign_in() -> None:
        async with pool_client(flow_pool) as client:
            await client.register_by_email(email, "Monkey-Passw0rd-1")
        user = await services.session.client.login_by_email(email, "Monkey-Passw0rd-1")
        await services.session.adopt(user, remember=False, account=email)

    d.run(services.connection.wait_ready())
    d.run(sign_in())
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    d.wait_until(lambda: window.painted, what="first paint")
    monkey = Monkey(random.Random(seed), window)
    started = time.monotonic()

    def context() -> str:
        return f"seed {seed} (AUTHING_MONKEY_SEED); last actions: {monkey.log[-15:]}"

    try:
        with qtbot.captureExceptions() as exceptions:
            for n in range(ACTIONS):
                monkey.step()
                if n % 25 == 24:
                    d.pump(2)  # answers from the pool arrive
                assert not exceptions, f"{exceptions[0][1]!r} after {n + 1} actions, {context()}"
                assert not crash.reports, f"crash {crash.reports[0].summary}, {context()}"
            # Let running requests finish, then the UI must answer a queued call in 1 s.
            deadline = time.monotonic() + 5
            while services.tasks.tasks and time.monotonic() < deadline:
                d.pump(10)
            ran: list[bool] = []
            QTimer.singleShot(0, lambda: ran.append(True))
            d.wait_until(lambda: bool(ran), timeout_ms=1000, what=f"a queued call, {context()}")
            assert not exceptions, f"{exceptions[0][1]!r} at the end, {context()}"
    finally:
        _close_dialogs()
        window.close()
        d.run(services.aclose())
    print(f"monkey: {ACTIONS} actions in {time.monotonic() - started:.1f} s, seed {seed}")
    assert crash.reports == [], context()
    assert window.crash_dialog is None, context()
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert problems == [], f"{[r.getMessage() for r in problems]}, {context()}"


def test_a_password_longer_than_zxcvbn_accepts_is_rated() -> None:
    """Found by the monkey (seed 3): zxcvbn raises ValueError past 72 characters, which
    reached the crash dialog from the sign-up form's strength meter."""
    from authing_desktop.presenters.password_strength import estimate_score

    assert estimate_score("Long-passphrase-" * 20) in range(5)
