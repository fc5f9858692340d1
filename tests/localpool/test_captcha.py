"""Captcha after repeated failed password logins (per account and per client IP), lockout."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

import httpx

from authing_desktop.localpool.clock import Clock
from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    LOGIN_EMAIL,
    LOGIN_USERNAME,
    PASSWORD,
    encrypt,
    error_code,
    login_email,
    register_email,
    send_sms,
    unique_phone,
)


def captcha(pool: RunningPool, client_ip: str | None = None) -> str:
    params = {"clientIp": client_ip} if client_ip else {}
    response = httpx.get(f"{pool.url}/api/v2/security/captcha", params=params, timeout=10)
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    return pool.latest_captcha(client_ip or "127.0.0.1")


def fail(pool: RunningPool, email: str, **extra: object) -> int:
    return error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, "Wrong-pass1"), **extra}})


def test_captcha_after_three_failures_for_an_account(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    assert [fail(pool, email) for _ in range(3)] == [2333, 2333, 2333]
    assert fail(pool, email) == 2000
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, PASSWORD)}}) == 2000
    code = captcha(pool)
    assert len(code) == 4
    wrong = "0000" if code != "0000" else "1111"
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, PASSWORD), "captchaCode": wrong}}) == 2001
    # The captcha was burnt by the wrong answer: a new one is needed.
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, PASSWORD), "captchaCode": code}}) == 2001
    user = login_email(pool, email, captchaCode=captcha(pool))
    assert user["token"]
    assert login_email(pool, email)["id"] == user["id"]  # success cleared the counter


def test_captcha_per_client_ip_across_accounts(pool: RunningPool) -> None:
    client_ip = f"203.0.113.{int(time.time() * 1000) % 250}"
    victims = [register_email(pool)["email"] for _ in range(2)]
    fail(pool, victims[0], clientIp=client_ip)
    fail(pool, victims[1], clientIp=client_ip)
    assert error_code(pool, LOGIN_USERNAME, {"input": {
        "username": unique("nobody"), "password": encrypt(pool, PASSWORD),
        "clientIp": client_ip}}) == 2004
    fresh = register_email(pool)["email"]
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": fresh, "password": encrypt(pool, PASSWORD), "clientIp": client_ip}}) == 2000
    # Other callers are not affected; the captcha is tied to the clientIp it was fetched for.
    assert login_email(pool, fresh)["token"]
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": fresh, "password": encrypt(pool, PASSWORD), "clientIp": client_ip,
        "captchaCode": captcha(pool)}}) == 2001
    assert login_email(pool, fresh, clientIp=client_ip,
                       captchaCode=captcha(pool, client_ip))["token"]


def test_loopback_peer_counts_when_enabled(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(count_loopback_peer=True, demo=False)
    emails = [register_email(pool)["email"] for _ in range(4)]
    assert [fail(pool, email) for email in emails[:3]] == [2333, 2333, 2333]
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": emails[3], "password": encrypt(pool, PASSWORD)}}) == 2000
    assert login_email(pool, emails[3], captchaCode=captcha(pool))["token"]


def test_lockout_then_unlock(clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool(captcha_after=10, lockout_after=3, lockout_seconds=300)
    email = register_email(pool)["email"]
    # The wrong password that locks the account says so (docs/pool-admin.md).
    assert [fail(pool, email) for _ in range(3)] == [2333, 2333, 2057]
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, PASSWORD)}}) == 2005
    clock.advance(301)
    assert login_email(pool, email)["token"]


def test_captcha_answers_are_in_the_admin_only_outbox(pool: RunningPool) -> None:
    client_ip = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.7"
    first = captcha(pool, client_ip)
    second = captcha(pool, client_ip)  # replaces the first, in the outbox too
    mine = [m for m in pool.outbox() if m["channel"] == "captcha" and m["to"] == client_ip]
    assert [(m["scene"], m["code"]) for m in mine] == [("CAPTCHA", second)]
    assert len(second) == 4 and second.isdigit() and first.isdigit()
    refused = httpx.get(f"{pool.url}/_localpool/outbox", timeout=10)
    assert refused.status_code == 401 and second not in refused.text


def test_the_clock_route_needs_the_flag_and_the_admin_token(
        make_pool: Callable[..., RunningPool]) -> None:
    fixed = make_pool(demo=False, adjustable_clock=False)
    url = f"{fixed.url}/_localpool/clock"
    assert httpx.post(url, json={"seconds": 1}, timeout=10).status_code == 401
    assert httpx.post(url, json={"seconds": 1}, headers=fixed.admin_headers,
                      timeout=10).status_code == 404
    adjustable = make_pool(demo=False, code_lifetime=60, resend_interval=0)
    url = f"{adjustable.url}/_localpool/clock"
    assert httpx.post(url, json={"seconds": 1}, timeout=10).status_code == 401
    for bad in (-1, "5", None, True, 1e12):
        answer = httpx.post(url, json={"seconds": bad}, headers=adjustable.admin_headers,
                            timeout=10).json()
        assert answer["code"] == 400, bad
    phone = unique_phone()
    send_sms(adjustable, phone)
    assert [m["to"] for m in adjustable.outbox()] == [phone]
    answer = httpx.post(url, json={"seconds": 61}, headers=adjustable.admin_headers,
                        timeout=10).json()
    assert answer["code"] == 200 and answer["data"]["offset"] == 61
    assert adjustable.outbox() == []  # the code expired at the pool's time
