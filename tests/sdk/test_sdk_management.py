"""Conformance of the management side: the OFFICIAL `authing==4.5.18` ``ManagementClient``,
unchanged except for ``host`` and ``enc_public_key``, makes every call of the management
subset (docs/pool-admin.md) against a fresh local pool; the ``AuthenticationClient`` then sees
what it set up. One SDK process runs the whole scenario (`sdk_runner.py`); each test asserts on
its steps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.fixtures.pool import RunningPool, start_pool
from tests.sdk.test_sdk_conformance import failed, ok, run_scenario

pytestmark = pytest.mark.sdk

PASSWORD = "Secr3t-pass"
NEW_PASSWORD = "N3w-password"
ALICE = "alice@example.com"
BOB = "bob"
CAROL_PHONE = "13900000003"
FIRST = "first@example.com"


def call(step_id: str, method: str, *args: Any, client: str = "admin",
         **kwargs: Any) -> dict[str, Any]:
    return {"id": step_id, "client": client, "call": method, "args": list(args),
            "kwargs": kwargs}


def result(step_id: str, *path: Any) -> dict[str, Any]:
    return {"$result": step_id, "path": list(path)}


def build_steps() -> list[dict[str, Any]]:
    alice, bob, carol = result("create", "id"), result("create_bob", "id"), \
        result("create_carol", "id")
    return [
        {"id": "admin_client", "client": "admin", "kind": "management"},
        # --- custom fields, before any value is written
        call("udf_set", "udf.set", "USER", "hobby", "STRING", "Hobby"),
        call("udf_set_number", "udf.set", "USER", "level", "NUMBER", "Level"),
        call("udf_list", "udf.list", "USER"),
        # --- users (a fresh dict each time: the SDK encrypts the password in place)
        call("create", "users.create", {"email": ALICE, "password": PASSWORD,
                                        "nickname": "Alice"}),
        call("create_duplicate", "users.create", {"email": ALICE.upper(),
                                                  "password": PASSWORD}),
        call("create_bob", "users.create", {"username": BOB, "password": PASSWORD},
             custom_data={"hobby": "go", "level": 3}),
        call("create_carol", "users.create", {"phone": CAROL_PHONE, "password": PASSWORD,
                                              "phoneVerified": True}),
        call("create_undefined_udf", "users.create", {"username": "dave"},
             custom_data={"nope": 1}),
        call("keep_password", "users.create", {"email": "keep@example.com",
                                               "password": PASSWORD}, keep_password=True),
        {"id": "first_login", "client": "admin", "raw": "createUser", "variables": {
            "userInfo": {"email": FIRST, "password": {"$encrypt": PASSWORD}},
            "keepPassword": False, "resetPasswordOnFirstLogin": True}},
        call("update", "users.update", alice, {"emailVerified": True, "company": "ACME",
                                               "password": NEW_PASSWORD}),
        call("update_taken_username", "users.update", alice, {"username": BOB}),
        call("list", "users.list"),
        call("list_custom", "users.list", 1, 2, with_custom_data=True),
        call("search", "users.search", "ALI"),
        call("search_custom", "users.search", "bob", with_custom_data=True),
        call("find", "users.find", email=ALICE.upper()),
        call("find_custom", "users.find", username=BOB, with_custom_data=True),
        call("find_nobody", "users.find", username="nobody"),
        call("detail", "users.detail", alice),
        call("detail_custom", "users.detail", bob, with_custom_data=True),
        call("exists", "users.exists", email=ALICE),
        call("exists_not", "users.exists", username="nobody"),
        # --- custom data values
        call("set_udf_value", "users.set_udf_value", alice, {"hobby": "chess", "level": 7}),
        call("get_udf_value", "users.get_udf_value", alice),
        call("remove_udf_value", "users.remove_udf_value", alice, "level"),
        call("set_udv", "users.set_udv", alice, "level", 9),
        call("list_udv", "users.list_udv", alice),
        call("remove_udv", "users.remove_udv", alice, "hobby"),
        call("set_undefined_udv", "users.set_udv", alice, "nope", 1),
        call("udf_list_value", "udf.list_udf_value", "USER", bob),
        call("udf_set_batch", "udf.set_udf_value_batch", "USER", bob,
             [{"key": "hobby", "value": '"tennis"'}]),
        # --- roles
        call("role_create", "roles.create", "editor", "Edits", parentCode="ignored"),
        call("role_create_child", "roles.create", "chief"),
        call("role_duplicate", "roles.create", "editor"),
        call("add_roles", "users.add_roles", alice, ["editor"]),
        call("add_unknown_role", "users.add_roles", alice, ["no-such-role"]),
        call("roles_add_users", "roles.add_users", "chief", [alice, bob]),
        call("roles_remove_users", "roles.remove_users", "chief", [bob]),
        call("list_roles", "users.list_roles", alice),
        call("roles_list", "roles.list"),
        call("role_detail", "roles.detail", "editor"),
        call("role_detail_missing", "roles.detail", "nope"),
        # --- orgs
        call("org_create", "org.create", "Acme", "acme", "The company"),
        call("org_add_node", "org.add_node", result("org_create", "id"), "Engineering",
             result("org_create", "rootNode", "id"), code="eng", name_i18n="ignored"),
        call("org_create_node", "org.create_node", "Platform", result("org_create", "id"),
             result("org_create", "rootNode", "id"), code="platform"),
        call("org_add_members", "org.add_members", result("org_create_node", "id"),
             [alice, bob]),
        # --- applications
        call("app_create", "applications.create", "Wiki", "wiki",
             ["https://wiki.example.com/callback"]),
        call("app_list", "applications.list"),
        call("app_find", "applications.find_by_id", result("app_create", "id")),
        call("app_create_2", "applications.create", "Portal", "portal", []),
        call("app_delete", "applications.delete", result("app_create_2", "id")),
        call("app_find_deleted", "applications.find_by_id", result("app_create_2", "id")),
        # --- the pool's settings
        call("pool_update", "userPool.update", {
            "changeEmailStrategy": {"verifyOldEmail": True},
            "loginFailCheck": {"enabled": True, "timeInterval": 300, "limit": 3},
            "loginFailStrategy": "captcha", "tokenExpiresAfter": 1296000}),
        call("pool_update_unknown", "userPool.update", {"domain": "x"}),
        call("pool_update_bad_value", "userPool.update", {"loginFailStrategy": "sms"}),
        call("pool_detail", "userPool.detail"),
        # --- a token minted for a user, used by the end-user client
        call("refresh_token", "users.refresh_token", alice),
        {"id": "end_client", "client": "end",
         "options": {"token": result("refresh_token", "token")}},
        call("end_current_user", "get_current_user", client="end"),
        call("end_roles", "list_roles", client="end"),
        call("end_orgs", "list_orgs", client="end"),
        call("end_departments", "list_departments", client="end"),
        call("end_applications", "list_applications", client="end"),
        call("end_udf", "get_udf_value", client="end"),
        # --- sign-ins of the users made above
        call("login_alice", "login_by_email", ALICE, NEW_PASSWORD, client="login"),
        call("login_bob", "login_by_username", BOB, PASSWORD, client="login"),
        call("login_carol", "login_by_phone_password", CAROL_PHONE, PASSWORD, client="login"),
        call("login_first", "login_by_email", FIRST, PASSWORD, client="login"),
        call("block", "users.update", bob, {"blocked": True}),
        call("login_blocked", "login_by_username", BOB, PASSWORD, client="login"),
        # --- deletion
        call("delete", "users.delete", carol),
        call("delete_again", "users.delete", carol),
        call("delete_many", "users.delete_many", [bob, result("first_login", "id")]),
        call("list_after", "users.list", 1, 50),
        call("udf_remove", "udf.remove", "USER", "hobby"),
        call("udf_list_after", "udf.list", "USER"),
    ]


@pytest.fixture(scope="module")
def admin_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    running = start_pool(tmp_path_factory.mktemp("mgmtpool"), demo=False)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def results(admin_pool: RunningPool) -> dict[str, Any]:
    assert admin_pool.user_pool_secret, "the ready line carries the user pool secret"
    return run_scenario(admin_pool, build_steps())


def test_users_are_created_in_the_states_asked_for(results: dict[str, Any]) -> None:
    alice = ok(results, "create")
    assert alice["email"] == ALICE and alice["nickname"] == "Alice"
    assert alice["token"] is None and alice["emailVerified"] is False
    assert failed(results, "create_duplicate") == 2026
    bob = ok(results, "create_bob")
    assert bob["username"] == BOB and bob["customData"] == {"hobby": "go", "level": 3}
    assert ok(results, "create_carol")["phoneVerified"] is True
    assert failed(results, "create_undefined_udf") == 2231
    assert failed(results, "keep_password") == 2231
    assert ok(results, "first_login")["email"] == FIRST
    updated = ok(results, "update")
    assert updated["emailVerified"] is True and updated["company"] == "ACME"
    assert failed(results, "update_taken_username") == 2034


def test_users_are_listed_searched_found_and_read(results: dict[str, Any]) -> None:
    listed = ok(results, "list")
    assert listed["totalCount"] == 4
    assert [user["email"] for user in listed["list"]][0] == FIRST  # newest first
    assert all("identities" in user for user in listed["list"])
    custom = ok(results, "list_custom")
    assert custom["totalCount"] == 4 and len(custom["list"]) == 2
    assert all(isinstance(user["customData"], dict) for user in custom["list"])
    assert [u["email"] for u in ok(results, "search")["list"]] == [ALICE]
    assert ok(results, "search_custom")["list"][0]["customData"]["hobby"] == "go"
    assert ok(results, "find")["id"] == ok(results, "create")["id"]
    assert ok(results, "find_custom")["customData"]["level"] == 3
    assert ok(results, "find_nobody") is None
    assert ok(results, "detail")["company"] == "ACME"
    assert ok(results, "detail_custom")["customData"] == {"hobby": "go", "level": 3}
    assert ok(results, "exists") is True and ok(results, "exists_not") is False


def test_custom_fields_and_values(results: dict[str, Any]) -> None:
    defined = {item["key"]: item["dataType"] for item in ok(results, "udf_list")}
    assert defined == {"hobby": "STRING", "level": "NUMBER"}
    assert ok(results, "set_udf_value") is True
    assert ok(results, "get_udf_value") == {"hobby": "chess", "level": 7}
    assert ok(results, "remove_udf_value") is None
    assert {item["key"]: item["value"] for item in ok(results, "list_udv")} == {
        "hobby": "chess", "level": 9}
    assert [item["key"] for item in ok(results, "remove_udv")] == ["level"]
    assert failed(results, "set_undefined_udv") == 2231
    assert ok(results, "udf_list_value")[0]["value"] == "go"
    assert ok(results, "udf_set_batch")[0]["value"] == "tennis"
    assert ok(results, "udf_remove")["code"] == 200
    assert [item["key"] for item in ok(results, "udf_list_after")] == ["level"]


def test_roles(results: dict[str, Any]) -> None:
    editor = ok(results, "role_create")
    assert editor["code"] == "editor" and editor["namespace"] == "default"
    assert editor["parent"] is None  # the SDK sends parentCode, its document declares $parent
    assert failed(results, "role_duplicate") == 2026
    assert ok(results, "add_roles")["code"] == 200
    assert failed(results, "add_unknown_role") == 404
    assert ok(results, "roles_add_users")["code"] == 200
    assert ok(results, "roles_remove_users")["code"] == 200
    assert sorted(r["code"] for r in ok(results, "list_roles")["list"]) == ["chief", "editor"]
    assert ok(results, "roles_list")["totalCount"] == 2
    assert ok(results, "role_detail")["description"] == "Edits"
    assert ok(results, "role_detail_missing") is None


def test_orgs_and_applications(results: dict[str, Any]) -> None:
    org = ok(results, "org_create")
    assert org["rootNode"]["name"] == "Acme" and org["rootNode"]["root"] is True
    with_node = ok(results, "org_add_node")
    assert [node["name"] for node in with_node["nodes"]] == ["Acme", "Engineering"]
    node = ok(results, "org_create_node")
    assert node["depth"] == 1 and node["path"] == [org["rootNode"]["id"], node["id"]]
    members = ok(results, "org_add_members")
    assert members["users"]["totalCount"] == 2
    app = ok(results, "app_create")
    assert app["identifier"] == "wiki" and app["redirectUris"] == [
        "https://wiki.example.com/callback"]
    assert app["secret"] and app["oidcConfig"]["client_secret"] == app["secret"]
    assert [a["name"] for a in ok(results, "app_list")["list"]] == ["Authing Desktop", "Wiki"]
    assert ok(results, "app_find")["id"] == app["id"]
    assert ok(results, "app_delete") is True
    assert failed(results, "app_find_deleted") == 404


def test_pool_settings_are_stored_and_shown(results: dict[str, Any],
                                            admin_pool: RunningPool) -> None:
    updated = ok(results, "pool_update")
    assert updated["changeEmailStrategy"] == {"verifyOldEmail": True}
    assert updated["loginFailCheck"] == {"enabled": True, "timeInterval": 300, "limit": 3}
    assert updated["secret"] == admin_pool.user_pool_secret
    assert updated["jwtSecret"] == "******"
    assert failed(results, "pool_update_unknown") == 2231
    assert failed(results, "pool_update_bad_value") == 2231
    detail = ok(results, "pool_detail")
    assert detail["code"] == 200 and detail["data"]["id"] == admin_pool.user_pool_id
    assert detail["data"]["tokenExpiresAfter"] == 1296000
    assert detail["data"]["loginFailStrategy"] == "captcha"


def test_the_end_user_client_sees_what_was_set_up(results: dict[str, Any]) -> None:
    alice_id = ok(results, "create")["id"]
    minted = ok(results, "refresh_token")
    assert minted["token"] and isinstance(minted["exp"], int)
    assert ok(results, "end_current_user")["id"] == alice_id
    assert sorted(r["code"] for r in ok(results, "end_roles")["list"]) == ["chief", "editor"]
    paths = ok(results, "end_orgs")
    assert [[item.get("name") for item in path[1:]] for path in paths] == [
        ["Acme", "Platform"]]
    departments = ok(results, "end_departments")["departments"]["list"]
    assert departments[0]["isMainDepartment"] is True
    assert departments[0]["department"]["name"] == "Platform"
    assert [app["name"] for app in ok(results, "end_applications")["list"]] == [
        "Authing Desktop", "Wiki"]
    assert ok(results, "end_udf") == {"level": 9}


def test_sign_ins_and_deletion(results: dict[str, Any]) -> None:
    assert ok(results, "login_alice")["email"] == ALICE
    assert ok(results, "login_bob")["username"] == BOB
    assert ok(results, "login_carol")["phone"] == CAROL_PHONE
    assert failed(results, "login_first") == 1639
    assert ok(results, "block")["blocked"] is True
    assert failed(results, "login_blocked") == 2005
    assert ok(results, "delete") == {"message": "deleted", "code": 200}
    assert ok(results, "delete_again")["code"] == 2004
    assert ok(results, "delete_many")["code"] == 200
    assert [user["email"] for user in ok(results, "list_after")["list"]] == [ALICE]
