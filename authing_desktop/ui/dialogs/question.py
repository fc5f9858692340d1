"""A question to the user (message box) answered through a future: ``open()``, never
``exec()`` (a nested Qt loop inside a coroutine breaks the qasync loop)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


@dataclass(frozen=True)
class Choice:
    """One button: ``name`` is returned when it is clicked (and names the button
    ``<key>.<name>``); ``role`` places it (accept, reject, destructive)."""

    name: str
    text: str
    role: QMessageBox.ButtonRole


async def ask(parent: QWidget | None, key: str, title: str, text: str,
              choices: list[Choice], *, default: str | None = None,
              icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> str | None:
    """Show the question window-modally and return the clicked choice's name (None when the
    box was closed otherwise, e.g. Esc without a reject button)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(f"{key}.dialog")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons: dict[QAbstractButton, str] = {}
    for choice in choices:
        button = box.addButton(choice.text, choice.role)
        button.setObjectName(f"{key}.{choice.name}")
        button.setAccessibleName(choice.text)
        buttons[button] = choice.name
        if choice.name == default:
            box.setDefaultButton(button)
    future: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

    def finished(_result: int) -> None:
        if not future.done():
            future.set_result(buttons.get(box.clickedButton()))

    box.finished.connect(finished)
    box.open()
    try:
        return await future
    finally:
        box.close()
        box.deleteLater()
