"""The embedded pool API, the settings file, and the stretch flows (sub-account, first-login and
forced password resets, LDAP/AD without a source)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx

from authing_desktop.localpool.embedded import start_embedded_pool
from tests.fixtures.clocked_pool import as_running_pool
from tests.fixtures.pool import RunningPool, start_pool
from tests.localpool.helpers import (
    USER_FIELDS,
    encrypt,
    error_code,
    gql,
    login_email,
    rest,
    send_sms,
    unique_phone,
)

SUB_ACCOUNT = ("mutation loginBySubAccount($account: String!, $password: String!,"
               " $captchaCode: String, $clientIp: String) { loginBySubAccount(account:"
               " $account, password: $password, captchaCode: $captchaCode, clientIp:"
               f" $clientIp) {{ {USER_FIELDS} }} }}")
FIRST_LOGIN = ("mutation resetPasswordByFirstLoginToken($token: String!, $password: String!) {"
               " resetPasswordByFirstLoginToken(token: $token, password: $password)"
               " { message code } }")
FORCED = ("mutation resetPasswordByForceResetToken($token: String!, $oldPassword: String!,"
          " $newPassword: String!) { resetPasswordByForceResetToken(token: $token,"
          " oldPassword: $oldPassword, newPassword: $newPassword) { message code } }")


def login_error(pool: RunningPool, email: str, password: str) -> tuple[int, object]:
    from tests.localpool.helpers import LOGIN_EMAIL, GraphQLError

    try:
        gql(pool, LOGIN_EMAIL, {"input": {"email": email, "password": encrypt(pool, password)}})
    except GraphQLError as exc:
        return exc.code, exc.data
    raise AssertionError("login succeeded")


def test_embedded_pool_serves_and_stops(tmp_path: Path) -> None:
    embedded = start_embedded_pool(tmp_path / "embedded", code_lifetime=30)
    try:
        assert embedded.running and embedded.url.startswith("http://127.0.0.1:")
        key = httpx.get(f"{embedded.url}/api/v2/.well-known", timeout=10).json()["publicKey"]
        assert key == embedded.public_key
        as_running = as_running_pool(embedded, tmp_path / "embedded")
        assert login_email(as_running, "demo@example.com", "passw0rd")["token"]
    finally:
        embedded.stop()
    assert not embedded.running
    embedded.stop()  # idempotent
    again = start_embedded_pool(tmp_path / "embedded")  # demo data is not loaded twice
    try:
        assert again.user_pool_id == embedded.user_pool_id
        conn = sqlite3.connect(tmp_path / "embedded" / "pool.sqlite3")
        try:
            demo_users = conn.execute(
                "SELECT COUNT(*) FROM users WHERE email = 'demo@example.com'").fetchone()[0]
            apps = conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
        finally:
            conn.close()
        assert (demo_users, apps) == (1, 3)
    finally:
        again.stop()


def test_settings_file_and_flag_precedence(tmp_path: Path) -> None:
    data_dir = tmp_path / "configured"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps({"resend_interval": 0,
                                                        "captcha_after": 5}))
    pool = start_pool(data_dir, demo=False, captcha_after=1)
    try:
        phone = unique_phone()
        assert send_sms(pool, phone)["code"] == 200
        assert send_sms(pool, phone)["code"] == 200  # resend_interval 0 from the file
        from tests.localpool.helpers import register_email

        email = register_email(pool)["email"]
        assert login_error(pool, email, "Wrong-pass1")[0] == 2333
        assert login_error(pool, email, "Wrong-pass1")[0] == 2000  # the flag's 1 wins
    finally:
        pool.stop()


def test_sub_account_login(pool: RunningPool) -> None:
    user = gql(pool, SUB_ACCOUNT, {"account": "demo-sub", "password": encrypt(pool, "passw0rd"),
                                   "captchaCode": None, "clientIp": None})
    assert user["username"] == "demo-sub" and user["token"]
    assert error_code(pool, SUB_ACCOUNT, {"account": "demo",
                                          "password": encrypt(pool, "passw0rd")}) == 2004


def test_first_login_reset_flow(fast_pool: RunningPool) -> None:
    pool = fast_pool
    code, data = login_error(pool, "firstlogin@example.com", "passw0rd")
    assert code == 1639 and isinstance(data, dict) and data["token"]
    token = data["token"]
    assert error_code(pool, FIRST_LOGIN, {"token": token,
                                          "password": encrypt(pool, "abc")}) == 2029
    assert gql(pool, FIRST_LOGIN, {"token": token,
                                   "password": encrypt(pool, "Fresh-pass1")})["code"] == 200
    assert error_code(pool, FIRST_LOGIN, {"token": token,
                                          "password": encrypt(pool, "Fresh-pass2")}) == 2207
    assert login_email(pool, "firstlogin@example.com", "Fresh-pass1")["token"]


def test_forced_reset_flow(fast_pool: RunningPool) -> None:
    pool = fast_pool
    code, data = login_error(pool, "expired@example.com", "passw0rd")
    assert code == 2058 and isinstance(data, dict)
    token = data["token"]
    assert error_code(pool, FORCED, {"token": token, "oldPassword": encrypt(pool, "Wrong-1x"),
                                     "newPassword": encrypt(pool, "Fresh-pass1")}) == 2203
    assert gql(pool, FORCED, {"token": token, "oldPassword": encrypt(pool, "passw0rd"),
                              "newPassword": encrypt(pool, "Fresh-pass1")})["code"] == 200
    assert login_email(pool, "expired@example.com", "Fresh-pass1")["token"]


def test_directory_logins_without_a_source(pool: RunningPool) -> None:
    for path in ("/api/v2/ldap/verify-user", "/api/v2/ad/verify-user"):
        body = rest(pool, "POST", path, json={"username": "x", "password": "y"})
        assert body["code"] == 404 and "LDAP" in body["message"]
