"""Admin operations on what surrounds the users: custom field definitions (UDF), roles and
their members, organizations with their nodes and members, applications, and minting a login
token for a user. Plain functions over the pool's SQLite connection, shared by every admin
entry point (docs/pool-admin.md).

Contract (as in `admin_users`): writing functions run inside one write transaction
(`Database.write`); names and values are Authing's (camelCase in views); failures are
`PoolError`: 2231 bad value, 2026 role exists, 404 no such role / node / org / application,
2004 no such user, 400 an application identifier already used.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from authing_desktop.localpool import errors, udf
from authing_desktop.localpool.access import node_view
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import new_id
from authing_desktop.localpool.inputs import is_valid_text
from authing_desktop.localpool.timefmt import iso
from authing_desktop.localpool.tokens import IssuedToken, TokenService
from authing_desktop.localpool.users import get_user

DEFAULT_NAMESPACE = "default"
UDF_TARGET_TYPES = ("NODE", "ORG", "USER", "USERPOOL", "ROLE", "PERMISSION", "APPLICATION")
UDF_DATA_TYPES = ("STRING", "NUMBER", "DATETIME", "BOOLEAN", "OBJECT", "SELECT")
MAX_NAME_LENGTH = 256
_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_CODE_RE = re.compile(r"^[A-Za-z0-9_:.\-]{1,64}$")
_IDENTIFIER_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def _invalid(message: str) -> PoolError:
    return PoolError(errors.PARAMS_INCOMPLETE, message)


def _text(name: str, value: Any, *, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME_LENGTH \
            or not is_valid_text(value):
        raise _invalid(f"{name} must be a non-empty string of at most {MAX_NAME_LENGTH}"
                       " characters")
    return value.strip()


def _code(name: str, value: Any) -> str:
    if not isinstance(value, str) or not _CODE_RE.match(value):
        raise _invalid(f"{name} must be 1-64 letters, digits or _ : . -")
    return value


# ================================================================== custom field definitions
def define_udf(conn: sqlite3.Connection, target_type: str, key: str, data_type: str,
               label: str | None = None, options: str | None = None) -> dict[str, Any]:
    """Define (or redefine: new type and label, stored values kept) the custom field ``key``
    of ``target_type``; its view ``{targetType, dataType, key, label, options}``. SELECT is
    kept as SELECT and read like STRING."""
    if target_type not in UDF_TARGET_TYPES:
        raise _invalid(f"targetType must be one of {', '.join(UDF_TARGET_TYPES)}")
    if data_type not in UDF_DATA_TYPES:
        raise _invalid(f"dataType must be one of {', '.join(UDF_DATA_TYPES)}")
    if not isinstance(key, str) or not _KEY_RE.match(key):
        raise _invalid("key must start with a letter or _ and hold only letters, digits, _"
                       " (at most 64)")
    label = _text("label", label, required=False) if label else None
    if options is not None and not isinstance(options, str):
        raise _invalid("options must be a string")
    conn.execute(
        "INSERT INTO udf_definitions(target_type, key, data_type, label, options)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(target_type, key) DO UPDATE SET"
        " data_type = excluded.data_type, label = excluded.label, options = excluded.options",
        (target_type, key, data_type, label, options),
    )
    return {"targetType": target_type, "dataType": data_type, "key": key, "label": label,
            "options": options}


def remove_udf(conn: sqlite3.Connection, target_type: str, key: str) -> bool:
    """Remove a custom field definition and every value stored under it; whether it
    existed."""
    conn.execute("DELETE FROM udf_values WHERE target_type = ? AND key = ?", (target_type, key))
    cursor = conn.execute("DELETE FROM udf_definitions WHERE target_type = ? AND key = ?",
                          (target_type, key))
    return cursor.rowcount > 0


def list_udfs(conn: sqlite3.Connection, target_type: str) -> list[dict[str, Any]]:
    """The field definitions of ``target_type``, by key."""
    return udf.definitions(conn, target_type)


# ================================================================== roles
def role_view(conn: sqlite3.Connection, row: sqlite3.Row, pool_id: str) -> dict[str, Any]:
    """A role as Authing's ``Role`` (with its ``parent`` role, or None)."""
    view = _role_fields(row, pool_id)
    parent = None
    if row["parent_id"]:
        parent_row = conn.execute("SELECT * FROM roles WHERE id = ?",
                                  (row["parent_id"],)).fetchone()
        parent = _role_fields(parent_row, pool_id) if parent_row else None
    view["parent"] = parent
    return view


def _role_fields(row: sqlite3.Row, pool_id: str) -> dict[str, Any]:
    return {"id": row["id"], "code": row["code"], "namespace": row["namespace"],
            "arn": f"arn:cn:authing:{pool_id}:role:{row['id']}",
            "description": row["description"], "isSystem": False,
            "createdAt": iso(row["created_at"]), "updatedAt": iso(row["updated_at"]),
            "parent": None}


def _namespace(conn: sqlite3.Connection, clock: Clock, namespace: str | None) -> str:
    """``namespace`` (None: the default one), created when missing."""
    name = DEFAULT_NAMESPACE if namespace is None else _code("namespace", namespace)
    conn.execute("INSERT OR IGNORE INTO namespaces(code, name, created_at) VALUES (?, ?, ?)",
                 (name, name, clock.now()))
    return name


def find_role(conn: sqlite3.Connection, code: str,
              namespace: str | None = None) -> sqlite3.Row | None:
    """The role ``code`` of ``namespace`` (None: ``default``), or None."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM roles WHERE namespace = ? AND code = ?",
        (namespace or DEFAULT_NAMESPACE, code)).fetchone()
    return row


def _role(conn: sqlite3.Connection, code: str, namespace: str | None) -> sqlite3.Row:
    row = find_role(conn, code, namespace)
    if row is None:
        raise PoolError(errors.NOT_FOUND, f"role {code!r} does not exist")
    return row


def create_role(conn: sqlite3.Connection, clock: Clock, code: str, *,
                namespace: str | None = None, description: str | None = None,
                parent_code: str | None = None) -> sqlite3.Row:
    """A new role in ``namespace`` (None: ``default``; a missing namespace is created), with
    the role ``parent_code`` of that namespace as its parent (it inherits the parent's
    grants); 2026 when the code is taken."""
    code = _code("code", code)
    name = _namespace(conn, clock, namespace)
    description = _text("description", description, required=False) if description else None
    parent_id = _role(conn, parent_code, name)["id"] if parent_code else None
    if find_role(conn, code, name) is not None:
        raise PoolError(errors.USER_EXISTS, f"role {code!r} already exists")
    now = clock.now()
    role_id = new_id()
    conn.execute(
        "INSERT INTO roles(id, namespace, code, description, parent_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", (role_id, name, code, description, parent_id, now, now))
    return _role(conn, code, name)


def delete_role(conn: sqlite3.Connection, code: str, namespace: str | None = None) -> None:
    """Delete a role (its members lose it; child roles lose their parent); 404 when none."""
    conn.execute("DELETE FROM roles WHERE id = ?", (_role(conn, code, namespace)["id"],))


def list_roles(conn: sqlite3.Connection, namespace: str | None = None, page: int = 1,
               limit: int = 10) -> tuple[int, list[sqlite3.Row]]:
    """``(total, rows of the page)`` of the roles of ``namespace`` (None: ``default``), newest
    first."""
    name = namespace or DEFAULT_NAMESPACE
    total = int(conn.execute("SELECT COUNT(*) FROM roles WHERE namespace = ?",
                             (name,)).fetchone()[0])
    rows = conn.execute(
        "SELECT * FROM roles WHERE namespace = ? ORDER BY created_at DESC, code"
        " LIMIT ? OFFSET ?", (name, limit, (page - 1) * limit)).fetchall()
    return total, list(rows)


def _users_exist(conn: sqlite3.Connection, user_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(user_ids))
    for user_id in ids:
        get_user(conn, user_id)
    return ids


def assign_roles(conn: sqlite3.Connection, role_codes: Sequence[str], user_ids: Iterable[str],
                 namespace: str | None = None) -> None:
    """Give every listed user every listed role of ``namespace`` (idempotent); 404 for an
    unknown role, 2004 for an unknown user, and then nothing is assigned."""
    roles = [_role(conn, code, namespace)["id"] for code in role_codes]
    for user_id in _users_exist(conn, user_ids):
        for role_id in roles:
            conn.execute("INSERT OR IGNORE INTO user_roles(user_id, role_id) VALUES (?, ?)",
                         (user_id, role_id))


def revoke_roles(conn: sqlite3.Connection, role_codes: Sequence[str], user_ids: Iterable[str],
                 namespace: str | None = None) -> None:
    """Take the listed roles from the listed users (404 for an unknown role)."""
    roles = [_role(conn, code, namespace)["id"] for code in role_codes]
    for user_id in dict.fromkeys(user_ids):
        for role_id in roles:
            conn.execute("DELETE FROM user_roles WHERE user_id = ? AND role_id = ?",
                         (user_id, role_id))


# ================================================================== organizations
def _node(conn: sqlite3.Connection, node_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM org_nodes WHERE id = ?",
                                           (node_id,)).fetchone()
    if row is None:
        raise PoolError(errors.NOT_FOUND, "the org node does not exist")
    return row


def _org(conn: sqlite3.Connection, org_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute("SELECT * FROM orgs WHERE id = ?",
                                           (org_id,)).fetchone()
    if row is None:
        raise PoolError(errors.NOT_FOUND, "the org does not exist")
    return row


def _insert_node(conn: sqlite3.Connection, now: float, org_id: str, parent_id: str | None,
                 name: str, code: str | None, description: str | None, order: int) -> str:
    node_id = new_id()
    conn.execute(
        "INSERT INTO org_nodes(id, org_id, parent_id, name, code, description, sort_order,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (node_id, org_id, parent_id, name, code, description, order, now, now))
    return node_id


def create_org(conn: sqlite3.Connection, clock: Clock, name: str, code: str | None = None,
               description: str | None = None) -> str:
    """A new organization whose root node carries ``name``, ``code``, ``description``; its
    id."""
    name_text = _text("name", name)
    assert name_text is not None
    code = _code("code", code) if code is not None else None
    description = _text("description", description, required=False) if description else None
    now = clock.now()
    org_id = new_id()
    conn.execute("INSERT INTO orgs(id, created_at, updated_at) VALUES (?, ?, ?)",
                 (org_id, now, now))
    root = _insert_node(conn, now, org_id, None, name_text, code, description, 0)
    conn.execute("UPDATE orgs SET root_node_id = ? WHERE id = ?", (root, org_id))
    return org_id


def add_node(conn: sqlite3.Connection, clock: Clock, org_id: str, name: str,
             parent_node_id: str | None = None, code: str | None = None,
             description: str | None = None, order: int | None = None) -> str:
    """A new node of ``org_id`` under ``parent_node_id`` (None: the root node); its id."""
    org = _org(conn, org_id)
    parent = _node(conn, parent_node_id or org["root_node_id"])
    if parent["org_id"] != org_id:
        raise PoolError(errors.NOT_FOUND, "the parent node is not in this org")
    name_text = _text("name", name)
    assert name_text is not None
    code = _code("code", code) if code is not None else None
    description = _text("description", description, required=False) if description else None
    if order is not None and (isinstance(order, bool) or not isinstance(order, int)):
        raise _invalid("order must be an integer")
    return _insert_node(conn, clock.now(), org_id, parent["id"], name_text, code, description,
                        order or 0)


def find_node(conn: sqlite3.Connection, *, node_id: str | None = None,
              org_id: str | None = None, code: str | None = None) -> sqlite3.Row:
    """The node ``node_id``, or the node ``code`` (within ``org_id`` when given); 404."""
    if node_id:
        return _node(conn, node_id)
    if code:
        sql, args = "SELECT * FROM org_nodes WHERE code = ?", [code]
        if org_id:
            sql += " AND org_id = ?"
            args.append(org_id)
        row: sqlite3.Row | None = conn.execute(sql + " ORDER BY created_at", args).fetchone()
        if row is not None:
            return row
    raise PoolError(errors.NOT_FOUND, "the org node does not exist")


def add_members(conn: sqlite3.Connection, clock: Clock, node_id: str, user_ids: Iterable[str],
                *, is_leader: bool = False) -> None:
    """Make the users members of the node (idempotent); the first node a user joins is their
    main department. ``is_leader`` makes the (last) listed user the node's leader."""
    _node(conn, node_id)
    now = clock.now()
    ids = _users_exist(conn, user_ids)
    for user_id in ids:
        has_main = conn.execute("SELECT 1 FROM node_members WHERE user_id = ? AND is_main = 1",
                                (user_id,)).fetchone()
        conn.execute(
            "INSERT OR IGNORE INTO node_members(node_id, user_id, is_main, joined_at)"
            " VALUES (?, ?, ?, ?)", (node_id, user_id, 0 if has_main else 1, now))
    if is_leader and ids:
        conn.execute("UPDATE org_nodes SET leader_user_id = ?, updated_at = ? WHERE id = ?",
                     (ids[-1], now, node_id))


def remove_members(conn: sqlite3.Connection, node_id: str, user_ids: Iterable[str]) -> None:
    """Remove the users from the node; a user whose main department it was gets their oldest
    other membership as main department."""
    for user_id in dict.fromkeys(user_ids):
        conn.execute("DELETE FROM node_members WHERE node_id = ? AND user_id = ?",
                     (node_id, user_id))
        if conn.execute("SELECT 1 FROM node_members WHERE user_id = ? AND is_main = 1",
                        (user_id,)).fetchone() is None:
            conn.execute(
                "UPDATE node_members SET is_main = 1 WHERE rowid = (SELECT rowid FROM"
                " node_members WHERE user_id = ? ORDER BY joined_at LIMIT 1)", (user_id,))


def org_view(conn: sqlite3.Connection, org_id: str, pool_id: str) -> dict[str, Any]:
    """``{id, rootNode, nodes}`` (Authing's ``Org``; nodes root first, then by depth)."""
    org = _org(conn, org_id)
    rows = conn.execute("SELECT * FROM org_nodes WHERE org_id = ? ORDER BY created_at,"
                        " sort_order", (org_id,)).fetchall()
    nodes = [node_view(conn, row, pool_id) for row in rows]
    nodes.sort(key=lambda node: node["depth"])
    root = next((node for node in nodes if node["id"] == org["root_node_id"]), None)
    return {"id": org_id, "rootNode": root, "nodes": nodes}


def node_members(conn: sqlite3.Connection, node_id: str, page: int = 1, limit: int = 10, *,
                 include_children: bool = False) -> tuple[int, list[sqlite3.Row]]:
    """``(total, user rows of the page)`` of the node's members (with ``include_children``,
    of its descendants too; each user once), by joining time."""
    nodes = "SELECT ?"
    if include_children:
        nodes = ("WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT n.id FROM org_nodes n"
                 " JOIN below b ON n.parent_id = b.id) SELECT id FROM below")
    members = (f"SELECT user_id, MIN(joined_at) AS joined_at FROM node_members"  # noqa: S608
               f" WHERE node_id IN ({nodes}) GROUP BY user_id")
    total = int(conn.execute(f"SELECT COUNT(*) FROM ({members})",  # noqa: S608
                             (node_id,)).fetchone()[0])
    rows = conn.execute(
        f"SELECT u.* FROM ({members}) m JOIN users u ON u.id = m.user_id"  # noqa: S608
        " ORDER BY m.joined_at, u.id LIMIT ? OFFSET ?",
        (node_id, limit, (page - 1) * limit)).fetchall()
    return total, list(rows)


# ================================================================== applications
def application_view(row: sqlite3.Row, pool_id: str,
                     secret: str | None = None) -> dict[str, Any]:
    """An application as Authing's ``Application`` (with its secret, or ``secret`` when the
    row keeps none: the pool's own app's is in its identity; admins only)."""
    uris = json.loads(row["redirect_uris"] or "[]")
    secret = row["secret"] or secret
    return {
        "id": row["id"], "name": row["name"], "identifier": row["identifier"],
        "logo": row["logo"], "domain": row["domain"], "description": row["description"],
        "protocol": row["protocol"], "redirectUris": uris, "secret": secret,
        "oidcConfig": {"client_id": row["id"], "client_secret": secret,
                       "redirect_uris": uris},
        "userPoolId": pool_id, "isOfficial": False, "isDeleted": False,
        "createdAt": iso(row["created_at"]), "updatedAt": iso(row["updated_at"]),
    }


def _is_http_url(uri: Any) -> bool:
    if not isinstance(uri, str) or len(uri) > 2048 or not is_valid_text(uri):
        return False
    try:
        parts = urlsplit(uri)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False


def get_application(conn: sqlite3.Connection, app_id: str) -> sqlite3.Row:
    """The application ``app_id`` (404 when none)."""
    row: sqlite3.Row | None = conn.execute("SELECT * FROM applications WHERE id = ?",
                                           (app_id,)).fetchone()
    if row is None:
        raise PoolError(errors.NOT_FOUND, "the application does not exist")
    return row


def create_application(conn: sqlite3.Connection, clock: Clock, name: str, identifier: str,
                       redirect_uris: Sequence[str] = (), *, logo: str | None = None,
                       description: str | None = None) -> str:
    """A new OIDC application; its id. ``identifier`` is a subdomain label (lowercase
    letters, digits, inner hyphens), unique in the pool (400 otherwise); ``redirect_uris`` are
    absolute http(s) URLs."""
    name_text = _text("name", name)
    if not isinstance(identifier, str) or not _IDENTIFIER_RE.match(identifier):
        raise _invalid("identifier must be 1-63 lowercase letters, digits or inner hyphens")
    if not isinstance(redirect_uris, list | tuple) or not all(
            _is_http_url(uri) for uri in redirect_uris):
        raise _invalid("redirectUris must be a list of absolute http(s) URLs")
    logo = _text("logo", logo, required=False) if logo else None
    description = _text("description", description, required=False) if description else None
    if conn.execute("SELECT 1 FROM applications WHERE identifier = ?",
                    (identifier,)).fetchone():
        raise PoolError(errors.BAD_ARGUMENT, f"the identifier {identifier!r} is taken")
    now = clock.now()
    app_id = new_id()
    conn.execute(
        "INSERT INTO applications(id, name, identifier, description, logo, protocol,"
        " redirect_uris, secret, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, 'oidc', ?, ?, ?, ?)",
        (app_id, name_text, identifier, description, logo, json.dumps(list(redirect_uris)),
         secrets.token_hex(16), now, now))
    return app_id


def list_applications(conn: sqlite3.Connection, page: int = 1,
                      limit: int = 10) -> tuple[int, list[sqlite3.Row]]:
    """``(total, rows of the page)`` of every application, oldest first."""
    total = int(conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0])
    rows = conn.execute("SELECT * FROM applications ORDER BY created_at, name LIMIT ? OFFSET ?",
                        (limit, (page - 1) * limit)).fetchall()
    return total, list(rows)


def delete_application(conn: sqlite3.Connection, app_id: str, own_app_id: str) -> None:
    """Delete an application (404 when none); the pool's own (``own_app_id``) stays: 400."""
    get_application(conn, app_id)
    if app_id == own_app_id:
        raise PoolError(errors.BAD_ARGUMENT, "the pool's own application cannot be deleted")
    conn.execute("DELETE FROM applications WHERE id = ?", (app_id,))


# ================================================================== sessions
def mint_login_token(conn: sqlite3.Connection, tokens: TokenService, user_id: str, *,
                     client_ip: str | None = None,
                     user_agent: str | None = None) -> IssuedToken:
    """A fresh login token for the user, as a sign-in would issue it (it becomes their current
    token; no second factor or password reset is asked); 2004 when there is no such user."""
    return tokens.issue(conn, get_user(conn, user_id), client_ip=client_ip,
                        user_agent=user_agent)
