"""Cross-user access: a signed-in user reaches nothing of another user's, whichever id, ticket,
factor, device or challenge they name; and the hosted page never guesses whose account a name
means when it is one user's username and another user's phone or email."""

from __future__ import annotations

import json

import httpx

from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    REGISTER_PHONE,
    REGISTER_USERNAME,
    encrypt,
    error_code,
    gql,
    register_email,
    send_sms,
    unique_phone,
)
from tests.localpool.hosted_page import sign_in
from tests.localpool.test_access import ROLES, SET_UDV, UDV
from tests.localpool.test_mfa import UPDATE_USER, _enrol_target, call
from tests.localpool.test_oidc_provider import authorize_url
from tests.security.attacks import mfa_token, mfa_user, verify_totp

UPDATE_OTHER = ("mutation updateUser($id: String, $input: UpdateUserInput!) {"
                " updateUser(id: $id, input: $input) { id nickname } }")


def test_another_users_profile_roles_and_custom_data_are_out_of_reach(
        pool: RunningPool) -> None:
    me, other = register_email(pool), register_email(pool)
    token = me["token"]
    assert error_code(pool, UPDATE_OTHER, {"id": other["id"], "input": {"nickname": "x"}},
                      token=token) == 1001
    assert error_code(pool, ROLES, {"id": other["id"]}, token=token) == 1001
    ids = {"targetType": "USER", "targetId": other["id"]}
    assert error_code(pool, UDV, ids, token=token) == 1001
    assert error_code(pool, SET_UDV, {**ids, "key": "school", "value": json.dumps("x")},
                      token=token) == 1001
    assert gql(pool, UPDATE_USER, {"input": {"nickname": "Mine"}}, token=token)["id"] == me["id"]


def test_another_users_deletion_ticket_factor_and_device_are_out_of_reach(
        fast_pool: RunningPool) -> None:
    pool = fast_pool
    me, victim = register_email(pool), register_email(pool)
    ticket = call(pool, "POST", "/api/v3/verify-delete-account-request", victim["token"], json={
        "verifyMethod": "PASSWORD", "passwordPayload": {"password": "Secr3t-pass"}})
    stolen = call(pool, "POST", "/api/v3/delete-account", me["token"],
                  json={"deleteAccountToken": ticket["data"]["deleteAccountToken"]})
    assert stolen["statusCode"] == 401
    # The victim's factor: neither its enrollment nor its removal is mine to do.
    phone = unique_phone()
    started = call(pool, "POST", "/api/v3/send-enroll-factor-request", victim["token"],
                   json={"factorType": "SMS", "profile": {"phoneNumber": phone}})
    hijack = call(pool, "POST", "/api/v3/enroll-factor", me["token"], json={
        "factorType": "SMS", "enrollmentToken": started["data"]["enrollmentToken"],
        "enrollmentData": {"passCode": pool.latest_code(phone)}})
    assert hijack["statusCode"] == 401
    phone = unique_phone()
    _enrol_target(pool, victim["token"], "SMS", {"phoneNumber": phone}, phone)
    factor = call(pool, "GET", "/api/v3/list-enrolled-factors", victim["token"])["data"][0]
    assert call(pool, "POST", "/api/v3/reset-factor", me["token"],
                json={"factorId": factor["factorId"]})["statusCode"] == 404
    device_id = unique("device")
    assert call(pool, "POST", "/api/v3/create-device", victim["token"],
                json={"deviceUniqueId": device_id})["statusCode"] == 200
    for route in ("/api/v3/mydevices/revoke-session", "/api/v3/mydevices/unbind"):
        assert call(pool, "POST", route, me["token"],
                    json={"deviceId": device_id})["statusCode"] == 404
    assert call(pool, "GET", "/api/v3/get-profile", victim["token"])["statusCode"] == 200
    assert len(call(pool, "GET", "/api/v3/list-enrolled-factors", victim["token"])["data"]) == 1


def test_my_second_factor_does_not_answer_another_users_challenge(pool: RunningPool) -> None:
    victim, _, _ = mfa_user(pool)
    _, my_totp, _ = mfa_user(pool)
    challenge = mfa_token(pool, victim["email"])
    assert verify_totp(pool, challenge, my_totp.now())["code"] == 6001


def test_a_name_that_is_a_username_and_another_users_phone_names_nobody(
        fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    owner = gql(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": pool.latest_code(phone),
        "password": encrypt(pool, "Same-pass1")}})
    squatter = gql(pool, REGISTER_USERNAME, {"input": {
        "username": phone, "password": encrypt(pool, "Same-pass1")}})
    assert owner["id"] != squatter["id"]
    with httpx.Client(timeout=10) as browser:
        answer = sign_in(browser, authorize_url(pool), phone, "Same-pass1")
    # Neither account is signed in: no code, and the page says how to sign in instead.
    assert answer.status_code == 200 and "location" not in answer.headers
    assert "more than one account" in answer.text
    # An e-mail that is another user's username is not guessed either.
    email_owner = register_email(pool)
    gql(pool, REGISTER_USERNAME, {"input": {"username": email_owner["email"],
                                            "password": encrypt(pool, "Secr3t-pass")}})
    with httpx.Client(timeout=10) as browser:
        answer = sign_in(browser, authorize_url(pool), email_owner["email"], "Secr3t-pass")
    assert "location" not in answer.headers and "more than one account" in answer.text
