"""Profile, password and contact (phone/email) changes of the signed-in user."""

from __future__ import annotations

from typing import Any

from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    PASSWORD,
    REGISTER_PHONE,
    USER_FIELDS,
    encrypt,
    error_code,
    gql,
    login_email,
    register_email,
    rest,
    send_email,
    send_sms,
    unique_email,
    unique_phone,
)

UPDATE_USER = ("mutation updateUser($id: String, $input: UpdateUserInput!) {"
               f" updateUser(id: $id, input: $input) {{ {USER_FIELDS} }} }}")
UPDATE_PASSWORD = ("mutation updatePassword($newPassword: String!, $oldPassword: String) {"
                   " updatePassword(newPassword: $newPassword, oldPassword: $oldPassword)"
                   " { id token } }")
BIND_PHONE = ("mutation bindPhone($phone: String!, $phoneCode: String!) {"
              " bindPhone(phone: $phone, phoneCode: $phoneCode) { id phone phoneVerified token } }")
UNBIND_PHONE = "mutation unbindPhone { unbindPhone { id phone token } }"
UPDATE_PHONE = ("mutation updatePhone($phone: String!, $phoneCode: String!, $oldPhone: String,"
                " $oldPhoneCode: String) { updatePhone(phone: $phone, phoneCode: $phoneCode,"
                " oldPhone: $oldPhone, oldPhoneCode: $oldPhoneCode) { id phone token } }")
BIND_EMAIL = ("mutation bindEmail($email: String!, $emailCode: String!) {"
              " bindEmail(email: $email, emailCode: $emailCode) { id email emailVerified } }")
UNBIND_EMAIL = "mutation unbindEmail { unbindEmail { id email } }"
UPDATE_EMAIL = ("mutation updateEmail($email: String!, $emailCode: String!, $oldEmail: String,"
                " $oldEmailCode: String) { updateEmail(email: $email, emailCode: $emailCode,"
                " oldEmail: $oldEmail, oldEmailCode: $oldEmailCode) { id email } }")


def test_update_profile(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    updated = gql(pool, UPDATE_USER, {"id": user["id"], "input": {
        "nickname": "Neo", "city": "Zion", "gender": "M", "username": unique("neo")}},
        token=token)
    assert updated["nickname"] == "Neo" and updated["city"] == "Zion"
    assert updated["gender"] == "M" and updated["token"] == token
    assert gql(pool, UPDATE_USER, {"input": {"nickname": None}}, token=token)["nickname"] is None
    codes = {
        "email": 2225, "phone": 2226, "password": 1001, "lastLogin": 1001, "blocked": 1001,
    }
    for field, code in codes.items():
        value: Any = True if field == "blocked" else "x@example.com"
        assert error_code(pool, UPDATE_USER, {"input": {field: value}}, token=token) == code
    other = register_email(pool)
    assert error_code(pool, UPDATE_USER, {"id": other["id"], "input": {"nickname": "x"}},
                      token=token) == 1001
    gql(pool, UPDATE_USER, {"input": {"username": "taken" + other["id"]}}, token=other["token"])
    assert error_code(pool, UPDATE_USER, {"input": {"username": "taken" + other["id"]}},
                      token=token) == 2034
    assert error_code(pool, UPDATE_USER, {"input": {"gender": "X"}}, token=token) == 400
    assert error_code(pool, UPDATE_USER, {"input": {"nickname": "x"}}) == 2020


def test_last_ip_browser_and_device_are_the_users_to_set(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    updated = gql(pool, UPDATE_USER, {"input": {
        "nickname": "Seed", "lastIP": " 203.0.113.9 ", "browser": "Firefox 128",
        "device": "ThinkPad"}}, token=token)
    assert updated["nickname"] == "Seed" and updated["lastIP"] == "203.0.113.9"
    assert updated["browser"] == "Firefox 128" and updated["device"] == "ThinkPad"
    me = rest(pool, "GET", "/api/v2/users/me", token=token)["data"]
    assert (me["lastIP"], me["browser"], me["device"]) == ("203.0.113.9", "Firefox 128",
                                                          "ThinkPad")
    # IPv6 in its normal written form; null clears it
    assert gql(pool, UPDATE_USER, {"input": {"lastIP": "2001:DB8:0:0::1"}},
               token=token)["lastIP"] == "2001:db8::1"
    assert gql(pool, UPDATE_USER, {"input": {"lastIP": None}}, token=token)["lastIP"] is None
    for bad in ({"lastIP": "203.0.113"}, {"lastIP": "localhost"}, {"lastIP": ""},
                {"lastIP": "203.0.113.9/24"}, {"browser": "x" * 2049}, {"device": "y" * 2049}):
        assert error_code(pool, UPDATE_USER, {"input": bad}, token=token) == 400, bad
    # a refused update changes nothing, and the next sign-in writes its own address
    assert rest(pool, "GET", "/api/v2/users/me", token=token)["data"]["lastIP"] is None
    again = login_email(pool, user["email"], clientIp="198.51.100.4")
    assert again["lastIP"] == "198.51.100.4" and again["device"] == "ThinkPad"


def test_update_password(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    second = login_email(pool, user["email"])["token"]
    assert error_code(pool, UPDATE_PASSWORD, {"newPassword": encrypt(pool, "N3w-password")},
                      token=token) == 2201
    assert error_code(pool, UPDATE_PASSWORD, {"newPassword": encrypt(pool, "N3w-password"),
                                              "oldPassword": encrypt(pool, "Wrong-pass1")},
                      token=token) == 2203
    assert error_code(pool, UPDATE_PASSWORD, {"newPassword": encrypt(pool, "short"),
                                              "oldPassword": encrypt(pool, PASSWORD)},
                      token=token) == 2029
    result = gql(pool, UPDATE_PASSWORD, {"newPassword": encrypt(pool, "N3w-password"),
                                         "oldPassword": encrypt(pool, PASSWORD)}, token=token)
    assert result["token"] == token
    assert rest(pool, "GET", "/api/v2/users/me", token=token)["code"] == 200
    assert rest(pool, "GET", "/api/v2/users/me", token=second)["code"] == 2020
    assert login_email(pool, user["email"], "N3w-password")["id"] == user["id"]


def test_bind_update_unbind_phone(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    token = user["token"]
    phone, phone2 = unique_phone(), unique_phone()
    send_sms(pool, phone)
    assert error_code(pool, BIND_PHONE, {"phone": phone, "phoneCode": "000000"},
                      token=token) in (2001,)
    send_sms(pool, phone)
    bound = gql(pool, BIND_PHONE, {"phone": phone, "phoneCode": pool.latest_code(phone)},
                token=token)
    assert bound["phone"] == phone and bound["phoneVerified"] is True
    assert bound["token"] == token
    assert error_code(pool, BIND_PHONE, {"phone": phone2, "phoneCode": "1"}, token=token) == 2035
    assert error_code(pool, UPDATE_PHONE, {"phone": phone, "phoneCode": "1"}, token=token) == 2230
    send_sms(pool, phone2)
    new_code = pool.latest_code(phone2)
    assert error_code(pool, UPDATE_PHONE, {"phone": phone2, "phoneCode": new_code,
                                           "oldPhone": unique_phone(), "oldPhoneCode": "1"},
                      token=token) == 2038
    assert error_code(pool, UPDATE_PHONE, {"phone": phone2, "phoneCode": new_code,
                                           "oldPhone": None, "oldPhoneCode": None},
                      token=token) == 2231
    send_sms(pool, phone)
    updated = gql(pool, UPDATE_PHONE, {"phone": phone2, "phoneCode": new_code,
                                       "oldPhone": phone,
                                       "oldPhoneCode": pool.latest_code(phone)}, token=token)
    assert updated["phone"] == phone2
    # Another account cannot take the bound phone.
    other = register_email(pool)
    send_sms(pool, phone2)
    assert error_code(pool, BIND_PHONE, {"phone": phone2, "phoneCode": pool.latest_code(phone2)},
                      token=other["token"]) == 2035
    assert gql(pool, UNBIND_PHONE, None, token=token)["phone"] is None
    assert error_code(pool, UNBIND_PHONE, None, token=token) == 2218


def test_unbind_last_login_method_is_2217(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    user = gql(pool, REGISTER_PHONE, {"input": {"phone": phone, "code": pool.latest_code(phone),
                                                "forceLogin": True}})
    token = user["token"]
    assert error_code(pool, UNBIND_PHONE, None, token=token) == 2217
    email = unique_email()
    send_email(pool, email, "VERIFY_EMAIL")
    bound = gql(pool, BIND_EMAIL, {"email": email,
                                   "emailCode": pool.latest_code(email, "VERIFY_EMAIL")},
                token=token)
    assert bound["email"] == email and bound["emailVerified"] is True
    # Without a password the email cannot sign in, so the phone is still the last method.
    assert error_code(pool, UNBIND_PHONE, None, token=token) == 2217
    assert gql(pool, UNBIND_EMAIL, None, token=token)["email"] is None
    emailed = register_email(pool)
    assert error_code(pool, UNBIND_EMAIL, None, token=emailed["token"]) == 2217


def test_bind_and_update_email(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    token, old = user["token"], user["email"]
    new = unique_email()
    assert error_code(pool, BIND_EMAIL, {"email": new, "emailCode": "1"}, token=token) == 2200
    assert error_code(pool, UPDATE_EMAIL, {"email": old.upper(), "emailCode": "1"},
                      token=token) == 2229
    taken = register_email(pool)["email"]
    assert error_code(pool, UPDATE_EMAIL, {"email": taken, "emailCode": "1"},
                      token=token) == 2200
    send_email(pool, new, "CHANGE_EMAIL")
    new_code = pool.latest_code(new)
    assert error_code(pool, UPDATE_EMAIL, {"email": new, "emailCode": new_code},
                      token=token) == 2227
    assert error_code(pool, UPDATE_EMAIL, {"email": new, "emailCode": new_code,
                                           "oldEmail": unique_email(), "oldEmailCode": "1"},
                      token=token) == 2037
    send_email(pool, old, "CHANGE_EMAIL")
    updated = gql(pool, UPDATE_EMAIL, {"email": new, "emailCode": new_code, "oldEmail": old,
                                       "oldEmailCode": pool.latest_code(old)}, token=token)
    assert updated["email"] == new
    assert login_email(pool, new)["id"] == user["id"]
