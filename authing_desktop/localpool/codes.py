"""One-time SMS/email verification codes and the outbox that records every message "sent".

Codes are 6 digits, single use, expire after `code_lifetime`; a new code for the same
destination and scene supersedes the older one; a destination gets at most one message per
`resend_interval` (2080 otherwise); a code dies after `max_code_attempts` wrong guesses.
"""

from __future__ import annotations

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


def normalize_destination(channel: str, destination: str) -> str:
    """Emails compare case-insensitively, phones exactly."""
    return destination.strip().lower() if channel == EMAIL else destination.strip()


class CodeService:
    """Sends (records) and checks verification codes."""

    def __init__(self, settings: PoolSettings) -> None:
        self._settings = settings

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
        conn.execute(
            "INSERT INTO outbox(channel, destination, scene, code, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (channel, target if channel == EMAIL else destination.strip(), scene, code, now),
        )
        return code

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
        "SELECT channel, destination, scene, code, created_at FROM outbox"
        " ORDER BY created_at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        {"channel": row["channel"], "to": row["destination"], "scene": row["scene"],
         "code": row["code"], "createdAt": iso(row["created_at"])}
        for row in rows
    ]
