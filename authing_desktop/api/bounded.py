"""HTTP answers read within bounds, for every request the app makes (API calls, images, the
local pool's support routes).

- Size: the body is streamed and reading stops once it passes the limit. The limit applies to
  the decompressed bytes, and decompression itself is bounded (zlib's ``max_length``): a small
  gzip bomb stops after the limit, not after inflating. httpx's own decoders inflate a whole
  network read at once, so the raw stream is read and decoded here, and only encodings decoded
  here are advertised.
- Time: one deadline for the whole exchange. The read timeout restarts with every byte, so a
  server that drips its answer would otherwise never time out.
- Shape: JSON nested deeper than any protocol answer is refused before anything walks it
  recursively (the parser itself raises `RecursionError` on very deep input).

Every failure is one of the api layer's errors (`errors.py`).
"""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Container
from dataclasses import dataclass
from typing import Any

import httpx

from authing_desktop.api.errors import (
    MalformedResponse,
    NetworkError,
    RequestTimeout,
    ResponseTooLarge,
)

# The encodings `_decoder` handles; sent as Accept-Encoding so that a server never picks one
# that httpx would decode without a bound (br, zstd when their packages are installed).
ACCEPT_ENCODING = "gzip, deflate"
# Deeper than any Authing answer; shallow enough for recursive walks (redaction, models).
MAX_JSON_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Answer:
    """A complete HTTP answer: status, headers and the decoded body."""

    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def content_type(self) -> str:
        """The media type without parameters (``""`` when none)."""
        return str(self.headers.get("content-type", "")).split(";", 1)[0].strip().lower()

    @property
    def text(self) -> str:
        """The body as text, in the charset the answer names (else UTF-8)."""
        charset = "utf-8"
        for parameter in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip('"')
        try:
            return self.content.decode(charset, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


async def exchange(
    client: httpx.AsyncClient, method: str, url: str, *, max_bytes: int, deadline: float,
    content: bytes | None = None, headers: dict[str, str] | None = None,
    body_of: Container[int] | None = None,
) -> Answer:
    """Send one request on ``client`` and read its answer within ``max_bytes`` (decoded) and
    ``deadline`` seconds for the whole exchange; with ``body_of`` only the body of an answer
    with one of those statuses is read (others come back with an empty body). Raises
    `RequestTimeout`, `NetworkError`, `ResponseTooLarge` or `MalformedResponse` (an encoding
    it cannot decode)."""
    where = safe_url(url)
    try:
        async with asyncio.timeout(deadline):
            request = client.build_request(method, url, content=content, headers=headers)
            response = await client.send(request, stream=True)
            try:
                wanted = body_of is None or response.status_code in body_of
                body = await _read_body(response, max_bytes, where) if wanted else b""
            finally:
                await response.aclose()
    except TimeoutError as exc:
        raise RequestTimeout(f"no complete answer within {deadline:g} s", url=where) from exc
    except httpx.TimeoutException as exc:
        raise RequestTimeout(f"timed out ({type(exc).__name__})", url=where) from exc
    except httpx.TransportError as exc:
        raise NetworkError(f"network failure ({type(exc).__name__})", url=where) from exc
    except httpx.InvalidURL as exc:
        raise NetworkError("invalid URL", url=where) from exc
    return Answer(response.status_code, response.headers, body)


class TooDeep(ValueError):  # noqa: N818 - reads as the event it reports
    """JSON nested deeper than `MAX_JSON_DEPTH`."""


def loads_json(content: bytes) -> Any:
    """``content`` parsed as JSON; `ValueError` when it is not JSON, `TooDeep` (a
    `ValueError`) when it is nested deeper than `MAX_JSON_DEPTH`."""
    try:
        value = json.loads(content)
    except RecursionError:
        raise TooDeep(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    if not _within_depth(value, MAX_JSON_DEPTH):
        raise TooDeep(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def safe_url(url: str) -> str:
    """``url`` without its query string, which can carry tickets and codes."""
    return url.split("?", 1)[0]


def _within_depth(value: Any, limit: int) -> bool:
    # Iterative on purpose: a recursive check would fail the way it guards against.
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return True


async def _read_body(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    def too_large() -> ResponseTooLarge:
        return ResponseTooLarge(max_bytes, status_code=response.status_code, url=url)

    if response.is_stream_consumed:
        # Built in memory and decoded already (an ``httpx.MockTransport`` answer in tests).
        if len(response.content) > max_bytes:
            raise too_large()
        return response.content
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large()  # not even read
    decoder = _decoder(response.headers.get("content-encoding", ""), response.status_code, url)
    body = bytearray()
    received = 0
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > max_bytes:
            raise too_large()
        body += decoder.decode(chunk, max_bytes - len(body))
        if len(body) > max_bytes:
            raise too_large()
    body += decoder.flush()
    if len(body) > max_bytes:
        raise too_large()
    return bytes(body)


class _Identity:
    def decode(self, data: bytes, room: int) -> bytes:
        return data

    def flush(self) -> bytes:
        return b""


class _Inflate:
    """zlib (gzip or deflate) with bounded output: at most ``room + 1`` bytes per call, so
    going past the limit shows without inflating the rest."""

    def __init__(self, encoding: str, status_code: int, url: str) -> None:
        self._deflate = encoding == "deflate"
        # gzip, or deflate in its zlib wrapper (a raw deflate stream is tried on failure).
        self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS if not self._deflate
                                            else zlib.MAX_WBITS)
        self._started = False
        self._status_code = status_code
        self._url = url

    def decode(self, data: bytes, room: int) -> bytes:
        try:
            output = self._inflater.decompress(data, room + 1)
        except zlib.error as exc:
            if not (self._deflate and not self._started):
                raise self._damaged() from exc
            # Some servers send raw deflate without the zlib wrapper (as httpx also accepts).
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            self._started = True
            return self.decode(data, room)
        self._started = True
        return output

    def flush(self) -> bytes:
        try:
            return self._inflater.flush()
        except zlib.error as exc:
            raise self._damaged() from exc

    def _damaged(self) -> MalformedResponse:
        return MalformedResponse("compressed answer is damaged", status_code=self._status_code,
                                 url=self._url)


def _decoder(encoding: str, status_code: int, url: str) -> _Identity | _Inflate:
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return _Identity()
    if name in ("gzip", "x-gzip", "deflate"):
        return _Inflate("deflate" if name == "deflate" else "gzip", status_code, url)
    raise MalformedResponse(f"answer in an encoding not asked for ({name[:40]})",
                            status_code=status_code, url=url)
