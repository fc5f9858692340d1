"""The message banner above the pages: shows the bus's info, warning and error messages.

One message is shown at a time: the most severe, newest first. Others wait their turn
("+2 more"); a message with the same key as a waiting one replaces it (a status that moves on
does not stack up). Information hides itself after a while; warnings and errors stay until
dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from authing_desktop.services.bus import Level, Message

INFO_TIMEOUT_MS = 8000

_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}

# The colours per level come from the theme's style sheet (resources/qss/<theme>.qss,
# ``QFrame#banner[level="..."]``): a style sheet of the widget's own would override it.


class MessageBanner(QFrame):
    """Shows `Message` objects; attach with ``bus.attach(banner.show_message)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._waiting: list[Message] = []
        self._current: Message | None = None
        self.shown: list[Message] = []  # everything ever displayed, for tests and diagnostics

        self.level_label = QLabel()
        self.level_label.setObjectName("banner.level")
        self.text_label = QLabel()
        self.text_label.setObjectName("banner.text")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.more_label = QLabel()
        self.more_label.setObjectName("banner.more")
        self.close_button = QToolButton()
        self.close_button.setObjectName("banner.close")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.level_label)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.more_label)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self._expire)
        self._retranslate()
        self.hide()

    @property
    def current(self) -> Message | None:
        """The message on display, if any."""
        return self._current

    def show_message(self, message: Message) -> None:
        if message.key is not None:
            self._waiting = [m for m in self._waiting if m.key != message.key]
            if self._current is not None and self._current.key == message.key:
                self._current = None
        if self._current is not None:
            self._waiting.append(self._current)
            self._current = None
        self._waiting.append(message)
        self._show_next()

    def dismiss(self) -> None:
        """Hide the message on display and show the next waiting one."""
        self._current = None
        self._show_next()

    def _expire(self) -> None:
        if self._current is not None and self._current.level is Level.INFO:
            self.dismiss()

    def _show_next(self) -> None:
        self._expiry.stop()
        if self._current is None and self._waiting:
            # Most severe first; among equals the newest.
            best = max(range(len(self._waiting)),
                       key=lambda i: (_RANK[self._waiting[i].level], i))
            self._current = self._waiting.pop(best)
            if not any(m is self._current for m in self.shown):
                self.shown.append(self._current)
        message = self._current
        if message is None:
            self.hide()
            return
        self.setProperty("level", message.level.value)
        self.style().unpolish(self)
        self.style().polish(self)
        self.level_label.setText(self._level_text(message.level))
        self.text_label.setText(message.text)
        self.text_label.setAccessibleName(self._level_text(message.level))
        self.text_label.setAccessibleDescription(message.text)
        more = len(self._waiting)
        self.more_label.setText(self.tr("+%n more", "", more) if more else "")
        if message.level is Level.INFO:
            self._expiry.start(INFO_TIMEOUT_MS)
        self.show()

    def _level_text(self, level: Level) -> str:
        if level is Level.ERROR:
            return self.tr("Error")
        if level is Level.WARNING:
            return self.tr("Warning")
        return self.tr("Information")

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Dismiss this message"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
