"""Draws the app icon with Qt (offscreen) and writes every format the packaging needs:

- ``resources/icons/authing-desktop-<N>.png`` for N in `PNG_SIZES` (window icon, Linux hicolor),
- ``resources/icons/authing-desktop.ico`` (Windows executable; PNG-compressed entries),
- ``resources/icons/authing-desktop.icns`` (macOS bundle; PNG-compressed entries).

The outputs are committed; run this again only when the drawing changes::

    .venv/bin/python packaging/make_icons.py

ICO and ICNS are written by hand (both are a small header plus PNG blobs) so that no imaging
library is needed at build time.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
NAME = "authing-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (ic10 is the 512pt@2x image).
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"),
              (512, b"ic09"), (1024, b"ic10"))


def draw_png(size: int) -> bytes:
    """The icon at ``size`` pixels as PNG bytes: a blue rounded square, a white person and a
    green check badge (the account is yours and in order)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100.0, size / 100.0)  # draw on a 100x100 canvas

    # Background tile; a 4% margin keeps the edge crisp when desktops add a drop shadow.
    gradient = QLinearGradient(QPointF(0, 4), QPointF(0, 96))
    gradient.setColorAt(0.0, QColor("#3D7BFF"))
    gradient.setColorAt(1.0, QColor("#1E46C8"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 22, 22)

    # The person: a head and rounded shoulders.
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawEllipse(QPointF(44, 37), 15, 15)
    shoulders = QPainterPath()
    shoulders.moveTo(17, 80)
    shoulders.cubicTo(17, 60, 30, 55, 44, 55)
    shoulders.cubicTo(58, 55, 71, 60, 71, 80)
    shoulders.closeSubpath()
    painter.drawPath(shoulders)

    # The badge, cut out of the tile by a ring of the tile's own dark blue.
    painter.setBrush(QColor("#1E46C8"))
    painter.drawEllipse(QPointF(71, 71), 19, 19)
    painter.setBrush(QColor("#22B573"))
    painter.drawEllipse(QPointF(71, 71), 15, 15)
    pen = QPen(QColor("#FFFFFF"), 4.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    check = QPainterPath()
    check.moveTo(64, 71.5)
    check.lineTo(69, 76.5)
    check.lineTo(78.5, 66)
    painter.drawPath(check)
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs say bytes for the format, its runtime only accepts str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError(f"could not encode the {size}px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (supported since Windows Vista)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = images[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in a directory entry
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """An ICNS file with PNG elements (supported since macOS 10.7)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for size, kind in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for size, _ in ICNS_TYPES})
    images = {size: draw_png(size) for size in sizes}
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        (ICON_DIR / f"{NAME}-{size}.png").write_bytes(images[size])
    (ICON_DIR / f"{NAME}.ico").write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    (ICON_DIR / f"{NAME}.icns").write_bytes(icns_bytes(images))
    del app
    for path in sorted(ICON_DIR.glob(f"{NAME}*")):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
