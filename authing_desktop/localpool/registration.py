"""Registration: a new user by email, username or phone code, with its profile and custom
data; also the automatic registration of a sign-in that asks for it (`sign_in`).

The pool policy applies to every registration (docs/pool-admin.md): ``registerDisabled``
refuses it (2031), ``frequentRegisterCheck`` limits the registrations from one client address
(``clientIp``, else the peer address) per window (2100), ``emailVerifiedDefault`` makes a new
email verified."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from authing_desktop.localpool import errors, passwords, udf
from authing_desktop.localpool.codes import SMS, SMS_SCENE
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import new_id
from authing_desktop.localpool.inputs import (
    check_email,
    check_phone,
    check_profile_value,
    check_username,
)
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import (
    PROFILE_COLUMNS,
    Caller,
    find_by_email,
    find_by_phone,
    find_by_username,
    get_user,
    insert_user,
)

REGISTER_PROFILE_SKIP = frozenset({"ip", "oauth", "udf", "email", "phone", "username"})


def _wants_token(data: dict[str, Any]) -> bool:
    return bool(data.get("forceLogin") or data.get("generateToken"))


class Registration:
    """registerBy* and the registration step of an auto-registering sign-in."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    @staticmethod
    def _address(caller: Caller, client_ip: str | None) -> str:
        return client_ip or caller.peer_ip or "unknown"

    def _admission(self, conn: sqlite3.Connection, address: str) -> PoolError | None:
        """Why the policy refuses a registration from ``address`` now (None: it does not)."""
        policy = self.core.policy(conn)
        if policy.register_disabled:
            return PoolError(errors.REGISTER_DISABLED, "registration is disabled in this user pool")
        check = policy.frequent_register_check
        if check.enabled:
            since = self.core.clock.now() - check.time_interval
            count, first = conn.execute(
                "SELECT COUNT(*), MIN(registered_at) FROM registrations WHERE address = ?"
                " AND registered_at > ?", (address, since)).fetchone()
            if count >= check.limit:
                wait = max(1, int(first - since + 0.999))
                return PoolError(errors.REGISTER_TOO_OFTEN,
                                 f"too many registrations from this address; retry in {wait} s",
                                 {"retryAfter": wait})
        return None

    def check_open(self, caller: Caller, client_ip: str | None) -> None:
        """Refuse early (before codes are spent or passwords hashed) a registration the
        policy refuses; `register` checks again in its transaction."""
        address = self._address(caller, client_ip)
        problem = self.core.read(lambda conn: self._admission(conn, address))
        if problem is not None:
            raise problem

    def _admit(self, conn: sqlite3.Connection, address: str) -> None:
        """In the registering transaction: refuse, or log the registration."""
        problem = self._admission(conn, address)
        if problem is not None:
            raise problem
        now = self.core.clock.now()
        conn.execute("DELETE FROM registrations WHERE registered_at <= ?",
                     (now - self.core.policy(conn).frequent_register_check.time_interval,))
        conn.execute("INSERT INTO registrations(address, registered_at) VALUES (?, ?)",
                     (address, now))

    def register(
        self, *, caller: Caller, data: dict[str, Any], source: str, password: str | None,
        profile: dict[str, Any] | None, params: str | None, issue_token: bool,
        client_ip: str | None = None, login: bool = False,
    ) -> dict[str, Any]:
        """Create a user from ``data`` (identifier columns), then optionally sign it in."""
        core = self.core
        self.check_open(caller, client_ip)
        address = self._address(caller, client_ip)
        fields: dict[str, Any] = dict(data)
        profile = profile or {}
        for key, value in profile.items():
            if key in REGISTER_PROFILE_SKIP or value is None:
                continue
            column = PROFILE_COLUMNS.get(key)
            if column is None:
                raise PoolError(errors.BAD_ARGUMENT, f"unknown profile field {key!r}")
            fields[column] = check_profile_value(key, value)
        if profile.get("email") and "email" not in fields:
            fields["email"] = check_email(profile["email"])
        if profile.get("phone") and "phone" not in fields:
            fields["phone"] = check_phone(profile["phone"])
        if profile.get("username") and "username" not in fields:
            fields["username"] = check_username(profile["username"])
        custom = udf.parse_params(params)
        udf_inputs = profile.get("udf") or []
        if password is not None:
            passwords.check_policy(password)

        def exists(conn: sqlite3.Connection) -> bool:
            return any(
                finder(conn, fields[column]) is not None
                for column, finder in (("email", find_by_email), ("username", find_by_username),
                                       ("phone", find_by_phone))
                if fields.get(column)
            )

        def validate_udf(conn: sqlite3.Connection) -> list[tuple[str, str]]:
            prepared = [(k, udf.prepare_raw(conn, udf.USER, k, v)) for k, v in custom]
            for item in udf_inputs:
                if not isinstance(item, dict) or not isinstance(item.get("key"), str):
                    raise PoolError(errors.BAD_ARGUMENT, "profile.udf items must be {key, value}")
                prepared.append((item["key"], udf.prepare_json(
                    conn, udf.USER, item["key"], str(item.get("value", "")))))
            return prepared

        if core.read(exists):
            raise PoolError(errors.USER_EXISTS, "user already exists")
        prepared = core.read(validate_udf)
        if password is not None:
            fields["password_hash"] = passwords.hash_password(password)
            fields["password_level"] = passwords.security_level(password)
        user_id = new_id()
        now = core.clock.now()
        fields.update(id=user_id, register_source=json.dumps([source]), created_at=now,
                      updated_at=now)
        if password is not None:
            fields["password_changed_at"] = now

        def insert(conn: sqlite3.Connection) -> dict[str, Any]:
            self._admit(conn, address)
            if fields.get("email") and core.policy(conn).email_verified_default:
                fields["email_verified"] = 1
            insert_user(conn, fields, prepared, now)
            if login:
                return core.login_result(conn, user_id, caller, client_ip=client_ip)
            user = get_user(conn, user_id)
            if issue_token:
                issued = core.tokens.issue(conn, user, client_ip=client_ip or caller.peer_ip,
                                           user_agent=caller.user_agent)
                return core.view(conn, user, issued.token, issued.exp)
            return core.view(conn, user, None, None)

        return core.write(insert)

    def register_by_email(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """registerByEmail(input)."""
        email = check_email(data.get("email"))
        password = self.core.decrypt(data.get("password"))
        return self.register(
            caller=caller, data={"email": email}, source="basic:email", password=password,
            profile=data.get("profile"), params=data.get("params"),
            issue_token=_wants_token(data), client_ip=data.get("clientIp"),
        )

    def register_by_username(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """registerByUsername(input)."""
        username = check_username(data.get("username"))
        password = self.core.decrypt(data.get("password"))
        return self.register(
            caller=caller, data={"username": username}, source="basic:username-password",
            password=password, profile=data.get("profile"), params=data.get("params"),
            issue_token=_wants_token(data), client_ip=data.get("clientIp"),
        )

    def register_by_phone_code(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """registerByPhoneCode(input): the SMS code proves the phone."""
        phone = check_phone(data.get("phone"))
        password = self.core.decrypt(data["password"]) if data.get("password") else None
        if password is not None:
            passwords.check_policy(password)
        if self.core.read(lambda conn: find_by_phone(conn, phone)) is not None:
            raise PoolError(errors.USER_EXISTS, "user already exists")
        self.check_open(caller, data.get("clientIp"))
        self.core.use_code(SMS, phone, data.get("code"), (SMS_SCENE,))
        return self.register(
            caller=caller, data={"phone": phone, "phone_verified": 1},
            source="basic:phone-code", password=password, profile=data.get("profile"),
            params=data.get("params"), issue_token=_wants_token(data),
            client_ip=data.get("clientIp"),
        )
