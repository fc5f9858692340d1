"""The management API's user operations (docs/pool-admin.md): createUser, updateUser,
deleteUser(s), users, searchUser, findUser, user, refreshToken(id), the custom data values of
any target (udv, setUdv, setUdvBatch, removeUdv) and ``GET /api/v2/users/{id}``.

Every method takes the caller first and lets only the management token through
(`ManagementAuth.require`); the work itself is `admin_users` / `admin_structure`. Passwords
arrive RSA-encrypted (2016 when they do not decrypt) and are decrypted and hashed before the
write transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from typing import Any

from authing_desktop.localpool import admin_structure, admin_users, errors, udf
from authing_desktop.localpool.access import page_args
from authing_desktop.localpool.admin_users import PreparedPassword
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.management_api import ManagementAuth
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import Caller, get_user

DELETED = {"code": 200, "message": "deleted"}


def _invalid(message: str) -> PoolError:
    return PoolError(errors.PARAMS_INCOMPLETE, message)


def parse_params(params: Any) -> dict[str, Any]:
    """createUser's ``params``: a JSON string ``[{"key", "value"}]`` of raw custom data values
    (None or empty: none)."""
    if params is None or params == "":
        return {}
    try:
        decoded = json.loads(params) if isinstance(params, str) else None
    except ValueError:
        decoded = None
    if not isinstance(decoded, list) or not all(
            isinstance(item, dict) and isinstance(item.get("key"), str) for item in decoded):
        raise _invalid('params must be a JSON string of [{"key": ..., "value": ...}]')
    return {item["key"]: item.get("value") for item in decoded}


def _defined(conn: sqlite3.Connection, target_type: str, key: str) -> None:
    if conn.execute("SELECT 1 FROM udf_definitions WHERE target_type = ? AND key = ?",
                    (target_type, key)).fetchone() is None:
        raise _invalid(f"custom field {key!r} is not defined for {target_type}: define it"
                       " first (setUdf)")


class UserManagement:
    """Users and custom data values, for the management token."""

    def __init__(self, core: PoolCore, auth: ManagementAuth) -> None:
        self.core = core
        self.auth = auth

    # ----------------------------------------------------------------- helpers
    def _view(self, conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
        return self.core.view(conn, row, None, None)

    def _page(self, conn: sqlite3.Connection, total: int,
              rows: list[sqlite3.Row]) -> dict[str, Any]:
        return {"totalCount": total, "list": [self._view(conn, row) for row in rows]}

    def _password(self, fields: Mapping[str, Any]) -> PreparedPassword | None:
        ciphertext = fields.get("password")
        if ciphertext is None:
            return None
        if not isinstance(ciphertext, str):
            raise _invalid("password must be a string")
        return admin_users.hash_new_password(self.core.decrypt(ciphertext))

    # ----------------------------------------------------------------- users
    def create_user(self, caller: Caller, user_info: Mapping[str, Any] | None, params: Any,
                    identity: Mapping[str, Any] | None, keep_password: bool | None,
                    reset_on_first_login: bool | None) -> dict[str, Any]:
        """createUser: a user with the given fields (nulls ignored), ``params`` custom data,
        an external ``identity``, ``resetPasswordOnFirstLogin``; ``emailVerified`` defaults to
        the pool's ``emailVerifiedDefault``. ``keepPassword: true`` is refused (2231): the
        local pool has no custom password-hash function."""
        self.auth.require(caller)
        if keep_password:
            raise _invalid("keepPassword is not supported: the local pool has no custom"
                           " password-hash function; send the password to be hashed")
        fields = {key: value for key, value in (user_info or {}).items()
                  if value is not None and key not in ("password", "registerSource")}
        if reset_on_first_login is not None:
            fields["resetPasswordOnFirstLogin"] = reset_on_first_login
        prepared = self._password(user_info or {})
        custom = parse_params(params)
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            if fields.get("email") and "emailVerified" not in fields:
                fields["emailVerified"] = core.policy(conn).email_verified_default
            user_id = admin_users.create_user(conn, core.clock, fields, custom_data=custom,
                                              prepared_password=prepared)
            if identity:
                admin_users.add_identity(
                    conn, core.clock, user_id, identity["provider"], identity["userIdInIdp"],
                    connection=identity.get("connectionId"), openid=identity.get("openid"))
            return self._view(conn, get_user(conn, user_id))

        return core.write(run)

    def update_user(self, caller: Caller, user_id: str | None,
                    updates: Mapping[str, Any] | None) -> dict[str, Any]:
        """updateUser(id, input) on any user: identifiers, verified flags, ``blocked``, the
        password, the profile, and the local ``resetPasswordOnNextLogin`` (nulls ignored)."""
        self.auth.require(caller)
        if not user_id:
            raise _invalid("id is required")
        changes = {key: value for key, value in (updates or {}).items()
                   if value is not None and key != "password"}
        prepared = self._password(updates or {})
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            admin_users.update_user(conn, core.clock, user_id, changes,
                                    prepared_password=prepared)
            return self._view(conn, get_user(conn, user_id))

        return core.write(run)

    def delete_user(self, caller: Caller, user_id: str) -> dict[str, Any]:
        """deleteUser: ``{code, message}``, 2004 when there is no such user (returned)."""
        self.auth.require(caller)
        try:
            self.core.write(lambda conn: admin_users.delete_user(conn, user_id))
        except PoolError as exc:
            return {"code": exc.code, "message": exc.message}
        return DELETED

    def delete_users(self, caller: Caller, user_ids: list[str]) -> dict[str, Any]:
        """deleteUsers: every listed user that exists."""
        self.auth.require(caller)
        count = self.core.write(lambda conn: admin_users.delete_users(conn, user_ids))
        return {"code": 200, "message": f"deleted {count} users"}

    def list_users(self, caller: Caller, page: int | None, limit: int | None,
                   sort_by: str | None, exclude_in_org: bool | None) -> dict[str, Any]:
        """users(page, limit, sortBy, excludeUsersInOrg)."""
        self.auth.require(caller)
        page_n, limit_n = page_args(page or 1, limit or 10)
        order = sort_by or "CREATEDAT_DESC"

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            total, rows = admin_users.list_users(
                conn, page_n, limit_n, newest_first=order.endswith("_DESC"),
                by_updated=order.startswith("UPDATEDAT"), exclude_in_org=bool(exclude_in_org))
            return self._page(conn, total, rows)

        return self.core.read(run)

    def search_users(self, caller: Caller, query: str, fields: list[str] | None,
                     page: int | None, limit: int | None,
                     department_opts: list[dict[str, Any]] | None,
                     group_opts: list[dict[str, Any]] | None,
                     role_opts: list[dict[str, Any]] | None) -> dict[str, Any]:
        """searchUser: a case-insensitive substring of the user's identifiers and names,
        limited to members of the departments / holders of the roles when given (the local
        pool has no groups: group options match nobody)."""
        self.auth.require(caller)
        page_n, limit_n = page_args(page or 1, limit or 10)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            only: set[str] | None = None
            if department_opts:
                only = _department_members(conn, department_opts)
            if role_opts:
                holders = _role_holders(conn, role_opts)
                only = holders if only is None else only & holders
            if group_opts:
                only = set()
            total, rows = admin_users.search_users(
                conn, query, page_n, limit_n, fields=[f for f in fields or [] if f],
                only_ids=None if only is None else sorted(only))
            return self._page(conn, total, rows)

        return self.core.read(run)

    def find_user(self, caller: Caller, email: str | None, phone: str | None,
                  username: str | None, external_id: str | None,
                  identity: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """findUser: the user matching every given identifier (or the external identity),
        None when there is none."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any] | None:
            row = None
            external = (identity or {}).get("userIdInIdp") or (identity or {}).get("identifier")
            if identity and isinstance(external, str):
                row = admin_users.find_by_identity(conn, identity.get("provider"), external)
            if row is None:
                row = admin_users.find_user(conn, email=email, phone=phone, username=username,
                                            external_id=external_id)
            return None if row is None else self._view(conn, row)

        return self.core.read(run)

    def user(self, caller: Caller, user_id: str | None) -> dict[str, Any]:
        """user(id) on any user (2004 when there is none)."""
        self.auth.require(caller)
        if not user_id:
            raise _invalid("id is required")
        return self.core.read(lambda conn: self._view(conn, get_user(conn, user_id)))

    def detail(self, caller: Caller, user_id: str, with_custom_data: bool) -> dict[str, Any]:
        """``GET /api/v2/users/{id}``: the user, with ``customData`` (a list) when asked."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            view = self._view(conn, get_user(conn, user_id))
            if with_custom_data:
                view["customData"] = udf.values(conn, udf.USER, user_id)
            return view

        return self.core.read(run)

    def refresh_token(self, caller: Caller, user_id: str | None) -> dict[str, Any]:
        """refreshToken(id): a new login token for that user, as if they had signed in."""
        self.auth.require(caller)
        if not user_id:
            raise _invalid("id is required: the management token has no user of its own")
        issued = self.core.write(lambda conn: admin_structure.mint_login_token(
            conn, self.core.tokens, user_id, client_ip=caller.peer_ip,
            user_agent=caller.user_agent))
        return {"token": issued.token, "iat": issued.iat, "exp": issued.exp}

    # ----------------------------------------------------------------- custom data values
    def _target(self, conn: sqlite3.Connection, target_type: str, target_id: str) -> None:
        if target_type == udf.USER:
            get_user(conn, target_id)

    def list_udv(self, caller: Caller, target_type: str,
                 target_id: str) -> list[dict[str, Any]]:
        """udv(targetType, targetId) of any target."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            self._target(conn, target_type, target_id)
            return udf.values(conn, target_type, target_id)

        return self.core.read(run)

    def set_udv(self, caller: Caller, target_type: str, target_id: str,
                items: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """setUdv / setUdvBatch: JSON-text values, all or nothing (2231 for a key with no
        definition)."""
        self.auth.require(caller)
        now = self.core.clock.now()

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            self._target(conn, target_type, target_id)
            prepared = []
            for key, text in items:
                _defined(conn, target_type, key)
                prepared.append((key, udf.prepare_json(conn, target_type, key, text)))
            for key, value in prepared:
                udf.store(conn, target_type, target_id, key, value, now)
            return udf.values(conn, target_type, target_id)

        return self.core.write(run)

    def remove_udv(self, caller: Caller, target_type: str, target_id: str,
                   key: str) -> list[dict[str, Any]]:
        """removeUdv: the target's remaining values."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            self._target(conn, target_type, target_id)
            _defined(conn, target_type, key)
            udf.remove(conn, target_type, target_id, key)
            return udf.values(conn, target_type, target_id)

        return self.core.write(run)


def _department_members(conn: sqlite3.Connection, options: list[dict[str, Any]]) -> set[str]:
    members: set[str] = set()
    for option in options:
        node_id = (option or {}).get("departmentId")
        if not node_id:
            continue
        nodes = [node_id]
        if option.get("includeChildrenDepartments"):
            nodes = [row[0] for row in conn.execute(
                "WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT n.id FROM org_nodes n"
                " JOIN below b ON n.parent_id = b.id) SELECT id FROM below", (node_id,))]
        for node in nodes:
            members |= {row[0] for row in conn.execute(
                "SELECT user_id FROM node_members WHERE node_id = ?", (node,))}
    return members


def _role_holders(conn: sqlite3.Connection, options: list[dict[str, Any]]) -> set[str]:
    holders: set[str] = set()
    for option in options:
        role = admin_structure.find_role(conn, (option or {}).get("code") or "",
                                         (option or {}).get("namespace"))
        if role is not None:
            holders |= {row[0] for row in conn.execute(
                "SELECT user_id FROM user_roles WHERE role_id = ?", (role["id"],))}
    return holders
