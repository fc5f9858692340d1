"""Exceptions raised by the API layer.

Every failure of a call surfaces as one of these, never as a raw httpx/JSON exception:

- `AuthingError`: the server answered and said no (GraphQL ``{message: {code, message}}`` or a
  REST envelope whose ``code`` is not 200).
- `NetworkError` / `RequestTimeout`: no usable answer reached us.
- `MalformedResponse`: an answer arrived but is not the protocol (HTML 502, truncated JSON, a
  GraphQL error whose message is a plain string, JSON nested absurdly deep, ...);
  `ResponseTooLarge` when it is bigger than the client accepts.
- `AuthingArgumentError`: the caller's input was rejected before anything was sent.

Messages never contain secrets: server texts are kept as they are (the server does not echo
passwords or codes), and response bodies are never copied into exception texts.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Base class of every error the API layer raises."""


class AuthingError(ApiError):
    """The server rejected a call: ``code`` and ``message`` as sent, ``data`` is ``message.data``
    (e.g. an ``mfaToken`` or a first-login token) or the REST envelope's ``data``."""

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        self.data = data

    def __str__(self) -> str:
        return f"Authing error {self.code}: {self.message}"


class NetworkError(ApiError):
    """The request could not be completed: refused, reset, DNS, TLS, closed early."""

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.url = url

    def __str__(self) -> str:
        return f"{self.message} ({self.url})" if self.url else self.message


class RequestTimeout(NetworkError):  # noqa: N818 - the name the other layers use
    """The server did not connect or answer within the configured timeout, or the whole call
    did not finish within its deadline (a server that answers a byte at a time)."""


class MalformedResponse(ApiError):  # noqa: N818 - the name the other layers use
    """The server answered with something that is not the Authing protocol."""

    def __init__(self, reason: str, *, status_code: int | None = None, url: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.status_code = status_code
        self.url = url

    def __str__(self) -> str:
        status = f"HTTP {self.status_code}: " if self.status_code is not None else ""
        return f"{status}{self.reason}" + (f" ({self.url})" if self.url else "")


class ResponseTooLarge(MalformedResponse):  # noqa: N818 - reads as the event it reports
    """The answer (decompressed) is larger than the client accepts; reading stopped there."""

    def __init__(self, limit: int, *, status_code: int | None = None, url: str = "") -> None:
        super().__init__(f"answer larger than {limit} bytes", status_code=status_code, url=url)
        self.limit = limit


class AuthingArgumentError(ApiError, ValueError):
    """An argument was rejected locally; nothing was sent."""
