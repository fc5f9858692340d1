"""The HTTP side of `account_linking` (docs/linked-accounts.md): the v3 routes, the simulated
provider's sign-in page, and how the result reaches the app (a redirect to ``target_url``, or
a page that posts it to the window that opened it).

The provider page is a form: the tester types the outside account's name; the same name always
gives the same outside account. Its answer goes straight to the callback (the pool plays both
the provider and Authing's callback).
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.account_linking import LINK_LIFETIME_S, AccountLinking, LinkResult
from authing_desktop.localpool.codes import token_hash
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.hosted_html import SECURITY_HEADERS, message_page, page
from authing_desktop.localpool.link_sources import LinkSource, extidp_view
from authing_desktop.localpool.request_bodies import read_form
from authing_desktop.localpool.rest_api import caller_of
from authing_desktop.localpool.step_up import REAUTH_REQUIRED
from authing_desktop.localpool.v3_envelope import parse_bool, v3_guarded, v3_ok

PROVIDER_PATH = "/connections/simulated/{identifier}/authorize"
OPENER_SCRIPT_PATH = "/api/v3/link-extidp/opener.js"
# Posts the result the page carries as a JSON data block to the window that opened it (the
# pages allow scripts only from the pool). "*": the opener is whoever started the link with
# the user's own token; the result holds nothing that token cannot read anyway.
OPENER_SCRIPT = """(function () {
  var block = document.getElementById("link-result");
  if (!block || !window.opener) { return; }
  try { window.opener.postMessage(JSON.parse(block.textContent), "*"); } catch (e) {}
})();
"""
NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
MAX_QUERY_TEXT = 4096
_PAGE_STATUS = {errors.NOT_FOUND: 404, errors.NO_PERMISSION: 403, errors.NOT_LOGGED_IN: 401,
                errors.LOGIN_EXPIRED: 401, REAUTH_REQUIRED: 403}


def _query_text(request: Request, name: str, *, required: bool) -> str | None:
    value = request.query_params.get(name)
    if value is None or not value.strip():
        if required:
            raise PoolError(errors.PARAMS_INCOMPLETE, f"{name} is required")
        return None
    if len(value) > MAX_QUERY_TEXT:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} is too long")
    return value.strip()


def _flag(request: Request, name: str) -> bool:
    return bool(parse_bool(name, request.query_params.get(name)))


def _cookie_name(state: str) -> str:
    return "link_" + token_hash(state)[:16]


def _error_page(error: PoolError) -> Response:
    text = ("You signed in too long ago to link an account: sign in again, then link it."
            if error.code == REAUTH_REQUIRED else error.message)
    return message_page("Linking not completed", text,
                        _PAGE_STATUS.get(error.code, 400))


def _json_block(value: object) -> str:
    text = json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")
    return text.replace("&", "\\u0026")


class AccountLinkingRoutes:
    """Routes of `AccountLinking`."""

    def __init__(self, linking: AccountLinking) -> None:
        self.linking = linking
        self.db = linking.db
        self.issuer = linking.core.issuer

    def routes(self) -> list[Route]:
        """The linking routes (the opener script before ``link-extidp``'s own path)."""
        return [
            Route("/api/v3/get-application-enabled-extidps", v3_guarded(self.enabled),
                  methods=["GET"]),
            Route("/api/v3/generate-link-extidp-url", v3_guarded(self.generate),
                  methods=["GET"]),
            Route(OPENER_SCRIPT_PATH, self.opener_script, methods=["GET"]),
            Route("/api/v3/link-extidp", self.start, methods=["GET"]),
            Route(PROVIDER_PATH, self.provider_page, methods=["GET"]),
            Route(PROVIDER_PATH, self.provider_answer, methods=["POST"]),
        ]

    # ------------------------------------------------------------------ v3 routes
    async def enabled(self, request: Request) -> Response:
        """The sources users may link (``ExtIdpInfoDto[]``)."""
        app_id = _query_text(request, "app_id", required=False)
        if app_id is not None:
            await self.db.run(self.linking.check_app, app_id)
        app = app_id or self.linking.core.identity.app_id
        return v3_ok([extidp_view(source, self.issuer, app)
                      for source in self.linking.enabled()])

    async def generate(self, request: Request) -> Response:
        """``{url}`` to open in a browser to link a source to the id_token's user."""
        identifier = _query_text(request, "ext_idp_conn_identifier", required=True)
        app_id = _query_text(request, "app_id", required=True)
        id_token = _query_text(request, "id_token", required=True)
        assert identifier is not None and app_id is not None and id_token is not None
        redirect = _flag(request, "need_url_redirect")
        _flag(request, "only_redirect_token")  # the redirect never carries a token anyway
        if _flag(request, "need_form_post"):
            raise PoolError(errors.BAD_ARGUMENT, "need_form_post is not supported by the local"
                            " pool: use need_url_redirect with target_url")
        target_url = _query_text(request, "target_url", required=False)
        if redirect and target_url is None:
            raise PoolError(errors.PARAMS_INCOMPLETE, "target_url is required with"
                            " need_url_redirect")
        source = self.linking.source(identifier)
        self.linking.check_target(target_url)
        await self.db.run(self.linking.check_app, app_id)
        ticket = await self.db.run(self.linking.ticket, id_token, source, app_id,
                                   target_url if redirect else None,
                                   caller_of(request).stepup_token)
        query = urlencode({"ext_idp_conn_identifier": identifier, "app_id": app_id,
                           "link_ticket": ticket})
        return v3_ok({"url": f"{self.issuer}/api/v3/link-extidp?{query}"})

    # ------------------------------------------------------------------ browser pages
    async def opener_script(self, _request: Request) -> Response:
        """The script of the result page."""
        return Response(OPENER_SCRIPT, media_type="text/javascript; charset=utf-8", headers={
            "cache-control": "no-cache", "x-content-type-options": "nosniff"})

    async def start(self, request: Request) -> Response:
        """Check the ticket (or id_token), then go to the provider with a state."""
        try:
            identifier = _query_text(request, "ext_idp_conn_identifier", required=True)
            app_id = _query_text(request, "app_id", required=True)
            ticket = _query_text(request, "link_ticket", required=False)
            id_token = _query_text(request, "id_token", required=False)
            target_url = _query_text(request, "target_url", required=False)
            assert identifier is not None and app_id is not None
            if (ticket is None) == (id_token is None):
                raise PoolError(errors.PARAMS_INCOMPLETE,
                                "give either link_ticket or id_token")
            if ticket is not None and target_url is not None:
                raise PoolError(errors.BAD_ARGUMENT, "target_url goes with id_token only")
            source = self.linking.source(identifier)
            self.linking.check_target(target_url)
            await self.db.run(self.linking.check_app, app_id)
            begun = await self.db.run(lambda: self.linking.start(
                source, app_id, ticket=ticket, id_token=id_token, target_url=target_url))
        except PoolError as exc:
            return _error_page(exc)
        location = PROVIDER_PATH.format(identifier=source.identifier) + "?" + urlencode(
            {"state": begun.state})
        response = RedirectResponse(location, status_code=302, headers=SECURITY_HEADERS)
        response.set_cookie(_cookie_name(begun.state), begun.browser,
                            max_age=int(LINK_LIFETIME_S), path="/connections/simulated",
                            httponly=True, samesite="lax")
        return response

    def _form(self, source: LinkSource, state: str, problem: str = "",
              name: str = "") -> Response:
        error = f"<p class=\"error\" role=\"alert\">{html.escape(problem)}</p>" if problem else ""
        action = PROVIDER_PATH.format(identifier=source.identifier)
        body = (
            f"{error}<p>An application asks to link this {html.escape(source.name_en)} account"
            " to your account in the local user pool. This provider is simulated: any name"
            " gives the same outside account every time.</p>"
            f"<form method=\"post\" action=\"{html.escape(action)}\">"
            f"<input type=\"hidden\" name=\"state\" value=\"{html.escape(state)}\">"
            f"<label for=\"name\">Sign in to {html.escape(source.name_en)} as:</label>"
            f"<input id=\"name\" name=\"name\" value=\"{html.escape(name)}\" autofocus"
            " maxlength=\"64\" autocomplete=\"username\">"
            "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"link\">"
            "Sign in and link</button><button type=\"submit\" name=\"action\""
            " value=\"cancel\">Cancel</button></div></form>"
        )
        return page(f"Sign in to {source.name_en} (simulated)", body, 400 if problem else 200)

    async def provider_page(self, request: Request) -> Response:
        """The simulated provider's sign-in form."""
        try:
            source = self.linking.source(request.path_params["identifier"])
            state = _query_text(request, "state", required=True)
            assert state is not None
            await self.db.run(self.linking.check_state, source, state,
                              request.cookies.get(_cookie_name(state)))
        except PoolError as exc:
            return _error_page(exc)
        return self._form(source, state)

    async def provider_answer(self, request: Request) -> Response:
        """The form's answer: link the named account (or cancel) and deliver the result."""
        try:
            origin = request.headers.get("origin")
            own = f"{request.url.scheme}://{request.url.netloc}"
            if origin is not None and origin != own:
                raise PoolError(errors.NO_PERMISSION, "this form was sent from another site")
            source = self.linking.source(request.path_params["identifier"])
            form = await read_form(request)
            state = form.get("state", "")
            if not state or len(state) > MAX_QUERY_TEXT:
                raise PoolError(errors.PARAMS_INCOMPLETE, "state is required")
            browser = request.cookies.get(_cookie_name(state))
            name = form.get("name", "").strip()
            cancel = form.get("action") == "cancel"
            if not cancel and not NAME_RE.match(name):
                await self.db.run(self.linking.check_state, source, state, browser)
                return self._form(source, state, "Type a name of 1 to 64 letters, digits,"
                                  " '.', '_' or '-'.", name[:64])
            result = await self.db.run(self.linking.finish, source, state, browser,
                                       None if cancel else name)
        except PoolError as exc:
            return _error_page(exc)
        response = self._deliver(result)
        response.delete_cookie(_cookie_name(state), path="/connections/simulated")
        return response

    @staticmethod
    def _deliver(result: LinkResult) -> Response:
        if result.target_url is not None:
            values = {"success": "true" if result.success else "false",
                      "errMsg": result.message}
            if result.code is not None:
                values["errCode"] = str(result.code)
            separator = "&" if urlsplit(result.target_url).query else "?"
            return RedirectResponse(result.target_url + separator + urlencode(values),
                                    status_code=302, headers=SECURITY_HEADERS)
        data = {"success": result.success, "errMsg": result.message,
                "errCode": result.code, "identities": result.identities}
        text = "The account is linked. You can close this window." if result.success else (
            f"The account was not linked: {result.message}.")
        body = (f"<p role=\"status\">{html.escape(text)}</p>"
                f"<script type=\"application/json\" id=\"link-result\">{_json_block(data)}"
                f"</script><script src=\"{OPENER_SCRIPT_PATH}\" defer></script>")
        return page("Account linked" if result.success else "Linking not completed", body)
