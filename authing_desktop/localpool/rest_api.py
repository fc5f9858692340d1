"""REST routes of the pool (docs/protocol.md, v2 REST routes) plus the local-only `/_localpool/*`
routes.

Business errors use Authing's envelope ``{code, message[, data]}`` with HTTP 200; unknown routes
and methods answer a JSON envelope with 404 / 405. Every response is JSON except the captcha PNG.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from authing_desktop.localpool import captcha, errors
from authing_desktop.localpool.codes import read_outbox
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.identity_sources import IdentitySources
from authing_desktop.localpool.request_bodies import MAX_JSON_BYTES, read_json
from authing_desktop.localpool.step_up import STEP_UP_HEADER
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.timefmt import iso
from authing_desktop.localpool.tokens import bearer_token
from authing_desktop.localpool.users import Caller

if TYPE_CHECKING:
    from authing_desktop.localpool.directory_config import DirectoryKind

log = logging.getLogger(__name__)

Handler = Callable[[Request], Awaitable[Response]]
CLOCK_PATH = "/_localpool/clock"
MAX_CLOCK_STEP_S = 400 * 86_400.0  # far beyond every lifetime and lock the pool has


def caller_of(request: Request) -> Caller:
    """The token, peer address and user agent of ``request``."""
    return Caller(
        token=bearer_token(request.headers.get("authorization")),
        peer_ip=request.client.host if request.client else None,
        user_agent=request.headers.get("user-agent"),
        device_id=(request.headers.get("x-authing-device-id") or "").strip()[:128] or None,
        stepup_token=(request.headers.get(STEP_UP_HEADER) or "").strip()[:256] or None,
    )


def envelope(data: Any = None, message: str = "") -> JSONResponse:
    """A success envelope."""
    return JSONResponse({"code": 200, "message": message, "data": data})


def error_envelope(error: PoolError, status: int = 200) -> JSONResponse:
    """A business error envelope."""
    return JSONResponse(error.as_message(), status_code=status)


def guarded(handler: Handler) -> Handler:
    """Turn `PoolError` into the envelope and any other failure into a JSON 500."""
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except PoolError as exc:
            return error_envelope(exc)
        except Exception:
            log.exception("%s %s failed", request.method, request.url.path)
            return error_envelope(PoolError(errors.INTERNAL, "internal error of the local pool"),
                                  500)

    wrapper.__name__ = handler.__name__
    wrapper.__doc__ = handler.__doc__
    return wrapper


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object body, ``{}`` when empty (400 otherwise: `read_json`)."""
    body = await read_json(request, MAX_JSON_BYTES)
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise PoolError(errors.BAD_ARGUMENT, "the body must be a JSON object")
    return body


class RestApi:
    """The REST handlers, bound to one pool."""

    def __init__(self, features: PoolFeatures, db: Database, sources: IdentitySources, *,
                 adjustable_clock: bool = False) -> None:
        self.features = features
        self.db = db
        self.sources = sources
        self.adjustable_clock = adjustable_clock

    def routes(self) -> list[Route]:
        """Every REST route."""
        return [
            Route("/api/v2/.well-known", guarded(self.well_known), methods=["GET"]),
            Route("/api/v2/users/me", guarded(self.me), methods=["GET"]),
            Route("/api/v2/logout", guarded(self.logout), methods=["GET", "POST"]),
            Route("/api/v2/sms/send", guarded(self.send_sms), methods=["POST"]),
            Route("/api/v2/users/me/security-level", guarded(self.security_level),
                  methods=["GET"]),
            Route("/api/v2/users/me/applications/allowed", guarded(self.applications),
                  methods=["GET"]),
            Route("/api/v2/users/me/orgs", guarded(self.orgs), methods=["GET"]),
            Route("/api/v2/security/captcha", guarded(self.captcha), methods=["GET"]),
            Route("/api/v2/ldap/verify-user", guarded(self.ldap_login), methods=["POST"]),
            Route("/api/v2/ad/verify-user", guarded(self.ad_login), methods=["POST"]),
            Route("/api/v2/users/link", guarded(self.link), methods=["POST"]),
            Route("/api/v2/users/unlink", guarded(self.unlink), methods=["POST"]),
            Route("/_localpool/outbox", guarded(self.outbox), methods=["GET"]),
            Route("/_localpool/wechat/code", guarded(self.wechat_code), methods=["POST"]),
            Route("/_localpool/info", guarded(self.info), methods=["GET"]),
            *([Route(CLOCK_PATH, guarded(self.advance_clock), methods=["POST"])]
              if self.adjustable_clock else []),
        ]

    async def well_known(self, request: Request) -> Response:
        """The password-encryption public key (JS SDK reads the top-level ``publicKey``)."""
        key = self.features.core.identity.public_key_pem
        return JSONResponse({"code": 200, "message": "", "publicKey": key,
                             "data": {"publicKey": key}})

    async def me(self, request: Request) -> Response:
        """users/me: the user behind the Bearer token, with ``token``."""
        user = await self.db.run(self.features.sessions.current_user, caller_of(request))
        return envelope(user)

    async def logout(self, request: Request) -> Response:
        """Sign out (docs/protocol.md, Signing out): ``only_self`` 1 or true ends this
        session only; empty, false or 0 every session of the user; left out, every session
        of the user for ``app_id`` (the token's own application when it is left out too)."""
        only_self = request.query_params.get("only_self")
        flag = None if only_self is None else only_self.strip().lower()
        caller = caller_of(request)
        if flag in ("1", "true"):
            await self.db.run(self.features.sessions.logout, caller)
        elif flag is not None:
            await self.db.run(self.features.sessions.logout, caller, True)
        else:
            app_id = request.query_params.get("app_id") or self.features.core.identity.app_id
            await self.db.run(self.features.sessions.logout, caller, False, app_id)
        return envelope(None, "logged out")

    async def send_sms(self, request: Request) -> Response:
        """Send (record) an SMS code; rate limits come back as the envelope."""
        body = await json_body(request)
        phone = body.get("phone")
        if not isinstance(phone, str):
            raise PoolError(errors.BAD_PHONE, "phone is required")
        await self.db.run(self.features.contacts.send_sms, phone)
        return envelope(None, "SMS sent")

    async def security_level(self, request: Request) -> Response:
        """The v2 security level."""
        return envelope(await self.db.run(self.features.access.security_level, caller_of(request)))

    async def applications(self, request: Request) -> Response:
        """The applications the user may use, paged (page, limit)."""
        page = request.query_params.get("page", "1")
        limit = request.query_params.get("limit", "10")
        data = await self.db.run(self.features.access.applications, caller_of(request), page, limit)
        return envelope(data)

    async def orgs(self, request: Request) -> Response:
        """The user's org paths (root to node)."""
        return envelope(await self.db.run(self.features.access.orgs, caller_of(request)))

    async def captcha(self, request: Request) -> Response:
        """A captcha PNG tied to ``?clientIp=`` or else the caller's address."""
        client_ip = request.query_params.get("clientIp") or None
        code = await self.db.run(self.features.sign_in.issue_captcha, caller_of(request),
                                 client_ip)
        png = await self.db.run(captcha.render, code)
        return Response(png, media_type="image/png", headers={"cache-control": "no-store"})

    async def _directory_login(self, request: Request, kind: DirectoryKind) -> Response:
        body = await json_body(request)
        username, password = body.get("username"), body.get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            raise PoolError(errors.PARAMS_INCOMPLETE, "username and password are required")
        settings = self.features.core.settings
        config = settings.ldap if kind == "ldap" else settings.ad
        if config is None:
            label = "LDAP" if kind == "ldap" else "LDAP (Active Directory)"
            raise PoolError(errors.NOT_FOUND,
                            f"no {label} source configured in this user pool")
        from authing_desktop.localpool.directory import verify_user  # ldap3: only when used

        # A bind can wait for the directory's timeout: not on a database worker.
        entry = await asyncio.to_thread(verify_user, config, username, password)
        user = await self.db.run(self.sources.directory_login, kind, entry, caller_of(request))
        return envelope(user)

    async def ldap_login(self, request: Request) -> Response:
        """LDAP login: bind as the user, import or update the entry, sign in."""
        return await self._directory_login(request, "ldap")

    async def ad_login(self, request: Request) -> Response:
        """AD login (also served on the pool's own host, the SDK's ``websocket_host``)."""
        return await self._directory_login(request, "ad")

    async def link(self, request: Request) -> Response:
        """Move the secondary account's external identities to the primary account."""
        body = await json_body(request)
        await self.db.run(self.sources.link, body.get("primaryUserToken"),
                          body.get("secondaryUserToken"))
        return envelope(None, "accounts linked")

    async def unlink(self, request: Request) -> Response:
        """Remove the primary account's identities of one provider."""
        body = await json_body(request)
        await self.db.run(self.sources.unlink, body.get("primaryUserToken"),
                          body.get("provider"), caller_of(request).stepup_token)
        return envelope(None, "identity unlinked")

    async def wechat_code(self, request: Request) -> Response:
        """Local pool only: a one-time WeChat code for a simulated identity (into the outbox)."""
        body = await json_body(request)
        code = await self.db.run(self.sources.issue_wechat_code, body.get("identity"))
        return envelope({"connection": "wechat:mobile", "identity": body.get("identity"),
                         "code": code})

    async def outbox(self, request: Request) -> Response:
        """Every SMS/email the pool "sent" whose code still lives, newest first (local pool
        only: `local_access` asks for the admin token)."""
        now = self.features.core.clock.now()
        return envelope(await self.db.run(self.db.read, lambda conn: read_outbox(conn, now)))

    async def advance_clock(self, request: Request) -> Response:
        """Local pool only, with ``--adjustable-clock``: move the pool's clock forward by
        ``{"seconds": s}`` (docs/local-pool.md, "The clock"); the new offset."""
        seconds = (await json_body(request)).get("seconds")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
                or not 0 <= seconds <= MAX_CLOCK_STEP_S:
            raise PoolError(errors.BAD_ARGUMENT,
                            f"seconds must be a number from 0 to {MAX_CLOCK_STEP_S:.0f}")
        clock = self.features.core.clock
        offset = clock.advance(float(seconds))
        return envelope({"offset": offset, "now": iso(clock.now())}, "clock advanced")

    async def info(self, request: Request) -> Response:
        """Pool ids (no secrets), for health checks."""
        identity = self.features.core.identity
        return envelope({"userPoolId": identity.user_pool_id, "appId": identity.app_id,
                         "schemaVersion": await self.db.run(self.db.schema_version)})


async def not_found(request: Request, exc: Exception) -> Response:
    """JSON for unknown routes and wrong methods."""
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    message = "method not allowed" if status == 405 else f"no route {request.url.path}"
    code = errors.NOT_FOUND if status == 404 else status
    return JSONResponse({"code": code, "message": message}, status_code=status)


async def server_error(request: Request, exc: Exception) -> Response:
    """JSON for unexpected failures (the traceback goes to the log, not the client)."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"code": errors.INTERNAL, "message": "internal error of the local pool"},
                        status_code=500)
