"""Sign in with the system browser (OIDC + PKCE over a loopback redirect): the interface.

The sign-in page calls `BrowserSignIn.sign_in`. The real flow is `SystemBrowserSignIn`
(`services/browser_flow.py`, docs/protocol.md#browser-sign-in); `UnavailableBrowserSignIn`
stands in where the app has no way to open a browser, and says so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from authing_desktop.services.errors import UserFacingError

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import User


@dataclass(frozen=True)
class BrowserSignedIn:
    """A finished browser sign-in: the user, carrying its login token, and the refresh token
    that renews it when the server granted offline access (for `Session.adopt`)."""

    user: User
    refresh_token: str | None = field(default=None, repr=False)


class BrowserSignIn(Protocol):
    """Runs a browser sign-in for ``client``'s connection and returns the signed-in user
    (carrying its token), or raises a `UserFacingError` / an api error."""

    async def sign_in(self, client: AuthenticationClient) -> BrowserSignedIn: ...


class UnavailableBrowserSignIn:
    """For services built without a URL opener: always a clear "not available" error."""

    async def sign_in(self, client: AuthenticationClient) -> BrowserSignedIn:
        raise UserFacingError(QCoreApplication.translate(
            "BrowserSignIn", "Sign-in with the browser is not available for this connection."))
