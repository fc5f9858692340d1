"""Ctrl+C (SIGINT) and SIGTERM quit the app cleanly, even while Qt sleeps in C++.

On POSIX the asyncio loop's signal handler does the work: it sets ``signal.set_wakeup_fd`` to
the loop's self-pipe, which qasync watches with a QSocketNotifier, so Qt wakes up at once
(qutebrowser uses the same trick by hand). Elsewhere a Python handler plus a short no-op timer
gives Python a chance to run. The first signal asks for a clean quit; a second one while the
app is still quitting exits at once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("authing_desktop.signals")

WAKE_INTERVAL_MS = 500


class QuitSignals(QObject):
    """Routes SIGINT/SIGTERM to ``request_quit``; a repeated signal forces the exit."""

    def __init__(self, request_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request_quit = request_quit
        self._received = 0
        self._timer: QTimer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def received(self) -> int:
        return self._received

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, self.on_signal, signum)
            self._loop = loop
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, non-main thread
            signal.signal(signal.SIGINT, lambda signum, _frame: self.on_signal(signum))
            self._timer = QTimer(self)
            self._timer.timeout.connect(lambda: None)  # lets Python notice the signal
            self._timer.start(WAKE_INTERVAL_MS)

    def uninstall(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._loop.remove_signal_handler(signum)
        self._loop = None
        if self._timer is not None:
            self._timer.stop()
            signal.signal(signal.SIGINT, signal.default_int_handler)
            self._timer = None

    def on_signal(self, signum: int) -> None:
        self._received += 1
        if self._received == 1:
            log.info("signal %d: quitting", signum)
            self._request_quit()
            return
        # The clean quit is stuck (e.g. a keychain prompt): the user insists.
        if sys.__stderr__ is not None:
            sys.__stderr__.write("authing-desktop: forced exit\n")
            sys.__stderr__.flush()
        os._exit(128 + signum)
