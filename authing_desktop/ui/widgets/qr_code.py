"""A QR code drawn in the app (``segno`` makes the matrix, QPainter draws the modules): the
``otpauth://`` URI never leaves the computer to be rendered."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_ZONE = 4  # modules of white border the standard asks for


class QrCode(QWidget):
    """Shows `set_text`'s QR code, black on white whatever the theme (scanners need the
    contrast), scaled to whole pixels per module."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._matrix: list[bytes] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(self.sizeHint())

    @property
    def modules(self) -> int:
        """Modules per side (0 when empty)."""
        return len(self._matrix)

    def dark(self, row: int, column: int) -> bool:
        """Whether the module is dark (tests decode the matrix)."""
        return bool(self._matrix[row][column])

    def set_text(self, text: str) -> None:
        if text:
            code = segno.make(text, error="m", micro=False)
            self._matrix = [bytes(row) for row in code.matrix]
        else:
            self._matrix = []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        count = len(self._matrix)
        if not count:
            painter.end()
            return
        side = min(self.width(), self.height())
        scale = max(1, side // (count + 2 * QUIET_ZONE))
        offset_x = (self.width() - scale * count) // 2
        offset_y = (self.height() - scale * count) // 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._matrix):
            for x, module in enumerate(row):
                if module:
                    painter.drawRect(QRectF(offset_x + x * scale, offset_y + y * scale,
                                            scale, scale))
        painter.end()
