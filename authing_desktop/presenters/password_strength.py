"""Live password strength: a local ``zxcvbn`` estimate plus the pool's own verdict
(``check_password_strength``), both after a short pause in typing (debounced).

zxcvbn runs in a worker thread: its time grows with the input, and a long one would hold the
UI thread past a frame. A newer password cancels the evaluation of an older one.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal

from authing_desktop.services.connection import Connection
from authing_desktop.services.tasks import TaskRunner

log = logging.getLogger("authing_desktop.password_strength")

DEBOUNCE_MS = 300
# zxcvbn's cost grows with length, and zxcvbn refuses more than 72 characters (ValueError):
# it rates a prefix; the pool's own policy still sees the whole password.
ZXCVBN_MAX_CHARS = 72

SCORE_LABELS = (
    QT_TRANSLATE_NOOP("PasswordStrength", "Very weak"),
    QT_TRANSLATE_NOOP("PasswordStrength", "Weak"),
    QT_TRANSLATE_NOOP("PasswordStrength", "Fair"),
    QT_TRANSLATE_NOOP("PasswordStrength", "Good"),
    QT_TRANSLATE_NOOP("PasswordStrength", "Strong"),
)


@dataclass(frozen=True)
class StrengthVerdict:
    """What the meter shows. ``score`` is zxcvbn's 0-4 (-1: nothing typed); ``pool_ok`` is
    None until the pool answered (or when it could not be asked)."""

    score: int = -1
    label: str = ""
    pool_ok: bool | None = None
    pool_message: str = ""


def estimate_score(password: str) -> int:
    """zxcvbn's 0-4 score (blocking: call it off the UI thread)."""
    from zxcvbn import zxcvbn

    return int(zxcvbn(password[:ZXCVBN_MAX_CHARS])["score"])


class PasswordStrengthPresenter(QObject):
    """Feed it with `set_password`; ``changed`` carries a `StrengthVerdict`."""

    changed = Signal(object)

    def __init__(self, connection: Connection, tasks: TaskRunner, *,
                 debounce_ms: int = DEBOUNCE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self._tasks = tasks
        self._password = ""
        self._verdict = StrengthVerdict()
        self._task_name = f"password-strength.{id(self)}"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._evaluate_now)

    @property
    def verdict(self) -> StrengthVerdict:
        return self._verdict

    def set_password(self, password: str) -> None:
        self._password = password
        if not password:
            self._timer.stop()
            self._tasks.cancel(self._task_name)
            self._set(StrengthVerdict())
            return
        self._timer.start()

    async def evaluate(self, password: str) -> StrengthVerdict:
        """Both estimates for ``password`` (what the debounced timer runs)."""
        loop = asyncio.get_running_loop()
        score = await loop.run_in_executor(None, estimate_score, password)
        label = QCoreApplication.translate("PasswordStrength", str(SCORE_LABELS[score]))
        self._set(StrengthVerdict(score, label))
        pool_ok: bool | None = None
        message = ""
        try:
            client = await self._connection.wait_ready()
            answer = await client.check_password_strength(password)
            pool_ok = bool(answer.valid)
            message = answer.message or ""
        except Exception as error:  # noqa: BLE001 - the local estimate still stands
            from authing_desktop.services.errors import describe_expected_error

            if describe_expected_error(error) is None:
                raise
            log.info("pool password check unavailable (%s)", type(error).__name__)
        verdict = StrengthVerdict(score, label, pool_ok, message)
        if password == self._password or not self._password:  # not overtaken by typing
            self._set(verdict)
        return verdict

    def _evaluate_now(self) -> None:
        if self._password and not self._tasks.closed:
            self._tasks.start(self.evaluate(self._password), name=self._task_name)

    def _set(self, verdict: StrengthVerdict) -> None:
        if verdict != self._verdict:
            self._verdict = verdict
            self.changed.emit(verdict)
