"""The pool's one clock: every expiry, lock, window and timestamp of the pool reads it.

Wall-clock time plus an offset that only moves forward. Tests that serve a pool from their own
process advance it; a pool process started with ``--adjustable-clock`` lets its admin advance
it over HTTP (docs/local-pool.md, "The clock").
"""

from __future__ import annotations

import threading
import time


class Clock:
    """Wall-clock seconds (`now`) and a steady counter (`monotonic`), both moved by `advance`."""

    def __init__(self) -> None:
        self._offset = 0.0
        self._lock = threading.Lock()

    def now(self) -> float:
        """Seconds since the epoch, as the pool sees them."""
        return time.time() + self.offset

    def monotonic(self) -> float:
        """A steady counter for in-memory lifetimes (a change of the system time leaves them
        alone), moved by `advance` like `now`."""
        return time.monotonic() + self.offset

    @property
    def offset(self) -> float:
        """How far the clock was advanced, in seconds."""
        with self._lock:
            return self._offset

    def advance(self, seconds: float) -> float:
        """Move the clock ``seconds`` forward (never back: a lock or a code cannot come back to
        life); the new offset."""
        if not seconds >= 0:  # also refuses NaN
            raise ValueError("the pool's clock only moves forward")
        with self._lock:
            self._offset += seconds
            return self._offset
