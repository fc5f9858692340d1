"""The GUI imports asyncio with ``ssl`` hidden (`authing_desktop.app._import_asyncio_without_ssl`,
to keep OpenSSL out of an idle window): HTTPS through httpx must still work, certificate checks
included, since httpx does TLS in anyio's streams and not in asyncio's transports."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

from tests.flows.faults import self_signed_context

ROOT = Path(__file__).resolve().parents[1]

CLIENT = """
import sys
from authing_desktop.app import _import_asyncio_without_ssl
_import_asyncio_without_ssl()
import asyncio
import asyncio.base_events
assert asyncio.base_events.ssl is None, "asyncio loaded OpenSSL"
import httpx

async def main() -> None:
    url = sys.argv[1]
    async with httpx.AsyncClient(verify=sys.argv[2]) as trusted:
        print("trusted", (await trusted.get(url)).status_code)
    try:
        async with httpx.AsyncClient() as default:  # certifi's CAs: the self-signed one fails
            await default.get(url)
        print("untrusted accepted")
    except httpx.ConnectError:
        print("untrusted refused")

asyncio.run(main())
"""


class _Ok(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.send_response(200)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        pass


def test_https_works_with_asyncio_loaded_without_ssl(tmp_path: Path) -> None:
    context = self_signed_context(tmp_path / "tls")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}/"
        result = subprocess.run(
            [sys.executable, "-c", CLIENT, url, str(tmp_path / "tls" / "cert.pem")],
            capture_output=True, text=True, timeout=60, check=False, cwd=ROOT)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["trusted 200", "untrusted refused"]
