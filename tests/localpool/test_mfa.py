"""v2 MFA of the local pool (beyond-v2 spec 6): TOTP enrolment with real RFC 6238 codes, the
1635 / 1636 challenge on every login path, completion by TOTP, recovery code, SMS and email,
the per-challenge attempt cap, and the security level counting MFA."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import httpx
import pyotp
import pytest

from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    LOGIN_PHONE_CODE,
    LOGIN_PHONE_PASSWORD,
    LOGIN_USERNAME,
    PASSWORD,
    GraphQLError,
    encrypt,
    gql,
    login_email,
    register_email,
    rest,
    unique_email,
    unique_phone,
)

LOGIN_SUB_ACCOUNT = (
    "mutation loginBySubAccount($account: String!, $password: String!) {"
    " loginBySubAccount(account: $account, password: $password) { id token } }")
UPDATE_USER = "mutation updateUser($input: UpdateUserInput!) { updateUser(input: $input) { id } }"
BIND_PHONE = ("mutation bindPhone($phone: String!, $phoneCode: String!) {"
              " bindPhone(phone: $phone, phoneCode: $phoneCode) { id phone } }")


def call(pool: RunningPool, method: str, path: str, token: str | None = None, *,
         bare: bool = False, **kwargs: Any) -> dict[str, Any]:
    """A JSON call with ``Bearer <token>`` (or the bare token)."""
    headers = dict(kwargs.pop("headers", {}))
    if token:
        headers["authorization"] = token if bare else f"Bearer {token}"
    response = httpx.request(method, f"{pool.url}{path}", headers=headers, timeout=30, **kwargs)
    body: dict[str, Any] = response.json()
    return body


def enrol_totp(pool: RunningPool, token: str) -> tuple[pyotp.TOTP, str]:
    """Associate and confirm a TOTP authenticator: (the authenticator, its recovery code)."""
    started = call(pool, "POST", "/api/v2/mfa/totp/associate", token,
                   json={"authenticator_type": "totp", "source": "SELF"})
    assert started["code"] == 200, started
    totp = pyotp.TOTP(started["data"]["secret"])
    confirmed = call(pool, "POST", "/api/v2/mfa/totp/associate/confirm", token,
                     json={"authenticatorType": "totp", "totp": totp.now(), "source": "SELF"})
    assert confirmed["code"] == 200, confirmed
    return totp, started["data"]["recovery_code"]


def challenge_of(fn: Callable[[], Any]) -> GraphQLError:
    """The Authing error a login raises (fails when it signs in)."""
    with pytest.raises(GraphQLError) as caught:
        fn()
    return caught.value


def next_code(totp: pyotp.TOTP) -> str:
    """A code of the next time step (the current one may be spent: codes are single-use)."""
    return totp.at(time.time() + 30)


def test_totp_enrolment_and_sign_in_with_a_computed_code(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    started = call(pool, "POST", "/api/v2/mfa/totp/associate", token, bare=True,
                   json={"authenticator_type": "totp", "source": "SELF"})["data"]
    assert re.fullmatch(r"[A-Z2-7]{32}", started["secret"])
    assert started["qrcode_uri"].startswith("otpauth://totp/")
    assert f"secret={started['secret']}" in started["qrcode_uri"]
    assert started["qrcode_data_url"].startswith("data:image/png;base64,")
    assert re.fullmatch(r"([0-9a-f]{4}-){5}[0-9a-f]{4}", started["recovery_code"])
    listed = call(pool, "GET", "/api/v2/mfa/authenticator?type=totp&source=SELF", token)
    assert listed == {"code": 200, "message": "", "data": []}  # pending is not listed

    totp = pyotp.TOTP(started["secret"])
    wrong = call(pool, "POST", "/api/v2/mfa/totp/associate/confirm", token,
                 json={"authenticator_type": "totp", "totp": "000000", "source": "SELF"})
    if wrong["code"] == 200:  # one in a million: 000000 was the right code
        pytest.skip("000000 happened to be the current code")
    assert wrong["code"] == 400
    confirmed = call(pool, "POST", "/api/v2/mfa/totp/associate/confirm", token,
                     json={"authenticator_type": "totp", "totp": totp.now(), "source": "SELF"})
    assert confirmed["code"] == 200
    listed = call(pool, "GET", "/api/v2/mfa/authenticator?type=totp&source=SELF", token)["data"]
    assert len(listed) == 1 and listed[0]["enable"] is True
    assert listed[0]["secret"] is None and listed[0]["recoveryCode"] is None

    error = challenge_of(lambda: login_email(pool, user["email"]))
    assert error.code == 1635
    data = error.data
    assert data["totpMfaEnabled"] is True and data["email"] == user["email"]
    mfa_token = data["mfaToken"]
    assert call(pool, "GET", "/api/v2/users/me", mfa_token)["code"] == 2020  # not a login token

    assert call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token,
                json={"totp": "12345"})["code"] == 6001
    assert call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token,
                json={})["code"] == 6003
    used = totp.now()
    signed_in = call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token, bare=True,
                     json={"totp": used})
    assert signed_in["code"] == 200, signed_in
    assert signed_in["data"]["id"] == user["id"] and signed_in["data"]["token"]
    me = call(pool, "GET", "/api/v2/users/me", signed_in["data"]["token"])
    assert me["code"] == 200 and me["data"]["id"] == user["id"]
    # The challenge is spent, and the same code cannot be replayed on a new one. The code
    # replayed is the one used, not now()'s: a new 30 s step may have begun since.
    assert call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token,
                json={"totp": used})["code"] == 2021
    again = challenge_of(lambda: login_email(pool, user["email"])).data["mfaToken"]
    assert call(pool, "POST", "/api/v2/applications/mfa/totp/verify", again,
                json={"totp": used})["code"] == 6001
    assert call(pool, "POST", "/api/v2/applications/mfa/totp/verify", again,
                json={"totp": next_code(totp)})["code"] == 200


def test_recovery_code_signs_in_once_and_is_replaced(pool: RunningPool) -> None:
    user = register_email(pool)
    _, recovery = enrol_totp(pool, user["token"])
    mfa_token = challenge_of(lambda: login_email(pool, user["email"])).data["mfaToken"]
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                json={"recoveryCode": "0000-0000-0000-0000-0000-0000"})["code"] == 6002
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token, json={})["code"] == 6004
    answer = call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                  json={"recoveryCode": recovery})
    assert answer["code"] == 200 and answer["data"]["token"]
    fresh = answer["recoveryCode"]  # a sibling of data (spec 6.2f)
    assert fresh != recovery and "recoveryCode" not in answer["data"]

    mfa_token = challenge_of(lambda: login_email(pool, user["email"])).data["mfaToken"]
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                json={"recoveryCode": recovery})["code"] == 6002
    answer = call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                  json={"recoveryCode": fresh.upper()})
    assert answer["code"] == 200 and answer["recoveryCode"] not in (fresh, recovery)


def test_a_challenge_dies_after_five_wrong_codes(pool: RunningPool) -> None:
    user = register_email(pool)
    totp, _ = enrol_totp(pool, user["token"])
    mfa_token = challenge_of(lambda: login_email(pool, user["email"])).data["mfaToken"]
    right = {totp.at(time.time() + offset) for offset in (-30, 0, 30)}
    wrong = next(f"{n:06d}" for n in range(1, 100) if f"{n:06d}" not in right)
    for _ in range(5):
        assert call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token,
                    json={"totp": wrong})["code"] == 6001
    assert call(pool, "POST", "/api/v2/mfa/totp/verify", mfa_token,
                json={"totp": totp.now()})["code"] == 2021
    login = call(pool, "POST", "/api/v2/mfa/totp/verify", user["token"],
                 json={"totp": totp.now()})
    assert login["code"] == 2021  # a login token is not an mfaToken either


def test_challenge_on_email_username_phone_password_and_phone_code(
        fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    token = user["token"]
    username = unique("mfa")
    gql(pool, UPDATE_USER, {"input": {"username": username}}, token)
    phone = unique_phone()
    rest(pool, "POST", "/api/v2/sms/send", json={"phone": phone})
    gql(pool, BIND_PHONE, {"phone": phone, "phoneCode": pool.latest_code(phone)}, token)
    totp, _ = enrol_totp(pool, token)

    logins: dict[str, Callable[[], Any]] = {
        "loginByEmail": lambda: login_email(pool, user["email"]),
        "loginByUsername": lambda: gql(pool, LOGIN_USERNAME, {"input": {
            "username": username, "password": encrypt(pool, PASSWORD)}}),
        "loginByPhonePassword": lambda: gql(pool, LOGIN_PHONE_PASSWORD, {"input": {
            "phone": phone, "password": encrypt(pool, PASSWORD)}}),
    }
    for method, login in logins.items():
        error = challenge_of(login)
        assert error.code == 1635, method
        assert error.data["phone"] == phone and error.data["username"] == username
    rest(pool, "POST", "/api/v2/sms/send", json={"phone": phone})
    error = challenge_of(lambda: gql(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": pool.latest_code(phone)}}))
    assert error.code == 1635
    answer = call(pool, "POST", "/api/v2/mfa/totp/verify", error.data["mfaToken"],
                  json={"totp": totp.now()})
    assert answer["code"] == 200 and answer["data"]["phone"] == phone

    history = call(pool, "GET", "/api/v3/get-my-login-history?limit=50",
                   answer["data"]["token"])["data"]["list"]
    challenged = [item["loginMethod"] for item in history if item["code"] == 1635]
    assert set(challenged) == {"loginByEmail", "loginByUsername", "loginByPhonePassword",
                               "loginByPhoneCode"}
    latest = history[0]
    assert latest["success"] is True and latest["loginMethod"] == "loginByPhoneCode"
    assert latest["secondFactor"] == "totp"


def test_challenge_on_sub_account_login_and_totp_removal(
        make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool()  # a pristine demo pool: the demo sub-account is shared otherwise
    variables = {"account": "demo-sub", "password": encrypt(pool, "passw0rd")}
    token = gql(pool, LOGIN_SUB_ACCOUNT, variables)["token"]
    totp, _ = enrol_totp(pool, token)
    error = challenge_of(lambda: gql(pool, LOGIN_SUB_ACCOUNT, variables))
    assert error.code == 1635 and error.data["username"] == "demo-sub"
    answer = call(pool, "POST", "/api/v2/mfa/totp/verify", error.data["mfaToken"],
                  json={"totp": totp.now()})
    assert answer["code"] == 200
    removed = call(pool, "DELETE", "/api/v2/mfa/totp/associate", answer["data"]["token"])
    assert removed["code"] == 200
    assert gql(pool, LOGIN_SUB_ACCOUNT, variables)["token"]  # no challenge any more
    assert call(pool, "DELETE", "/api/v2/mfa/totp/associate", token)["code"] == 404


def _enrol_target(pool: RunningPool, token: str, factor: str, profile: dict[str, str],
                  target: str) -> None:
    started = call(pool, "POST", "/api/v3/send-enroll-factor-request", token,
                   json={"factorType": factor, "profile": profile})
    assert started["statusCode"] == 200, started
    enrolled = call(pool, "POST", "/api/v3/enroll-factor", token, json={
        "factorType": factor, "enrollmentToken": started["data"]["enrollmentToken"],
        "enrollmentData": {"passCode": pool.latest_code(target)}})
    assert enrolled["statusCode"] == 200, enrolled


def test_sms_second_factor(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    phone = unique_phone()
    _enrol_target(pool, user["token"], "SMS", {"phoneNumber": phone}, phone)
    factors = call(pool, "GET", "/api/v3/list-enrolled-factors", user["token"])["data"]
    assert [(f["factorType"], f["profile"]) for f in factors] == [("SMS", {"phoneNumber": phone})]

    error = challenge_of(lambda: login_email(pool, user["email"]))
    assert error.code == 1636
    assert error.data["mfaPhone"] == phone and error.data["totpMfaEnabled"] is False
    assert [m["mfaPolicy"] for m in error.data["applicationMfa"]] == ["SMS"]
    mfa_token = error.data["mfaToken"]
    sent = call(pool, "POST", "/api/v3/send-sms",
                json={"phoneNumber": phone, "channel": "CHANNEL_VERIFY_MFA"})
    assert sent["statusCode"] == 200
    code = pool.latest_code(phone, "CHANNEL_VERIFY_MFA")
    other = unique_phone()
    assert call(pool, "POST", "/api/v2/applications/mfa/sms/verify", mfa_token,
                json={"phone": other, "code": code})["code"] == 2001
    wrong = "000000" if code != "000000" else "111111"
    assert call(pool, "POST", "/api/v2/applications/mfa/sms/verify", mfa_token,
                json={"phone": phone, "code": wrong})["code"] == 2001
    answer = call(pool, "POST", "/api/v2/applications/mfa/sms/verify", mfa_token,
                  json={"phone": phone, "code": code})
    assert answer["code"] == 200 and answer["data"]["id"] == user["id"]
    fresh = challenge_of(lambda: login_email(pool, user["email"])).data["mfaToken"]
    assert call(pool, "POST", "/api/v2/applications/mfa/check", fresh,
                json={"phone": other}) == {"code": 200, "message": "", "data": True}
    # An mfaToken cannot add a factor to an account that has one.
    assert call(pool, "POST", "/api/v2/mfa/totp/associate", fresh,
                json={"authenticator_type": "totp"})["code"] == 1001


def test_email_second_factor_and_reset_factor(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    mfa_email = unique_email()
    _enrol_target(pool, user["token"], "EMAIL", {"email": mfa_email}, mfa_email)
    error = challenge_of(lambda: login_email(pool, user["email"]))
    assert error.code == 1636 and error.data["mfaEmail"] == mfa_email
    sent = call(pool, "POST", "/api/v2/email/send",
                json={"email": mfa_email, "scene": "MFA_VERIFY_CODE"})
    assert sent["code"] == 200
    answer = call(pool, "POST", "/api/v2/applications/mfa/email/verify",
                  error.data["mfaToken"],
                  json={"email": mfa_email.upper(), "code": pool.latest_code(mfa_email)})
    assert answer["code"] == 200 and answer["data"]["token"]
    token = answer["data"]["token"]
    factor = call(pool, "GET", "/api/v3/list-enrolled-factors", token)["data"][0]
    assert call(pool, "GET", "/api/v3/list-factors-to-enroll", token)["data"] == [
        {"factorType": "OTP"}, {"factorType": "SMS"}]
    reset = call(pool, "POST", "/api/v3/reset-factor", token,
                 json={"factorId": factor["factorId"]})
    assert reset["statusCode"] == 200 and "data" not in reset
    assert login_email(pool, user["email"])["token"]
    missing = call(pool, "POST", "/api/v3/reset-factor", token,
                   json={"factorId": factor["factorId"]})
    assert missing["statusCode"] == 404


def test_security_level_counts_mfa(pool: RunningPool) -> None:
    user = register_email(pool)
    before = call(pool, "GET", "/api/v2/users/me/security-level", user["token"])["data"]
    assert before["mfa"] is False
    enrol_totp(pool, user["token"])
    after = call(pool, "GET", "/api/v2/users/me/security-level", user["token"])["data"]
    assert after["mfa"] is True and after["score"] == before["score"] + 20
    v3 = call(pool, "GET", "/api/v3/get-security-info", user["token"])
    assert v3["statusCode"] == 200
    assert v3["data"] == {"securityScore": after["score"], "emailBinded": True,
                          "phoneBinded": False, "passwordSet": True,
                          "passwordSecurityLevel": after["passwordSecurityLevel"],
                          "mfaEnrolled": True}


def test_enrolment_refusals(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    assert call(pool, "POST", "/api/v2/mfa/totp/associate/confirm", token,
                json={"totp": "123456"})["code"] == 404  # nothing pending
    assert call(pool, "POST", "/api/v2/mfa/totp/associate", token,
                json={"authenticator_type": "sms"})["code"] == 400
    assert call(pool, "POST", "/api/v2/mfa/totp/associate", None, json={})["code"] == 2020
    enrol_totp(pool, token)
    again = call(pool, "POST", "/api/v2/mfa/totp/associate", token, json={})
    assert again["code"] == 1001  # remove the live one first
    assert call(pool, "POST", "/api/v2/mfa/totp/verify", "not-a-jwt",
                json={"totp": "123456"})["code"] == 2021


def test_hosted_sign_in_page_refuses_an_account_with_a_second_factor(pool: RunningPool) -> None:
    from tests.localpool.hosted_page import sign_in
    from tests.localpool.test_oidc_provider import authorize_url

    user = register_email(pool)
    enrol_totp(pool, user["token"])
    with httpx.Client(timeout=10) as browser:
        answer = sign_in(browser, authorize_url(pool), user["email"], PASSWORD)
    assert answer.status_code == 200 and "location" not in answer.headers
    assert "Two-step verification is on" in answer.text
