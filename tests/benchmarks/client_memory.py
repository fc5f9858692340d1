"""The API client against hostile answers: its peak memory and how long a call lasts.

    .venv/bin/python tests/benchmarks/client_memory.py [--size-mb 300] [--bomb-mb 400]
                                                       [--drip-limit 120]

A server process (this script with ``--serve``) answers ``GET .../api/v2/users/me`` in one of
four ways, chosen by the first path segment of the profile's host:

- ``big``: a valid JSON envelope of ``--size-mb`` MB with its Content-Length;
- ``chunked``: the same body, chunked (no length announced up front);
- ``bomb``: ``--bomb-mb`` MB of JSON gzip-compressed to a few hundred KB
  (``Content-Encoding: gzip``);
- ``drip``: the headers, then one byte of the body every half second (each byte restarts the
  read timeout).

Each case runs in a fresh client process (this script with ``--client URL``) with the default
connection profile, which reports how the call ended, how long it took, and its VmRSS before
the call and VmHWM (peak RSS) after it, from ``/proc/self/status`` (Linux). A call still running
after ``--drip-limit`` seconds is stopped by the harness and reported as such.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import socketserver
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CASES = ("big", "chunked", "bomb", "drip")
PIECE = 1 << 20


# ------------------------------------------------------------------ server side


def _envelope_parts(size: int) -> tuple[bytes, bytes, int]:
    """Head and tail of ``{"code":200,...,"data":{"nickname":"aaa..."}}`` and the filler
    length that makes the whole ``size`` bytes."""
    head = b'{"code":200,"message":"","data":{"id":"u1","nickname":"'
    tail = b'"}}'
    return head, tail, size - len(head) - len(tail)


def _compressed_bomb(size: int) -> bytes:
    head, tail, filler = _envelope_parts(size)
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(head)]
    block = b"a" * PIECE
    for _ in range(filler // PIECE):
        parts.append(packer.compress(block))
    parts.append(packer.compress(b"a" * (filler % PIECE) + tail))
    parts.append(packer.flush())
    return b"".join(parts)


class _Handler(socketserver.BaseRequestHandler):
    size = 0
    bomb = b""

    def handle(self) -> None:
        sock: socket.socket = self.request
        head = b""
        while b"\r\n\r\n" not in head:
            data = sock.recv(65536)
            if not data:
                return
            head += data
        path = head.split(b" ", 2)[1].decode()
        case = path.strip("/").split("/", 1)[0]
        with contextlib.suppress(OSError):  # the client gave up: that is the point
            getattr(self, f"_{case}")(sock)

    def _big(self, sock: socket.socket) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                     b"content-length: %d\r\n\r\n" % self.size)
        self._send_envelope(sock, self.size, chunked=False)

    def _chunked(self, sock: socket.socket) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                     b"transfer-encoding: chunked\r\n\r\n")
        self._send_envelope(sock, self.size, chunked=True)
        sock.sendall(b"0\r\n\r\n")

    def _bomb(self, sock: socket.socket) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                     b"content-encoding: gzip\r\ncontent-length: %d\r\n\r\n" % len(self.bomb)
                     + self.bomb)

    def _drip(self, sock: socket.socket) -> None:
        body = json.dumps({"code": 200, "message": "", "data": {"id": "u1"}}).encode()
        sock.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                     b"content-length: %d\r\n\r\n" % (len(body) + 4000))
        while True:
            sock.sendall(b" ")
            time.sleep(0.5)

    @staticmethod
    def _send_envelope(sock: socket.socket, size: int, *, chunked: bool) -> None:
        head, tail, filler = _envelope_parts(size)
        block = b"a" * PIECE
        pieces = [head, *([block] * (filler // PIECE)), b"a" * (filler % PIECE) + tail]
        for piece in pieces:
            sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)


def serve(size: int, bomb_size: int) -> None:
    _Handler.size = size
    _Handler.bomb = _compressed_bomb(bomb_size)
    socketserver.ThreadingTCPServer.daemon_threads = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler) as server:
        print(json.dumps({"port": server.server_address[1], "bomb_bytes": len(_Handler.bomb)}),
              flush=True)
        server.serve_forever()


# ------------------------------------------------------------------ client side


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def client(url: str, limit: float) -> None:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.profile import ConnectionProfile

    async def call() -> str:
        async with AuthenticationClient(ConnectionProfile(host=url, user_pool_id="bench")) \
                as api:
            try:
                await asyncio.wait_for(api.get_current_user("tok"), limit)
            except TimeoutError:
                return f"still running after {limit:g} s (stopped by the harness)"
            except Exception as error:  # noqa: BLE001 - what it raised is the result
                return f"{type(error).__name__}: {error}"
            return "answered"

    before = _status_mb("VmRSS")
    started = time.perf_counter()
    outcome = asyncio.run(call())
    print(json.dumps({"outcome": outcome, "seconds": round(time.perf_counter() - started, 2),
                      "rss_before_mb": round(before, 1),
                      "peak_rss_mb": round(_status_mb("VmHWM"), 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=300)
    parser.add_argument("--bomb-mb", type=float, default=400,
                        help="decompressed size of the gzip bomb")
    parser.add_argument("--drip-limit", type=float, default=120)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--client", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.size_mb * PIECE), int(args.bomb_mb * PIECE))
        return
    if args.client:
        client(args.client, args.drip_limit)
        return
    server = subprocess.Popen(  # noqa: S603 - this script, fixed arguments
        [sys.executable, __file__, "--serve", "--size-mb", str(args.size_mb),
         "--bomb-mb", str(args.bomb_mb)], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        ready = json.loads(server.stdout.readline())
        print(f"server ready; gzip bomb: {ready['bomb_bytes'] / 1024:.0f} KB compressed, "
              f"{args.bomb_mb:g} MB decompressed; big body: {args.size_mb:g} MB")
        for case in args.cases.split(","):
            url = f"http://127.0.0.1:{ready['port']}/{case}"
            result = subprocess.run(  # noqa: S603 - this script, fixed arguments
                [sys.executable, __file__, "--client", url,
                 "--drip-limit", str(args.drip_limit)],
                capture_output=True, text=True, check=False)
            if result.returncode != 0:
                print(f"{case:>8}: client failed\n{result.stderr}")
                continue
            report = json.loads(result.stdout.strip().splitlines()[-1])
            print(f"{case:>8}: peak RSS {report['peak_rss_mb']:>7.1f} MB "
                  f"(before the call {report['rss_before_mb']:.1f} MB), "
                  f"{report['seconds']:>6.2f} s, {report['outcome'][:110]}")
    finally:
        server.kill()
        server.wait(5)


if __name__ == "__main__":
    main()
