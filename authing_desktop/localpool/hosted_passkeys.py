"""Passkeys on the pool's hosted pages (docs/passkeys.md, "Hosted page and Gen-2 routes").

- The sign-in page's **Sign in with a passkey**: the script (`hosted_passkey_script`) gets
  request options from the Gen-2 ``login/initialize`` route and posts the assertion and its
  ticket back to the page, CSRF token included; `PasskeyPages.signed_in_user` checks it with
  the pool's verifier and the page then ends like a password sign-in.
- ``/passkeys``: a browser signed in on the hosted page (its session cookie) lists the
  account's passkeys and adds one. Its creation options come from ``/passkeys/options``, a
  POST that needs the session cookie and the page's CSRF token in ``x-csrf-token``: a header
  no other site can set without a CORS preflight, which the pool never answers. Adding one is
  a sensitive change (docs/step-up.md): a browser cannot send the step-up header, so only a
  sign-in on this page within the pool's ``stepUpMaxAge`` lets it add one; an older session
  is told in words to sign in again.

WebAuthn needs the page at an origin the relying party accepts: a pool on an IP literal is
the RP ``localhost``, so a page opened at ``http://127.0.0.1:<port>`` links to its
``localhost`` twin instead of showing a button that could only fail.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from authing_desktop.localpool import errors
from authing_desktop.localpool.browser_state import BrowserSession
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.hosted_passkey_script import SCRIPT, SCRIPT_PATH
from authing_desktop.localpool.passkey_gen2 import PasskeysGen2
from authing_desktop.localpool.step_up import REAUTH_REQUIRED, signed_in_recently
from authing_desktop.localpool.users import Caller
from authing_desktop.localpool.v3_envelope import v3_error, v3_ok

PAGE_PATH = "/passkeys"
OPTIONS_PATH = "/passkeys/options"
CSRF_HEADER = "x-csrf-token"
MAX_CREDENTIAL_CHARS = 12_000  # a form field: the whole form is capped by MAX_FORM_BYTES
MAX_TICKET_CHARS = 256
SIGN_IN_AGAIN = ("To add a passkey, confirm it's you: you signed in on this page a while ago."
                 " Sign out, then sign in again here.")


def script(_request: Request) -> Response:
    """The WebAuthn script of the hosted pages."""
    return Response(SCRIPT, media_type="text/javascript; charset=utf-8", headers={
        "cache-control": "no-cache", "x-content-type-options": "nosniff"})


def _hidden(name: str, value: str = "") -> str:
    return f"<input type=\"hidden\" name=\"{name}\" value=\"{html.escape(value)}\">"


def _script_tag() -> str:
    return f"<script src=\"{SCRIPT_PATH}\" defer></script>"


def _shown_time(value: str | None) -> str | None:
    """A list item's ISO time as the page shows it (minutes, UTC)."""
    if not value:
        return None
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def parse_credential(text: str | None) -> dict[str, Any]:
    """A credential posted by the script as a JSON form field (400 when it is not an object
    of a sane size)."""
    if not text or len(text) > MAX_CREDENTIAL_CHARS:
        raise PoolError(errors.BAD_ARGUMENT, "the passkey's answer is missing or too large")
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        raise PoolError(errors.BAD_ARGUMENT, "the passkey's answer is not JSON") from None
    if not isinstance(value, dict):
        raise PoolError(errors.BAD_ARGUMENT, "the passkey's answer must be an object")
    return value


class PasskeyPages:
    """The passkey parts of the hosted pages, over the pool's `PasskeysGen2`. The methods
    that read or write the database are blocking (run them on a database thread)."""

    def __init__(self, passkeys: PasskeysGen2) -> None:
        self.passkeys = passkeys

    def twin_url(self, request: Request) -> str | None:
        """The same page at the relying party's origin when ``request`` came to an origin
        WebAuthn cannot use (None when it can)."""
        rp = self.passkeys.relying_party
        origin = f"{request.url.scheme}://{request.url.netloc}"
        if rp.accepts_origin(origin):
            return None
        if rp.id != "localhost" or request.url.port is None:
            return ""  # no twin: a pool on a real name is reached by that name
        query = f"?{request.url.query}" if request.url.query else ""
        return f"http://localhost:{request.url.port}{request.url.path}{query}"

    # ------------------------------------------------------------------ sign-in page
    def sign_in_fragment(self, request: Request, action: str, csrf_token: str) -> str:
        """The "Sign in with a passkey" part of a sign-in form posting to ``action``."""
        twin = self.twin_url(request)
        if twin is not None:
            if not twin:
                return ""
            return ("<p class=\"passkey\">To sign in with a passkey, <a href=\""
                    f"{html.escape(twin)}\">open this page at localhost</a>.</p>")
        return "".join([
            f"<form id=\"passkey-form\" class=\"passkey\" method=\"post\""
            f" action=\"{html.escape(action)}\">",
            _hidden("csrf_token", csrf_token), _hidden("action", "passkey"),
            _hidden("credential"), _hidden("ticket"),
            "<p id=\"passkey-status\" class=\"error\" role=\"alert\" hidden></p>",
            "<div class=\"actions\"><button type=\"button\" id=\"passkey-sign-in\" hidden>"
            "Sign in with a passkey</button></div></form>", _script_tag()])

    def signed_in_user(self, caller: Caller, form: dict[str, str]) -> str:
        """The user a posted passkey assertion signs in (`PoolError` when it does not)."""
        ticket = form.get("ticket") or ""
        if not ticket or len(ticket) > MAX_TICKET_CHARS:
            raise PoolError(errors.BAD_ARGUMENT, "ticket invalid or expired")
        credential = parse_credential(form.get("credential"))
        return self.passkeys.sign_in_user(caller, credential, ticket)

    # ------------------------------------------------------------------ /passkeys
    def may_add(self, session: BrowserSession) -> bool:
        """Whether ``session`` signed in recently enough to add a passkey (the step-up rule
        for a browser, which cannot send the header: docs/step-up.md). Blocking."""
        core = self.passkeys.core
        return signed_in_recently(session.created_at, now=core.clock.now(),
                                  max_age=core.policy().step_up_max_age)

    def manage_body(self, request: Request, user_id: str, csrf_token: str, *,
                    notice: str | None = None, error: str | None = None,
                    may_add: bool = True) -> str:
        """The body of ``/passkeys`` for a signed-in browser: the list and the add form (or,
        when the sign-in is too old to add one, why not)."""
        who, items = self.passkeys.owner_and_list(user_id)
        parts = [f"<p>Signed in as <strong>{html.escape(who)}</strong>.</p>"]
        if notice:
            parts.append(f"<p class=\"notice\" role=\"status\">{html.escape(notice)}</p>")
        if error:
            parts.append(f"<p class=\"error\" role=\"alert\">{html.escape(error)}</p>")
        if items:
            parts.append("<ul id=\"passkey-list\" class=\"passkeys\">")
            for item in items:
                used = _shown_time(item.get("lastUsedAt")) or "never"
                parts.append(
                    f"<li><strong>{html.escape(str(item['name']))}</strong>, added "
                    f"{_shown_time(item['createdAt'])}, last used {used}</li>")
            parts.append("</ul>")
        else:
            parts.append("<p id=\"passkey-list\">No passkey on this account yet.</p>")
        twin = self.twin_url(request)
        if twin:
            parts.append(f"<p>To add a passkey, <a href=\"{html.escape(twin)}\">open this page"
                         " at localhost</a>.</p>")
        elif twin is None and not may_add:
            parts.append(f"<p id=\"passkey-sign-in-again\">{html.escape(SIGN_IN_AGAIN)}</p>")
        elif twin is None:
            parts += [
                f"<form id=\"passkey-add-form\" method=\"post\" action=\"{PAGE_PATH}\">",
                _hidden("csrf_token", csrf_token), _hidden("action", "add"),
                _hidden("credential"),
                "<label for=\"passkey-name\">Name of the new passkey (optional)</label>",
                "<input id=\"passkey-name\" name=\"name\" maxlength=\"64\" autocomplete=\"off\">",
                "<p id=\"passkey-status\" class=\"error\" role=\"alert\" hidden></p>",
                "<p id=\"passkey-unsupported\" hidden>This browser cannot create passkeys.</p>",
                "<div class=\"actions\"><button type=\"button\" id=\"passkey-add\" hidden"
                f" data-options-url=\"{OPTIONS_PATH}\">Add a passkey</button></div></form>",
                _script_tag()]
        parts.append("<p><a href=\"/oidc/session/end\">Sign out</a></p>")
        return "".join(parts)

    def creation_options(self, session: BrowserSession | None, csrf_ok: bool) -> Response:
        """The answer of ``/passkeys/options``: ``{publicKey}`` in a v3 envelope (1650 with
        `SIGN_IN_AGAIN` when the session's sign-in is too old)."""
        if session is None:
            return v3_error(PoolError(errors.NOT_LOGGED_IN,
                                      "Your session on this page ended: reload and sign in."))
        if not csrf_ok:
            return v3_error(PoolError(errors.NO_PERMISSION,
                                      "This page has expired: reload it and try again."))
        if not self.may_add(session):
            return v3_error(PoolError(REAUTH_REQUIRED, SIGN_IN_AGAIN))
        return v3_ok({"publicKey": self.passkeys.creation_options_for(session.user_id)})

    def add(self, user_id: str, form: dict[str, str]) -> str:
        """Register the posted attestation on ``user_id``; the notice to show."""
        name = (form.get("name") or "").strip()
        data, message = self.passkeys.register_for(
            user_id, parse_credential(form.get("credential")), name or None)
        if data.get("verified") is not True:
            raise PoolError(errors.WRONG_CREDENTIALS, f"The passkey was not added: {message}")
        added = next((item for item in self.passkeys.credentials_for(user_id)
                      if item["credentialId"] == data["credentialId"]), None)
        return f"Passkey added: {added['name'] if added else name}."

