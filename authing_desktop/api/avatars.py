"""Downloading avatar and logo images (no Qt): http(s) only, bounded in time and size, with no
Authing headers or tokens (an avatar URL may point at any host)."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse, NetworkError
from authing_desktop.api.tls import verifying_context

MAX_IMAGE_BYTES = 2 * 1024 * 1024
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
    """One keep-alive HTTP client for images; close it with `aclose`."""

    def __init__(self, *, timeout_s: float = 8.0, max_bytes: int = MAX_IMAGE_BYTES,
                 http_transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.max_bytes = max_bytes
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 5.0)),
            follow_redirects=True, max_redirects=3, trust_env=False,
            transport=http_transport,
            headers={"accept": "image/*"},
            verify=verifying_context(),
        )

    async def fetch(self, url: str) -> bytes:
        """The image at ``url``; raises `NetworkError` (unreachable) or `MalformedResponse`
        (not an image, too large, HTTP error)."""
        url = check_image_url(url)
        try:
            async with self._client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise MalformedResponse("image not available",
                                            status_code=response.status_code)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise MalformedResponse("image too large")
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise MalformedResponse("image too large")
                    chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise NetworkError(type(exc).__name__) from exc
        data = b"".join(chunks)
        if not looks_like_image(data):
            raise MalformedResponse("not an image")
        return data

    async def aclose(self) -> None:
        await self._client.aclose()
