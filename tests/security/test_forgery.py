"""Forgery: a token, form or client credential the pool did not issue to this caller is refused.

The forger here knows a lot: the app secret (the ready line gives it to the app) and the OIDC
signing key (readable from the database by its owner). What keeps them out is that a token
must also be the one the pool recorded for its owner: its jti, its kind and its ``sub``.
"""

from __future__ import annotations

import base64
import sqlite3
import time
from typing import Any

import httpx
import jwt

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import CHECK_STATUS, gql, login_email, register_email, rest
from tests.localpool.hosted_page import open_page, read_form
from tests.localpool.test_mfa import call
from tests.localpool.test_oidc_provider import authorize_url, exchange, get_code, pkce
from tests.security.attacks import mfa_token, mfa_user


def claims_of(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


def resign(pool: RunningPool, token: str, **changes: Any) -> str:
    """``token`` with ``changes`` to its claims, signed with the app secret like a real one."""
    return jwt.encode({**claims_of(token), **changes}, pool.app_secret, "HS256")


def test_my_token_with_another_users_sub_is_refused(pool: RunningPool) -> None:
    mine = register_email(pool)
    victim = register_email(pool)
    forged = resign(pool, mine["token"], sub=victim["id"])
    assert rest(pool, "GET", "/api/v2/users/me", token=forged)["code"] == 2020
    status = gql(pool, CHECK_STATUS, {"token": forged})
    assert status["status"] is False and status["code"] == 2207
    profile = call(pool, "GET", "/api/v3/get-profile", forged)
    assert profile["statusCode"] == 401
    assert rest(pool, "GET", "/api/v2/logout", token=forged)["code"] == 2020
    # Neither account was touched: both tokens still work.
    for user in (mine, victim):
        assert rest(pool, "GET", "/api/v2/users/me", token=user["token"])["data"]["id"] == \
            user["id"]


def test_an_access_token_with_another_users_sub_is_refused(pool: RunningPool) -> None:
    mine = register_email(pool)
    victim = register_email(pool)
    verifier, challenge = pkce()
    code = get_code(pool, mine["email"], code_challenge=challenge,
                    code_challenge_method="S256")["code"]
    access = exchange(pool, code, verifier).json()["access_token"]
    conn = sqlite3.connect(pool.data_dir / "pool.sqlite3")
    try:
        pem = conn.execute("SELECT private_key_pem FROM signing_keys").fetchone()[0]
    finally:
        conn.close()
    forged = jwt.encode({**claims_of(access), "sub": victim["id"]}, pem, "RS256",
                        headers={"kid": jwt.get_unverified_header(access)["kid"]})
    assert httpx.get(f"{pool.url}/oidc/me", timeout=10,
                     headers={"authorization": f"Bearer {forged}"}).status_code == 401
    assert call(pool, "GET", "/api/v3/get-profile", forged)["statusCode"] == 401
    assert httpx.get(f"{pool.url}/oidc/me", timeout=10,
                     headers={"authorization": f"Bearer {access}"}).json()["sub"] == mine["id"]


def test_tokens_of_another_kind_or_key_are_refused(pool: RunningPool) -> None:
    user, _, _ = mfa_user(pool)
    challenge = mfa_token(pool, user["email"])
    login = login_email(pool, register_email(pool)["email"])["token"]
    claims = claims_of(login)
    unsigned = jwt.encode(claims, key="", algorithm="none")
    other_key = jwt.encode(claims, "not-the-app-secret-" * 3, "HS256")
    expired = resign(pool, login, exp=int(time.time()) - 10)
    for token, expected in ((challenge, 2020), (unsigned, 2020), (other_key, 2020),
                            (expired, 2206), ("a.b.c", 2020)):
        assert rest(pool, "GET", "/api/v2/users/me", token=token)["code"] == expected, token
    # A login token does not answer a two-step challenge.
    assert call(pool, "POST", "/api/v2/mfa/totp/verify", login, json={"totp": "123456"})[
        "code"] == 2021


def test_a_forged_or_foreign_csrf_token_is_refused(pool: RunningPool) -> None:
    url = authorize_url(pool)
    with httpx.Client(timeout=10) as browser, httpx.Client(timeout=10) as other:
        form = read_form(open_page(browser, url))
        foreign = read_form(open_page(other, url)).csrf_token
        issued, nonce, _ = form.csrf_token.split(".")
        for token in ("", "x", foreign, f"{issued}.{nonce}.{'0' * 64}",
                      f"{issued}.{nonce}.\u00e9\u00e9", f"\u0661\u0662.{nonce}.ab"):
            answer = browser.post(form.action, data={
                "csrf_token": token, "action": "sign_in", "account": "a", "password": "b"})
            assert answer.status_code == 403, token
            assert "not sent by this page" in answer.text


def test_a_client_secret_that_is_not_the_apps_is_refused(pool: RunningPool) -> None:
    form = {"client_id": pool.app_id, "grant_type": "authorization_code", "code": "x",
            "redirect_uri": "http://127.0.0.1:9/cb"}
    for secret in ("wrong", "\u00e9t\u00e9", pool.app_secret + "\u0663", "\ud7ff"):
        answer = httpx.post(f"{pool.url}/oidc/token", data={**form, "client_secret": secret},
                            timeout=10)
        assert answer.status_code == 401 and answer.json()["error"] == "invalid_client"
        basic = base64.b64encode(f"{pool.app_id}:{secret}".encode()).decode()
        answer = httpx.post(f"{pool.url}/oidc/token", data=form, timeout=10,
                            headers={"authorization": f"Basic {basic}"})
        assert answer.status_code == 401 and answer.json()["error"] == "invalid_client"
