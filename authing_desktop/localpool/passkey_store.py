"""The ``webauthn_credentials`` table: a user's passkeys and security keys, their list view, and
the "last way in" rule (docs/passkeys.md). Every function runs inside the caller's
transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import new_id
from authing_desktop.localpool.passkey_policy import descriptor
from authing_desktop.localpool.timefmt import iso


@dataclass(frozen=True)
class NewCredential:
    """A verified registration, ready to store."""

    credential_id: str  # b64url of the raw credential id
    public_key: bytes  # COSE key
    sign_count: int
    name: str
    authenticator_code: str
    transports: list[str]
    aaguid: str | None
    rp_id: str
    user_verified: bool
    backed_up: bool


def credentials_of(conn: sqlite3.Connection, user_id: str,
                   authenticator_code: str | None = None) -> list[sqlite3.Row]:
    """The user's credentials, oldest first (of one ``authenticator_code`` when given)."""
    if authenticator_code:
        return list(conn.execute(
            "SELECT * FROM webauthn_credentials WHERE user_id = ? AND authenticator_code = ?"
            " ORDER BY created_at, id", (user_id, authenticator_code)).fetchall())
    return list(conn.execute(
        "SELECT * FROM webauthn_credentials WHERE user_id = ? ORDER BY created_at, id",
        (user_id,)).fetchall())


def has_passkey(conn: sqlite3.Connection, user_id: str) -> bool:
    """Whether the user has registered any credential."""
    return conn.execute("SELECT 1 FROM webauthn_credentials WHERE user_id = ? LIMIT 1",
                        (user_id,)).fetchone() is not None


def own_way_in(conn: sqlite3.Connection, user: sqlite3.Row, *, without: str = "") -> bool:
    """Whether ``user`` can sign in with something of the account itself (no linked
    identity): the phone (an SMS code), a password with the email or username, or a passkey.
    ``without``: "phone" or "email", the contact about to be unbound."""
    if user["phone"] and without != "phone":
        return True
    if user["password_hash"] and ((user["email"] and without != "email") or user["username"]):
        return True
    return has_passkey(conn, user["id"])


def find_credential(conn: sqlite3.Connection, credential_id: str) -> sqlite3.Row | None:
    """The credential with the b64url ``credential_id`` (anyone's)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM webauthn_credentials WHERE credential_id = ?",
        (credential_id,)).fetchone()
    return row


def own_credential(conn: sqlite3.Connection, user_id: str, key: str) -> sqlite3.Row | None:
    """The user's credential named by ``key``: its b64url credential id (padding ignored) or
    its internal ``id``; None when the user has none such."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM webauthn_credentials WHERE user_id = ? AND (credential_id = ? OR id = ?)",
        (user_id, key.rstrip("="), key)).fetchone()
    return row


def descriptors(rows: Iterable[sqlite3.Row]) -> list[dict[str, Any]]:
    """The exclude / allow list entries of ``rows``."""
    return [descriptor(row["credential_id"], json.loads(row["transports"])) for row in rows]


def insert_credential(conn: sqlite3.Connection, user_id: str, new: NewCredential,
                      now: float) -> str:
    """Store a registration; its internal id. 409 when the credential is registered already
    (to this user or another)."""
    if find_credential(conn, new.credential_id) is not None:
        raise PoolError(errors.CONFLICT, "this passkey or security key is registered already")
    row_id = new_id()
    conn.execute(
        "INSERT INTO webauthn_credentials(id, user_id, credential_id, public_key, sign_count,"
        " name, authenticator_code, transports, aaguid, rp_id, user_verified, backed_up,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row_id, user_id, new.credential_id, new.public_key, new.sign_count, new.name,
         new.authenticator_code, json.dumps(new.transports), new.aaguid, new.rp_id,
         int(new.user_verified), int(new.backed_up), now))
    return row_id


def record_use(conn: sqlite3.Connection, row_id: str, sign_count: int, now: float) -> None:
    """A verified assertion: its counter and time."""
    conn.execute("UPDATE webauthn_credentials SET sign_count = ?, last_used_at = ? WHERE id = ?",
                 (sign_count, now, row_id))


def rename_credential(conn: sqlite3.Connection, row_id: str, name: str) -> None:
    """Give a credential a new name."""
    conn.execute("UPDATE webauthn_credentials SET name = ? WHERE id = ?", (name, row_id))


def credential_view(row: sqlite3.Row) -> dict[str, Any]:
    """The list item of docs/passkeys.md (no key material)."""
    return {"id": row["id"], "credentialId": row["credential_id"], "name": row["name"],
            "authenticatorCode": row["authenticator_code"],
            "transports": json.loads(row["transports"]), "aaguid": row["aaguid"],
            "createdAt": iso(row["created_at"]),
            "lastUsedAt": iso(row["last_used_at"]) if row["last_used_at"] else None}


def remove_credentials(conn: sqlite3.Connection, user: sqlite3.Row,
                       rows: list[sqlite3.Row]) -> None:
    """Delete ``rows`` (the user's) unless that leaves the account no way to sign in: 2217,
    the same rule as unbinding a phone or unlinking an identity."""
    removing = {row["id"] for row in rows}
    left = [row for row in credentials_of(conn, user["id"]) if row["id"] not in removing]
    if not left and not _other_ways_in(conn, user):
        raise PoolError(errors.LAST_LOGIN_METHOD,
                        "this is the account's only way to sign in: set a password, bind a"
                        " phone or add another passkey first")
    for row_id in removing:
        conn.execute("DELETE FROM webauthn_credentials WHERE id = ? AND user_id = ?",
                     (row_id, user["id"]))


def _other_ways_in(conn: sqlite3.Connection, user: sqlite3.Row) -> bool:
    """Whether the user can sign in without a passkey: a phone (SMS code), a password with an
    email or username, or a linked identity."""
    if user["phone"] or (user["password_hash"] and (user["email"] or user["username"])):
        return True
    return conn.execute("SELECT 1 FROM identities WHERE user_id = ? LIMIT 1",
                        (user["id"],)).fetchone() is not None
