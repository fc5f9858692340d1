"""Hostile answers the pool cannot produce: oversized bodies, compression bombs, servers that
drip their answer a byte at a time, JSON nested thousands of levels deep. Each must end as one
of the client's own errors, early, without the client holding the whole answer."""

from __future__ import annotations

import asyncio
import gzip
import json
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable

import httpx
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import MalformedResponse, RequestTimeout, ResponseTooLarge
from authing_desktop.api.models import User
from authing_desktop.api.profile import DEFAULT_MAX_RESPONSE_BYTES
from authing_desktop.api.user_messages import user_message_source
from tests.api.support import run
from tests.api.test_faults import (
    FAULT_BUDGET_S,
    USER,
    Handler,
    _http,
    _login,
    _mock_client,
    _profile,
    _read_request,
    _users_me,
    _with_raw_server,
)

Call = Callable[[AuthenticationClient], Awaitable[object]]
MB = 1024 * 1024


def _answer(raw: bytes) -> Handler:
    """Sends ``raw``; the client hanging up half-way is expected (and closes our side too)."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await _read_request(reader)
            writer.write(raw)
            await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()

    return handler


def _envelope(size: int) -> bytes:
    """A valid users/me envelope of ``size`` bytes (a long nickname)."""
    head, tail = b'{"code":200,"message":"","data":{"id":"u1","nickname":"', b'"}}'
    return head + b"a" * (size - len(head) - len(tail)) + tail


def _chunked(body: bytes, piece: int = 64 * 1024) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(body[i:i + piece]), body[i:i + piece])
             for i in range(0, len(body), piece)]
    return (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            b"transfer-encoding: chunked\r\n\r\n" + b"".join(parts) + b"0\r\n\r\n")


def _gzip_bomb(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    body = _envelope(size)
    return b"".join(packer.compress(body[i:i + MB]) for i in range(0, len(body), MB)) \
        + packer.flush()


def test_a_body_over_the_limit_stops_with_the_clients_own_error() -> None:
    # Valid JSON, chunked (no length announced): the client must count while it reads.
    raw = _chunked(_envelope(DEFAULT_MAX_RESPONSE_BYTES + MB))

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), _users_me)
        assert type(error) is ResponseTooLarge
        assert isinstance(error, MalformedResponse) and error.status_code == 200
        assert user_message_source(error)[1].startswith("The server sent far more data")

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


def test_an_announced_oversized_body_is_not_even_read() -> None:
    # The length says 300 MB and the body never comes: refused from the headers alone.
    head = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
            b"content-length: %d\r\n\r\n{" % (300 * MB))

    async def scenario() -> None:
        error = await _with_raw_server(_answer(head), _users_me)
        assert type(error) is ResponseTooLarge

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


def test_a_gzip_bomb_stops_at_the_limit_without_inflating_the_rest() -> None:
    bomb = _gzip_bomb(64 * MB)  # ~64 KB on the wire
    raw = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\n"
           b"content-length: %d\r\n\r\n" % len(bomb)) + bomb

    async def scenario() -> tuple[BaseException, int]:
        tracemalloc.start()
        try:
            error = await _with_raw_server(_answer(raw), _users_me)
            return error, tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    error, peak = run(scenario(), timeout=FAULT_BUDGET_S * 4)
    assert type(error) is ResponseTooLarge
    # The limit and a copy of it, not the 64 MB the bomb inflates to.
    assert peak < 3 * DEFAULT_MAX_RESPONSE_BYTES + 2 * MB


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_answers_within_the_limit_still_decode(encoding: str) -> None:
    body = json.dumps({"code": 200, "message": "", "data": USER}).encode()
    if encoding == "gzip":
        packed = gzip.compress(body)
    elif encoding == "deflate":
        packed = zlib.compress(body)
    else:  # deflate without its zlib wrapper, which some servers send
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        packed = packer.compress(body) + packer.flush()
    name = encoding.removeprefix("raw-").encode()
    raw = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: %s\r\n"
           b"content-length: %d\r\n\r\n" % (name, len(packed))) + packed
    seen: list[bytes] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await _read_request(reader))
        writer.write(raw)
        await writer.drain()
        writer.close()

    async def scenario() -> User:
        server = await asyncio.start_server(handler, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            async with AuthenticationClient(_profile(f"http://127.0.0.1:{port}")) as client:
                return await client.get_current_user("tok-1")
        finally:
            server.close()
            await server.wait_closed()

    user = run(scenario(), timeout=FAULT_BUDGET_S)
    assert user.id == "u1" and user.username == "alice"
    # Only what the client can decode within bounds is asked for.
    assert b"\r\naccept-encoding: gzip, deflate\r\n" in seen[0].lower()


def test_an_encoding_not_asked_for_is_malformed() -> None:
    raw = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: br\r\n"
           b"content-length: 4\r\n\r\nxxxx")

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), _users_me)
        assert type(error) is MalformedResponse

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


@pytest.mark.parametrize("call", [_login, _users_me], ids=["graphql", "rest"])
def test_a_dripping_server_runs_into_the_call_deadline(call: Call) -> None:
    """One byte every 0.1 s keeps restarting the 0.5 s read timeout; the deadline ends it."""
    stop, finished = asyncio.Event(), asyncio.Event()

    async def drip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await _read_request(reader)
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                         b"content-length: 100000\r\n\r\n")
            while not stop.is_set():
                writer.write(b" ")
                await writer.drain()
                await asyncio.sleep(0.1)
        except OSError:
            pass  # the client hung up: what it should do
        finally:
            writer.close()
            finished.set()

    async def scenario() -> None:
        try:
            error = await _with_raw_server(drip, call, call_deadline=1.5)
        finally:
            stop.set()
        await finished.wait()
        assert type(error) is RequestTimeout
        assert "within 1.5 s" in str(error)
        assert user_message_source(error)[1].startswith("The server did not answer in time")

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


def test_the_deadline_is_a_profile_setting_with_a_default() -> None:
    from authing_desktop.api.errors import AuthingArgumentError
    from authing_desktop.api.profile import ConnectionProfile

    assert ConnectionProfile(user_pool_id="p").call_deadline > ConnectionProfile(
        user_pool_id="p").read_timeout
    for bad in ({"call_deadline": 0}, {"call_deadline": True}, {"max_response_bytes": -1},
                {"max_response_bytes": 1.5}):
        with pytest.raises(AuthingArgumentError):
            ConnectionProfile(user_pool_id="p", **bad)  # type: ignore[arg-type]


def _nested(depth: int, inner: bytes = b"1") -> bytes:
    return b'{"code":200,"message":"","data":{"id":"u1","x":' + b"[" * depth + inner \
        + b"]" * depth + b"}}"


@pytest.mark.parametrize("depth", [200, 100_000], ids=["deep", "deeper-than-the-parser"])
@pytest.mark.parametrize("kind", ["graphql", "rest"])
def test_deeply_nested_json_is_malformed_not_a_recursion_error(depth: int, kind: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if kind == "graphql":
            body = b'{"data":{"loginByUsername":' + b"[" * depth + b"]" * depth + b"}}"
        else:
            body = _nested(depth)
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    async def scenario() -> None:
        async with _mock_client(handler, token="tok-1") as client:
            with pytest.raises(MalformedResponse) as caught:
                if kind == "graphql":
                    await client.login_by_username("alice", "secret-password")
                else:
                    await client.get_current_user()
        assert "nested too deeply" in str(caught.value)
        assert not isinstance(caught.value.__cause__, RecursionError)

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_ordinary_nesting_still_parses() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=_nested(20),
                              headers={"content-type": "application/json"})

    async def scenario() -> User:
        async with _mock_client(handler, token="tok-1") as client:
            return await client.get_current_user()

    assert run(scenario(), timeout=FAULT_BUDGET_S).id == "u1"


def test_an_http_error_body_is_bounded_too() -> None:
    page = b"<html>" + b"x" * (DEFAULT_MAX_RESPONSE_BYTES + MB) + b"</html>"
    raw = _http("502 Bad Gateway", page, "text/html")

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), _login)
        assert type(error) is ResponseTooLarge
        assert isinstance(error, ResponseTooLarge) and error.status_code == 502

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


def test_the_browser_sign_in_token_exchange_is_bounded_too() -> None:
    raw = _chunked(b'{"access_token":"' + b"a" * (DEFAULT_MAX_RESPONSE_BYTES + MB) + b'"}')

    def exchange(client: AuthenticationClient) -> Awaitable[object]:
        return client.get_access_token_by_code("code-1", "v" * 43,
                                               redirect_uri="http://127.0.0.1:1/callback")

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), exchange)
        assert type(error) is ResponseTooLarge

    run(scenario(), timeout=FAULT_BUDGET_S * 2)
