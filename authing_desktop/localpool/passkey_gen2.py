"""The Gen-2 WebAuthn routes (spec: Authing's hosted login page and personal centre) and the
passkey operations of the pool's own hosted pages, docs/passkeys.md ("Hosted page and Gen-2
routes"). Everything runs on `passkeys.Passkeys`: the same ceremonies, the same py_webauthn
verification, the same credentials table and rules (guess limit, counter, "last way in").

Gen-2 differs from Gen-1 only on the wire:

- ``login/initialize`` answers ``{publicKey, ticket}``; ``login/finalize`` takes
  ``{credential, ticket, options?}`` and its ``data`` is the token set itself (what Authing's
  hosted page hands to ``onLogin``); an answer that does not verify is ``{verified: false}``
  with the reason as message, as in Gen-1.
- ``registration/initialize`` answers ``{publicKey}`` with no ticket; ``registration/finalize``
  takes the RegistrationResponseJSON itself (plus an optional ``name``) and finds the pending
  ceremony by the challenge in its clientDataJSON, for the caller only.
- ``GET credentials?page&limit`` pages the list; ``DELETE credentials/{credentialId}`` removes
  one (``PUT`` renames it: `passkey_routes`).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.login_history import current_attempt
from authing_desktop.localpool.passkey_ceremonies import REGISTER, as_assertion, as_registration
from authing_desktop.localpool.passkey_policy import DEFAULT_AUTHENTICATOR_CODE, RelyingParty
from authing_desktop.localpool.passkey_store import credential_view, credentials_of
from authing_desktop.localpool.passkeys import Answer, Passkeys, credential_name
from authing_desktop.localpool.rest_api import caller_of, json_body
from authing_desktop.localpool.users import Caller, get_user
from authing_desktop.localpool.v3_envelope import Handler, parse_int, v3_guarded, v3_ok

PREFIX = "/api/v3/webauthn"
MAX_PAGE = 100_000
MAX_LIMIT = 100


def active_user(conn: sqlite3.Connection, user_id: str) -> sqlite3.Row:
    """The user row of ``user_id`` when it may add a passkey: 2004 when gone, 2005 when
    blocked (a hosted page's browser session outlives neither)."""
    user = get_user(conn, user_id)
    if user["blocked"] or user["status"] != "Activated":
        raise PoolError(errors.USER_LOCKED, "this account is blocked")
    return user


class PasskeysGen2:
    """The Gen-2 operations (user token) and the hosted pages' (a user id the browser session
    proved), over one pool's `Passkeys`. Every method is blocking (a database thread)."""

    def __init__(self, passkeys: Passkeys) -> None:
        self.passkeys = passkeys
        self.core = passkeys.core
        self.db = passkeys.db

    # ------------------------------------------------------------------ sign-in
    def login_options(self) -> dict[str, Any]:
        """``login/initialize``: request options for a discoverable credential and a ticket."""
        started = self.passkeys.authentication_options()
        return {"publicKey": started["authenticationOptions"], "ticket": started["ticket"]}

    def login(self, caller: Caller, body: dict[str, Any]) -> Answer:
        """``login/finalize``: the token set, or ``{verified: false}`` and the reason."""
        data, message = self.passkeys.authenticate(caller, {
            "authenticationCredential": body.get("credential"), "ticket": body.get("ticket"),
            "options": body.get("options")})
        if data.get("verified") is True:
            token_set: dict[str, Any] = data["tokenSet"]
            return token_set, message
        return data, message

    def sign_in_user(self, caller: Caller, credential: dict[str, Any], ticket: str) -> str:
        """The hosted page's check of a posted assertion: the user it signs in. No token is
        issued (the page starts a browser session); an account whose second step the passkey
        does not pass is challenged (1635 / 1636), as the page's password sign-in is. A
        refused answer is 2333 with the reason."""
        def finish(conn: sqlite3.Connection, user_id: str, passed: bool) -> dict[str, Any]:
            if not passed:
                self.core.second_factors.challenge(conn, get_user(conn, user_id),
                                                   current_attempt()[0])
            return {"verified": True, "userId": user_id}

        data, message = self.passkeys.sign_in(caller, as_assertion(credential), ticket, finish)
        if data.get("verified") is not True:
            raise PoolError(errors.WRONG_CREDENTIALS, message or "the passkey did not verify")
        return str(data["userId"])

    # ------------------------------------------------------------------ registration
    def creation_options_for(self, user_id: str) -> dict[str, Any]:
        """Creation options of a new registration ceremony of ``user_id`` (no ticket: the
        finish finds it by its challenge)."""
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            options, _ticket = self.passkeys.creation_options_for(
                conn, active_user(conn, user_id), REGISTER)
            return options

        return self.db.read(run)

    def register_for(self, user_id: str, credential: Any, name: Any) -> Answer:
        """Verify and store a RegistrationResponseJSON of ``user_id``: ``{verified,
        credentialId, id}``, or ``{verified: false}`` and the reason."""
        checked = as_registration(credential)
        label = credential_name(name, required=False)
        self.db.read(lambda conn: active_user(conn, user_id))
        ceremony = self.passkeys.ceremonies.take_by_challenge(REGISTER, user_id, checked)
        return self.passkeys.finish_registration(user_id, ceremony, checked,
                                                 DEFAULT_AUTHENTICATOR_CODE, label)

    def registration_options(self, caller: Caller) -> dict[str, Any]:
        """``registration/initialize``: ``{publicKey}`` for the signed-in user (a recent
        proof is required: docs/step-up.md)."""
        auth = self.core.proven(caller)
        return {"publicKey": self.creation_options_for(str(auth.user["id"]))}

    def register(self, caller: Caller, body: dict[str, Any]) -> Answer:
        """``registration/finalize``: the body is the RegistrationResponseJSON (``name``
        optional)."""
        auth = self.core.authenticate(caller)
        return self.register_for(str(auth.user["id"]), body, body.get("name"))

    # ------------------------------------------------------------------ credentials
    def credentials_for(self, user_id: str) -> list[dict[str, Any]]:
        """The list items of ``user_id``'s credentials, oldest first."""
        rows = self.db.read(lambda conn: credentials_of(conn, user_id))
        return [credential_view(row) for row in rows]

    def list_page(self, caller: Caller, page: int, limit: int) -> dict[str, Any]:
        """``GET credentials``: ``{totalCount, list}`` of one page."""
        auth = self.core.authenticate(caller)
        items = self.credentials_for(str(auth.user["id"]))
        start = (page - 1) * limit
        return {"totalCount": len(items), "list": items[start:start + limit]}

    def owner_and_list(self, user_id: str) -> tuple[str, list[dict[str, Any]]]:
        """How the hosted page names ``user_id``, and its credentials."""
        user = self.db.read(lambda conn: get_user(conn, user_id))
        shown = user["email"] or user["username"] or user["phone"] or user["id"]
        return str(shown), self.credentials_for(user_id)

    @property
    def relying_party(self) -> RelyingParty:
        """The pool as relying party now."""
        return self.db.read(self.passkeys.relying_party)


class PasskeyGen2Routes:
    """The HTTP side of `PasskeysGen2` (v3 envelope). Login routes take no token; the others
    the user's login token."""

    def __init__(self, gen2: PasskeysGen2) -> None:
        self.gen2 = gen2
        self.db = gen2.db

    def routes(self) -> list[Route]:
        """The Gen-2 routes (``PUT credentials/{id}`` is `passkey_routes`')."""
        def route(path: str, handler: Handler, method: str) -> Route:
            return Route(f"{PREFIX}{path}", v3_guarded(handler), methods=[method])

        return [
            route("/login/initialize", self.login_options, "POST"),
            route("/login/finalize", self.login, "POST"),
            route("/registration/initialize", self.registration_options, "POST"),
            route("/registration/finalize", self.register, "POST"),
            route("/credentials", self.list_credentials, "GET"),
            route("/credentials/{credentialId}", self.remove, "DELETE"),
        ]

    async def login_options(self, request: Request) -> Response:
        """Start a passkey sign-in."""
        await json_body(request)  # ``{}`` or nothing; anything else is a 400
        return v3_ok(await self.db.run(self.gen2.login_options))

    async def login(self, request: Request) -> Response:
        """Finish a passkey sign-in: the token set."""
        body = await json_body(request)
        data, message = await self.db.run(self.gen2.login, caller_of(request), body)
        return v3_ok(data, message)

    async def registration_options(self, request: Request) -> Response:
        """Creation options for the signed-in user."""
        await json_body(request)
        return v3_ok(await self.db.run(self.gen2.registration_options, caller_of(request)))

    async def register(self, request: Request) -> Response:
        """Finish a registration: ``{verified, credentialId}``."""
        body = await json_body(request)
        data, message = await self.db.run(self.gen2.register, caller_of(request), body)
        return v3_ok(data, message)

    async def list_credentials(self, request: Request) -> Response:
        """One page of the caller's passkeys."""
        query = request.query_params
        page = parse_int("page", query.get("page"), 1, low=1, high=MAX_PAGE)
        limit = parse_int("limit", query.get("limit"), 10, low=1, high=MAX_LIMIT)
        return v3_ok(await self.db.run(self.gen2.list_page, caller_of(request), page, limit))

    async def remove(self, request: Request) -> Response:
        """Remove one of the caller's passkeys: ``{success: true}``."""
        key = str(request.path_params["credentialId"])
        if not key or len(key) > 1024:
            raise PoolError(errors.BAD_ARGUMENT, "credentialId is invalid")
        return v3_ok(await self.db.run(self.gen2.passkeys.remove, caller_of(request), key, {}))
