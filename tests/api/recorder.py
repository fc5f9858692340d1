"""A recording reverse proxy on loopback: forwards every request to the pool and keeps a copy
(method, path, query, headers, body) so two clients' wire traffic can be compared."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
              "proxy-authorization", "proxy-authenticate", "host", "content-length",
              "content-encoding"}


@dataclass
class Recorded:
    """One request as the client sent it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class RecordingProxy:
    """Forwards to ``target``; ``records`` holds what arrived, in order."""

    target: str
    records: list[Recorded] = field(default_factory=list)
    url: str = ""
    connections: int = 0
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def clear(self) -> None:
        with self._lock:
            self.records.clear()
            self.connections = 0

    def snapshot(self) -> list[Recorded]:
        with self._lock:
            return list(self.records)


def _handler(proxy: RecordingProxy, upstream: httpx.Client) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            with proxy._lock:
                proxy.connections += 1

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            """Quiet: the test output is the comparison."""

        def _forward(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            parts = urlsplit(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            with proxy._lock:
                proxy.records.append(Recorded(
                    method=self.command, path=parts.path,
                    query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                    headers=headers, body=body))
            forwarded = {k: v for k, v in headers.items() if k not in HOP_BY_HOP}
            response = upstream.request(self.command, proxy.target + self.path,
                                        headers=forwarded, content=body)
            content = response.content
            self.send_response(response.status_code)
            for key, value in response.headers.items():
                if key.lower() not in HOP_BY_HOP:
                    self.send_header(key, value)
            self.send_header("content-length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _forward

    return Handler


@contextlib.contextmanager
def recording_proxy(target: str) -> Iterator[RecordingProxy]:
    """Run a `RecordingProxy` for ``target`` in a background thread."""
    proxy = RecordingProxy(target=target.rstrip("/"))
    with httpx.Client(timeout=30) as upstream:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(proxy, upstream))
        server.daemon_threads = True
        proxy.url = f"http://127.0.0.1:{server.server_address[1]}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield proxy
        finally:
            server.shutdown()
            server.server_close()
            thread.join(5)
