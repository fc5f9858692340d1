"""Who may call the management API (docs/pool-admin.md), over loopback HTTP: the management
token and its lifetime, refusals without it (2020) and with a user's login token (1001), the
management token refused on end-user routes (2020), shared fields acting on the caller only
with a login token, wrong secrets and unknown pools, and the secret kept out of the log."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.fixtures.pool import RunningPool, start_pool
from tests.localpool.helpers import (
    ACCESS_TOKEN,
    GraphQLError,
    encrypt,
    error_code,
    gql,
    login_email,
    management_token,
    post_graphql,
    register_email,
    rest,
    unique_email,
)

USERS = "query users($page: Int) { users(page: $page) { totalCount list { id email } } }"
USERPOOL = "query userpool { userpool { id registerDisabled secret jwtSecret } }"
CREATE_USER = ("mutation createUser($userInfo: CreateUserInput!, $keepPassword: Boolean) {"
               " createUser(userInfo: $userInfo, keepPassword: $keepPassword) { id email } }")
UPDATE_POOL = ("mutation updateUserpool($input: UpdateUserpoolInput!) {"
               " updateUserpool(input: $input) { registerDisabled } }")
USER = "query user($id: String) { user(id: $id) { id email } }"
UPDATE_USER = ("mutation updateUser($id: String, $input: UpdateUserInput!) {"
               " updateUser(id: $id, input: $input) { id email nickname } }")
REFRESH = "mutation refreshToken($id: String) { refreshToken(id: $id) { token iat exp } }"
UDV = ("query udv($targetType: UDFTargetType!, $targetId: String!) {"
       " udv(targetType: $targetType, targetId: $targetId) { key value } }")
NODE_USERS = ("mutation addNodeV2($orgId: String!, $name: String!) {"
              " addNodeV2(orgId: $orgId, name: $name) { id users { totalCount } } }")
ADMIN_REST = ("/api/v2/userpools/detail", "/api/v2/applications",
              "/api/v2/users/5f0000000000000000000000")


@pytest.fixture(scope="module")
def admin_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    running = start_pool(tmp_path_factory.mktemp("adminpool"))
    try:
        yield running
    finally:
        running.stop()


def test_the_management_token_lives_a_day_in_integer_seconds(admin_pool: RunningPool) -> None:
    answer = gql(admin_pool, ACCESS_TOKEN, {"userPoolId": admin_pool.user_pool_id,
                                            "secret": admin_pool.user_pool_secret})
    assert isinstance(answer["exp"], int) and isinstance(answer["iat"], int)
    assert answer["exp"] == answer["iat"] + 86_400
    users = gql(admin_pool, USERS, token=answer["accessToken"])
    assert users["totalCount"] >= 4


def test_wrong_secret_and_unknown_pool_are_refused(admin_pool: RunningPool) -> None:
    assert error_code(admin_pool, ACCESS_TOKEN, {"userPoolId": admin_pool.user_pool_id,
                                                 "secret": "0" * 32}) == 1001
    assert error_code(admin_pool, ACCESS_TOKEN, {"userPoolId": admin_pool.user_pool_id,
                                                 "secret": admin_pool.app_secret}) == 1001
    assert error_code(admin_pool, ACCESS_TOKEN, {"userPoolId": "5f" * 12,
                                                 "secret": admin_pool.user_pool_secret}) == 2224


def test_admin_fields_refuse_no_token_a_bad_one_and_a_users(admin_pool: RunningPool) -> None:
    user_token = register_email(admin_pool)["token"]
    forged = management_token(admin_pool)[:-4] + "AAAA"
    for query, variables in ((USERS, None), (USERPOOL, None),
                             (CREATE_USER, {"userInfo": {"email": unique_email()}}),
                             (UPDATE_POOL, {"input": {"registerDisabled": True}})):
        assert error_code(admin_pool, query, variables) == 2020, query
        assert error_code(admin_pool, query, variables, token=forged) == 2020, query
        assert error_code(admin_pool, query, variables, token=user_token) == 1001, query
    for path in ADMIN_REST:
        assert rest(admin_pool, "GET", path)["code"] == 2020, path
        assert rest(admin_pool, "GET", path, user_token)["code"] == 1001, path
    created = rest(admin_pool, "POST", "/api/v2/applications", user_token,
                   json={"name": "X", "identifier": "x", "redirectUris": []})
    assert created["code"] == 1001
    assert rest(admin_pool, "DELETE", f"/api/v2/applications/{admin_pool.app_id}",
                user_token)["code"] == 1001
    admin = management_token(admin_pool)
    assert gql(admin_pool, USERPOOL, token=admin)["registerDisabled"] is False  # unchanged


def test_the_management_token_is_no_login_token(admin_pool: RunningPool) -> None:
    admin = management_token(admin_pool)
    me = rest(admin_pool, "GET", "/api/v2/users/me", admin)
    assert me["code"] == 2020
    assert rest(admin_pool, "GET", "/api/v2/users/me/orgs", admin)["code"] == 2020
    status = gql(admin_pool, "query c($token: String) { checkLoginStatus(token: $token) {"
                             " code status } }", {"token": admin})
    assert status["status"] is False
    # ... and a login token is no management token, on the REST routes too.
    user = login_email(admin_pool, "demo@example.com", "passw0rd")
    assert rest(admin_pool, "GET", "/api/v2/userpools/detail", user["token"])["code"] == 1001


def test_shared_fields_act_on_the_caller_with_a_login_token(admin_pool: RunningPool) -> None:
    me = register_email(admin_pool)
    other = register_email(admin_pool)
    token = me["token"]
    assert gql(admin_pool, USER, {"id": me["id"]}, token=token)["id"] == me["id"]
    assert error_code(admin_pool, USER, {"id": other["id"]}, token=token) == 1001
    assert error_code(admin_pool, UPDATE_USER, {"id": other["id"],
                                                "input": {"nickname": "x"}}, token=token) == 1001
    assert error_code(admin_pool, UPDATE_USER, {"input": {"email": unique_email()}},
                      token=token) == 2225
    assert error_code(admin_pool, REFRESH, {"id": other["id"]}, token=token) == 1001
    refreshed = gql(admin_pool, REFRESH, {"id": me["id"]}, token=token)
    assert rest(admin_pool, "GET", "/api/v2/users/me", refreshed["token"])["data"]["id"] \
        == me["id"]
    assert error_code(admin_pool, UDV, {"targetType": "USER", "targetId": other["id"]},
                      token=refreshed["token"]) == 1001

    admin = management_token(admin_pool)
    assert gql(admin_pool, USER, {"id": other["id"]}, token=admin)["email"] == other["email"]
    changed = gql(admin_pool, UPDATE_USER, {"id": other["id"], "input": {
        "email": unique_email(), "nickname": "by admin", "resetPasswordOnNextLogin": True}},
        token=admin)
    assert changed["nickname"] == "by admin" and changed["email"] != other["email"]
    minted = gql(admin_pool, REFRESH, {"id": other["id"]}, token=admin)
    assert rest(admin_pool, "GET", "/api/v2/users/me", minted["token"])["data"]["id"] \
        == other["id"]
    assert error_code(admin_pool, REFRESH, {}, token=admin) == 2231  # no user of its own
    with pytest.raises(GraphQLError) as forced:
        login_email(admin_pool, changed["email"])
    assert forced.value.code == 2058


def test_node_members_need_the_management_token(admin_pool: RunningPool) -> None:
    admin = management_token(admin_pool)
    org = gql(admin_pool, "mutation o($name: String!) { createOrg(name: $name) { id } }",
              {"name": "Org"}, token=admin)
    node = gql(admin_pool, NODE_USERS, {"orgId": org["id"], "name": "Team"}, token=admin)
    assert node["users"] == {"totalCount": 0}


def test_bad_input_of_management_fields_is_2231(admin_pool: RunningPool) -> None:
    admin = management_token(admin_pool)
    body = post_graphql(admin_pool, UPDATE_POOL, {"input": {"name": "renamed"}}, token=admin)
    assert body["errors"][0]["message"]["code"] == 2231
    assert error_code(admin_pool, UPDATE_POOL, {"input": {"verifyCodeLength": 99}},
                      token=admin) == 2231
    assert error_code(admin_pool, CREATE_USER, {"userInfo": {"email": unique_email()},
                                                "keepPassword": True}, token=admin) == 2231
    assert error_code(admin_pool, CREATE_USER, {"userInfo": {
        "email": unique_email(), "password": "not-encrypted"}}, token=admin) == 2016
    created = gql(admin_pool, CREATE_USER, {"userInfo": {
        "email": unique_email(), "password": encrypt(admin_pool, "Secr3t-pass"),
        "nickname": None}, "undeclared": "ignored"}, token=admin)
    assert login_email(admin_pool, created["email"])["id"] == created["id"]


def test_the_management_token_expires_and_the_secret_stays_out_of_the_log(
        admin_pool: RunningPool) -> None:
    admin = management_token(admin_pool)
    assert gql(admin_pool, USERS, token=admin)["totalCount"] >= 1
    admin_pool.advance_clock(86_401)
    assert error_code(admin_pool, USERS, token=admin) == 2020
    fresh = management_token(admin_pool)
    assert gql(admin_pool, USERS, token=fresh)["totalCount"] >= 1
    log: Any = admin_pool.log_path.read_text(encoding="utf-8")
    assert admin_pool.user_pool_secret not in log and fresh not in log


def test_new_users_follow_email_verified_default(admin_pool: RunningPool) -> None:
    admin = management_token(admin_pool)
    created = "mutation c($userInfo: CreateUserInput!) { createUser(userInfo: $userInfo) {" \
              " emailVerified } }"
    default = ("mutation u($input: UpdateUserpoolInput!) { updateUserpool(input: $input) {"
               " emailVerifiedDefault } }")
    try:
        assert gql(admin_pool, default, {"input": {"emailVerifiedDefault": True}},
                   token=admin) == {"emailVerifiedDefault": True}
        assert gql(admin_pool, created, {"userInfo": {"email": unique_email()}},
                   token=admin)["emailVerified"] is True
        assert gql(admin_pool, created, {"userInfo": {"email": unique_email(),
                                                      "emailVerified": False}},
                   token=admin)["emailVerified"] is False
    finally:
        gql(admin_pool, default, {"input": {"emailVerifiedDefault": False}}, token=admin)
