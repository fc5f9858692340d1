"""Second factors of the pool's users and the sign-in challenge (docs/protocol.md, MFA challenge).

- **OTP** (TOTP, RFC 6238: SHA1, 6 digits, 30 s): associate stores a pending secret and one
  recovery code (only its hash), confirm enables it. A sign-in code is accepted once (the
  step is remembered) within ±1 step of the pool's clock.
- **SMS / EMAIL**: an enrolled phone or email target; codes come from the outbox.
- **PASSKEY**: a registered passkey, when the pool's ``passkey_second_factor`` setting makes it
  a second factor (docs/passkeys.md); its answer is checked by `passkey_mfa`.
- **Challenge**: `SecondFactors.challenge` runs before a login token is issued. A user with
  an enabled factor gets 1635 (an OTP is enrolled: personal MFA) or 1636 (only SMS / email:
  application MFA) carrying an ``mfaToken``: an HS256 JWT signed with a key derived from the
  app secret for this purpose only, so it is never a login token and no login token is one.
  mfaTokens are stateless until verified; their first verification attempt creates an
  ``mfa_challenges`` row that caps the guesses (`MAX_CHALLENGE_ATTEMPTS`, then the token is
  dead: 2021) and makes the token single-use.

This module does not depend on `PoolCore` (which calls the challenge); the routes that
complete a sign-in live in `mfa`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

import jwt
import pyotp

from authing_desktop.localpool import errors
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import PoolIdentity, new_id
from authing_desktop.localpool.inputs import ascii_digits
from authing_desktop.localpool.passkey_policy import MFA_POLICY
from authing_desktop.localpool.passkey_store import has_passkey
from authing_desktop.localpool.tokens import decode_on

OTP = "OTP"
SMS = "SMS"
EMAIL = "EMAIL"
FACTOR_TYPES = (OTP, SMS, EMAIL)
SELF = "SELF"
APPLICATION = "APPLICATION"

# Authing's codes (docs/protocol.md, Error codes).
PERSONAL_MFA_REQUIRED = 1635
APPLICATION_MFA_REQUIRED = 1636
MFA_TOKEN_INVALID = 2021
TOTP_WRONG = 6001
RECOVERY_CODE_WRONG = 6002
TOTP_MISSING = 6003
RECOVERY_CODE_MISSING = 6004

MFA_TOKEN_LIFETIME_S = 360
MAX_CHALLENGE_ATTEMPTS = 5
MAX_CONFIRM_ATTEMPTS = 5
TOTP_PERIOD_S = 30
TOTP_DIGITS = 6
TOTP_WINDOW = 1  # accepted clock skew, in steps either way


def _hash_recovery(code: str) -> str:
    normalized = "".join(code.split()).replace("-", "").lower()
    return hashlib.sha256(normalized.encode()).hexdigest()


def new_recovery_code() -> str:
    """Six groups of four hex digits (``8477-a1a6-662c-a750-bbb4-72a9``)."""
    raw = secrets.token_hex(12)
    return "-".join(raw[i:i + 4] for i in range(0, 24, 4))


@dataclass(frozen=True)
class Challenge:
    """A verified mfaToken: whose sign-in it holds up and how that sign-in started."""

    jti: str
    user_id: str
    method: str
    expires_at: float


class SecondFactors:
    """Factor storage, TOTP checks, the sign-in challenge and its mfaTokens."""

    def __init__(self, identity: PoolIdentity, clock: Clock, *,
                 passkey_factor: bool = False) -> None:
        self._clock = clock
        self._identity = identity
        self.passkey_factor = passkey_factor
        # A separate key: an mfaToken must never verify as a login token (or the reverse).
        self._key = hmac.new(identity.app_secret.encode(), b"localpool mfaToken",
                             hashlib.sha256).hexdigest()

    # ================================================================= factors
    @staticmethod
    def factor(conn: sqlite3.Connection, user_id: str, factor_type: str) -> sqlite3.Row | None:
        """The user's factor row of ``factor_type`` (enabled or pending)."""
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM mfa_factors WHERE user_id = ? AND factor_type = ?",
            (user_id, factor_type)).fetchone()
        return row

    @staticmethod
    def enabled(conn: sqlite3.Connection, user_id: str) -> list[sqlite3.Row]:
        """The user's enabled factors, OTP first."""
        return list(conn.execute(
            "SELECT * FROM mfa_factors WHERE user_id = ? AND enabled = 1 ORDER BY"
            " CASE factor_type WHEN 'OTP' THEN 0 WHEN 'SMS' THEN 1 ELSE 2 END",
            (user_id,)).fetchall())

    def passkey_counts(self, conn: sqlite3.Connection, user_id: str) -> bool:
        """Whether the user has a passkey and the pool makes passkeys second factors."""
        return self.passkey_factor and has_passkey(conn, user_id)

    def has_mfa(self, conn: sqlite3.Connection, user_id: str) -> bool:
        """Whether any second factor is enabled (the security level counts it)."""
        return bool(self.enabled(conn, user_id)) or self.passkey_counts(conn, user_id)

    @staticmethod
    def factor_view(row: sqlite3.Row) -> dict[str, Any]:
        """v3 ``{factorId, factorType, profile}`` (no secret, no recovery code)."""
        profile: dict[str, Any] = {}
        if row["factor_type"] == SMS:
            profile = {"phoneNumber": row["target"]}
        elif row["factor_type"] == EMAIL:
            profile = {"email": row["target"]}
        return {"factorId": row["id"], "factorType": row["factor_type"], "profile": profile,
                "createdAt": row["created_at"]}

    def associate_totp(self, conn: sqlite3.Connection, user: sqlite3.Row,
                       source: str, issuer: str) -> dict[str, Any]:
        """Start (or restart) TOTP enrolment: a pending secret and recovery code (docs/protocol.md,
        TOTP enrolment).
        An enabled OTP must be removed first (1001): enrolment never replaces a live one."""
        existing = self.factor(conn, user["id"], OTP)
        if existing is not None and existing["enabled"]:
            raise PoolError(errors.NO_PERMISSION,
                            "an authenticator is already bound: remove it first")
        secret = pyotp.random_base32()
        recovery = new_recovery_code()
        now = self._clock.now()
        conn.execute("DELETE FROM mfa_factors WHERE user_id = ? AND factor_type = ?",
                     (user["id"], OTP))
        conn.execute(
            "INSERT INTO mfa_factors(id, user_id, factor_type, source, secret,"
            " recovery_code_hash, recovery_code_at, enabled, created_at, updated_at)"
            " VALUES (?, ?, 'OTP', ?, ?, ?, ?, 0, ?, ?)",
            (new_id(), user["id"], source, secret, _hash_recovery(recovery), now, now, now),
        )
        account = user["email"] or user["username"] or user["phone"] or user["id"]
        uri = pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_PERIOD_S).provisioning_uri(
            name=str(account), issuer_name=issuer)
        return {"authenticator_type": "totp", "secret": secret, "qrcode_uri": uri,
                "qrcode_data_url": _qr_data_url(uri), "recovery_code": recovery}

    def confirm_totp(self, conn: sqlite3.Connection, user_id: str,
                     totp: str | None) -> PoolError | None:
        """Enable the pending OTP when ``totp`` is right; the error is returned (so that the
        attempt count commits): 6003 missing, 400 wrong (docs/protocol.md, TOTP enrolment), 404
        nothing pending."""
        row = self.factor(conn, user_id, OTP)
        if row is None or row["enabled"]:
            return PoolError(errors.NOT_FOUND, "no authenticator is waiting for confirmation:"
                             " start with associate")
        if not totp or not totp.strip():
            return PoolError(TOTP_MISSING, "the authenticator code is required")
        if self._totp_matches(row["secret"], totp) is None:
            attempts = row["attempts"] + 1
            if attempts >= MAX_CONFIRM_ATTEMPTS:
                conn.execute("DELETE FROM mfa_factors WHERE id = ?", (row["id"],))
                return PoolError(errors.BAD_ARGUMENT,
                                 "wrong authenticator code, too many tries: start again")
            conn.execute("UPDATE mfa_factors SET attempts = ? WHERE id = ?",
                         (attempts, row["id"]))
            return PoolError(errors.BAD_ARGUMENT, "wrong authenticator code")
        conn.execute("UPDATE mfa_factors SET enabled = 1, attempts = 0, updated_at = ?"
                     " WHERE id = ?", (self._clock.now(), row["id"]))
        return None

    def _totp_matches(self, secret: str, code: str, after_step: int | None = None) -> int | None:
        """The matching time step of ``code`` (within the window, later than
        ``after_step``), else None."""
        digits = ascii_digits(code, TOTP_DIGITS)
        if digits is None:
            return None
        totp = pyotp.TOTP(secret, digits=TOTP_DIGITS, interval=TOTP_PERIOD_S)
        now_step = int(self._clock.now()) // TOTP_PERIOD_S
        for step in range(now_step - TOTP_WINDOW, now_step + TOTP_WINDOW + 1):
            if after_step is not None and step <= after_step:
                continue
            if hmac.compare_digest(totp.at(step * TOTP_PERIOD_S), digits):
                return step
        return None

    def check_totp(self, conn: sqlite3.Connection, user_id: str,
                   totp: str | None) -> PoolError | None:
        """Accept a sign-in TOTP once (6003 missing, 6001 wrong or replayed)."""
        if not totp or not str(totp).strip():
            return PoolError(TOTP_MISSING, "the authenticator code is required")
        row = self.factor(conn, user_id, OTP)
        if row is None or not row["enabled"]:
            return PoolError(TOTP_WRONG, "no authenticator is bound to this account")
        step = self._totp_matches(row["secret"], str(totp), row["last_used_step"])
        if step is None:
            return PoolError(TOTP_WRONG, "wrong authenticator code, try again")
        conn.execute("UPDATE mfa_factors SET last_used_step = ? WHERE id = ?", (step, row["id"]))
        return None

    def use_recovery_code(self, conn: sqlite3.Connection, user_id: str,
                          code: str | None) -> tuple[str | None, PoolError | None]:
        """Consume the recovery code: ``(new code, None)``, or ``(None, error)`` with 6004
        (missing) or 6002 (wrong)."""
        if not code or not str(code).strip():
            return None, PoolError(RECOVERY_CODE_MISSING, "the recovery code is required")
        row = self.factor(conn, user_id, OTP)
        if row is None or not row["enabled"] or not hmac.compare_digest(
                row["recovery_code_hash"] or "", _hash_recovery(str(code))):
            return None, PoolError(RECOVERY_CODE_WRONG, "wrong recovery code")
        return self.replace_recovery_code(conn, row["id"]), None

    @staticmethod
    def recovery_state(conn: sqlite3.Connection, user_id: str) -> dict[str, Any]:
        """Whether the enabled authenticator has a recovery code, and since when (epoch
        seconds, None when unknown); never the code, which is kept only as a hash."""
        row = conn.execute(
            "SELECT recovery_code_hash, recovery_code_at FROM mfa_factors"
            " WHERE user_id = ? AND factor_type = 'OTP' AND enabled = 1", (user_id,)).fetchone()
        exists = row is not None and bool(row["recovery_code_hash"])
        return {"exists": exists, "created_at": row["recovery_code_at"] if exists else None}

    def replace_recovery_code(self, conn: sqlite3.Connection, factor_id: str) -> str:
        """A new recovery code for the OTP factor ``factor_id``; the previous one is dead from
        this transaction on. The code is returned once and only its hash is stored."""
        fresh = new_recovery_code()
        now = self._clock.now()
        conn.execute("UPDATE mfa_factors SET recovery_code_hash = ?, recovery_code_at = ?,"
                     " updated_at = ? WHERE id = ?", (_hash_recovery(fresh), now, now, factor_id))
        return fresh

    def enroll_target(self, conn: sqlite3.Connection, user_id: str, factor_type: str,
                      target: str) -> str:
        """Enable an SMS / EMAIL factor for ``target`` (replacing the previous one)."""
        now = self._clock.now()
        factor_id = new_id()
        conn.execute("DELETE FROM mfa_factors WHERE user_id = ? AND factor_type = ?",
                     (user_id, factor_type))
        conn.execute(
            "INSERT INTO mfa_factors(id, user_id, factor_type, source, target, enabled,"
            " created_at, updated_at) VALUES (?, ?, ?, 'APPLICATION', ?, 1, ?, ?)",
            (factor_id, user_id, factor_type, target, now, now),
        )
        return factor_id

    @staticmethod
    def remove(conn: sqlite3.Connection, user_id: str, *, factor_type: str | None = None,
               factor_id: str | None = None) -> bool:
        """Remove one factor (by type or id); whether one was removed."""
        if factor_id is not None:
            cursor = conn.execute("DELETE FROM mfa_factors WHERE user_id = ? AND id = ?",
                                  (user_id, factor_id))
        else:
            cursor = conn.execute(
                "DELETE FROM mfa_factors WHERE user_id = ? AND factor_type = ?",
                (user_id, factor_type))
        return cursor.rowcount > 0

    # ================================================================= challenge
    def challenge(self, conn: sqlite3.Connection, user: sqlite3.Row, method: str) -> None:
        """Raise 1635 / 1636 with the challenge data when ``user`` has an enabled factor."""
        factors = self.enabled(conn, user["id"])
        passkey = self.passkey_counts(conn, user["id"])
        if not factors and not passkey:
            return
        kinds = [row["factor_type"] for row in factors] + ([MFA_POLICY] if passkey else [])
        targets = {row["factor_type"]: row["target"] for row in factors}
        personal = OTP in kinds
        data = {
            "mfaToken": self.issue_token(user["id"], method),
            "nickname": user["nickname"], "username": user["username"],
            "email": user["email"], "phone": user["phone"],
            "phoneCountryCode": user["phone_country_code"], "avatar": user["photo"],
            "mfaPhone": targets.get(SMS), "mfaPhoneCountryCode": None,
            "mfaEmail": targets.get(EMAIL),
            "totpMfaEnabled": personal, "faceMfaEnabled": False, "passkeyEnabled": passkey,
            "applicationMfa": [{"mfaPolicy": kind, "status": 1, "sort": index}
                               for index, kind in enumerate(kinds)],
        }
        if personal:
            raise PoolError(PERSONAL_MFA_REQUIRED,
                            "enter the code of your authenticator app", data)
        raise PoolError(APPLICATION_MFA_REQUIRED, "a second factor is required", data)

    def issue_token(self, user_id: str, method: str) -> str:
        """A new mfaToken (docs/protocol.md, MFA challenge: its payload, plus ``jti`` and the
        sign-in method)."""
        now = int(self._clock.now())
        pool_id = self._identity.user_pool_id
        claims = {
            "data": {"userPoolId": pool_id, "userId": user_id,
                     "arn": f"arn:cn:authing:{pool_id}:user:{user_id}", "stage": 1,
                     "method": method},
            "jti": secrets.token_hex(16), "iat": now, "exp": now + MFA_TOKEN_LIFETIME_S,
        }
        return jwt.encode(claims, self._key, "HS256")

    def read_token(self, token: str | None) -> Challenge:
        """The challenge behind an mfaToken's signature and expiry (2021 otherwise)."""
        if not token:
            raise PoolError(MFA_TOKEN_INVALID, "the mfaToken is missing")
        try:
            claims = decode_on(self._clock, token, self._key, algorithms=["HS256"],
                               require=["exp", "iat", "jti"])
        except jwt.PyJWTError as exc:
            raise PoolError(MFA_TOKEN_INVALID,
                            "the two-step sign-in expired or is invalid: sign in again") from exc
        data = claims.get("data")
        if not isinstance(data, dict) or data.get("userPoolId") != self._identity.user_pool_id \
                or not isinstance(data.get("userId"), str):
            raise PoolError(MFA_TOKEN_INVALID, "the mfaToken is not for this user pool")
        return Challenge(jti=str(claims["jti"]), user_id=data["userId"],
                         method=str(data.get("method") or "login"),
                         expires_at=float(claims["exp"]))

    def open_challenge(self, conn: sqlite3.Connection, challenge: Challenge) -> PoolError | None:
        """Start an attempt on ``challenge`` (2021 when it was used or ran out of tries)."""
        conn.execute(
            "INSERT OR IGNORE INTO mfa_challenges(jti, user_id, expires_at) VALUES (?, ?, ?)",
            (challenge.jti, challenge.user_id, challenge.expires_at))
        row = conn.execute("SELECT attempts, used_at FROM mfa_challenges WHERE jti = ?",
                           (challenge.jti,)).fetchone()
        if row["used_at"] is not None or row["attempts"] >= MAX_CHALLENGE_ATTEMPTS:
            return PoolError(MFA_TOKEN_INVALID,
                             "this two-step sign-in is used up: sign in again")
        # Expired challenges are never needed again (their tokens no longer verify).
        conn.execute("DELETE FROM mfa_challenges WHERE expires_at < ?", (self._clock.now() - 60,))
        return None

    @staticmethod
    def fail_challenge(conn: sqlite3.Connection, challenge: Challenge) -> None:
        """Count one wrong answer."""
        conn.execute("UPDATE mfa_challenges SET attempts = attempts + 1 WHERE jti = ?",
                     (challenge.jti,))

    def close_challenge(self, conn: sqlite3.Connection, challenge: Challenge) -> None:
        """The challenge was answered: its token cannot be used again."""
        conn.execute("UPDATE mfa_challenges SET used_at = ? WHERE jti = ?",
                     (self._clock.now(), challenge.jti))


def _qr_data_url(uri: str) -> str:
    import segno  # only needed at enrolment

    data_url: str = segno.make(uri, error="m").png_data_uri(scale=4, border=2)
    return data_url
