"""v3 self-service routes (docs/protocol.md, v3 self-service) with the v3 envelope: my devices and
sessions, login history, signed-in apps, linked identities, profile and security info.
Account deletion lives in `account_deletion`.

Every route accepts the v2 login token (or a code-flow id_token) and this pool's OIDC
access_token, as ``Bearer <jwt>`` or the bare JWT (docs/protocol.md, v3 self-service). Sessions are
the user's live
login tokens; a token's device is the ``x-authing-device-id`` it signed in with, else one
derived from its User-Agent and IP (`user_agents.derived_device_id`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import MAX_PAGE
from authing_desktop.localpool.login_history import MAX_PAGE_SIZE, HistoryFilter
from authing_desktop.localpool.oidc_provider import AuthorizationServer
from authing_desktop.localpool.passkey_store import own_way_in
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.refresh_tokens import revoke_families_of
from authing_desktop.localpool.rest_api import caller_of, json_body
from authing_desktop.localpool.security_info import assess
from authing_desktop.localpool.timefmt import iso
from authing_desktop.localpool.user_agents import derived_device_id, parse_user_agent
from authing_desktop.localpool.users import Caller, get_user, user_view
from authing_desktop.localpool.v3_envelope import (
    parse_bool,
    parse_int,
    parse_ms,
    text_field,
    v3_guarded,
    v3_ok,
)

ACTIVITY_GRANULARITY_S = 60.0  # "last active" is written at most once a minute per device
DEVICE_TYPES = ("Browser", "Mobile", "Desktop")
SOCIAL_EXCEPTIONS = ("ldap", "ad")


@dataclass(frozen=True)
class Principal:
    """Who called a self-service route: the user and the token's jti."""

    user: sqlite3.Row
    jti: str | None


@dataclass
class _Device:
    device_id: str
    row: sqlite3.Row | None = None
    sessions: list[sqlite3.Row] = field(default_factory=list)

    @property
    def last_login(self) -> float:
        issued = max((s["issued_at"] for s in self.sessions), default=0.0)
        stored = (self.row["last_login_at"] or 0.0) if self.row is not None else 0.0
        return max(issued, stored)


def identity_id(provider: str, external_id: str) -> str:
    """A stable id for an identity row (the table is keyed by provider + external id)."""
    return hashlib.sha256(f"{provider}\n{external_id}".encode()).hexdigest()[:24]


def identity_views(conn: sqlite3.Connection, user_id: str) -> list[dict[str, Any]]:
    """v3 ``IdentityDto[]`` of the user (no IdP tokens are kept)."""
    rows = conn.execute(
        "SELECT * FROM identities WHERE user_id = ? ORDER BY created_at", (user_id,)).fetchall()
    views = []
    for row in rows:
        try:
            profile = json.loads(row["profile"] or "{}")
        except ValueError:
            profile = {}
        views.append({
            "identityId": identity_id(row["provider"], row["external_id"]),
            "extIdpId": row["connection"], "provider": row["provider"],
            "type": "unionid" if row["provider"] == "wechat" else "primary",
            "userIdInIdp": row["external_id"], "userInfoInIdp": profile,
            "accessToken": None, "refreshToken": None, "originConnIds": [row["connection"]],
            "createdAt": iso(row["created_at"]),
        })
    return views


class SelfService:
    """The blocking self-service operations (run on database worker threads)."""

    def __init__(self, core: PoolCore, server: AuthorizationServer) -> None:
        self.core = core
        self.server = server
        self.db = core.db

    # ================================================================= auth
    def principal(self, caller: Caller) -> Principal:
        """The caller's user from a login token or an OIDC access token (2020 otherwise);
        the device's "last active" is refreshed on the way."""
        try:
            auth = self.core.authenticate(caller)
        except PoolError as exc:
            if exc.code != errors.NOT_LOGGED_IN or not caller.token:
                raise
            claims = self.server.access_claims(caller.token)
            if claims is None:
                raise
            user = self.db.read(lambda conn: conn.execute(
                "SELECT * FROM users WHERE id = ?", (claims["sub"],)).fetchone())
            if user is None:
                raise
            return Principal(user=user, jti=str(claims["jti"]))
        self._touch(auth.jti)
        return Principal(user=auth.user, jti=auth.jti)

    def proven_principal(self, caller: Caller) -> Principal:
        """`principal`, for a sensitive change: 1650 without a recent proof
        (docs/step-up.md)."""
        who = self.principal(caller)
        self.db.read(lambda conn: self.core.require_recent_proof(
            conn, who.user["id"], who.jti, caller))
        return who

    def _touch(self, jti: str) -> None:
        now = self.core.clock.now()

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE devices SET last_active_at = ? WHERE (user_id, device_id) IN"
                " (SELECT t.user_id, d.device_id FROM tokens t JOIN token_devices d"
                " ON d.jti = t.jti WHERE t.jti = ?) AND (last_active_at IS NULL"
                " OR last_active_at < ?)", (now, jti, now - ACTIVITY_GRANULARITY_S))

        self.db.write(run)

    # ================================================================= devices
    def _devices(self, conn: sqlite3.Connection, user_id: str) -> dict[str, _Device]:
        devices: dict[str, _Device] = {}
        for row in conn.execute("SELECT * FROM devices WHERE user_id = ?", (user_id,)):
            devices[row["device_id"]] = _Device(row["device_id"], row=row)
        live = conn.execute(
            "SELECT t.*, d.device_id FROM tokens t LEFT JOIN token_devices d ON d.jti = t.jti"
            " WHERE t.user_id = ? AND t.kind = 'login' AND t.revoked_at IS NULL"
            " AND t.expires_at > ?", (user_id, self.core.clock.now())).fetchall()
        for token in live:
            key = token["device_id"] or derived_device_id(token["user_agent"],
                                                          token["client_ip"])
            devices.setdefault(key, _Device(key)).sessions.append(token)
        return devices

    @staticmethod
    def _device_view(device: _Device, current_jti: str | None) -> dict[str, Any]:
        row = device.row
        latest = max(device.sessions, key=lambda s: s["issued_at"], default=None)
        user_agent = (latest["user_agent"] if latest is not None
                      else row["user_agent"] if row is not None else None)
        parsed = parse_user_agent(user_agent)

        def stored(column: str) -> Any:
            return row[column] if row is not None else None

        last_active = max(stored("last_active_at") or 0.0, device.last_login) or None
        return {
            "device": {
                "deviceId": device.device_id,
                "name": stored("name") or (f"{parsed.browser} on {parsed.os}"),
                "version": stored("version") or parsed.os_version,
                "type": stored("type") or parsed.device,
                "mod": stored("model"),
                "os": stored("os") or parsed.os,
                "producer": stored("producer"),
                "browser": parsed.browser,
                "status": "activated",
                "userAgent": user_agent,
            },
            "lastLoginTime": iso(device.last_login or stored("created_at")),
            "lastActiveTime": iso(last_active),
            "lastIp": latest["client_ip"] if latest is not None else stored("last_ip"),
            "online": bool(device.sessions),
            "current": any(s["jti"] == current_jti for s in device.sessions),
            "sessionCount": len(device.sessions),
        }

    def list_devices(self, caller: Caller, page: int, limit: int) -> list[dict[str, Any]]:
        """``mydevices/list``: newest sign-in first."""
        who = self.principal(caller)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            devices = sorted(self._devices(conn, who.user["id"]).values(),
                             key=lambda d: d.last_login, reverse=True)
            window = devices[(page - 1) * limit: page * limit]
            return [self._device_view(device, who.jti) for device in window]

        return self.db.read(run)

    def revoke_device(self, caller: Caller, device_id: str, *, forget: bool) -> None:
        """``mydevices/revoke-session`` (end every session of the device) and
        ``mydevices/unbind`` (also forget the device). 404 for an unknown device. Signing
        out another device needs a recent proof (docs/step-up.md); the caller's own does not.
        """
        who = self.principal(caller)

        def run(conn: sqlite3.Connection) -> None:
            device = self._devices(conn, who.user["id"]).get(device_id)
            if device is None:
                raise PoolError(errors.NOT_FOUND, "no such device")
            if all(session["jti"] != who.jti for session in device.sessions):
                self.core.require_recent_proof(conn, who.user["id"], who.jti, caller)
            now = self.core.clock.now()
            for session in device.sessions:
                conn.execute("UPDATE tokens SET revoked_at = ? WHERE jti = ?"
                             " AND revoked_at IS NULL", (now, session["jti"]))
            revoke_families_of(conn, [session["jti"] for session in device.sessions], now)
            if forget:
                conn.execute("DELETE FROM devices WHERE user_id = ? AND device_id = ?",
                             (who.user["id"], device_id))

        self.db.write(run)

    def create_device(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """``create-device``: register the calling device; the caller's session is bound to
        it from now on."""
        who = self.principal(caller)
        unique_id = text_field(body, "deviceUniqueId", limit=128)
        kind = text_field(body, "type", required=False, limit=16) or "Desktop"
        if kind not in DEVICE_TYPES:
            raise PoolError(errors.BAD_ARGUMENT, "type must be Browser, Mobile or Desktop")
        fields = {name: text_field(body, key, required=False)
                  for name, key in (("name", "name"), ("model", "mod"), ("version", "version"),
                                    ("producer", "producer"), ("os", "os"))}
        assert unique_id is not None

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            now = self.core.clock.now()
            conn.execute(
                "INSERT INTO devices(user_id, device_id, name, type, os, version, model,"
                " producer, user_agent, last_ip, created_at, last_active_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(user_id, device_id) DO UPDATE SET name = excluded.name,"
                " type = excluded.type, os = excluded.os, version = excluded.version,"
                " model = excluded.model, producer = excluded.producer,"
                " last_active_at = excluded.last_active_at",
                (who.user["id"], unique_id, fields["name"], kind, fields["os"],
                 fields["version"], fields["model"], fields["producer"], caller.user_agent,
                 caller.peer_ip, now, now))
            if who.jti is not None and conn.execute(
                    "SELECT 1 FROM tokens WHERE jti = ? AND kind = 'login'",
                    (who.jti,)).fetchone():
                conn.execute("INSERT OR REPLACE INTO token_devices(jti, device_id)"
                             " VALUES (?, ?)", (who.jti, unique_id))
            device = self._devices(conn, who.user["id"])[unique_id]
            return self._device_view(device, who.jti)

        return self.db.write(run)

    # ================================================================= history, apps
    def login_history(self, caller: Caller, where: HistoryFilter) -> dict[str, Any]:
        """``get-my-login-history``."""
        who = self.principal(caller)
        return self.db.read(lambda conn: self.core.history.query(
            conn, who.user["id"], where))

    def logged_in_apps(self, caller: Caller) -> list[dict[str, Any]]:
        """``get-my-logged-in-apps``: apps the user holds tokens of; ``active`` while one is
        live; ``lastAccessTime`` (a local addition) the newest token's issue, a sign-in or a
        refresh."""
        return [app for app in self._apps_of(caller) if app["lastAccessTime"] is not None]

    def accessible_apps(self, caller: Caller) -> list[dict[str, Any]]:
        """``get-my-accessible-apps``: every application of the pool, with the same fields."""
        return self._apps_of(caller)

    def _apps_of(self, caller: Caller) -> list[dict[str, Any]]:
        who = self.principal(caller)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            rows = conn.execute(
                "SELECT a.id, a.name, a.logo, a.domain,"
                " MAX(t.revoked_at IS NULL AND t.expires_at > ?) AS active,"
                " MAX(t.issued_at) AS last_access"
                " FROM applications a LEFT JOIN tokens t ON t.app_id = a.id"
                " AND t.user_id = ? AND t.kind IN ('login', 'access')"
                " GROUP BY a.id ORDER BY a.created_at", (self.core.clock.now(), who.user["id"]),
            ).fetchall()
            return [{"appId": row["id"], "appName": row["name"],
                     "appLoginUrl": f"https://{row['domain']}" if row["domain"] else None,
                     "appLogo": row["logo"], "active": bool(row["active"]),
                     "lastAccessTime": iso(row["last_access"]) if row["last_access"] else None}
                    for row in rows]

        return self.db.read(run)

    # ================================================================= identities
    def identities(self, caller: Caller) -> list[dict[str, Any]]:
        """``get-identities``."""
        who = self.principal(caller)
        return self.db.read(lambda conn: identity_views(conn, who.user["id"]))

    def unlink(self, caller: Caller, ext_idp_id: str) -> None:
        """``unlink-extidp``: remove the identities of one source (2216 none, 2217 when that
        leaves no way to sign in; the same rule as v2 ``users/unlink``), with a recent
        proof (docs/step-up.md)."""
        who = self.proven_principal(caller)

        def run(conn: sqlite3.Connection) -> None:
            user = get_user(conn, who.user["id"])
            rows = conn.execute("SELECT provider, connection FROM identities WHERE user_id = ?",
                                (user["id"],)).fetchall()
            removed = [row for row in rows if row["connection"] == ext_idp_id]
            if not removed:
                raise PoolError(errors.UNLINK_NOT_LINKED,
                                "the account has no identity of this source")
            others = len(rows) - len(removed)
            own = own_way_in(conn, user)
            if not others and not own:
                raise PoolError(errors.LAST_LOGIN_METHOD,
                                "this identity is the account's only way to sign in")
            conn.execute("DELETE FROM identities WHERE user_id = ? AND connection = ?",
                         (user["id"], ext_idp_id))
            if any(row["provider"] == "wechat" for row in removed):
                conn.execute("UPDATE users SET unionid = NULL, openid = NULL, updated_at = ?"
                             " WHERE id = ?", (self.core.clock.now(), user["id"]))

        self.db.write(run)

    # ================================================================= profile, security
    def profile(self, caller: Caller, with_identities: bool) -> dict[str, Any]:
        """``get-profile``: the user (v2 field names plus ``userId``), identities on demand."""
        who = self.principal(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            user = get_user(conn, who.user["id"])
            view = user_view(conn, user, self.core.identity.user_pool_id, token=None,
                             token_expires_at=None)
            view["userId"] = user["id"]
            view.pop("token", None)
            # The v3 UserDto's password age (docs/protocol.md, v3 self-service); a password
            # set before the pool recorded changes counts from the account's creation.
            view["passwordLastSetAt"] = (
                iso(user["password_changed_at"] or user["created_at"])
                if user["password_hash"] else None)
            if with_identities:
                view["identities"] = identity_views(conn, user["id"])
            else:
                view.pop("identities", None)
            return view

        return self.db.read(run)

    def security_info(self, caller: Caller) -> dict[str, Any]:
        """``get-security-info`` (the same computation as v2 ``security-level``)."""
        who = self.principal(caller)
        return self.db.read(lambda conn: assess(
            conn, get_user(conn, who.user["id"]), self.core.second_factors).v3())


class SelfServiceRoutes:
    """The HTTP side of `SelfService`."""

    def __init__(self, service: SelfService) -> None:
        self.service = service
        self.db = service.db

    def routes(self) -> list[Route]:
        """The v3 self-service routes."""
        return [
            Route("/api/v3/mydevices/list", v3_guarded(self.list_devices), methods=["GET"]),
            Route("/api/v3/mydevices/revoke-session", v3_guarded(self.revoke_session),
                  methods=["POST"]),
            Route("/api/v3/mydevices/unbind", v3_guarded(self.unbind), methods=["POST"]),
            Route("/api/v3/create-device", v3_guarded(self.create_device), methods=["POST"]),
            Route("/api/v3/get-my-login-history", v3_guarded(self.login_history),
                  methods=["GET"]),
            Route("/api/v3/get-my-logged-in-apps", v3_guarded(self.logged_in_apps),
                  methods=["GET"]),
            Route("/api/v3/get-my-accessible-apps", v3_guarded(self.accessible_apps),
                  methods=["GET"]),
            Route("/api/v3/get-identities", v3_guarded(self.identities), methods=["GET"]),
            Route("/api/v3/unlink-extidp", v3_guarded(self.unlink), methods=["POST"]),
            Route("/api/v3/get-profile", v3_guarded(self.profile), methods=["GET"]),
            Route("/api/v3/get-security-info", v3_guarded(self.security_info),
                  methods=["GET"]),
        ]

    async def list_devices(self, request: Request) -> Response:
        """My devices and their sessions."""
        query = request.query_params
        page = parse_int("page", query.get("page"), 1, low=1, high=MAX_PAGE)
        limit = parse_int("limit", query.get("limit"), 10, low=1, high=MAX_PAGE_SIZE)
        return v3_ok(await self.db.run(self.service.list_devices, caller_of(request), page,
                                       limit))

    async def revoke_session(self, request: Request) -> Response:
        """Sign one device out."""
        body = await json_body(request)
        device_id = text_field(body, "deviceId", limit=128)
        await self.db.run(lambda: self.service.revoke_device(
            caller_of(request), str(device_id), forget=False))
        return v3_ok(with_data=False)

    async def unbind(self, request: Request) -> Response:
        """Sign one device out and forget it."""
        body = await json_body(request)
        device_id = text_field(body, "deviceId", limit=128)
        await self.db.run(lambda: self.service.revoke_device(
            caller_of(request), str(device_id), forget=True))
        return v3_ok(with_data=False)

    async def create_device(self, request: Request) -> Response:
        """Register the calling device."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.service.create_device, caller_of(request), body))

    async def login_history(self, request: Request) -> Response:
        """My login attempts, newest first, filtered and paged."""
        query = request.query_params
        where = HistoryFilter(
            app_id=query.get("appId") or None,
            client_ip=query.get("clientIp") or None,
            success=parse_bool("success", query.get("success")),
            start=parse_ms("start", query.get("start")),
            end=parse_ms("end", query.get("end")),
            page=parse_int("page", query.get("page"), 1, low=1, high=MAX_PAGE),
            # Capped, not refused: the polling contract's larger pages get 50 items
            # (docs/protocol.md, "Sign-in alerts").
            limit=min(MAX_PAGE_SIZE, parse_int("limit", query.get("limit"), 10, low=1,
                                               high=MAX_PAGE)),
        )
        return v3_ok(await self.db.run(self.service.login_history, caller_of(request), where))

    async def logged_in_apps(self, request: Request) -> Response:
        """Apps I am signed in to."""
        return v3_ok(await self.db.run(self.service.logged_in_apps, caller_of(request)))

    async def accessible_apps(self, request: Request) -> Response:
        """Apps I may use, ``active`` where I am signed in."""
        return v3_ok(await self.db.run(self.service.accessible_apps, caller_of(request)))

    async def identities(self, request: Request) -> Response:
        """My linked identities."""
        return v3_ok(await self.db.run(self.service.identities, caller_of(request)))

    async def unlink(self, request: Request) -> Response:
        """Unlink one identity source."""
        body = await json_body(request)
        ext_idp_id = text_field(body, "extIdpId", limit=128)
        await self.db.run(self.service.unlink, caller_of(request), str(ext_idp_id))
        return v3_ok(with_data=False)

    async def profile(self, request: Request) -> Response:
        """My profile."""
        with_identities = parse_bool("withIdentities",
                                     request.query_params.get("withIdentities")) or False
        return v3_ok(await self.db.run(self.service.profile, caller_of(request),
                                       with_identities))

    async def security_info(self, request: Request) -> Response:
        """My security level."""
        return v3_ok(await self.db.run(self.service.security_info, caller_of(request)))
