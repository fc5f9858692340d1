"""The pool's hosted sign-in page, for the browser protocols: ``/oidc/auth`` (and
``/oauth/auth``) issue an authorization code, ``/cas-idp/{app_id}`` a CAS service ticket;
``/oidc/session/end`` and ``/cas-idp/logout`` end the browser session. ``/passkeys`` lets a
browser signed in here add passkeys to the account (`hosted_passkeys`).

The page is a plain HTML form (account + password, a captcha when the account needs one) that
posts back to its own URL; "Sign in with a passkey" posts a WebAuthn assertion the same way
(docs/passkeys.md). Every form carries a CSRF token bound to a cookie; a post without a valid
one is refused. Everything echoed into the page is HTML-escaped. A successful sign-in starts a
browser session (cookie) so that the next authorization request of the same browser signs in
at once (single sign-on), unless it asks ``prompt=login``.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import html
import logging
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qs, urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.browser_state import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    BrowserSession,
    BrowserSessions,
    CasTicket,
    CsrfGuard,
    ExpiringStore,
    redirect_allowed,
)
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.hosted_html import message_page, page
from authing_desktop.localpool.hosted_passkey_script import SCRIPT_PATH
from authing_desktop.localpool.hosted_passkeys import (
    CSRF_HEADER,
    OPTIONS_PATH,
    PAGE_PATH,
    SIGN_IN_AGAIN,
    PasskeyPages,
    script,
)
from authing_desktop.localpool.oidc_provider import AuthorizationServer, OAuthError
from authing_desktop.localpool.request_bodies import read_form
from authing_desktop.localpool.rest_api import caller_of
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.users import Caller
from authing_desktop.localpool.v3_envelope import v3_guarded

log = logging.getLogger(__name__)

_CREDENTIAL_ERRORS = {errors.WRONG_CREDENTIALS, errors.USER_NOT_FOUND, errors.NO_PASSWORD}
_RESET_ERRORS = {errors.FIRST_LOGIN_RESET, errors.FORCED_RESET}
_CAPTCHA_ERRORS = {errors.CAPTCHA_REQUIRED, errors.WRONG_CODE}

SignedIn = Callable[[str], Awaitable[Response]]


def _with_query(uri: str, params: dict[str, str | None]) -> str:
    query = urlencode({key: value for key, value in params.items() if value is not None})
    if not query:
        return uri
    return f"{uri}{'&' if '?' in uri else '?'}{query}"


def _redirect(request: Request, uri: str, params: dict[str, str | None]) -> Response:
    # 303 after the form post so that the browser GETs the client's redirect URI.
    status = 303 if request.method == "POST" else 302
    return RedirectResponse(_with_query(uri, params), status_code=status,
                            headers={"cache-control": "no-store", "referrer-policy": "no-referrer"})


def _passkey_error_text(error: PoolError) -> str:
    if error.code in (1635, 1636):
        return _error_text(error)
    if error.code == errors.USER_LOCKED:
        return error.message
    return ("This passkey could not sign you in. Try again, or sign in with your account and "
            "password.")


def _error_text(error: PoolError) -> str:
    if error.code in _CREDENTIAL_ERRORS:
        return "Wrong account or password."
    if error.code in _RESET_ERRORS:
        return ("This account must set a new password first. Sign in in the app once to set "
                "it, then try again.")
    if error.code == errors.CAPTCHA_REQUIRED:
        return "Too many failed attempts: enter the characters shown in the picture."
    if error.code == errors.WRONG_CODE:
        return "The characters from the picture are wrong. Look at the new picture and retry."
    if error.code == errors.PARAMS_INCOMPLETE:
        return "Enter your account and password."
    if error.code in (1635, 1636):  # mfa_factors.PERSONAL_/APPLICATION_MFA_REQUIRED
        return ("Two-step verification is on for this account and this page cannot ask for "
                "the second factor. Sign in in the app instead.")
    return error.message


class HostedSignIn:
    """The sign-in page and the browser-session endpoints of one pool."""

    def __init__(self, features: PoolFeatures, db: Database, server: AuthorizationServer,
                 sessions: BrowserSessions, tickets: ExpiringStore[CasTicket],
                 passkeys: PasskeyPages) -> None:
        self.features = features
        self.passkeys = passkeys
        self.db = db
        self.server = server
        self.sessions = sessions
        self.tickets = tickets
        key = hmac.new(features.core.identity.app_secret.encode(), b"localpool-csrf",
                       hashlib.sha256).digest()
        self.csrf = CsrfGuard(key, features.core.clock)

    def routes(self) -> list[Route]:
        """The page routes (CAS logout before the ``{app_id}`` pattern that would match it)."""
        return [
            Route("/oidc/auth", self.authorize, methods=["GET", "POST"]),
            Route("/oauth/auth", self.authorize, methods=["GET", "POST"]),
            Route("/oidc/session/end", self.end_session, methods=["GET"]),
            Route("/cas-idp/logout", self.cas_logout, methods=["GET"]),
            Route("/cas-idp/{app_id}", self.cas_login, methods=["GET", "POST"]),
            Route(SCRIPT_PATH, script, methods=["GET"]),
            Route(PAGE_PATH, self.passkeys_page, methods=["GET", "POST"]),
            Route(OPTIONS_PATH, v3_guarded(self.passkey_options), methods=["POST"]),
        ]

    # ------------------------------------------------------------------ the form
    def _csrf_cookie(self, request: Request) -> tuple[str, bool]:
        """The browser's CSRF cookie, or a new one (True: the response must set it)."""
        cookie = request.cookies.get(CSRF_COOKIE)
        return (cookie, False) if cookie else (self.csrf.new_cookie(), True)

    @staticmethod
    def _page_with_cookie(title: str, body: str, cookie: str, fresh: bool,
                          status: int = 200) -> Response:
        response = page(title, body, status)
        if fresh:
            response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="lax", path="/")
        return response

    def _form(self, request: Request, *, error: str | None = None, account: str = "",
              captcha: bool = False, status: int = 200) -> Response:
        cookie, fresh = self._csrf_cookie(request)
        token = self.csrf.token(cookie)
        action = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        parts = [
            f"<p>Sign in to <strong>{html.escape(self._app_name())}</strong>.</p>",
            f"<p class=\"error\" role=\"alert\">{html.escape(error)}</p>" if error else "",
            f"<form method=\"post\" action=\"{html.escape(action)}\">",
            f"<input type=\"hidden\" name=\"csrf_token\" value=\"{html.escape(token)}\">",
            "<label for=\"account\">Email, username or phone</label>",
            "<input id=\"account\" name=\"account\" autocomplete=\"username\" required"
            f" autofocus value=\"{html.escape(account)}\">",
            "<label for=\"password\">Password</label>",
            "<input id=\"password\" name=\"password\" type=\"password\""
            " autocomplete=\"current-password\" required>",
        ]
        if captcha:
            parts += [
                "<label for=\"captcha_code\">Characters in the picture</label>",
                f"<img class=\"captcha\" alt=\"captcha\" src=\"/api/v2/security/captcha?"
                f"r={secrets.token_hex(4)}\">",
                "<input id=\"captcha_code\" name=\"captcha_code\" autocomplete=\"off\" required>",
            ]
        parts += [
            "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"sign_in\">"
            "Sign in</button><button type=\"submit\" name=\"action\" value=\"cancel\""
            " formnovalidate>Cancel</button></div></form>",
            self.passkeys.sign_in_fragment(request, action, token),
        ]
        return self._page_with_cookie("Sign in", "".join(parts), cookie, fresh, status)

    def _app_name(self) -> str:
        row = self.db.read(lambda conn: conn.execute(
            "SELECT name FROM applications WHERE id = ?",
            (self.features.core.identity.app_id,)).fetchone())
        return str(row["name"]) if row else "this application"

    async def _read_form(self, request: Request) -> dict[str, str] | None:
        try:
            return await read_form(request)
        except PoolError:  # too large or cut short: refused like a form without its token
            return None

    def _csrf_ok(self, request: Request, form: dict[str, str] | None) -> bool:
        return form is not None and self.csrf.check(request.cookies.get(CSRF_COOKIE),
                                                    form.get("csrf_token"))

    @staticmethod
    def _form_refused() -> Response:
        return message_page(
            "Sign-in refused",
            "This sign-in form was not sent by this page or has expired. Go back, reload "
            "the page and try again.", 403)

    def _verify(self, caller: Caller, form: dict[str, str]) -> str:
        """The user the posted form signs in: a passkey assertion or account + password."""
        if form.get("action") == "passkey":
            return self.passkeys.signed_in_user(caller, form)
        return self.features.sign_in.verify_account_password(
            caller, form.get("account", ""), form.get("password", ""),
            form.get("captcha_code") or None)

    async def _sign_in(self, request: Request, *, single_sign_on: bool, signed_in: SignedIn,
                       cancelled: Callable[[], Response],
                       form: dict[str, str] | None = None) -> Response:
        """GET: the form (or at once ``signed_in`` for a browser with a session). POST (its
        ``form`` when already read): check CSRF, then cancel or verify the credentials or the
        passkey and start a browser session."""
        if request.method == "GET":
            session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
            if single_sign_on and session is not None:
                return await signed_in(session.user_id)
            return await self.db.run(lambda: self._form(request))
        if form is None:
            form = await self._read_form(request)
        if form is None or not self._csrf_ok(request, form):
            return self._form_refused()
        if form.get("action") == "cancel":
            return cancelled()
        account = form.get("account", "")
        caller = caller_of(request)
        try:
            user_id = await self.db.run(self._verify, Caller(
                peer_ip=caller.peer_ip, user_agent=caller.user_agent), form)
        except PoolError as exc:
            captcha = exc.code in _CAPTCHA_ERRORS or "captcha_code" in form
            status = 401 if exc.code in _CREDENTIAL_ERRORS else 200
            text = (_passkey_error_text(exc) if form.get("action") == "passkey"
                    else _error_text(exc))
            return await self.db.run(lambda: self._form(
                request, error=text, account=account, captcha=captcha, status=status))
        response = await signed_in(user_id)
        response.set_cookie(SESSION_COOKIE, self.sessions.start(user_id), httponly=True,
                            samesite="lax", path="/")
        return response

    # ------------------------------------------------------------------ OIDC / OAuth
    async def authorize(self, request: Request) -> Response:
        """The authorization endpoint: the sign-in page, then a redirect carrying the code."""
        flavour = "oidc" if request.url.path.startswith("/oidc/") else "oauth"
        params = parse_qs(request.url.query, keep_blank_values=True)
        try:
            auth = self.server.parse_request(flavour, params)
        except OAuthError as exc:
            if not exc.redirect:
                return message_page("Sign-in request refused", exc.description, 400)
            states = params.get("state") or []
            state = states[0] if states else None
            uri = params["redirect_uri"][0]
            return _redirect(request, uri, {"error": exc.error,
                                            "error_description": exc.description,
                                            "state": state})
        prompts = set(auth.prompt.split())
        if "none" in prompts and self.sessions.get(request.cookies.get(SESSION_COOKIE)) is None:
            return _redirect(request, auth.redirect_uri, {
                "error": "login_required", "error_description": "no browser session",
                "state": auth.state})

        async def signed_in(user_id: str) -> Response:
            code = self.server.issue_code(auth, user_id)
            return _redirect(request, auth.redirect_uri, {"code": code, "state": auth.state})

        def cancelled() -> Response:
            return _redirect(request, auth.redirect_uri, {
                "error": "access_denied", "error_description": "the user cancelled the sign-in",
                "state": auth.state})

        return await self._sign_in(request, single_sign_on="login" not in prompts,
                                   signed_in=signed_in, cancelled=cancelled)

    async def end_session(self, request: Request) -> Response:
        """RP-initiated logout: end the browser session, revoke the hinted id_token, then go
        to ``post_logout_redirect_uri`` when it is allowed."""
        self.sessions.end(request.cookies.get(SESSION_COOKIE))
        hint = request.query_params.get("id_token_hint")
        if hint:
            # Not a live token of this pool: nothing to revoke.
            with contextlib.suppress(PoolError):
                await self.db.run(self.features.sessions.logout, Caller(token=hint))
        target = request.query_params.get("post_logout_redirect_uri")
        response: Response
        if target and redirect_allowed(target, self.features.core.settings.redirect_uris):
            response = _redirect(request, target, {"state": request.query_params.get("state")})
        else:
            response = message_page("Signed out", "You are signed out. You can close this tab.")
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # ------------------------------------------------------------------ CAS
    async def cas_login(self, request: Request) -> Response:
        """CAS login: the sign-in page, then a redirect to the service with a ticket."""
        if request.path_params["app_id"] != self.features.core.identity.app_id:
            return message_page("Unknown application", "This application does not exist.", 404)
        service = request.query_params.get("service")
        if not service or not redirect_allowed(service, self.features.core.settings.redirect_uris):
            return message_page("Sign-in request refused",
                                "The service URL is missing or not allowed for this application.",
                                400)

        async def signed_in(user_id: str) -> Response:
            ticket = f"ST-{secrets.token_urlsafe(24)}"
            self.tickets.put(ticket, CasTicket(service, user_id),
                             self.features.core.settings.authorization_code_lifetime)
            return _redirect(request, service, {"ticket": ticket})

        def cancelled() -> Response:
            return _redirect(request, service, {})

        return await self._sign_in(request, single_sign_on=True, signed_in=signed_in,
                                   cancelled=cancelled)

    async def cas_logout(self, request: Request) -> Response:
        """CAS logout: end the browser session, then go to ``url`` when it is allowed."""
        self.sessions.end(request.cookies.get(SESSION_COOKIE))
        target = request.query_params.get("url")
        response: Response
        if target and redirect_allowed(target, self.features.core.settings.redirect_uris):
            response = _redirect(request, target, {})
        else:
            response = message_page("Signed out", "You are signed out. You can close this tab.")
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # ------------------------------------------------------------------ passkeys
    async def passkeys_page(self, request: Request) -> Response:
        """``/passkeys``: the sign-in form, then the account's passkeys and "Add a passkey"."""
        session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
        form = None
        if request.method == "POST":
            form = await self._read_form(request)
            if form is None or not self._csrf_ok(request, form):
                return self._form_refused()
            if form.get("action") == "add":
                if session is None:
                    return await self.db.run(lambda: self._form(
                        request, error="Your session on this page ended: sign in again."))
                return await self._add_passkey(request, session, form)
        if session is None or form is not None:
            async def signed_in(_user_id: str) -> Response:
                return RedirectResponse(PAGE_PATH, status_code=303,
                                        headers={"cache-control": "no-store"})

            def cancelled() -> Response:
                return message_page("Not signed in", "You did not sign in. You can close this "
                                    "tab.")

            return await self._sign_in(request, single_sign_on=False, signed_in=signed_in,
                                       cancelled=cancelled, form=form)
        return await self._manage(request, session)

    async def _manage(self, request: Request, session: BrowserSession, *,
                      notice: str | None = None, error: str | None = None) -> Response:
        cookie, fresh = self._csrf_cookie(request)
        token = self.csrf.token(cookie)
        try:
            body = await self.db.run(lambda: self.passkeys.manage_body(
                request, session.user_id, token, notice=notice, error=error,
                may_add=self.passkeys.may_add(session)))
        except PoolError:  # the account is gone: so is this browser's session
            self.sessions.end(request.cookies.get(SESSION_COOKIE))
            return await self.db.run(lambda: self._form(
                request, error="Your session on this page ended: sign in again."))
        return self._page_with_cookie("Your passkeys", body, cookie, fresh)

    async def _add_passkey(self, request: Request, session: BrowserSession,
                           form: dict[str, str]) -> Response:
        if not await self.db.run(self.passkeys.may_add, session):
            return await self._manage(request, session, error=SIGN_IN_AGAIN)
        try:
            notice = await self.db.run(self.passkeys.add, session.user_id, form)
        except PoolError as exc:
            return await self._manage(request, session, error=exc.message)
        return await self._manage(request, session, notice=notice)

    async def passkey_options(self, request: Request) -> Response:
        """Creation options for ``/passkeys`` (session cookie + the page's CSRF token)."""
        session = self.sessions.get(request.cookies.get(SESSION_COOKIE))
        csrf_ok = self.csrf.check(request.cookies.get(CSRF_COOKIE),
                                  request.headers.get(CSRF_HEADER))
        return await self.db.run(self.passkeys.creation_options, session, csrf_ok)
