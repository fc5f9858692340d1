"""Who may reach the pool at all, checked before any route runs (an ASGI middleware):

- **Host**: the ``Host`` header must name the pool itself (``127.0.0.1:<port>``,
  ``localhost:<port>``, ``[::1]:<port>``, or the address it is bound to). A web page that
  points a name of its own at 127.0.0.1 (DNS rebinding) is refused, 403.
- **Admin token**: every ``/_localpool/*`` route (the outbox, simulated WeChat codes, ...) needs
  ``Authorization: Bearer <admin_token>``, 401 otherwise. The token is random per start and
  known only to whoever started the pool (the ready line of ``pool serve``, `EmbeddedPool`).
  Exceptions: ``/_localpool/info`` (ids and version, no secret) and the e-mail verification
  link, whose single-use token is its own proof.
- **Body size**: a declared ``Content-Length`` over `MAX_BODY_BYTES` is refused, 413, before
  any of the body is read (routes read bodies as streams with their own, smaller limits).

See docs/local-pool-security.md.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from authing_desktop.localpool.codes import VERIFY_EMAIL_PATH
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import secret_equals
from authing_desktop.localpool.request_bodies import MAX_BODY_BYTES, declared_length
from authing_desktop.localpool.tokens import bearer_token

LOCAL_PREFIX = "/_localpool"
PUBLIC_LOCAL_PATHS = frozenset({f"{LOCAL_PREFIX}/info", VERIFY_EMAIL_PATH})
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - names, not a bind


def new_admin_token() -> str:
    """A fresh random admin token."""
    return secrets.token_urlsafe(32)


def own_hosts(bound_host: str, port: int) -> frozenset[str]:
    """The ``Host`` values that name a pool bound to ``bound_host``:``port``."""
    names: list[str] = list(LOOPBACK_NAMES)
    if bound_host not in WILDCARD_HOSTS:
        names.append(f"[{bound_host}]" if ":" in bound_host else bound_host)
    return frozenset(f"{name}:{port}".lower() for name in names)


def is_local_route(path: str) -> bool:
    """Whether ``path`` is one of the pool's own ``/_localpool`` routes."""
    return path == LOCAL_PREFIX or path.startswith(LOCAL_PREFIX + "/")


class LocalAccess:
    """The checks above, in front of the whole application."""

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str], admin_token: str) -> None:
        self.app = app
        self.hosts = frozenset(host.lower() for host in hosts)
        self.admin_token = admin_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope["path"], headers)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, message, extra = refusal
        body = json.dumps({"code": status, "message": message}).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store"), *extra]})
        await send({"type": "http.response.body", "body": body})

    def _refusal(self, path: str, headers: Headers,
                 ) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        if headers.get("host", "").strip().lower() not in self.hosts:
            return 403, "the Host header does not name this local pool", []
        if is_local_route(path) and path not in PUBLIC_LOCAL_PATHS and not secret_equals(
                bearer_token(headers.get("authorization")), self.admin_token):
            return (401, "this route of the local pool needs its admin token"
                    " (Authorization: Bearer <admin_token>)",
                    [(b"www-authenticate", b'Bearer realm="localpool"')])
        try:
            declared = declared_length(headers.get("content-length"))
        except PoolError as exc:
            return 400, exc.message, []
        if declared is not None and declared > MAX_BODY_BYTES:
            return 413, "request body too large", []
        return None
