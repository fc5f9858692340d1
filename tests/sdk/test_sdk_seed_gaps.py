"""The three places where the seed's own examples found the pool unlike Authing, run through the
OFFICIAL `authing==4.5.18` SDK (one process, `sdk_runner.py`):

1. ``update_profile({'nickname', 'lastIP', 'browser', 'device'})`` is accepted and stored;
2. ``custom_data`` given at sign-in (email, username, phone + password, phone + code) is stored
   for an existing user, and an undefined key is refused like at registration;
3. a code grant with ``offline_access`` brings a refresh token that
   ``get_new_access_token_by_refresh_token`` rotates; a spent one is refused and revokes its
   sign-in; ``revoke_token`` and ``logout`` revoke it.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from tests.fixtures.pool import RunningPool, start_pool, unique
from tests.localpool.helpers import encrypt, unique_email, unique_phone
from tests.localpool.hosted_page import redirect_query, sign_in
from tests.sdk.test_sdk_conformance import failed, ok, run_scenario

pytestmark = pytest.mark.sdk

REDIRECT = "http://127.0.0.1:61002/callback"
PASSWORD = "Secr3t-pass"
SCOPE = "openid profile email offline_access"
GRANTS = ("rotate", "revoke", "logout")


class Prepared:
    """The user, and one authorization code per grant (the hosted page driven by httpx
    before the SDK runs; codes live a minute)."""

    def __init__(self, pool: RunningPool) -> None:
        self.email = unique_email()
        self.username = unique("seed")
        self.phone = unique_phone()
        self.verifiers: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.oidc_email = unique_email()
        register = ("mutation r($input: RegisterByEmailInput!) {"
                    " registerByEmail(input: $input) { id } }")
        httpx.post(f"{pool.url}/graphql/v2", timeout=10, json={"query": register, "variables": {
            "input": {"email": self.oidc_email, "password": encrypt(pool, PASSWORD)}}},
        ).raise_for_status()
        for grant in GRANTS:
            verifier = secrets.token_urlsafe(48)
            challenge = base64.urlsafe_b64encode(
                hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
            params = {"client_id": pool.app_id, "redirect_uri": REDIRECT,
                      "response_type": "code", "scope": SCOPE, "state": grant,
                      "nonce": secrets.token_hex(6), "code_challenge": challenge,
                      "code_challenge_method": "S256", "prompt": "consent"}
            with httpx.Client(timeout=10) as browser:
                answer = sign_in(browser, f"{pool.url}/oidc/auth?{urlencode(params)}",
                                 self.oidc_email, PASSWORD)
            query = redirect_query(answer)
            assert query["state"] == grant
            self.codes[grant] = query["code"]
            self.verifiers[grant] = verifier


def call(step_id: str, method: str, *args: Any, client: str = "main",
         **kwargs: Any) -> dict[str, Any]:
    return {"id": step_id, "client": client, "call": method, "args": list(args),
            "kwargs": kwargs}


def result(step_id: str, *path: str) -> dict[str, Any]:
    return {"$result": step_id, "path": list(path)}


def build_steps(pool: RunningPool, prep: Prepared) -> list[dict[str, Any]]:
    phone_code = {"$code": {"to": prep.phone, "scene": None}}
    steps = [
        # --- 1. profile fields the seed updates
        call("register", "register_by_email", prep.email, PASSWORD, force_login=True),
        call("update_profile", "update_profile", {
            "nickname": "Seed", "lastIP": "203.0.113.9", "browser": "Firefox 128",
            "device": "ThinkPad X1"}),
        call("me_after_update", "get_current_user"),
        call("update_profile_bad_ip", "update_profile", {"lastIP": "203.0.113"}),
        # --- 2. custom data at sign-in, every login that takes it
        call("login_email_custom", "login_by_email", prep.email, PASSWORD,
             custom_data={"school": "ucla", "age": 22}),
        call("udf_after_email", "get_udf_value"),
        call("login_email_undefined", "login_by_email", prep.email, PASSWORD,
             custom_data={"undefined_key": 1}, client="other"),
        call("register_username", "register_by_username", prep.username, PASSWORD,
             client="named"),
        call("login_username_custom", "login_by_username", prep.username, PASSWORD,
             custom_data={"source": "seed"}, client="named"),
        call("udf_after_username", "get_udf_value", client="named"),
        call("send_sms_register", "send_sms_code", prep.phone, client="phone"),
        call("register_phone", "register_by_phone_code", prep.phone, phone_code, PASSWORD,
             client="phone"),
        call("login_phone_password_custom", "login_by_phone_password", prep.phone, PASSWORD,
             custom_data={"age": 30}, client="phone"),
        call("udf_after_phone_password", "get_udf_value", client="phone"),
        call("send_sms_login", "send_sms_code", prep.phone, client="phone"),
        call("login_phone_code_custom", "login_by_phone_code", prep.phone, phone_code,
             custom_data={"school": "北大"}, client="phone"),
        call("udf_after_phone_code", "get_udf_value", client="phone"),
    ]
    # --- 3. refresh tokens (a public client with PKCE, like the desktop app)
    for grant in GRANTS:
        steps += [
            {"id": f"{grant}_client", "client": grant, "options": {
                "redirect_uri": REDIRECT, "token_endpoint_auth_method": "none",
                "revocation_endpoint_auth_method": "none"}},
            call(f"{grant}_code", "get_access_token_by_code", prep.codes[grant],
                 prep.verifiers[grant], client=grant),
        ]
    steps += [
        call("rotate_1", "get_new_access_token_by_refresh_token",
             result("rotate_code", "refresh_token"), client="rotate"),
        call("rotate_2", "get_new_access_token_by_refresh_token",
             result("rotate_1", "refresh_token"), client="rotate"),
        call("me_rotated", "get_current_user", result("rotate_2", "id_token"),
             client="rotate"),
        call("rotate_reused", "get_new_access_token_by_refresh_token",
             result("rotate_code", "refresh_token"), client="rotate"),
        call("rotate_after_reuse", "get_new_access_token_by_refresh_token",
             result("rotate_2", "refresh_token"), client="rotate"),
        call("status_after_reuse", "check_login_status", result("rotate_2", "id_token"),
             client="rotate"),
        call("revoke_refresh", "revoke_token", result("revoke_code", "refresh_token"),
             client="revoke"),
        call("refresh_after_revoke", "get_new_access_token_by_refresh_token",
             result("revoke_code", "refresh_token"), client="revoke"),
        call("me_logout", "get_current_user", result("logout_code", "id_token"),
             client="logout"),
        call("logout", "logout", client="logout"),
        call("refresh_after_logout", "get_new_access_token_by_refresh_token",
             result("logout_code", "refresh_token"), client="logout"),
    ]
    return steps


@pytest.fixture(scope="module")
def gaps_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    running = start_pool(tmp_path_factory.mktemp("seedgaps"), resend_interval=0)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def prepared(gaps_pool: RunningPool) -> Prepared:
    return Prepared(gaps_pool)


@pytest.fixture(scope="module")
def results(gaps_pool: RunningPool, prepared: Prepared) -> dict[str, Any]:
    return run_scenario(gaps_pool, build_steps(gaps_pool, prepared))


def test_update_profile_sets_last_ip_browser_and_device(results: dict[str, Any]) -> None:
    updated = ok(results, "update_profile")
    assert updated["nickname"] == "Seed" and updated["lastIP"] == "203.0.113.9"
    assert updated["browser"] == "Firefox 128" and updated["device"] == "ThinkPad X1"
    me = ok(results, "me_after_update")
    assert (me["lastIP"], me["browser"], me["device"]) == ("203.0.113.9", "Firefox 128",
                                                          "ThinkPad X1")
    assert failed(results, "update_profile_bad_ip") == 400


def test_login_custom_data_is_stored(results: dict[str, Any], prepared: Prepared) -> None:
    assert ok(results, "login_email_custom")["email"] == prepared.email
    assert ok(results, "udf_after_email") == {"school": "ucla", "age": 22}
    assert failed(results, "login_email_undefined") == 400
    assert ok(results, "udf_after_username") == {"source": "seed"}
    assert ok(results, "udf_after_phone_password") == {"age": 30}
    assert ok(results, "login_phone_code_custom")["phone"] == prepared.phone
    assert ok(results, "udf_after_phone_code") == {"age": 30, "school": "北大"}


def test_refresh_tokens_rotate_and_a_reused_one_revokes_the_sign_in(
        results: dict[str, Any], prepared: Prepared) -> None:
    first = ok(results, "rotate_code")
    assert first["scope"] == SCOPE and first["refresh_token"]
    second, third = ok(results, "rotate_1"), ok(results, "rotate_2")
    tokens = {first["refresh_token"], second["refresh_token"], third["refresh_token"]}
    assert len(tokens) == 3  # a new refresh token every time
    assert second["id_token"] and second["access_token"] and second["expires_in"] == 3600
    assert ok(results, "me_rotated")["email"] == prepared.oidc_email
    # the SDK returns OAuth error bodies as they are
    assert ok(results, "rotate_reused")["error"] == "invalid_grant"
    assert ok(results, "rotate_after_reuse")["error"] == "invalid_grant"
    assert ok(results, "status_after_reuse")["status"] is False


def test_revocation_and_logout_revoke_the_refresh_token(results: dict[str, Any]) -> None:
    assert ok(results, "revoke_refresh") == {}
    assert ok(results, "refresh_after_revoke")["error"] == "invalid_grant"
    assert ok(results, "logout") is True
    assert ok(results, "refresh_after_logout")["error"] == "invalid_grant"
