"""Where and how to reach one Authing user pool (a "connection profile")."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from authing_desktop.api.errors import AuthingArgumentError

Language = Literal["zh-CN", "en-US"]
Protocol = Literal["oidc", "oauth", "saml", "cas"]
TokenEndpointAuthMethod = Literal["client_secret_post", "client_secret_basic", "none"]

LANGUAGES: tuple[Language, ...] = ("zh-CN", "en-US")
PROTOCOLS: tuple[Protocol, ...] = ("oidc", "oauth", "saml", "cas")
AUTH_METHODS: tuple[TokenEndpointAuthMethod, ...] = (
    "client_secret_post", "client_secret_basic", "none")

DEFAULT_HOST = "https://core.authing.cn"
# The largest answer a call accepts (decompressed). Protocol answers are pages of records or an
# org tree: far below it.
DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024
# The whole of one call, however the server paces its bytes; well above any real call.
DEFAULT_CALL_DEADLINE_S = 60.0


def check_language(lang: str) -> Language:
    """``lang`` if it is a language the server speaks, else an argument error."""
    for known in LANGUAGES:
        if lang == known:
            return known
    raise AuthingArgumentError(f"language must be one of {', '.join(LANGUAGES)}")


def _check_base_url(name: str, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AuthingArgumentError(f"{name} must be an http(s) URL with a host name")
    if parts.query or parts.fragment:
        raise AuthingArgumentError(f"{name} must not have a query or fragment")
    return url.rstrip("/")


@dataclass(frozen=True)
class ConnectionProfile:
    """Settings of one user pool connection; validated and normalised on construction.

    ``host`` is the base URL of every GraphQL and REST call (the SDK's ``app_host or host``);
    ``app_host`` defaults to it and serves the browser-facing helpers (authorize URL, CAS).
    ``public_key`` is the PEM of the password-encryption key; when unset the pool's
    ``/api/v2/.well-known`` key is used, else Authing cloud's published default key.
    ``read_timeout`` bounds each wait for data, ``call_deadline`` a whole call;
    ``max_response_bytes`` bounds an answer's size after decompression.
    """

    host: str = DEFAULT_HOST
    user_pool_id: str | None = None
    app_id: str | None = None
    app_host: str | None = None
    public_key: str | None = None
    websocket_host: str | None = None
    lang: Language = "zh-CN"
    protocol: Protocol = "oidc"
    secret: str | None = None
    token_endpoint_auth_method: TokenEndpointAuthMethod | None = None
    redirect_uri: str | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    verify_tls: bool = True
    call_deadline: float = DEFAULT_CALL_DEADLINE_S
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES

    def __post_init__(self) -> None:
        if not self.user_pool_id and not self.app_id:
            raise AuthingArgumentError("a connection profile needs a user pool id or an app id")
        object.__setattr__(self, "host", _check_base_url("host", self.host))
        if self.app_host is not None:
            object.__setattr__(self, "app_host", _check_base_url("app_host", self.app_host))
        if self.websocket_host is not None:
            object.__setattr__(
                self, "websocket_host", _check_base_url("websocket_host", self.websocket_host))
        check_language(self.lang)
        if self.protocol not in PROTOCOLS:
            raise AuthingArgumentError(f"protocol must be one of {', '.join(PROTOCOLS)}")
        if (self.token_endpoint_auth_method is not None
                and self.token_endpoint_auth_method not in AUTH_METHODS):
            raise AuthingArgumentError(
                f"token_endpoint_auth_method must be one of {', '.join(AUTH_METHODS)}")
        for name in ("connect_timeout", "read_timeout", "call_deadline"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
                raise AuthingArgumentError(f"{name} must be a positive number of seconds")
        size = self.max_response_bytes
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise AuthingArgumentError("max_response_bytes must be a positive integer")
        if self.public_key is not None and "BEGIN PUBLIC KEY" not in self.public_key:
            raise AuthingArgumentError("public_key must be a PEM 'BEGIN PUBLIC KEY' block")

    @property
    def browser_host(self) -> str:
        """Base URL of the browser-facing endpoints (authorize, CAS)."""
        return self.app_host or self.host

    @property
    def ad_host(self) -> str:
        """Base URL of AD login: ``websocket_host``, else ``ws.<parent domain>`` for a DNS name
        of three labels or more, else ``host`` itself (IP addresses, ``localhost``, two-label
        names, where the SDK's ``ws.`` rule produces nonsense)."""
        if self.websocket_host:
            return self.websocket_host
        parts = urlsplit(self.host)
        hostname = parts.hostname or ""
        try:
            ipaddress.ip_address(hostname)
        except ValueError:
            labels = hostname.split(".")
            if len(labels) > 2:
                return f"{parts.scheme}://ws.{'.'.join(labels[1:])}"
        return self.host

    @property
    def effective_token_auth_method(self) -> TokenEndpointAuthMethod:
        """The token endpoint's client authentication: as configured, else
        ``client_secret_post`` when a secret is set, else ``none`` (public client + PKCE)."""
        if self.token_endpoint_auth_method is not None:
            return self.token_endpoint_auth_method
        return "client_secret_post" if self.secret else "none"
