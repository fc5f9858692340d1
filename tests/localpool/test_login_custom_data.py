"""Custom data given at sign-in (the SDK's ``custom_data``, the input's ``params``) is stored
for an existing user by every login that takes it, checked like at registration."""

from __future__ import annotations

import json
from typing import Any

from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    LOGIN_EMAIL,
    LOGIN_PHONE_CODE,
    LOGIN_PHONE_PASSWORD,
    LOGIN_USERNAME,
    PASSWORD,
    REGISTER_PHONE,
    REGISTER_USERNAME,
    encrypt,
    error_code,
    gql,
    login_email,
    register_email,
    send_sms,
    unique_phone,
)

UDV = ("query udv($targetType: UDFTargetType!, $targetId: String!) {"
       " udv(targetType: $targetType, targetId: $targetId) { key dataType value } }")


def params(**values: Any) -> str:
    """``params`` as the SDK sends ``custom_data``."""
    return json.dumps([{"key": key, "value": value} for key, value in values.items()])


def custom_data(pool: RunningPool, user: dict[str, Any]) -> dict[str, str]:
    rows = gql(pool, UDV, {"targetType": "USER", "targetId": user["id"]}, token=user["token"])
    return {row["key"]: row["value"] for row in rows}


def test_every_login_stores_custom_data_for_an_existing_user(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone, username = unique_phone(), unique("cd")
    send_sms(pool, phone)
    user = gql(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": pool.latest_code(phone), "password": encrypt(pool, PASSWORD),
        "forceLogin": True}})
    assert custom_data(pool, user) == {}

    by_phone = gql(pool, LOGIN_PHONE_PASSWORD, {"input": {
        "phone": phone, "password": encrypt(pool, PASSWORD),
        "params": params(school="MIT", age=30)}})
    assert custom_data(pool, by_phone) == {"school": "MIT", "age": "30"}

    send_sms(pool, phone)
    by_code = gql(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": pool.latest_code(phone), "params": params(age=31)}})
    assert by_code["id"] == user["id"]
    assert custom_data(pool, by_code) == {"school": "MIT", "age": "31"}  # one key replaced

    named = gql(pool, REGISTER_USERNAME, {"input": {
        "username": username, "password": encrypt(pool, PASSWORD)}})
    by_name = gql(pool, LOGIN_USERNAME, {"input": {
        "username": username, "password": encrypt(pool, PASSWORD),
        "params": params(source="seed")}})
    assert by_name["id"] == named["id"] and custom_data(pool, by_name) == {"source": "seed"}

    by_email = register_email(pool)
    again = login_email(pool, by_email["email"], params=params(school="北大"))
    assert custom_data(pool, again) == {"school": "北大"}
    # no params: nothing changes
    assert custom_data(pool, login_email(pool, by_email["email"], params=None)) == {
        "school": "北大"}


def test_bad_custom_data_is_refused_like_at_registration(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    email = user["email"]
    for bad in (params(undefined_key=1), params(age="old"), params(school=5), "not json",
                json.dumps({"key": "school"}), json.dumps([{"value": 1}])):
        assert error_code(pool, LOGIN_EMAIL, {"input": {
            "email": email, "password": encrypt(pool, PASSWORD), "params": bad}}) == 400, bad
    # checked before the password: a wrong password with bad data spends no guess ...
    for _ in range(5):
        assert error_code(pool, LOGIN_EMAIL, {"input": {
            "email": email, "password": encrypt(pool, "Wrong-pass1"),
            "params": params(undefined_key=1)}}) == 400
    signed_in = login_email(pool, email)  # ... so no captcha is needed now
    assert custom_data(pool, signed_in) == {}
    # and before the code: the code still works afterwards
    phone = unique_phone()
    send_sms(pool, phone)
    code = pool.latest_code(phone)
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": code, "params": params(undefined_key=1)}}) == 400
    registered = gql(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": code, "params": params(age=5)}})
    assert custom_data(pool, registered) == {"age": "5"}  # auto-registration keeps it too


def test_a_refused_sign_in_stores_nothing(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": user["email"], "password": encrypt(pool, "Wrong-pass1"),
        "params": params(school="Nope")}}) == 2333
    assert custom_data(pool, user) == {}
