"""The user record: field mapping between GraphQL names and columns, the wire view of a user and
the lookups shared by every user operation (input checks live in `inputs`)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from authing_desktop.localpool import errors, udf
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.timefmt import iso

DEFAULT_PHOTO = "https://files.authing.co/authing-console/default-user-avatar.png"

# Profile fields a user may set (GraphQL name -> column).
PROFILE_COLUMNS: dict[str, str] = {
    "nickname": "nickname", "photo": "photo", "company": "company", "browser": "browser",
    "device": "device", "name": "name", "givenName": "given_name", "familyName": "family_name",
    "middleName": "middle_name", "profile": "profile", "preferredUsername": "preferred_username",
    "website": "website", "gender": "gender", "birthdate": "birthdate", "zoneinfo": "zoneinfo",
    "locale": "locale", "address": "address", "formatted": "formatted",
    "streetAddress": "street_address", "locality": "locality", "region": "region",
    "postalCode": "postal_code", "city": "city", "province": "province", "country": "country",
    "phoneCountryCode": "phone_country_code",
}


@dataclass(frozen=True)
class Caller:
    """Who is calling: the request token, addresses, user agent and device id (the optional
    ``x-authing-device-id`` header)."""

    token: str | None = field(default=None, repr=False)  # secrets stay out of any repr
    peer_ip: str | None = None
    user_agent: str | None = None
    device_id: str | None = None
    # x-authing-stepup-token (docs/step-up.md)
    stepup_token: str | None = field(default=None, repr=False)


def find_by_email(conn: sqlite3.Connection, email: str) -> sqlite3.Row | None:
    """The user with ``email`` (case-insensitive)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM users WHERE email = ?", (email.strip(),)
    ).fetchone()
    return row


def find_by_username(conn: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    """The user with ``username`` (case-sensitive)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM users WHERE username = ?", (username,)
    ).fetchone()
    return row


def find_by_phone(conn: sqlite3.Connection, phone: str) -> sqlite3.Row | None:
    """The user with ``phone``."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM users WHERE phone = ?", (phone.strip(),)
    ).fetchone()
    return row


def find_by_account(conn: sqlite3.Connection, account: str) -> sqlite3.Row | None:
    """The user whose email, username or phone is ``account`` (the hosted page's one field).
    When it is one user's username and another's phone (or email), it names nobody for sure:
    400, and no password is tried on either account."""
    found: dict[str, sqlite3.Row] = {}
    for finder in (find_by_email, find_by_username, find_by_phone):
        if finder is find_by_email and "@" not in account:
            continue
        row = finder(conn, account)
        if row is not None:
            found[row["id"]] = row
    if len(found) > 1:
        raise PoolError(errors.BAD_ARGUMENT, "This name belongs to more than one account. Sign"
                        " in with your email address instead, or in the app.")
    return next(iter(found.values()), None)


def get_user(conn: sqlite3.Connection, user_id: str) -> sqlite3.Row:
    """The user row with ``user_id`` (2004 when gone)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM users WHERE id = ?", (user_id,)
    ).fetchone()
    if row is None:
        raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
    return row


def identity_views(conn: sqlite3.Connection, user_id: str,
                   user_pool_id: str) -> list[dict[str, Any]]:
    """The user's linked external identities (v2 ``Identity``; no IdP tokens are kept)."""
    rows = conn.execute(
        "SELECT provider, external_id, connection, openid FROM identities WHERE user_id = ?"
        " ORDER BY created_at", (user_id,),
    ).fetchall()
    return [
        {"openid": row["openid"], "userIdInIdp": row["external_id"], "userId": user_id,
         "extIdpId": row["connection"], "connectionId": row["connection"],
         "isSocial": row["provider"] not in ("ldap", "ad"), "provider": row["provider"],
         "type": "unionid" if row["provider"] == "wechat" else "primary",
         "userPoolId": user_pool_id, "refreshToken": None, "accessToken": None}
        for row in rows
    ]


def user_view(
    conn: sqlite3.Connection, user: sqlite3.Row, user_pool_id: str, *, token: str | None,
    token_expires_at: float | None,
) -> dict[str, Any]:
    """The user as GraphQL / REST clients see it (docs/protocol.md, GraphQL operations), carrying
    ``token``.

    The password hash never leaves the pool: ``password`` is always null.
    """
    main = conn.execute(
        "SELECT n.id, n.code FROM node_members m JOIN org_nodes n ON n.id = m.node_id"
        " WHERE m.user_id = ? AND m.is_main = 1", (user["id"],),
    ).fetchone()
    view: dict[str, Any] = {
        "id": user["id"],
        "arn": f"arn:cn:authing:{user_pool_id}:user:{user['id']}",
        "status": user["status"],
        "userPoolId": user_pool_id,
        "username": user["username"],
        "email": user["email"],
        "emailVerified": bool(user["email_verified"]),
        "phone": user["phone"],
        "phoneVerified": bool(user["phone_verified"]),
        "unionid": user["unionid"],
        "openid": user["openid"],
        "identities": identity_views(conn, user["id"], user_pool_id),
        "registerSource": json.loads(user["register_source"]),
        "password": None,
        "oauth": user["oauth"],
        "token": token,
        "tokenExpiredAt": iso(token_expires_at) if token else None,
        "loginsCount": user["logins_count"],
        "lastLogin": iso(user["last_login"]),
        "lastIP": user["last_ip"],
        "signedUp": iso(user["created_at"]),
        "blocked": bool(user["blocked"]),
        "isDeleted": False,
        "externalId": user["external_id"],
        "createdAt": iso(user["created_at"]),
        "updatedAt": iso(user["updated_at"]),
        "mainDepartmentId": main["id"] if main else None,
        "mainDepartmentCode": main["code"] if main else None,
    }
    for name, column in PROFILE_COLUMNS.items():
        view[name] = user[column]
    view["photo"] = user["photo"] or DEFAULT_PHOTO
    return view


def insert_user(conn: sqlite3.Connection, columns: dict[str, Any],
                custom_data: list[tuple[str, str]], now: float) -> None:
    """Insert a ``users`` row (``columns`` hold its id) and its custom data values (prepared by
    `udf`); an identifier already taken is 2026."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    try:
        conn.execute(f"INSERT INTO users({names}) VALUES ({marks})",  # noqa: S608
                     tuple(columns.values()))
    except sqlite3.IntegrityError as exc:
        raise PoolError(errors.USER_EXISTS, "user already exists") from exc
    for key, text in custom_data:
        udf.store(conn, udf.USER, str(columns["id"]), key, text, now)
