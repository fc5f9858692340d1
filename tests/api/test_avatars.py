"""Avatar and logo downloads from hosts the app does not control, over raw loopback servers:
the same bounds as API calls (size after decompression, one deadline), redirects followed
without reading their bodies, and only to http(s)."""

from __future__ import annotations

import asyncio
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable

import pytest

from authing_desktop.api.avatars import MAX_IMAGE_BYTES, ImageDownloader
from authing_desktop.api.errors import MalformedResponse, RequestTimeout, ResponseTooLarge
from tests.api.support import run

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
BUDGET_S = 5.0
MB = 1024 * 1024
Routes = dict[str, Callable[[asyncio.StreamWriter], Awaitable[None]]]


def _sends(raw: bytes) -> Callable[[asyncio.StreamWriter], Awaitable[None]]:
    async def send(writer: asyncio.StreamWriter) -> None:
        writer.write(raw)
        await writer.drain()

    return send


def _image(body: bytes = PNG, extra: bytes = b"") -> bytes:
    return (b"HTTP/1.1 200 OK\r\ncontent-type: image/png\r\n%scontent-length: %d\r\n\r\n"
            % (extra, len(body))) + body


async def _fetch(routes: Routes, path: str, **options: float) -> bytes | BaseException:
    """Serve ``routes`` (path -> answer) on loopback and download ``path`` from it."""
    done = asyncio.Event()
    waiting: set[asyncio.StreamWriter] = set()

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            await routes[head.split(b" ", 2)[1].decode()](writer)
            waiting.add(writer)
            await done.wait()  # hold the connection open until the download ended
        except OSError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    downloader = ImageDownloader(**options)
    try:
        return await downloader.fetch(f"http://127.0.0.1:{port}{path}")
    except Exception as error:  # noqa: BLE001 - the error is the result
        return error
    finally:
        done.set()
        await downloader.aclose()
        server.close()
        await server.wait_closed()
        await asyncio.sleep(0)  # let the handlers close their side


def test_a_plain_image_downloads() -> None:
    assert run(_fetch({"/a.png": _sends(_image())}, "/a.png"), BUDGET_S) == PNG


def test_a_redirect_is_followed_without_reading_its_body() -> None:
    # The redirect announces 50 MB and sends a few bytes: reading it would stall until the
    # read timeout (httpx reads every redirect body whole before following it).
    redirect = (b"HTTP/1.1 302 Found\r\nlocation: /real.png\r\ncontent-length: %d\r\n\r\nxx"
                % (50 * MB))
    routes = {"/a.png": _sends(redirect), "/real.png": _sends(_image())}
    assert run(_fetch(routes, "/a.png", timeout_s=1.0), BUDGET_S) == PNG


def test_redirects_only_to_http_and_only_a_few() -> None:
    def to(location: bytes) -> Callable[[asyncio.StreamWriter], Awaitable[None]]:
        return _sends(b"HTTP/1.1 302 Found\r\nlocation: %s\r\ncontent-length: 0\r\n\r\n"
                      % location)

    error = run(_fetch({"/a.png": to(b"file:///etc/passwd")}, "/a.png"), BUDGET_S)
    assert type(error) is MalformedResponse
    error = run(_fetch({"/a.png": to(b"/a.png")}, "/a.png"), BUDGET_S)
    assert type(error) is MalformedResponse and "too many" in str(error)


def test_an_image_bomb_stops_at_the_size_limit() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = packer.compress(PNG) + b"".join(packer.compress(b"\0" * MB) for _ in range(64)) \
        + packer.flush()
    routes = {"/a.png": _sends(_image(bomb, b"content-encoding: gzip\r\n"))}

    async def scenario() -> tuple[bytes | BaseException, int]:
        tracemalloc.start()
        try:
            result = await _fetch(routes, "/a.png")
            return result, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    error, peak = run(scenario(), BUDGET_S * 2)
    assert type(error) is ResponseTooLarge
    assert peak < 3 * MAX_IMAGE_BYTES + 2 * MB  # not the 64 MB it inflates to


def test_a_dripping_image_host_runs_into_the_deadline() -> None:
    async def drip(writer: asyncio.StreamWriter) -> None:
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: image/png\r\n"
                     b"content-length: 100000\r\n\r\n")
        for _ in range(100):  # ten seconds at most, a byte every 0.1 s
            writer.write(b"\0")
            await writer.drain()
            await asyncio.sleep(0.1)

    error = run(_fetch({"/a.png": drip}, "/a.png", timeout_s=0.5, deadline_s=1.0), BUDGET_S)
    assert type(error) is RequestTimeout


@pytest.mark.parametrize("status", [404, 500])
def test_an_http_error_is_malformed(status: int) -> None:
    raw = b"HTTP/1.1 %d Nope\r\ncontent-length: 2\r\n\r\nno" % status
    error = run(_fetch({"/a.png": _sends(raw)}, "/a.png"), BUDGET_S)
    assert isinstance(error, MalformedResponse) and error.status_code == status
