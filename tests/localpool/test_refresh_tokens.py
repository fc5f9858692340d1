"""OIDC refresh tokens over loopback HTTP: issued only with ``offline_access``, single-use
with rotation, a replay revokes the whole sign-in, sign-out (logout, session end, revocation,
ending every session) revokes them, wrong guesses are limited, and they expire by the pool's
clock."""

from __future__ import annotations

from typing import Any

import httpx
import jwt
import pytest

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import PASSWORD, encrypt, gql, login_email, register_email, rest
from tests.localpool.test_oidc_provider import (
    basic,
    exchange,
    get_code,
    pkce,
    token_call,
)

OFFLINE = "openid profile email offline_access"
DAY = 86_400


def signed_in(pool: RunningPool, email: str, scope: str = OFFLINE) -> dict[str, Any]:
    """A browser sign-in of ``email`` (public client with PKCE); the token answer."""
    verifier, challenge = pkce()
    code = get_code(pool, email, scope=scope, code_challenge=challenge,
                    code_challenge_method="S256", nonce="n-1")["code"]
    answer = exchange(pool, code, verifier)
    assert answer.status_code == 200, answer.text
    tokens: dict[str, Any] = answer.json()
    return tokens


def refresh(pool: RunningPool, token: str, **extra: str) -> httpx.Response:
    return token_call(pool, client_id=pool.app_id, grant_type="refresh_token",
                      refresh_token=token, **extra)


def refreshed(pool: RunningPool, token: str, **extra: str) -> dict[str, Any]:
    answer = refresh(pool, token, **extra)
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-store"
    tokens: dict[str, Any] = answer.json()
    return tokens


def refused(pool: RunningPool, token: str) -> str:
    answer = refresh(pool, token)
    assert answer.status_code == 400, answer.text
    error: str = answer.json()["error"]
    return error


def me_code(pool: RunningPool, token: str) -> int:
    code: int = rest(pool, "GET", "/api/v2/users/me", token=token)["code"]
    return code


def active(pool: RunningPool, access_token: str) -> bool:
    answer = httpx.post(f"{pool.url}/oidc/token/introspection", timeout=10, data={
        "client_id": pool.app_id, "client_secret": pool.app_secret, "token": access_token})
    result: bool = answer.json()["active"]
    return result


def test_only_offline_access_brings_a_refresh_token(pool: RunningPool) -> None:
    user = register_email(pool)
    assert "refresh_token" not in signed_in(pool, user["email"], "openid profile email")
    tokens = signed_in(pool, user["email"])
    assert tokens["scope"] == OFFLINE
    assert len(tokens["refresh_token"]) > 64 and "." not in tokens["refresh_token"]
    meta = httpx.get(f"{pool.url}/oidc/.well-known/openid-configuration", timeout=10).json()
    assert "refresh_token" in meta["grant_types_supported"]


def test_refresh_rotates_and_a_replay_revokes_the_sign_in(pool: RunningPool) -> None:
    user = register_email(pool)
    first = signed_in(pool, user["email"])
    second = refreshed(pool, first["refresh_token"])
    assert second["refresh_token"] != first["refresh_token"]
    assert second["token_type"] == "Bearer" and second["expires_in"] == 3600
    assert second["scope"] == OFFLINE
    claims = jwt.decode(second["id_token"], pool.app_secret, algorithms=["HS256"],
                        audience=pool.app_id)
    original = jwt.decode(first["id_token"], pool.app_secret, algorithms=["HS256"],
                          audience=pool.app_id)
    assert claims["sub"] == user["id"] and claims["azp"] == pool.app_id
    assert claims["auth_time"] == original["auth_time"] and "nonce" not in claims
    assert me_code(pool, second["id_token"]) == 200 and active(pool, second["access_token"])
    third = refreshed(pool, second["refresh_token"])
    assert me_code(pool, third["id_token"]) == 200

    # the spent token again: refused, and the whole sign-in goes with it
    replay = refresh(pool, first["refresh_token"])
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    assert "already used" in replay.json()["error_description"]
    assert refused(pool, third["refresh_token"]) == "invalid_grant"
    for tokens in (first, second, third):
        assert me_code(pool, tokens["id_token"]) == 2020
        assert not active(pool, tokens["access_token"])
    # another sign-in of the same user is not touched
    other = signed_in(pool, user["email"])
    assert me_code(pool, refreshed(pool, other["refresh_token"])["id_token"]) == 200


def test_scope_may_narrow_but_never_widen(pool: RunningPool) -> None:
    user = register_email(pool)
    tokens = signed_in(pool, user["email"])
    wider = refresh(pool, tokens["refresh_token"], scope="openid phone")
    assert wider.status_code == 400 and wider.json()["error"] == "invalid_scope"
    narrow = refreshed(pool, tokens["refresh_token"], scope="email openid")  # not spent above
    assert narrow["scope"] == "openid email"
    claims = jwt.decode(narrow["access_token"], options={"verify_signature": False})
    assert claims["scope"] == "openid email"
    # the grant keeps its scope: the next refresh without one gets all of it again
    assert refreshed(pool, narrow["refresh_token"])["scope"] == OFFLINE


def test_client_rules(pool: RunningPool) -> None:
    user = register_email(pool)
    tokens = signed_in(pool, user["email"])
    wrong = token_call(pool, client_id="someone-else", grant_type="refresh_token",
                       refresh_token=tokens["refresh_token"])
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    secret = token_call(pool, client_id=pool.app_id, client_secret="wrong",
                        grant_type="refresh_token", refresh_token=tokens["refresh_token"])
    assert secret.status_code == 401
    # a confidential client (Basic) may refresh what the public client was given
    answer = httpx.post(f"{pool.url}/oidc/token", headers=basic(pool), timeout=10, data={
        "grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]})
    assert answer.status_code == 200 and answer.json()["refresh_token"]
    for bad in ("", "x", "0" * 32, "g" * 80, tokens["id_token"], "0" * 32 + "é" * 40):
        assert refused(pool, bad) == "invalid_grant", bad


@pytest.mark.parametrize("how", ["logout", "session_end", "revoke_refresh", "revoke_id_token",
                                 "after_graphql_refresh"])
def test_sign_out_revokes_the_refresh_token(pool: RunningPool, how: str) -> None:
    user = register_email(pool)
    tokens = signed_in(pool, user["email"])
    id_token = tokens["id_token"]
    secret = {"client_id": pool.app_id, "client_secret": pool.app_secret}
    if how == "after_graphql_refresh":  # the app's own refresh keeps the sign-in together
        id_token = gql(pool, "mutation refreshToken { refreshToken { token } }",
                       token=id_token)["token"]
        how = "logout"
    if how == "logout":
        assert rest(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}",
                    token=id_token)["code"] == 200
    elif how == "session_end":
        httpx.get(f"{pool.url}/oidc/session/end", params={"id_token_hint": id_token},
                  timeout=10).raise_for_status()
    else:
        token = tokens["refresh_token"] if how == "revoke_refresh" else id_token
        answer = httpx.post(f"{pool.url}/oidc/token/revocation", timeout=10,
                            data={**secret, "token": token})
        assert answer.status_code == 200 and answer.json() == {}
    assert refused(pool, tokens["refresh_token"]) == "invalid_grant"
    assert me_code(pool, id_token) == 2020 and not active(pool, tokens["access_token"])


def test_ending_every_session_revokes_other_sign_ins_but_the_callers(pool: RunningPool) -> None:
    user = register_email(pool)
    browser = signed_in(pool, user["email"])
    own = signed_in(pool, user["email"])
    new_password = "N3w-password"
    gql(pool, "mutation updatePassword($newPassword: String!, $oldPassword: String) {"
              " updatePassword(newPassword: $newPassword, oldPassword: $oldPassword) { id } }",
        {"newPassword": encrypt(pool, new_password), "oldPassword": encrypt(pool, PASSWORD)},
        token=own["id_token"])
    assert refused(pool, browser["refresh_token"]) == "invalid_grant"
    assert me_code(pool, refreshed(pool, own["refresh_token"])["id_token"]) == 200
    api = login_email(pool, user["email"], password=new_password)
    assert rest(pool, "GET", "/api/v2/logout?only_self=false", token=api["token"])["code"] == 200
    assert refused(pool, own["refresh_token"]) == "invalid_grant"


def test_wrong_secrets_are_limited_per_sign_in(pool: RunningPool) -> None:
    user = register_email(pool)
    tokens = signed_in(pool, user["email"])
    token = tokens["refresh_token"]
    token_id = token[:32]
    for attempt in range(5):  # max_code_attempts
        guess = token_id + ("A" if attempt % 2 else "B") * (len(token) - 32)
        assert refused(pool, guess) == "invalid_grant"
    # the limit reached, the sign-in is revoked: even the right token is refused now
    assert refused(pool, token) == "invalid_grant"
    assert me_code(pool, tokens["id_token"]) == 2020
    # fewer wrong guesses leave another sign-in working
    other = signed_in(pool, user["email"])
    assert refused(pool, other["refresh_token"][:32] + "C" * 43) == "invalid_grant"
    assert refreshed(pool, other["refresh_token"])["refresh_token"]


def test_refresh_renews_an_expired_session_until_the_refresh_token_expires(
        make_pool: Any) -> None:
    pool: RunningPool = make_pool()
    user = register_email(pool)
    tokens = signed_in(pool, user["email"])
    pool.advance_clock(15 * DAY)  # the id_token (14 days) has expired
    assert me_code(pool, tokens["id_token"]) == 2206
    renewed = refreshed(pool, tokens["refresh_token"])
    assert me_code(pool, renewed["id_token"]) == 200
    pool.advance_clock(30 * DAY + 1)  # and now the refresh token too
    assert refused(pool, renewed["refresh_token"]) == "invalid_grant"
