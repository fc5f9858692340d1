"""The local pool's own support routes: ``GET /_localpool/outbox`` (the codes it "sent") and
``GET /_localpool/info`` (its ids and version).

Called through `authing_desktop.api.local_pool_admin.local_request`, on a short-lived HTTP
client, not the connection's: the outbox is polled every few seconds and must not flood the
network inspector or a transcript. That also keeps the
pool's admin token (the outbox needs it, ``Authorization: Bearer``) out of every call record,
and so out of the inspector, transcripts and crash reports. Answers are read within the same
bounds as API calls (`authing_desktop.api.bounded`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from authing_desktop.api.local_pool_admin import (
    LocalPoolAccessDenied,
    LocalPoolRouteError,
    local_request,
)
from authing_desktop.replay.transcript_file import UNKNOWN_POOL_VERSION

if TYPE_CHECKING:
    import httpx

OUTBOX_PATH = "/_localpool/outbox"
INFO_PATH = "/_localpool/info"

__all__ = ["INFO_PATH", "OUTBOX_PATH", "LocalPoolAccessDenied", "LocalPoolRouteError",
           "OutboxMessage", "fetch_outbox", "fetch_pool_version"]


@dataclass(frozen=True)
class OutboxMessage:
    """One SMS/email the local pool 'sent'."""

    channel: str
    to: str
    scene: str
    code: str
    created_at: str
    link: str = ""  # a VERIFY_EMAIL mail's verification link (http(s) only, else "")


async def fetch_outbox(base_url: str, *, admin_token: str = "",
                       http: httpx.AsyncBaseTransport | None = None) -> list[OutboxMessage]:
    """Every message of the pool's outbox, newest first; ``admin_token`` is the pool's (from
    its ready line). `LocalPoolAccessDenied` when the pool refuses it."""
    data = await _get(base_url, OUTBOX_PATH, http, admin_token=admin_token)
    if not isinstance(data, list):
        raise LocalPoolRouteError("the outbox answer is not a list")
    messages = [
        OutboxMessage(channel=str(item.get("channel", "")), to=str(item.get("to", "")),
                      scene=str(item.get("scene") or ""), code=str(item.get("code", "")),
                      created_at=str(item.get("createdAt", "")), link=_http_link(item.get("link")))
        for item in data if isinstance(item, dict)
    ]
    # The pool sends them newest first; sorting keeps that promise whatever it does.
    messages.sort(key=lambda m: m.created_at, reverse=True)
    return messages


def _http_link(value: Any) -> str:
    """``value`` when it is an http(s) URL (it is opened in the system browser), else ""."""
    if isinstance(value, str) and value.startswith(("http://", "https://")) \
            and not any(ch.isspace() for ch in value):
        return value
    return ""


async def fetch_pool_version(base_url: str, *,
                             http: httpx.AsyncBaseTransport | None = None) -> str:
    """The pool's version from ``/_localpool/info`` (its ``version``, else its database schema
    version), or ``"unknown"`` when the pool does not say."""
    try:
        data = await _get(base_url, INFO_PATH, http)
    except LocalPoolRouteError:
        return UNKNOWN_POOL_VERSION
    if not isinstance(data, dict):
        return UNKNOWN_POOL_VERSION
    if isinstance(data.get("version"), str) and data["version"]:
        return str(data["version"])
    schema = data.get("schemaVersion")
    return f"schema {schema}" if isinstance(schema, int) else UNKNOWN_POOL_VERSION


async def _get(base_url: str, path: str, http: httpx.AsyncBaseTransport | None, *,
               admin_token: str = "") -> Any:
    return await local_request(base_url, "GET", path, admin_token=admin_token, http=http)
