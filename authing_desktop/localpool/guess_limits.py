"""Guess limits: wrong answers to a secret, counted per subject in ``login_failures``.

Subjects and their limits (described in docs/local-pool-security.md; the password rules come
from the pool's policy, read in the transaction that checks them: docs/pool-admin.md):

- ``user:<id>``: wrong passwords of one account, wherever the password is proven: sign-in (the
  API logins and the hosted page), ``updatePassword``'s old password, the forced reset's old
  password and the account-deletion password proof. With the captcha on (``loginFailCheck``
  and ``loginFailStrategy`` "captcha"), from its ``limit`` on a sign-in needs a captcha; with
  the lock on (``loginPasswordFailCheck``), its ``limit``-th wrong password locks the password
  for its ``timeInterval`` (2057 that time, 2005 until the lock ends).
- ``ip:<address>``: failed sign-ins from one client address (they only bring the captcha), for
  ``loginFailCheck.timeInterval``.
- ``mfa:<id>``: wrong second-factor answers of one account, across its mfaTokens and factors
  (TOTP, recovery code, SMS, email, passkey); at `second_factor_lockout_after` its second step
  is refused for `lockout_seconds` (2005), even the right code.
- ``passkey:<id>``: passkey sign-ins of one account that did not verify (docs/passkeys.md);
  at `second_factor_lockout_after` its passkey sign-in is refused for `lockout_seconds`.

An account's failures are forgotten after the longer window of the two checks that are on, an
address's after the captcha window, a second factor's after `FAILURE_WINDOW_S`; an expired lock
starts afresh.

Atomic: the limit is checked and the guess registered in one write transaction (BEGIN
IMMEDIATE), which sees every guess before it, whatever thread or process made it. A password
is checked outside any transaction (a hash takes tens of milliseconds), so a password guess is
registered as *pending* first: a guess that would reach a limit counting the pending ones waits
(`WAIT_STEP_S` at a time, `MAX_WAIT_S` at most) until they are decided. So however many guesses
arrive at once, no more than the limit are evaluated, and right passwords sent at once all get
through. A second-factor answer is checked inside its transaction and needs no waiting.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from authing_desktop.localpool import errors
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.pool_policy import CAPTCHA, PoolPolicy, current_policy
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.storage import Database

FAILURE_WINDOW_S = 900.0
WAIT_STEP_S = 0.02
MAX_WAIT_S = 10.0


def password_subject(user_id: str) -> str:
    """The subject counting wrong passwords of ``user_id``."""
    return f"user:{user_id}"


def second_factor_subject(user_id: str) -> str:
    """The subject counting wrong second-factor answers of ``user_id``."""
    return f"mfa:{user_id}"


def passkey_subject(user_id: str) -> str:
    """The subject counting passkey sign-ins of ``user_id`` that did not verify."""
    return f"passkey:{user_id}"


def ip_subject(address: str) -> str:
    """The subject counting failed sign-ins from ``address``."""
    return f"ip:{address}"


@dataclass(frozen=True)
class Failures:
    """A subject's live failures, its guesses being evaluated, and the end of its lock."""

    count: int = 0
    pending: int = 0
    locked_until: float | None = None

    @property
    def in_play(self) -> int:
        """Failures plus the guesses that may still become failures."""
        return self.count + self.pending


@dataclass
class Guess:
    """A password guess in progress: its caller sets ``right`` once it is checked (None:
    never checked, it only stops being pending)."""

    right: bool | None = None
    locked_until: float | None = None  # set when this guess locked the account


@dataclass(frozen=True)
class PasswordRules:
    """The password limits of the pool's policy at one moment."""

    captcha_after: int | None  # None: no captcha
    lock_after: int | None  # None: no lock
    lock_seconds: float
    account_window: float
    address_window: float

    @classmethod
    def of(cls, policy: PoolPolicy) -> PasswordRules:
        """The rules ``policy`` sets (docs/pool-admin.md)."""
        fail, lock = policy.login_fail_check, policy.login_password_fail_check
        captcha_on = fail.enabled and policy.login_fail_strategy == CAPTCHA
        windows = [float(check.time_interval) for on, check in ((captcha_on, fail),
                                                                (lock.enabled, lock)) if on]
        return cls(captcha_after=fail.limit if captcha_on else None,
                   lock_after=lock.limit if lock.enabled else None,
                   lock_seconds=float(lock.time_interval),
                   account_window=max(windows, default=FAILURE_WINDOW_S),
                   address_window=float(fail.time_interval))

    def window(self, subject: str | None) -> float:
        """How long the failures of ``subject`` count."""
        if subject is not None and subject.startswith("ip:"):
            return self.address_window
        return self.account_window


class GuessLimits:
    """Counts, checks and clears the failures of every subject."""

    def __init__(self, settings: PoolSettings, clock: Clock) -> None:
        self._settings = settings
        self._clock = clock

    def now(self) -> float:
        """The limits' time (injectable for tests)."""
        return self._clock.now()

    def rules(self, conn: sqlite3.Connection) -> PasswordRules:
        """The password limits in force now (the policy is read in ``conn``'s transaction)."""
        return PasswordRules.of(current_policy(conn, self._settings))

    @staticmethod
    def reset_pending(conn: sqlite3.Connection) -> None:
        """At start: no guess of an earlier run is still being evaluated."""
        conn.execute("UPDATE login_failures SET pending = 0 WHERE pending != 0")

    # ----------------------------------------------------------------- storage
    def failures(self, conn: sqlite3.Connection, subject: str | None,
                 window: float = FAILURE_WINDOW_S) -> Failures:
        """The live failures of ``subject`` (none for None), forgetting those more than
        ``window`` seconds after the last one."""
        if subject is None:
            return Failures()
        row = conn.execute("SELECT count, pending, last_failure_at, locked_until"
                           " FROM login_failures WHERE subject = ?", (subject,)).fetchone()
        if row is None:
            return Failures()
        now, pending = self.now(), int(row["pending"])
        if row["locked_until"] is not None:
            if row["locked_until"] > now:
                return Failures(int(row["count"]), pending, float(row["locked_until"]))
            return Failures(0, pending)  # the lock ended: start afresh
        if now - row["last_failure_at"] > window:
            return Failures(0, pending)
        return Failures(int(row["count"]), pending)

    def _store(self, conn: sqlite3.Connection, subject: str, state: Failures,
               failed: bool = False) -> None:
        if state.count <= 0 and state.pending <= 0 and state.locked_until is None:
            conn.execute("DELETE FROM login_failures WHERE subject = ?", (subject,))
            return
        conn.execute(
            "INSERT INTO login_failures(subject, count, pending, last_failure_at, locked_until)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(subject) DO UPDATE SET count = excluded.count,"
            " pending = excluded.pending, locked_until = excluded.locked_until,"
            " last_failure_at = CASE WHEN ? THEN excluded.last_failure_at"
            " ELSE login_failures.last_failure_at END",
            (subject, max(0, state.count), max(0, state.pending), self.now(),
             state.locked_until, failed))

    def _failed(self, state: Failures, lock_after: int | None, lock_seconds: float) -> Failures:
        count = state.count + 1
        locked = (self.now() + lock_seconds if lock_after is not None and count >= lock_after
                  and lock_seconds > 0 else None)
        return Failures(count, state.pending, locked)

    def clear(self, conn: sqlite3.Connection, *subjects: str | None) -> None:
        """Forget the failures of ``subjects`` (a success; pending guesses stay pending)."""
        for subject in subjects:
            if subject is not None:
                self._store(conn, subject, Failures(0, self.failures(conn, subject).pending))

    def _locked(self, locked_until: float, text: str, code: int = errors.USER_LOCKED
                ) -> PoolError:
        wait = max(1, int(locked_until - self.now() + 0.999))
        return PoolError(code, f"{text}, retry in {wait} s", {"retryAfter": wait})

    def wrong_password(self, guess: Guess) -> PoolError:
        """What a sign-in with a wrong password answers: 2057 when that guess locked the
        account, else 2333."""
        if guess.locked_until is not None:
            return self._locked(guess.locked_until, "too many wrong passwords: the account is"
                                " now locked", errors.ACCOUNT_LOCKED_NOW)
        return PoolError(errors.WRONG_CREDENTIALS, "wrong account or password")

    # ----------------------------------------------------------------- passwords
    def _begin_sign_in(self, conn: sqlite3.Connection, account: str | None,
                       address: str | None, captcha: Callable[[], None], count: bool) -> bool:
        rules = self.rules(conn)
        mine = self.failures(conn, account, rules.account_window)
        theirs = self.failures(conn, address, rules.address_window)
        if mine.locked_until is not None:
            raise self._locked(mine.locked_until, "too many failed logins: account locked")
        if rules.lock_after is not None and mine.in_play >= rules.lock_after:
            return False
        if rules.captcha_after is not None:
            if max(mine.count, theirs.count) >= rules.captcha_after:
                captcha()  # raises 2000 / 2001
            elif max(mine.in_play, theirs.in_play) >= rules.captcha_after:
                return False
        if count:
            for subject, state in ((account, mine), (address, theirs)):
                if subject is not None:
                    self._store(conn, subject, Failures(state.count, state.pending + 1,
                                                        state.locked_until))
        return True

    def _end(self, conn: sqlite3.Connection, subjects: tuple[str | None, ...],
             right: bool | None, lock_subject: str | None) -> float | None:
        """Settle a guess of ``subjects``; when it locked ``lock_subject``, the lock's end."""
        rules = self.rules(conn)
        locked_now = None
        for subject in subjects:
            if subject is None:
                continue
            state = self.failures(conn, subject, rules.window(subject))
            state = Failures(state.count, state.pending - 1, state.locked_until)
            if right:
                state = Failures(0, state.pending)
            elif right is False:
                lock_after = rules.lock_after if subject == lock_subject else None
                was_locked = state.locked_until is not None
                state = self._failed(state, lock_after, rules.lock_seconds)
                if not was_locked and state.locked_until is not None:
                    locked_now = state.locked_until
            self._store(conn, subject, state, failed=right is False)
        return locked_now

    def _wait_for(self, db: Database, begin: Callable[[sqlite3.Connection], bool]) -> None:
        deadline = self._clock.monotonic() + MAX_WAIT_S
        while not db.write(begin):
            if self._clock.monotonic() > deadline:
                raise PoolError(errors.SYSTEM_BUSY,
                                "too many sign-ins to this account at once: try again")
            time.sleep(WAIT_STEP_S)

    @contextlib.contextmanager
    def sign_in(self, db: Database, account: str | None, address: str | None,
                captcha: Callable[[], None], *, count: bool = True) -> Iterator[Guess]:
        """Around a sign-in's password check: 2005 while the account is locked, the
        ``captcha`` check (it raises 2000 / 2001) once the account or the address has reached
        the captcha limit, and the guess counted against both by how it ends (not ``count``:
        an unknown account about to be registered). A wrong guess that locks the account
        sets ``guess.locked_until`` (see `wrong_password`)."""
        self._wait_for(db, lambda conn: self._begin_sign_in(conn, account, address, captcha,
                                                            count))
        guess = Guess()
        try:
            yield guess
        finally:
            if count:
                guess.locked_until = db.write(lambda conn: self._end(
                    conn, (account, address), guess.right, account))

    def _begin_proof(self, conn: sqlite3.Connection, subject: str) -> bool:
        rules = self.rules(conn)
        state = self.failures(conn, subject, rules.account_window)
        if state.locked_until is not None:
            raise self._locked(state.locked_until,
                               "too many wrong passwords: this account is locked")
        if rules.lock_after is not None and state.in_play >= rules.lock_after:
            return False
        self._store(conn, subject, Failures(state.count, state.pending + 1))
        return True

    @contextlib.contextmanager
    def password_proof(self, db: Database, user_id: str) -> Iterator[Guess]:
        """Around an old password's check (updatePassword, forced reset, account deletion):
        2005 while the account's passwords are locked, else the guess counted by how it
        ends."""
        subject = password_subject(user_id)
        self._wait_for(db, lambda conn: self._begin_proof(conn, subject))
        guess = Guess()
        try:
            yield guess
        finally:
            guess.locked_until = db.write(
                lambda conn: self._end(conn, (subject,), guess.right, subject))

    # ----------------------------------------------------------------- second factor
    def begin_second_factor(self, conn: sqlite3.Connection, user_id: str) -> PoolError | None:
        """In the transaction that checks a second-factor answer, before it: the 2005 error
        while the account's second step is locked, else None. Per user, whatever the mfaToken:
        a new password sign-in brings no new guesses."""
        return self._begin_answer(conn, second_factor_subject(user_id),
                                  "too many wrong second-factor codes: two-step sign-in is"
                                  " locked for this account")

    def second_factor_passed(self, conn: sqlite3.Connection, user_id: str) -> None:
        """A right answer (same transaction): the count starts afresh."""
        self.clear(conn, second_factor_subject(user_id))

    def second_factor_failed(self, conn: sqlite3.Connection, user_id: str,
                             problem: PoolError) -> PoolError:
        """Count a wrong answer (same transaction); ``problem``, saying so when it was the
        last one before the lock."""
        return self._answer_failed(conn, second_factor_subject(user_id), problem,
                                   "too many wrong second-factor codes: two-step sign-in is"
                                   " now locked for this account")

    # ----------------------------------------------------------------- passkey sign-in
    def begin_passkey(self, conn: sqlite3.Connection, user_id: str) -> PoolError | None:
        """Before a passkey sign-in of ``user_id`` is checked (same transaction): 2005 while
        that account's passkey sign-in is locked, else None."""
        return self._begin_answer(conn, passkey_subject(user_id),
                                  "too many failed passkey sign-ins: passkey sign-in is"
                                  " locked for this account")

    def passkey_passed(self, conn: sqlite3.Connection, user_id: str) -> None:
        """A verified passkey sign-in: the count starts afresh."""
        self.clear(conn, passkey_subject(user_id))

    def passkey_failed(self, conn: sqlite3.Connection, user_id: str,
                       problem: PoolError) -> PoolError:
        """Count a passkey sign-in that did not verify; ``problem``, saying so when it locked
        the account's passkey sign-in."""
        return self._answer_failed(conn, passkey_subject(user_id), problem,
                                   "too many failed passkey sign-ins: passkey sign-in is"
                                   " now locked for this account")

    # ----------------------------------------------------------------- answers
    def _begin_answer(self, conn: sqlite3.Connection, subject: str,
                      what: str) -> PoolError | None:
        state = self.failures(conn, subject)
        if state.locked_until is not None:
            return self._locked(state.locked_until, what)
        return None

    def _answer_failed(self, conn: sqlite3.Connection, subject: str, problem: PoolError,
                       what: str) -> PoolError:
        settings = self._settings
        state = self._failed(self.failures(conn, subject), settings.second_factor_lockout_after,
                             settings.lockout_seconds)
        self._store(conn, subject, state, failed=True)
        if state.locked_until is None:
            return problem
        lock = self._locked(state.locked_until, what)
        return PoolError(problem.code, f"{problem.message}; {lock.message}", lock.data)
