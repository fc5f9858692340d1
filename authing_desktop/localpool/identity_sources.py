"""External identities of the pool's users: LDAP / AD sign-in (entries imported on first login,
updated on later ones), the simulated WeChat mobile connection, and account linking.

An identity is a row of ``identities`` keyed by (provider, external id): a later sign-in through
the same source finds the same user whatever changed in the directory, and linking moves rows
from one user to another. Every public method is blocking (SQLite) and runs on a database
worker thread; the directory bind itself runs in the route handler's own worker thread.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import sqlite3
from typing import TYPE_CHECKING, Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.codes import purge_dead_codes, token_hash
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import new_id
from authing_desktop.localpool.inputs import check_email, check_phone
from authing_desktop.localpool.passkey_store import own_way_in
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import (
    Caller,
    find_by_email,
    find_by_phone,
    find_by_username,
    get_user,
)

if TYPE_CHECKING:
    from authing_desktop.localpool.directory_config import DirectoryEntry, DirectoryKind

log = logging.getLogger(__name__)

WECHAT_CONNECTION = "wechat:mobile"
WECHAT_PROVIDER = "wechat"
WECHAT_CHANNEL = "wechat"
WECHAT_SCENE = "WECHAT_LOGIN"
# A simulated WeChat identity is named by the tester ("alice", "demo-wechat", ...).
_IDENTITY_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_PHONE_NOISE_RE = re.compile(r"[\s().]")


def _phone_or_none(raw: str | None) -> str | None:
    """A directory phone (``+86 138 0013 8000``) in the pool's format, or None when unusable."""
    if not raw:
        return None
    try:
        return check_phone(_PHONE_NOISE_RE.sub("", raw))
    except PoolError:
        return None


def _email_or_none(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return check_email(raw)
    except PoolError:
        return None


class IdentitySources:
    """Sign-in through external identities and linking them between accounts."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core
        self.db = core.db

    # ================================================================= LDAP / AD
    def directory_login(self, kind: DirectoryKind, entry: DirectoryEntry,
                        caller: Caller) -> dict[str, Any]:
        """Sign in the user of a verified directory ``entry``: import it on first login,
        refresh the mapped fields on later ones; the user with a new login token."""
        profile = {"dn": entry.dn, "username": entry.username, "email": entry.email,
                   "phone": entry.phone, "name": entry.name}
        email = _email_or_none(entry.email)
        phone = _phone_or_none(entry.phone)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            now = self.core.clock.now()
            row = conn.execute(
                "SELECT user_id FROM identities WHERE provider = ? AND external_id = ?",
                (kind, entry.external_id),
            ).fetchone()
            if row is None:
                user_id = self._import(conn, kind, entry, email, phone, now)
                conn.execute(
                    "INSERT INTO identities(provider, external_id, user_id, connection, profile,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (kind, entry.external_id, user_id, kind, json.dumps(profile), now, now),
                )
            else:
                user_id = row["user_id"]
                self._refresh(conn, user_id, entry, email, phone, now)
                conn.execute(
                    "UPDATE identities SET profile = ?, updated_at = ? WHERE provider = ?"
                    " AND external_id = ?", (json.dumps(profile), now, kind, entry.external_id),
                )
            user = get_user(conn, user_id)
            if user["blocked"] or user["status"] != "Activated":
                raise PoolError(errors.USER_LOCKED, "this account is blocked")
            return self.core.login_result(conn, user_id, caller)

        return self.db.write(run)

    @staticmethod
    def _free(conn: sqlite3.Connection, column: str, value: str | None,
              user_id: str | None) -> str | None:
        """``value`` when no other user holds it in ``column`` (a directory never takes over
        a local account's username, email or phone), else None."""
        if not value:
            return None
        finder = {"username": find_by_username, "email": find_by_email,
                  "phone": find_by_phone}[column]
        holder = finder(conn, value)
        if holder is not None and holder["id"] != user_id:
            log.info("directory %s already belongs to another user: not mapped", column)
            return None
        return value

    def _import(self, conn: sqlite3.Connection, kind: str, entry: DirectoryEntry,
                email: str | None, phone: str | None, now: float) -> str:
        user_id = new_id()
        conn.execute(
            "INSERT INTO users(id, username, email, phone, name, nickname, register_source,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (user_id, self._free(conn, "username", entry.username, None),
             self._free(conn, "email", email, None), self._free(conn, "phone", phone, None),
             entry.name, entry.name, json.dumps([f"enterprise:{kind}"]), now, now),
        )
        return user_id

    def _refresh(self, conn: sqlite3.Connection, user_id: str, entry: DirectoryEntry,
                 email: str | None, phone: str | None, now: float) -> None:
        user = get_user(conn, user_id)
        updates: dict[str, Any] = {}
        for column, value in (("username", entry.username), ("email", email),
                              ("phone", phone)):
            free = self._free(conn, column, value, user_id)
            if free is not None and free != user[column]:
                updates[column] = free
        if entry.name and entry.name != user["name"]:
            updates["name"] = entry.name
        if "email" in updates:
            updates["email_verified"] = 0  # a new address is not proven by the directory
        if not updates:
            return
        updates["updated_at"] = now
        assignments = ", ".join(f"{column} = ?" for column in updates)
        conn.execute(f"UPDATE users SET {assignments} WHERE id = ?",  # noqa: S608
                     (*updates.values(), user_id))

    # ================================================================= WeChat (simulated)
    def _wechat_profile(self, name: str) -> dict[str, Any]:
        """The simulated WeChat account of ``name``: stable ids derived from the pool secret."""
        def derived(label: str) -> str:
            digest = hmac.new(self.core.identity.app_secret.encode(),
                              f"wechat-{label}:{name}".encode(), hashlib.sha256).hexdigest()
            return digest[:28]

        return {"openid": "o" + derived("openid"), "unionid": "u" + derived("unionid"),
                "nickname": name, "headimgurl": None, "sex": 0, "country": "CN"}

    def issue_wechat_code(self, identity: Any) -> str:
        """A one-time "WeChat code" for the simulated account ``identity``, recorded in the
        outbox (channel ``wechat``) like the codes an SMS would carry."""
        if not isinstance(identity, str) or not _IDENTITY_NAME_RE.match(identity):
            raise PoolError(errors.BAD_ARGUMENT,
                            "identity must be 1-64 letters, digits, '.', '_' or '-'")
        code = secrets.token_urlsafe(24)  # URL-safe: the SDK pastes it into the URL unencoded
        lifetime = self.core.settings.code_lifetime

        def run(conn: sqlite3.Connection) -> str:
            now = self.core.clock.now()
            purge_dead_codes(conn, now)
            conn.execute(
                "INSERT INTO social_codes(code_hash, connection, identity, created_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?)",
                (token_hash(code), WECHAT_CONNECTION, identity, now, now + lifetime),
            )
            conn.execute(
                "INSERT INTO outbox(channel, destination, scene, code, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (WECHAT_CHANNEL, identity, WECHAT_SCENE, code, now, now + lifetime),
            )
            return code

        return self.db.write(run)

    def wechat_login(self, connection: str, pool_id: str, code: str | None,
                     caller: Caller) -> dict[str, Any]:
        """The WeChat mobile callback: burn ``code``, then sign in the linked user (created
        on first use); the user with a new login token."""
        if connection != WECHAT_CONNECTION:
            raise PoolError(errors.BAD_ARGUMENT,
                            f"no {connection} social connection is configured in this user pool")
        if pool_id != self.core.identity.user_pool_id:
            raise PoolError(errors.USER_POOL_NOT_FOUND, "user pool does not exist")
        if not code:
            raise PoolError(errors.PARAMS_INCOMPLETE, "code is required")
        hashed = token_hash(code)

        def run(conn: sqlite3.Connection) -> dict[str, Any] | PoolError:
            now = self.core.clock.now()
            row = conn.execute(
                "SELECT identity, expires_at, used_at FROM social_codes WHERE code_hash = ?"
                " AND connection = ?", (hashed, WECHAT_CONNECTION),
            ).fetchone()
            if row is None or row["used_at"] is not None:
                return PoolError(errors.WRONG_CODE, "invalid or already used WeChat code")
            conn.execute("UPDATE social_codes SET used_at = ? WHERE code_hash = ?",
                         (now, hashed))
            if row["expires_at"] <= now:
                return PoolError(errors.CODE_EXPIRED, "the WeChat code has expired")
            wechat = self._wechat_profile(row["identity"])
            linked = conn.execute(
                "SELECT user_id FROM identities WHERE provider = ? AND external_id = ?",
                (WECHAT_PROVIDER, wechat["unionid"]),
            ).fetchone()
            if linked is None:
                user_id = new_id()
                conn.execute(
                    "INSERT INTO users(id, nickname, unionid, openid, oauth, register_source,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (user_id, wechat["nickname"], wechat["unionid"], wechat["openid"],
                     json.dumps(wechat), json.dumps([f"social:{WECHAT_PROVIDER}"]), now, now),
                )
                conn.execute(
                    "INSERT INTO identities(provider, external_id, user_id, connection, openid,"
                    " profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (WECHAT_PROVIDER, wechat["unionid"], user_id, WECHAT_CONNECTION,
                     wechat["openid"], json.dumps(wechat), now, now),
                )
            else:
                user_id = linked["user_id"]
            user = get_user(conn, user_id)
            if user["blocked"] or user["status"] != "Activated":
                return PoolError(errors.USER_LOCKED, "this account is blocked")
            return self.core.login_result(conn, user_id, caller)

        # The burnt code is committed even when the sign-in then fails (no second try).
        result = self.db.write(run)
        if isinstance(result, PoolError):
            raise result
        return result

    # ================================================================= linking
    def link(self, primary_token: Any, secondary_token: Any) -> None:
        """Move the secondary (social) account's identities to the primary account and delete
        the secondary account."""
        if not isinstance(primary_token, str) or not isinstance(secondary_token, str) \
                or not primary_token or not secondary_token:
            raise PoolError(errors.PARAMS_INCOMPLETE,
                            "primaryUserToken and secondaryUserToken are required")

        def run(conn: sqlite3.Connection) -> None:
            primary = self.core.tokens.authenticate(conn, primary_token).user
            secondary = self.core.tokens.authenticate(conn, secondary_token).user
            if primary["id"] == secondary["id"]:
                raise PoolError(errors.LINK_NOT_SOCIAL, "an account cannot be linked to itself")
            moving = conn.execute(
                "SELECT provider FROM identities WHERE user_id = ?", (secondary["id"],),
            ).fetchall()
            if not moving:
                raise PoolError(errors.LINK_NOTHING_TO_LINK,
                                "the secondary account has no external identity to link")
            if secondary["password_hash"] or secondary["email"] or secondary["phone"]:
                # Deleting it would lose an account that can sign in on its own.
                raise PoolError(errors.LINK_NOT_SOCIAL,
                                "the secondary account has its own password, email or phone;"
                                " only an account made by a social or directory sign-in can"
                                " be linked")
            providers = sorted({row["provider"] for row in moving})
            marks = ",".join("?" for _ in providers)
            taken = conn.execute(
                f"SELECT provider FROM identities WHERE user_id = ?"  # noqa: S608
                f" AND provider IN ({marks})", (primary["id"], *providers),
            ).fetchone()
            if taken is not None:
                raise PoolError(errors.LINK_PROVIDER_TAKEN,
                                f"the primary account already has a {taken['provider']}"
                                " identity")
            now = self.core.clock.now()
            conn.execute("UPDATE identities SET user_id = ?, updated_at = ? WHERE user_id = ?",
                         (primary["id"], now, secondary["id"]))
            if not primary["unionid"] and secondary["unionid"]:
                conn.execute("UPDATE users SET unionid = ?, openid = ?, updated_at = ?"
                             " WHERE id = ?", (secondary["unionid"], secondary["openid"], now,
                                               primary["id"]))
            conn.execute("DELETE FROM users WHERE id = ?", (secondary["id"],))

        self.db.write(run)

    def unlink(self, primary_token: Any, provider: Any, stepup_token: str | None = None) -> None:
        """Remove the primary account's identities of ``provider`` (2217 when that would leave
        the account without any way to sign in), with a recent proof of the primary token's
        session (docs/step-up.md)."""
        if not isinstance(primary_token, str) or not primary_token:
            raise PoolError(errors.PARAMS_INCOMPLETE, "primaryUserToken is required")
        if not isinstance(provider, str) or not provider:
            raise PoolError(errors.PARAMS_INCOMPLETE, "provider is required")

        def run(conn: sqlite3.Connection) -> None:
            auth = self.core.tokens.authenticate(conn, primary_token)
            user = auth.user
            self.core.require_recent_proof(conn, user["id"], auth.jti, Caller(
                token=primary_token, stepup_token=stepup_token))
            rows = conn.execute("SELECT provider FROM identities WHERE user_id = ?",
                                (user["id"],)).fetchall()
            if not any(row["provider"] == provider for row in rows):
                raise PoolError(errors.UNLINK_NOT_LINKED,
                                f"the account has no {provider} identity")
            others = sum(1 for row in rows if row["provider"] != provider)
            own = own_way_in(conn, user)
            if not others and not own:
                raise PoolError(errors.LAST_LOGIN_METHOD,
                                "this identity is the account's only way to sign in")
            now = self.core.clock.now()
            conn.execute("DELETE FROM identities WHERE user_id = ? AND provider = ?",
                         (user["id"], provider))
            if provider == WECHAT_PROVIDER:
                conn.execute("UPDATE users SET unionid = NULL, openid = NULL, updated_at = ?"
                             " WHERE id = ?", (now, user["id"]))

        self.db.write(run)
