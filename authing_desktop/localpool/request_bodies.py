"""Request bodies: read as a stream and stopped at the route's size limit (a body is never held
whole before its size is known), and JSON accepted only with a JSON content type, so a web page
cannot post it cross-site as ``text/plain`` without a CORS preflight (which the pool never
answers). Decoded JSON holds only valid text (`inputs.check_json_text`).

Forms (the hosted sign-in page, the OAuth token endpoints) stay form-encoded; they are read with
the same size limit.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import ClientDisconnect, Request

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import check_json_text

MAX_BODY_BYTES = 256 * 1024  # the largest body any route takes (a GraphQL document)
MAX_JSON_BYTES = 64 * 1024
MAX_FORM_BYTES = 16 * 1024


def too_large() -> PoolError:
    """The error of a body over its limit."""
    return PoolError(errors.BAD_ARGUMENT, "request body too large")


def declared_length(value: str | None) -> int | None:
    """A ``Content-Length`` header's value (None when absent; 400 when not a number)."""
    if value is None:
        return None
    text = value.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise PoolError(errors.BAD_ARGUMENT, "invalid Content-Length")
    return int(text)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, read chunk by chunk; stops at once when it exceeds ``limit`` bytes."""
    declared = declared_length(request.headers.get("content-length"))
    if declared is not None and declared > limit:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large()
            chunks.append(chunk)
    except ClientDisconnect:
        raise PoolError(errors.BAD_ARGUMENT, "the request body was cut short") from None
    return b"".join(chunks)


def is_json_type(content_type: str | None) -> bool:
    """``application/json`` or a ``+json`` type (parameters such as charset allowed)."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/")
                                          and mime.endswith("+json"))


async def read_json(request: Request, limit: int = MAX_JSON_BYTES) -> Any:
    """The decoded JSON body (None when the body is empty); 400 for a body over ``limit``,
    sent without a JSON content type, not JSON, or holding invalid text."""
    raw = await read_body(request, limit)
    if not raw.strip():
        return None
    if not is_json_type(request.headers.get("content-type")):
        raise PoolError(errors.BAD_ARGUMENT,
                        "send the body as JSON (Content-Type: application/json)")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's stack
        raise PoolError(errors.BAD_ARGUMENT, "the body must be JSON") from None
    check_json_text(value)
    return value


async def read_form(request: Request, limit: int = MAX_FORM_BYTES) -> dict[str, str]:
    """The first value of each field of a form-encoded body (undecodable bytes replaced)."""
    raw = await read_body(request, limit)
    parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
    return {key: values[0] for key, values in parsed.items()}
