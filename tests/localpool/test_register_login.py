"""Sign-up and sign-in over GraphQL with the SDK's documents and encryption."""

from __future__ import annotations

import base64
import json

import jwt

from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    LOGIN_EMAIL,
    LOGIN_PHONE_CODE,
    LOGIN_PHONE_PASSWORD,
    LOGIN_USERNAME,
    PASSWORD,
    REGISTER_EMAIL,
    REGISTER_PHONE,
    REGISTER_USERNAME,
    encrypt,
    error_code,
    gql,
    login_email,
    register_email,
    rest,
    send_sms,
    unique_email,
    unique_phone,
)


def test_register_by_email_without_login_has_no_token(pool: RunningPool) -> None:
    email = unique_email()
    user = gql(pool, REGISTER_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, PASSWORD), "forceLogin": False,
        "generateToken": False, "clientIp": None, "params": None, "context": None,
        "profile": {"nickname": "Nick", "company": "ACME", "gender": "F"}}})
    assert user["email"] == email and user["token"] is None
    assert user["nickname"] == "Nick" and user["company"] == "ACME" and user["gender"] == "F"
    assert user["registerSource"] == ["basic:email"] and user["emailVerified"] is False
    assert user["password"] is None  # the hash never leaves the pool
    assert user["arn"] == f"arn:cn:authing:{pool.user_pool_id}:user:{user['id']}"
    assert user["status"] == "Activated" and user["userPoolId"] == pool.user_pool_id


def test_register_with_generate_token_and_custom_data(pool: RunningPool) -> None:
    params = json.dumps([{"key": "school", "value": "MIT"}, {"key": "age", "value": 30}])
    user = register_email(pool, generateToken=True, params=params,
                          context=json.dumps({"source": "test"}),
                          profile={"udf": [{"key": "source", "value": json.dumps("web")}]})
    assert user["token"] and user["tokenExpiredAt"]
    udv = gql(pool, "query udv($targetType: UDFTargetType!, $targetId: String!) {"
                    " udv(targetType: $targetType, targetId: $targetId) { key dataType value } }",
              {"targetType": "USER", "targetId": user["id"]}, token=user["token"])
    assert {(u["key"], u["value"]) for u in udv} == {("school", "MIT"), ("age", "30"),
                                                     ("source", "web")}


def test_duplicate_email_is_case_insensitive(pool: RunningPool) -> None:
    email = unique_email()
    register_email(pool, email)
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": email.upper(), "password": encrypt(pool, PASSWORD)}}) == 2026


def test_username_is_case_sensitive(pool: RunningPool) -> None:
    name = unique("User")
    for variant in (name, name.lower()):
        user = gql(pool, REGISTER_USERNAME, {"input": {
            "username": variant, "password": encrypt(pool, PASSWORD), "forceLogin": True}})
        assert user["username"] == variant and user["token"]
    assert error_code(pool, REGISTER_USERNAME, {"input": {
        "username": name, "password": encrypt(pool, PASSWORD)}}) == 2026
    assert gql(pool, LOGIN_USERNAME, {"input": {
        "username": name, "password": encrypt(pool, PASSWORD)}})["username"] == name


def test_register_input_validation(pool: RunningPool) -> None:
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": "not-an-email", "password": encrypt(pool, PASSWORD)}}) == 2003
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": unique_email(), "password": encrypt(pool, "abc")}}) == 2029
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": unique_email(), "password": encrypt(pool, "abcdefgh")}}) == 2029
    bogus = base64.b64encode(b"x" * 128).decode()  # what the SDK's 1024-bit cloud key yields
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": unique_email(), "password": bogus}}) == 2016
    assert error_code(pool, REGISTER_EMAIL, {"input": {
        "email": unique_email(), "password": encrypt(pool, PASSWORD),
        "params": json.dumps([{"key": "undefined_key", "value": 1}])}}) == 400


def test_login_by_email_issues_a_signed_token(pool: RunningPool) -> None:
    email = unique_email()
    register_email(pool, email)
    user = login_email(pool, email.upper(), clientIp="10.1.2.3")
    claims = jwt.decode(user["token"], pool.app_secret, algorithms=["HS256"],
                        audience=pool.app_id)
    assert claims["sub"] == claims["data"]["id"] == claims["data"]["userId"] == user["id"]
    assert claims["data"]["type"] == "user" and claims["data"]["userPoolId"] == pool.user_pool_id
    assert claims["data"]["clientId"] == pool.user_pool_id and claims["aud"] == pool.app_id
    assert claims["exp"] - claims["iat"] == 1_209_600
    assert claims["iss"] == f"{pool.url}/oidc" and claims["email"] == email
    assert user["loginsCount"] == 1 and user["lastIP"] == "10.1.2.3"


def test_wrong_password_and_unknown_user(pool: RunningPool) -> None:
    email = unique_email()
    register_email(pool, email)
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, "Wrong-pass1")}}) == 2333
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": unique_email(), "password": encrypt(pool, PASSWORD)}}) == 2004


def test_auto_register_on_login(pool: RunningPool) -> None:
    email = unique_email()
    user = login_email(pool, email, autoRegister=True)
    assert user["email"] == email and user["token"]
    assert login_email(pool, email)["id"] == user["id"]


def test_phone_code_registration_and_logins(pool: RunningPool) -> None:
    phone = unique_phone()
    assert send_sms(pool, phone)["code"] == 200
    code = pool.latest_code(phone, "SMS")
    user = gql(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": code, "password": encrypt(pool, PASSWORD),
        "forceLogin": True}})
    assert user["phone"] == phone and user["phoneVerified"] is True and user["token"]
    assert user["registerSource"] == ["basic:phone-code"]
    by_password = gql(pool, LOGIN_PHONE_PASSWORD, {"input": {
        "phone": phone, "password": encrypt(pool, PASSWORD)}})
    assert by_password["id"] == user["id"]
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": code}}) == 2001


def test_login_by_phone_code_auto_registers(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    user = gql(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": pool.latest_code(phone)}})
    assert user["phone"] == phone and user["token"]
    send_sms(pool, phone)
    again = gql(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": phone, "code": pool.latest_code(phone), "clientIp": None}})
    assert again["id"] == user["id"] and again["loginsCount"] == 2
    other = unique_phone()
    send_sms(pool, other)
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {
        "phone": other, "code": pool.latest_code(other), "autoRegister": False}}) == 2004
    me = rest(pool, "GET", "/api/v2/users/me", token=user["token"])
    assert me["data"]["id"] == user["id"]
