"""The card: a titled box of related content with its actions under it, right-aligned. Pages are
built from cards (one primary action each); the theme draws them (``QFrame[card="true"]``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.ui.icons import icon as named_icon
from authing_desktop.ui.theme import set_tone

ICON_SIDE = 20


class Card(QFrame):
    """``name`` is its object name (``<page>.<thing>Card``); ``title`` (``<name>.title``) and
    ``description`` (``<name>.description``, hidden while empty) are set with `set_texts`; the
    content goes into ``body``, buttons into `add_action`."""

    def __init__(self, name: str, *, icon: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("card", True)
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}.title")
        self.title.setProperty("heading", "card")
        self.title.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setObjectName(f"{name}.description")
        self.description.setWordWrap(True)
        set_tone(self.description, "note")
        self.description.setVisible(False)
        heading = QHBoxLayout()
        heading.setSpacing(8)
        self._icon_name = icon
        self.icon = QLabel(self)
        self.icon.setVisible(bool(icon))
        self._draw_icon()
        heading.addWidget(self.icon)
        heading.addWidget(self.title, 1)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(8)
        self.action_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addWidget(self.description)
        layout.addLayout(self.body)
        layout.addLayout(self.action_row)

    def _draw_icon(self) -> None:
        if self._icon_name:
            self.icon.setPixmap(named_icon(self._icon_name).pixmap(QSize(ICON_SIDE, ICON_SIDE)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()  # a theme switch: the icon's colour follows the text's
        super().changeEvent(event)

    def set_texts(self, title: str, description: str = "") -> None:
        self.title.setText(title)
        self.description.setText(description)
        self.description.setVisible(bool(description))
        self.setAccessibleName(title)

    def add_action(self, button: QAbstractButton) -> None:
        """A button in the row under the content (added left to right, kept at the right)."""
        self.action_row.addWidget(button)
