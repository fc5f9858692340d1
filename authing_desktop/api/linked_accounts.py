"""v3 linking of outside accounts (docs/linked-accounts.md): the sources the application
offers and the URL that links one in the browser. Listing and unlinking the linked identities
are in `self_service`.

``generate-link-extidp-url`` takes the user's id_token in the query (snake_case parameters);
the v2 login token is an id_token-type JWT, so the session token is passed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from authing_desktop.api.client_core import ClientCore, require_text
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.models import WireModel, _raw
from authing_desktop.api.self_service_models import list_of

ENABLED_EXTIDPS_PATH = "/api/v3/get-application-enabled-extidps"
LINK_URL_PATH = "/api/v3/generate-link-extidp-url"


@dataclass(frozen=True)
class LinkableSource(WireModel):
    """An outside identity source the application offers (v3 ``ExtIdpInfoDto``): link it
    by ``identifier``; its linked identities carry ``ext_idp_id``."""

    identifier: str | None = None
    ext_idp_id: str | None = None
    type: str | None = None
    ext_idp_type: str | None = None
    name: str | None = None
    name_en: str | None = field(default=None, metadata={"wire": "name_en"})
    desc: str | None = None
    desc_en: str | None = field(default=None, metadata={"wire": "desc_en"})
    logo: str | None = None
    raw: dict[str, Any] = _raw()


class LinkedAccountOperations(ClientCore):
    """The sources to link and the browser URL that links one."""

    async def get_application_enabled_ext_idps(self) -> list[LinkableSource]:
        """The outside identity sources this connection's application offers."""
        params = {"app_id": self.profile.app_id} if self.profile.app_id else None
        data = await self._authed_rest("GET", ENABLED_EXTIDPS_PATH, params=params)
        sources: list[LinkableSource] = list_of(LinkableSource, data)
        return sources

    async def generate_link_ext_idp_url(self, ext_idp_conn_identifier: str, *,
                                        target_url: str | None = None) -> str:
        """The URL that links the source ``ext_idp_conn_identifier`` to my account when
        opened in a browser; with ``target_url`` the browser is sent there at the end
        (``need_url_redirect``)."""
        token = self._token
        if not token:
            raise AuthingArgumentError("sign in before linking an account")
        if not self.profile.app_id:
            raise AuthingArgumentError("linking needs the connection's app_id")
        params = {"ext_idp_conn_identifier": require_text(
                      "ext_idp_conn_identifier", ext_idp_conn_identifier),
                  "app_id": self.profile.app_id, "id_token": token}
        if target_url is not None:
            params["need_url_redirect"] = "1"
            params["target_url"] = require_text("target_url", target_url)
        # The session's token also as the bearer: linking is a sensitive change, and a
        # step-up refusal is answered for the session that made the call (docs/step-up.md).
        data = await self.transport.rest("GET", LINK_URL_PATH, params=params, token=token)
        url = data.get("url") if isinstance(data, Mapping) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise MalformedResponse("generate-link-extidp-url answered no URL")
        return url
