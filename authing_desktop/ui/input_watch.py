"""Actions run on the user's key presses, clicks, wheel turns and touches in a window.

- `on_first_input`: once, at the first one. Work a window needs only once someone uses it
  (loading the page modules, the API layer) waits for that moment, so a window left idle keeps
  start-up and memory small.
- `in_user_input`: whether the code running now reacts to a key or click being delivered (what
  a button's ``clicked`` handler started, unlike a timer's or a reply's work).

The filters sit on the native window (`QWidget.windowHandle`), which sees only the window's
input and window-system events: an application-wide filter would run Python for every event of
every widget.
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


class _DeliveryFilter(QObject):
    """True from a key or mouse event's arrival in the window until the event loop's next turn:
    its delivery (and every handler it runs) happens in between."""

    EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
                        QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease})

    def __init__(self, window: QWindow) -> None:
        super().__init__(window)
        self.delivering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.EVENTS and not self.delivering:
            self.delivering = True
            QTimer.singleShot(0, self._delivered)
        return False

    def _delivered(self) -> None:
        self.delivering = False


def in_user_input(window: QWindow | None) -> bool:
    """Whether a key or mouse event of ``window`` is being delivered now (`watch_delivery`)."""
    watcher = window.findChild(_DeliveryFilter) if window is not None else None
    return isinstance(watcher, _DeliveryFilter) and watcher.delivering


def watch_delivery(window: QWindow) -> None:
    """Let `in_user_input` tell the delivery of ``window``'s key and mouse events (once)."""
    if window.findChild(_DeliveryFilter) is None:
        window.installEventFilter(_DeliveryFilter(window))


def on_first_input(window: QWindow, action: Callable[[], object]) -> None:
    """Call ``action`` once, right after the next key or mouse press in ``window``."""
    existing = window.findChild(_FirstInputFilter)
    if isinstance(existing, _FirstInputFilter) and existing.actions:
        existing.actions.append(action)
        return
    watcher = _FirstInputFilter(window)
    watcher.actions.append(action)
    window.installEventFilter(watcher)
