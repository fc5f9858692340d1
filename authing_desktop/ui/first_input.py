"""Run an action once, after the user's first key press, click, wheel or touch in a window.

Work a window needs only once someone uses it (loading the page modules, the API layer) waits
for that moment, so a window left idle keeps start-up and memory small.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow

_INPUTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                     QEvent.Type.TouchBegin})


class _FirstInputFilter(QObject):
    def __init__(self, window: QWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actions: list[Callable[[], object]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUTS:
            actions, self.actions = self.actions, []
            self._window.removeEventFilter(self)
            self.deleteLater()
            for action in actions:
                QTimer.singleShot(0, action)  # after this event, not inside its delivery
        return False


def on_first_input(window: QWindow, action: Callable[[], object]) -> None:
    """Call ``action`` once, right after the next key or mouse press in ``window``.

    The filter sits on the native window (`QWidget.windowHandle`), which sees only the
    window's input and window-system events: an application-wide filter would run Python for
    every event of every widget until then."""
    existing = window.findChild(_FirstInputFilter)
    if isinstance(existing, _FirstInputFilter) and existing.actions:
        existing.actions.append(action)
        return
    watcher = _FirstInputFilter(window)
    watcher.actions.append(action)
    window.installEventFilter(watcher)
