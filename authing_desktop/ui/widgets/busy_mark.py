"""Marks the button that started a page's call until the call ends.

A page's presenter says only *that* it is busy. When a call starts while a click or key press
is being delivered (`in_user_input`), the button that has the focus then is the one the user
pressed (pressing gives it the focus): it shows a loader icon and tells screen readers it is
working, so the user sees which action runs, not just that something does. Calls nobody pressed
a button for (a refresh when a page opens) mark nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from authing_desktop.ui.icons import icon
from authing_desktop.ui.input_watch import in_user_input


class BusyMark(QObject):
    """The busy mark of one page's buttons (`update` follows the page's busy state)."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._button: QAbstractButton | None = None
        self._icon = QIcon()
        self._description = ""

    @property
    def button(self) -> QAbstractButton | None:
        """The button marked now, if any."""
        return self._button

    def update(self, busy: bool) -> None:
        """Mark the focused button of the page when a call starts; unmark it when none runs."""
        if busy and self._button is None:
            focused = QApplication.focusWidget()
            if (isinstance(focused, QAbstractButton) and self._page.isAncestorOf(focused)
                    and in_user_input(self._page.window().windowHandle())):
                self._mark(focused)
        elif not busy and self._button is not None:
            self._unmark()

    def _mark(self, button: QAbstractButton) -> None:
        self._button = button
        self._icon = button.icon()
        self._description = button.accessibleDescription()
        button.setIcon(icon("loader-circle"))
        button.setAccessibleDescription(QCoreApplication.translate("BusyMark", "Working…"))
        button.destroyed.connect(self._forget)

    def _unmark(self) -> None:
        button, self._button = self._button, None
        if button is None:
            return
        button.destroyed.disconnect(self._forget)
        button.setIcon(self._icon)
        button.setAccessibleDescription(self._description)

    def _forget(self) -> None:
        self._button = None
