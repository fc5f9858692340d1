"""Passkeys and the rest of the account (docs/passkeys.md): the "last way in" rule both ways,
the guess limit of passkey sign-in, and a passkey sign-in meeting the account's second factor
in the login history."""

from __future__ import annotations

from collections.abc import Callable

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    REGISTER_PHONE,
    error_code,
    gql,
    register_email,
    send_sms,
    unique_phone,
)
from tests.localpool.test_mfa import call, enrol_totp, next_code
from tests.localpool.test_profile import UNBIND_PHONE
from tests.passkeys.pool_calls import (
    ok,
    passkey_sign_in,
    passkeys_of,
    register_passkey,
    v3,
)
from tests.passkeys.soft_authenticator import SoftAuthenticator


def _phone_user(pool: RunningPool) -> dict:
    phone = unique_phone()
    send_sms(pool, phone)
    user: dict = gql(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": pool.latest_code(phone), "forceLogin": True}})
    return user


def test_the_last_way_in_cannot_be_removed(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = _phone_user(pool)
    token = user["token"]
    assert error_code(pool, UNBIND_PHONE, None, token=token) == 2217
    key = SoftAuthenticator()
    first = register_passkey(pool, token, key)
    # With a passkey the phone is no longer the only way in.
    assert gql(pool, UNBIND_PHONE, None, token=token)["phone"] is None
    refused = v3(pool, "POST", f"/remove-credential/{first}", token, json={})
    assert refused["statusCode"] == 422 and refused["apiCode"] == 2217, refused
    assert "only way to sign in" in refused["message"]
    every = v3(pool, "POST", "/remove-credentials-by-authenticator-code", token, json={})
    assert every["apiCode"] == 2217
    assert len(passkeys_of(pool, token)) == 1
    # The passkey still signs in; with a second one, either may go.
    assert ok(passkey_sign_in(pool, key))["verified"] is True
    second = register_passkey(pool, token, SoftAuthenticator(), authenticatorCode="face")
    assert ok(v3(pool, "POST", "/remove-credentials-by-authenticator-code", token,
                 json={"authenticatorCode": "face"})) == {"success": True}
    assert [item["credentialId"] for item in passkeys_of(pool, token)] == [first]
    assert second not in [item["credentialId"] for item in passkeys_of(pool, token)]
    assert v3(pool, "POST", "/remove-credentials-by-authenticator-code", token,
              json={"authenticatorCode": "thumb"})["statusCode"] == 400


def test_a_password_account_may_remove_all_its_passkeys(pool: RunningPool) -> None:
    user = register_email(pool)
    register_passkey(pool, user["token"], SoftAuthenticator())
    register_passkey(pool, user["token"], SoftAuthenticator())
    assert ok(v3(pool, "POST", "/remove-credentials-by-authenticator-code", user["token"],
                 json={})) == {"success": True}
    assert passkeys_of(pool, user["token"]) == []


def test_failed_passkey_sign_ins_lock_the_account_for_a_while(
        clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(second_factor_lockout_after=3, lockout_seconds=60)
    user = register_email(pool)
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    for _ in range(3):
        refused = passkey_sign_in(pool, key, origin="https://evil.example")
        assert refused["data"] == {"verified": False}, refused
    assert "now locked" in refused["message"]
    locked = passkey_sign_in(pool, key)
    assert locked["statusCode"] == 403 and locked["apiCode"] == 2005, locked
    assert locked["data"]["retryAfter"] > 0
    pool.advance_clock(61)
    assert ok(passkey_sign_in(pool, key))["verified"] is True
    history = ok(v3(pool, "GET", "/api/v3/get-my-login-history", user["token"],
                    params={"limit": 10}))["list"]
    methods = [(entry["loginMethod"], entry["success"]) for entry in history[:5]]
    assert methods == [("loginByPasskey", True)] + [("loginByPasskey", False)] * 4


def test_a_passkey_sign_in_still_meets_the_authenticator_app(pool: RunningPool) -> None:
    # The pool does not count passkeys as a second factor unless its setting says so.
    user = register_email(pool)
    totp, _ = enrol_totp(pool, user["token"])
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    challenged = passkey_sign_in(pool, key)
    assert challenged["apiCode"] == 1635, challenged
    assert challenged["data"]["passkeyEnabled"] is False
    mfa_token = challenged["data"]["mfaToken"]
    assert v3(pool, "POST", "/mfa-verify/initialize", mfa_token)["apiCode"] == 1001
    finished = call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token,
                    json={"totp": next_code(totp)})
    assert finished["code"] == 200 and finished["data"]["id"] == user["id"]
    newest = ok(v3(pool, "GET", "/api/v3/get-my-login-history",
                   finished["data"]["token"]))["list"][0]
    assert (newest["loginMethod"], newest["secondFactor"]) == ("loginByPasskey", "totp")
    # The challenged sign-in still moved the counter: its answer cannot be replayed.
    assert passkeys_of(pool, user["token"])[0]["lastUsedAt"]
