"""The pool policy's registration and contact settings take effect at the next request
(docs/pool-admin.md): registration closed or rate-limited, the code length, proving the old
email or phone on a change (v2 and v3). Each test also turns its setting off again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from authing_desktop.localpool.clock import Clock
from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    LOGIN_PHONE_CODE,
    PASSWORD,
    REGISTER_EMAIL,
    REGISTER_PHONE,
    REGISTER_USERNAME,
    encrypt,
    error_code,
    gql,
    register_email,
    rest,
    send_email,
    send_sms,
    unique_email,
    unique_phone,
)
from tests.localpool.policy_helpers import set_policy

UPDATE_PHONE = ("mutation updatePhone($phone: String!, $phoneCode: String!, $oldPhone: String,"
                " $oldPhoneCode: String) { updatePhone(phone: $phone, phoneCode: $phoneCode,"
                " oldPhone: $oldPhone, oldPhoneCode: $oldPhoneCode) { id phone } }")
UPDATE_EMAIL = ("mutation updateEmail($email: String!, $emailCode: String!, $oldEmail: String,"
                " $oldEmailCode: String) { updateEmail(email: $email, emailCode: $emailCode,"
                " oldEmail: $oldEmail, oldEmailCode: $oldEmailCode) { id email } }")
BIND_PHONE = ("mutation bindPhone($phone: String!, $phoneCode: String!) {"
              " bindPhone(phone: $phone, phoneCode: $phoneCode) { id phone } }")


def register(pool: RunningPool, client_ip: str | None = None) -> Any:
    extra = {"clientIp": client_ip} if client_ip else {}
    return gql(pool, REGISTER_EMAIL, {"input": {
        "email": unique_email(), "password": encrypt(pool, PASSWORD), **extra}})


def register_code(pool: RunningPool, client_ip: str) -> int:
    try:
        register(pool, client_ip)
    except AssertionError as exc:
        return int(getattr(exc, "code", 0))
    return 200


def v3(pool: RunningPool, path: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
    return rest(pool, "POST", f"/api/v3/{path}", token, json=body)


def test_registration_can_be_closed(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(resend_interval=0)
    set_policy(pool, registerDisabled=True)
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": unique_email(), "password": encrypt(pool, PASSWORD)}}) == 2031
    assert error_code(pool, REGISTER_USERNAME, {"input": {
        "username": unique("closed"), "password": encrypt(pool, PASSWORD)}}) == 2031
    phone = unique_phone()
    send_sms(pool, phone)
    assert error_code(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": pool.latest_code(phone)}}) == 2031
    # The code was not spent on the refusal; a phone-code sign-in cannot register either.
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": pool.latest_code(phone)}}) == 2031
    set_policy(pool, registerDisabled=False)
    send_sms(pool, phone)
    assert gql(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": pool.latest_code(phone)}})["phone"] == phone


def test_frequent_registrations_from_one_address(clocked_pool: Callable[..., RunningPool],
                                                 clock: Clock) -> None:
    pool = clocked_pool()
    ip = "198.51.100.4"
    assert [register_code(pool, ip) for _ in range(3)] == [200] * 3  # off by default
    set_policy(pool, frequentRegisterCheck={"enabled": True, "timeInterval": 60, "limit": 2})
    # The three of a moment ago count: the window is full.
    assert register_code(pool, ip) == 2100
    assert register_code(pool, "198.51.100.5") == 200  # another address
    clock.advance(61)
    assert [register_code(pool, ip) for _ in range(3)] == [200, 200, 2100]
    set_policy(pool, frequentRegisterCheck={"enabled": False, "timeInterval": 60, "limit": 2})
    assert register_code(pool, ip) == 200


def test_code_length(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(resend_interval=0)
    phone = unique_phone()
    send_sms(pool, phone)
    assert len(pool.latest_code(phone)) == 6
    set_policy(pool, verifyCodeLength=4)
    send_sms(pool, phone)
    code = pool.latest_code(phone)
    assert len(code) == 4 and code.isdigit()
    assert gql(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": code}})["token"]
    email = unique_email()
    send_email(pool, email, "VERIFY_EMAIL")
    assert len(pool.latest_code(email)) == 4
    set_policy(pool, verifyCodeLength=6)
    send_sms(pool, phone)
    assert len(pool.latest_code(phone)) == 6


def test_old_email_proof_follows_the_policy(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(resend_interval=0)
    token = register_email(pool)["token"]
    new = unique_email()
    set_policy(pool, changeEmailStrategy={"verifyOldEmail": True})
    send_email(pool, new, "CHANGE_EMAIL")
    new_code = pool.latest_code(new)
    assert error_code(pool, UPDATE_EMAIL, {"email": new, "emailCode": new_code},
                      token=token) == 2227
    assert error_code(pool, UPDATE_EMAIL, {"email": new, "emailCode": new_code,
                                           "oldEmail": unique_email(), "oldEmailCode": "1"},
                      token=token) == 2037
    set_policy(pool, changeEmailStrategy={"verifyOldEmail": False})
    assert gql(pool, UPDATE_EMAIL, {"email": new, "emailCode": new_code},
               token=token)["email"] == new

    # v3: the same rule in verify-update-email-request.
    newer = unique_email()
    set_policy(pool, changeEmailStrategy={"verifyOldEmail": True})
    assert v3(pool, "send-email", token, {"email": newer,
                                          "channel": "CHANNEL_UPDATE_EMAIL"})["statusCode"] == 200
    payload = {"newEmail": newer, "newEmailPassCode": pool.latest_code(newer)}
    refused = v3(pool, "verify-update-email-request", token,
                 {"verifyMethod": "EMAIL_PASSCODE", "emailPassCodePayload": payload})
    assert refused["apiCode"] == 2227
    send_email(pool, new, "CHANGE_EMAIL")
    answer = v3(pool, "verify-update-email-request", token, {
        "verifyMethod": "EMAIL_PASSCODE",
        "emailPassCodePayload": {**payload, "oldEmail": new,
                                 "oldEmailPassCode": pool.latest_code(new)}})
    assert answer["statusCode"] == 200 and answer["data"]["tokenExpiresIn"] == 60
    ticket = answer["data"]["updateEmailToken"]
    assert v3(pool, "update-email", token, {"updateEmailToken": ticket})["data"] == {
        "success": True}
    assert v3(pool, "update-email", token, {"updateEmailToken": ticket})["apiCode"] == 2207
    assert rest(pool, "GET", "/api/v3/get-profile", token)["data"]["email"] == newer
    # Off again: the new address's code alone is enough (the other spelling of the payload).
    set_policy(pool, changeEmailStrategy={"verifyOldEmail": False})
    last = unique_email()
    send_email(pool, last, "CHANGE_EMAIL")
    answer = v3(pool, "verify-update-email-request", token, {
        "verifyMethod": "EMAIL_PASSCODE",
        "emailPasscodePayload": {"newEmail": last, "newEmailPassCode": pool.latest_code(last)}})
    v3(pool, "update-email", token, {"updateEmailToken": answer["data"]["updateEmailToken"]})
    assert rest(pool, "GET", "/api/v3/get-profile", token)["data"]["email"] == last


def test_old_phone_proof_follows_the_policy(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(resend_interval=0)
    token = register_email(pool)["token"]
    phone, phone2, phone3 = unique_phone(), unique_phone(), unique_phone()
    send_sms(pool, phone)
    gql(pool, BIND_PHONE, {"phone": phone, "phoneCode": pool.latest_code(phone)}, token=token)
    set_policy(pool, changePhoneStrategy={"verifyOldPhone": True})
    send_sms(pool, phone2)
    new_code = pool.latest_code(phone2)
    assert error_code(pool, UPDATE_PHONE, {"phone": phone2, "phoneCode": new_code},
                      token=token) == 2231
    assert error_code(pool, UPDATE_PHONE, {"phone": phone2, "phoneCode": new_code,
                                           "oldPhone": unique_phone(), "oldPhoneCode": "1"},
                      token=token) == 2038
    set_policy(pool, changePhoneStrategy={"verifyOldPhone": False})
    assert gql(pool, UPDATE_PHONE, {"phone": phone2, "phoneCode": new_code},
               token=token)["phone"] == phone2

    # v3 verify-update-phone-request follows it too.
    set_policy(pool, changePhoneStrategy={"verifyOldPhone": True})
    send_sms(pool, phone3)
    payload = {"newPhoneNumber": phone3, "newPhonePassCode": pool.latest_code(phone3)}
    refused = v3(pool, "verify-update-phone-request", token,
                 {"verifyMethod": "PHONE_PASSCODE", "phonePassCodePayload": payload})
    assert refused["apiCode"] == 2231
    send_sms(pool, phone2)
    answer = v3(pool, "verify-update-phone-request", token, {
        "verifyMethod": "PHONE_PASSCODE",
        "phonePassCodePayload": {**payload, "oldPhoneNumber": phone2,
                                 "oldPhonePassCode": pool.latest_code(phone2)}})
    ticket = answer["data"]["updatePhoneToken"]
    # A ticket of one kind does not change the other.
    assert v3(pool, "update-email", token, {"updateEmailToken": ticket})["apiCode"] == 2207
    assert v3(pool, "update-phone", token, {"updatePhoneToken": ticket})["data"] == {
        "success": True}
    assert rest(pool, "GET", "/api/v3/get-profile", token)["data"]["phone"] == phone3
