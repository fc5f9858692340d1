"""A form field with its inline error underneath (``<key>.<field>Error``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from authing_desktop.ui.theme import set_tone


class FieldRow(QWidget):
    """``editor`` plus a hidden error label that `set_error` shows."""

    def __init__(self, key: str, field: str, editor: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName(f"{key}.{field}Error")
        self.error.setWordWrap(True)
        set_tone(self.error, "error")
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
