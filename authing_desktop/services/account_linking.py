"""Linking an outside account in the system browser (docs/linked-accounts.md).

`AccountLinking.link` asks the pool for the link URL (``need_url_redirect`` with a loopback
``target_url``, RFC 8252), opens it with the injected opener (the browser sign-in's), waits
for the browser to come back, then re-reads the linked identities and compares: what is new
was linked. The redirect's own claims are not trusted. Cancelling the task stops the wait.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from authing_desktop.services.browser_flow import DEFAULT_TIMEOUT_S, UrlOpener
from authing_desktop.services.errors import UserFacingError

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.self_service_models import LinkedIdentity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkOutcome:
    """What a linking did: the identities it added (none: nothing was linked) and, then, the
    reason code the browser's answer gave (0 when none)."""

    linked: list[LinkedIdentity]
    refusal: int = 0


class AccountLinking:
    """Runs one browser linking at a time; ``open_url`` (settable for tests) shows a URL in
    the system browser, None where the app has no way to."""

    def __init__(self, open_url: UrlOpener | None, *,
                 timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.open_url = open_url
        self.timeout = timeout

    async def link(self, client: AuthenticationClient, identifier: str) -> LinkOutcome:
        """Link the source ``identifier`` to the signed-in account."""
        from authing_desktop.api.link_redirect import LinkResultListener
        from authing_desktop.api.loopback_redirect import RedirectStateMismatch, RedirectTimeout

        if self.open_url is None:
            raise UserFacingError(QCoreApplication.translate(
                "AccountLinking",
                "This app cannot open a browser here, so accounts cannot be linked."))
        before = {identity.identity_id for identity in await client.get_identities()}
        listener = LinkResultListener(secrets.token_urlsafe(24))
        try:
            await listener.start()
        except OSError as error:
            log.warning("no loopback port for linking: %s", type(error).__name__)
            raise UserFacingError(QCoreApplication.translate(
                "AccountLinking",
                "Could not prepare the browser on this computer (no local port "
                "available).")) from error
        try:
            url = await client.generate_link_ext_idp_url(identifier,
                                                         target_url=listener.target_url)
            if not self.open_url(url):
                raise UserFacingError(QCoreApplication.translate(
                    "AccountLinking", "Could not open the system browser."))
            try:
                code = await listener.wait(self.timeout)
            except RedirectStateMismatch as error:
                raise UserFacingError(QCoreApplication.translate(
                    "AccountLinking",
                    "The browser answered for a different attempt. Start again.")) from error
            except RedirectTimeout as error:
                raise UserFacingError(QCoreApplication.translate(
                    "AccountLinking",
                    "Linking in the browser took too long. Start again.")) from error
        finally:
            await listener.aclose()
        after = await client.get_identities()
        linked = [identity for identity in after if identity.identity_id not in before]
        return LinkOutcome(linked=linked, refusal=0 if linked else int(code or 0))
