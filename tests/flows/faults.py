"""Network faults on demand, over real sockets: what the fault matrix injects.

`FaultServers` runs small raw servers on loopback in a thread of their own (own asyncio loop),
one per misbehaviour the local pool cannot produce by itself:

- ``refused``: a port that is bound but not listening (the kernel answers RST: ECONNREFUSED);
- ``timeout``: accepts and reads, never answers;
- ``reset``: sends the headers and half of a JSON body, then resets the connection (SO_LINGER 0);
- ``bad_gateway``: ``502 Bad Gateway`` with an HTML body, like a reverse proxy in front of a
  dead upstream;
- ``truncated``: ``200`` with ``application/json`` whose body stops mid-object (HTTP framing
  intact: a proxy cut the JSON, not the connection);
- ``graphql_string``: ``200`` with a GraphQL error whose ``message`` is a plain string;
- ``tls``: a TLS endpoint with a self-signed certificate (made with ``cryptography``): the
  client's verification fails during the handshake, before any HTTP.

`FaultTransport` is the client side: an httpx transport that forwards to the real pool while no
fault is set and to the matching fault server while one is (``fault = "reset"``), with short
timeouts (0.3 s) so timeouts cost little. The fault stays until cleared, like a real outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import socket
import ssl
import struct
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

FAULTS = ("refused", "timeout", "reset", "bad_gateway", "truncated", "graphql_string", "tls")
SHORT_TIMEOUT_S = 0.3

_HTML_502 = (b"<html><head><title>502 Bad Gateway</title></head><body><center>"
             b"<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n")
_TRUNCATED_JSON = b'{"data": {"loginByEmail": {"id": "6f1c", "email": "someone@exa'
_GRAPHQL_STRING_ERROR = (b'{"errors": [{"message": "Internal server error", '
                         b'"locations": [{"line": 1, "column": 1}]}], "data": null}')
_HALF_JSON = b'{"data": {"user": {"id": "6f1c2a", "nickname": "half'

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def _response(status: str, content_type: str, body: bytes) -> bytes:
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
    return head.encode("ascii") + body


async def _read_request(reader: asyncio.StreamReader) -> None:
    """Read one request (headers and a Content-Length body)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length:
        await reader.readexactly(length)


def _answering(payload: bytes) -> Handler:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            await _read_request(reader)
            writer.write(payload)
            await writer.drain()
        writer.close()

    return handle


async def _silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    # Never answers; returns when the client gives up and closes.
    with contextlib.suppress(Exception):
        await _read_request(reader)
        await reader.read()
    writer.close()


async def _reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(Exception):
        await _read_request(reader)
        head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(_HALF_JSON) * 2}\r\n\r\n").encode("ascii")
        writer.write(head + _HALF_JSON)
        await writer.drain()
        await asyncio.sleep(0.02)
    sock = writer.get_extra_info("socket")
    if sock is not None:
        # Linger 0: close() sends RST instead of FIN (a reset mid-response).
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


def self_signed_context(directory: Path) -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "authing-desktop test pool")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .sign(key, hashes.SHA256())
    )
    directory.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context


class FaultServers:
    """The raw fault servers (see the module docstring); `url(fault)` is where each answers."""

    def __init__(self, workdir: Path) -> None:
        self._workdir = workdir
        self._loop = asyncio.new_event_loop()
        # TLS handshakes the client aborts are the point here, not errors worth a log line.
        self._loop.set_exception_handler(lambda _loop, _context: None)
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-servers",
                                        daemon=True)
        self._servers: list[asyncio.base_events.Server] = []
        self._urls: dict[str, str] = {}
        # Bound, never listening: connecting is refused by the kernel.
        self._refusing = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._refusing.bind(("127.0.0.1", 0))

    def start(self) -> FaultServers:
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._start(), self._loop)
        future.result(10)
        self._urls["refused"] = f"http://127.0.0.1:{self._refusing.getsockname()[1]}"
        return self

    async def _start(self) -> None:
        handlers: dict[str, Handler] = {
            "timeout": _silent,
            "reset": _reset,
            "bad_gateway": _answering(_response("502 Bad Gateway", "text/html", _HTML_502)),
            "truncated": _answering(_response("200 OK", "application/json", _TRUNCATED_JSON)),
            "graphql_string": _answering(
                _response("200 OK", "application/json", _GRAPHQL_STRING_ERROR)),
            "tls": _answering(_response("200 OK", "application/json", b"{}")),
        }
        tls = self_signed_context(self._workdir / "tls")
        for fault, handler in handlers.items():
            server = await asyncio.start_server(
                handler, "127.0.0.1", 0, ssl=tls if fault == "tls" else None)
            self._servers.append(server)
            port = server.sockets[0].getsockname()[1]
            scheme = "https" if fault == "tls" else "http"
            self._urls[fault] = f"{scheme}://127.0.0.1:{port}"

    def url(self, fault: str) -> str:
        return self._urls[fault]

    def stop(self) -> None:
        async def close() -> None:
            for server in self._servers:
                server.close()
            for server in self._servers:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(server.wait_closed(), 2)

        if self._thread.is_alive():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
        self._loop.close()
        self._refusing.close()


class FaultTransport(httpx.AsyncBaseTransport):
    """Forwards to the real server, or (while ``fault`` is set) to that fault's server."""

    def __init__(self, servers: FaultServers) -> None:
        self.servers = servers
        self.fault: str | None = None
        self.faulted_requests = 0
        self._real = httpx.AsyncHTTPTransport()
        # verify=True (the default): the self-signed TLS server must be refused.
        self._faulty = httpx.AsyncHTTPTransport(retries=0)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        fault = self.fault
        if fault is None:
            return await self._real.handle_async_request(request)
        self.faulted_requests += 1
        body = await request.aread()
        url = httpx.URL(self.servers.url(fault)).copy_with(
            raw_path=request.url.raw_path)
        moved = httpx.Request(request.method, url, headers=request.headers, content=body,
                              extensions=_short_timeouts(request.extensions))
        return await self._faulty.handle_async_request(moved)

    async def aclose(self) -> None:
        await self._real.aclose()
        await self._faulty.aclose()


def _short_timeouts(extensions: dict[str, Any]) -> dict[str, Any]:
    timeout = dict.fromkeys(("connect", "read", "write", "pool"), SHORT_TIMEOUT_S)
    return {**extensions, "timeout": timeout}
