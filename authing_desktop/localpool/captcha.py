"""Image captchas without an imaging library: a 5x7 digit font, a few lines of noise and a
minimal PNG encoder (zlib + CRC chunks).

A captcha is tied to the caller's key: the ``clientIp`` query argument when given, else the peer
address. The next password login from that key must quote the code (single use). The answer is
also in the admin-only outbox (channel ``captcha``, ``to`` the caller key).
"""

from __future__ import annotations

import secrets
import sqlite3
import struct
import threading
import zlib

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.codes import record_captcha
from authing_desktop.localpool.inputs import secret_equals

# 5 columns x 7 rows per digit, '#' = ink.
FONT: dict[str, tuple[str, ...]] = {
    "0": (".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
}
GLYPH_W, GLYPH_H = 5, 7
SCALE = 4
DIGITS = 4
MARGIN = 8
CELL_W = GLYPH_W * SCALE + 8
WIDTH = MARGIN * 2 + CELL_W * DIGITS
HEIGHT = GLYPH_H * SCALE + MARGIN * 2 + 8
INK = (28, 52, 120)
BACKGROUND = (246, 246, 240)
NOISE = (196, 200, 214)

Pixel = tuple[int, int, int]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def encode_png(pixels: list[list[Pixel]]) -> bytes:
    """An 8-bit RGB PNG of ``pixels`` (rows of (r, g, b))."""
    height, width = len(pixels), len(pixels[0])
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter type: None
        for r, g, b in row:
            raw += bytes((r, g, b))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + _chunk(b"IEND", b""))


def render(code: str) -> bytes:
    """A PNG showing ``code`` (digits only) on a lightly noisy background."""
    pixels = [[BACKGROUND] * WIDTH for _ in range(HEIGHT)]
    for _ in range(6):  # light noise strokes, well apart from the ink colour
        x, y = secrets.randbelow(WIDTH), secrets.randbelow(HEIGHT)
        dx, dy = secrets.randbelow(3) - 1, secrets.randbelow(3) - 1
        for _ in range(WIDTH // 2):
            if 0 <= x < WIDTH and 0 <= y < HEIGHT:
                pixels[y][x] = NOISE
            x, y = x + (dx or 1), y + dy
    for index, char in enumerate(code):
        glyph = FONT[char]
        left = MARGIN + index * CELL_W + secrets.randbelow(5)
        top = MARGIN + secrets.randbelow(7)
        for gy, line in enumerate(glyph):
            for gx, cell in enumerate(line):
                if cell != "#":
                    continue
                for sy in range(SCALE):
                    for sx in range(SCALE):
                        pixels[top + gy * SCALE + sy][left + gx * SCALE + sx] = INK
    return encode_png(pixels)


class CaptchaStore:
    """The live captcha code per caller key, in memory (captchas need not survive a restart).
    Each code also goes to the admin-only outbox, under the caller key, for whoever holds the
    pool's admin token (tests, replays): nobody reads the picture back (docs/local-pool.md)."""

    def __init__(self, lifetime: float, clock: Clock) -> None:
        self._lifetime = lifetime
        self._clock = clock
        self._codes: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def issue(self, conn: sqlite3.Connection, key: str) -> str:
        """A new code for ``key`` (replacing its previous one), recorded in the outbox within
        ``conn``'s transaction."""
        code = "".join(str(secrets.randbelow(10)) for _ in range(DIGITS))
        now = self._clock.monotonic()
        with self._lock:
            if len(self._codes) > 10_000:  # bound memory against a flood of distinct keys
                self._codes = {k: v for k, v in self._codes.items() if v[1] > now}
            self._codes[key] = (code, now + self._lifetime)
        record_captcha(conn, key, code, self._clock.now(), self._lifetime)
        return code

    def consume(self, key: str, answer: str | None) -> bool:
        """True when ``answer`` is ``key``'s live code; the code is burnt either way."""
        with self._lock:
            entry = self._codes.pop(key, None)
        if entry is None or not answer:
            return False
        code, expires = entry
        return self._clock.monotonic() < expires and secret_equals(answer.strip(), code)
