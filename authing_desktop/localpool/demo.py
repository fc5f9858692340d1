"""Demo data for `pool serve --demo` and the embedded pool's first start (idempotent).

- UDF definitions for USER: ``school`` STRING, ``age`` NUMBER, ``source`` STRING.
- ``demo@example.com`` / ``demo`` / ``18800000000``, password ``passw0rd``, holding role
  ``reader`` (namespace ``default``) that grants ``menu_a`` (MENU), ``menu_b`` (MENU) and
  ``books:1`` (DATA, actions ``books:delete``, ``books:update``); member (main department) of
  the deepest node of a three-level org tree.
- Sub-account ``demo-sub`` / ``passw0rd`` of the demo user.
- ``firstlogin@example.com`` (must set a new password at first login, 1639) and
  ``expired@example.com`` (forced password reset, 2058), both ``passw0rd``.
- Three applications in total (the pool's own plus two).
"""

from __future__ import annotations

import json
import sqlite3

from authing_desktop.localpool import passwords, udf
from authing_desktop.localpool.identity import new_id
from authing_desktop.localpool.storage import Database

DEMO_VERSION = "1"
DEMO_PASSWORD = "passw0rd"  # noqa: S105 - published demo credential
DEMO_EMAIL = "demo@example.com"
DEMO_USERNAME = "demo"
DEMO_PHONE = "18800000000"


def _user(conn: sqlite3.Connection, now: float, password_hash: str, level: int,
          **columns: object) -> str:
    user_id = new_id()
    fields = {"id": user_id, "password_hash": password_hash, "password_level": level,
              "created_at": now, "updated_at": now, **columns}
    names = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    conn.execute(f"INSERT INTO users({names}) VALUES ({marks})",  # noqa: S608
                 tuple(fields.values()))
    return user_id


def _node(conn: sqlite3.Connection, now: float, org_id: str, parent: str | None, name: str,
          code: str, order: int) -> str:
    node_id = new_id()
    conn.execute(
        "INSERT INTO org_nodes(id, org_id, parent_id, name, code, description, sort_order,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (node_id, org_id, parent, name, code, f"{name} (demo)", order, now, now),
    )
    return node_id


def load_demo(db: Database) -> bool:
    """Create the demo data unless already present; True when it was created now."""
    if db.read(lambda c: c.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()):
        return False
    password_hash = passwords.hash_password(DEMO_PASSWORD)
    level = passwords.security_level(DEMO_PASSWORD)

    def create(conn: sqlite3.Connection) -> bool:
        if conn.execute("SELECT 1 FROM meta WHERE key = 'demo'").fetchone():
            return False
        now = db.clock.now()
        udf.define(conn, udf.USER, "school", "STRING", "School")
        udf.define(conn, udf.USER, "age", "NUMBER", "Age")
        udf.define(conn, udf.USER, "source", "STRING", "Source")
        source = json.dumps(["basic:email"])
        demo = _user(conn, now, password_hash, level, email=DEMO_EMAIL, username=DEMO_USERNAME,
                     phone=DEMO_PHONE, email_verified=1, phone_verified=1, nickname="Demo",
                     name="Demo User", register_source=source)
        sub = _user(conn, now, password_hash, level, username="demo-sub", nickname="Demo (sub)",
                    register_source=json.dumps(["basic:sub-account"]))
        conn.execute("INSERT INTO sub_accounts(user_id, main_user_id, created_at)"
                     " VALUES (?, ?, ?)", (sub, demo, now))
        _user(conn, now, password_hash, level, email="firstlogin@example.com",
              email_verified=1, reset_on_first_login=1, register_source=source)
        _user(conn, now, password_hash, level, email="expired@example.com",
              email_verified=1, force_password_reset=1, register_source=source)

        conn.execute("INSERT OR IGNORE INTO namespaces(code, name, created_at)"
                     " VALUES ('default', 'Default', ?)", (now,))
        role = new_id()
        conn.execute(
            "INSERT INTO roles(id, namespace, code, description, created_at, updated_at)"
            " VALUES (?, 'default', 'reader', 'Reads books and sees the menus', ?, ?)",
            (role, now, now),
        )
        conn.execute("INSERT INTO user_roles(user_id, role_id) VALUES (?, ?)", (demo, role))
        for code, kind, actions in (
            ("menu_a", "MENU", []), ("menu_b", "MENU", []),
            ("books:1", "DATA", ["books:delete", "books:update"]),
        ):
            resource = new_id()
            conn.execute(
                "INSERT INTO resources(id, namespace, code, type, description, actions)"
                " VALUES (?, 'default', ?, ?, ?, ?)",
                (resource, code, kind, f"demo {kind.lower()} {code}", json.dumps(actions)),
            )
            conn.execute("INSERT INTO role_resources(role_id, resource_id, actions)"
                         " VALUES (?, ?, ?)", (role, resource, json.dumps(actions)))

        org = new_id()
        conn.execute("INSERT INTO orgs(id, created_at, updated_at) VALUES (?, ?, ?)",
                     (org, now, now))
        root = _node(conn, now, org, None, "Demo Corp", "demo-corp", 0)
        conn.execute("UPDATE orgs SET root_node_id = ? WHERE id = ?", (root, org))
        engineering = _node(conn, now, org, root, "Engineering", "engineering", 0)
        _node(conn, now, org, root, "Sales", "sales", 1)
        platform = _node(conn, now, org, engineering, "Platform Team", "platform", 0)
        conn.execute("INSERT INTO node_members(node_id, user_id, is_main, joined_at)"
                     " VALUES (?, ?, 1, ?)", (platform, demo, now))

        for name, identifier, description in (
            ("Demo Portal", "demo-portal", "The employee portal (demo)"),
            ("Demo Wiki", "demo-wiki", "The team wiki (demo)"),
        ):
            conn.execute(
                "INSERT OR IGNORE INTO applications(id, name, identifier, description, domain,"
                " protocol, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'oidc', ?, ?)",
                (new_id(), name, identifier, description, f"{identifier}.localhost",
                 now + 1, now + 1),
            )
        conn.execute("INSERT INTO meta(key, value) VALUES ('demo', ?)", (DEMO_VERSION,))
        return True

    return db.write(create)
