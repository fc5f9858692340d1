"""The app's QApplication: a quit request becomes the app's own clean quit.

``QApplication.quit()`` (the desktop session ending, a test driver) would end Qt's event loop at
once, under the running coroutines: their clean-up would then run outside any event loop and
fail. `Application` turns the request (``QEvent.Quit``, sent to the application object only)
into ``quit_requested``, which the main coroutine treats like the window closing: it cleans up
while the loop runs, then stops it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication


class Application(QApplication):
    """While ``intercept_quit`` is True, a quit request emits ``quit_requested`` instead."""

    quit_requested = Signal()
    intercept_quit = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit and self.intercept_quit:
            self.quit_requested.emit()
            return True
        return super().event(event)
