"""Reads a local pool's captcha image back into its digits, so a replay can answer it.

Only the local pool's own images are readable: an 8-bit RGB PNG without row filters (what
`authing_desktop.localpool.captcha.encode_png` writes), digits drawn in the ink colour with the
pool's 5x7 font, one per fixed-width cell. Each cell is matched against every digit at every
position the pool may have jittered it to; the ink must match exactly.
"""

from __future__ import annotations

import struct
import zlib

from authing_desktop.localpool.captcha import (
    CELL_W,
    DIGITS,
    FONT,
    GLYPH_H,
    GLYPH_W,
    INK,
    MARGIN,
    SCALE,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# How far the pool shifts a glyph inside its cell (secrets.randbelow(5) / (7)).
_JITTER_X, _JITTER_Y = 5, 7

Pixel = tuple[int, int, int]


class UnreadableCaptchaError(ValueError):
    """Not a local pool captcha (another format, or not the pool's font)."""


def read_captcha(png: bytes) -> str:
    """The digits a local pool captcha shows."""
    rows = _decode_rgb_png(png)
    ink = {(x, y) for y, row in enumerate(rows) for x, pixel in enumerate(row) if pixel == INK}
    digits = ""
    for cell in range(DIGITS):
        left = MARGIN + cell * CELL_W
        cell_ink = {(x, y) for x, y in ink if left <= x < left + CELL_W}
        digits += _match_cell(cell_ink, left)
    return digits


def _match_cell(cell_ink: set[tuple[int, int]], left: int) -> str:
    if not cell_ink:
        raise UnreadableCaptchaError("a digit cell has no ink")
    found = {
        digit
        for digit, glyph in FONT.items()
        for dx in range(_JITTER_X)
        for dy in range(_JITTER_Y)
        if _glyph_pixels(glyph, left + dx, MARGIN + dy) == cell_ink
    }
    if len(found) != 1:
        raise UnreadableCaptchaError("a digit does not match the pool's font")
    return found.pop()


def _glyph_pixels(glyph: tuple[str, ...], x0: int, y0: int) -> set[tuple[int, int]]:
    return {
        (x0 + gx * SCALE + sx, y0 + gy * SCALE + sy)
        for gy in range(GLYPH_H)
        for gx in range(GLYPH_W)
        if glyph[gy][gx] == "#"
        for sy in range(SCALE)
        for sx in range(SCALE)
    }


def _decode_rgb_png(data: bytes) -> list[list[Pixel]]:
    if not data.startswith(PNG_SIGNATURE):
        raise UnreadableCaptchaError("not a PNG image")
    position, width, height, compressed = len(PNG_SIGNATURE), 0, 0, bytearray()
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if len(body) != length:
            raise UnreadableCaptchaError("truncated PNG chunk")
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if (depth, colour, interlace) != (8, 2, 0):
                raise UnreadableCaptchaError("not an 8-bit RGB PNG")
        elif kind == b"IDAT":
            compressed += body
        elif kind == b"IEND":
            break
        position += 12 + length  # length, type, body, CRC
    if not width or not height:
        raise UnreadableCaptchaError("PNG without a header")
    try:
        raw = zlib.decompress(bytes(compressed))
    except zlib.error as error:
        raise UnreadableCaptchaError("corrupt PNG data") from error
    stride = 1 + 3 * width
    if len(raw) != stride * height:
        raise UnreadableCaptchaError("PNG data has the wrong size")
    rows = []
    for y in range(height):
        line = raw[y * stride:(y + 1) * stride]
        if line[0] != 0:
            raise UnreadableCaptchaError("PNG rows use filters (not a local pool captcha)")
        rows.append([(line[i], line[i + 1], line[i + 2]) for i in range(1, stride, 3)])
    return rows
