"""Reads the pool's captcha PNG back into digits (proves the image shows the code): a tiny PNG
decoder for 8-bit RGB without filters, then glyph matching against the pool's font."""

from __future__ import annotations

import struct
import zlib

from authing_desktop.localpool.captcha import FONT, GLYPH_H, GLYPH_W, SCALE


def decode_png(data: bytes) -> list[list[tuple[int, int, int]]]:
    """Pixels of an 8-bit RGB, filter-0 PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat, width, height = 8, b"", 0, 0
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    pixels = []
    for y in range(height):
        row = raw[y * stride:(y + 1) * stride]
        assert row[0] == 0
        pixels.append([tuple(row[1 + x * 3:4 + x * 3]) for x in range(width)])
    return pixels  # type: ignore[return-value]


def read_digits(png: bytes) -> str:
    """The digits drawn in ink (dark pixels) from left to right."""
    pixels = decode_png(png)
    height, width = len(pixels), len(pixels[0])
    ink = [[sum(pixels[y][x]) < 300 for x in range(width)] for y in range(height)]
    columns = [any(ink[y][x] for y in range(height)) for x in range(width)]
    digits, x = "", 0
    while x < width:
        if not columns[x]:
            x += 1
            continue
        left = x
        while x < width and columns[x]:
            x += 1
        top = min(y for y in range(height) if any(ink[y][left:x]))
        # The ink may start right of the glyph's first column (e.g. "1"): try each origin.
        matches = set()
        for shift in range(GLYPH_W):
            origin = left - shift * SCALE
            if origin < 0:
                break
            glyph = tuple(
                "".join("#" if origin + gx * SCALE + 1 < width
                        and ink[top + gy * SCALE + 1][origin + gx * SCALE + 1] else "."
                        for gx in range(GLYPH_W))
                for gy in range(GLYPH_H))
            matches |= {d for d, bitmap in FONT.items() if bitmap == glyph}
        assert len(matches) == 1, (left, matches)
        digits += matches.pop()
    return digits
