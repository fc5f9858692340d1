"""Conformance: the OFFICIAL `authing==4.5.18` SDK, unchanged except for `app_host` and
`enc_public_key`, drives the AuthenticationClient methods against the local pool.

The SDK runs in its own venv (it pins gql 2 / graphql-core 2 / rsa 4.0): `AUTHING_SDK_PYTHON`
(scripts/run-tests points it at the checkout's `.venv-sdk`), else `DEFAULT_SDK_PYTHON`. A
missing interpreter FAILS the suite (never skips).
The whole scenario runs in one SDK process (`sdk_runner.py`); each test asserts on its steps.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fixtures.pool import RunningPool, start_pool, unique
from tests.localpool.helpers import encrypt, unique_email, unique_phone

pytestmark = pytest.mark.sdk

RUNNER = Path(__file__).with_name("sdk_runner.py")
DEFAULT_SDK_PYTHON = str(Path(__file__).resolve().parents[2] / ".venv-sdk" / "bin" / "python")
PASSWORD = "Secr3t-pass"
NEW_PASSWORD = "N3w-password"
CAPTCHA_IP = "198.51.100.7"
CODE_LIFETIME = 300.0


def sdk_python() -> str:
    path = os.environ.get("AUTHING_SDK_PYTHON") or DEFAULT_SDK_PYTHON
    if not Path(path).exists():
        pytest.fail(f"the official SDK interpreter is missing: {path} (run the set-up script)")
    return path


def run_scenario(pool: RunningPool, steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Run ``steps`` in one SDK process; ``{step_id: result}``."""
    scenario = {"pool": {"url": pool.url, "user_pool_id": pool.user_pool_id,
                         "app_id": pool.app_id, "public_key": pool.public_key,
                         "admin_token": pool.admin_token,
                         "user_pool_secret": pool.user_pool_secret},
                "steps": steps}
    done = subprocess.run([sdk_python(), str(RUNNER)], input=json.dumps(scenario),
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-4000:]
    results: dict[str, Any] = json.loads(done.stdout)
    return results


def code(to: str, scene: str | None = None) -> dict[str, Any]:
    return {"$code": {"to": to, "scene": scene}}


def first_login_token(pool: RunningPool, email: str) -> str:
    """The reset token the SDK drops from a 1639 / 2058 error (read with plain HTTP)."""
    body = httpx.post(f"{pool.url}/graphql/v2", timeout=30, json={
        "query": "mutation l($input: LoginByEmailInput!) { loginByEmail(input: $input) { id } }",
        "variables": {"input": {"email": email, "password": encrypt(pool, "passw0rd")}}}).json()
    token: str = body["errors"][0]["message"]["data"]["token"]
    return token


class Names:
    """The identities one scenario uses."""

    def __init__(self) -> None:
        self.email = unique_email()
        self.email2 = unique_email()
        self.email3 = unique_email()
        self.username = unique("sdk")
        self.phone = unique_phone()
        self.phone2 = unique_phone()
        self.phone3 = unique_phone()
        self.phone_expired = unique_phone()
        self.victim = unique_email()


def build_steps(n: Names, pool: RunningPool) -> list[dict[str, Any]]:
    first = first_login_token(pool, "firstlogin@example.com")
    forced = first_login_token(pool, "expired@example.com")
    httpx.get(f"{pool.url}/api/v2/security/captcha", params={"clientIp": CAPTCHA_IP},
              timeout=10).raise_for_status()
    captcha = pool.latest_captcha(CAPTCHA_IP)

    def call(step_id: str, method: str, *args: Any, client: str = "main",
             **kwargs: Any) -> dict[str, Any]:
        return {"id": step_id, "client": client, "call": method, "args": list(args),
                "kwargs": kwargs}

    return [
        # --- an expiring code first, used at the very end
        call("sms_expiring", "send_sms_code", n.phone_expired),
        # (noted now: the outbox drops a message when its code expires)
        {"id": "expiring_code", "value": code(n.phone_expired)},
        # --- registration
        call("register_by_email", "register_by_email", n.email, PASSWORD,
             profile={"nickname": "Sdk", "company": "ACME"}, force_login=True,
             custom_data={"school": "ucla", "age": 22}),
        call("register_duplicate", "register_by_email", n.email.upper(), PASSWORD,
             client="other"),
        call("register_by_username", "register_by_username", n.username, PASSWORD,
             generate_token=True, client="other"),
        call("send_sms_code", "send_sms_code", n.phone, client="other"),
        call("register_by_phone_code", "register_by_phone_code", n.phone, code(n.phone),
             PASSWORD, client="other"),
        # --- logins
        call("login_by_email", "login_by_email", n.email, PASSWORD),
        call("login_wrong_password", "login_by_email", n.email, "Wrong-pass1", client="other"),
        call("login_unknown_user", "login_by_email", unique_email(), PASSWORD, client="other"),
        call("login_by_username", "login_by_username", n.username, PASSWORD, client="other"),
        call("login_by_phone_password", "login_by_phone_password", n.phone, PASSWORD,
             client="phone"),
        call("send_sms_login", "send_sms_code", n.phone, client="phone"),
        call("login_by_phone_code", "login_by_phone_code", n.phone, code(n.phone),
             client="phone"),
        call("login_used_code", "login_by_phone_code", n.phone, code(n.phone), client="other"),
        {"id": "wrong_key_client", "client": "wrongkey",
         "options": {"enc_public_key": wrong_key()}},
        call("login_wrong_key", "login_by_email", n.email, PASSWORD, client="wrongkey"),
        # --- session
        call("get_current_user", "get_current_user"),
        call("check_logged_in", "check_logged_in"),
        call("check_login_status", "check_login_status"),
        call("refresh_token", "refresh_token"),
        call("me_after_refresh", "get_current_user"),
        call("check_status_after_refresh", "check_login_status"),
        # --- custom data
        call("get_udf_value", "get_udf_value"),
        call("set_udf_value", "set_udf_value", {"source": "sdk", "age": 23}),
        call("get_udf_after_set", "get_udf_value"),
        call("remove_udf_value", "remove_udf_value", "source"),
        call("set_udv", "set_udv", "school", "北大"),
        call("list_udv", "list_udv"),
        call("remove_udv", "remove_udv", "school"),
        call("set_udv_undefined", "set_udv", "undefined_key", 1),
        # --- profile and password
        call("update_profile", "update_profile", {"nickname": "Renamed", "city": "Paris"}),
        call("update_profile_email", "update_profile", {"email": n.email2}),
        call("update_password_wrong", "update_password", NEW_PASSWORD, "Wrong-pass1"),
        call("update_password", "update_password", NEW_PASSWORD, PASSWORD),
        call("login_new_password", "login_by_email", n.email, NEW_PASSWORD),
        # --- contacts
        call("send_sms_bind", "send_sms_code", n.phone2),
        call("bind_phone", "bind_phone", n.phone2, code(n.phone2)),
        call("send_sms_old", "send_sms_code", n.phone2),
        call("send_sms_new", "send_sms_code", n.phone3),
        call("update_phone", "update_phone", n.phone3, code(n.phone3), n.phone2,
             code(n.phone2)),
        call("unbind_phone", "unbind_phone"),
        call("unbind_email_last", "unbind_email"),
        call("send_email_old", "send_email", n.email, "CHANGE_EMAIL"),
        call("send_email_new", "send_email", n.email2, "CHANGE_EMAIL"),
        call("update_email", "update_email", n.email2, code(n.email2), n.email, code(n.email)),
        call("send_sms_bind2", "send_sms_code", n.phone2),
        call("bind_phone_again", "bind_phone", n.phone2, code(n.phone2)),
        call("unbind_email", "unbind_email"),
        call("send_email_bind", "send_email", n.email3, "VERIFY_EMAIL"),
        call("bind_email", "bind_email", n.email3, code(n.email3, "VERIFY_EMAIL")),
        call("unbind_phone_last_ok", "unbind_phone"),
        # --- reach
        call("get_security_level", "get_security_level"),
        call("list_applications", "list_applications", page=1, limit=2),
        call("is_user_exists", "is_user_exists", email=n.email3),
        call("is_user_missing", "is_user_exists", user_name=unique("nobody")),
        call("check_password_strength_weak", "check_password_strength", "abc"),
        call("check_password_strength_ok", "check_password_strength", "abc12345"),
        call("login_demo", "login_by_email", "demo@example.com", "passw0rd", client="demo"),
        call("list_roles", "list_roles", client="demo"),
        call("list_roles_namespace", "list_roles", "default", client="demo"),
        call("has_role", "has_role", "reader", client="demo"),
        call("has_role_missing", "has_role", "writer", client="demo"),
        call("list_authorized_resources", "list_authorized_resources", "default", client="demo"),
        call("list_authorized_menus", "list_authorized_resources", "default", "MENU",
             client="demo"),
        call("list_orgs", "list_orgs", client="demo"),
        call("list_departments", "list_departments", client="demo"),
        call("login_by_sub_account", "login_by_sub_account", "demo-sub", "passw0rd",
             client="sub"),
        # --- password resets (new password for the email user, then the phone user)
        call("send_email_reset", "send_email", n.email3, "RESET_PASSWORD", client="other"),
        call("reset_password_by_email_code", "reset_password_by_email_code", n.email3,
             code(n.email3, "RESET_PASSWORD"), "Reset-pass1", client="other"),
        call("reset_email_code_reused", "reset_password_by_email_code", n.email3,
             code(n.email3, "RESET_PASSWORD"), "Reset-pass2", client="other"),
        call("me_after_reset", "get_current_user"),
        call("login_after_email_reset", "login_by_email", n.email3, "Reset-pass1"),
        call("send_sms_reset", "send_sms_code", n.phone, client="other"),
        call("reset_password_by_phone_code", "reset_password_by_phone_code", n.phone,
             code(n.phone), "Reset-pass1", client="other"),
        call("login_after_phone_reset", "login_by_phone_password", n.phone, "Reset-pass1",
             client="other"),
        # --- first-login and forced resets (tokens read with plain HTTP: the SDK drops them)
        call("login_first", "login_by_email", "firstlogin@example.com", "passw0rd",
             client="other"),
        call("reset_password_by_first_token", "reset_password_by_first_token", first,
             "Fresh-pass1", client="other"),
        call("login_after_first", "login_by_email", "firstlogin@example.com", "Fresh-pass1",
             client="other"),
        call("login_forced", "login_by_email", "expired@example.com", "passw0rd",
             client="other"),
        call("reset_password_with_force_reset", "reset_password_with_force_reset", forced,
             "passw0rd", "Fresh-pass1", client="other"),
        # --- captcha for one client IP
        call("register_victim", "register_by_email", n.victim, PASSWORD, client="victim"),
        *[call(f"captcha_fail_{i}", "login_by_email", n.victim, "Wrong-pass1",
               client_ip=CAPTCHA_IP, client="victim") for i in range(3)],
        call("captcha_required", "login_by_email", n.victim, PASSWORD, client_ip=CAPTCHA_IP,
             client="victim"),
        call("captcha_passed", "login_by_email", n.victim, PASSWORD, client_ip=CAPTCHA_IP,
             captcha_code=captcha, client="victim"),
        # --- logout and the revoked token
        {"id": "token_before_logout", "client": "main", "call": "get_token"},
        call("logout", "logout"),
        call("me_after_logout", "get_current_user",
             {"$result": "token_before_logout"}),
        call("status_after_logout", "check_login_status", {"$result": "token_before_logout"}),
        call("refresh_after_logout", "refresh_token", {"$result": "token_before_logout"}),
        # --- the expiring code, now stale
        {"id": "wait_code_expiry", "advance_clock": CODE_LIFETIME + 1},
        call("login_expired_code", "login_by_phone_code", n.phone_expired,
             {"$result": "expiring_code"}, client="other"),
    ]


def wrong_key() -> str:
    """A valid RSA public key that is not the pool's (the SDK's cloud-key situation)."""
    # 1024 bits like the SDK's built-in cloud key.
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


@pytest.fixture(scope="module")
def sdk_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    running = start_pool(tmp_path_factory.mktemp("sdkpool"), resend_interval=0,
                         code_lifetime=CODE_LIFETIME)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def names() -> Names:
    return Names()


@pytest.fixture(scope="module")
def results(sdk_pool: RunningPool, names: Names) -> dict[str, Any]:
    return run_scenario(sdk_pool, build_steps(names, sdk_pool))


def ok(results: dict[str, Any], step: str) -> Any:
    outcome = results[step]
    assert outcome["ok"], f"{step}: {outcome}"
    return outcome["result"]


def failed(results: dict[str, Any], step: str) -> int:
    outcome = results[step]
    assert not outcome["ok"], f"{step} unexpectedly succeeded: {outcome}"
    assert outcome["error"] == "AuthingException", outcome
    code_: int = outcome["code"]
    return code_


# ------------------------------------------------------------------------- registration
def test_register_by_email(results: dict[str, Any], names: Names) -> None:
    user = ok(results, "register_by_email")
    assert user["email"] == names.email and user["nickname"] == "Sdk" and user["token"]
    assert user["company"] == "ACME" and user["externalId"] is None
    assert failed(results, "register_duplicate") == 2026


def test_register_by_username_and_phone_code(results: dict[str, Any], names: Names) -> None:
    assert ok(results, "register_by_username")["username"] == names.username
    assert ok(results, "register_by_username")["token"]
    assert ok(results, "send_sms_code") == {"code": 200, "message": "SMS sent", "data": None}
    phone_user = ok(results, "register_by_phone_code")
    assert phone_user["phone"] == names.phone and phone_user["token"] is None


# ------------------------------------------------------------------------- logins
def test_logins(results: dict[str, Any], names: Names) -> None:
    assert ok(results, "login_by_email")["email"] == names.email
    assert ok(results, "login_by_username")["username"] == names.username
    assert ok(results, "login_by_phone_password")["phone"] == names.phone
    assert ok(results, "login_by_phone_code")["phone"] == names.phone
    assert failed(results, "login_wrong_password") == 2333
    assert failed(results, "login_unknown_user") == 2004
    assert failed(results, "login_used_code") == 2001
    assert failed(results, "login_wrong_key") == 2016
    assert failed(results, "login_expired_code") == 2300
    assert ok(results, "login_by_sub_account")["username"] == "demo-sub"


def test_captcha_after_failures_from_one_client_ip(results: dict[str, Any]) -> None:
    assert [failed(results, f"captcha_fail_{i}") for i in range(3)] == [2333] * 3
    assert failed(results, "captcha_required") == 2000
    assert ok(results, "captcha_passed")["token"]


# ------------------------------------------------------------------------- session
def test_current_user_status_refresh(results: dict[str, Any], names: Names) -> None:
    me = ok(results, "get_current_user")
    assert me["email"] == names.email and me["token"]
    assert ok(results, "check_logged_in")["id"] == me["id"]
    status = ok(results, "check_login_status")
    assert status["code"] == 200 and status["status"] is True and status["data"]["id"] == me["id"]
    refreshed = ok(results, "refresh_token")
    assert refreshed["token"] and refreshed["exp"] - refreshed["iat"] == 1_209_600
    assert ok(results, "me_after_refresh")["token"] == refreshed["token"]
    assert ok(results, "check_status_after_refresh")["code"] == 200


def test_logout_revokes(results: dict[str, Any]) -> None:
    assert ok(results, "logout") is True
    assert failed(results, "me_after_logout") == 2020
    assert ok(results, "status_after_logout")["code"] == 2207
    assert failed(results, "refresh_after_logout") == 2020


# ------------------------------------------------------------------------- custom data
def test_udf_values(results: dict[str, Any]) -> None:
    assert ok(results, "get_udf_value") == {"school": "ucla", "age": 22}
    assert ok(results, "set_udf_value") is True
    assert ok(results, "get_udf_after_set") == {"school": "ucla", "age": 23, "source": "sdk"}
    assert ok(results, "remove_udf_value") is True
    set_list = ok(results, "set_udv")
    assert {i["key"]: i["value"] for i in set_list} == {"school": "北大", "age": 23}
    assert {i["key"]: i["value"] for i in ok(results, "list_udv")} == {"school": "北大",
                                                                        "age": 23}
    assert [i["key"] for i in ok(results, "remove_udv")] == ["age"]
    assert failed(results, "set_udv_undefined") == 400


# ------------------------------------------------------------------------- profile
def test_update_profile_and_password(results: dict[str, Any]) -> None:
    updated = ok(results, "update_profile")
    assert updated["nickname"] == "Renamed" and updated["city"] == "Paris" and updated["token"]
    assert failed(results, "update_profile_email") == 2225
    assert failed(results, "update_password_wrong") == 2203
    assert ok(results, "update_password")["id"] == updated["id"]
    assert ok(results, "login_new_password")["id"] == updated["id"]


def test_contacts(results: dict[str, Any], names: Names) -> None:
    assert ok(results, "bind_phone")["phone"] == names.phone2
    assert ok(results, "update_phone")["phone"] == names.phone3
    assert ok(results, "unbind_phone")["phone"] is None
    assert failed(results, "unbind_email_last") == 2217
    assert ok(results, "send_email_old") == {"message": "email sent", "code": 200}
    assert ok(results, "update_email")["email"] == names.email2
    assert ok(results, "bind_phone_again")["phone"] == names.phone2
    assert ok(results, "unbind_email")["email"] is None
    bound = ok(results, "bind_email")
    assert bound["email"] == names.email3 and bound["emailVerified"] is True
    assert ok(results, "unbind_phone_last_ok")["phone"] is None


def test_password_resets(results: dict[str, Any]) -> None:
    assert ok(results, "reset_password_by_email_code") == {"message": "password reset",
                                                           "code": 200}
    assert failed(results, "reset_email_code_reused") == 2001
    assert failed(results, "me_after_reset") == 2020  # a reset ends the sessions
    assert ok(results, "login_after_email_reset")["token"]
    assert ok(results, "reset_password_by_phone_code")["code"] == 200
    assert ok(results, "login_after_phone_reset")["token"]
    assert failed(results, "login_first") == 1639
    assert ok(results, "reset_password_by_first_token")["code"] == 200
    assert ok(results, "login_after_first")["token"]
    assert failed(results, "login_forced") == 2058
    assert ok(results, "reset_password_with_force_reset")["code"] == 200


# ------------------------------------------------------------------------- reach
def test_security_level_apps_checks(results: dict[str, Any]) -> None:
    level = ok(results, "get_security_level")
    assert level == {"score": 60, "email": True, "phone": False, "password": True,
                     "passwordSecurityLevel": 3, "mfa": False}
    apps = ok(results, "list_applications")
    assert apps["totalCount"] == 3 and len(apps["list"]) == 2
    assert ok(results, "is_user_exists") is True
    assert ok(results, "is_user_missing") is False
    assert ok(results, "check_password_strength_weak")["valid"] is False
    assert ok(results, "check_password_strength_ok") == {
        "valid": True, "message": "the password meets the pool policy"}


def test_roles_resources_orgs_departments(results: dict[str, Any]) -> None:
    roles = ok(results, "list_roles")
    assert roles["totalCount"] == 1 and roles["list"][0]["code"] == "reader"
    assert ok(results, "list_roles_namespace")["totalCount"] == 1
    assert ok(results, "has_role") is True and ok(results, "has_role_missing") is False
    resources = ok(results, "list_authorized_resources")
    assert resources["totalCount"] == 3
    assert {"code": "books:1", "type": "DATA",
            "actions": ["books:delete", "books:update"]} in resources["list"]
    assert {"code": "menu_a", "type": "MENU"} in resources["list"]  # falsy keys stripped
    assert ok(results, "list_authorized_menus")["totalCount"] == 2
    orgs = ok(results, "list_orgs")
    assert len(orgs) == 1 and [i.get("name") for i in orgs[0][1:]] == [
        "Demo Corp", "Engineering", "Platform Team"]
    departments = ok(results, "list_departments")["departments"]
    assert departments["totalCount"] == 1
    assert departments["list"][0]["department"]["name"] == "Platform Team"
    assert departments["list"][0]["isMainDepartment"] is True


def test_send_sms_code_returns_the_rate_limit(pool: RunningPool) -> None:
    phone = unique_phone()
    steps = [{"id": "first", "call": "send_sms_code", "args": [phone]},
             {"id": "again", "call": "send_sms_code", "args": [phone]}]
    outcome = run_scenario(pool, steps)
    assert ok(outcome, "first")["code"] == 200
    again = ok(outcome, "again")
    assert again["code"] == 2080 and "retry" in again["message"]
