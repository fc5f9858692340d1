"""A stand-in for the local pool's admin-only routes, on loopback: it records every request's
``Authorization`` header and refuses the outbox (401, like the pool) without its token.

The real pool checks the token too; this stub lets a test see what the app *sends*, and give
answers the pool would only give in a broken setup (a refused token). Paths other than its
own ``/_localpool`` routes get an Authing envelope ``{"code": 200}``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

INFO = {"userPoolId": "stub-pool", "appId": "stub-app", "version": "stub"}


@dataclass
class Seen:
    """One request as the stub received it."""

    method: str
    path: str
    authorization: str | None
    body: bytes


@dataclass
class LocalPoolStub:
    """What the stub answers and what it saw. ``url`` is set once it listens."""

    token: str
    outbox: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""
    seen: list[Seen] = field(default_factory=list)

    def authorizations(self, path: str) -> list[str | None]:
        """The Authorization headers of the requests for ``path``."""
        return [s.authorization for s in self.seen if s.path.split("?")[0] == path]


def _handler(stub: LocalPoolStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            authorization = self.headers.get("authorization")
            stub.seen.append(Seen(self.command, self.path, authorization, body))
            path = self.path.split("?")[0]
            if path == "/_localpool/info":
                self._json(200, {"code": 200, "message": "", "data": INFO})
            elif path.startswith("/_localpool/"):
                if authorization != f"Bearer {stub.token}":
                    self._json(401, {"code": 401, "message": "needs its admin token"})
                else:
                    self._json(200, {"code": 200, "message": "", "data": stub.outbox})
            else:
                self._json(200, {"code": 200, "message": "", "data": None})

        def _json(self, status: int, value: Any) -> None:
            data = json.dumps(value).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _serve  # noqa: N815 - http.server's names

    return Handler


@contextmanager
def local_pool_stub(token: str, outbox: list[dict[str, Any]] | None = None,
                    ) -> Iterator[LocalPoolStub]:
    """Serve a `LocalPoolStub` on a free loopback port for the ``with`` block."""
    stub = LocalPoolStub(token=token, outbox=list(outbox or []))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(stub))
    stub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="local-pool-stub", daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
