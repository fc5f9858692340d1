"""Browser-protocol helpers: authorize URLs (OIDC/OAuth/SAML/CAS), PKCE, the authorization
code exchange, refresh and revocation, userinfo, CAS ticket validation and SSO session
tracking."""

from __future__ import annotations

import base64
import hashlib
import secrets
import string
from typing import Any, Literal
from urllib.parse import quote, urlencode

from authing_desktop.api.client_core import ClientCore, optional_text, require_text
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.models import TokenSet, UserInfo

# RFC 7636 4.1: the code verifier alphabet and length bounds.
_VERIFIER_ALPHABET = string.ascii_letters + string.digits + "-._~"
MIN_VERIFIER_LENGTH = 43
MAX_VERIFIER_LENGTH = 128
DEFAULT_OIDC_SCOPE = "openid profile email phone address"

CodeChallengeMethod = Literal["S256", "plain"]


def generate_code_verifier(length: int = MIN_VERIFIER_LENGTH) -> str:
    """A random PKCE code verifier (RFC 7636 unreserved characters, from `secrets`)."""
    if not isinstance(length, int) or isinstance(length, bool) \
            or not MIN_VERIFIER_LENGTH <= length <= MAX_VERIFIER_LENGTH:
        raise AuthingArgumentError(
            f"length must be an integer from {MIN_VERIFIER_LENGTH} to {MAX_VERIFIER_LENGTH}")
    return "".join(secrets.choice(_VERIFIER_ALPHABET) for _ in range(length))


def generate_code_challenge_digest(code_verifier: str,
                                   method: CodeChallengeMethod = "S256") -> str:
    """The PKCE code challenge of ``code_verifier``: base64url(SHA-256) without padding for
    S256, the verifier itself for plain."""
    if not isinstance(code_verifier, str) or len(code_verifier) < MIN_VERIFIER_LENGTH:
        raise AuthingArgumentError(
            f"code_verifier must be a string of at least {MIN_VERIFIER_LENGTH} characters")
    if method == "plain":
        return code_verifier
    if method != "S256":
        raise AuthingArgumentError("method must be S256 or plain")
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def _state() -> str:
    return secrets.token_urlsafe(12)


class OidcOperations(ClientCore):
    """OIDC/OAuth/SAML/CAS helpers of the profile's ``protocol``."""

    @property
    def _protocol_path(self) -> str:
        return "oidc" if self.profile.protocol == "oidc" else "oauth"

    def _app_id(self) -> str:
        if not self.profile.app_id:
            raise AuthingArgumentError("this helper needs the profile's app id")
        return self.profile.app_id

    # -------------------------------------------------------------------- PKCE

    @staticmethod
    def generate_code_verifier(length: int = MIN_VERIFIER_LENGTH) -> str:
        """See `generate_code_verifier`."""
        return generate_code_verifier(length)

    @staticmethod
    def generate_code_challenge(length: int = MIN_VERIFIER_LENGTH) -> str:
        """SDK name of `generate_code_verifier` (it returns the verifier, not a digest)."""
        return generate_code_verifier(length)

    @staticmethod
    def generate_code_challenge_digest(code_challenge: str,
                                       method: CodeChallengeMethod = "S256") -> str:
        """See `generate_code_challenge_digest`."""
        return generate_code_challenge_digest(code_challenge, method)

    # ------------------------------------------------------------- authorize URL

    def build_authorize_url(
        self, redirect_uri: str | None = None, response_type: str | None = None,
        response_mode: str | None = None, state: str | None = None, nonce: str | None = None,
        scope: str | None = None, code_challenge_method: CodeChallengeMethod | None = None,
        code_challenge: str | None = None, service: str | None = None,
    ) -> str:
        """The URL to open in a browser to sign in with the profile's protocol. No request.
        Unlike the SDK an unset redirect_uri is omitted (not the text ``None``) and
        state/nonce come from `secrets`."""
        host = self.profile.browser_host
        protocol = self.profile.protocol
        if protocol == "saml":
            return f"{host}/api/v2/saml-idp/{quote(self._app_id(), safe='')}"
        if protocol == "cas":
            base = f"{host}/cas-idp/{quote(self._app_id(), safe='')}"
            return f"{base}?{urlencode({'service': service})}" if service else f"{base}?service"
        query: dict[str, str] = {}
        redirect = optional_text("redirect_uri", redirect_uri) or self.profile.redirect_uri
        if protocol == "oidc":
            query["nonce"] = optional_text("nonce", nonce) or _state()
            query["state"] = optional_text("state", state) or _state()
            query["scope"] = optional_text("scope", scope) or DEFAULT_OIDC_SCOPE
            query["client_id"] = self._app_id()
            if redirect:
                query["redirect_uri"] = redirect
            query["response_type"] = optional_text("response_type", response_type) or "code"
            if response_mode:
                query["response_mode"] = require_text("response_mode", response_mode)
            if "offline_access" in query["scope"].split():
                query["prompt"] = "consent"
            if code_challenge:
                query["code_challenge"] = require_text("code_challenge", code_challenge)
                query["code_challenge_method"] = code_challenge_method or "S256"
            elif code_challenge_method:
                raise AuthingArgumentError("code_challenge_method needs a code_challenge")
            return f"{host}/oidc/auth?{urlencode(query)}"
        if response_type is not None and response_type not in ("code", "token"):
            raise AuthingArgumentError("response_type must be code or token")
        query["state"] = optional_text("state", state) or _state()
        query["scope"] = optional_text("scope", scope) or "user"
        query["client_id"] = self._app_id()
        if redirect:
            query["redirect_uri"] = redirect
        query["response_type"] = response_type or "code"
        return f"{host}/oauth/auth?{urlencode(query)}"

    # ------------------------------------------------------------ token exchange

    def _client_credentials(self) -> tuple[dict[str, str], str | None]:
        """(form fields, Basic credential) of the token endpoint's client authentication:
        ``client_secret_post``/``_basic`` when the profile has a secret, else ``none`` (public
        client)."""
        method = self.profile.effective_token_auth_method
        secret = self.profile.secret
        if method != "none" and not secret:
            raise AuthingArgumentError("the profile needs the app secret for " + method)
        if method == "client_secret_basic":
            basic = base64.b64encode(f"{self._app_id()}:{secret}".encode()).decode("ascii")
            return {}, basic
        if method == "client_secret_post":
            assert secret is not None
            return {"client_id": self._app_id(), "client_secret": secret}, None
        return {"client_id": self._app_id()}, None

    def _check_token_protocol(self) -> None:
        if self.profile.protocol not in ("oidc", "oauth"):
            raise AuthingArgumentError("the profile's protocol must be oidc or oauth")

    async def get_access_token_by_code(self, code: str, code_verifier: str | None = None, *,
                                       redirect_uri: str | None = None) -> TokenSet:
        """Exchange an authorization code for tokens (``client_secret_post``/``_basic`` when
        the profile has a secret, else ``none`` with PKCE). ``redirect_uri`` must be the one
        of the authorization request (default: the profile's; a loopback redirect has a new
        port every time). No session change: these are OIDC tokens."""
        self._check_token_protocol()
        redirect_uri = optional_text("redirect_uri", redirect_uri) or self.profile.redirect_uri
        if not redirect_uri:
            raise AuthingArgumentError("the profile needs a redirect_uri")
        credentials, basic = self._client_credentials()
        form: dict[str, Any] = {
            **credentials, "grant_type": "authorization_code", "code": require_text("code", code),
            "redirect_uri": redirect_uri,
            "code_verifier": optional_text("code_verifier", code_verifier),
        }
        data = await self.transport.rest("POST", f"/{self._protocol_path}/token", form=form,
                                         basic=basic, envelope=False)
        return TokenSet.from_wire(data)

    async def get_new_access_token_by_refresh_token(self, refresh_token: str) -> TokenSet:
        """New tokens for a refresh token (``grant_type=refresh_token``, the same client
        authentication as the code exchange). The answer carries the next refresh token when
        the server rotates them (the local pool always does). No session change."""
        self._check_token_protocol()
        credentials, basic = self._client_credentials()
        form = {**credentials, "grant_type": "refresh_token",
                "refresh_token": require_text("refresh_token", refresh_token)}
        data = await self.transport.rest("POST", f"/{self._protocol_path}/token", form=form,
                                         basic=basic, envelope=False)
        return TokenSet.from_wire(data)

    async def revoke_token(self, token: str) -> None:
        """RFC 7009 revocation of an access or refresh token (a refresh token ends its whole
        sign-in on the local pool). The server answers 200 whether or not it knew the token."""
        self._check_token_protocol()
        credentials, basic = self._client_credentials()
        await self.transport.rest(
            "POST", f"/{self._protocol_path}/token/revocation", basic=basic, envelope=False,
            form={**credentials, "token": require_text("token", token)})

    async def get_user_info_by_access_token(self, access_token: str) -> UserInfo:
        """OIDC userinfo for ``access_token`` (POST with an empty body, like the SDK; OIDC
        Core 5.3.1 allows POST)."""
        data = await self.transport.rest(
            "POST", f"/{self._protocol_path}/me",
            token=require_text("access_token", access_token), envelope=False)
        return UserInfo.from_wire(data)

    # ----------------------------------------------------------------------- CAS

    async def validate_ticket_v2(self, ticket: str, service: str,
                                 format: Literal["JSON", "XML"] = "JSON") -> Any:  # noqa: A002
        """Validate a CAS service ticket (CAS 2.0 serviceValidate). The default format is
        JSON, which the SDK's XML default cannot parse; XML returns the text."""
        if format not in ("JSON", "XML"):
            raise AuthingArgumentError("format must be JSON or XML")
        path = f"/cas-idp/{quote(self._app_id(), safe='')}/serviceValidate"
        params = {"service": require_text("service", service),
                  "ticket": require_text("ticket", ticket), "format": format}
        if format == "XML":
            return await self.transport.rest("GET", path, base=self.profile.browser_host,
                                             params=params, envelope=False, as_text=True)
        data = await self.transport.rest("GET", path, base=self.profile.browser_host,
                                         params=params, envelope=False)
        if not isinstance(data, dict):
            raise MalformedResponse("serviceValidate answer is not an object")
        return data

    async def track_session(self) -> dict[str, Any]:
        """The browser SSO session (``{"session": null}`` when none); cookie-based, so it
        sees sessions this client's cookie jar holds."""
        data = await self.transport.rest("GET", "/cas/session", base=self.profile.browser_host,
                                         envelope=False)
        if not isinstance(data, dict):
            raise MalformedResponse("cas/session answer is not an object")
        return data
