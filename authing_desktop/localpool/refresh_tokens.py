"""OIDC refresh tokens (docs/local-pool.md, "Refresh tokens"): issued only to a code grant
that asked for ``offline_access``, single-use with rotation, one *family* per sign-in.

- A token is ``<id><secret>``: a 32-hex-digit id, then the secret (urlsafe). Only a SHA-256 of
  the secret is stored, like every other secret the pool keeps.
- Redeeming marks the token used; its successor joins the same family. A used token presented
  again (with its right secret) is a replay: the whole family is revoked, and with it every
  access and id token issued from it (``tokens.refresh_family``).
- A wrong secret for a known id is a guess against that family: at ``max_guesses`` the family
  is revoked. An unknown id names nobody and is simply refused.
- Signing out revokes the family of the signed-out token (`revoke_families_of`), and ending
  every session of a user revokes all of the user's families (`revoke_user_families`).

Every function runs inside the caller's write transaction, so the refusals' effects (a counted
guess, a revoked family) are committed by returning a `Refusal` instead of raising.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import string
from collections.abc import Iterable
from dataclasses import dataclass

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.inputs import secret_equals

REFRESH_TOKEN_LIFETIME_S = 30 * 86_400.0
_ID_LENGTH = 32
_SECRET_BYTES = 32
_HEX = frozenset(string.hexdigits.lower())
_URLSAFE = frozenset(string.ascii_letters + string.digits + "-_")
MAX_TOKEN_LENGTH = 128


@dataclass(frozen=True)
class RefreshGrant:
    """A redeemable token's family: whose sign-in it continues and what it was granted."""

    token_id: str
    family_id: str
    user_id: str
    client_id: str
    scope: str
    auth_time: int


@dataclass(frozen=True)
class Refusal:
    """Why a refresh token is refused (the OAuth ``error_description``)."""

    description: str


UNKNOWN = Refusal("unknown, expired or revoked refresh token")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def _split(token: str | None) -> tuple[str, str] | None:
    """(id, secret) of a well-formed token, else None."""
    if not isinstance(token, str) or not _ID_LENGTH < len(token) <= MAX_TOKEN_LENGTH:
        return None
    token_id, secret = token[:_ID_LENGTH], token[_ID_LENGTH:]
    if not set(token_id) <= _HEX or not set(secret) <= _URLSAFE:
        return None
    return token_id, secret


def is_refresh_token(token: str | None) -> bool:
    """Whether ``token`` has a refresh token's shape (a JWT has not)."""
    return _split(token) is not None


class RefreshTokens:
    """Issues, redeems and revokes refresh tokens (``clock``: the pool's)."""

    def __init__(self, clock: Clock, *, max_guesses: int,
                 lifetime: float = REFRESH_TOKEN_LIFETIME_S) -> None:
        self._clock = clock
        self._max_guesses = max_guesses
        self._lifetime = lifetime

    def start_family(self, conn: sqlite3.Connection, *, user_id: str, client_id: str,
                     scope: str, auth_time: int, jtis: Iterable[str]) -> str:
        """A new family for a code grant, its first token returned; ``jtis`` (the grant's
        access and id tokens) are tied to it."""
        family_id = secrets.token_hex(16)
        conn.execute(
            "INSERT INTO refresh_families(id, user_id, client_id, scope, auth_time, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (family_id, user_id, client_id, scope, auth_time, self._clock.now()))
        self.tie(conn, family_id, jtis)
        return self._issue(conn, family_id)

    @staticmethod
    def tie(conn: sqlite3.Connection, family_id: str, jtis: Iterable[str]) -> None:
        """Mark issued tokens as part of ``family_id`` (revoked with it)."""
        for jti in jtis:
            conn.execute("UPDATE tokens SET refresh_family = ? WHERE jti = ?", (family_id, jti))

    def _issue(self, conn: sqlite3.Connection, family_id: str) -> str:
        token_id = secrets.token_hex(_ID_LENGTH // 2)
        secret = secrets.token_urlsafe(_SECRET_BYTES)
        now = self._clock.now()
        conn.execute(
            "INSERT INTO refresh_tokens(id, family_id, secret_hash, issued_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (token_id, family_id, _hash(secret), now, now + self._lifetime))
        return token_id + secret

    def _revoke_family(self, conn: sqlite3.Connection, family_id: str) -> None:
        now = self._clock.now()
        revoke_families(conn, [family_id], now)

    def find(self, conn: sqlite3.Connection, token: str | None,
             client_id: str) -> RefreshGrant | Refusal:
        """The grant of a live, unused ``token`` issued to ``client_id``; a `Refusal`
        otherwise, after counting a wrong secret or revoking a replayed token's family."""
        parts = _split(token)
        if parts is None:
            return UNKNOWN
        token_id, secret = parts
        row = conn.execute(
            "SELECT t.secret_hash, t.expires_at, t.used_at, f.id AS family_id, f.user_id,"
            " f.client_id, f.scope, f.auth_time, f.failures, f.revoked_at"
            " FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id"
            " WHERE t.id = ?", (token_id,)).fetchone()
        if row is None or row["revoked_at"] is not None:
            return UNKNOWN
        family_id = str(row["family_id"])
        if not secret_equals(_hash(secret), row["secret_hash"]):
            failures = int(row["failures"]) + 1
            conn.execute("UPDATE refresh_families SET failures = ? WHERE id = ?",
                         (failures, family_id))
            if failures >= self._max_guesses:
                self._revoke_family(conn, family_id)
            return UNKNOWN
        if row["used_at"] is not None:
            self._revoke_family(conn, family_id)
            return Refusal("the refresh token was already used: its sign-in is revoked")
        if row["expires_at"] <= self._clock.now():
            return UNKNOWN
        if row["client_id"] != client_id:
            return Refusal("the refresh token was issued to another client")
        return RefreshGrant(token_id=token_id, family_id=family_id, user_id=str(row["user_id"]),
                            client_id=str(row["client_id"]), scope=str(row["scope"]),
                            auth_time=int(row["auth_time"]))

    def rotate(self, conn: sqlite3.Connection, grant: RefreshGrant,
               jtis: Iterable[str]) -> str:
        """Spend ``grant``'s token; its successor (returned) and ``jtis`` join the family.
        Tokens of the family that expired are forgotten (a replay of one is then refused as
        unknown rather than revoking the family)."""
        now = self._clock.now()
        conn.execute("UPDATE refresh_tokens SET used_at = ? WHERE id = ?", (now, grant.token_id))
        conn.execute("DELETE FROM refresh_tokens WHERE family_id = ? AND expires_at <= ?",
                     (grant.family_id, now))
        self.tie(conn, grant.family_id, jtis)
        return self._issue(conn, grant.family_id)

    def revoke_token(self, conn: sqlite3.Connection, token: str | None) -> bool:
        """Revocation (RFC 7009) of a refresh token: its family and every token issued from
        it. False when ``token`` is no refresh token of this pool (or a wrong one)."""
        parts = _split(token)
        if parts is None:
            return False
        token_id, secret = parts
        row = conn.execute("SELECT family_id, secret_hash FROM refresh_tokens WHERE id = ?",
                           (token_id,)).fetchone()
        if row is None or not secret_equals(_hash(secret), row["secret_hash"]):
            return False
        self._revoke_family(conn, str(row["family_id"]))
        return True


def revoke_families(conn: sqlite3.Connection, family_ids: Iterable[str], now: float) -> None:
    """Revoke the families and every access / id token issued from them."""
    for family_id in family_ids:
        conn.execute("UPDATE refresh_families SET revoked_at = ? WHERE id = ?"
                     " AND revoked_at IS NULL", (now, family_id))
        conn.execute("UPDATE tokens SET revoked_at = ? WHERE refresh_family = ?"
                     " AND revoked_at IS NULL", (now, family_id))


def revoke_families_of(conn: sqlite3.Connection, jtis: Iterable[str], now: float) -> None:
    """A sign-out of the tokens ``jtis``: the families they came from are revoked too."""
    families = set()
    for jti in jtis:
        row = conn.execute("SELECT refresh_family FROM tokens WHERE jti = ?", (jti,)).fetchone()
        if row is not None and row["refresh_family"] is not None:
            families.add(str(row["refresh_family"]))
    revoke_families(conn, sorted(families), now)


def revoke_user_families(conn: sqlite3.Connection, user_id: str, now: float,
                         keep_jti: str | None = None) -> None:
    """Every session of the user ends: all of its families, but the one ``keep_jti`` (the
    session that made the change) came from."""
    kept = conn.execute("SELECT refresh_family FROM tokens WHERE jti IS ?",
                        (keep_jti,)).fetchone() if keep_jti else None
    keep = kept["refresh_family"] if kept is not None else None
    rows = conn.execute("SELECT id FROM refresh_families WHERE user_id = ? AND revoked_at IS NULL"
                        " AND id IS NOT ?", (user_id, keep)).fetchall()
    revoke_families(conn, [str(row["id"]) for row in rows], now)


def carry_family(conn: sqlite3.Connection, old_jti: str, new_jti: str) -> None:
    """A login token replaced by ``refreshToken`` keeps its place in its family."""
    conn.execute(
        "UPDATE tokens SET refresh_family = (SELECT refresh_family FROM tokens WHERE jti = ?)"
        " WHERE jti = ?", (old_jti, new_jti))
