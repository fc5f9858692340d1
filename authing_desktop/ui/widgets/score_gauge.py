"""A 0-100 score as a ring gauge with the number in the middle (red, amber, green)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LOW = 40
MEDIUM = 70


def score_colour(score: int) -> QColor:
    if score < LOW:
        return QColor("#c62828")
    if score < MEDIUM:
        return QColor("#ef6c00")
    return QColor("#2e7d32")


class ScoreGauge(QWidget):
    """Call `set_score`; the accessible description says the number for screen readers.
    ``clicked`` fires on a click, Enter or Space (the Security page opens the checkup)."""

    clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._score: int | None = None
        self.caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def make_clickable(self) -> None:
        """Take focus and react to clicks and keys (a pointing-hand cursor tells it)."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (self.focusPolicy() != Qt.FocusPolicy.NoFocus
                and event.button() == Qt.MouseButton.LeftButton
                and self.rect().contains(event.position().toPoint())):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusPolicy() != Qt.FocusPolicy.NoFocus and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    @property
    def score(self) -> int | None:
        return self._score

    def set_score(self, score: int | None) -> None:
        self._score = None if score is None else max(0, min(100, int(score)))
        self.setAccessibleDescription("" if self._score is None else f"{self._score} / 100")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(132, 132)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 12
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        track = QPen(self.palette().mid().color(), 10)
        track.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(track)
        # Qt angles are 1/16 degree, counter-clockwise from 3 o'clock; the gauge starts at
        # 7 o'clock and sweeps 300 degrees clockwise.
        painter.drawArc(rect, 240 * 16, -300 * 16)
        score = self._score
        if score is not None and score > 0:
            pen = QPen(score_colour(score), 10)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(rect, 240 * 16, int(-300 * 16 * score / 100))
        if self.hasFocus():  # the keyboard's place, as a button would show it
            focus = QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine)
            painter.setPen(focus)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.setPen(self.palette().text().color())
        font = QFont(self.font())
        font.setPixelSize(max(1, int(side * 0.3)))  # a window laid out at no size
        font.setBold(True)
        painter.setFont(font)
        text = "–" if score is None else str(score)
        painter.drawText(rect.adjusted(0, -side * 0.08, 0, -side * 0.08),
                         Qt.AlignmentFlag.AlignCenter, text)
        if self.caption:
            small = QFont(self.font())
            small.setPixelSize(max(9, int(side * 0.1)))
            painter.setFont(small)
            painter.drawText(rect.adjusted(0, side * 0.3, 0, 0), Qt.AlignmentFlag.AlignCenter,
                             self.caption)
        painter.end()
