"""Guess limits: wrong answers to a secret, counted per subject in ``login_failures``.

Subjects and their limits (settings in `PoolSettings`, described in docs/local-pool-security.md):

- ``user:<id>``: wrong passwords of one account, wherever the password is proven: sign-in (the
  API logins and the hosted page), ``updatePassword``'s old password, the forced reset's old
  password and the account-deletion password proof. From `captcha_after` on, a sign-in needs a
  captcha; at `lockout_after` the password is refused for `lockout_seconds` (2005).
- ``ip:<address>``: failed sign-ins from one client address (they only bring the captcha).
- ``mfa:<id>``: wrong second-factor answers of one account, across its mfaTokens and factors
  (TOTP, recovery code, SMS, email); at `second_factor_lockout_after` its second step is
  refused for `lockout_seconds` (2005), even the right code.

Failures older than `FAILURE_WINDOW_S` are forgotten, and an expired lock starts afresh.

Atomic: a guess is counted *before* its secret is evaluated, in the write transaction (BEGIN
IMMEDIATE) that also checks the limit, and a success clears the count. Every transaction sees
the guesses of those before it, whatever thread or process runs it, so however many guesses
arrive at once no more than the limit are ever evaluated.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.settings import PoolSettings

Clock = Callable[[], float]
FAILURE_WINDOW_S = 900.0


def password_subject(user_id: str) -> str:
    """The subject counting wrong passwords of ``user_id``."""
    return f"user:{user_id}"


def second_factor_subject(user_id: str) -> str:
    """The subject counting wrong second-factor answers of ``user_id``."""
    return f"mfa:{user_id}"


def ip_subject(address: str) -> str:
    """The subject counting failed sign-ins from ``address``."""
    return f"ip:{address}"


@dataclass(frozen=True)
class Failures:
    """A subject's live failure count and the end of its lock (None: not locked)."""

    count: int
    locked_until: float | None


class GuessLimits:
    """Counts, checks and clears the failures of every subject (in the caller's transaction)."""

    def __init__(self, settings: PoolSettings, clock: Clock = time.time) -> None:
        self._settings = settings
        self._clock = clock

    def now(self) -> float:
        """The limits' time (injectable for tests)."""
        return self._clock()

    # ----------------------------------------------------------------- storage
    def failures(self, conn: sqlite3.Connection, subject: str | None) -> Failures:
        """The live failures of ``subject`` (none for None)."""
        if subject is None:
            return Failures(0, None)
        row = conn.execute("SELECT count, last_failure_at, locked_until FROM login_failures"
                           " WHERE subject = ?", (subject,)).fetchone()
        now = self.now()
        if row is None:
            return Failures(0, None)
        if row["locked_until"] is not None:
            if row["locked_until"] > now:
                return Failures(int(row["count"]), float(row["locked_until"]))
            return Failures(0, None)
        if now - row["last_failure_at"] > FAILURE_WINDOW_S:
            return Failures(0, None)
        return Failures(int(row["count"]), None)

    def _count(self, conn: sqlite3.Connection, subject: str | None, before: Failures,
               lock_after: int | None) -> Failures:
        if subject is None:
            return before
        now = self.now()
        count = before.count + 1
        seconds = self._settings.lockout_seconds
        locked = (now + seconds if lock_after is not None and count >= lock_after
                  and seconds > 0 else None)
        conn.execute(
            "INSERT INTO login_failures(subject, count, last_failure_at, locked_until)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(subject) DO UPDATE SET count = excluded.count,"
            " last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until",
            (subject, count, now, locked))
        return Failures(count, locked)

    @staticmethod
    def clear(conn: sqlite3.Connection, *subjects: str | None) -> None:
        """Forget the failures of ``subjects`` (a success)."""
        for subject in subjects:
            if subject is not None:
                conn.execute("DELETE FROM login_failures WHERE subject = ?", (subject,))

    def _locked(self, locked_until: float, text: str) -> PoolError:
        wait = max(1, int(locked_until - self.now() + 0.999))
        return PoolError(errors.USER_LOCKED, f"{text}, retry in {wait} s", {"retryAfter": wait})

    # ----------------------------------------------------------------- passwords
    def begin_sign_in(self, conn: sqlite3.Connection, account: str | None,
                      address: str | None, captcha: Callable[[], None], *,
                      count: bool = True) -> None:
        """Before a sign-in looks at a password: 2005 while the account is locked, the
        ``captcha`` check (it raises 2000 / 2001) once the account or the address has
        `captcha_after` failures, then the guess counted against both (unless not ``count``:
        an unknown account about to be registered)."""
        settings = self._settings
        mine, theirs = self.failures(conn, account), self.failures(conn, address)
        if mine.locked_until is not None:
            raise self._locked(mine.locked_until, "too many failed logins: account locked")
        if max(mine.count, theirs.count) >= settings.captcha_after:
            captcha()
        if count:
            self._count(conn, account, mine, settings.lockout_after)
            self._count(conn, address, theirs, None)

    def begin_password_proof(self, conn: sqlite3.Connection, user_id: str) -> None:
        """Before an old password (updatePassword, forced reset, account deletion) is looked
        at: 2005 while the account's passwords are locked, else the guess counted."""
        subject = password_subject(user_id)
        before = self.failures(conn, subject)
        if before.locked_until is not None:
            raise self._locked(before.locked_until,
                               "too many wrong passwords: this account is locked")
        self._count(conn, subject, before, self._settings.lockout_after)

    # ----------------------------------------------------------------- second factor
    def begin_second_factor(self, conn: sqlite3.Connection, user_id: str) -> PoolError | None:
        """Before a second-factor answer is checked: the 2005 error while the account's second
        step is locked, else None with the guess counted."""
        subject = second_factor_subject(user_id)
        before = self.failures(conn, subject)
        if before.locked_until is not None:
            return self._locked(before.locked_until, "too many wrong second-factor codes:"
                                " two-step sign-in is locked for this account")
        self._count(conn, subject, before, self._settings.second_factor_lockout_after)
        return None

    def second_factor_failed(self, conn: sqlite3.Connection, user_id: str,
                             problem: PoolError) -> PoolError:
        """``problem`` (a wrong answer), saying so when it was the last one before the lock."""
        locked_until = self.failures(conn, second_factor_subject(user_id)).locked_until
        if locked_until is None:
            return problem
        lock = self._locked(locked_until, "too many wrong second-factor codes: two-step"
                            " sign-in is now locked for this account")
        return PoolError(problem.code, f"{problem.message}; {lock.message}", lock.data)
