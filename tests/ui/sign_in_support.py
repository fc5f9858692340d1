"""Helpers of the widget tests: the window on the pool, finding widgets by object name, typing,
clicking, waiting."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPushButton, QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages import PAGES, PageSpec
from authing_desktop.ui.pages.sign_in_page import SignInPage
from tests.fixtures.app_services import drive

PASSWORD = "passw0rd"
NEW_PASSWORD = "N3w-Passw0rd!x"


def unique_phone() -> str:
    """A valid, unused mainland mobile number (139 + 8 random digits)."""
    return "139" + "".join(random.choice("0123456789") for _ in range(8))


def open_window(qtbot: Any, services: AppServices,
                pages: tuple[PageSpec, ...] = PAGES) -> tuple[MainWindow, SignInPage]:
    window = MainWindow(services, pages)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("signin")
    assert isinstance(page, SignInPage)
    return window, page


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def click(qtbot: Any, button: QAbstractButton) -> None:
    """Click ``button`` once it is on screen and enabled (a page shown while the warm-up's
    worker imports is shown a moment later: docs/start-up.md)."""
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled(), timeout=5000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def find_named(root: Any, kind: type, name: str) -> Any:
    """The ``kind`` widget named ``name`` below ``root`` (the test fails without one)."""
    widget = root.findChild(kind, name)
    assert widget is not None, name
    return widget


def click_named(qtbot: Any, root: Any, name: str) -> None:
    click(qtbot, find_named(root, QPushButton, name))


def type_named(qtbot: Any, root: Any, name: str, text: str) -> None:
    type_into(qtbot, find_named(root, QLineEdit, name), text)


def page_idle(qtbot: Any, page: Any) -> None:
    """Until the page's presenter has no request in flight (one turn first: it may not have
    started its request yet)."""
    qtbot.wait(1)
    qtbot.waitUntil(lambda: not page.presenter.busy, timeout=10_000)


def choose(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def wait_idle(qtbot: Any, presenter: Any, timeout: int = 10_000) -> None:
    """Until the presenter's request finished."""
    qtbot.waitUntil(lambda: presenter.idle, timeout=timeout)


def visible_text(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return str(text) if widget.isVisible() else ""


def register_email_account(qtbot: Any, services: AppServices, email: str,
                           password: str = PASSWORD) -> None:
    drive(qtbot, services.session.client.register_by_email(email, password))
