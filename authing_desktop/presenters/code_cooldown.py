"""The wait after sending a verification code: a live countdown (60 s by default) that keeps
the send button disabled. The clock is injectable, so tests need not wait."""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_SECONDS = 60


class CodeCooldown(QObject):
    """``remaining_changed`` carries the whole seconds left (0: a code may be sent again)."""

    remaining_changed = Signal(int)

    def __init__(self, seconds: int = DEFAULT_SECONDS, *,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds
        self._clock = clock
        self._until = 0.0
        self._remaining = 0
        self._timer = QTimer(self)
        self._timer.setInterval(250)  # a quarter second: the display never lags a full second
        self._timer.timeout.connect(self.tick)

    @property
    def remaining(self) -> int:
        return self._remaining

    @property
    def active(self) -> bool:
        return self._remaining > 0

    def start(self, seconds: int | None = None) -> None:
        """Begin (or restart) the countdown."""
        self._until = self._clock() + (self._seconds if seconds is None else seconds)
        self._timer.start()
        self.tick()

    @contextlib.contextmanager
    def follow_refusal(self) -> Iterator[None]:
        """Around a send: a "sent too often" refusal counts down the wait the server names."""
        try:
            yield
        except Exception as error:
            wait = retry_after(error)
            if wait is not None:
                self.start(wait)
            raise

    def stop(self) -> None:
        self._until = 0.0
        self.tick()

    def tick(self) -> None:
        """Recompute from the clock (the timer calls it; tests may too)."""
        remaining = max(0, math.ceil(self._until - self._clock()))
        if remaining == 0:
            self._timer.stop()
        if remaining != self._remaining:
            self._remaining = remaining
            self.remaining_changed.emit(remaining)


def retry_after(error: BaseException) -> int | None:
    """The seconds a server's "sent too often" answer asks to wait (``data.retryAfter``),
    or None when it names none."""
    from authing_desktop.api.errors import AuthingError

    data = error.data if isinstance(error, AuthingError) else None
    wait = data.get("retryAfter") if isinstance(data, dict) else None
    return wait if isinstance(wait, int) and not isinstance(wait, bool) and wait > 0 else None
