"""The browser-protocol endpoints the SDK can call (spec 2.2 / 2.3), answered honestly by a pool
that has no hosted login page: OIDC/OAuth token, userinfo, introspection, revocation and
validate_token; CAS serviceValidate and session; the WeChat mobile callback.

There is no authorization endpoint, so no authorization code or refresh token is ever valid
(RFC 6749 ``invalid_grant``). Login tokens of this pool are accepted where a token is inspected
(userinfo, introspection, revocation, validate_token).
"""

from __future__ import annotations

import base64
import binascii
import hmac
from typing import Any
from urllib.parse import parse_qs

import jwt
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.accounts import Accounts
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.rest_api import caller_of, guarded
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.users import Caller

MAX_FORM_BYTES = 16 * 1024


def oauth_error(status: int, error: str, description: str) -> JSONResponse:
    """An RFC 6749 section 5.2 error body."""
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


async def _form(request: Request) -> dict[str, str]:
    raw = await request.body()
    if len(raw) > MAX_FORM_BYTES:
        raise PoolError(errors.BAD_ARGUMENT, "form too large")
    parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
    return {key: values[0] for key, values in parsed.items()}


class ProtocolEndpoints:
    """OIDC / OAuth / CAS / social endpoints of one pool."""

    def __init__(self, accounts: Accounts, db: Database) -> None:
        self.accounts = accounts
        self.db = db

    def routes(self) -> list[Route]:
        """Every protocol route (OIDC and OAuth flavours share handlers)."""
        routes = []
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

    # ------------------------------------------------------------------ client auth
    def _client_ok(self, request: Request, form: dict[str, str]) -> bool:
        identity = self.accounts.identity
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            try:
                decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
            except (binascii.Error, UnicodeDecodeError):
                return False
            client_id, _, secret = decoded.partition(":")
            return client_id == identity.app_id and hmac.compare_digest(
                secret, identity.app_secret)
        if form.get("client_id") != identity.app_id:
            return False
        posted = form.get("client_secret")
        return posted is None or hmac.compare_digest(posted, identity.app_secret)

    async def token(self, request: Request) -> Response:
        """Token endpoint: no grant can succeed without a hosted login page."""
        form = await _form(request)
        if not self._client_ok(request, form):
            return oauth_error(401, "invalid_client", "unknown client or wrong client secret")
        grant = form.get("grant_type")
        if grant in ("authorization_code", "refresh_token"):
            return oauth_error(400, "invalid_grant",
                               "unknown or expired grant: the local pool issues no"
                               " authorization codes or refresh tokens")
        if grant == "client_credentials":
            return oauth_error(400, "unauthorized_client",
                               "the local pool has no programmatic access accounts")
        return oauth_error(400, "unsupported_grant_type", "unsupported grant_type")

    # ------------------------------------------------------------------ token inspection
    def _claims(self, token: str | None) -> dict[str, Any] | None:
        """The claims of a live login token of this pool, else None."""
        try:
            auth = self.accounts.authenticate(Caller(token=token))
        except PoolError:
            return None
        identity = self.accounts.identity
        claims: dict[str, Any] = jwt.decode(auth.token, identity.app_secret,
                                            algorithms=["HS256"], audience=identity.app_id)
        return claims

    async def userinfo(self, request: Request) -> Response:
        """OIDC userinfo for a login token of this pool."""
        caller = caller_of(request)
        claims = await self.db.run(self._claims, caller.token)
        if claims is None:
            return oauth_error(401, "invalid_token", "the access token is invalid or expired")
        user = await self.db.run(self.accounts.current_user, caller)
        return JSONResponse({
            "sub": user["id"], "name": user["name"], "given_name": user["givenName"],
            "family_name": user["familyName"], "middle_name": user["middleName"],
            "nickname": user["nickname"], "preferred_username": user["preferredUsername"],
            "profile": user["profile"], "picture": user["photo"], "website": user["website"],
            "email": user["email"], "email_verified": user["emailVerified"],
            "gender": user["gender"], "birthdate": user["birthdate"],
            "zoneinfo": user["zoneinfo"], "locale": user["locale"],
            "phone_number": user["phone"], "phone_number_verified": user["phoneVerified"],
            "address": {"formatted": user["formatted"], "street_address": user["streetAddress"],
                        "locality": user["locality"], "region": user["region"],
                        "postal_code": user["postalCode"], "country": user["country"]},
            "updated_at": user["updatedAt"],
        })

    async def introspect(self, request: Request) -> Response:
        """RFC 7662 introspection (``{"active": false}`` for anything not live)."""
        form = await _form(request)
        if not self._client_ok(request, form):
            return oauth_error(401, "invalid_client", "unknown client or wrong client secret")
        claims = await self.db.run(self._claims, form.get("token"))
        if claims is None:
            return JSONResponse({"active": False})
        return JSONResponse({
            "active": True, "sub": claims["sub"], "client_id": claims["aud"],
            "exp": claims["exp"], "iat": claims["iat"], "iss": claims.get("iss"),
            "jti": claims["jti"], "scope": "openid profile email phone address",
            "token_type": "Bearer",
        })

    async def revoke(self, request: Request) -> Response:
        """RFC 7009 revocation; answers JSON (the SDK parses every body)."""
        form = await _form(request)
        if not self._client_ok(request, form):
            return oauth_error(401, "invalid_client", "unknown client or wrong client secret")
        token = form.get("token")
        if await self.db.run(self._claims, token) is not None:
            await self.db.run(self.accounts.logout, Caller(token=token))
        return JSONResponse({})

    async def validate_token(self, request: Request) -> Response:
        """``?id_token=`` / ``?access_token=``: the decoded claims, or ``{code: 400}``."""
        token = (request.query_params.get("id_token")
                 or request.query_params.get("access_token"))
        claims = await self.db.run(self._claims, token)
        if claims is None:
            return JSONResponse({"code": 400, "message": "id_token is invalid"})
        return JSONResponse(claims)

    # ------------------------------------------------------------------ CAS
    async def cas_validate(self, request: Request) -> Response:
        """CAS 2.0 serviceValidate: the pool issues no service tickets."""
        failure = {"code": "INVALID_TICKET",
                   "description": "ticket not recognized: the local pool issues no CAS tickets"}
        if request.query_params.get("format", "XML").upper() == "XML":
            text = ("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">"
                    "<cas:authenticationFailure code=\"INVALID_TICKET\">ticket not recognized"
                    "</cas:authenticationFailure></cas:serviceResponse>")
            return Response(text, media_type="application/xml")
        return JSONResponse({"serviceResponse": {"authenticationFailure": failure}})

    async def cas_session(self, request: Request) -> Response:
        """No browser SSO sessions exist in the local pool."""
        return JSONResponse({"session": None})

    # ------------------------------------------------------------------ social
    async def social(self, request: Request) -> Response:
        """Social logins (e.g. WeChat mobile) have no connection in the local pool."""
        connection = request.path_params.get("connection", "")
        raise PoolError(errors.BAD_ARGUMENT,
                        f"no {connection} social connection is configured in this user pool")

