"""The browser-protocol endpoints the SDK can call (docs/protocol.md, Browser sign-in): OIDC/OAuth
discovery,
JWKS, token (authorization code + PKCE), userinfo, introspection, revocation and
validate_token; CAS serviceValidate (JSON and XML) and the SSO session; the WeChat mobile
callback. The hosted sign-in page that issues the codes and tickets is `hosted_sign_in`.

Tokens inspected here are the provider's RS256 access tokens and the pool's login tokens (an
id_token of the code flow is a login token). Every answer is JSON (the SDK parses every body),
except serviceValidate in XML format.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from authing_desktop.localpool.browser_state import (
    SESSION_COOKIE,
    BrowserSessions,
    CasTicket,
    ExpiringStore,
)
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.identity_sources import IdentitySources
from authing_desktop.localpool.oidc_provider import (
    AuthorizationServer,
    OAuthError,
    userinfo_claims,
)
from authing_desktop.localpool.request_bodies import read_form
from authing_desktop.localpool.rest_api import caller_of, envelope, guarded
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.timefmt import iso
from authing_desktop.localpool.tokens import decode_on
from authing_desktop.localpool.users import Caller, get_user, user_view


def oauth_error(status: int, error: str, description: str) -> JSONResponse:
    """An RFC 6749 section 5.2 error body."""
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


async def _form(request: Request) -> dict[str, str]:
    return await read_form(request)


CAS_NS = "http://www.yale.edu/tp/cas"
CAS_ATTRIBUTES = ("email", "phone", "username", "name", "nickname")


class ProtocolEndpoints:
    """OIDC / OAuth / CAS / social endpoints of one pool."""

    def __init__(self, features: PoolFeatures, db: Database, server: AuthorizationServer,
                 sessions: BrowserSessions, tickets: ExpiringStore[CasTicket],
                 sources: IdentitySources) -> None:
        self.features = features
        self.db = db
        self.server = server
        self.sessions = sessions
        self.tickets = tickets
        self.sources = sources

    def routes(self) -> list[Route]:
        """Every protocol route (OIDC and OAuth flavours share handlers)."""
        routes = [
            Route("/oidc/.well-known/openid-configuration", guarded(self.discovery),
                  methods=["GET"]),
            Route("/oidc/.well-known/jwks.json", guarded(self.jwks), methods=["GET"]),
        ]
        for flavour in ("oidc", "oauth"):
            routes += [
                Route(f"/{flavour}/token", guarded(self.token), methods=["POST"]),
                Route(f"/{flavour}/me", guarded(self.userinfo), methods=["GET", "POST"]),
                Route(f"/{flavour}/token/introspection", guarded(self.introspect),
                      methods=["POST"]),
                Route(f"/{flavour}/token/revocation", guarded(self.revoke), methods=["POST"]),
            ]
        routes += [
            Route("/api/v2/oidc/validate_token", guarded(self.validate_token), methods=["GET"]),
            Route("/cas-idp/{app_id}/serviceValidate", guarded(self.cas_validate),
                  methods=["GET"]),
            Route("/cas/session", guarded(self.cas_session), methods=["GET"]),
            Route("/connection/social/{connection}/{pool_id}/callback", guarded(self.social),
                  methods=["GET"]),
        ]
        return routes

    # ------------------------------------------------------------------ metadata
    async def discovery(self, request: Request) -> Response:
        """OpenID Provider metadata."""
        return JSONResponse(self.server.discovery())

    async def jwks(self, request: Request) -> Response:
        """The RS256 keys that verify access tokens."""
        return JSONResponse(await self.db.run(self.server.jwks))

    # ------------------------------------------------------------------ token endpoint
    async def token(self, request: Request) -> Response:
        """Token endpoint: ``authorization_code`` (with PKCE; ``none`` clients only with it)
        and ``refresh_token`` (docs/local-pool.md, "Refresh tokens")."""
        form = await _form(request)
        method = self.server.client_method(request.headers.get("authorization"), form)
        if method is None:
            return oauth_error(401, "invalid_client", "unknown client or wrong client secret")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            try:
                tokens = await self.db.run(self.server.exchange_code, form, method,
                                           caller_of(request))
            except OAuthError as exc:
                return oauth_error(exc.status, exc.error, exc.description)
            return JSONResponse(tokens, headers={"cache-control": "no-store"})
        if grant == "refresh_token":
            try:
                tokens = await self.db.run(self.server.exchange_refresh_token, form,
                                           caller_of(request))
            except OAuthError as exc:
                return oauth_error(exc.status, exc.error, exc.description)
            return JSONResponse(tokens, headers={"cache-control": "no-store"})
        if grant == "client_credentials":
            return oauth_error(400, "unauthorized_client",
                               "the local pool has no programmatic access accounts")
        return oauth_error(400, "unsupported_grant_type", "unsupported grant_type")

    def _client_ok(self, request: Request, form: dict[str, str]) -> bool:
        return self.server.client_method(request.headers.get("authorization"), form) is not None

    # ------------------------------------------------------------------ token inspection
    def _login_claims(self, token: str | None) -> dict[str, Any] | None:
        """The claims of a live login token (or code-flow id_token) of this pool, else None."""
        try:
            auth = self.features.core.authenticate(Caller(token=token))
        except PoolError:
            return None
        identity = self.features.core.identity
        claims: dict[str, Any] = decode_on(self.features.core.clock, auth.token,
                                           identity.app_secret, algorithms=["HS256"],
                                           audience=identity.app_id, require=["exp"])
        return claims

    def _inspect(self, token: str | None) -> tuple[str, dict[str, Any]] | None:
        """("access" | "login", claims) of a live token, else None (blocking)."""
        access = self.server.access_claims(token)
        if access is not None:
            return "access", access
        login = self._login_claims(token)
        return ("login", login) if login is not None else None

    async def userinfo(self, request: Request) -> Response:
        """OIDC userinfo for an access token (claims limited to its scope) or a login token."""
        caller = caller_of(request)
        found = await self.db.run(self._inspect, caller.token)
        if found is None:
            return oauth_error(401, "invalid_token", "the access token is invalid or expired")
        kind, claims = found

        def view() -> dict[str, Any]:
            conn = self.db.connection()
            return user_view(conn, get_user(conn, str(claims["sub"])),
                             self.features.core.identity.user_pool_id, token=None,
                             token_expires_at=None)

        try:
            user = await self.db.run(view)
        except PoolError:
            return oauth_error(401, "invalid_token", "the token's user no longer exists")
        scope = str(claims.get("scope", "")) if kind == "access" else None
        return JSONResponse(userinfo_claims(user, scope))

    async def introspect(self, request: Request) -> Response:
        """RFC 7662 introspection (``{"active": false}`` for anything not live)."""
        form = await _form(request)
        if not self._client_ok(request, form):
            return oauth_error(401, "invalid_client", "unknown client or wrong client secret")
        found = await self.db.run(self._inspect, form.get("token"))
        if found is None:
            return JSONResponse({"active": False})
        kind, claims = found
        scope = claims.get("scope") if kind == "access" else "openid profile email phone address"
        return JSONResponse({
            "active": True, "sub": claims["sub"], "client_id": claims["aud"],
            "exp": claims["exp"], "iat": claims["iat"], "iss": claims.get("iss"),
            "jti": claims["jti"], "scope": scope, "token_type": "Bearer",
        })

    async def revoke(self, request: Request) -> Response:
        """RFC 7009 revocation; answers JSON (the SDK parses every body). A refresh token
        takes its whole sign-in with it, as does a login token (a sign-out)."""
        form = await _form(request)
        if not self._client_ok(request, form):
            return oauth_error(401, "invalid_client", "unknown client or wrong client secret")
        token = form.get("token")
        if await self.db.run(self.server.revoke_refresh_token, token):
            return JSONResponse({})
        found = await self.db.run(self._inspect, token)
        if found is not None:
            kind, claims = found
            if kind == "access":
                await self.db.run(self.server.revoke_access, str(claims["jti"]))
            else:
                await self.db.run(self.features.sessions.logout, Caller(token=token))
        return JSONResponse({})

    async def validate_token(self, request: Request) -> Response:
        """``?id_token=`` / ``?access_token=``: the decoded claims, or ``{code: 400}``."""
        id_token = request.query_params.get("id_token")
        if id_token:
            claims = await self.db.run(self._login_claims, id_token)
        else:
            token = request.query_params.get("access_token")
            found = await self.db.run(self._inspect, token)
            claims = found[1] if found is not None else None
        if claims is None:
            return JSONResponse({"code": 400, "message": "id_token is invalid"})
        return JSONResponse(claims)

    # ------------------------------------------------------------------ CAS
    def _cas_user(self, user_id: str) -> dict[str, Any]:
        conn = self.db.connection()
        return user_view(conn, get_user(conn, user_id), self.features.core.identity.user_pool_id,
                         token=None, token_expires_at=None)

    async def cas_validate(self, request: Request) -> Response:
        """CAS 2.0 serviceValidate: a ticket is good once, for the service it was issued to."""
        params = request.query_params
        as_xml = params.get("format", "XML").upper() != "JSON"
        ticket_id = params.get("ticket") or ""
        service = params.get("service") or ""
        ticket = self.tickets.take(ticket_id) if ticket_id else None
        failure: tuple[str, str] | None = None
        user: dict[str, Any] | None = None
        if not ticket_id or not service:
            failure = ("INVALID_REQUEST", "ticket and service are required")
        elif ticket is None:
            failure = ("INVALID_TICKET", f"ticket {ticket_id} not recognized")
        elif ticket.service != service:
            failure = ("INVALID_SERVICE", "the ticket was issued for another service")
        else:
            try:
                user = await self.db.run(self._cas_user, ticket.user_id)
            except PoolError:
                failure = ("INVALID_TICKET", "the ticket's user no longer exists")
        if failure is not None or user is None:
            code, text = failure or ("INVALID_TICKET", "ticket not recognized")
            if as_xml:
                return Response(
                    f"<cas:serviceResponse xmlns:cas=\"{CAS_NS}\">"
                    f"<cas:authenticationFailure code=\"{code}\">{escape(text)}"
                    "</cas:authenticationFailure></cas:serviceResponse>",
                    media_type="application/xml")
            return JSONResponse({"serviceResponse": {"authenticationFailure": {
                "code": code, "description": text}}})
        attributes = {name: user[name] for name in CAS_ATTRIBUTES}
        if as_xml:
            items = "".join(f"<cas:{name}>{escape(str(value))}</cas:{name}>"
                            for name, value in attributes.items() if value is not None)
            return Response(
                f"<cas:serviceResponse xmlns:cas=\"{CAS_NS}\"><cas:authenticationSuccess>"
                f"<cas:user>{escape(user['id'])}</cas:user><cas:attributes>{items}"
                "</cas:attributes></cas:authenticationSuccess></cas:serviceResponse>",
                media_type="application/xml")
        return JSONResponse({"serviceResponse": {"authenticationSuccess": {
            "user": user["id"], "attributes": attributes}}})

    async def cas_session(self, request: Request) -> Response:
        """The browser's SSO session (its cookie), with the user; ``{"session": null}``
        without one (the SDK sends no cookies)."""
        session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
        if session is None:
            return JSONResponse({"session": None})
        try:
            user = await self.db.run(self._cas_user, session.user_id)
        except PoolError:
            return JSONResponse({"session": None})
        return JSONResponse({
            "session": {"appId": self.features.core.identity.app_id, "userId": session.user_id,
                        "type": "cas", "createdAt": iso(session.created_at),
                        "expiresAt": iso(session.expires_at)},
            "userInfo": user,
        })

    # ------------------------------------------------------------------ social
    async def social(self, request: Request) -> Response:
        """The WeChat mobile callback: the signed-in (maybe new) user with its token."""
        user = await self.db.run(
            self.sources.wechat_login, request.path_params.get("connection", ""),
            request.path_params.get("pool_id", ""), request.query_params.get("code"),
            caller_of(request))
        return envelope(user)

