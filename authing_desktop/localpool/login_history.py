"""Sign-in records: every login attempt (success or failure) in ``login_history``, the device a
login token was issued to (``token_devices`` / ``devices``), and the v3 history query.

Successful sign-ins are recorded by `LoginHistory.signed_in`, called from
`PoolCore.login_result` inside the transaction that issues the token, so a record exists
exactly when a token does. Failures raise `PoolError` and roll that transaction back, so they
are recorded afterwards, in their own transaction, by the `login_attempt` decorator around
each login operation (or by the MFA completion routes). The decorator also names the sign-in
method for the success record through a thread-local: every pool operation runs on one
database worker thread from start to end.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from authing_desktop.localpool import errors
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.user_agents import derived_device_id, parse_user_agent
from authing_desktop.localpool.users import (
    Caller,
    find_by_email,
    find_by_phone,
    find_by_username,
)

F = TypeVar("F", bound=Callable[..., Any])

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
UNKNOWN_METHOD = "login"

_current = threading.local()


@dataclass(frozen=True)
class HistoryFilter:
    """The v3 ``get-my-login-history`` query (times in epoch seconds)."""

    app_id: str | None = None
    client_ip: str | None = None
    success: bool | None = None
    start: float | None = None
    end: float | None = None
    page: int = 1
    limit: int = DEFAULT_PAGE_SIZE


@contextlib.contextmanager
def attempt(method: str, second_factor: str | None = None) -> Iterator[None]:
    """Name the sign-in method (and second factor) of the login running on this thread."""
    previous = getattr(_current, "attempt", None)
    _current.attempt = (method, second_factor)
    try:
        yield
    finally:
        _current.attempt = previous


def current_attempt() -> tuple[str, str | None]:
    """``(method, second_factor)`` of the login running on this thread."""
    value = getattr(_current, "attempt", None)
    return cast("tuple[str, str | None]", value) if value else (UNKNOWN_METHOD, None)


def device_of(caller: Caller, client_ip: str | None) -> str:
    """The device id of a sign-in: the client's own, else derived from User-Agent and IP."""
    return caller.device_id or derived_device_id(caller.user_agent, client_ip)


def _find_account(conn: sqlite3.Connection, kind: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    row: sqlite3.Row | None
    if kind == "email":
        row = find_by_email(conn, value)
    elif kind == "phone":
        row = find_by_phone(conn, value.strip())
    elif kind == "username":
        row = find_by_username(conn, value)
    elif kind == "sub_account":
        row = conn.execute(
            "SELECT u.* FROM sub_accounts s JOIN users u ON u.id = s.user_id"
            " WHERE u.username = ?", (value,)).fetchone()
    else:
        row = None
    return None if row is None else str(row["id"])


def login_attempt(method: str | Callable[..., str], account: str | None = None) -> Callable[[F], F]:
    """Decorate a blocking login operation ``fn(self, caller, ...)`` of a feature with ``core``
    (`PoolCore`): name its method for the success record, and record a failure.

    ``method`` is the wire method name (``loginByEmail``) or a function of the call's arguments
    returning it. ``account`` says how to find the user of a failed attempt: ``"email"``,
    ``"username"``, ``"phone"`` (the ``input`` mapping's field of that name, or the first
    argument when it is a string: ``"sub_account"``), or None (not identifiable)."""
    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(self: Any, caller: Caller, *args: Any, **kwargs: Any) -> Any:
            name = method(*args) if callable(method) else method
            with attempt(name):
                try:
                    return fn(self, caller, *args, **kwargs)
                except PoolError as exc:
                    history: LoginHistory = self.core.history
                    first = args[0] if args else None
                    value = first.get(account) if isinstance(first, dict) and account else first
                    client_ip = first.get("clientIp") if isinstance(first, dict) else None
                    history.failed(self.core.db, kind=account, value=value, method=name,
                                   caller=caller, client_ip=client_ip, error=exc)
                    raise

        return cast("F", wrapper)

    return decorate


class LoginHistory:
    """Writes and reads sign-in records and the devices sign-ins come from."""

    def __init__(self, app_id: str, clock: Clock) -> None:
        self._app_id = app_id
        self._clock = clock

    # ----------------------------------------------------------------- writing
    def _insert(self, conn: sqlite3.Connection, *, user_id: str | None, caller: Caller,
                client_ip: str | None, method: str, second_factor: str | None, success: bool,
                code: int, message: str | None) -> None:
        conn.execute(
            "INSERT INTO login_history(user_id, app_id, login_at, client_ip, user_agent,"
            " device_id, method, second_factor, success, code, error_message)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (user_id, self._app_id, self._clock.now(), client_ip, caller.user_agent,
             device_of(caller, client_ip), method, second_factor, int(success), code, message),
        )

    def signed_in(self, conn: sqlite3.Connection, user_id: str, caller: Caller,
                  client_ip: str | None, jti: str) -> None:
        """Record a successful sign-in that issued token ``jti`` (in the issuing transaction):
        the history row, the token's device and the device itself."""
        method, second_factor = current_attempt()
        self._insert(conn, user_id=user_id, caller=caller, client_ip=client_ip, method=method,
                     second_factor=second_factor, success=True, code=200, message=None)
        device_id = device_of(caller, client_ip)
        conn.execute("INSERT OR REPLACE INTO token_devices(jti, device_id) VALUES (?, ?)",
                     (jti, device_id))
        parsed = parse_user_agent(caller.user_agent)
        now = self._clock.now()
        conn.execute(
            "INSERT INTO devices(user_id, device_id, type, os, version, browser, user_agent,"
            " last_ip, created_at, last_login_at, last_active_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(user_id, device_id) DO UPDATE SET browser = excluded.browser,"
            " user_agent = excluded.user_agent, last_ip = excluded.last_ip,"
            " last_login_at = excluded.last_login_at, last_active_at = excluded.last_active_at,"
            " os = COALESCE(devices.os, excluded.os),"
            " version = COALESCE(devices.version, excluded.version)",
            (user_id, device_id, parsed.device, parsed.os, parsed.os_version,
             parsed.browser, caller.user_agent, client_ip, now, now, now),
        )

    def failed(self, db: Database, *, kind: str | None, value: Any, method: str,
               caller: Caller, client_ip: str | None, error: PoolError,
               user_id: str | None = None, second_factor: str | None = None) -> None:
        """Record a failed attempt in its own transaction (the user found by ``kind`` /
        ``value`` unless ``user_id`` is given). Argument errors before any account was named
        are not attempts and are skipped."""
        if error.code in (errors.BAD_ARGUMENT, errors.PARAMS_INCOMPLETE, errors.DECRYPT_FAILED) \
                and user_id is None and not value:
            return
        ip = client_ip if isinstance(client_ip, str) and client_ip else caller.peer_ip

        def run(conn: sqlite3.Connection) -> None:
            owner = user_id or (_find_account(conn, kind, value) if kind else None)
            self._insert(conn, user_id=owner, caller=caller, client_ip=ip, method=method,
                         second_factor=second_factor, success=False, code=error.code,
                         message=error.message)

        db.write(run)

    # ----------------------------------------------------------------- reading
    def query(self, conn: sqlite3.Connection, user_id: str,
              where: HistoryFilter) -> dict[str, Any]:
        """``{totalCount, list: LoginHistoryDto[]}``, newest first."""
        clauses = ["h.user_id = ?"]
        args: list[Any] = [user_id]
        if where.app_id:
            clauses.append("h.app_id = ?")
            args.append(where.app_id)
        if where.client_ip:
            clauses.append("h.client_ip = ?")
            args.append(where.client_ip)
        if where.success is not None:
            clauses.append("h.success = ?")
            args.append(int(where.success))
        if where.start is not None:
            # A microsecond of slack: the shown ms is rounded from the stored float.
            clauses.append("h.login_at >= ?")
            args.append(where.start - 0.000001)
        if where.end is not None:
            # Inclusive at the millisecond ``loginAt`` shows: up to the end of that ms.
            clauses.append("h.login_at < ?")
            args.append(where.end + 0.001)
        condition = " AND ".join(clauses)
        total = int(conn.execute(
            f"SELECT COUNT(*) FROM login_history h WHERE {condition}",  # noqa: S608
            args).fetchone()[0])
        rows = conn.execute(
            f"SELECT h.*, a.name AS app_name, a.logo AS app_logo, a.domain AS app_domain"  # noqa: S608
            f" FROM login_history h LEFT JOIN applications a ON a.id = h.app_id"
            f" WHERE {condition} ORDER BY h.login_at DESC, h.id DESC LIMIT ? OFFSET ?",
            (*args, where.limit, (where.page - 1) * where.limit),
        ).fetchall()
        return {"totalCount": total, "list": [self._view(row) for row in rows]}

    @staticmethod
    def _view(row: sqlite3.Row) -> dict[str, Any]:
        # Milliseconds, as the spec's examples: a polling cursor taken from it is exact to
        # the ms (docs/protocol.md, "Sign-in alerts").
        login_at = dt.datetime.fromtimestamp(float(row["login_at"]), dt.UTC).isoformat(
            timespec="milliseconds")
        return {
            "id": row["id"],
            "userId": row["user_id"],
            "appId": row["app_id"],
            "appName": row["app_name"],
            "appLoginUrl": f"https://{row['app_domain']}" if row["app_domain"] else None,
            "appLogo": row["app_logo"],
            "loginAt": login_at,
            "clientIp": row["client_ip"],
            "success": bool(row["success"]),
            "code": row["code"],
            "errorMessage": row["error_message"],
            "userAgent": row["user_agent"],
            "parsedUserAgent": parse_user_agent(row["user_agent"]).as_wire(),
            "loginMethod": row["method"],
            "secondFactor": row["second_factor"],
            "deviceId": row["device_id"],
            # Offline: no GeoIP database (docs/protocol.md allows nulls).
            "geoip": {"location": None, "country_name": None, "country_code2": None,
                      "country_code3": None, "region_name": None, "region_code": None,
                      "city_name": None, "continent_code": None, "timezone": None},
            "tenantId": None,
        }
