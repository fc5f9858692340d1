"""The message bus: one place to tell the user something (info, warning, error).

Any code may post before a view exists (e.g. settings problems found at startup): messages are
kept until the first view attaches and then replayed in order (qutebrowser's message bridge
idea). Text is redacted on the way in, so no view or log sees a secret.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from authing_desktop.redaction import redact_text

log = logging.getLogger("authing_desktop.message")

PENDING_LIMIT = 50


class Level(enum.Enum):
    """Severity of a message, lowest first."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    """One message for the user. ``key`` lets a sender replace its own earlier message
    (e.g. pool status) instead of stacking a new one."""

    level: Level
    text: str
    key: str | None = None


class MessageBus(QObject):
    """Posts redacted messages to the views attached with `attach`."""

    posted = Signal(object)  # Message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Message] = []
        self._views = 0
        self.history: list[Message] = []

    def info(self, text: str, *, key: str | None = None) -> None:
        self.post(Message(Level.INFO, text, key))

    def warning(self, text: str, *, key: str | None = None) -> None:
        self.post(Message(Level.WARNING, text, key))

    def error(self, text: str, *, key: str | None = None) -> None:
        self.post(Message(Level.ERROR, text, key))

    def post(self, message: Message) -> None:
        message = Message(message.level, redact_text(message.text), message.key)
        log.log(_LOG_LEVELS[message.level], "%s", message.text)
        self.history.append(message)
        del self.history[:-PENDING_LIMIT]
        if self._views:
            self.posted.emit(message)
            return
        self._pending.append(message)
        # A flood before the window exists must not grow without bound: keep the newest.
        del self._pending[:-PENDING_LIMIT]

    def attach(self, view: Callable[[Message], None]) -> None:
        """Connect ``view`` and replay what was posted while no view was attached."""
        self.posted.connect(view)
        self._views += 1
        pending, self._pending = self._pending, []
        for message in pending:
            self.posted.emit(message)

    def detach(self, view: Callable[[Message], None]) -> None:
        """Disconnect ``view``; with no view left, messages are kept again."""
        self.posted.disconnect(view)
        self._views = max(0, self._views - 1)


_LOG_LEVELS = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING, Level.ERROR: logging.ERROR}
