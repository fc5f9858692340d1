"""v3 self-service routes of the local pool (beyond-v2 spec 1-5, 8-10): the envelope and token
acceptance, devices and sessions, sign out everywhere, login history, signed-in apps, account
deletion, linked identities and the profile."""

from __future__ import annotations

import time
from typing import Any

from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    GraphQLError,
    encrypt,
    gql,
    login_email,
    register_email,
    unique_phone,
)
from tests.localpool.test_mfa import BIND_PHONE, call

CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          " Chrome/124.0.0.0 Safari/537.36")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
          " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")


def login_as(pool: RunningPool, email: str, *, device: str | None = None,
             agent: str | None = None, password: str | None = None) -> dict[str, Any]:
    """loginByEmail with a chosen device id and User-Agent; the user."""
    headers = {"user-agent": agent or "pytest-client/1.0"}
    if device:
        headers["x-authing-device-id"] = device
    body = call(pool, "POST", "/graphql/v2", headers=headers, json={
        "query": "mutation loginByEmail($input: LoginByEmailInput!) {"
                 " loginByEmail(input: $input) { id email token } }",
        "variables": {"input": {"email": email,
                                "password": encrypt(pool, password or "Secr3t-pass")}}})
    if body.get("errors"):
        message = body["errors"][0]["message"]
        raise GraphQLError(message["code"], message["message"], message.get("data"))
    user: dict[str, Any] = body["data"]["loginByEmail"]
    return user


def test_v3_envelope_and_token_forms(pool: RunningPool) -> None:
    user = register_email(pool)
    for bare in (False, True):
        answer = call(pool, "GET", "/api/v3/get-security-info", user["token"], bare=bare)
        assert answer["statusCode"] == 200 and answer["message"] == ""
        assert answer["data"]["passwordSet"] is True and "apiCode" not in answer
    refused = call(pool, "GET", "/api/v3/get-my-login-history")
    assert refused["statusCode"] == 401 and refused["apiCode"] == 2020
    assert refused["requestId"]
    bad = call(pool, "GET", "/api/v3/get-my-login-history?success=maybe", user["token"])
    assert bad["statusCode"] == 400 and "apiCode" not in bad
    assert call(pool, "GET", "/api/v3/mydevices/list?limit=51",
                user["token"])["statusCode"] == 400


def test_devices_sessions_and_revoking_one(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    laptop = login_as(pool, email, device="laptop-1", agent=CHROME)
    phone = login_as(pool, email, device="phone-1", agent=IPHONE)
    listed = call(pool, "GET", "/api/v3/mydevices/list", laptop["token"])["data"]
    by_id = {item["device"]["deviceId"]: item for item in listed}
    assert {"laptop-1", "phone-1"} <= set(by_id)
    assert listed[0]["device"]["deviceId"] == "phone-1"  # newest sign-in first
    assert by_id["laptop-1"]["current"] is True and by_id["phone-1"]["current"] is False
    assert by_id["laptop-1"]["device"]["os"] == "Windows"
    assert by_id["laptop-1"]["device"]["browser"] == "Chrome"
    assert by_id["phone-1"]["device"]["type"] == "Mobile"
    assert by_id["phone-1"]["device"]["os"] == "iOS"
    assert by_id["phone-1"]["online"] is True and by_id["phone-1"]["lastIp"] == "127.0.0.1"
    assert by_id["phone-1"]["lastLoginTime"] and by_id["phone-1"]["lastActiveTime"]

    revoked = call(pool, "POST", "/api/v3/mydevices/revoke-session", laptop["token"],
                   json={"deviceId": "phone-1"})
    assert revoked == {"statusCode": 200, "message": "", "requestId": revoked["requestId"]}
    assert call(pool, "GET", "/api/v2/users/me", phone["token"])["code"] == 2020
    assert call(pool, "GET", "/api/v2/users/me", laptop["token"])["code"] == 200
    listed = call(pool, "GET", "/api/v3/mydevices/list", laptop["token"])["data"]
    by_id = {item["device"]["deviceId"]: item for item in listed}
    assert by_id["phone-1"]["online"] is False and by_id["phone-1"]["sessionCount"] == 0

    assert call(pool, "POST", "/api/v3/mydevices/unbind", laptop["token"],
                json={"deviceId": "phone-1"})["statusCode"] == 200
    listed = call(pool, "GET", "/api/v3/mydevices/list", laptop["token"])["data"]
    assert "phone-1" not in {item["device"]["deviceId"] for item in listed}
    missing = call(pool, "POST", "/api/v3/mydevices/revoke-session", laptop["token"],
                   json={"deviceId": "nope"})
    assert missing["statusCode"] == 404
    assert call(pool, "POST", "/api/v3/mydevices/revoke-session", laptop["token"],
                json={})["apiCode"] == 2231


def test_create_device_and_paging(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    token = login_as(pool, email, agent="authing-desktop/0.1")["token"]
    created = call(pool, "POST", "/api/v3/create-device", token, json={
        "deviceUniqueId": "desk-42", "type": "Desktop", "name": "My PC", "os": "Linux",
        "version": "6.1", "mod": "ThinkPad", "producer": "Lenovo"})
    assert created["statusCode"] == 200, created
    assert created["data"]["device"]["name"] == "My PC" and created["data"]["current"] is True
    for index in range(2):
        login_as(pool, email, device=f"other-{index}")
    page1 = call(pool, "GET", "/api/v3/mydevices/list?page=1&limit=2", token)["data"]
    page2 = call(pool, "GET", "/api/v3/mydevices/list?page=2&limit=2", token)["data"]
    ids = [item["device"]["deviceId"] for item in page1 + page2]
    assert len(page1) == 2 and "desk-42" in ids and len(set(ids)) == len(ids) >= 3
    assert call(pool, "POST", "/api/v3/create-device", token,
                json={"deviceUniqueId": "x", "type": "Toaster"})["statusCode"] == 400


def test_sign_out_everywhere_and_logged_in_apps(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    first = login_as(pool, email, device="a")
    second = login_as(pool, email, device="b")
    apps = call(pool, "GET", "/api/v3/get-my-logged-in-apps", first["token"])["data"]
    assert [app["appId"] for app in apps] == [pool.app_id] and apps[0]["active"] is True
    mine = call(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}&only_self=1",
                second["token"])
    assert mine["code"] == 200  # only_self=1: this session only
    assert call(pool, "GET", "/api/v2/users/me", second["token"])["code"] == 2020
    assert call(pool, "GET", "/api/v2/users/me", first["token"])["code"] == 200
    third = login_as(pool, email, device="c")
    everywhere = call(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}&only_self=false",
                      third["token"])
    assert everywhere["code"] == 200
    for user in (first, third):
        assert call(pool, "GET", "/api/v2/users/me", user["token"])["code"] == 2020
    fourth = login_as(pool, email, device="d")
    apps = call(pool, "GET", "/api/v3/get-my-logged-in-apps", fourth["token"])["data"]
    assert apps[0]["active"] is True


def test_plain_logout_ends_every_session_of_the_app_and_only_self_true_one(
        pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    other_user = login_as(pool, register_email(pool)["email"])
    first, second, third = (login_as(pool, email, device=name) for name in ("a", "b", "c"))
    mine = call(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}&only_self=true",
                first["token"])
    assert mine["code"] == 200
    assert call(pool, "GET", "/api/v2/users/me", first["token"])["code"] == 2020
    assert call(pool, "GET", "/api/v2/users/me", third["token"])["code"] == 200
    plain = call(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}", second["token"])
    assert plain["code"] == 200  # without only_self: all of this user's sessions of the app
    for user in (second, third):
        assert call(pool, "GET", "/api/v2/users/me", user["token"])["code"] == 2020
    assert call(pool, "GET", "/api/v2/users/me", other_user["token"])["code"] == 200
    fourth = login_as(pool, email, device="d")
    apps = call(pool, "GET", "/api/v3/get-my-logged-in-apps", fourth["token"])["data"]
    assert apps[0]["active"] is True
    call(pool, "GET", "/api/v2/logout", fourth["token"])  # no app_id: the token's own app
    assert call(pool, "GET", "/api/v2/users/me", fourth["token"])["code"] == 2020


def test_logged_in_and_accessible_apps_carry_last_access_and_sign_out_of_the_app(
        pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    here = login_as(pool, email, device="here")
    elsewhere = login_as(pool, email, device="elsewhere")
    apps = call(pool, "GET", "/api/v3/get-my-logged-in-apps", here["token"])["data"]
    assert [app["appId"] for app in apps] == [pool.app_id]
    assert apps[0]["active"] is True and apps[0]["lastAccessTime"].startswith("20")
    accessible = call(pool, "GET", "/api/v3/get-my-accessible-apps", here["token"])
    assert accessible["statusCode"] == 200
    by_id = {app["appId"]: app for app in accessible["data"]}
    assert by_id[pool.app_id]["active"] is True
    assert all(not app["active"] for key, app in by_id.items() if key != pool.app_id)
    assert set(by_id[pool.app_id]) == set(apps[0])
    assert call(pool, "GET", "/api/v3/get-my-accessible-apps", None)["statusCode"] != 200
    # "Sign out of this app everywhere": the plain form, with the app's id.
    out = call(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}", here["token"])
    assert out["code"] == 200
    assert call(pool, "GET", "/api/v2/users/me", elsewhere["token"])["code"] == 2020
    again = login_as(pool, email, device="again")
    apps = call(pool, "GET", "/api/v3/get-my-logged-in-apps", again["token"])["data"]
    assert apps[0]["active"] is True
    # Another application's id leaves this app's sessions alone.
    call(pool, "GET", "/api/v2/logout?app_id=no-such-app", again["token"])
    assert call(pool, "GET", "/api/v2/users/me", again["token"])["code"] == 200


def test_login_history_lists_failures_and_successes_with_filters(pool: RunningPool) -> None:
    user = register_email(pool)
    email = user["email"]
    started = time.time()
    try:
        login_as(pool, email, password="wrong-password-1", agent=CHROME)
    except GraphQLError as exc:
        assert exc.code == 2333
    else:
        raise AssertionError("a wrong password signed in")
    token = login_as(pool, email, agent=IPHONE, device="hist-phone")["token"]
    history = call(pool, "GET", "/api/v3/get-my-login-history", token)["data"]
    assert history["totalCount"] == 2  # registering (forceLogin) is not a login attempt
    newest, failed = history["list"][0], history["list"][1]
    assert newest["success"] is True and newest["loginMethod"] == "loginByEmail"
    assert newest["parsedUserAgent"] == {"device": "Mobile", "browser": "Safari",
                                         "name": "Safari", "os": "iOS"}
    assert newest["clientIp"] == "127.0.0.1" and newest["appId"] == pool.app_id
    assert newest["userId"] == user["id"] and newest["loginAt"].endswith("+00:00")
    assert failed["success"] is False and failed["code"] == 2333
    assert failed["errorMessage"] and failed["parsedUserAgent"]["browser"] == "Chrome"
    assert newest["loginAt"] >= failed["loginAt"]

    only_failed = call(pool, "GET", "/api/v3/get-my-login-history?success=False", token)["data"]
    assert only_failed["totalCount"] == 1 and only_failed["list"][0]["code"] == 2333
    only_ok = call(pool, "GET", "/api/v3/get-my-login-history?success=true", token)["data"]
    assert all(item["success"] for item in only_ok["list"])
    paged = call(pool, "GET", "/api/v3/get-my-login-history?page=2&limit=1", token)["data"]
    assert paged["totalCount"] == 2 and paged["list"] == [history["list"][1]]
    future = int((time.time() + 3600) * 1000)
    assert call(pool, "GET", f"/api/v3/get-my-login-history?start={future}",
                token)["data"] == {"totalCount": 0, "list": []}
    window = call(pool, "GET", "/api/v3/get-my-login-history?start="
                  f"{int(started * 1000) - 1000}&end={int(time.time() * 1000) + 1000}",
                  token)["data"]
    assert window["totalCount"] == 2
    assert call(pool, "GET", "/api/v3/get-my-login-history?clientIp=10.9.9.9",
                token)["data"]["totalCount"] == 0


def test_account_deletion_by_password(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    wrong = call(pool, "POST", "/api/v3/verify-delete-account-request", token, json={
        "verifyMethod": "PASSWORD", "passwordPayload": {"password": "nope-nope-1"}})
    assert wrong["statusCode"] == 403 and wrong["apiCode"] == 2006
    step1 = call(pool, "POST", "/api/v3/verify-delete-account-request", token, json={
        "verifyMethod": "PASSWORD",
        "passwordPayload": {"password": encrypt(pool, "Secr3t-pass"),
                            "passwordEncryptType": "rsa"}})
    assert step1["statusCode"] == 200, step1
    ticket = step1["data"]["deleteAccountToken"]
    assert step1["data"]["tokenExpiresIn"] == 60
    other = register_email(pool)
    stolen = call(pool, "POST", "/api/v3/delete-account", other["token"],
                  json={"deleteAccountToken": ticket})
    assert stolen["statusCode"] == 401 and stolen["apiCode"] == 2207
    done = call(pool, "POST", "/api/v3/delete-account", token,
                json={"deleteAccountToken": ticket})
    assert done["statusCode"] == 200 and done["data"] == {"success": True}
    assert call(pool, "GET", "/api/v2/users/me", token)["code"] == 2020
    try:
        login_email(pool, user["email"])
    except GraphQLError as exc:
        assert exc.code == 2004
    else:
        raise AssertionError("a deleted account signed in")
    assert call(pool, "GET", "/api/v2/users/me", other["token"])["code"] == 200


def test_account_deletion_by_email_code_and_v2(pool: RunningPool) -> None:
    user = register_email(pool)
    token, email = user["token"], user["email"]
    sent = call(pool, "POST", "/api/v3/send-email",
                json={"email": email, "channel": "CHANNEL_DELETE_ACCOUNT"})
    assert sent["statusCode"] == 200
    code = pool.latest_code(email, "CHANNEL_DELETE_ACCOUNT")
    wrong_target = call(pool, "POST", "/api/v3/verify-delete-account-request", token, json={
        "verifyMethod": "EMAIL_PASSCODE",
        "emailPassCodePayload": {"email": f"x{email}", "passCode": code}})
    assert wrong_target["statusCode"] == 400
    wrong = "000000" if code != "000000" else "111111"
    bad = call(pool, "POST", "/api/v3/verify-delete-account-request", token, json={
        "verifyMethod": "EMAIL_PASSCODE", "emailPassCodePayload": {"passCode": wrong}})
    assert bad["statusCode"] == 400 and bad["apiCode"] == 2001
    good = call(pool, "POST", "/api/v3/verify-delete-account-request", token, json={
        "verifyMethod": "EMAIL_PASSCODE", "emailPassCodePayload": {"passCode": code}})
    assert good["statusCode"] == 200
    # v2 one step instead; the ticket dies with the account.
    assert call(pool, "DELETE", "/api/v2/users/delete", token)["code"] == 200
    assert call(pool, "GET", "/api/v3/get-security-info", token)["apiCode"] == 2020
    assert call(pool, "POST", "/api/v3/send-sms",
                json={"phoneNumber": unique_phone(), "channel": "NOPE"})["statusCode"] == 400


def test_identities_list_unlink_and_profile(pool: RunningPool) -> None:
    name = unique("wx")
    issued = call(pool, "POST", "/_localpool/wechat/code", json={"identity": name},
                  headers=pool.admin_headers)["data"]
    signed_in = call(pool, "GET", f"/connection/social/wechat:mobile/{pool.user_pool_id}"
                     f"/callback?code={issued['code']}")
    token = signed_in["data"]["token"]
    identities = call(pool, "GET", "/api/v3/get-identities", token)["data"]
    assert len(identities) == 1
    identity = identities[0]
    assert identity["provider"] == "wechat" and identity["extIdpId"] == "wechat:mobile"
    assert identity["originConnIds"] == ["wechat:mobile"] and identity["identityId"]
    assert identity["userInfoInIdp"]["nickname"] == name
    last = call(pool, "POST", "/api/v3/unlink-extidp", token, json={"extIdpId": "wechat:mobile"})
    assert last["statusCode"] == 422 and last["apiCode"] == 2217
    profile = call(pool, "GET", "/api/v3/get-profile?withIdentities=True", token)["data"]
    assert profile["userId"] == signed_in["data"]["id"] and len(profile["identities"]) == 1
    assert "token" not in profile
    assert profile["passwordLastSetAt"] is None  # no password: no age (test_password_age.py)

    phone = unique_phone()
    call(pool, "POST", "/api/v2/sms/send", json={"phone": phone})
    gql(pool, BIND_PHONE, {"phone": phone, "phoneCode": pool.latest_code(phone)}, token)
    unlinked = call(pool, "POST", "/api/v3/unlink-extidp", token,
                    json={"extIdpId": "wechat:mobile"})
    assert unlinked["statusCode"] == 200
    assert call(pool, "GET", "/api/v3/get-identities", token)["data"] == []
    assert call(pool, "POST", "/api/v3/unlink-extidp", token,
                json={"extIdpId": "wechat:mobile"})["apiCode"] == 2216
    me = call(pool, "GET", "/api/v2/users/me", token)["data"]
    assert me["identities"] == [] and me["unionid"] is None
