"""The local pool's own support routes: ``GET /_localpool/outbox`` (the codes it "sent") and
``GET /_localpool/info`` (its ids and version).

Called on a separate short-lived HTTP client, not the connection's: the outbox is polled every
few seconds and must not flood the network inspector or a transcript. That also keeps the
pool's admin token (the outbox needs it, ``Authorization: Bearer``) out of every call record,
and so out of the inspector, transcripts and crash reports. Answers are read within the same
bounds as API calls (`authing_desktop.api.bounded`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from authing_desktop.replay.transcript_file import UNKNOWN_POOL_VERSION

if TYPE_CHECKING:
    import httpx

OUTBOX_PATH = "/_localpool/outbox"
INFO_PATH = "/_localpool/info"
TIMEOUT_S = 5.0


class LocalPoolRouteError(Exception):
    """The route did not answer as expected (the message is safe to show)."""


class LocalPoolAccessDenied(LocalPoolRouteError):  # noqa: N818 - reads as the event it reports
    """The pool refused the admin token (401): the app does not hold this pool's token."""


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
    # Imported on first use: the support pages' module loads with the window, httpx need not.
    import httpx

    from authing_desktop.api.bounded import exchange, loads_json
    from authing_desktop.api.errors import ApiError
    from authing_desktop.api.profile import DEFAULT_MAX_RESPONSE_BYTES

    headers = {"authorization": f"Bearer {admin_token}"} if admin_token else {}
    try:
        async with httpx.AsyncClient(transport=http, trust_env=False,
                                     timeout=TIMEOUT_S) as client:
            answer = await exchange(client, "GET", base_url.rstrip("/") + path, headers=headers,
                                    max_bytes=DEFAULT_MAX_RESPONSE_BYTES, deadline=TIMEOUT_S)
    except ApiError as error:
        raise LocalPoolRouteError(f"the local pool did not answer ({type(error).__name__})") \
            from error
    if answer.status_code == 401:
        raise LocalPoolAccessDenied("the local pool did not accept this app's admin token")
    try:
        body = loads_json(answer.content)
    except ValueError as error:
        raise LocalPoolRouteError("the local pool's answer is not JSON") from error
    if not isinstance(body, dict) or body.get("code") != 200:
        raise LocalPoolRouteError("the local pool refused the request")
    return body.get("data")
