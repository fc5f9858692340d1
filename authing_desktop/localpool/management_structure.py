"""The management API's operations on what surrounds the users (docs/pool-admin.md): custom
field definitions (setUdf, udf, removeUdf), roles (createRole, role, roles, assignRole,
revokeRole), organizations (createOrg, addNode, addNodeV2, addMember, Node.users), the user
pool's settings (userpool, updateUserpool, ``GET /api/v2/userpools/detail``) and applications
(``/api/v2/applications``).

Every method takes the caller first and lets only the management token through
(`ManagementAuth.require`); the work itself is `admin_structure` / `pool_policy`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from authing_desktop.localpool import admin_structure, errors, pool_policy
from authing_desktop.localpool.access import node_view, page_args
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.management_api import ManagementAuth
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import Caller


def _invalid(message: str) -> PoolError:
    return PoolError(errors.PARAMS_INCOMPLETE, message)


def _role_codes(role_code: str | None, role_codes: list[str | None] | None) -> list[str]:
    codes = [code for code in [role_code, *(role_codes or [])] if code]
    if not codes:
        raise _invalid("roleCode or roleCodes is required")
    return list(dict.fromkeys(codes))


def _no_groups_or_nodes(group_codes: list[str] | None, node_codes: list[str] | None) -> None:
    if group_codes or node_codes:
        raise _invalid("the local pool assigns roles to users only (no groupCodes or"
                       " nodeCodes)")


class PoolManagement:
    """Definitions, roles, organizations, applications and the pool policy, for the
    management token."""

    def __init__(self, core: PoolCore, auth: ManagementAuth) -> None:
        self.core = core
        self.auth = auth

    @property
    def _pool_id(self) -> str:
        return self.core.identity.user_pool_id

    # ----------------------------------------------------------------- custom fields
    def set_udf(self, caller: Caller, target_type: str, key: str, data_type: str,
                label: str | None, options: str | None) -> dict[str, Any]:
        """setUdf: define or redefine a custom field (stored values are kept)."""
        self.auth.require(caller)
        return self.core.write(lambda conn: admin_structure.define_udf(
            conn, target_type, key, data_type, label, options))

    def list_udf(self, caller: Caller, target_type: str) -> list[dict[str, Any]]:
        """udf(targetType) of any target type."""
        self.auth.require(caller)
        return self.core.read(lambda conn: admin_structure.list_udfs(conn, target_type))

    def remove_udf(self, caller: Caller, target_type: str, key: str) -> dict[str, Any]:
        """removeUdf: the definition and every value stored under it."""
        self.auth.require(caller)
        removed = self.core.write(lambda conn: admin_structure.remove_udf(
            conn, target_type, key))
        if not removed:
            return {"code": errors.NOT_FOUND, "message": f"custom field {key!r} is not defined"}
        return {"code": 200, "message": "custom field removed"}

    # ----------------------------------------------------------------- roles
    def create_role(self, caller: Caller, namespace: str | None, code: str,
                    description: str | None, parent: str | None) -> dict[str, Any]:
        """createRole (``parent``: a role code of the same namespace)."""
        self.auth.require(caller)
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            row = admin_structure.create_role(conn, core.clock, code, namespace=namespace,
                                              description=description, parent_code=parent)
            return admin_structure.role_view(conn, row, self._pool_id)

        return core.write(run)

    def role(self, caller: Caller, code: str, namespace: str | None) -> dict[str, Any] | None:
        """role(code, namespace): the role, or None."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any] | None:
            row = admin_structure.find_role(conn, code, namespace)
            return None if row is None else admin_structure.role_view(conn, row, self._pool_id)

        return self.core.read(run)

    def roles(self, caller: Caller, namespace: str | None, page: int | None,
              limit: int | None, sort_by: str | None) -> dict[str, Any]:
        """roles(namespace, page, limit): newest first."""
        self.auth.require(caller)
        page_n, limit_n = page_args(page or 1, limit or 10)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            total, rows = admin_structure.list_roles(conn, namespace, page_n, limit_n)
            if sort_by in ("CREATEDAT_ASC", "UPDATEDAT_ASC"):
                rows.reverse()
            return {"totalCount": total,
                    "list": [admin_structure.role_view(conn, row, self._pool_id)
                             for row in rows]}

        return self.core.read(run)

    def assign_role(self, caller: Caller, namespace: str | None, role_code: str | None,
                    role_codes: list[str | None] | None, user_ids: list[str] | None,
                    group_codes: list[str] | None,
                    node_codes: list[str] | None) -> dict[str, Any]:
        """assignRole: the roles to the users (404 for an unknown role)."""
        self._change_roles(admin_structure.assign_roles, caller, namespace, role_code,
                           role_codes, user_ids, group_codes, node_codes)
        return {"code": 200, "message": "roles assigned"}

    def revoke_role(self, caller: Caller, namespace: str | None, role_code: str | None,
                    role_codes: list[str | None] | None, user_ids: list[str] | None,
                    group_codes: list[str] | None,
                    node_codes: list[str] | None) -> dict[str, Any]:
        """revokeRole: the roles from the users."""
        self._change_roles(admin_structure.revoke_roles, caller, namespace, role_code,
                           role_codes, user_ids, group_codes, node_codes)
        return {"code": 200, "message": "roles revoked"}

    def _change_roles(self, change: Callable[..., object], caller: Caller,
                      namespace: str | None, role_code: str | None,
                      role_codes: list[str | None] | None, user_ids: list[str] | None,
                      group_codes: list[str] | None, node_codes: list[str] | None) -> None:
        self.auth.require(caller)
        _no_groups_or_nodes(group_codes, node_codes)
        codes = _role_codes(role_code, role_codes)
        self.core.write(lambda conn: change(conn, codes, user_ids or [], namespace))

    # ----------------------------------------------------------------- organizations
    def create_org(self, caller: Caller, name: str, code: str | None,
                   description: str | None) -> dict[str, Any]:
        """createOrg: the org with its root node."""
        self.auth.require(caller)
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            org_id = admin_structure.create_org(conn, core.clock, name, code, description)
            return admin_structure.org_view(conn, org_id, self._pool_id)

        return core.write(run)

    def _add_node(self, conn: sqlite3.Connection, org_id: str, parent_node_id: str | None,
                  name: str, description: str | None, order: int | None,
                  code: str | None) -> str:
        return admin_structure.add_node(conn, self.core.clock, org_id, name, parent_node_id,
                                        code, description, order)

    def add_node(self, caller: Caller, org_id: str, parent_node_id: str | None, name: str,
                 name_i18n: str | None, description: str | None,
                 description_i18n: str | None, order: int | None,
                 code: str | None) -> dict[str, Any]:
        """addNode: the whole org after adding the node (i18n names are not kept)."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            self._add_node(conn, org_id, parent_node_id, name, description, order, code)
            return admin_structure.org_view(conn, org_id, self._pool_id)

        return self.core.write(run)

    def add_node_v2(self, caller: Caller, org_id: str, parent_node_id: str | None, name: str,
                    name_i18n: str | None, description: str | None,
                    description_i18n: str | None, order: int | None,
                    code: str | None) -> dict[str, Any]:
        """addNodeV2: the new node."""
        self.auth.require(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            node_id = self._add_node(conn, org_id, parent_node_id, name, description, order,
                                     code)
            return node_view(conn, admin_structure.find_node(conn, node_id=node_id),
                             self._pool_id)

        return self.core.write(run)

    def add_member(self, caller: Caller, node_id: str | None, org_id: str | None,
                   node_code: str | None, user_ids: list[str],
                   is_leader: bool | None) -> dict[str, Any]:
        """addMember: the node (named by id, or by code within the org) with its new
        members; the first node a user joins is their main department."""
        self.auth.require(caller)
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            node = admin_structure.find_node(conn, node_id=node_id, org_id=org_id,
                                             code=node_code)
            admin_structure.add_members(conn, core.clock, node["id"], user_ids,
                                        is_leader=bool(is_leader))
            return node_view(conn, node, self._pool_id)

        return core.write(run)

    def node_users(self, caller: Caller, node_id: str, page: int | None, limit: int | None,
                   sort_by: str | None, include_children: bool | None) -> dict[str, Any]:
        """Node.users: the node's members (and its descendants' when
        ``includeChildrenNodes``)."""
        self.auth.require(caller)
        page_n, limit_n = page_args(page or 1, limit or 10)
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            total, rows = admin_structure.node_members(
                conn, node_id, page_n, limit_n,
                include_children=include_children is not False)
            if sort_by in ("CREATEDAT_DESC", "UPDATEDAT_DESC"):
                rows.reverse()
            return {"totalCount": total,
                    "list": [core.view(conn, row, None, None) for row in rows]}

        return core.read(run)

    # ----------------------------------------------------------------- the pool itself
    def _pool_view(self, conn: sqlite3.Connection) -> dict[str, Any]:
        identity = self.core.identity
        return pool_policy.policy_view(conn, self.core.settings,
                                       user_pool_id=identity.user_pool_id,
                                       secret=identity.user_pool_secret)

    def userpool(self, caller: Caller) -> dict[str, Any]:
        """userpool / userpools/detail: the pool and its policy."""
        self.auth.require(caller)
        return self.core.read(self._pool_view)

    def update_userpool(self, caller: Caller,
                        changes: Mapping[str, Any] | None) -> dict[str, Any]:
        """updateUserpool(input): store the policy changes (2231 for an unknown key or a bad
        value); the pool as it is now."""
        self.auth.require(caller)
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            pool_policy.update_policy(conn, core.settings, changes or {}, core.clock.now())
            return self._pool_view(conn)

        return core.write(run)

    # ----------------------------------------------------------------- applications
    def _app_view(self, row: sqlite3.Row) -> dict[str, Any]:
        identity = self.core.identity
        own = identity.app_secret if row["id"] == identity.app_id else None
        return admin_structure.application_view(row, self._pool_id, own)

    def applications(self, caller: Caller, page: Any, limit: Any) -> dict[str, Any]:
        """``GET /api/v2/applications``: ``{totalCount, list}``."""
        self.auth.require(caller)
        page_n, limit_n = page_args(page or 1, limit or 10)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            total, rows = admin_structure.list_applications(conn, page_n, limit_n)
            return {"totalCount": total,
                    "list": [self._app_view(row) for row in rows]}

        return self.core.read(run)

    def create_application(self, caller: Caller, body: Mapping[str, Any]) -> dict[str, Any]:
        """``POST /api/v2/applications`` ``{name, identifier, redirectUris, logo}``."""
        self.auth.require(caller)
        if not isinstance(body.get("name"), str) or not isinstance(body.get("identifier"), str):
            raise _invalid("name and identifier are required")
        core = self.core

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            app_id = admin_structure.create_application(
                conn, core.clock, body["name"], body["identifier"],
                body.get("redirectUris") or [], logo=body.get("logo"),
                description=body.get("description"))
            return self._app_view(admin_structure.get_application(conn, app_id))

        return core.write(run)

    def application(self, caller: Caller, app_id: str) -> dict[str, Any]:
        """``GET /api/v2/applications/{id}`` (404 when none)."""
        self.auth.require(caller)
        return self.core.read(lambda conn: self._app_view(
            admin_structure.get_application(conn, app_id)))

    def delete_application(self, caller: Caller, app_id: str) -> None:
        """``DELETE /api/v2/applications/{id}`` (the pool's own application stays)."""
        self.auth.require(caller)
        self.core.write(lambda conn: admin_structure.delete_application(
            conn, app_id, self.core.identity.app_id))
