"""Scenario files: a pool's starting state (custom fields, roles, organizations and departments,
applications, settings, users in their states) in TOML or JSON, read and checked before anything
is applied (docs/scenarios.md).

`read_scenario_file` reads a file (``.toml``, else JSON), `parse_scenario` checks a decoded
document; both raise `ScenarioError`, whose message names the file, the entry (``users[2]
(reset@example.com)``) and what to fix, one line per problem. Nothing here touches a database:
`scenario_apply` applies a checked `Scenario` in one transaction.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from authing_desktop.localpool.admin_structure import DEFAULT_NAMESPACE, UDF_DATA_TYPES
from authing_desktop.localpool.admin_users import check_totp_secret
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import check_email, check_phone, check_username
from authing_desktop.localpool.passwords import policy_problem
from authing_desktop.localpool.users import PROFILE_COLUMNS

FORMAT_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_PROBLEMS = 20  # a wholly wrong file still gets a readable answer
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")

# Accepted keys of each kind of entry (the documented names; docs/scenarios.md).
TOP_KEYS = ("version", "name", "description", "settings", "fields", "roles", "orgs", "apps",
            "users")
FIELD_KEYS = ("key", "type", "label")
ROLE_KEYS = ("code", "namespace", "description")
ORG_KEYS = ("code", "name", "description", "departments")
DEPARTMENT_KEYS = ("code", "name", "parent", "description")
APP_KEYS = ("name", "identifier", "description", "redirectUris")
USER_STATE_KEYS = ("email", "phone", "username", "password", "emailVerified", "phoneVerified",
                   "resetPasswordOnFirstLogin", "resetPasswordOnNextLogin", "blocked",
                   "totpSecret", "customData", "roles", "department")
USER_KEYS = USER_STATE_KEYS + tuple(PROFILE_COLUMNS)


class ScenarioError(ValueError):
    """A scenario that cannot be used; ``problems`` are the lines of the message (each names
    the entry and says what to fix)."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        head = f"{source}: " if source else ""
        if len(self.problems) == 1:
            text = head + self.problems[0]
        else:
            text = head + f"{len(self.problems)} problems:\n" + "\n".join(
                f"- {line}" for line in self.problems)
        super().__init__(text)


@dataclass(frozen=True)
class FieldSpec:
    """A custom (user-defined) field of users."""

    key: str
    data_type: str
    label: str


@dataclass(frozen=True)
class RoleSpec:
    """A role, by namespace and code."""

    code: str
    namespace: str = DEFAULT_NAMESPACE
    description: str = ""


@dataclass(frozen=True)
class DepartmentSpec:
    """A department of an organization; ``parent`` is another department's code, or the
    organization's (its root) when None."""

    code: str
    name: str
    parent: str | None = None
    description: str = ""


@dataclass(frozen=True)
class OrgSpec:
    """An organization: its root node (``code``, ``name``) and its departments."""

    code: str
    name: str
    description: str = ""
    departments: tuple[DepartmentSpec, ...] = ()


@dataclass(frozen=True)
class AppSpec:
    """An application of the pool."""

    name: str
    identifier: str
    description: str = ""
    redirect_uris: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserSpec:
    """A user in a given state. ``entry`` names it in messages (``users[0] (a@example.com)``);
    ``roles`` are (namespace, code) pairs; ``department`` is the code of the main department
    (or of an organization's root)."""

    entry: str
    email: str | None = None
    phone: str | None = None
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    email_verified: bool = False
    phone_verified: bool = False
    reset_on_first_login: bool = False
    reset_on_next_login: bool = False
    blocked: bool = False
    totp_secret: str | None = field(default=None, repr=False)
    custom_data: Mapping[str, Any] = field(default_factory=dict)
    roles: tuple[tuple[str, str], ...] = ()
    department: str | None = None
    profile: Mapping[str, str] = field(default_factory=dict)

    @property
    def identifier(self) -> str:
        """The email, username or phone that names the user."""
        return self.email or self.username or self.phone or ""


@dataclass(frozen=True)
class Scenario:
    """A checked scenario; ``settings`` are user-pool settings (``UpdateUserpoolInput`` keys,
    checked by `pool_policy` when applied)."""

    name: str
    description: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)
    fields: tuple[FieldSpec, ...] = ()
    roles: tuple[RoleSpec, ...] = ()
    orgs: tuple[OrgSpec, ...] = ()
    apps: tuple[AppSpec, ...] = ()
    users: tuple[UserSpec, ...] = ()


def read_scenario_file(path: Path) -> Scenario:
    """Read and check the scenario in ``path`` (TOML when it ends in ``.toml``, else JSON)."""
    return parse_scenario(read_document(path), source=path.name, default_name=path.stem)


def read_document(path: Path) -> dict[str, Any]:
    """The decoded document in ``path``, unchecked (`ScenarioError` when unreadable)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScenarioError(path.name, [f"cannot be read ({error.strerror or error})"]) \
            from error
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError(path.name, [f"is larger than {MAX_FILE_BYTES // 1000} kB"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScenarioError(path.name, ["is not UTF-8 text"]) from error
    try:
        document = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(path.name, [f"is not valid TOML: {error}"]) from error
    except json.JSONDecodeError as error:
        raise ScenarioError(path.name, [
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"]) \
            from error
    if not isinstance(document, dict):
        raise ScenarioError(path.name, ["must hold an object (a table of keys) at the top"])
    return document


def parse_scenario(document: Any, *, source: str = "", default_name: str = "") -> Scenario:
    """Check a decoded scenario document; every problem found is reported at once."""
    checker = _Checker()
    scenario = checker.scenario(document, default_name)
    if checker.problems or scenario is None:
        raise ScenarioError(source or "scenario", checker.problems[:MAX_PROBLEMS])
    return scenario


def _did_you_mean(key: str, accepted: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, accepted, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


class _Checker:
    """Collects the problems of one document while building its `Scenario`."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}" if where else text)

    # ------------------------------------------------------------- scalars

    def table(self, where: str, value: Any, accepted: Sequence[str],
              required: Sequence[str] = ()) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(where, "must be a table of keys (an object)")
            return None
        for key in value:
            if key not in accepted:
                hint = _did_you_mean(str(key), accepted) \
                    or f" (accepted keys: {', '.join(accepted)})"
                self.problem(where, f"unknown key {key!r}{hint}")
        for key in required:
            if value.get(key) in (None, ""):
                self.problem(where, f"{key!r} is required")
        return value

    def text(self, where: str, table: Mapping[str, Any], key: str, *, default: str = "",
             pattern: re.Pattern[str] | None = None, rule: str = "") -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            self.problem(where, f"{key!r} must be text")
            return default
        if pattern is not None and value and not pattern.match(value):
            self.problem(where, f"{key!r} {value!r} {rule}")
        return value

    def flag(self, where: str, table: Mapping[str, Any], key: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.problem(where, f"{key!r} must be true or false")
            return False
        return value

    def entries(self, document: Mapping[str, Any], key: str) -> list[tuple[str, Any]]:
        value = document.get(key, [])
        if not isinstance(value, list):
            self.problem(key, "must be a list of entries ([[" + key + "]] tables in TOML)")
            return []
        return [(f"{key}[{index}]", item) for index, item in enumerate(value)]

    # ------------------------------------------------------------- document

    def scenario(self, document: Any, default_name: str) -> Scenario | None:
        top = self.table("", document, TOP_KEYS)
        if top is None:
            return None
        version = top.get("version", FORMAT_VERSION)
        if version != FORMAT_VERSION or isinstance(version, bool):
            self.problem("version", f"must be {FORMAT_VERSION} (the only format this version "
                         "reads)")
        name = self.text("", top, "name", default=default_name, pattern=_NAME,
                         rule="must be letters, digits, '.', '-' or '_' (at most 64)")
        if not name:
            self.problem("", "'name' is required (the scenario's name, e.g. 'forced-reset')")
        settings = top.get("settings", {})
        if not isinstance(settings, dict):
            self.problem("settings", "must be a table of user-pool settings")
            settings = {}
        fields = tuple(f for f in (self.field(w, v) for w, v in self.entries(top, "fields"))
                       if f is not None)
        roles = tuple(r for r in (self.role(w, v) for w, v in self.entries(top, "roles"))
                      if r is not None)
        orgs = tuple(o for o in (self.org(w, v) for w, v in self.entries(top, "orgs"))
                     if o is not None)
        apps = tuple(a for a in (self.app(w, v) for w, v in self.entries(top, "apps"))
                     if a is not None)
        users = tuple(u for u in (self.user(w, v) for w, v in self.entries(top, "users"))
                      if u is not None)
        self.unique("fields", [f.key for f in fields], "key")
        self.unique("roles", [f"{r.namespace}:{r.code}" for r in roles], "namespace and code")
        self.unique("orgs", [code for o in orgs for code in (o.code, *(d.code for d in
                                                                       o.departments))],
                    "organization or department code")
        self.unique("apps", [a.identifier for a in apps], "identifier")
        for attribute in ("email", "phone", "username"):
            self.unique("users", [getattr(u, attribute) for u in users
                                  if getattr(u, attribute)], attribute)
        return Scenario(name=name, description=self.text("", top, "description"),
                        settings=settings, fields=fields, roles=roles, orgs=orgs, apps=apps,
                        users=users)

    def unique(self, where: str, values: list[str], what: str) -> None:
        seen: set[str] = set()
        for value in values:
            if value.lower() in seen:
                self.problem(where, f"two entries have the {what} {value!r}; each must be "
                             "unique")
            seen.add(value.lower())

    def field(self, where: str, value: Any) -> FieldSpec | None:
        entry = self.table(where, value, FIELD_KEYS, ("key", "type"))
        if entry is None:
            return None
        key = self.text(where, entry, "key")
        data_type = self.text(where, entry, "type").upper()
        if data_type and data_type not in UDF_DATA_TYPES:
            self.problem(where, f"'type' must be one of {', '.join(UDF_DATA_TYPES)}")
        return FieldSpec(key, data_type, self.text(where, entry, "label", default=key) or key)

    def role(self, where: str, value: Any) -> RoleSpec | None:
        entry = self.table(where, value, ROLE_KEYS, ("code",))
        if entry is None:
            return None
        return RoleSpec(self.text(where, entry, "code"),
                        self.text(where, entry, "namespace", default=DEFAULT_NAMESPACE)
                        or DEFAULT_NAMESPACE,
                        self.text(where, entry, "description"))

    def org(self, where: str, value: Any) -> OrgSpec | None:
        entry = self.table(where, value, ORG_KEYS, ("code", "name"))
        if entry is None:
            return None
        code = self.text(where, entry, "code")
        departments: list[DepartmentSpec] = []
        for inner, item in self.entries(entry, "departments"):
            place = f"{where}.{inner}"
            department = self.table(place, item, DEPARTMENT_KEYS, ("code", "name"))
            if department is None:
                continue
            parent = department.get("parent")
            if parent is not None and not isinstance(parent, str):
                self.problem(place, "'parent' must be the code of a department of this "
                             "organization (or of the organization)")
                parent = None
            departments.append(DepartmentSpec(
                self.text(place, department, "code"),
                self.text(place, department, "name"), parent or None,
                self.text(place, department, "description")))
        known = {code, *(d.code for d in departments)}
        for index, spec in enumerate(departments):
            if spec.parent is not None and spec.parent not in known:
                self.problem(f"{where}.departments[{index}]",
                             f"'parent' {spec.parent!r} is not a department of this "
                             f"organization; use one of: {', '.join(sorted(known))}")
        self.no_cycles(where, code, departments)
        return OrgSpec(code, self.text(where, entry, "name"),
                       self.text(where, entry, "description"), tuple(departments))

    def no_cycles(self, where: str, root: str, departments: list[DepartmentSpec]) -> None:
        parents = {d.code: d.parent or root for d in departments}
        for start in parents:
            seen, code = {start}, parents[start]
            while code in parents:
                if code in seen:
                    self.problem(where, f"departments {start!r} and {code!r} are each "
                                 "other's parents; one must hang under the organization")
                    return
                seen.add(code)
                code = parents[code]

    def app(self, where: str, value: Any) -> AppSpec | None:
        entry = self.table(where, value, APP_KEYS, ("name", "identifier"))
        if entry is None:
            return None
        uris = entry.get("redirectUris", [])
        if not isinstance(uris, list) or not all(
                isinstance(u, str) and u.startswith(("http://", "https://")) for u in uris):
            self.problem(where, "'redirectUris' must be a list of http(s) URLs")
            uris = []
        return AppSpec(self.text(where, entry, "name"),
                       self.text(where, entry, "identifier"),
                       self.text(where, entry, "description"), tuple(uris))

    def user(self, where: str, value: Any) -> UserSpec | None:
        entry = self.table(where, value, USER_KEYS)
        if entry is None:
            return None
        named = next((entry[k] for k in ("email", "username", "phone")
                      if isinstance(entry.get(k), str) and entry[k]), None)
        where = f"{where} ({named})" if named else where
        if named is None:
            self.problem(where, "needs an 'email', a 'username' or a 'phone'")
        email = self.checked(where, entry, "email", check_email)
        phone = self.checked(where, entry, "phone", check_phone)
        username = self.checked(where, entry, "username", check_username)
        password = entry.get("password")
        if password is not None:
            problem = policy_problem(password) if isinstance(password, str) else "must be text"
            if problem:
                self.problem(where, f"'password': {problem}")
                password = None
        flags = {key: self.flag(where, entry, key) for key in (
            "emailVerified", "phoneVerified", "resetPasswordOnFirstLogin",
            "resetPasswordOnNextLogin", "blocked")}
        if (flags["resetPasswordOnFirstLogin"] or flags["resetPasswordOnNextLogin"]) \
                and password is None:
            self.problem(where, "a password reset needs a 'password' to sign in with first")
        if flags["emailVerified"] and not email:
            self.problem(where, "'emailVerified' needs an 'email'")
        if flags["phoneVerified"] and not phone:
            self.problem(where, "'phoneVerified' needs a 'phone'")
        custom = entry.get("customData", {})
        if not isinstance(custom, dict):
            self.problem(where, "'customData' must be a table of field keys and values")
            custom = {}
        profile = {}
        for key in PROFILE_COLUMNS:
            if key in entry:
                if isinstance(entry[key], str):
                    profile[key] = entry[key]
                else:
                    self.problem(where, f"{key!r} must be text")
        return UserSpec(
            entry=where, email=email, phone=phone, username=username, password=password,
            email_verified=flags["emailVerified"], phone_verified=flags["phoneVerified"],
            reset_on_first_login=flags["resetPasswordOnFirstLogin"],
            reset_on_next_login=flags["resetPasswordOnNextLogin"], blocked=flags["blocked"],
            totp_secret=self.totp_secret(where, entry.get("totpSecret")),
            custom_data=custom, roles=self.user_roles(where, entry.get("roles", [])),
            department=self.text(where, entry, "department") or None, profile=profile)

    def checked(self, where: str, entry: Mapping[str, Any], key: str,
                check: Any) -> str | None:
        if entry.get(key) is None:
            return None
        try:
            return str(check(entry[key]))
        except PoolError as error:
            self.problem(where, f"{key!r}: {error.message}")
            return None

    def totp_secret(self, where: str, value: Any) -> str | None:
        if value is None:
            return None
        try:
            return check_totp_secret(value)
        except PoolError:
            self.problem(where, "'totpSecret' must be a base32 secret of at least 16 "
                         "characters (A-Z, 2-7), as authenticator apps take it")
            return None

    def user_roles(self, where: str, value: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, list):
            self.problem(where, "'roles' must be a list of role codes")
            return ()
        roles: list[tuple[str, str]] = []
        for item in value:
            if isinstance(item, str) and item:
                roles.append((DEFAULT_NAMESPACE, item))
            elif isinstance(item, dict) and isinstance(item.get("code"), str) \
                    and set(item) <= {"code", "namespace"}:
                namespace = item.get("namespace", DEFAULT_NAMESPACE)
                roles.append((namespace if isinstance(namespace, str) else "", item["code"]))
            else:
                self.problem(where, "each of 'roles' is a role code, or a table "
                             "{ code = ..., namespace = ... }")
        return tuple(roles)
