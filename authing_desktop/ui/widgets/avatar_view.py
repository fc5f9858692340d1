"""A round-cornered avatar: image bytes are decoded into a QImage in a worker thread (QImage,
unlike QPixmap, may be built off the UI thread); a placeholder with initials otherwise."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from authing_desktop.services.tasks import TaskRunner

MAX_DECODE_SIDE = 512


def decode_image(data: bytes) -> QImage | None:
    """The image in ``data``, scaled down when huge; None when Qt cannot read it."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    if max(image.width(), image.height()) > MAX_DECODE_SIDE:
        image = image.scaled(MAX_DECODE_SIDE, MAX_DECODE_SIDE,
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image


class AvatarView(QLabel):
    """``showing_image`` is True once a decoded image is on display (False: placeholder)."""

    image_shown = Signal(bool)

    def __init__(self, name: str, tasks: TaskRunner, size: int = 72,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._tasks = tasks
        self._side = size
        self._initials = ""
        self.showing_image = False
        self._generation = 0
        self.setFixedSize(QSize(size, size))
        self._show_placeholder()

    def set_initials(self, text: str) -> None:
        self._initials = text[:2].upper()
        if not self.showing_image:
            self._show_placeholder()

    def set_image_data(self, data: bytes | None) -> None:
        """Show ``data`` (decoded off the UI thread), or the placeholder for None."""
        self._generation += 1
        if data is None:
            self._show_placeholder()
            return
        if not self._tasks.closed:
            self._tasks.start(self._decode(data, self._generation),
                              name=f"avatar.decode.{id(self)}")

    async def _decode(self, data: bytes, generation: int) -> None:
        image = await asyncio.get_running_loop().run_in_executor(None, decode_image, data)
        if generation != self._generation:
            return  # a newer image was asked for meanwhile
        if image is None:
            self._show_placeholder()
            return
        self.setPixmap(self._rounded(QPixmap.fromImage(image)))
        self.showing_image = True
        self.image_shown.emit(True)

    def _rounded(self, source: QPixmap) -> QPixmap:
        ratio = self.devicePixelRatioF()
        side = int(self._side * ratio)
        scaled = source.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                               Qt.TransformationMode.SmoothTransformation)
        result = QPixmap(side, side)
        result.fill(Qt.GlobalColor.transparent)
        painter = QPainter(result)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, side, side), side / 5, side / 5)
        painter.setClipPath(path)
        painter.drawPixmap((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
        painter.end()
        result.setDevicePixelRatio(ratio)
        return result

    def _show_placeholder(self) -> None:
        ratio = self.devicePixelRatioF()
        side = int(self._side * ratio)
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#9cc3ec"))
        painter.drawRoundedRect(QRectF(0, 0, side, side), side / 5, side / 5)
        if self._initials:
            painter.setPen(QColor("#1f3b5c"))
            font = QFont(self.font())
            font.setPixelSize(max(1, int(side * 0.4)))  # a window laid out at no size
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QRectF(0, 0, side, side), Qt.AlignmentFlag.AlignCenter,
                             self._initials)
        else:  # nobody yet: a person's outline
            from authing_desktop.ui.icons import drawn

            inset = side // 5
            painter.drawPixmap(inset, inset, drawn("user-round", side - 2 * inset, "#1f3b5c"))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
        if self.showing_image:
            self.showing_image = False
        self.image_shown.emit(False)
