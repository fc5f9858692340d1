"""The user's profile: reading the signed-in user, updating its fields, and isUserExists."""

from __future__ import annotations

import sqlite3
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import check_ip, check_profile_value, check_username
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import (
    PROFILE_COLUMNS,
    Caller,
    find_by_email,
    find_by_phone,
    find_by_username,
)

# UpdateUserInput fields that are the pool's to manage, not the user's. ``lastIP``,
# ``browser`` and ``device`` are the user's to set (the seed's update_profile example); the
# pool also writes lastIP at every sign-in (docs/local-pool.md, "Profile fields").
SYSTEM_FIELDS = frozenset({
    "unionid", "openid", "emailVerified", "phoneVerified", "oauth", "tokenExpiredAt",
    "loginsCount", "lastLogin", "blocked", "externalId", "mainDepartmentId",
    "mainDepartmentCode",
})
# Fields with their own operation, and why updateUser refuses them.
OWN_OPERATION = {
    "email": (errors.EMAIL_VIA_UPDATE_USER,
              "email cannot be changed here: use updateEmail / bindEmail"),
    "phone": (errors.PHONE_VIA_UPDATE_USER,
              "phone cannot be changed here: use updatePhone / bindPhone"),
    "password": (errors.NO_PERMISSION, "password cannot be changed here: use updatePassword"),
}


def _profile_changes(updates: dict[str, Any]) -> dict[str, Any]:
    """The column changes of an UpdateUserInput (each value checked)."""
    changes: dict[str, Any] = {}
    for key, value in updates.items():
        if key in OWN_OPERATION:
            raise PoolError(*OWN_OPERATION[key])
        if key in SYSTEM_FIELDS:
            raise PoolError(errors.NO_PERMISSION, f"{key} is managed by the pool")
        if key == "username":
            if value is None:
                raise PoolError(errors.BAD_ARGUMENT, "username cannot be removed")
            changes["username"] = check_username(value)
            continue
        if key == "lastIP":
            changes["last_ip"] = check_ip(key, value)
            continue
        column = PROFILE_COLUMNS.get(key)
        if column is None:
            raise PoolError(errors.BAD_ARGUMENT, f"unknown field {key!r}")
        changes[column] = check_profile_value(key, value)
    if "gender" in changes and changes["gender"] is None:
        changes["gender"] = "U"
    return changes


class Profile:
    """user(id), updateUser and isUserExists."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    def user_by_id(self, caller: Caller, user_id: str | None) -> dict[str, Any]:
        """user(id): the signed-in user (nested fields resolve on demand)."""
        auth = self.core.own(caller, user_id)
        return self.core.read(lambda conn: self.core.auth_view(conn, auth))

    def update_profile(self, caller: Caller, user_id: str | None,
                       updates: dict[str, Any]) -> dict[str, Any]:
        """updateUser(id, input) for the signed-in user."""
        core = self.core
        auth = core.authenticate(caller)
        if user_id is not None and user_id != auth.user["id"]:
            raise PoolError(errors.NO_PERMISSION, "you can only update your own profile")
        changes = _profile_changes(updates)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            if changes:
                sets = ", ".join(f"{column} = ?" for column in changes)
                try:
                    conn.execute(f"UPDATE users SET {sets}, updated_at = ? WHERE id = ?",  # noqa: S608
                                 (*changes.values(), core.clock.now(), auth.user["id"]))
                except sqlite3.IntegrityError as exc:
                    raise PoolError(errors.USERNAME_EXISTS, "username already exists") from exc
            return core.auth_view(conn, auth)

        return core.write(run)

    def is_user_exists(self, email: str | None, phone: str | None, username: str | None,
                       external_id: str | None) -> bool:
        """isUserExists: any given identifier matches a user."""
        def run(conn: sqlite3.Connection) -> bool:
            if email and find_by_email(conn, email) is not None:
                return True
            if phone and find_by_phone(conn, phone) is not None:
                return True
            if username and find_by_username(conn, username) is not None:
                return True
            return bool(external_id) and conn.execute(
                "SELECT 1 FROM users WHERE external_id = ?", (external_id,)).fetchone() is not None

        return self.core.read(run)
