"""One-time SMS/email verification codes and the outbox that records every message "sent".

Codes are `verifyCodeLength` digits (the pool policy's, 6 unless an admin changed it:
docs/pool-admin.md), single use, expire after `code_lifetime`; a new code for the same
destination and scene supersedes the older one; a destination gets at most one message per
`resend_interval` and the whole pool at most `code_send_limit` per `code_send_window` (2080
otherwise); a code dies after `max_code_attempts` wrong guesses.

Codes are kept only while they live: a used, superseded or worn-out code is deleted, an expired
one loses its digits (its row stays a day so that a late answer hears "expired", not "wrong"),
and an outbox message goes when its code expires.

The outbox also holds the answer of each live captcha (`captcha`), for the pool's admin.

A VERIFY_EMAIL mail also carries a link (Authing verifies an address through a link in the
mail): ``{pool url}/_localpool/verify-email?token=...``, single use, expiring with the code.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Collection
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import ascii_digits, secret_equals
from authing_desktop.localpool.pool_policy import current_policy
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.timefmt import iso

SMS = "sms"
EMAIL = "email"
SMS_SCENE = "SMS"
CAPTCHA = "captcha"
CAPTCHA_SCENE = "CAPTCHA"
EMAIL_SCENES = ("RESET_PASSWORD", "VERIFY_EMAIL", "CHANGE_EMAIL", "MFA_VERIFY", "VERIFY_CODE")
VERIFY_EMAIL_SCENE = "VERIFY_EMAIL"
VERIFY_EMAIL_PATH = "/_localpool/verify-email"
EXPIRED_ROW_KEPT_S = 86_400.0


def token_hash(token: str) -> str:
    """The stored form of a random single-use token (links, WeChat codes)."""
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_destination(channel: str, destination: str) -> str:
    """Emails compare case-insensitively, phones exactly."""
    return destination.strip().lower() if channel == EMAIL else destination.strip()


def purge_dead_codes(conn: sqlite3.Connection, now: float) -> None:
    """Erase what no longer lives: expired codes' digits, expired outbox messages, old rows."""
    conn.execute("UPDATE verification_codes SET code = '' WHERE expires_at <= ? AND code != ''",
                 (now,))
    conn.execute("DELETE FROM verification_codes WHERE expires_at <= ?",
                 (now - EXPIRED_ROW_KEPT_S,))
    conn.execute("DELETE FROM outbox WHERE expires_at <= ?", (now,))
    conn.execute("DELETE FROM social_codes WHERE expires_at <= ?", (now - EXPIRED_ROW_KEPT_S,))


class CodeService:
    """Sends (records) and checks verification codes."""

    def __init__(self, settings: PoolSettings, clock: Clock, link_base: str = "") -> None:
        self._settings = settings
        self._link_base = link_base.rstrip("/")
        self._clock = clock

    def _check_send_limits(self, conn: sqlite3.Connection, channel: str, target: str,
                           now: float) -> None:
        settings = self._settings
        window = settings.code_send_window
        conn.execute("DELETE FROM code_sends WHERE sent_at <= ?",
                     (now - max(window, settings.resend_interval),))
        last = conn.execute(
            "SELECT MAX(sent_at) FROM code_sends WHERE channel = ? AND destination = ?",
            (channel, target)).fetchone()[0]
        interval = settings.resend_interval
        if last is not None and now - last < interval:
            wait = max(1, int(interval - (now - last) + 0.999))
            raise PoolError(
                errors.SEND_TOO_OFTEN,
                f"a code was sent to this {'phone' if channel == SMS else 'email'} recently;"
                f" retry in {wait} s",
                {"retryAfter": wait},
            )
        sent, oldest = conn.execute("SELECT COUNT(*), MIN(sent_at) FROM code_sends"
                                    " WHERE sent_at > ?", (now - window,)).fetchone()
        if sent >= settings.code_send_limit:
            wait = max(1, int(oldest + window - now + 0.999))
            raise PoolError(errors.SEND_TOO_OFTEN,
                            f"the pool sent too many codes in a short time; retry in {wait} s",
                            {"retryAfter": wait})
        conn.execute("INSERT INTO code_sends(channel, destination, sent_at) VALUES (?, ?, ?)",
                     (channel, target, now))

    def send(self, conn: sqlite3.Connection, channel: str, destination: str, scene: str) -> str:
        """Create a code for ``destination`` and put it in the outbox (in ``conn``'s txn)."""
        now = self._clock.now()
        target = normalize_destination(channel, destination)
        self._check_send_limits(conn, channel, target, now)
        purge_dead_codes(conn, now)
        digits = current_policy(conn, self._settings).verify_code_length
        code = f"{secrets.randbelow(10 ** digits):0{digits}d}"
        expires = now + self._settings.code_lifetime
        conn.execute("DELETE FROM verification_codes WHERE channel = ? AND destination = ?"
                     " AND scene = ?", (channel, target, scene))
        conn.execute(
            "INSERT INTO verification_codes(channel, destination, scene, code, created_at,"
            " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (channel, target, scene, code, now, expires),
        )
        link = None
        if channel == EMAIL and scene == VERIFY_EMAIL_SCENE:
            link = self._new_link(conn, target, now)
        conn.execute(
            "INSERT INTO outbox(channel, destination, scene, code, created_at, link, expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (channel, target if channel == EMAIL else destination.strip(), scene, code, now,
             link, expires),
        )
        return code

    def _new_link(self, conn: sqlite3.Connection, email: str, now: float) -> str:
        """A one-time verification link for ``email``; older live links of it are spent."""
        token = secrets.token_urlsafe(32)
        conn.execute(
            "UPDATE email_verification_links SET used_at = ? WHERE email = ? AND used_at IS NULL",
            (now, email),
        )
        conn.execute(
            "INSERT INTO email_verification_links(token_hash, email, created_at, expires_at)"
            " VALUES (?, ?, ?, ?)",
            (token_hash(token), email, now, now + self._settings.code_lifetime),
        )
        return f"{self._link_base}{VERIFY_EMAIL_PATH}?token={token}"

    def use_link(self, conn: sqlite3.Connection, token: str | None) -> str:
        """Spend a verification link's token; its email address (2001 unknown or used, 2300
        expired)."""
        if not token or len(token) > 128:
            raise PoolError(errors.WRONG_CODE, "the verification link is not valid")
        row = conn.execute(
            "SELECT email, expires_at, used_at FROM email_verification_links"
            " WHERE token_hash = ?", (token_hash(token),),
        ).fetchone()
        if row is None or row["used_at"] is not None:
            raise PoolError(errors.WRONG_CODE,
                            "the verification link is not valid or was already used")
        now = self._clock.now()
        if row["expires_at"] <= now:
            raise PoolError(errors.CODE_EXPIRED, "the verification link has expired")
        conn.execute("UPDATE email_verification_links SET used_at = ? WHERE token_hash = ?",
                     (now, token_hash(token)))
        return str(row["email"])

    def verify(
        self, conn: sqlite3.Connection, channel: str, destination: str, code: str | None,
        scenes: Collection[str],
    ) -> PoolError | None:
        """Burn ``code`` for ``destination``; the error (2001 wrong or used, 2300 expired) is
        returned, not raised, so that the caller can commit the attempt count first."""
        if not code:
            return PoolError(errors.WRONG_CODE, "verification code required")
        now = self._clock.now()
        purge_dead_codes(conn, now)
        target = normalize_destination(channel, destination)
        marks = ",".join("?" for _ in scenes)
        rows = conn.execute(
            f"SELECT id, code, expires_at FROM verification_codes WHERE channel = ?"  # noqa: S608
            f" AND destination = ? AND scene IN ({marks}) ORDER BY created_at DESC",
            (channel, target, *scenes),
        ).fetchall()
        live = [row for row in rows if row["expires_at"] > now]
        # Anything but digits cannot be a code of ours; a code keeps the length it was sent
        # with, whatever the policy says now.
        given = ascii_digits(code)
        for row in live:
            if given is not None and secret_equals(given, str(row["code"])):
                conn.execute("DELETE FROM verification_codes WHERE id = ?", (row["id"],))
                return None
        if rows and not live:
            return PoolError(errors.CODE_EXPIRED, "the verification code has expired")
        # A wrong guess costs every live code of this destination one attempt.
        for row in live:
            conn.execute("UPDATE verification_codes SET attempts = attempts + 1 WHERE id = ?",
                         (row["id"],))
            conn.execute("DELETE FROM verification_codes WHERE id = ? AND attempts >= ?",
                         (row["id"], self._settings.max_code_attempts))
        return PoolError(errors.WRONG_CODE, "wrong or already used verification code")


def record_captcha(conn: sqlite3.Connection, key: str, code: str, now: float,
                   lifetime: float) -> None:
    """Put a captcha's answer in the outbox under its caller ``key``: one message per key
    (the newest captcha replaces the older ones), gone once it expires."""
    conn.execute("DELETE FROM outbox WHERE channel = ? AND (destination = ? OR expires_at <= ?)",
                 (CAPTCHA, key, now))
    conn.execute(
        "INSERT INTO outbox(channel, destination, scene, code, created_at, expires_at)"
        " VALUES (?, ?, ?, ?, ?, ?)", (CAPTCHA, key, CAPTCHA_SCENE, code, now, now + lifetime))


def read_outbox(conn: sqlite3.Connection, now: float, limit: int = 500) -> list[dict[str, Any]]:
    """The newest ``limit`` messages still live at ``now`` (codes, links, captcha answers),
    newest first."""
    rows = conn.execute(
        "SELECT channel, destination, scene, code, created_at, link FROM outbox"
        " WHERE expires_at > ? ORDER BY created_at DESC, id DESC LIMIT ?",
        (now, limit),
    ).fetchall()
    return [
        {"channel": row["channel"], "to": row["destination"], "scene": row["scene"],
         "code": row["code"], "createdAt": iso(row["created_at"]), "link": row["link"]}
        for row in rows
    ]
