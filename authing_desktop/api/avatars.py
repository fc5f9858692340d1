"""Downloading avatar and logo images (no Qt): http(s) only, bounded in time and size, with no
Authing headers or tokens (an avatar URL may point at any host).

Redirects are followed here, not by httpx (which reads a redirect's whole body, unbounded):
every hop is an http(s) URL read within the size bound, all of them within one deadline.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urljoin, urlsplit

import httpx

from authing_desktop.api.bounded import ACCEPT_ENCODING, exchange
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse, RequestTimeout
from authing_desktop.api.tls import verifying_context

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 3
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"BM",  # BMP
)


def check_image_url(url: str) -> str:
    """``url`` when it is an http(s) URL with a host, else an argument error."""
    if not isinstance(url, str):
        raise AuthingArgumentError("image URL must be a string")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AuthingArgumentError("image URL must be an http(s) URL with a host name")
    return url.strip()


def looks_like_image(data: bytes) -> bool:
    """Whether ``data`` starts like an image format Qt decodes out of the box."""
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return True
    if data.lstrip()[:5].lower() in (b"<svg ", b"<?xml"):
        return True
    return any(data.startswith(signature) for signature in _SIGNATURES)


class ImageDownloader:
    """One keep-alive HTTP client for images; close it with `aclose`. ``timeout_s`` bounds each
    wait for data, ``deadline_s`` a whole download (redirects included)."""

    def __init__(self, *, timeout_s: float = 8.0, deadline_s: float = 20.0,
                 max_bytes: int = MAX_IMAGE_BYTES,
                 http_transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.max_bytes = max_bytes
        self.deadline_s = deadline_s
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            follow_redirects=False, trust_env=False,
            transport=http_transport,
            headers={"accept": "image/*", "accept-encoding": ACCEPT_ENCODING},
            verify=verifying_context(),
        )

    async def fetch(self, url: str) -> bytes:
        """The image at ``url``; raises `NetworkError` (unreachable, too slow: `RequestTimeout`)
        or `MalformedResponse` (not an image, too large: `ResponseTooLarge`, HTTP error)."""
        url = check_image_url(url)
        loop = asyncio.get_running_loop()
        end = loop.time() + self.deadline_s
        for _hop in range(MAX_REDIRECTS + 1):
            left = end - loop.time()
            if left <= 0:
                raise RequestTimeout(f"no image within {self.deadline_s:g} s")
            answer = await exchange(self._client, "GET", url, max_bytes=self.max_bytes,
                                    deadline=left, body_of=(200,))
            location = answer.headers.get("location")
            if answer.status_code not in _REDIRECTS or not location:
                break
            try:
                url = check_image_url(urljoin(url, location))
            except AuthingArgumentError:
                raise MalformedResponse("image redirected to a URL that is not http(s)") from None
        else:
            raise MalformedResponse("image redirected too many times")
        if answer.status_code != 200:
            raise MalformedResponse("image not available", status_code=answer.status_code)
        if not looks_like_image(answer.content):
            raise MalformedResponse("not an image")
        return answer.content

    async def aclose(self) -> None:
        await self._client.aclose()
