"""Sign in with the system browser: OIDC authorization code + PKCE (RFC 7636) over a loopback
redirect (RFC 8252), the real `BrowserSignIn`.

1. a PKCE verifier / S256 challenge, a ``state`` and a ``nonce`` (all from `secrets`);
2. a `LoopbackRedirectListener` on ``127.0.0.1:<random port>/callback``;
3. the browser opens ``build_authorize_url(...)`` through the injected opener (the composition
   root passes one built on ``QDesktopServices.openUrl``: services do not import QtGui);
4. the code from the redirect is exchanged (``get_access_token_by_code`` with the verifier;
   ``none`` client authentication unless the profile has a secret), the id_token's nonce is
   checked, and the user is fetched with the id_token, which becomes the session token; the
   refresh token (the scope asks for ``offline_access``) goes with it to the session, which
   renews the sign-in with it.

State mismatch, cancel in the browser, timeout and a browser that cannot be opened become a
`UserFacingError` with a translated text; errors of the server calls stay api errors.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from authing_desktop.services.browser_sign_in import BrowserSignedIn
from authing_desktop.services.errors import UserFacingError

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient

log = logging.getLogger("authing_desktop.browser_sign_in")

DEFAULT_TIMEOUT_S = 300.0
VERIFIER_LENGTH = 64
SCOPE = "openid profile email phone address offline_access"

UrlOpener = Callable[[str], bool]


def _jwt_claims(token: str) -> dict[str, Any]:
    """The payload of a JWT, unverified: only read to compare the nonce with ours (the token
    came straight from the token endpoint; the server verifies it on every use)."""
    try:
        payload = token.split(".")[1]
        decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        return {}
    return decoded if isinstance(decoded, dict) else {}


def supports_browser_sign_in(client: AuthenticationClient) -> bool:
    """Whether ``client``'s connection can run the flow: an OIDC app is needed."""
    return bool(client.profile.app_id) and client.profile.protocol == "oidc"


class SystemBrowserSignIn:
    """`BrowserSignIn` through the system browser; ``open_url`` shows a URL in it and says
    whether that worked, ``timeout`` bounds the wait for the browser's answer."""

    def __init__(self, open_url: UrlOpener, *, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        self._open_url = open_url
        self._timeout = timeout

    async def sign_in(self, client: AuthenticationClient) -> BrowserSignedIn:
        """Run the flow; the signed-in user carrying its token (the client adopts it) and the
        refresh token, if the server granted one."""
        from authing_desktop.api.loopback_redirect import (
            LoopbackRedirectListener,
            RedirectCancelled,
            RedirectError,
            RedirectStateMismatch,
            RedirectTimeout,
        )
        from authing_desktop.api.oidc import (
            generate_code_challenge_digest,
            generate_code_verifier,
        )

        if not supports_browser_sign_in(client):
            raise UserFacingError(QCoreApplication.translate(
                "BrowserSignIn",
                "Sign-in with the browser needs an OIDC application in this connection."))
        verifier = generate_code_verifier(VERIFIER_LENGTH)
        import secrets  # here: it loads OpenSSL (hashlib), which start-up does not need

        state = secrets.token_urlsafe(24)
        nonce = secrets.token_urlsafe(24)
        listener = LoopbackRedirectListener(state)
        try:
            await listener.start()
        except OSError as error:
            log.warning("no loopback port for the browser sign-in: %s", type(error).__name__)
            raise UserFacingError(QCoreApplication.translate(
                "BrowserSignIn",
                "Could not prepare the browser sign-in on this computer "
                "(no local port available).")) from error
        try:
            url = client.build_authorize_url(
                redirect_uri=listener.redirect_uri, state=state, nonce=nonce, scope=SCOPE,
                code_challenge=generate_code_challenge_digest(verifier, "S256"),
                code_challenge_method="S256")
            if not self._open_url(url):
                raise UserFacingError(QCoreApplication.translate(
                    "BrowserSignIn", "Could not open the system browser."))
            try:
                code = await listener.wait(self._timeout)
            except RedirectStateMismatch as error:
                raise UserFacingError(QCoreApplication.translate(
                    "BrowserSignIn",
                    "The browser answered for a different sign-in attempt. "
                    "Start the sign-in again.")) from error
            except RedirectCancelled as error:
                raise UserFacingError(QCoreApplication.translate(
                    "BrowserSignIn", "The sign-in was cancelled in the browser.")) from error
            except RedirectTimeout as error:
                raise UserFacingError(QCoreApplication.translate(
                    "BrowserSignIn",
                    "The sign-in in the browser took too long. Start it again.")) from error
            except RedirectError as error:
                log.info("browser sign-in failed: %s", error.error)
                raise UserFacingError(QCoreApplication.translate(
                    "BrowserSignIn",
                    "The sign-in in the browser failed. Start it again.")) from error
            redirect_uri = listener.redirect_uri
        finally:
            await listener.aclose()
        tokens = await client.get_access_token_by_code(code, verifier, redirect_uri=redirect_uri)
        if not tokens.id_token:
            raise UserFacingError(QCoreApplication.translate(
                "BrowserSignIn", "The server did not complete the browser sign-in."))
        if _jwt_claims(tokens.id_token).get("nonce") != nonce:
            raise UserFacingError(QCoreApplication.translate(
                "BrowserSignIn",
                "The browser sign-in answer does not belong to this attempt. Start again."))
        user = await client.get_current_user(token=tokens.id_token)
        return BrowserSignedIn(user, tokens.refresh_token)
