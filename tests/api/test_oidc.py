"""Browser-protocol helpers: authorize URLs and PKCE (no request), and the pool-facing
exchange, userinfo, CAS and identity-source calls."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from authing_desktop.api.oidc import generate_code_challenge_digest, generate_code_verifier
from tests.api.support import client_for, profile_for, run
from tests.fixtures.pool import RunningPool

NOT_IMPLEMENTED = (404, 405, 500, 501)


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_pkce_matches_rfc7636_appendix_b() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert generate_code_challenge_digest(verifier) == (
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    assert generate_code_challenge_digest(verifier, "plain") == verifier
    fresh = generate_code_verifier()
    assert len(fresh) == 43 and fresh != generate_code_verifier()
    assert len(generate_code_verifier(128)) == 128
    with pytest.raises(AuthingArgumentError):
        generate_code_verifier(42)
    with pytest.raises(AuthingArgumentError):
        generate_code_challenge_digest("short")


def test_oidc_authorize_url(pool: RunningPool) -> None:
    client = AuthenticationClient(profile_for(pool, redirect_uri="http://127.0.0.1:9/cb"))
    verifier = client.generate_code_verifier()
    url = client.build_authorize_url(
        scope="openid profile offline_access", state="st", nonce="nn",
        code_challenge=client.generate_code_challenge_digest(verifier))
    assert url.startswith(f"{pool.url}/oidc/auth?")
    query = _query(url)
    assert query == {
        "nonce": "nn", "state": "st", "scope": "openid profile offline_access",
        "client_id": pool.app_id, "redirect_uri": "http://127.0.0.1:9/cb",
        "response_type": "code", "prompt": "consent",
        "code_challenge": generate_code_challenge_digest(verifier),
        "code_challenge_method": "S256"}
    plain = _query(client.build_authorize_url())
    assert plain["scope"] == "openid profile email phone address"
    assert len(plain["state"]) >= 16 and plain["state"] != plain["nonce"]
    no_redirect = AuthenticationClient(profile_for(pool))
    assert "redirect_uri" not in _query(no_redirect.build_authorize_url())  # SDK: "None"


def test_other_protocol_urls(pool: RunningPool) -> None:
    oauth = AuthenticationClient(profile_for(pool, protocol="oauth"))
    query = _query(oauth.build_authorize_url(redirect_uri="http://x/cb", response_type="token"))
    assert (query["scope"], query["response_type"], query["client_id"]) == (
        "user", "token", pool.app_id)
    with pytest.raises(AuthingArgumentError):
        oauth.build_authorize_url(response_type="id_token")
    saml = AuthenticationClient(profile_for(pool, protocol="saml"))
    assert saml.build_authorize_url() == f"{pool.url}/api/v2/saml-idp/{pool.app_id}"
    cas = AuthenticationClient(profile_for(pool, protocol="cas"))
    assert cas.build_authorize_url(service="http://s/a b") == (
        f"{pool.url}/cas-idp/{pool.app_id}?service=http%3A%2F%2Fs%2Fa+b")
    assert cas.build_authorize_url() == f"{pool.url}/cas-idp/{pool.app_id}?service"


def test_code_exchange_needs_a_redirect_uri(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingArgumentError):
                await client.get_access_token_by_code("code")

    run(scenario())


def test_code_exchange_and_userinfo_errors(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool, redirect_uri="http://127.0.0.1:9/cb") as client:
            with pytest.raises(AuthingError) as caught:
                await client.get_access_token_by_code("bogus-code", generate_code_verifier())
            assert caught.value.code not in NOT_IMPLEMENTED
            with pytest.raises(AuthingError) as caught:
                await client.get_user_info_by_access_token("bogus-access-token")
            assert caught.value.code not in NOT_IMPLEMENTED

    run(scenario())


def test_cas_ticket_and_session(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            answer = await client.validate_ticket_v2("ST-bogus", "http://127.0.0.1:9/app")
            assert isinstance(answer, dict) and answer
            session = await client.track_session()
            assert session.get("session") is None

    run(scenario())


@pytest.mark.parametrize("method", ["login_by_ldap", "login_by_ad", "login_by_sub_account"])
def test_identity_source_logins_reject_bad_credentials(pool: RunningPool, method: str) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                extra = {"client_ip": "10.7.7.7"} if method == "login_by_sub_account" else {}
                await getattr(client, method)("nobody", "wrong-password", **extra)
            # the demo pool has no LDAP/AD source: it says so in an envelope (404 there)
            assert caught.value.message and not caught.value.message.startswith("no route")
            assert client.token is None

    run(scenario())


def test_wechat_login_rejects_a_bad_code(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.wechat_login("bogus code&x=1", state="s t")
            assert caught.value.code not in NOT_IMPLEMENTED
            assert client.token is None

    run(scenario())
