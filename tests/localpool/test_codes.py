"""SMS/email codes: outbox, resend limit, single use, expiry; password reset by code."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import httpx

from authing_desktop.localpool.clock import Clock
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    LOGIN_PHONE_CODE,
    PASSWORD,
    REGISTER_PHONE,
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

RESET = ("mutation resetPassword($phone: String, $email: String, $code: String!,"
         " $newPassword: String!) { resetPassword(phone: $phone, email: $email, code: $code,"
         " newPassword: $newPassword) { message code } }")


def test_outbox_and_resend_limit(pool: RunningPool) -> None:
    phone = unique_phone()
    assert send_sms(pool, phone) == {"code": 200, "message": "SMS sent", "data": None}
    newest = pool.outbox()[0]
    assert newest["channel"] == "sms" and newest["to"] == phone and newest["scene"] == "SMS"
    assert len(newest["code"]) == 6 and newest["createdAt"]
    again = send_sms(pool, phone)
    assert again["code"] == 2080 and "retry" in again["message"]
    assert again["data"]["retryAfter"] >= 1
    assert send_sms(pool, "12ab")["code"] == 2028
    email = unique_email()
    assert send_email(pool, email, "VERIFY_EMAIL") == {"message": "email sent", "code": 200}
    assert pool.latest_code(email, "VERIFY_EMAIL")
    assert error_code(pool, f"mutation {{ sendEmail(email: \"{email}\", scene: RESET_PASSWORD)"
                            " { code } }") == 2080


def test_code_single_use_wrong_and_expired(clocked_pool: Callable[..., RunningPool],
                                           clock: Clock) -> None:
    pool = clocked_pool(code_lifetime=60, resend_interval=0)
    phone = unique_phone()
    send_sms(pool, phone)
    code = pool.latest_code(phone)
    wrong = "000000" if code != "000000" else "111111"
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": wrong}}) == 2001
    gql(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": code}})
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": code}}) == 2001
    send_sms(pool, phone)
    stale = pool.latest_code(phone)
    clock.advance(61)
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": stale}}) == 2300
    # A newer code supersedes the older one.
    send_sms(pool, phone)
    older = pool.latest_code(phone)
    send_sms(pool, phone)
    newer = pool.latest_code(phone)
    if older != newer:
        assert error_code(pool, REGISTER_PHONE, {"input": {"phone": unique_phone(),
                                                           "code": older}}) == 2001
    assert gql(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": newer}})["token"]


def test_code_dies_after_too_many_guesses(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    code = pool.latest_code(phone)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone,
                                                             "code": wrong}}) == 2001
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": code}}) == 2001


def test_reset_password_by_email_code_ends_sessions(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user = register_email(pool)
    email = user["email"]
    send_email(pool, email, "RESET_PASSWORD")
    code = pool.latest_code(email, "RESET_PASSWORD")
    assert error_code(pool, RESET, {"email": email, "code": code,
                                    "newPassword": encrypt(pool, "short")}) == 2029
    result = gql(pool, RESET, {"email": email, "code": code,
                               "newPassword": encrypt(pool, "N3w-password")})
    assert result == {"message": "password reset", "code": 200}
    assert rest(pool, "GET", "/api/v2/users/me", token=user["token"])["code"] == 2020
    assert login_email(pool, email, "N3w-password")["id"] == user["id"]
    assert error_code(pool, RESET, {"email": email, "code": code,
                                    "newPassword": encrypt(pool, "N3w-password2")}) == 2001
    send_email(pool, email, "VERIFY_EMAIL")  # wrong scene for a reset
    assert error_code(pool, RESET, {"email": email,
                                    "code": pool.latest_code(email, "VERIFY_EMAIL"),
                                    "newPassword": encrypt(pool, "N3w-password2")}) == 2001


def test_reset_password_by_phone_code(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    gql(pool, REGISTER_PHONE, {"input": {"phone": phone, "code": pool.latest_code(phone),
                                         "password": encrypt(pool, PASSWORD)}})
    send_sms(pool, phone)
    assert gql(pool, RESET, {"phone": phone, "code": pool.latest_code(phone),
                             "newPassword": encrypt(pool, "N3w-password")})["code"] == 200
    assert error_code(pool, RESET, {"phone": unique_phone(), "code": "123456",
                                    "newPassword": encrypt(pool, "N3w-password")}) == 2004
    assert error_code(pool, RESET, {"code": "123456",
                                    "newPassword": encrypt(pool, "N3w-password")}) == 2231


def test_outbox_cli(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(demo=False)
    phone = unique_phone()
    send_sms(pool, phone)
    printed = subprocess.run(
        [sys.executable, "-m", "authing_desktop", "pool", "outbox", "--data-dir",
         str(pool.data_dir)], capture_output=True, text=True, timeout=30, check=True)
    messages = json.loads(printed.stdout)
    assert messages[0]["to"] == phone and messages[0]["code"] == pool.latest_code(phone)


def _verification_link(pool: RunningPool, email: str) -> str:
    entry = next(m for m in pool.outbox() if m["to"] == email and m["scene"] == "VERIFY_EMAIL")
    link = entry["link"]
    assert isinstance(link, str) and link.startswith(f"{pool.url}/_localpool/verify-email?token=")
    return link


def test_verify_email_link_marks_the_address_verified_once(pool: RunningPool) -> None:
    user = register_email(pool)
    email = user["email"]
    assert user["emailVerified"] is False
    send_email(pool, email, "VERIFY_EMAIL")
    link = _verification_link(pool, email)
    # Other scenes carry no link.
    other = unique_email()
    send_email(pool, other, "RESET_PASSWORD")
    assert next(m for m in pool.outbox() if m["to"] == other)["link"] is None

    page = httpx.get(link, timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Email verified" in page.text and email in page.text
    me = rest(pool, "GET", "/api/v2/users/me", token=user["token"])
    assert me["data"]["emailVerified"] is True
    again = httpx.get(link, timeout=10)
    assert again.status_code == 400 and "already used" in again.text
    forged = httpx.get(link[:-4] + "AAAA", timeout=10)
    assert forged.status_code == 400
    assert httpx.get(f"{pool.url}/_localpool/verify-email", timeout=10).status_code == 400


def test_verify_email_link_expires_with_the_code(clocked_pool: Callable[..., RunningPool],
                                                 clock: Clock) -> None:
    pool = clocked_pool(code_lifetime=60, resend_interval=0)
    user = register_email(pool)
    send_email(pool, user["email"], "VERIFY_EMAIL")
    first = _verification_link(pool, user["email"])
    send_email(pool, user["email"], "VERIFY_EMAIL")
    second = _verification_link(pool, user["email"])
    # A newer mail supersedes the older link.
    assert httpx.get(first, timeout=10).status_code == 400
    clock.advance(61)
    expired = httpx.get(second, timeout=10)
    assert expired.status_code == 400 and "expired" in expired.text
    me = rest(pool, "GET", "/api/v2/users/me", token=user["token"])
    assert me["data"]["emailVerified"] is False
