"""Admin operations on users: plain functions over the pool's SQLite connection, shared by every
admin entry point (the management API, ``pool admin``, scenario files: docs/pool-admin.md).

Contract for every function here:

- ``conn`` is a connection of the pool database; functions that write expect to run inside
  one write transaction (`Database.write`), functions that read may run anywhere.
- Field names are the camelCase ones of Authing's ``CreateUserInput`` / ``UpdateUserInput``,
  plus the local ones in `LOCAL_FIELDS`; passwords are plaintext (the management API decrypts
  them first). A None value means "not given" except where said otherwise.
- Failures are `PoolError` with Authing's codes: 2231 unknown field or bad value, 2003 / 2028
  bad email / phone, 2029 weak password, 2026 user exists, 2034 username taken, 2200 / 2035
  email / phone bound to another user, 2004 no such user.
- Hashing a password takes tens of milliseconds: callers holding the write lock may hash first
  with `hash_new_password` and pass its result as ``prepared_password=``.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from authing_desktop.localpool import errors, passwords, udf
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import new_id
from authing_desktop.localpool.inputs import (
    check_email,
    check_phone,
    check_profile_value,
    check_username,
)
from authing_desktop.localpool.refresh_tokens import revoke_user_families
from authing_desktop.localpool.users import (
    PROFILE_COLUMNS,
    find_by_email,
    find_by_phone,
    find_by_username,
    get_user,
    insert_user,
)

ADMIN_SOURCE = "import:manual"
# Fields of Authing's user inputs the local pool keeps, beyond the profile (`PROFILE_COLUMNS`).
IDENTIFIER_FIELDS = ("email", "phone", "username", "externalId")
FLAG_COLUMNS = {"emailVerified": "email_verified", "phoneVerified": "phone_verified",
                "blocked": "blocked"}
TEXT_COLUMNS = {"unionid": "unionid", "openid": "openid", "oauth": "oauth"}
LOCAL_FIELDS = ("resetPasswordOnFirstLogin", "resetPasswordOnNextLogin", "totpSecret")
"""Local-only fields: must set a new password at the first sign-in (1639) / at the next
sign-in (2058); a base32 TOTP secret to enable as the user's authenticator (empty to remove)."""
RESET_COLUMNS = {"resetPasswordOnFirstLogin": "reset_on_first_login",
                 "resetPasswordOnNextLogin": "force_password_reset"}
# Fields Authing's inputs carry that only the pool itself maintains: accepted when null.
IGNORED_WHEN_NULL = frozenset({"tokenExpiredAt", "loginsCount", "lastLogin", "lastIP",
                               "mainDepartmentId", "mainDepartmentCode", "registerSource",
                               "signedUp", "password"})
MAX_SEARCH_LENGTH = 256
MIN_TOTP_SECRET_BYTES = 10


def _invalid(message: str) -> PoolError:
    return PoolError(errors.PARAMS_INCOMPLETE, message)


@dataclass(frozen=True)
class PreparedPassword:
    """A new password, hashed (`hash_new_password`), and its security level."""

    hash: str = field(repr=False)
    level: int


def hash_new_password(password: Any) -> PreparedPassword:
    """A new password made ready to store (2029 when it breaks the pool policy, 2231 when it is
    not text)."""
    if not isinstance(password, str) or not password:
        raise _invalid("password must be a non-empty string")
    passwords.check_policy(password)
    return PreparedPassword(passwords.hash_password(password), passwords.security_level(password))


def _password_columns(fields: Mapping[str, Any],
                      prepared: PreparedPassword | None) -> dict[str, Any]:
    if fields.get("password") is not None:
        if prepared is not None:
            raise _invalid("give the password or its prepared form, not both")
        prepared = hash_new_password(fields["password"])
    if prepared is None:
        return {}
    return {"password_hash": prepared.hash, "password_level": prepared.level}


def check_totp_secret(secret: Any) -> str:
    """A base32 TOTP secret (RFC 4648, padding optional, case-insensitive), upper-cased
    without padding or spaces (2231 otherwise)."""
    text = "".join(secret.split()).rstrip("=").upper() if isinstance(secret, str) else ""
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) < MIN_TOTP_SECRET_BYTES:
        raise _invalid("totpSecret must be a base32 secret of at least 16 characters")
    return text


def _flag(name: str, value: Any) -> int:
    if not isinstance(value, bool):
        raise _invalid(f"{name} must be true or false")
    return int(value)


def _identifier(name: str, value: Any) -> str | None:
    if value is None:
        return None
    if name == "email":
        return check_email(value)
    if name == "phone":
        return check_phone(value)
    if name == "username":
        return check_username(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 256:
        raise _invalid("externalId must be a non-empty string")
    return value.strip()


def _columns(fields: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    """The user-table columns that ``fields`` set (each value checked); local fields and the
    password are left to the caller."""
    columns: dict[str, Any] = {}
    for key, value in fields.items():
        if key in LOCAL_FIELDS or key == "password":
            continue
        if key in IDENTIFIER_FIELDS:
            if value is None and creating:
                continue
            columns["external_id" if key == "externalId" else key] = _identifier(key, value)
        elif key in FLAG_COLUMNS:
            if value is not None:
                columns[FLAG_COLUMNS[key]] = _flag(key, value)
        elif key in TEXT_COLUMNS:
            columns[TEXT_COLUMNS[key]] = check_profile_value(key, value)
        elif key in PROFILE_COLUMNS:
            columns[PROFILE_COLUMNS[key]] = check_profile_value(key, value)
        elif key in IGNORED_WHEN_NULL:
            if value is not None:
                raise _invalid(f"{key} is maintained by the pool and cannot be set")
        else:
            raise _invalid(f"unknown user field {key!r}")
    if "gender" in columns and columns["gender"] is None:
        columns["gender"] = "U"
    return columns


def _taken(conn: sqlite3.Connection, columns: Mapping[str, Any],
           user_id: str | None) -> PoolError | None:
    """Why ``columns`` clash with another user than ``user_id`` (None when they do not)."""
    checks = (("email", find_by_email), ("phone", find_by_phone),
              ("username", find_by_username))
    for column, finder in checks:
        value = columns.get(column)
        if not value:
            continue
        other = finder(conn, value)
        if other is not None and other["id"] != user_id:
            if column == "username":
                return PoolError(errors.USERNAME_EXISTS, "username already exists")
            if user_id is None:
                return PoolError(errors.USER_EXISTS, "user already exists")
            if column == "email":
                return PoolError(errors.EMAIL_BOUND, "this email is bound to another account")
            return PoolError(errors.PHONE_BOUND, "this phone is bound to another account")
    external = columns.get("external_id")
    if external:
        other = conn.execute("SELECT id FROM users WHERE external_id = ?",
                             (external,)).fetchone()
        if other is not None and other[0] != user_id:
            return PoolError(errors.USER_EXISTS, "a user with this externalId already exists")
    return None


def _prepare_custom_data(conn: sqlite3.Connection,
                         values: Mapping[str, Any]) -> list[tuple[str, str]]:
    prepared = []
    for key, value in values.items():
        defined = conn.execute(
            "SELECT 1 FROM udf_definitions WHERE target_type = ? AND key = ?", (udf.USER, key),
        ).fetchone()
        if defined is None:
            raise _invalid(f"custom field {key!r} is not defined for USER: define it first")
        prepared.append((key, udf.prepare_raw(conn, udf.USER, key, value)))
    return prepared


def set_custom_data(conn: sqlite3.Connection, clock: Clock, user_id: str,
                    values: Mapping[str, Any]) -> None:
    """Set the user's custom data: decoded values by UDF key (``{"school": "pku", "age": 22}``),
    each key defined for USER first (2231 otherwise; a value of the wrong type: 400)."""
    get_user(conn, user_id)
    now = clock.now()
    for key, text in _prepare_custom_data(conn, values):
        udf.store(conn, udf.USER, user_id, key, text, now)


def set_totp(conn: sqlite3.Connection, clock: Clock, user_id: str,
             secret: str | None) -> None:
    """Make ``secret`` (base32) the user's enabled authenticator, replacing any other; None or
    empty removes it. No recovery code is set: the user's next sign-in asks for the TOTP
    (1635)."""
    conn.execute("DELETE FROM mfa_factors WHERE user_id = ? AND factor_type = 'OTP'",
                 (user_id,))
    if not secret:
        return
    now = clock.now()
    conn.execute(
        "INSERT INTO mfa_factors(id, user_id, factor_type, source, secret, enabled, created_at,"
        " updated_at) VALUES (?, ?, 'OTP', 'SELF', ?, 1, ?, ?)",
        (new_id(), user_id, check_totp_secret(secret), now, now),
    )


def _local_columns(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {RESET_COLUMNS[key]: _flag(key, fields[key]) for key in RESET_COLUMNS
            if fields.get(key) is not None}


def create_user(conn: sqlite3.Connection, clock: Clock, fields: Mapping[str, Any], *,
                custom_data: Mapping[str, Any] | None = None,
                prepared_password: PreparedPassword | None = None,
                source: str = ADMIN_SOURCE) -> str:
    """Create a user in any state; its id.

    ``fields``: at least one of ``email``, ``phone``, ``username``, ``externalId``; optional
    ``password`` (plaintext, checked against the pool policy), ``emailVerified``,
    ``phoneVerified``, ``blocked``, ``unionid``, ``openid``, profile fields (``nickname``,
    ``name``, ``company``, ...: `users.PROFILE_COLUMNS`), and the `LOCAL_FIELDS`
    ``resetPasswordOnFirstLogin``, ``resetPasswordOnNextLogin``, ``totpSecret``.
    ``custom_data``: decoded UDF values (`set_custom_data`). ``prepared_password``: made by
    `hash_new_password`, instead of ``fields["password"]``. ``source``: the registerSource.
    """
    if not isinstance(fields, Mapping):
        raise _invalid("the user must be an object of fields")
    if not any(fields.get(name) for name in IDENTIFIER_FIELDS):
        raise _invalid("a user needs an email, phone, username or externalId")
    columns = _columns(fields, creating=True)
    columns.update(_local_columns(fields))
    totp_secret = check_totp_secret(fields["totpSecret"]) if fields.get("totpSecret") else None
    columns.update(_password_columns(fields, prepared_password))
    clash = _taken(conn, columns, None)
    if clash is not None:
        raise clash
    prepared = _prepare_custom_data(conn, custom_data or {})
    user_id = new_id()
    now = clock.now()
    columns.update(id=user_id, register_source=json.dumps([source]), created_at=now,
                   updated_at=now)
    insert_user(conn, columns, prepared, now)
    if totp_secret:
        set_totp(conn, clock, user_id, totp_secret)
    return user_id


def update_user(conn: sqlite3.Connection, clock: Clock, user_id: str,
                changes: Mapping[str, Any], *,
                prepared_password: PreparedPassword | None = None) -> None:
    """Change a user (2004 when there is none). ``changes``: the fields of `create_user`
    (an identifier or profile field set to None is removed; a flag set to None is left
    alone), and ``password`` (plaintext) or ``prepared_password=``. A new password clears the
    pending first-login / next-login resets unless ``changes`` sets them; ``blocked: true``
    also ends every session of the user."""
    if not isinstance(changes, Mapping):
        raise _invalid("the changes must be an object of fields")
    get_user(conn, user_id)
    columns = _columns(changes, creating=False)
    if changes.get("totpSecret"):
        check_totp_secret(changes["totpSecret"])
    if "username" in columns and columns["username"] is None:
        raise _invalid("username cannot be removed")
    password_columns = _password_columns(changes, prepared_password)
    if password_columns:
        columns.update(password_columns, reset_on_first_login=0, force_password_reset=0,
                       password_changed_at=clock.now())
    columns.update(_local_columns(changes))
    clash = _taken(conn, columns, user_id)
    if clash is not None:
        raise clash
    now = clock.now()
    if columns:
        sets = ", ".join(f"{column} = ?" for column in columns)
        try:
            conn.execute(f"UPDATE users SET {sets}, updated_at = ? WHERE id = ?",  # noqa: S608
                         (*columns.values(), now, user_id))
        except sqlite3.IntegrityError as exc:
            raise PoolError(errors.USER_EXISTS, "another user has this identifier") from exc
    if "totpSecret" in changes:
        set_totp(conn, clock, user_id, changes["totpSecret"])
    if columns.get("blocked"):
        revoke_user_families(conn, user_id, now)
        conn.execute("UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                     (now, user_id))


def delete_user(conn: sqlite3.Connection, user_id: str) -> None:
    """Delete a user with everything of theirs (sessions, identities, custom data, roles,
    memberships, factors); 2004 when there is none."""
    get_user(conn, user_id)
    conn.execute("DELETE FROM udf_values WHERE target_type = ? AND target_id = ?",
                 (udf.USER, user_id))
    conn.execute("DELETE FROM users WHERE id = ?", (user_id,))


def delete_users(conn: sqlite3.Connection, user_ids: Iterable[str]) -> int:
    """Delete every listed user that exists; how many were deleted."""
    deleted = 0
    for user_id in dict.fromkeys(user_ids):
        if conn.execute("SELECT 1 FROM users WHERE id = ?", (user_id,)).fetchone():
            delete_user(conn, user_id)
            deleted += 1
    return deleted


def find_user(conn: sqlite3.Connection, *, email: str | None = None, phone: str | None = None,
              username: str | None = None, external_id: str | None = None,
              ) -> sqlite3.Row | None:
    """The user matching every given identifier (email case-insensitive), or None; None too
    when none is given."""
    clauses: list[str] = []
    args: list[Any] = []
    for column, value in (("email", email), ("phone", phone), ("username", username),
                          ("external_id", external_id)):
        if value:
            clauses.append(f"{column} = ?")
            args.append(value.strip() if column in ("email", "phone") else value)
    if not clauses:
        return None
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM users WHERE " + " AND ".join(clauses), args,  # noqa: S608
    ).fetchone()
    return row


def list_users(conn: sqlite3.Connection, page: int = 1, limit: int = 10, *,
               newest_first: bool = True, by_updated: bool = False,
               exclude_in_org: bool = False) -> tuple[int, list[sqlite3.Row]]:
    """``(total, rows of the page)``, newest first by default (Authing's CREATEDAT_DESC);
    ``by_updated`` orders by the last change instead, ``exclude_in_org`` leaves out members of
    any org node."""
    order = "DESC" if newest_first else "ASC"
    column = "updated_at" if by_updated else "created_at"
    where = (" WHERE NOT EXISTS (SELECT 1 FROM node_members m WHERE m.user_id = users.id)"
             if exclude_in_org else "")
    total = int(conn.execute(f"SELECT COUNT(*) FROM users{where}").fetchone()[0])  # noqa: S608
    rows = conn.execute(
        f"SELECT * FROM users{where} ORDER BY {column} {order}, id {order}"  # noqa: S608
        " LIMIT ? OFFSET ?", (limit, (page - 1) * limit),
    ).fetchall()
    return total, list(rows)


SEARCH_FIELDS = {"username": "username", "email": "email", "phone": "phone",
                 "nickname": "nickname", "name": "name", "externalId": "external_id"}


def search_users(conn: sqlite3.Connection, query: str, page: int = 1, limit: int = 10, *,
                 fields: Iterable[str] | None = None,
                 only_ids: Iterable[str] | None = None) -> tuple[int, list[sqlite3.Row]]:
    """``(total, rows of the page)`` of the users whose username, email, phone, nickname, name
    or externalId (or only the ``fields`` named, camelCase) contains ``query``
    (case-insensitive), newest first; ``only_ids`` limits the search to those users."""
    if not isinstance(query, str) or len(query) > MAX_SEARCH_LENGTH:
        raise _invalid(f"query must be a string of at most {MAX_SEARCH_LENGTH} characters")
    names = list(fields) if fields else list(SEARCH_FIELDS)
    unknown = [name for name in names if name not in SEARCH_FIELDS]
    if unknown:
        raise _invalid(f"cannot search by {unknown[0]!r} (known: {', '.join(SEARCH_FIELDS)})")
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = "(" + " OR ".join(f"lower({SEARCH_FIELDS[name]}) LIKE lower(?) ESCAPE '\\'"
                              for name in names) + ")"
    args: list[Any] = [pattern] * len(names)
    if only_ids is not None:
        ids = list(only_ids)
        where += f" AND id IN ({', '.join('?' for _ in ids)})" if ids else " AND 0"
        args += ids
    total = int(conn.execute(f"SELECT COUNT(*) FROM users WHERE {where}",  # noqa: S608
                             args).fetchone()[0])
    rows = conn.execute(
        f"SELECT * FROM users WHERE {where} ORDER BY created_at DESC, id DESC"  # noqa: S608
        " LIMIT ? OFFSET ?", (*args, limit, (page - 1) * limit),
    ).fetchall()
    return total, list(rows)


def add_identity(conn: sqlite3.Connection, clock: Clock, user_id: str, provider: str,
                 user_id_in_idp: str, *, connection: str | None = None,
                 openid: str | None = None) -> None:
    """Link an external identity (``provider`` + its id of the user) to the user: a sign-in
    through that source finds this user. 2026 when another user has it."""
    provider_text = _identifier("externalId", provider)
    external = _identifier("externalId", user_id_in_idp)
    get_user(conn, user_id)
    other = find_by_identity(conn, str(provider_text), str(external))
    if other is not None and other["id"] != user_id:
        raise PoolError(errors.USER_EXISTS, "another user has this identity")
    now = clock.now()
    conn.execute(
        "INSERT INTO identities(provider, external_id, user_id, connection, openid, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(provider, external_id)"
        " DO UPDATE SET connection = excluded.connection, openid = excluded.openid,"
        " updated_at = excluded.updated_at",
        (provider_text, external, user_id, connection or provider_text, openid, now, now))


def find_by_identity(conn: sqlite3.Connection, provider: str | None,
                     user_id_in_idp: str) -> sqlite3.Row | None:
    """The user linked to the external identity (of any provider when ``provider`` is
    None)."""
    sql = ("SELECT u.* FROM identities i JOIN users u ON u.id = i.user_id"
           " WHERE i.external_id = ?")
    args = [user_id_in_idp]
    if provider:
        sql += " AND i.provider = ?"
        args.append(provider)
    row: sqlite3.Row | None = conn.execute(sql + " ORDER BY i.created_at", args).fetchone()
    return row
