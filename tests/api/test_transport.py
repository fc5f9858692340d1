"""Transport behaviour seen on the wire (through a recording proxy in front of the pool):
headers, one POST per GraphQL call, keep-alive, variables omission, the observer, and the
password key sources."""

from __future__ import annotations

import base64
import json

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from authing_desktop import __version__
from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.profile import ConnectionProfile
from authing_desktop.api.transport import CallRecord
from tests.api.recorder import recording_proxy
from tests.api.support import client_for, profile_for, run
from tests.api.test_authentication import DEMO_PASSWORD, PASSWORD
from tests.fixtures.pool import RunningPool, unique


def test_headers_single_post_and_keep_alive(pool: RunningPool) -> None:
    with recording_proxy(pool.url) as proxy:
        async def scenario() -> None:
            async with AuthenticationClient(profile_for(pool, host=proxy.url)) as client:
                await client.login_by_username("demo", DEMO_PASSWORD)
                await client.get_current_user()
                await client.get_security_level()
                await client.refresh_token()
                client.lang = "en-US"
                await client.check_login_status()

        run(scenario())
        records = proxy.snapshot()
        assert [(r.method, r.path) for r in records] == [
            ("POST", "/graphql/v2"), ("GET", "/api/v2/users/me"),
            ("GET", "/api/v2/users/me/security-level"), ("POST", "/graphql/v2"),
            ("POST", "/graphql/v2")]
        assert proxy.connections == 1  # keep-alive: one connection for five calls
        for record in records:
            assert record.headers["x-authing-userpool-id"] == pool.user_pool_id
            assert record.headers["x-authing-app-id"] == pool.app_id
            assert record.headers["x-authing-request-from"] == "sdk"
            assert record.headers["x-authing-sdk-version"] == f"authing-desktop:{__version__}"
        assert [r.headers["x-authing-lang"] for r in records] == ["zh-CN"] * 4 + ["en-US"]
        login, me, level, refresh, status = records
        assert "authorization" not in login.headers
        assert "IntrospectionQuery" not in login.body.decode()
        token_header = me.headers["authorization"]
        assert token_header.startswith("Bearer ") and level.headers["authorization"] == token_header
        assert refresh.json() == {"query": refresh.json()["query"]}  # no "variables" key
        assert "mutation refreshToken" in refresh.json()["query"]
        assert "authorization" not in status.headers  # the token travels as a variable
        assert status.json()["variables"]["token"] != token_header.split()[1]  # refreshed


def test_variables_key_omitted_for_unbind(pool: RunningPool) -> None:
    with recording_proxy(pool.url) as proxy:
        async def scenario() -> None:
            async with AuthenticationClient(profile_for(pool, host=proxy.url)) as client:
                await client.register_by_username(unique("v"), PASSWORD, force_login=True)
                proxy.clear()
                with pytest.raises(Exception):  # noqa: B017 - only the wire matters here
                    await client.unbind_email()

        run(scenario())
        (record,) = proxy.snapshot()
        assert set(record.json()) == {"query"}


def test_observer_gets_every_call_with_outcome(pool: RunningPool) -> None:
    seen: list[CallRecord] = []

    async def scenario() -> None:
        async with client_for(pool) as client:
            username = unique("obs")
            await client.register_by_username(username, PASSWORD)
            client.observer = seen.append
            await client.login_by_username(username, PASSWORD)
            with pytest.raises(Exception):  # noqa: B017
                await client.login_by_username(username, "wrong-password", client_ip="10.1.1.1")
            await client.list_applications(page=1, limit=2)

    run(scenario())
    ok, failed, apps = seen
    assert (ok.kind, ok.name, ok.code, ok.status_code) == ("graphql", "loginByUsername", 200, 200)
    assert ok.variables is not None and ok.variables["input"]["username"].startswith("obs")
    assert ok.response["data"]["loginByUsername"]["username"] == ok.variables["input"]["username"]
    assert ok.duration > 0
    assert failed.code == 2333 and failed.message
    assert (apps.kind, apps.name, apps.method) == (
        "rest", "/api/v2/users/me/applications/allowed", "GET")
    assert apps.variables == {"page": "1", "limit": "2"} and apps.code == 200


def test_public_key_from_well_known_fetched_once(pool: RunningPool) -> None:
    with recording_proxy(pool.url) as proxy:
        async def scenario() -> None:
            profile = profile_for(pool, host=proxy.url, public_key=None)
            async with AuthenticationClient(profile) as client:
                await client.login_by_username("demo", DEMO_PASSWORD)
                await client.login_by_email("demo@example.com", DEMO_PASSWORD)
                assert client.password_encryptor.source == "well-known"

        run(scenario())
        paths = [r.path for r in proxy.snapshot()]
        assert paths == ["/api/v2/.well-known", "/graphql/v2", "/graphql/v2"]


def test_password_is_rsa_pkcs1v15_base64_with_the_configured_key() -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)["variables"]["input"]["password"]
        seen.append(private.decrypt(base64.b64decode(sent), padding.PKCS1v15()).decode())
        user = {"id": "u1", "token": "t1", "username": "alice"}
        return httpx.Response(200, json={"data": {"loginByUsername": user}})

    async def scenario() -> None:
        profile = ConnectionProfile(host="http://authing.invalid", app_id="a", public_key=pem)
        async with AuthenticationClient(
                profile, http_transport=httpx.MockTransport(handler)) as client:
            await client.login_by_username("alice", "pässwörd")
            await client.login_by_username("alice", "pässwörd")

    run(scenario())
    assert seen == ["pässwörd", "pässwörd"]


def test_cloud_key_when_the_host_publishes_none() -> None:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/.well-known":
            return httpx.Response(404, json={"code": 404, "message": "not found"})
        sent.append(json.loads(request.content)["variables"]["input"]["password"])
        return httpx.Response(200, json={"data": {"loginByUsername": {"id": "u", "token": "t"}}})

    async def scenario() -> None:
        profile = ConnectionProfile(host="http://authing.invalid", user_pool_id="p")
        async with AuthenticationClient(
                profile, http_transport=httpx.MockTransport(handler)) as client:
            await client.login_by_username("alice", "secret")
            assert client.password_encryptor.source == "default"

    run(scenario())
    assert len(base64.b64decode(sent[0])) == 128  # the 1024-bit cloud key


def test_profile_validation() -> None:
    from authing_desktop.api.errors import AuthingArgumentError

    with pytest.raises(AuthingArgumentError):
        ConnectionProfile(host="http://x")  # neither pool id nor app id
    with pytest.raises(AuthingArgumentError):
        ConnectionProfile(host="ftp://x", app_id="a")
    with pytest.raises(AuthingArgumentError):
        ConnectionProfile(host="http://x", app_id="a", read_timeout=0)
    with pytest.raises(AuthingArgumentError):
        ConnectionProfile(host="http://x", app_id="a", public_key="not a pem")
    profile = ConnectionProfile(host="https://pool.example.com/", app_id="a")
    assert profile.host == "https://pool.example.com"
    assert profile.ad_host == "https://ws.example.com"
    assert ConnectionProfile(host="http://127.0.0.1:5000", app_id="a").ad_host == (
        "http://127.0.0.1:5000")
