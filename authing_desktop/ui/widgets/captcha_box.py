"""The captcha row: the image from the pool, a refresh button and the answer field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from authing_desktop.ui.icons import icon


class CaptchaBox(QWidget):
    """Widgets ``<key>.captcha`` (answer), ``<key>.captchaImage``, ``<key>.captchaRefresh``.
    ``refresh_requested`` asks for a new image."""

    refresh_requested = Signal()

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel()
        self.image.setObjectName(f"{key}.captchaImage")
        self.image.setMinimumSize(100, 36)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{key}.captcha")
        self.edit.setMaxLength(12)
        self.refresh = QToolButton()
        self.refresh.setObjectName(f"{key}.captchaRefresh")
        self.refresh.setIcon(icon("refresh-cw"))
        self.refresh.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.refresh.clicked.connect(self.refresh_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.image)
        layout.addWidget(self.refresh)
        self.retranslate()

    def set_image(self, data: bytes) -> None:
        """Show ``data`` (empty: hide the whole row and forget the typed answer)."""
        if not data:
            self.edit.clear()
            self.image.clear()
            self.setVisible(False)
            return
        pixmap = QPixmap()
        if pixmap.loadFromData(data):
            self.image.setPixmap(pixmap)
            # Never squeezed by the row: a smaller picture is harder to read.
            self.image.setMinimumSize(pixmap.size())
        else:
            self.image.setText(self.tr("(image not readable: refresh)"))
        self.edit.clear()  # a new image means a new answer
        self.setVisible(True)

    def retranslate(self) -> None:
        self.edit.setAccessibleName(self.tr("Captcha"))
        self.edit.setPlaceholderText(self.tr("Characters in the image"))
        # Wide enough for the whole placeholder, in any language.
        margins = 24
        self.edit.setMinimumWidth(
            self.edit.fontMetrics().horizontalAdvance(self.edit.placeholderText()) + margins)
        self.image.setAccessibleName(self.tr("Captcha image"))
        self.refresh.setText(self.tr("New image"))
        self.refresh.setAccessibleName(self.tr("Show a new captcha image"))
