"""The HTTP routes of passkeys (docs/passkeys.md), all with the v3 envelope: the Gen-1 WebAuthn
routes (registration, sign-in, list, check, remove), the rename of the Gen-2 credentials
route, and the passkey second factor (``mfa-verify`` / ``mfa-bind``, with the pool's own
finish routes). `passkeys` and `passkey_mfa` do the work.

Tokens: registration and management take the user's login token; the sign-in routes none;
the second-factor routes the ``mfaToken`` of a 1635 / 1636 challenge (``Bearer <jwt>`` or the
bare JWT).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.mfa import MfaService
from authing_desktop.localpool.passkey_mfa import PasskeyMfa
from authing_desktop.localpool.passkeys import Passkeys
from authing_desktop.localpool.rest_api import caller_of, json_body
from authing_desktop.localpool.v3_envelope import Handler, v3_guarded, v3_ok

PREFIX = "/api/v3/webauthn"


class PasskeyRoutes:
    """The HTTP side of `Passkeys` and `PasskeyMfa`."""

    def __init__(self, features: PoolFeatures) -> None:
        self.passkeys: Passkeys = features.passkeys
        self.mfa = PasskeyMfa(self.passkeys, MfaService(features))
        self.db = features.core.db

    def routes(self) -> list[Route]:
        """The passkey routes."""
        def route(path: str, handler: Handler, method: str) -> Route:
            return Route(f"{PREFIX}{path}", v3_guarded(handler), methods=[method])

        return [
            route("/registration", self.registration_options, "GET"),
            route("/registration", self.register, "POST"),
            route("/authentication", self.authentication_options, "GET"),
            route("/authentication", self.authenticate, "POST"),
            route("/page-authenticator-device", self.list_credentials, "POST"),
            route("/check-valid-credentials-by-credIds", self.still_valid, "POST"),
            route("/remove-credential/{credentialID}", self.remove, "POST"),
            route("/remove-credentials-by-authenticator-code", self.remove_kind, "POST"),
            route("/credentials/{credentialId}", self.rename, "PUT"),
            route("/mfa-verify/initialize", self.mfa_verify_options, "POST"),
            route("/mfa-verify/finalize", self.mfa_verify, "POST"),
            route("/mfa-bind/initialize", self.mfa_bind_options, "POST"),
            route("/mfa-bind/finalize", self.mfa_bind, "POST"),
        ]

    # ------------------------------------------------------------------ Gen-1
    async def registration_options(self, request: Request) -> Response:
        """Creation options and a ticket for the signed-in user."""
        return v3_ok(await self.db.run(self.passkeys.registration_options, caller_of(request)))

    async def register(self, request: Request) -> Response:
        """Finish a registration: ``{verified}``."""
        body = await json_body(request)
        data, message = await self.db.run(self.passkeys.register, caller_of(request), body)
        return v3_ok(data, message)

    async def authentication_options(self, request: Request) -> Response:
        """Request options and a ticket for a passwordless sign-in."""
        return v3_ok(await self.db.run(self.passkeys.authentication_options))

    async def authenticate(self, request: Request) -> Response:
        """Finish a passwordless sign-in: ``{verified, tokenSet}``."""
        body = await json_body(request)
        data, message = await self.db.run(self.passkeys.authenticate, caller_of(request), body)
        return v3_ok(data, message)

    async def list_credentials(self, request: Request) -> Response:
        """The caller's passkeys and security keys."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.passkeys.list_credentials, caller_of(request), body))

    async def still_valid(self, request: Request) -> Response:
        """Which of the given credential ids are still the caller's."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.passkeys.still_valid, caller_of(request), body))

    async def remove(self, request: Request) -> Response:
        """Remove one of the caller's credentials."""
        body = await json_body(request)
        key = str(request.path_params["credentialID"])
        return v3_ok(await self.db.run(self.passkeys.remove, caller_of(request), key, body))

    async def remove_kind(self, request: Request) -> Response:
        """Remove the caller's credentials of one kind."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.passkeys.remove_kind, caller_of(request), body))

    async def rename(self, request: Request) -> Response:
        """Rename one of the caller's credentials (the Gen-2 route)."""
        body = await json_body(request)
        key = str(request.path_params["credentialId"])
        return v3_ok(await self.db.run(self.passkeys.rename, caller_of(request), key, body))

    # ------------------------------------------------------------------ second factor
    async def mfa_verify_options(self, request: Request) -> Response:
        """Request options for the passkey second step."""
        return v3_ok(await self.db.run(self.mfa.verify_options, caller_of(request).token))

    async def mfa_verify(self, request: Request) -> Response:
        """Finish the second step with a passkey: the v2 user with its token."""
        body = await json_body(request)
        caller = caller_of(request)
        return v3_ok(await self.db.run(self.mfa.verify, caller, caller.token, body))

    async def mfa_bind_options(self, request: Request) -> Response:
        """Creation options for binding a passkey as the second step."""
        return v3_ok(await self.db.run(self.mfa.bind_options, caller_of(request).token))

    async def mfa_bind(self, request: Request) -> Response:
        """Bind a passkey and finish the sign-in: the v2 user with its token."""
        body = await json_body(request)
        caller = caller_of(request)
        return v3_ok(await self.db.run(self.mfa.bind, caller, caller.token, body))
