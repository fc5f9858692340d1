"""One-time SMS/email verification codes and the outbox that records every message "sent".

Codes are 6 digits, single use, expire after `code_lifetime`; a new code for the same
destination and scene supersedes the older one; a destination gets at most one message per
`resend_interval` (2080 otherwise); a code dies after `max_code_attempts` wrong guesses.

A VERIFY_EMAIL mail also carries a link (Authing verifies an address through a link in the
mail): ``{pool url}/_localpool/verify-email?token=...``, single use, expiring with the code.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import time
from collections.abc import Collection
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.timefmt import iso

SMS = "sms"
EMAIL = "email"
SMS_SCENE = "SMS"
EMAIL_SCENES = ("RESET_PASSWORD", "VERIFY_EMAIL", "CHANGE_EMAIL", "MFA_VERIFY", "VERIFY_CODE")
VERIFY_EMAIL_SCENE = "VERIFY_EMAIL"
VERIFY_EMAIL_PATH = "/_localpool/verify-email"


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_destination(channel: str, destination: str) -> str:
    """Emails compare case-insensitively, phones exactly."""
    return destination.strip().lower() if channel == EMAIL else destination.strip()


class CodeService:
    """Sends (records) and checks verification codes."""

    def __init__(self, settings: PoolSettings, link_base: str = "") -> None:
        self._settings = settings
        self._link_base = link_base.rstrip("/")

    def send(self, conn: sqlite3.Connection, channel: str, destination: str, scene: str) -> str:
        """Create a code for ``destination`` and put it in the outbox (in ``conn``'s txn)."""
        now = time.time()
        target = normalize_destination(channel, destination)
        last = conn.execute(
            "SELECT MAX(created_at) FROM outbox WHERE channel = ? AND destination = ?"
            " COLLATE NOCASE",
            (channel, target),
        ).fetchone()[0]
        interval = self._settings.resend_interval
        if last is not None and now - last < interval:
            wait = max(1, int(interval - (now - last) + 0.999))
            raise PoolError(
                errors.SEND_TOO_OFTEN,
                f"a code was sent to this {'phone' if channel == SMS else 'email'} recently;"
                f" retry in {wait} s",
                {"retryAfter": wait},
            )
        code = f"{secrets.randbelow(1_000_000):06d}"
        conn.execute(
            "UPDATE verification_codes SET used_at = ? WHERE channel = ? AND destination = ?"
            " AND scene = ? AND used_at IS NULL",
            (now, channel, target, scene),
        )
        conn.execute(
            "INSERT INTO verification_codes(channel, destination, scene, code, created_at,"
            " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (channel, target, scene, code, now, now + self._settings.code_lifetime),
        )
        link = None
        if channel == EMAIL and scene == VERIFY_EMAIL_SCENE:
            link = self._new_link(conn, target, now)
        conn.execute(
            "INSERT INTO outbox(channel, destination, scene, code, created_at, link)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (channel, target if channel == EMAIL else destination.strip(), scene, code, now,
             link),
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
            (_token_hash(token), email, now, now + self._settings.code_lifetime),
        )
        return f"{self._link_base}{VERIFY_EMAIL_PATH}?token={token}"

    def use_link(self, conn: sqlite3.Connection, token: str | None) -> str:
        """Spend a verification link's token; its email address (2001 unknown or used, 2300
        expired)."""
        if not token or len(token) > 128:
            raise PoolError(errors.WRONG_CODE, "the verification link is not valid")
        row = conn.execute(
            "SELECT email, expires_at, used_at FROM email_verification_links"
            " WHERE token_hash = ?", (_token_hash(token),),
        ).fetchone()
        if row is None or row["used_at"] is not None:
            raise PoolError(errors.WRONG_CODE,
                            "the verification link is not valid or was already used")
        now = time.time()
        if row["expires_at"] <= now:
            raise PoolError(errors.CODE_EXPIRED, "the verification link has expired")
        conn.execute("UPDATE email_verification_links SET used_at = ? WHERE token_hash = ?",
                     (now, _token_hash(token)))
        return str(row["email"])

    def verify(
        self, conn: sqlite3.Connection, channel: str, destination: str, code: str | None,
        scenes: Collection[str],
    ) -> PoolError | None:
        """Burn ``code`` for ``destination``; the error (2001 wrong or used, 2300 expired) is
        returned, not raised, so that the caller can commit the attempt count first."""
        if not code:
            return PoolError(errors.WRONG_CODE, "verification code required")
        now = time.time()
        target = normalize_destination(channel, destination)
        marks = ",".join("?" for _ in scenes)
        live = conn.execute(
            f"SELECT id, code, expires_at FROM verification_codes WHERE channel = ?"  # noqa: S608
            f" AND destination = ? AND scene IN ({marks}) AND used_at IS NULL"
            f" ORDER BY created_at DESC",
            (channel, target, *scenes),
        ).fetchall()
        for row in live:
            if secrets.compare_digest(str(row["code"]), str(code).strip()):
                if row["expires_at"] <= now:
                    return PoolError(errors.CODE_EXPIRED, "the verification code has expired")
                conn.execute("UPDATE verification_codes SET used_at = ? WHERE id = ?",
                             (now, row["id"]))
                return None
        # A wrong guess costs every live code of this destination one attempt.
        for row in live:
            conn.execute(
                "UPDATE verification_codes SET attempts = attempts + 1,"
                " used_at = CASE WHEN attempts + 1 >= ? THEN ? ELSE used_at END WHERE id = ?",
                (self._settings.max_code_attempts, now, row["id"]),
            )
        return PoolError(errors.WRONG_CODE, "wrong or already used verification code")


def read_outbox(conn: sqlite3.Connection, limit: int = 500) -> list[dict[str, Any]]:
    """The newest ``limit`` outbox messages, newest first."""
    rows = conn.execute(
        "SELECT channel, destination, scene, code, created_at, link FROM outbox"
        " ORDER BY created_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        {"channel": row["channel"], "to": row["destination"], "scene": row["scene"],
         "code": row["code"], "createdAt": iso(row["created_at"]), "link": row["link"]}
        for row in rows
    ]
