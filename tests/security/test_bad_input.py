"""Bad input per route: a clear 4xx (or the route's business error), never a 500.

First the classes that used to reach a 500, each on a route where it did; then the route fuzz
(`tests.security.fuzz`) over every route of the pool, which must find no server error at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx

from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.identity import load_identity
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.server import build_app
from authing_desktop.localpool.settings import load_settings
from authing_desktop.localpool.storage import Database
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    LOGIN_EMAIL,
    LOGIN_PHONE_CODE,
    PASSWORD,
    encrypt,
    error_code,
    management_token,
    register_email,
    send_sms,
    unique_phone,
)
from tests.localpool.test_mfa import call
from tests.security.attacks import mfa_token, mfa_user, raw_json, verify_totp
from tests.security.fuzz import route_keys, run_fuzz

ARABIC_INDIC = "\u0661\u0662\u0663\u0664\u0665\u0666"
FULL_WIDTH = "\uff11\uff12\uff13\uff14\uff15\uff16"


def post_raw(pool: RunningPool, path: str, value: object, token: str | None = None,
             ) -> dict[str, object]:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    answer = httpx.post(f"{pool.url}{path}", content=raw_json(value), headers=headers,
                        timeout=10)
    assert answer.status_code < 500, answer.text
    body: dict[str, object] = answer.json()
    return body


def test_non_ascii_digits_are_wrong_codes(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    for code in (ARABIC_INDIC, FULL_WIDTH, "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"):
        assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone,
                                                             "code": code}}) == 2001
    user, _, _ = mfa_user(pool)
    token = mfa_token(pool, user["email"])
    for code in (ARABIC_INDIC, FULL_WIDTH):
        assert verify_totp(pool, token, code)["code"] == 6001


def test_non_ascii_captcha_answers_are_wrong(fast_pool: RunningPool) -> None:
    pool = fast_pool
    email = register_email(pool)["email"]
    wrong = encrypt(pool, "Wrong-pass1")
    for _ in range(3):
        error_code(pool, LOGIN_EMAIL, {"input": {"email": email, "password": wrong}})
    for answer in (FULL_WIDTH[:4], ARABIC_INDIC[:4], "\u00e9"):
        httpx.get(f"{pool.url}/api/v2/security/captcha", timeout=10).raise_for_status()
        assert error_code(pool, LOGIN_EMAIL, {"input": {
            "email": email, "password": encrypt(pool, PASSWORD), "captchaCode": answer}}) == 2001


def test_lone_surrogates_are_refused(pool: RunningPool) -> None:
    assert post_raw(pool, "/api/v2/sms/send", {"phone": "\ud800"})["code"] == 400
    body = post_raw(pool, "/graphql/v2", {"query": LOGIN_EMAIL, "variables": {
        "input": {"email": "a\udfff@example.com", "password": "x"}}})
    assert body["errors"][0]["message"]["code"] == 400  # type: ignore[index]
    token = register_email(pool)["token"]
    answer = post_raw(pool, "/api/v3/create-device", {"deviceUniqueId": "\ud800"}, token)
    assert answer["statusCode"] == 400


def test_non_string_phone_and_email_in_factor_enrolment(pool: RunningPool) -> None:
    token = register_email(pool)["token"]
    for factor, profile, code in (("SMS", {"phoneNumber": 13800000000}, 2028),
                                  ("SMS", {"phoneNumber": ["138"]}, 2028),
                                  ("EMAIL", {"email": {"a": 1}}, 2003),
                                  ("EMAIL", {"email": 7}, 2003)):
        answer = call(pool, "POST", "/api/v3/send-enroll-factor-request", token,
                      json={"factorType": factor, "profile": profile})
        assert answer["statusCode"] == 400 and answer["apiCode"] == code, answer


def test_a_list_as_deletion_channel(pool: RunningPool) -> None:
    for path, field, value in (("/api/v3/send-sms", "phoneNumber", unique_phone()),
                               ("/api/v3/send-email", "email", "a@example.com")):
        answer = call(pool, "POST", path, json={field: value,
                                                "channel": ["CHANNEL_DELETE_ACCOUNT"]})
        assert answer["statusCode"] == 400, answer


def test_huge_page_numbers(pool: RunningPool) -> None:
    token = register_email(pool)["token"]
    for page in (str(2 ** 64), "9" * 5000, "-1", ARABIC_INDIC):
        answer = call(pool, "GET", f"/api/v2/users/me/applications/allowed?page={page}", token)
        assert answer["code"] == 400, (page, answer)
        answer = call(pool, "GET", f"/api/v3/mydevices/list?page={page}", token)
        assert answer["statusCode"] == 400, (page, answer)


def _app_routes(tmp_path: Path) -> set[tuple[str, str]]:
    """(method, path) of every route of a pool app (built, not served)."""
    db = Database(tmp_path / "routes.sqlite3", workers=1)
    try:
        core = PoolCore(db, load_identity(db), load_settings(None), issuer="http://x")
        app = build_app(PoolFeatures.over(core), db, "http://x", hosts=(), admin_token="x")
        return {(method, route.path) for route in app.routes
                for method in getattr(route, "methods", ()) if method != "HEAD"}
    finally:
        db.close()


def test_the_route_fuzz_finds_no_server_error(make_pool: Callable[..., RunningPool],
                                             tmp_path: Path) -> None:
    # A pool of its own: the fuzz sends codes and wrong answers by the thousand.
    pool = make_pool(demo=False, resend_interval=0, second_factor_lockout_after=100_000,
                     passkey_second_factor=True)
    assert _app_routes(tmp_path) <= route_keys(pool.app_id, pool.user_pool_id)
    user = register_email(pool)
    mfa, _, _ = mfa_user(pool)
    tokens: dict[str, Callable[[], str]] = {
        "login": lambda: str(user["token"]), "admin": lambda: pool.admin_token,
        "mfa": lambda: mfa_token(pool, mfa["email"]),
        "management": lambda: management_token(pool)}
    report = run_fuzz(pool.url, pool.app_id, pool.user_pool_id, tokens)
    assert report.requests > 1000
    assert report.failures == []
    assert "Traceback" not in pool.log_path.read_text()
