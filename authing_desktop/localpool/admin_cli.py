"""`authing-desktop pool admin ...`: set a pool up the way an Authing admin would, on its database
file directly (docs/scenarios.md, "The admin command line").

Like `pool outbox`, it needs no admin token: the database is 0600 in a 0700 directory, readable
by the pool's owner only, which is the proof the token gives over HTTP; it works whether the
pool runs or not (SQLite serializes writers). A data dir without a pool gets a new one, with
the same private modes `pool serve` gives it. Each command runs in one write transaction: bad
input is reported on stderr (exit code 2) and changes nothing. Passwords and TOTP secrets are
read from files or standard input, never from the command line (every user of the computer
sees it); `info` prints the pool's secrets on stdout only, never to a log.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from authing_desktop.localpool import admin_structure, admin_users, udf
from authing_desktop.localpool.data_dir import create_private_file, prepare_data_dir, tighten
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import PoolIdentity, load_identity
from authing_desktop.localpool.pool_policy import POLICY_KEYS, policy_view, update_policy
from authing_desktop.localpool.scenario import (
    ScenarioError,
    parse_scenario,
    read_scenario_file,
)
from authing_desktop.localpool.scenario_apply import apply_scenario
from authing_desktop.localpool.settings import (
    DATABASE_FILE,
    PoolSettings,
    default_data_dir,
    load_settings,
)
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.users import find_by_email, find_by_phone, find_by_username

T = TypeVar("T")
PRIVATE_UMASK = 0o077
EXIT_OK, EXIT_BAD_INPUT = 0, 2
CLI_SCENARIO = "pool-admin"

USER_FLAGS = (("--email-verified", "emailVerified", "the email counts as verified"),
              ("--phone-verified", "phoneVerified", "the phone number counts as verified"),
              ("--reset-on-first-login", "resetPasswordOnFirstLogin",
               "the first sign-in asks for a new password (1639)"),
              ("--reset-on-next-login", "resetPasswordOnNextLogin",
               "forced reset: the next sign-in asks for a new password (2058)"),
              ("--blocked", "blocked", "the user cannot sign in (2005)"))


def add_parser(commands: Any) -> None:
    """Add ``admin`` and its commands to the ``pool`` parser's subcommands."""
    admin = commands.add_parser(
        "admin", help="set the pool up as an Authing admin would (users in any state, custom "
        "fields, roles, departments, apps, settings, scenario files)",
        description="Acts on the pool's database file directly (run it as the pool's owner); "
        "works whether the pool runs or not. Bad input changes nothing (exit code 2). "
        "See docs/scenarios.md.")
    admin.add_argument("--data-dir", type=Path, default=None,
                       help="the pool's data dir (default: the app's own pool)")
    sub = admin.add_subparsers(dest="admin_command", required=True, metavar="COMMAND")
    sub.add_parser("info", help="the pool's ids and secrets (JSON) and how to reach its "
                   "management API")
    apply = sub.add_parser("apply", help="apply a scenario file (TOML or JSON)",
                           description="Check the scenario file, then apply it whole or not "
                           "at all (docs/scenarios.md).")
    apply.add_argument("file", type=Path)

    settings = sub.add_parser("settings", help="show or change the user-pool settings")
    settings_sub = settings.add_subparsers(dest="settings_command", required=True,
                                           metavar="ACTION")
    settings_sub.add_parser("show", help="the settings as JSON")
    change = settings_sub.add_parser(
        "set", help="change settings: KEY=VALUE ...",
        description="Each VALUE is JSON (true, 300, \"captcha\", {\"verifyOldPhone\": true}) or "
        "else text; a dotted KEY sets one member (changePhoneStrategy.verifyOldPhone=true). "
        f"Keys: {', '.join(POLICY_KEYS)}.")
    change.add_argument("pairs", nargs="+", metavar="KEY=VALUE")

    users = sub.add_parser("user", help="create or list users")
    users_sub = users.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    create = users_sub.add_parser(
        "create", help="create a user in any state",
        description="Create one user (as a one-user scenario: the same checks). Give an "
        "email, a phone or a username. The password and TOTP secret are read from files "
        "('-': standard input, asked without echo on a terminal).")
    create.add_argument("--email", help="the email address to sign in with")
    create.add_argument("--phone", help="the phone number to sign in with")
    create.add_argument("--username", help="the username to sign in with")
    create.add_argument("--password-file", metavar="FILE",
                        help="a file holding the password ('-': standard input)")
    create.add_argument("--totp-secret-file", metavar="FILE",
                        help="a file holding a base32 TOTP secret: two-step sign-in is on")
    for flag, _key, text in USER_FLAGS:
        create.add_argument(flag, action="store_true", help=text)
    create.add_argument("--custom", action="append", default=[], metavar="KEY=VALUE",
                        help="a custom data value (JSON or text; the field must be defined)")
    create.add_argument("--role", action="append", default=[], metavar="[NAMESPACE/]CODE",
                        help="a role to give the user (namespace 'default' unless given)")
    create.add_argument("--department", metavar="CODE", help="the main department's code")
    create.add_argument("--nickname", help="the name the app shows")
    users_sub.add_parser("list", help="every user with their state (JSON)")

    fields = sub.add_parser("field", help="define or list custom fields of users")
    fields_sub = fields.add_subparsers(dest="field_command", required=True, metavar="ACTION")
    define = fields_sub.add_parser("define", help="define (or redefine) a custom field")
    define.add_argument("key")
    define.add_argument("type", type=str.upper, choices=admin_structure.UDF_DATA_TYPES)
    define.add_argument("--label", help="what people read (default: the key)")
    fields_sub.add_parser("list", help="the custom fields of users (JSON)")

    roles = sub.add_parser("role", help="create, assign or list roles")
    roles_sub = roles.add_subparsers(dest="role_command", required=True, metavar="ACTION")
    role_create = roles_sub.add_parser("create", help="create a role")
    role_create.add_argument("code")
    role_create.add_argument("--namespace", default=admin_structure.DEFAULT_NAMESPACE,
                             help="the permission namespace (default: %(default)s)")
    role_create.add_argument("--description")
    assign = roles_sub.add_parser("assign", help="give a role to users (id, email, phone or "
                                  "username)")
    assign.add_argument("code")
    assign.add_argument("users", nargs="+", metavar="USER")
    assign.add_argument("--namespace", default=admin_structure.DEFAULT_NAMESPACE)
    role_list = roles_sub.add_parser("list", help="the roles of a namespace (JSON)")
    role_list.add_argument("--namespace", default=admin_structure.DEFAULT_NAMESPACE)

    orgs = sub.add_parser("org", help="create an organization")
    orgs_sub = orgs.add_subparsers(dest="org_command", required=True, metavar="ACTION")
    org_create = orgs_sub.add_parser("create", help="create an organization (its root node)")
    org_create.add_argument("code")
    org_create.add_argument("name")
    org_create.add_argument("--description")

    departments = sub.add_parser("department", help="create departments, add members")
    departments_sub = departments.add_subparsers(dest="department_command", required=True,
                                                 metavar="ACTION")
    department = departments_sub.add_parser("create", help="create a department of an "
                                            "organization")
    department.add_argument("org", metavar="ORG_CODE")
    department.add_argument("code")
    department.add_argument("name")
    department.add_argument("--parent", metavar="CODE",
                            help="the parent department's code (default: the organization)")
    department.add_argument("--description")
    member = departments_sub.add_parser("add", help="make a user a member (their first "
                                        "department is their main one)")
    member.add_argument("user", metavar="USER")
    member.add_argument("code", metavar="DEPARTMENT_CODE")

    apps = sub.add_parser("app", help="create or list applications")
    apps_sub = apps.add_subparsers(dest="app_command", required=True, metavar="ACTION")
    app_create = apps_sub.add_parser("create", help="create an application")
    app_create.add_argument("name")
    app_create.add_argument("identifier", help="its address label: lowercase letters, digits, "
                            "inner hyphens")
    app_create.add_argument("--redirect-uri", action="append", default=[], metavar="URI")
    app_create.add_argument("--description")
    apps_sub.add_parser("list", help="every application (JSON)")


class AdminInputError(ValueError):
    """Bad input found before the database is touched."""


def run(args: argparse.Namespace) -> int:
    """Run one ``pool admin`` command."""
    # A pool it creates is private, as `pool serve` makes it.
    previous_umask = os.umask(PRIVATE_UMASK)
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        try:
            tool = _Admin(data_dir)
        except (OSError, ValueError, sqlite3.Error) as error:
            return _fail(f"cannot open the pool in {data_dir}: {error}")
        try:
            return tool.dispatch(args)
        except (PoolError, ScenarioError, AdminInputError) as error:
            return _fail(error.message if isinstance(error, PoolError) else str(error))
        finally:
            tool.close()
    finally:
        os.umask(previous_umask)


def _fail(message: str) -> int:
    sys.stderr.write(f"authing-desktop pool admin: {message}\nNothing was changed.\n")
    return EXIT_BAD_INPUT


def _print(value: Any) -> int:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _say(text: str) -> int:
    sys.stdout.write(text + "\n")
    return EXIT_OK


def _read_secret(path: str | None, what: str) -> str | None:
    if path is None:
        return None
    if path == "-":
        text = getpass.getpass(f"{what}: ") if sys.stdin.isatty() else sys.stdin.readline()
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise AdminInputError(f"cannot read the {what} file {path}: "
                                  f"{error.strerror or error}") from error
    text = text.strip("\r\n")
    if not text:
        raise AdminInputError(f"the {what} file {path} is empty")
    return text


def _value(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _pairs(pairs: list[str], what: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key:
            raise AdminInputError(f"{what} {pair!r} must be KEY=VALUE")
        *parents, last = key.split(".")
        target = values
        for part in parents:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise AdminInputError(f"{what} {key!r} sets a member of a value given whole")
        target[last] = _value(text)
    return values


class _Admin:
    """One pool's database, its identity and settings, for one command."""

    def __init__(self, data_dir: Path) -> None:
        self.settings: PoolSettings = load_settings(data_dir)
        prepare_data_dir(data_dir)
        create_private_file(data_dir / DATABASE_FILE)
        self.db = Database(data_dir / DATABASE_FILE, workers=1)
        tighten(data_dir)
        self.identity: PoolIdentity = load_identity(self.db)
        self.data_dir = data_dir

    def close(self) -> None:
        self.db.close()

    def write(self, step: Callable[[sqlite3.Connection], T]) -> T:
        return self.db.write(step)

    def dispatch(self, args: argparse.Namespace) -> int:
        command = args.admin_command
        action = getattr(args, f"{command}_command", "")
        handler: Callable[[argparse.Namespace], int] = getattr(
            self, f"{command}_{action}" if action else command)
        return handler(args)

    # ------------------------------------------------------------------ whole pool

    def info(self, args: argparse.Namespace) -> int:
        identity = self.identity
        return _print({
            "user_pool_id": identity.user_pool_id,
            "user_pool_secret": identity.user_pool_secret,
            "app_id": identity.app_id, "app_secret": identity.app_secret,
            "data_dir": str(self.data_dir),
            "url": "the \"url\" of the ready line 'authing-desktop pool serve' prints "
                   "(http://127.0.0.1:<port>)",
            "management_api": "ManagementClient(user_pool_id=<user_pool_id>, "
                              "secret=<user_pool_secret>, host=<url>); GraphQL at "
                              "<url>/graphql/v2, REST under <url>/api/v2/",
        })

    def apply(self, args: argparse.Namespace) -> int:
        scenario = read_scenario_file(args.file)
        applied = apply_scenario(self.db, self.settings, scenario, source=args.file.name)
        return _print({"applied": applied.view(scenario)})

    def settings_show(self, args: argparse.Namespace) -> int:
        view = self.db.read(lambda conn: policy_view(
            conn, self.settings, user_pool_id=self.identity.user_pool_id, secret=""))
        return _print({key: view[key] for key in POLICY_KEYS})

    def settings_set(self, args: argparse.Namespace) -> int:
        changes = _pairs(args.pairs, "setting")
        now = self.db.clock.now()
        self.write(lambda conn: update_policy(conn, self.settings, changes, now=now))
        return self.settings_show(args)

    # ------------------------------------------------------------------ users

    def user_create(self, args: argparse.Namespace) -> int:
        user: dict[str, Any] = {key: getattr(args, key) for key in ("email", "phone",
                                                                    "username", "department",
                                                                    "nickname")
                                if getattr(args, key)}
        password = _read_secret(args.password_file, "password")
        if password is not None:
            user["password"] = password
        secret = _read_secret(args.totp_secret_file, "TOTP secret")
        if secret is not None:
            user["totpSecret"] = secret
        for flag, key, _text in USER_FLAGS:
            if getattr(args, flag.lstrip("-").replace("-", "_")):
                user[key] = True
        if args.custom:
            user["customData"] = _pairs(args.custom, "custom data")
        if args.role:
            user["roles"] = [{"namespace": ns, "code": code} if sep else code
                             for ns, sep, code in (r.rpartition("/") for r in args.role)]
        scenario = parse_scenario({"name": CLI_SCENARIO, "users": [user]}, source="user")
        applied = apply_scenario(self.db, self.settings, scenario, source="user")
        return _say(f"created user {applied.user_ids[0]} ({scenario.users[0].identifier})")

    def user_list(self, args: argparse.Namespace) -> int:
        def rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            total, found = admin_users.list_users(conn, 1, 100_000, newest_first=False)
            factors = {row[0] for row in conn.execute(
                "SELECT user_id FROM mfa_factors WHERE factor_type = 'OTP' AND enabled = 1")}
            return [{"id": r["id"], "email": r["email"], "phone": r["phone"],
                     "username": r["username"], "emailVerified": bool(r["email_verified"]),
                     "phoneVerified": bool(r["phone_verified"]),
                     "resetPasswordOnFirstLogin": bool(r["reset_on_first_login"]),
                     "resetPasswordOnNextLogin": bool(r["force_password_reset"]),
                     "blocked": bool(r["blocked"]), "totp": r["id"] in factors}
                    for r in found]

        return _print(self.db.read(rows))

    def _user_id(self, conn: sqlite3.Connection, who: str) -> str:
        row = conn.execute("SELECT id FROM users WHERE id = ?", (who,)).fetchone()
        for finder in (find_by_email, find_by_phone, find_by_username):
            if row is None:
                row = finder(conn, who)
        if row is None:
            raise AdminInputError(f"no user has the id, email, phone or username {who!r}")
        return str(row["id"])

    # ------------------------------------------------------------------ structure

    def field_define(self, args: argparse.Namespace) -> int:
        self.write(lambda conn: admin_structure.define_udf(conn, udf.USER, args.key, args.type,
                                                           args.label or args.key))
        return _say(f"defined the custom field {args.key} ({args.type})")

    def field_list(self, args: argparse.Namespace) -> int:
        return _print(self.db.read(lambda conn: admin_structure.list_udfs(conn, udf.USER)))

    def role_create(self, args: argparse.Namespace) -> int:
        self.write(lambda conn: admin_structure.create_role(
            conn, self.db.clock, args.code, namespace=args.namespace,
            description=args.description))
        return _say(f"created the role {args.namespace}/{args.code}")

    def role_assign(self, args: argparse.Namespace) -> int:
        def assign(conn: sqlite3.Connection) -> None:
            ids = [self._user_id(conn, who) for who in args.users]
            admin_structure.assign_roles(conn, [args.code], ids, args.namespace)

        self.write(assign)
        return _say(f"gave the role {args.namespace}/{args.code} to {len(args.users)} user(s)")

    def role_list(self, args: argparse.Namespace) -> int:
        def roles(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            _total, rows = admin_structure.list_roles(conn, args.namespace, 1, 100_000)
            return [admin_structure.role_view(conn, row, self.identity.user_pool_id)
                    for row in rows]

        return _print(self.db.read(roles))

    def org_create(self, args: argparse.Namespace) -> int:
        org_id = self.write(lambda conn: admin_structure.create_org(
            conn, self.db.clock, args.name, args.code, args.description))
        return _say(f"created the organization {args.code} ({org_id})")

    def department_create(self, args: argparse.Namespace) -> int:
        def create(conn: sqlite3.Connection) -> str:
            root = admin_structure.find_node(conn, code=args.org)
            if root["parent_id"] is not None:
                raise AdminInputError(f"{args.org!r} is a department, not an organization")
            parent = admin_structure.find_node(conn, org_id=root["org_id"],
                                               code=args.parent) if args.parent else root
            return admin_structure.add_node(conn, self.db.clock, root["org_id"], args.name,
                                            parent["id"], args.code, args.description)

        node_id = self.write(create)
        return _say(f"created the department {args.code} ({node_id})")

    def department_add(self, args: argparse.Namespace) -> int:
        def add(conn: sqlite3.Connection) -> None:
            user_id = self._user_id(conn, args.user)
            node = admin_structure.find_node(conn, code=args.code)
            admin_structure.add_members(conn, self.db.clock, node["id"], [user_id])

        self.write(add)
        return _say(f"{args.user} is a member of {args.code}")

    def app_create(self, args: argparse.Namespace) -> int:
        app_id = self.write(lambda conn: admin_structure.create_application(
            conn, self.db.clock, args.name, args.identifier, args.redirect_uri,
            description=args.description))
        return _say(f"created the application {args.identifier} ({app_id})")

    def app_list(self, args: argparse.Namespace) -> int:
        def apps(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            _total, rows = admin_structure.list_applications(conn, 1, 100_000)
            return [{key: value for key, value in admin_structure.application_view(
                row, self.identity.user_pool_id).items()
                if key not in ("secret", "oidcConfig")} for row in rows]

        return _print(self.db.read(apps))
