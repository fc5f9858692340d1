"""Faults the pool cannot produce: refused connections, silence, resets, HTML 502s, truncated
and non-Authing JSON. Each must surface as the right exception type, quickly."""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import time
from collections.abc import Awaitable, Callable

import httpx
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingError, MalformedResponse, NetworkError, RequestTimeout
from authing_desktop.api.password_encryption import AUTHING_CLOUD_PUBLIC_KEY
from authing_desktop.api.profile import ConnectionProfile
from authing_desktop.api.transport import CallRecord
from authing_desktop.api.user_messages import user_message_source
from tests.api.support import run

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
FAULT_BUDGET_S = 5.0
USER = {"id": "u1", "token": "tok-1", "username": "alice"}


def _profile(url: str, **overrides: object) -> ConnectionProfile:
    settings: dict[str, object] = {
        "host": url, "user_pool_id": "pool1", "app_id": "app1",
        "public_key": AUTHING_CLOUD_PUBLIC_KEY, "connect_timeout": 1.0, "read_timeout": 0.5,
    }
    settings.update(overrides)
    return ConnectionProfile(**settings)  # type: ignore[arg-type]


async def _read_request(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head + (await reader.readexactly(length) if length else b"")


def _http(status: str, body: bytes, content_type: str, length: int | None = None) -> bytes:
    size = len(body) if length is None else length
    return (f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\n"
            f"content-length: {size}\r\n\r\n").encode() + body


async def _with_raw_server(handler: Handler, call: Callable[[AuthenticationClient],
                                                             Awaitable[object]],
                           **overrides: object) -> BaseException:
    server = await asyncio.start_server(handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with AuthenticationClient(_profile(f"http://127.0.0.1:{port}", **overrides)) \
                as client:
            started = time.monotonic()
            with pytest.raises(Exception) as caught:
                await call(client)
            assert time.monotonic() - started < FAULT_BUDGET_S
            return caught.value
    finally:
        server.close()
        await server.wait_closed()


def _answer(raw: bytes) -> Handler:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(raw)
        await writer.drain()
        writer.close()

    return handler


def _login(client: AuthenticationClient) -> Awaitable[object]:
    return client.login_by_username("alice", "secret-password")


def _users_me(client: AuthenticationClient) -> Awaitable[object]:
    return client.get_current_user("tok-1")


def test_connection_refused_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there

    async def scenario() -> None:
        async with AuthenticationClient(_profile(f"http://127.0.0.1:{port}")) as client:
            with pytest.raises(NetworkError) as caught:
                await _login(client)
        assert not isinstance(caught.value, RequestTimeout)
        assert "secret-password" not in str(caught.value)
        assert user_message_source(caught.value)[1].startswith("Cannot reach the server")

    run(scenario(), timeout=FAULT_BUDGET_S)


@pytest.mark.parametrize("call", [_login, _users_me], ids=["graphql", "rest"])
def test_silent_server_times_out(call: Callable[[AuthenticationClient],
                                                Awaitable[object]]) -> None:
    release = asyncio.Event()

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await release.wait()
        writer.close()

    async def scenario() -> None:
        try:
            error = await _with_raw_server(silent, call)
        finally:
            release.set()
        assert type(error) is RequestTimeout
        assert user_message_source(error)[1].startswith("The server did not answer in time")

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


def test_connection_reset_is_a_network_error() -> None:
    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        sock = writer.get_extra_info("socket")
        # linger 0: close() sends RST instead of FIN
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()

    async def scenario() -> None:
        error = await _with_raw_server(reset, _login)
        assert type(error) is NetworkError

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


def test_body_cut_short_is_a_network_error() -> None:
    body = json.dumps({"code": 200, "message": "", "data": USER}).encode()
    raw = _http("200 OK", body[: len(body) // 2], "application/json", length=len(body))

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), _users_me)
        assert type(error) is NetworkError

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


@pytest.mark.parametrize("call", [_login, _users_me], ids=["graphql", "rest"])
def test_html_502_is_malformed(call: Callable[[AuthenticationClient],
                                              Awaitable[object]]) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
    raw = _http("502 Bad Gateway", page, "text/html")

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), call)
        assert type(error) is MalformedResponse
        assert isinstance(error, MalformedResponse) and error.status_code == 502
        assert "text/html" in str(error)

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


@pytest.mark.parametrize("call", [_login, _users_me], ids=["graphql", "rest"])
def test_truncated_json_is_malformed(call: Callable[[AuthenticationClient],
                                                    Awaitable[object]]) -> None:
    body = json.dumps({"data": {"loginByUsername": USER}, "code": 200}).encode()[:-9]
    raw = _http("200 OK", body, "application/json")

    async def scenario() -> None:
        error = await _with_raw_server(_answer(raw), call)
        assert type(error) is MalformedResponse

    run(scenario(), timeout=FAULT_BUDGET_S * 2)


# ---------------------------------------------------------------- MockTransport


def _mock_client(handler: Callable[[httpx.Request], httpx.Response],
                 token: str | None = None) -> AuthenticationClient:
    return AuthenticationClient(_profile("http://authing.invalid"), token=token,
                                http_transport=httpx.MockTransport(handler))


def test_string_graphql_error_is_malformed_and_does_not_echo_it() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        text = f"Variable '$input' got invalid value {request.content.decode()[:200]}"
        return httpx.Response(400, json={"errors": [{"message": text}], "data": None})

    async def scenario() -> None:
        async with _mock_client(handler) as client:
            with pytest.raises(MalformedResponse) as caught:
                await client.login_by_username("alice", "secret-password")
        assert "invalid value" not in str(caught.value)
        assert client.token is None

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_graphql_error_object_keeps_code_message_and_data() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        error = {"code": 1635, "message": "请完成 MFA 认证", "data": {"mfaToken": "mfa-1"}}
        return httpx.Response(200, json={"errors": [{"message": error}], "data": None})

    async def scenario() -> None:
        async with _mock_client(handler) as client:
            with pytest.raises(AuthingError) as caught:
                await client.login_by_username("alice", "secret-password")
        assert (caught.value.code, caught.value.data) == (1635, {"mfaToken": "mfa-1"})
        assert user_message_source(caught.value) == (
            "AuthingError", "Multi-factor authentication is required.")

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_graphql_answer_without_the_root_field_is_malformed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"somethingElse": 1}})

    async def scenario() -> None:
        async with _mock_client(handler) as client:
            with pytest.raises(MalformedResponse):
                await client.check_password_strength("abc")

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_rest_body_that_is_not_an_envelope_is_malformed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[1, 2, 3])

    async def scenario() -> None:
        async with _mock_client(handler, token="tok-1") as client:
            with pytest.raises(MalformedResponse):
                await client.get_security_level()

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_user_without_id_is_malformed_and_leaves_the_session_alone() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"code": 200, "message": "", "data": {"token": "x"}})

    async def scenario() -> None:
        async with _mock_client(handler, token="tok-1") as client:
            with pytest.raises(MalformedResponse):
                await client.get_current_user()
            assert client.token == "tok-1"

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_transport_exceptions_map_to_api_errors() -> None:
    cases: list[tuple[Exception, type[Exception]]] = [
        (httpx.ConnectError("refused"), NetworkError),
        (httpx.ConnectTimeout("slow"), RequestTimeout),
        (httpx.ReadTimeout("slow"), RequestTimeout),
        (httpx.ReadError("reset"), NetworkError),
        (httpx.RemoteProtocolError("closed"), NetworkError),
    ]

    async def scenario() -> None:
        for raised, expected in cases:
            def handler(request: httpx.Request, raised: Exception = raised) -> httpx.Response:
                raise raised

            async with _mock_client(handler, token="tok-1") as client:
                with pytest.raises(expected) as caught:
                    await client.list_orgs()
                assert type(caught.value) is expected
                assert isinstance(caught.value.__cause__, httpx.HTTPError)

    run(scenario(), timeout=FAULT_BUDGET_S)


def test_observer_sees_failures_and_its_own_errors_do_not_break_calls() -> None:
    seen: list[CallRecord] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="<html>bad gateway</html>",
                              headers={"content-type": "text/html"})

    def observer(record: CallRecord) -> None:
        seen.append(record)
        raise RuntimeError("observer bug")

    async def scenario() -> None:
        async with _mock_client(handler, token="tok-1") as client:
            client.observer = observer
            with pytest.raises(MalformedResponse):
                await client.get_security_level()

    run(scenario(), timeout=FAULT_BUDGET_S)
    assert len(seen) == 1
    record = seen[0]
    assert record.code is None and record.status_code == 502
    assert record.name == "/api/v2/users/me/security-level"
