"""Step-up: proving it is me again before a sensitive change (docs/step-up.md). Every local
choice of the step-up rule is here, and only here.

The rule (the spec's local proposal): a guarded change is accepted when the session's last
proof is at most the policy's ``stepUpMaxAge`` seconds old (`DEFAULT_MAX_AGE_S`; 0 turns the
rule off), or when the ``x-authing-stepup-token`` header carries a live proof from
``POST /api/v3/stepup/verify``; otherwise it is refused with `REAUTH_REQUIRED` (1650, v3
statusCode 403) before anything changes.

- A session's last proof is its sign-in (``tokens.proven_at``, carried over when the token is
  refreshed, so a refresh proves nothing); a token from before the column existed counts from
  when it was issued.
- A step-up proof lives `PROOF_LIFETIME_S`, is bound to the user *and* the session (the login
  token) that asked for it, and may be used again within its life (the app keeps it for the
  next sensitive call, like a fresh sign-in). Only its SHA-256 is stored.
- Methods: PASSWORD (the account's password guess limit), TOTP (the second-factor guess limit,
  a code is accepted once), PHONE_PASSCODE / EMAIL_PASSCODE (a code sent to the bound phone /
  email by the v3 ``send-sms`` / ``send-email`` with `STEP_UP_CHANNEL`; each code has its
  attempt limit), PASSKEY (an assertion of one of the account's passkeys, `step_up_passkey`;
  the passkey guess limit).
"""

from __future__ import annotations

import hashlib
import sqlite3

from authing_desktop.localpool.errors import PoolError

STEP_UP_HEADER = "x-authing-stepup-token"
REAUTH_REQUIRED = 1650
DEFAULT_MAX_AGE_S = 300
MAX_MAX_AGE_S = 86_400
PROOF_LIFETIME_S = 300
# The code channel of a step-up code (SMS and email alike) and the scene it is stored under.
STEP_UP_CHANNEL = "CHANNEL_IDENTITY_VERIFICATION"
STEP_UP_SCENE = "STEP_UP"
PASSWORD, TOTP, PHONE_PASSCODE, EMAIL_PASSCODE, PASSKEY = (
    "PASSWORD", "TOTP", "PHONE_PASSCODE", "EMAIL_PASSCODE", "PASSKEY")
METHODS = (PASSWORD, TOTP, PHONE_PASSCODE, EMAIL_PASSCODE, PASSKEY)


def proof_hash(token: str) -> str:
    """What is stored of a step-up proof."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def refusal(max_age: int) -> PoolError:
    """The 1650 answer of a guarded change without a recent proof."""
    return PoolError(REAUTH_REQUIRED, "re-authentication required",
                     {"maxAge": max_age, "header": STEP_UP_HEADER})


def signed_in_recently(signed_in_at: float, *, now: float, max_age: int) -> bool:
    """The rule for a browser session of the hosted pages, which cannot send the header: its
    sign-in is at most ``max_age`` seconds old (0 turns the rule off)."""
    return max_age <= 0 or signed_in_at >= now - max_age


def _session_fresh(conn: sqlite3.Connection, jti: str | None, oldest: float) -> bool:
    row = conn.execute("SELECT COALESCE(proven_at, issued_at) AS proven FROM tokens"
                       " WHERE jti = ?", (jti,)).fetchone()
    return row is not None and row["proven"] is not None and row["proven"] >= oldest


def _proof_live(conn: sqlite3.Connection, user_id: str, jti: str | None, presented: str,
                now: float) -> bool:
    row = conn.execute("SELECT user_id, session_jti, expires_at FROM stepup_proofs"
                       " WHERE token_hash = ?", (proof_hash(presented),)).fetchone()
    return (row is not None and row["user_id"] == user_id and row["session_jti"] == jti
            and row["expires_at"] > now)


def require_recent_proof(conn: sqlite3.Connection, *, now: float, max_age: int, user_id: str,
                         jti: str | None, presented: str | None) -> None:
    """Refuse (1650) unless the session ``jti`` of ``user_id`` proved itself within
    ``max_age`` seconds or ``presented`` is a live step-up proof of that session."""
    if max_age <= 0 or _session_fresh(conn, jti, now - max_age):
        return
    if presented and _proof_live(conn, user_id, jti, presented, now):
        return
    raise refusal(max_age)
