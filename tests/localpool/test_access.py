"""Custom data, roles, resources, orgs, departments, applications, security level, checks."""

from __future__ import annotations

import json

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    error_code,
    gql,
    login_email,
    register_email,
    rest,
    unique_email,
)

UDV = ("query udv($targetType: UDFTargetType!, $targetId: String!) {"
       " udv(targetType: $targetType, targetId: $targetId) { key dataType value label } }")
SET_UDV = ("mutation setUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!,"
           " $value: String!) { setUdv(targetType: $targetType, targetId: $targetId, key: $key,"
           " value: $value) { key dataType value label } }")
SET_BATCH = ("mutation setUdvBatch($targetType: UDFTargetType!, $targetId: String!,"
             " $udvList: [UserDefinedDataInput!]) { setUdvBatch(targetType: $targetType,"
             " targetId: $targetId, udvList: $udvList) { key dataType value label } }")
REMOVE_UDV = ("mutation removeUdv($targetType: UDFTargetType!, $targetId: String!,"
              " $key: String!) { removeUdv(targetType: $targetType, targetId: $targetId,"
              " key: $key) { key value } }")
ROLES = ("query getUserRoles($id: String!, $namespace: String) { user(id: $id) {"
         " roles(namespace: $namespace) { totalCount list { id code namespace arn description"
         " createdAt updatedAt parent { code namespace arn description createdAt updatedAt }"
         " } } } }")
RESOURCES = ("query listUserAuthorizedResources($id: String!, $namespace: String,"
             " $resourceType: String) { user(id: $id) { authorizedResources(namespace:"
             " $namespace, resourceType: $resourceType) { totalCount list { code type actions }"
             " } } }")
DEPARTMENTS = ("query getUserDepartments($id: String!, $orgId: String) { user(id: $id) {"
               " departments(orgId: $orgId) { totalCount list { department { id orgId name"
               " nameI18n description descriptionI18n order code root depth path codePath"
               " namePath createdAt updatedAt children } isMainDepartment joinedAt } } } }")
EXISTS = ("query isUserExists($email: String, $phone: String, $username: String,"
          " $externalId: String) { isUserExists(email: $email, phone: $phone,"
          " username: $username, externalId: $externalId) }")


def demo(pool: RunningPool) -> dict[str, object]:
    return login_email(pool, "demo@example.com", "passw0rd")


def test_udf_values_are_typed(pool: RunningPool) -> None:
    user = register_email(pool)
    ids = {"targetType": "USER", "targetId": user["id"]}
    token = user["token"]
    assert gql(pool, UDV, ids, token=token) == []
    school = gql(pool, SET_UDV, {**ids, "key": "school", "value": json.dumps("北大")},
                 token=token)
    assert school == [{"key": "school", "dataType": "STRING", "value": "北大",
                       "label": "School"}]
    values = gql(pool, SET_BATCH, {**ids, "udvList": [
        {"key": "age", "value": "22"}, {"key": "source", "value": json.dumps("web")}]},
        token=token)
    assert {v["key"]: (v["dataType"], v["value"]) for v in values} == {
        "age": ("NUMBER", "22"), "school": ("STRING", "北大"), "source": ("STRING", "web")}
    assert error_code(pool, SET_UDV, {**ids, "key": "age", "value": json.dumps("old")},
                      token=token) == 400
    assert error_code(pool, SET_UDV, {**ids, "key": "nope", "value": "1"}, token=token) == 400
    # All or nothing: one bad item leaves everything unchanged.
    assert error_code(pool, SET_BATCH, {**ids, "udvList": [
        {"key": "age", "value": "23"}, {"key": "nope", "value": "1"}]}, token=token) == 400
    remaining = gql(pool, REMOVE_UDV, {**ids, "key": "source"}, token=token)
    assert {v["key"]: v["value"] for v in remaining} == {"age": "22", "school": "北大"}
    other = register_email(pool)
    assert error_code(pool, UDV, {"targetType": "USER", "targetId": other["id"]},
                      token=token) == 1001
    assert error_code(pool, UDV, ids) == 2020


def test_demo_roles_and_resources(pool: RunningPool) -> None:
    user = demo(pool)
    roles = gql(pool, ROLES, {"id": user["id"], "namespace": "default"},
                token=user["token"])["roles"]
    assert roles["totalCount"] == 1 and roles["list"][0]["code"] == "reader"
    assert roles["list"][0]["namespace"] == "default" and roles["list"][0]["parent"] is None
    assert gql(pool, ROLES, {"id": user["id"], "namespace": "other"},
               token=user["token"])["roles"]["totalCount"] == 0
    resources = gql(pool, RESOURCES, {"id": user["id"], "namespace": "default"},
                    token=user["token"])["authorizedResources"]
    assert {(r["code"], r["type"], tuple(r["actions"])) for r in resources["list"]} == {
        ("menu_a", "MENU", ()), ("menu_b", "MENU", ()),
        ("books:1", "DATA", ("books:delete", "books:update"))}
    menus = gql(pool, RESOURCES, {"id": user["id"], "namespace": "default",
                                  "resourceType": "MENU"}, token=user["token"])
    assert menus["authorizedResources"]["totalCount"] == 2
    stranger = register_email(pool)
    assert gql(pool, RESOURCES, {"id": stranger["id"], "namespace": "default"},
               token=stranger["token"])["authorizedResources"] == {"totalCount": 0, "list": []}
    assert error_code(pool, ROLES, {"id": stranger["id"]}, token=user["token"]) == 1001


def test_demo_orgs_and_departments(pool: RunningPool) -> None:
    user = demo(pool)
    orgs = rest(pool, "GET", "/api/v2/users/me/orgs", token=user["token"])
    assert orgs["code"] == 200 and len(orgs["data"]) == 1
    path = orgs["data"][0]
    assert [item["type"] for item in path] == ["org", "node", "node", "node"]
    assert [item.get("name") for item in path[1:]] == ["Demo Corp", "Engineering",
                                                       "Platform Team"]
    assert path[0]["rootNodeId"] == path[1]["id"]
    departments = gql(pool, DEPARTMENTS, {"id": user["id"]},
                      token=user["token"])["departments"]
    assert departments["totalCount"] == 1
    entry = departments["list"][0]
    assert entry["isMainDepartment"] is True and entry["joinedAt"]
    assert entry["department"]["name"] == "Platform Team" and entry["department"]["depth"] == 2
    assert entry["department"]["path"] == [item["id"] for item in path[1:]]
    assert entry["department"]["namePath"] == ["Demo Corp", "Engineering", "Platform Team"]
    me = rest(pool, "GET", "/api/v2/users/me", token=user["token"])["data"]
    assert me["mainDepartmentId"] == entry["department"]["id"]


def test_applications_paged(pool: RunningPool) -> None:
    token = demo(pool)["token"]
    first = rest(pool, "GET", "/api/v2/users/me/applications/allowed?page=1&limit=2",
                 token=token)
    assert first["code"] == 200 and first["data"]["totalCount"] == 3
    assert len(first["data"]["list"]) == 2
    second = rest(pool, "GET", "/api/v2/users/me/applications/allowed?page=2&limit=2",
                  token=token)
    names = {a["name"] for a in first["data"]["list"] + second["data"]["list"]}
    assert names == {"Authing Desktop", "Demo Portal", "Demo Wiki"}
    assert rest(pool, "GET", "/api/v2/users/me/applications/allowed?page=0",
                token=token)["code"] == 400
    assert rest(pool, "GET", "/api/v2/users/me/applications/allowed")["code"] == 2020


def test_security_level(pool: RunningPool) -> None:
    user = register_email(pool, password="Abcdefgh1234")
    level = rest(pool, "GET", "/api/v2/users/me/security-level", token=user["token"])
    assert level["data"] == {"score": 60, "email": True, "phone": False, "password": True,
                             "passwordSecurityLevel": 3, "mfa": False}
    weak = register_email(pool, password="abc123")
    assert rest(pool, "GET", "/api/v2/users/me/security-level",
                token=weak["token"])["data"]["passwordSecurityLevel"] == 1
    assert rest(pool, "GET", "/api/v2/users/me/security-level", token=demo(pool)["token"])[
        "data"]["score"] == 70


def test_password_strength_and_user_exists(pool: RunningPool) -> None:
    query = ("query checkPasswordStrength($password: String!) {"
             " checkPasswordStrength(password: $password) { valid message } }")
    assert gql(pool, query, {"password": "abc"})["valid"] is False
    assert gql(pool, query, {"password": "abcdefgh"})["valid"] is False
    assert gql(pool, query, {"password": "abcdef12"})["valid"] is True
    assert gql(pool, EXISTS, {"email": "DEMO@example.com", "phone": None, "username": None,
                              "externalId": None}) is True
    assert gql(pool, EXISTS, {"username": "demo"}) is True
    assert gql(pool, EXISTS, {"username": "Demo"}) is False
    assert gql(pool, EXISTS, {"phone": "18800000000"}) is True
    assert gql(pool, EXISTS, {"email": unique_email()}) is False
    assert gql(pool, EXISTS, {}) is False
