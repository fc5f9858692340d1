"""What a user can reach: roles (per namespace), resources authorized through roles (with
inherited parent roles), organization paths, departments, applications and the account's
security level (`UserAccess`, over the queries below)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import page_number
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.security_info import assess
from authing_desktop.localpool.timefmt import iso
from authing_desktop.localpool.users import Caller

RESOURCE_TYPES = ("DATA", "API", "MENU", "UI", "BUTTON")
MAX_PAGE_SIZE = 100


def _role_view(row: sqlite3.Row, pool_id: str) -> dict[str, Any]:
    return {
        "id": row["id"], "code": row["code"], "namespace": row["namespace"],
        "arn": f"arn:cn:authing:{pool_id}:role:{row['id']}",
        "description": row["description"], "isSystem": False,
        "createdAt": iso(row["created_at"]), "updatedAt": iso(row["updated_at"]),
        "parentId": row["parent_id"],
    }


def user_roles(conn: sqlite3.Connection, user_id: str, namespace: str | None,
               pool_id: str) -> dict[str, Any]:
    """``{totalCount, list}`` of the user's roles (all namespaces when ``namespace`` is None);
    each role carries its ``parent`` role."""
    sql = ("SELECT r.* FROM user_roles ur JOIN roles r ON r.id = ur.role_id"
           " WHERE ur.user_id = ?")
    args: list[Any] = [user_id]
    if namespace is not None:
        sql += " AND r.namespace = ?"
        args.append(namespace)
    rows = conn.execute(sql + " ORDER BY r.namespace, r.code", args).fetchall()
    items = []
    for row in rows:
        item = _role_view(row, pool_id)
        parent = None
        if row["parent_id"]:
            prow = conn.execute("SELECT * FROM roles WHERE id = ?", (row["parent_id"],)).fetchone()
            parent = _role_view(prow, pool_id) if prow else None
        item["parent"] = parent
        items.append(item)
    return {"totalCount": len(items), "list": items}


def _role_closure(conn: sqlite3.Connection, user_id: str) -> set[str]:
    """The user's roles plus every ancestor role (a child role inherits its parent's grants)."""
    rows = conn.execute(
        "WITH RECURSIVE chain(id) AS ("
        " SELECT role_id FROM user_roles WHERE user_id = ?"
        " UNION SELECT r.parent_id FROM roles r JOIN chain c ON r.id = c.id"
        " WHERE r.parent_id IS NOT NULL) SELECT id FROM chain",
        (user_id,),
    ).fetchall()
    return {row[0] for row in rows}


def authorized_resources(conn: sqlite3.Connection, user_id: str, namespace: str | None,
                         resource_type: str | None) -> dict[str, Any]:
    """``{totalCount, list:[{code, type, actions}]}`` granted to the user through roles; the
    actions of several grants on one resource are merged."""
    if resource_type is not None and resource_type not in RESOURCE_TYPES:
        raise PoolError(errors.BAD_ARGUMENT,
                        f"resourceType must be one of {', '.join(RESOURCE_TYPES)}")
    roles = _role_closure(conn, user_id)
    if not roles:
        return {"totalCount": 0, "list": []}
    marks = ",".join("?" for _ in roles)
    sql = (f"SELECT res.id, res.code, res.type, res.namespace, rr.actions"  # noqa: S608
           f" FROM role_resources rr JOIN resources res ON res.id = rr.resource_id"
           f" WHERE rr.role_id IN ({marks})")
    args: list[Any] = list(roles)
    if namespace is not None:
        sql += " AND res.namespace = ?"
        args.append(namespace)
    if resource_type is not None:
        sql += " AND res.type = ?"
        args.append(resource_type)
    merged: dict[str, dict[str, Any]] = {}
    for row in conn.execute(sql + " ORDER BY res.code", args).fetchall():
        item = merged.setdefault(row["id"], {"code": row["code"], "type": row["type"],
                                             "actions": []})
        for action in json.loads(row["actions"]):
            if action not in item["actions"]:
                item["actions"].append(action)
    items = list(merged.values())
    return {"totalCount": len(items), "list": items}


def _node_row(conn: sqlite3.Connection, node_id: str) -> sqlite3.Row:
    row: sqlite3.Row = conn.execute("SELECT * FROM org_nodes WHERE id = ?", (node_id,)).fetchone()
    return row


def _ancestry(conn: sqlite3.Connection, node_id: str) -> list[sqlite3.Row]:
    """Nodes from the org root down to ``node_id``."""
    chain: list[sqlite3.Row] = []
    current: str | None = node_id
    while current is not None and len(chain) < 64:
        row = _node_row(conn, current)
        chain.append(row)
        current = row["parent_id"]
    chain.reverse()
    return chain


def node_view(conn: sqlite3.Connection, row: sqlite3.Row, pool_id: str) -> dict[str, Any]:
    """An org node as Authing's ``Node`` type (and REST org item)."""
    chain = _ancestry(conn, row["id"])
    children = [r[0] for r in conn.execute(
        "SELECT id FROM org_nodes WHERE parent_id = ? ORDER BY sort_order, name", (row["id"],))]
    org = conn.execute("SELECT root_node_id FROM orgs WHERE id = ?", (row["org_id"],)).fetchone()
    return {
        "type": "node", "id": row["id"], "orgId": row["org_id"], "userPoolId": pool_id,
        "rootNodeId": org["root_node_id"] if org else None,
        "name": row["name"], "nameI18n": None, "description": row["description"],
        "descriptionI18n": None, "order": row["sort_order"], "code": row["code"],
        "leaderUserId": row["leader_user_id"], "root": row["parent_id"] is None,
        "depth": len(chain) - 1, "path": [n["id"] for n in chain],
        "codePath": [n["code"] for n in chain], "namePath": [n["name"] for n in chain],
        "children": children, "createdAt": iso(row["created_at"]),
        "updatedAt": iso(row["updated_at"]),
    }


def user_org_paths(conn: sqlite3.Connection, user_id: str, pool_id: str) -> list[list[Any]]:
    """For each org node the user belongs to, the path [org, root node, ..., that node]."""
    paths: list[list[Any]] = []
    memberships = conn.execute(
        "SELECT m.node_id FROM node_members m JOIN org_nodes n ON n.id = m.node_id"
        " WHERE m.user_id = ? ORDER BY m.is_main DESC, n.name", (user_id,),
    ).fetchall()
    for membership in memberships:
        chain = _ancestry(conn, membership[0])
        org = conn.execute("SELECT * FROM orgs WHERE id = ?", (chain[0]["org_id"],)).fetchone()
        path: list[Any] = [{
            "type": "org", "id": org["id"], "userPoolId": pool_id,
            "rootNodeId": org["root_node_id"], "logo": org["logo"],
            "createdAt": iso(org["created_at"]), "updatedAt": iso(org["updated_at"]),
        }]
        path += [node_view(conn, node, pool_id) for node in chain]
        paths.append(path)
    return paths


def user_departments(conn: sqlite3.Connection, user_id: str, org_id: str | None,
                     pool_id: str) -> dict[str, Any]:
    """``{totalCount, list:[{department, isMainDepartment, joinedAt}]}``."""
    sql = ("SELECT n.*, m.is_main, m.joined_at FROM node_members m"
           " JOIN org_nodes n ON n.id = m.node_id WHERE m.user_id = ?")
    args: list[Any] = [user_id]
    if org_id is not None:
        sql += " AND n.org_id = ?"
        args.append(org_id)
    rows = conn.execute(sql + " ORDER BY m.is_main DESC, n.name", args).fetchall()
    items = [{"department": node_view(conn, row, pool_id),
              "isMainDepartment": bool(row["is_main"]), "joinedAt": iso(row["joined_at"])}
             for row in rows]
    return {"totalCount": len(items), "list": items}


def page_args(page: Any, limit: Any) -> tuple[int, int]:
    """Validated (1 <= page <= `inputs.MAX_PAGE`, 1 <= limit <= 100)."""
    page_n = page_number(page)
    limit_n = page_number(limit, "limit")
    if limit_n > MAX_PAGE_SIZE:
        raise PoolError(errors.BAD_ARGUMENT, f"limit must be between 1 and {MAX_PAGE_SIZE}")
    return page_n, limit_n


def applications(conn: sqlite3.Connection, pool_id: str, page: int,
                 limit: int) -> dict[str, Any]:
    """The applications the user may use (every application of the local pool), paged."""
    total = conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    rows = conn.execute(
        "SELECT * FROM applications ORDER BY created_at, name LIMIT ? OFFSET ?",
        (limit, (page - 1) * limit),
    ).fetchall()
    items = [{
        "id": r["id"], "name": r["name"], "identifier": r["identifier"], "logo": r["logo"],
        "domain": r["domain"], "description": r["description"], "protocol": r["protocol"],
        "userPoolId": pool_id, "isOfficial": False, "isDeleted": False,
        "createdAt": iso(r["created_at"]), "updatedAt": iso(r["updated_at"]),
    } for r in rows]
    return {"list": items, "totalCount": total}


class UserAccess:
    """User.roles / authorizedResources / departments, users/me/orgs, applications and
    security-level."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    def roles(self, user_id: str, namespace: str | None) -> dict[str, Any]:
        """The user's roles."""
        pool_id = self.core.identity.user_pool_id
        return self.core.read(lambda conn: user_roles(conn, user_id, namespace, pool_id))

    def authorized_resources(self, user_id: str, namespace: str | None,
                             resource_type: str | None) -> dict[str, Any]:
        """Resources granted through the user's roles."""
        return self.core.read(lambda conn: authorized_resources(
            conn, user_id, namespace, resource_type))

    def departments(self, user_id: str, org_id: str | None) -> dict[str, Any]:
        """The user's departments."""
        pool_id = self.core.identity.user_pool_id
        return self.core.read(lambda conn: user_departments(conn, user_id, org_id, pool_id))

    def orgs(self, caller: Caller) -> list[list[Any]]:
        """users/me/orgs."""
        auth = self.core.authenticate(caller)
        pool_id = self.core.identity.user_pool_id
        return self.core.read(lambda conn: user_org_paths(conn, auth.user["id"], pool_id))

    def applications(self, caller: Caller, page: Any, limit: Any) -> dict[str, Any]:
        """users/me/applications/allowed."""
        self.core.authenticate(caller)
        page_n, limit_n = page_args(page, limit)
        pool_id = self.core.identity.user_pool_id
        return self.core.read(lambda conn: applications(conn, pool_id, page_n, limit_n))

    def security_level(self, caller: Caller) -> dict[str, Any]:
        """users/me/security-level (the computation and its formula: `security_info`)."""
        user = self.core.authenticate(caller).user
        return self.core.read(lambda conn: assess(conn, user, self.core.second_factors).v2())
