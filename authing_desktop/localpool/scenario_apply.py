"""Applying a checked `Scenario` to a pool's database, in one write transaction, through the admin
operations every admin entry point shares (`admin_users`, `admin_structure`, `pool_policy`;
docs/scenarios.md).

Order: settings, custom fields, roles, organizations and departments, applications, then the
users with their custom data, roles and main department. Existing fields, roles, organizations,
departments and applications are reused (fields take the file's type and label); users are
always created. Every problem is collected with the entry it belongs to; when there is any, the
transaction is rolled back and `ScenarioError` lists them all: the pool is as it was.

Passwords are hashed before the write transaction begins, so the pool's other writers do not
wait for the hashing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from authing_desktop.localpool import admin_structure, admin_users, errors, udf
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.pool_policy import update_policy
from authing_desktop.localpool.scenario import (
    MAX_PROBLEMS,
    OrgSpec,
    Scenario,
    ScenarioError,
    UserSpec,
)
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.storage import Database

log = logging.getLogger(__name__)
T = TypeVar("T")
META_PREFIX = "scenario:"


@dataclass(frozen=True)
class AppliedScenario:
    """What applying made: the users' ids (file order) and how many of each thing the scenario
    holds."""

    name: str
    user_ids: tuple[str, ...]
    counts: Mapping[str, int]

    def view(self, scenario: Scenario) -> dict[str, Any]:
        """The JSON answer of ``POST /_localpool/scenario`` (no secret)."""
        return {"name": self.name, "counts": dict(self.counts),
                "users": [{"entry": user.entry, "id": user_id}
                          for user, user_id in zip(scenario.users, self.user_ids, strict=True)]}


def scenario_digest(scenario: Scenario) -> str:
    """A digest of everything the scenario sets (its secrets included, hashed): the same file,
    the same digest."""
    text = json.dumps(_plain(scenario), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def applied_before(db: Database, scenario: Scenario) -> bool:
    """Whether this very scenario (same name and digest) was applied to the database already
    (`pool serve --scenario` on a pool it set up before)."""
    row = db.read(lambda conn: conn.execute("SELECT value FROM meta WHERE key = ?",
                                            (META_PREFIX + scenario.name,)).fetchone())
    return row is not None and row[0] == scenario_digest(scenario)


def apply_scenario(db: Database, settings: PoolSettings, scenario: Scenario, *,
                   source: str = "") -> AppliedScenario:
    """Apply ``scenario`` whole, or raise `ScenarioError` (``source`` names it) and change
    nothing."""
    prepared: list[admin_users.PreparedPassword | None] = []
    for user in scenario.users:
        try:
            prepared.append(admin_users.hash_new_password(user.password)
                            if user.password else None)
        except PoolError as error:
            raise ScenarioError(source or scenario.name,
                                [f"{user.entry}: 'password': {error.message}"]) from error
    digest = scenario_digest(scenario)

    def write(conn: sqlite3.Connection) -> AppliedScenario:
        applier = _Applier(conn, db.clock, settings, prepared)
        applied = applier.run(scenario)
        if applier.problems:
            # Raising rolls the whole transaction back (`Database.transaction`).
            raise ScenarioError(source or scenario.name, applier.problems[:MAX_PROBLEMS])
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                     " SET value = excluded.value", (META_PREFIX + scenario.name, digest))
        return applied

    applied = db.write(write)
    log.info("scenario %r applied (%s)", scenario.name,
             ", ".join(f"{n} {k}" for k, n in applied.counts.items()))
    return applied


class _Applier:
    """One application of a scenario inside one transaction; ``problems`` collects what
    failed, each naming its entry."""

    def __init__(self, conn: sqlite3.Connection, clock: Clock, settings: PoolSettings,
                 prepared: list[admin_users.PreparedPassword | None]) -> None:
        self.conn = conn
        self.clock = clock
        self.settings = settings
        self.prepared = prepared
        self.problems: list[str] = []
        self.nodes: dict[str, str] = {}  # department / organization code -> node id

    def attempt(self, where: str, step: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``step(*args, **kwargs)``; None and a problem of ``where`` when it fails."""
        try:
            return step(*args, **kwargs)
        except PoolError as error:
            self.problems.append(f"{where}: {error.message}")
            return None

    def run(self, scenario: Scenario) -> AppliedScenario:
        conn, clock = self.conn, self.clock
        if scenario.settings:
            self.attempt("settings", update_policy, conn, self.settings, scenario.settings,
                         now=clock.now())
        for index, spec in enumerate(scenario.fields):
            self.attempt(f"fields[{index}]", admin_structure.define_udf, conn, udf.USER,
                         spec.key, spec.data_type, spec.label)
        for index, role in enumerate(scenario.roles):
            if admin_structure.find_role(conn, role.code, role.namespace) is None:
                self.attempt(f"roles[{index}]", admin_structure.create_role, conn, clock,
                             role.code, namespace=role.namespace,
                             description=role.description or None)
        for index, org in enumerate(scenario.orgs):
            self.org(f"orgs[{index}]", org)
        for index, app in enumerate(scenario.apps):
            if conn.execute("SELECT 1 FROM applications WHERE identifier = ?",
                            (app.identifier,)).fetchone() is None:
                self.attempt(f"apps[{index}]", admin_structure.create_application, conn, clock,
                             app.name, app.identifier, app.redirect_uris,
                             description=app.description or None)
        user_ids = tuple(self.user(user, password)
                         for user, password in zip(scenario.users, self.prepared, strict=True))
        counts = {"users": len(scenario.users), "fields": len(scenario.fields),
                  "roles": len(scenario.roles), "apps": len(scenario.apps),
                  "departments": sum(1 + len(o.departments) for o in scenario.orgs),
                  "settings": len(scenario.settings)}
        return AppliedScenario(scenario.name, user_ids, counts)

    def org(self, where: str, org: OrgSpec) -> None:
        conn, clock = self.conn, self.clock
        existing = conn.execute("SELECT id, org_id, parent_id FROM org_nodes WHERE code = ?"
                                " ORDER BY created_at", (org.code,)).fetchone()
        if existing is not None and existing["parent_id"] is not None:
            self.problems.append(f"{where}: the code {org.code!r} is a department of another "
                                 "organization of the pool; give this organization another code")
            return
        if existing is not None:
            org_id, root = existing["org_id"], existing["id"]
        else:
            made = self.attempt(where, admin_structure.create_org, conn, clock, org.name,
                                org.code, org.description or None)
            if made is None:
                return
            org_id = made
            root = conn.execute("SELECT root_node_id FROM orgs WHERE id = ?",
                                (org_id,)).fetchone()[0]
        self.nodes[org.code] = root
        pending = list(enumerate(org.departments))
        while pending:  # parents first, whatever order the file lists them in
            ready = [(i, d) for i, d in pending if (d.parent or org.code) in self.nodes]
            if not ready:
                return  # a parent failed: its problem is listed already
            for index, department in ready:
                pending.remove((index, department))
                found = conn.execute("SELECT id FROM org_nodes WHERE org_id = ? AND code = ?",
                                     (org_id, department.code)).fetchone()
                node = found[0] if found is not None else self.attempt(
                    f"{where}.departments[{index}]", admin_structure.add_node, conn, clock,
                    org_id, department.name, self.nodes[department.parent or org.code],
                    department.code, department.description or None)
                if node is not None:
                    self.nodes[department.code] = node

    def user(self, spec: UserSpec, password: admin_users.PreparedPassword | None) -> str:
        conn, clock, where = self.conn, self.clock, spec.entry
        fields: dict[str, Any] = {
            "email": spec.email, "phone": spec.phone, "username": spec.username,
            "emailVerified": spec.email_verified, "phoneVerified": spec.phone_verified,
            "blocked": spec.blocked, "resetPasswordOnFirstLogin": spec.reset_on_first_login,
            "resetPasswordOnNextLogin": spec.reset_on_next_login,
            "totpSecret": spec.totp_secret, **spec.profile}
        try:
            user_id = admin_users.create_user(conn, clock, fields, custom_data=spec.custom_data,
                                              prepared_password=password)
        except PoolError as error:
            taken = error.code in (errors.USER_EXISTS, errors.USERNAME_EXISTS)
            self.problems.append(f"{where}: {error.message}" + (
                " (start from a fresh pool, or remove that user first)" if taken else ""))
            return ""
        for namespace, code in spec.roles:
            if admin_structure.find_role(conn, code, namespace) is None:
                self.problems.append(f"{where}: the role {code!r} of namespace {namespace!r} "
                                     "does not exist; add it to 'roles'")
                continue
            self.attempt(where, admin_structure.assign_roles, conn, [code], [user_id], namespace)
        if spec.department:
            node = self.nodes.get(spec.department) or self.pool_node(where, spec.department)
            if node is not None:
                self.attempt(where, admin_structure.add_members, conn, clock, node, [user_id])
        return user_id

    def pool_node(self, where: str, code: str) -> str | None:
        rows = self.conn.execute("SELECT id FROM org_nodes WHERE code = ?", (code,)).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        self.problems.append(
            f"{where}: the department {code!r} "
            + ("is in more than one organization of the pool; name one the scenario defines"
               if rows else "does not exist; add it to an organization in 'orgs'"))
        return None
