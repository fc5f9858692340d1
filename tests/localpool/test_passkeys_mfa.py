"""A passkey as a second factor, in a pool whose ``passkey_second_factor`` setting is on
(docs/passkeys.md, "Second factor"): the second step after a password, a verified passkey
sign-in passing the account's second step, the login history, and the refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import GraphQLError, login_email, register_email
from tests.localpool.test_mfa import call, enrol_totp
from tests.passkeys.pool_calls import ok, passkey_sign_in, register_passkey, v3, webauthn_origin
from tests.passkeys.soft_authenticator import SoftAuthenticator

SECURITY_LEVEL = "/api/v2/users/me/security-level"


@pytest.fixture
def mfa_pool(clocked_pool: Callable[..., RunningPool]) -> RunningPool:
    return clocked_pool(passkey_second_factor=True)


def _challenge(pool: RunningPool, email: str) -> dict[str, Any]:
    with pytest.raises(GraphQLError) as caught:
        login_email(pool, email)
    assert caught.value.code in (1635, 1636), caught.value
    data: dict[str, Any] = caught.value.data
    data["code"] = caught.value.code
    return data


def _verify(pool: RunningPool, mfa_token: str, key: SoftAuthenticator,
            **get_options: Any) -> dict[str, Any]:
    options = ok(v3(pool, "POST", "/mfa-verify/initialize", mfa_token, json={}))
    asserted = key.get(options["publicKey"], webauthn_origin(pool), **get_options)
    return v3(pool, "POST", "/mfa-verify/finalize", mfa_token,
              json={"credential": asserted, "ticket": options["ticket"]})


def test_a_passkey_is_the_second_step_after_a_password(mfa_pool: RunningPool) -> None:
    pool = mfa_pool
    user = register_email(pool)
    assert call(pool, "GET", SECURITY_LEVEL, user["token"])["data"]["mfa"] is False
    key = SoftAuthenticator(supports_uv=False)
    credential = register_passkey(pool, user["token"], key)
    assert call(pool, "GET", SECURITY_LEVEL, user["token"])["data"]["mfa"] is True
    challenge = _challenge(pool, user["email"])
    assert challenge["code"] == 1636 and challenge["passkeyEnabled"] is True
    assert [item["mfaPolicy"] for item in challenge["applicationMfa"]] == ["PASSKEY"]
    options = ok(v3(pool, "POST", "/mfa-verify/initialize", challenge["mfaToken"], json={}))
    assert [item["id"] for item in options["publicKey"]["allowCredentials"]] == [credential]
    done = ok(_verify(pool, challenge["mfaToken"], key))
    assert done["id"] == user["id"] and done["token"]
    newest = ok(v3(pool, "GET", "/api/v3/get-my-login-history", done["token"]))["list"][0]
    assert (newest["loginMethod"], newest["secondFactor"]) == ("loginByEmail", "passkey")
    # The mfaToken is spent.
    again = _verify(pool, challenge["mfaToken"], key)
    assert again["statusCode"] == 401 and again["apiCode"] == 2021


def test_a_wrong_passkey_answer_is_a_wrong_second_factor(mfa_pool: RunningPool) -> None:
    pool = mfa_pool
    user, other = register_email(pool), register_email(pool)
    key, foreign = SoftAuthenticator(), SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    register_passkey(pool, other["token"], foreign)
    mfa_token = _challenge(pool, user["email"])["mfaToken"]
    wrong = _verify(pool, mfa_token, key, rp_id="evil.example")
    assert wrong["statusCode"] == 400 and "RP ID" in wrong["message"], wrong
    options = ok(v3(pool, "POST", "/mfa-verify/initialize", mfa_token, json={}))
    stranger = foreign.get({**options["publicKey"], "allowCredentials": []},
                           webauthn_origin(pool))
    refused = v3(pool, "POST", "/mfa-verify/finalize", mfa_token,
                 json={"credential": stranger, "ticket": options["ticket"]})
    assert refused["statusCode"] == 400 and "not this account" in refused["message"]
    assert ok(_verify(pool, mfa_token, key))["id"] == user["id"]
    history = ok(v3(pool, "GET", "/api/v3/get-my-login-history", user["token"]))["list"]
    assert [(e["secondFactor"], e["success"]) for e in history[:3]] == [
        ("passkey", True), ("passkey", False), ("passkey", False)]


def test_a_verified_passkey_sign_in_passes_the_second_step(mfa_pool: RunningPool) -> None:
    pool = mfa_pool
    user = register_email(pool)
    totp, _ = enrol_totp(pool, user["token"])
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    signed_in = ok(passkey_sign_in(pool, key))
    assert signed_in["verified"] is True
    history = ok(v3(pool, "GET", "/api/v3/get-my-login-history",
                    signed_in["tokenSet"]["id_token"]))["list"]
    assert history[0]["loginMethod"] == "loginByPasskey" and history[0]["success"]
    # Without user verification the key is one factor: the authenticator app is asked for,
    # and the passkey is offered beside it.
    challenged = passkey_sign_in(pool, key, user_verified=False)
    assert challenged["apiCode"] == 1635
    assert [item["mfaPolicy"] for item in challenged["data"]["applicationMfa"]] == [
        "OTP", "PASSKEY"]
    assert pool.clock is not None
    finished = call(pool, "POST", "/api/v2/mfa/totp/verify", challenged["data"]["mfaToken"],
                    json={"totp": totp.at(pool.clock.now())})
    assert finished["code"] == 200, finished


def test_binding_a_passkey_with_an_mfa_token_needs_an_account_without_factors(
        mfa_pool: RunningPool, pool: RunningPool) -> None:
    user = register_email(mfa_pool)
    register_passkey(mfa_pool, user["token"], SoftAuthenticator())
    mfa_token = _challenge(mfa_pool, user["email"])["mfaToken"]
    refused = v3(mfa_pool, "POST", "/mfa-bind/initialize", mfa_token, json={})
    assert refused["statusCode"] == 403 and refused["apiCode"] == 1001
    stray = SoftAuthenticator().create(
        {"challenge": "AAAA", "rp": {"id": "localhost"}, "user": {"id": "dQ"}},
        webauthn_origin(mfa_pool))
    bound = v3(mfa_pool, "POST", "/mfa-bind/finalize", mfa_token, json={"credential": stray})
    assert bound["apiCode"] == 1001
    assert v3(mfa_pool, "POST", "/mfa-bind/initialize", "not-a-token",
              json={})["apiCode"] == 2021
    # In a pool where passkeys are no second factor the routes refuse outright.
    other = register_email(pool)
    totp_token = enrol_and_challenge(pool, other)
    assert v3(pool, "POST", "/mfa-bind/initialize", totp_token, json={})["apiCode"] == 1001


def enrol_and_challenge(pool: RunningPool, user: dict[str, Any]) -> str:
    """Enrol an authenticator app for ``user`` and sign in again: the mfaToken."""
    enrol_totp(pool, user["token"])
    token: str = _challenge(pool, user["email"])["mfaToken"]
    return token


def test_the_setting_as_a_pool_serve_flag(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(demo=False, passkey_second_factor=True)
    user = register_email(pool)
    register_passkey(pool, user["token"], SoftAuthenticator())
    challenge = _challenge(pool, user["email"])
    assert challenge["code"] == 1636 and challenge["passkeyEnabled"] is True
