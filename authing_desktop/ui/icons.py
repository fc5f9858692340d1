"""Icons: the Lucide SVGs in ``resources/icons/lucide``, drawn in a colour of the palette.

Each SVG strokes with ``currentColor``; the icon replaces it with the palette colour of its
``role`` at paint time, so icons follow a live theme switch and dim when their widget is
disabled. Qt's own SVG image plugin renders them at the size asked (crisp at any scale).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QIcon, QIconEngine, QImageReader, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from authing_desktop.services.resource_files import resource_path

Role = QPalette.ColorRole


class TintedIconEngine(QIconEngine):
    """Draws one Lucide icon in the application palette's ``role`` colour."""

    def __init__(self, name: str, role: QPalette.ColorRole = Role.WindowText) -> None:
        super().__init__()
        self.name = name
        self.role = role

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        group = (QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled
                 else QPalette.ColorGroup.Active)
        colour = QApplication.palette().color(group, self.role).name()
        return QPixmap(_render(self.name, size.width(), size.height(), colour))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        painter.drawPixmap(rect, pixmap)

    def clone(self) -> QIconEngine:
        return TintedIconEngine(self.name, self.role)

    def iconName(self) -> str:  # noqa: N802 - Qt's name
        return self.name


def icon(name: str, role: QPalette.ColorRole = Role.WindowText) -> QIcon:
    """The Lucide icon ``name`` (a file in ``resources/icons/lucide``) in ``role``'s colour."""
    _svg_text(name)  # a name without a file fails here, not at the first paint
    return QIcon(TintedIconEngine(name, role))


def drawn(name: str, side: int, colour: str) -> QPixmap:
    """The icon ``name`` as a ``side`` pixel square in a fixed ``colour`` (``#rrggbb``), for
    drawing on a surface of a known colour (an avatar's placeholder)."""
    return QPixmap(_render(name, side, side, colour))


@lru_cache(maxsize=512)
def _render(name: str, width: int, height: int, colour: str) -> QPixmap:
    svg = _svg_text(name).replace("currentColor", colour).encode("utf-8")
    buffer = QBuffer()
    buffer.setData(QByteArray(svg))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(max(1, width), max(1, height)))
    return QPixmap.fromImage(reader.read())


@lru_cache(maxsize=128)
def _svg_text(name: str) -> str:
    path = resource_path("icons", "lucide", f"{name}.svg")
    if not path.is_file():
        raise ValueError(f"no icon named {name!r}")
    return path.read_text(encoding="utf-8")
