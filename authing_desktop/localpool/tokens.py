"""Login tokens (docs/protocol.md, Tokens): HS256 id_tokens signed with the app secret, recorded by
jti so
that logout can revoke them and `users/me` can tell live tokens from dead ones."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jwt

from authing_desktop.localpool import errors
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import PoolIdentity
from authing_desktop.localpool.timefmt import iso

LOGIN = "login"
FIRST_LOGIN = "first_login"
FORCE_RESET = "force_reset"
PURPOSE_TOKEN_LIFETIME_S = 600.0


@dataclass(frozen=True)
class IssuedToken:
    """A freshly issued token and its timing."""

    token: str
    jti: str
    iat: int
    exp: int


@dataclass(frozen=True)
class Authenticated:
    """A verified request token and its user row."""

    token: str
    jti: str
    user: sqlite3.Row


def decode_on(clock: Clock, token: str, key: Any, *, require: list[str],
              **kwargs: Any) -> dict[str, Any]:
    """``jwt.decode`` with the expiry checked against the pool's clock, not the wall clock
    (PyJWT's own time checks are off: ``iat`` and ``exp`` come from this same clock)."""
    claims: dict[str, Any] = jwt.decode(token, key, options={
        "require": require, "verify_exp": False, "verify_iat": False, "verify_nbf": False,
    }, **kwargs)
    exp = claims.get("exp")
    if exp is not None:
        try:
            expired = int(exp) <= clock.now()
        except (TypeError, ValueError, OverflowError):
            raise jwt.DecodeError("exp must be an integer") from None
        if expired:
            raise jwt.ExpiredSignatureError("Signature has expired")
    return claims


def bearer_token(header: str | None) -> str | None:
    """The token of an ``Authorization`` header (``Bearer <jwt>`` or a bare ``<jwt>``)."""
    if not header:
        return None
    value = header.strip()
    if value.lower().startswith("bearer "):
        value = value[7:].strip()
    return value or None


class TokenService:
    """Issues, verifies and revokes the pool's tokens."""

    def __init__(self, identity: PoolIdentity, *,
                 lifetime: float | Callable[[sqlite3.Connection], float], issuer: str,
                 clock: Clock) -> None:
        """``lifetime``: a login token's lifetime in seconds, or how to read it in the
        issuing transaction (the pool policy's ``tokenExpiresAfter``)."""
        self._identity = identity
        self._clock = clock
        self._lifetime = lifetime
        self._issuer = issuer

    # ----------------------------------------------------------------- issuing
    def _claims(self, user: sqlite3.Row, iat: int, exp: int, jti: str) -> dict[str, Any]:
        pool_id, app_id = self._identity.user_pool_id, self._identity.app_id
        return {
            "sub": user["id"],
            "birthdate": user["birthdate"],
            "family_name": user["family_name"],
            "gender": user["gender"],
            "given_name": user["given_name"],
            "locale": user["locale"],
            "middle_name": user["middle_name"],
            "name": user["name"],
            "nickname": user["nickname"],
            "picture": user["photo"],
            "preferred_username": user["preferred_username"],
            "profile": user["profile"],
            "updated_at": iso(user["updated_at"]),
            "website": user["website"],
            "zoneinfo": user["zoneinfo"],
            "address": {
                "country": user["country"], "postal_code": user["postal_code"],
                "region": user["region"], "formatted": user["formatted"],
            },
            "phone_number": user["phone"],
            "phone_number_verified": bool(user["phone_verified"]),
            "email": user["email"],
            "email_verified": bool(user["email_verified"]),
            "data": {
                "type": "user", "userPoolId": pool_id, "appId": app_id, "id": user["id"],
                "userId": user["id"], "_id": user["id"], "phone": user["phone"],
                "email": user["email"], "username": user["username"],
                "unionid": user["unionid"], "openid": user["openid"], "clientId": pool_id,
            },
            "userpool_id": pool_id,
            "aud": app_id,
            "iat": iat,
            "exp": exp,
            "iss": f"{self._issuer}/oidc",
            "jti": jti,
        }

    def issue(
        self, conn: sqlite3.Connection, user: sqlite3.Row, *, client_ip: str | None = None,
        user_agent: str | None = None, extra_claims: dict[str, Any] | None = None,
        proven_at: float | None = None,
    ) -> IssuedToken:
        """A new login token; recorded and made the user's current token (in ``conn``'s
        transaction). ``extra_claims`` (an OIDC id_token's ``nonce``, ``at_hash``) are added.
        ``proven_at``: when the user last proved who they are, for a token that replaces
        another (a refresh); a sign-in is a proof now (docs/step-up.md)."""
        now = self._clock.now()
        iat = int(now)
        lifetime = self._lifetime(conn) if callable(self._lifetime) else self._lifetime
        exp = int(now + lifetime)
        jti = secrets.token_hex(16)
        claims = self._claims(user, iat, exp, jti)
        claims.update(extra_claims or {})
        token = jwt.encode(claims, self._identity.app_secret, "HS256")
        conn.execute(
            "INSERT INTO tokens(jti, user_id, app_id, kind, issued_at, expires_at,"
            " client_ip, user_agent, proven_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (jti, user["id"], self._identity.app_id, LOGIN, now, exp, client_ip, user_agent,
             now if proven_at is None else proven_at),
        )
        conn.execute("UPDATE users SET current_jti = ? WHERE id = ?", (jti, user["id"]))
        return IssuedToken(token=token, jti=jti, iat=iat, exp=exp)

    def issue_purpose(self, conn: sqlite3.Connection, user_id: str, kind: str) -> str:
        """A short-lived single-use token for a password-reset step (first login / forced)."""
        now = self._clock.now()
        jti = secrets.token_hex(16)
        claims = {
            "sub": user_id, "purpose": kind, "jti": jti, "iat": int(now),
            "exp": int(now + PURPOSE_TOKEN_LIFETIME_S), "aud": self._identity.app_id,
        }
        token = jwt.encode(claims, self._identity.app_secret, "HS256")
        conn.execute(
            "INSERT INTO tokens(jti, user_id, app_id, kind, issued_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (jti, user_id, self._identity.app_id, kind, now, claims["exp"]),
        )
        return token

    # ----------------------------------------------------------------- verifying
    def _decode(self, token: str) -> dict[str, Any]:
        return decode_on(self._clock, token, self._identity.app_secret, algorithms=["HS256"],
                         audience=self._identity.app_id,
                         require=["exp", "iat", "jti", "sub"])

    @staticmethod
    def _live_row(conn: sqlite3.Connection, claims: dict[str, Any],
                  kind: str) -> sqlite3.Row | None:
        """The unrevoked record of the token with ``claims``: its jti, of ``kind``, issued to
        the user its ``sub`` names (a token is its owner's only)."""
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM tokens WHERE jti = ? AND kind = ?", (str(claims["jti"]), kind)
        ).fetchone()
        if row is None or row["revoked_at"] is not None or row["user_id"] != claims["sub"]:
            return None
        return row

    def authenticate(self, conn: sqlite3.Connection, token: str | None) -> Authenticated:
        """The user behind a Bearer token, or 2020 (missing/invalid/revoked) / 2206 (expired)."""
        if not token:
            raise PoolError(errors.NOT_LOGGED_IN, "not logged in: no token")
        try:
            claims = self._decode(token)
        except jwt.ExpiredSignatureError as exc:
            raise PoolError(errors.LOGIN_EXPIRED, "login expired, log in again") from exc
        except jwt.PyJWTError as exc:
            raise PoolError(errors.NOT_LOGGED_IN, "not logged in: invalid token") from exc
        if self._live_row(conn, claims, LOGIN) is None:
            raise PoolError(errors.NOT_LOGGED_IN, "not logged in: the token was revoked")
        user = conn.execute("SELECT * FROM users WHERE id = ?", (claims["sub"],)).fetchone()
        if user is None:
            raise PoolError(errors.NOT_LOGGED_IN, "not logged in: the user no longer exists")
        return Authenticated(token=token, jti=str(claims["jti"]), user=user)

    def consume_purpose(self, conn: sqlite3.Connection, token: str, kind: str, *,
                        burn: bool = True) -> str:
        """The user id of a valid, unused purpose token, marking it used when ``burn``
        (2207 otherwise)."""
        try:
            claims = self._decode(token)
        except jwt.ExpiredSignatureError as exc:
            raise PoolError(errors.LOGIN_EXPIRED, "the reset token expired, log in again") from exc
        except jwt.PyJWTError as exc:
            raise PoolError(errors.TOKEN_INVALID, "invalid reset token") from exc
        if claims.get("purpose") != kind or self._live_row(conn, claims, kind) is None:
            raise PoolError(errors.TOKEN_INVALID, "invalid or already used reset token")
        if burn:
            conn.execute("UPDATE tokens SET revoked_at = ? WHERE jti = ?",
                         (self._clock.now(), claims["jti"]))
        return str(claims["sub"])

    def status(self, conn: sqlite3.Connection, token: str | None) -> dict[str, Any]:
        """checkLoginStatus's JWTTokenStatus: 200, 2206 (expired) or 2207 (invalid/revoked)."""
        invalid = {"code": errors.TOKEN_INVALID, "message": "invalid login token",
                   "status": False, "exp": None, "iat": None, "data": None}
        if not token:
            return invalid
        try:
            claims = self._decode(token)
        except jwt.ExpiredSignatureError:
            return {"code": errors.LOGIN_EXPIRED, "message": "login expired", "status": False,
                    "exp": None, "iat": None, "data": None}
        except jwt.PyJWTError:
            return invalid
        if self._live_row(conn, claims, LOGIN) is None:
            return {**invalid, "message": "the login token was revoked"}
        user_id = str(claims["sub"])
        pool_id = self._identity.user_pool_id
        return {
            "code": 200, "message": "logged in", "status": True,
            "exp": int(claims["exp"]), "iat": int(claims["iat"]),
            "data": {"id": user_id, "userPoolId": pool_id,
                     "arn": f"arn:cn:authing:{pool_id}:user:{user_id}"},
        }

    def token_of(self, conn: sqlite3.Connection, jti: str | None) -> sqlite3.Row | None:
        """The stored token row for ``jti``."""
        if not jti:
            return None
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM tokens WHERE jti = ?", (jti,)
        ).fetchone()
        return row

    def revoke(self, conn: sqlite3.Connection, jti: str) -> None:
        """Mark one token revoked."""
        conn.execute(
            "UPDATE tokens SET revoked_at = ? WHERE jti = ? AND revoked_at IS NULL",
            (self._clock.now(), jti),
        )
