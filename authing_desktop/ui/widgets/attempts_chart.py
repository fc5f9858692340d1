"""A light bar chart of sign-in attempts per day, painted by hand (no QtCharts): one stacked bar
per day, successes below in the palette's highlight colour, failures on top in red so they stand
out. The accessible description says the same in words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from authing_desktop.presenters import wording
from authing_desktop.presenters.login_history import DayCount

FAILED_COLOUR = QColor("#d93025")


class AttemptsChart(QWidget):
    """Shows `set_counts`; ``counts`` holds what is drawn."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.counts: list[DayCount] = []
        self.legend = ("", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(480, 140)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 140)

    def set_counts(self, counts: list[DayCount]) -> None:
        self.counts = list(counts)
        self.update()

    def set_legend(self, succeeded: str, failed: str) -> None:
        self.legend = (succeeded, failed)
        self.update()

    @property
    def peak(self) -> int:
        return max((c.succeeded + c.failed for c in self.counts), default=0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.Text)
        ok_colour = palette.color(QPalette.ColorRole.Highlight)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        legend_height = line + 4
        axis_height = line + 2
        plot = QRectF(28, legend_height, self.width() - 32,
                      self.height() - legend_height - axis_height)

        # Legend.
        x = plot.left()
        for colour, text in ((ok_colour, self.legend[0]), (FAILED_COLOUR, self.legend[1])):
            if not text:
                continue
            painter.fillRect(QRectF(x, 3, 10, 10), colour)
            painter.setPen(text_colour)
            painter.drawText(int(x + 14), line - 2, text)
            x += 24 + metrics.horizontalAdvance(text)

        peak = max(1, self.peak)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, plot.top() - 2, 24, line), Qt.AlignmentFlag.AlignRight,
                         str(self.peak))
        painter.drawText(QRectF(0, plot.bottom() - line, 24, line),
                         Qt.AlignmentFlag.AlignRight, "0")
        baseline = QColor(text_colour)
        baseline.setAlpha(90)
        painter.setPen(baseline)
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()),
                         int(plot.bottom()))
        if not self.counts:
            painter.end()
            return

        slot = plot.width() / len(self.counts)
        bar = max(1.0, slot * 0.7)
        for index, count in enumerate(self.counts):
            left = plot.left() + index * slot + (slot - bar) / 2
            ok_height = plot.height() * count.succeeded / peak
            failed_height = plot.height() * count.failed / peak
            if ok_height:
                painter.fillRect(QRectF(left, plot.bottom() - ok_height, bar, ok_height),
                                 ok_colour)
            if failed_height:
                painter.fillRect(QRectF(left, plot.bottom() - ok_height - failed_height, bar,
                                        failed_height), FAILED_COLOUR)
        # First and last day under the axis.
        painter.setPen(text_colour)
        first, last = self.counts[0].day, self.counts[-1].day
        painter.drawText(QRectF(plot.left(), plot.bottom() + 1, plot.width(), line),
                         Qt.AlignmentFlag.AlignLeft, wording.local_date(first))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 1, plot.width(), line),
                         Qt.AlignmentFlag.AlignRight, wording.local_date(last))
        painter.end()
