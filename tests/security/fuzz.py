"""A route fuzz of the pool: every route, every field it reads, with values a hostile or broken
client sends (non-ASCII and full-width digits, lone surrogates, NUL, huge numbers and strings,
wrong types, nested junk), whole bodies that are not what the route takes, odd headers, and
every GraphQL operation the app sends with each variable and input field spoiled in turn.

A request "fails" when the pool answers a server error: HTTP 500, or an envelope whose code or
statusCode is 500 (errors travel in HTTP 200 bodies). `run_fuzz` returns the count of requests
and the failures; the test asserts there are none, `tests/benchmarks/security_figures.py`
prints the figures.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
from graphql import (
    FieldNode,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    parse,
    print_ast,
    type_from_ast,
    visit,
)

from authing_desktop.api import graphql_documents
from authing_desktop.localpool.graphql_api import build_pool_schema

Body = dict[str, Any]

# JSON values, each put in one field at a time (the suite sends the `LIGHT` ones: a value of
# each class; `tests/benchmarks/security_figures.py` sends all of them).
BAD_JSON: list[Any] = [
    "", " ", "\u0663\u0664\u0665\u0666\u0667\u0668", "\uff11\uff12\uff13\uff14\uff15\uff16",
    "\ud800", "a\udfffb", "\u00e9\u00e8", "\x00", "x" * 5000, "../../etc/passwd",
    2 ** 64, -1, 1.5, True, None, [], ["x"], {"\ud800": 1},
]
# Query-string and form values (already percent-encoded: some are not valid UTF-8).
BAD_TEXT: list[str] = [
    "", "%D9%A3%D9%A4%D9%A5%D9%A6%D9%A7%D9%A8", "%EF%BC%91%EF%BC%92%EF%BC%93",
    "%ED%A0%80", "%FF%FE", "%00", "%C3%A9", quote(str(2 ** 64)), "-1", "x" * 3000,
]
# Whole bodies of a JSON route that are not a JSON object of the route.
BAD_BODIES: list[tuple[bytes, str]] = [
    (b"[]", "application/json"), (b"1", "application/json"), (b"null", "application/json"),
    (b"{", "application/json"), (b"[" * 100_000, "application/json"),
    (b'{"a": "\xff"}', "application/json"), (b'{"\\ud800": 1}', "application/json"),
    (b'{"a": 1}', "text/plain"), (b"\xef\xbb\xbf{}", "application/json"),
    (b'{"a": ' + b"9" * 5000 + b"}", "application/json"),
]
BAD_JSON_LIGHT: list[Any] = [
    "\u0663\u0664\u0665\u0666\u0667\u0668", "\ud800", "x" * 5000, 2 ** 64, True, ["x"],
]
# GraphQL checks a variable's type before any resolver runs: text is what gets further.
BAD_GRAPHQL_LIGHT: list[Any] = [BAD_JSON[2], BAD_JSON[3], "\x00", "x" * 5000]
BAD_TEXT_LIGHT: list[str] = [
    "%D9%A3%D9%A4%D9%A5%D9%A6%D9%A7%D9%A8", "%ED%A0%80", "%FF%FE", quote(str(2 ** 64)),
]
BODY_ROUTES = frozenset({"/graphql/v2", "/api/v2/sms/send", "/api/v3/send-sms"})
HEADER_ROUTES = frozenset({"/graphql/v2", "/api/v2/users/me", "/api/v3/get-profile",
                           "/oidc/token", "/_localpool/outbox", "/api/v2/mfa/totp/verify",
                           "/oidc/auth"})
BAD_HEADERS: list[dict[str, bytes]] = [
    {"authorization": b"Bearer \xe9\xe9"}, {"authorization": b"Basic \xff\xfe"},
    {"authorization": b"Bearer " + b"x" * 6000}, {"authorization": b"Bearer a.b.c"},
    {"authorization": b"Basic " + b"w6k6w6k="}, {"x-authing-device-id": b"\xe9" * 300},
    {"user-agent": b"x" * 8000}, {"content-type": b"application/json; charset=utf-16"},
]


# The management API's operations (docs/pool-admin.md), sent with the management token.
FAKE_USER_ID = "5f" * 12
MANAGEMENT_OPERATIONS = [graphql_documents.Operation(name, name, document) for name, document in (
    ("createUser", "mutation createUser($userInfo: CreateUserInput!, $params: String,"
                   " $resetPasswordOnFirstLogin: Boolean) { createUser(userInfo: $userInfo,"
                   " params: $params, resetPasswordOnFirstLogin: $resetPasswordOnFirstLogin)"
                   " { id } }"),
    ("updateUser", "mutation updateUser($id: String, $input: UpdateUserInput!) {"
                   " updateUser(id: $id, input: $input) { id } }"),
    ("users", "query users($page: Int, $limit: Int) { users(page: $page, limit: $limit) {"
              " totalCount } }"),
    ("searchUser", "query searchUser($query: String!, $fields: [String],"
                   " $roleOpts: [SearchUserRoleOpt], $departmentOpts: [SearchUserDepartmentOpt])"
                   " { searchUser(query: $query, fields: $fields, roleOpts: $roleOpts,"
                   " departmentOpts: $departmentOpts) { totalCount } }"),
    ("findUser", "query findUser($email: String, $phone: String, $username: String,"
                 " $externalId: String, $identity: FindUserByIdentityInput) { findUser("
                 "email: $email, phone: $phone, username: $username, externalId: $externalId,"
                 " identity: $identity) { id } }"),
    ("setUdf", "mutation setUdf($targetType: UDFTargetType!, $key: String!,"
               " $dataType: UDFDataType!, $label: String!) { setUdf(targetType: $targetType,"
               " key: $key, dataType: $dataType, label: $label) { key } }"),
    ("setUdv", "mutation setUdv($targetType: UDFTargetType!, $targetId: String!, $key: String!,"
               " $value: String!) { setUdv(targetType: $targetType, targetId: $targetId,"
               " key: $key, value: $value) { key } }"),
    ("createRole", "mutation createRole($namespace: String, $code: String!, $parent: String)"
                   " { createRole(namespace: $namespace, code: $code, parent: $parent) { id } }"),
    ("assignRole", "mutation assignRole($roleCodes: [String], $userIds: [String!]) {"
                   " assignRole(roleCodes: $roleCodes, userIds: $userIds) { code } }"),
    ("createOrg", "mutation createOrg($name: String!, $code: String) {"
                  " createOrg(name: $name, code: $code) { id } }"),
    ("addNodeV2", "mutation addNodeV2($orgId: String!, $name: String!, $code: String) {"
                  " addNodeV2(orgId: $orgId, name: $name, code: $code) { id } }"),
    ("addMember", "mutation addMember($nodeId: String, $nodeCode: String, $userIds: [String!]!)"
                  " { addMember(nodeId: $nodeId, nodeCode: $nodeCode, userIds: $userIds) {"
                  " id users { totalCount } } }"),
    ("updateUserpool", "mutation updateUserpool($input: UpdateUserpoolInput!) {"
                       " updateUserpool(input: $input) { id } }"),
    ("refreshTokenById", "mutation refreshToken($id: String) { refreshToken(id: $id) {"
                         " token } }"),
)]


@dataclass(frozen=True)
class Route:
    """One route as the fuzz sends it: which token, the body kind, a base and its fields."""

    method: str
    path: str
    token: str = "none"  # none | login | mfa | admin | management
    kind: str = "none"  # none | json | query | form
    base: Body = field(default_factory=dict)
    fields: tuple[str, ...] = ()


def _routes(app_id: str, pool_id: str) -> list[Route]:
    forms = ("client_id", "client_secret", "grant_type", "code", "redirect_uri",
             "code_verifier", "token")
    auth_query = ("client_id", "redirect_uri", "response_type", "scope", "state", "nonce",
                  "code_challenge", "code_challenge_method", "prompt", "response_mode")
    sign_in_form = ("csrf_token", "action", "account", "password", "captcha_code")
    history = ("appId", "clientIp", "success", "start", "end", "page", "limit")
    routes = [
        Route("POST", "/graphql/v2", "login", "json",
              {"query": "query { checkPasswordStrength(password: \"x\") { valid } }"},
              ("query", "variables", "operationName")),
        Route("GET", "/api/v2/.well-known"), Route("GET", "/api/v2/users/me", "login"),
        Route("GET", "/api/v2/logout", "none", "query", fields=("only_self", "app_id")),
        Route("POST", "/api/v2/logout", "none", "query", fields=("only_self", "app_id")),
        Route("POST", "/api/v2/sms/send", kind="json", fields=("phone",)),
        Route("GET", "/api/v2/users/me/security-level", "login"),
        Route("GET", "/api/v2/users/me/applications/allowed", "login", "query",
              fields=("page", "limit")),
        Route("GET", "/api/v2/users/me/orgs", "login"),
        Route("GET", "/api/v2/security/captcha", kind="query", fields=("clientIp",)),
        Route("POST", "/api/v2/ldap/verify-user", kind="json", fields=("username", "password")),
        Route("POST", "/api/v2/ad/verify-user", kind="json", fields=("username", "password")),
        Route("POST", "/api/v2/users/link", kind="json",
              fields=("primaryUserToken", "secondaryUserToken")),
        Route("POST", "/api/v2/users/unlink", kind="json",
              fields=("primaryUserToken", "provider")),
        Route("DELETE", "/api/v2/users/delete"),
        Route("GET", "/_localpool/outbox", "admin"), Route("GET", "/_localpool/info"),
        Route("POST", "/_localpool/wechat/code", "admin", "json", fields=("identity",)),
        Route("GET", "/_localpool/policy", "admin"),
        Route("POST", "/_localpool/scenario", "admin", "json",
              {"name": "fuzz", "settings": {"registerDisabled": False},
               "fields": [{"key": "fuzz", "type": "STRING"}], "roles": [{"code": "fuzz"}],
               "orgs": [{"code": "fuzz", "name": "Fuzz", "departments": [
                   {"code": "fuzz-team", "name": "Team"}]}],
               "users": [{"username": "fuzz-user", "password": "Fuzz-passw0rd",
                          "customData": {"fuzz": "x"}, "roles": ["fuzz"],
                          "department": "fuzz-team"}]},
              ("name", "version", "settings", "settings.loginFailCheck", "fields", "roles",
               "orgs", "apps", "users")),
        Route("GET", "/_localpool/verify-email", kind="query", fields=("token",)),
        Route("GET", "/api/v2/mfa/authenticator", "login", "query",
              fields=("type", "authenticator_type", "source")),
        Route("POST", "/api/v2/mfa/totp/associate", "login", "json",
              fields=("authenticator_type", "authenticatorType", "source")),
        Route("DELETE", "/api/v2/mfa/totp/associate", "login"),
        Route("POST", "/api/v2/mfa/totp/associate/confirm", "login", "json",
              {"authenticator_type": "totp", "totp": "123456"},
              ("authenticator_type", "totp", "source")),
        Route("POST", "/api/v2/mfa/totp/verify", "mfa", "json", fields=("totp",)),
        Route("POST", "/api/v2/applications/mfa/totp/verify", "mfa", "json", fields=("totp",)),
        Route("POST", "/api/v2/mfa/totp/recovery", "mfa", "json", fields=("recoveryCode",)),
        Route("GET", "/api/v2/mfa/totp/recovery-code", "login"),
        Route("POST", "/api/v2/mfa/totp/recovery-code", "login", "json", fields=("totp",)),
        Route("POST", "/api/v2/applications/mfa/sms/verify", "mfa", "json",
              {"phone": "13800000000", "code": "123456"}, ("phone", "code")),
        Route("POST", "/api/v2/applications/mfa/email/verify", "mfa", "json",
              {"email": "a@example.com", "code": "123456"}, ("email", "code")),
        Route("POST", "/api/v2/applications/mfa/check", "mfa", "json", fields=("phone", "email")),
        Route("POST", "/api/v2/email/send", kind="json", base={"scene": "VERIFY_CODE"},
              fields=("email", "scene")),
        Route("POST", "/api/v3/send-sms", kind="json", base={"channel": "CHANNEL_LOGIN"},
              fields=("phoneNumber", "channel")),
        Route("POST", "/api/v3/send-email", kind="json", base={"channel": "CHANNEL_LOGIN"},
              fields=("email", "channel")),
        Route("POST", "/api/v3/verify-delete-account-request", "login", "json",
              {"verifyMethod": "PASSWORD", "passwordPayload": {"password": "Wrong-pass1"},
               "phonePassCodePayload": {"phoneNumber": "13800000000", "passCode": "1"},
               "emailPassCodePayload": {"email": "a@example.com", "passCode": "1"}},
              ("verifyMethod", "passwordPayload", "passwordPayload.password",
               "passwordPayload.passwordEncryptType", "phonePassCodePayload")),
        Route("POST", "/api/v3/verify-delete-account-request", "login", "json",
              {"verifyMethod": "PHONE_PASSCODE",
               "phonePassCodePayload": {"phoneNumber": "13800000000", "passCode": "1"}},
              ("phonePassCodePayload.phoneNumber", "phonePassCodePayload.passCode")),
        Route("POST", "/api/v3/verify-delete-account-request", "login", "json",
              {"verifyMethod": "EMAIL_PASSCODE", "emailPassCodePayload": {"passCode": "1"}},
              ("emailPassCodePayload.email", "emailPassCodePayload.passCode")),
        Route("POST", "/api/v3/delete-account", "login", "json", fields=("deleteAccountToken",)),
        Route("POST", "/api/v3/stepup/verify", "login", "json",
              {"method": "PASSWORD", "password": "Wrong-pass1", "passCode": "1", "totp": "1"},
              ("method", "password", "passwordEncryptType", "passCode", "totp")),
        Route("POST", "/api/v3/verify-update-email-request", "login", "json",
              {"verifyMethod": "EMAIL_PASSCODE",
               "emailPassCodePayload": {"newEmail": "b@example.com", "newEmailPassCode": "1",
                                        "oldEmail": "a@example.com", "oldEmailPassCode": "1"}},
              ("verifyMethod", "emailPassCodePayload", "emailPassCodePayload.newEmail",
               "emailPassCodePayload.newEmailPassCode", "emailPassCodePayload.oldEmail",
               "emailPassCodePayload.oldEmailPassCode")),
        Route("POST", "/api/v3/update-email", "login", "json", fields=("updateEmailToken",)),
        Route("POST", "/api/v3/verify-update-phone-request", "login", "json",
              {"verifyMethod": "PHONE_PASSCODE",
               "phonePassCodePayload": {"newPhoneNumber": "13800000001", "newPhonePassCode": "1",
                                        "oldPhoneNumber": "13800000000",
                                        "oldPhonePassCode": "1"}},
              ("verifyMethod", "phonePassCodePayload", "phonePassCodePayload.newPhoneNumber",
               "phonePassCodePayload.newPhonePassCode", "phonePassCodePayload.oldPhoneNumber",
               "phonePassCodePayload.oldPhonePassCode")),
        Route("POST", "/api/v3/update-phone", "login", "json", fields=("updatePhoneToken",)),
        Route("POST", "/api/v3/send-enroll-factor-request", "login", "json",
              {"factorType": "SMS", "profile": {"phoneNumber": "13800000000"}},
              ("factorType", "profile", "profile.phoneNumber")),
        Route("POST", "/api/v3/send-enroll-factor-request", "login", "json",
              {"factorType": "EMAIL", "profile": {"email": "a@example.com"}},
              ("profile.email",)),
        Route("POST", "/api/v3/enroll-factor", "login", "json",
              {"factorType": "SMS", "enrollmentData": {"passCode": "123456"}},
              ("factorType", "enrollmentToken", "enrollmentData", "enrollmentData.passCode")),
        Route("POST", "/api/v3/reset-factor", "login", "json", fields=("factorId",)),
        Route("GET", "/api/v3/list-enrolled-factors", "login"),
        Route("GET", "/api/v3/list-factors-to-enroll", "login"),
        Route("GET", "/api/v3/mydevices/list", "login", "query", fields=("page", "limit")),
        Route("POST", "/api/v3/mydevices/revoke-session", "login", "json", fields=("deviceId",)),
        Route("POST", "/api/v3/mydevices/unbind", "login", "json", fields=("deviceId",)),
        Route("POST", "/api/v3/create-device", "login", "json", {"deviceUniqueId": "fuzz"},
              ("deviceUniqueId", "type", "name", "mod", "version", "producer", "os")),
        Route("GET", "/api/v3/get-my-login-history", "login", "query", fields=history),
        Route("GET", "/api/v3/get-my-logged-in-apps", "login"),
        Route("GET", "/api/v3/get-my-accessible-apps", "login"),
        Route("GET", "/api/v3/get-identities", "login"),
        Route("POST", "/api/v3/unlink-extidp", "login", "json", fields=("extIdpId",)),
        Route("GET", "/api/v3/get-application-enabled-extidps", kind="query",
              fields=("app_id",)),
        Route("GET", "/api/v3/generate-link-extidp-url", "login", "query",
              {"ext_idp_conn_identifier": "wechat-pc", "app_id": app_id},
              ("ext_idp_conn_identifier", "app_id", "id_token", "need_url_redirect",
               "only_redirect_token", "need_form_post", "target_url")),
        Route("GET", "/api/v3/link-extidp/opener.js"),
        Route("GET", "/api/v3/link-extidp", kind="query",
              base={"ext_idp_conn_identifier": "wechat-pc", "app_id": app_id},
              fields=("ext_idp_conn_identifier", "app_id", "link_ticket", "id_token",
                      "target_url")),
        Route("GET", "/connections/simulated/wechat-pc/authorize", kind="query",
              fields=("state",)),
        Route("POST", "/connections/simulated/wechat-pc/authorize", kind="form",
              fields=("state", "name", "action")),
        Route("GET", "/api/v3/get-profile", "login", "query", fields=("withIdentities",)),
        Route("GET", "/api/v3/get-security-info", "login"),
        Route("GET", "/oidc/.well-known/openid-configuration"),
        Route("GET", "/oidc/.well-known/jwks.json"),
        Route("GET", "/api/v2/oidc/validate_token", kind="query",
              fields=("id_token", "access_token")),
        Route("GET", f"/cas-idp/{app_id}/serviceValidate", kind="query",
              fields=("ticket", "service", "format")),
        Route("GET", "/cas/session"),
        Route("GET", f"/connection/social/wechat:mobile/{pool_id}/callback", kind="query",
              fields=("code",)),
        Route("GET", "/connection/social/%ED%A0%80/%FF/callback", kind="query", fields=("code",)),
        Route("GET", "/oidc/session/end", kind="query",
              fields=("id_token_hint", "post_logout_redirect_uri", "state")),
        Route("GET", "/cas-idp/logout", kind="query", fields=("url",)),
        Route("GET", f"/cas-idp/{app_id}", kind="query", fields=("service",)),
        Route("GET", "/cas-idp/%ED%A0%80", kind="query", fields=("service",)),
        Route("GET", f"/api/v2/users/{FAKE_USER_ID}", "management", "query",
              fields=("with_custom_data",)),
        Route("GET", "/api/v2/applications", "management", "query", fields=("page", "limit")),
        Route("POST", "/api/v2/applications", "management", "json",
              {"name": "Fuzz", "identifier": "fuzz", "redirectUris": []},
              ("name", "identifier", "redirectUris", "logo")),
        Route("GET", f"/api/v2/applications/{app_id}", "management"),
        Route("DELETE", f"/api/v2/applications/{app_id}", "management"),
        Route("GET", "/api/v2/userpools/detail", "management"),
    ]
    routes += _webauthn_routes()
    routes += _gen2_and_hosted_passkey_routes(sign_in_form)
    for flavour in ("oidc", "oauth"):
        routes += [
            Route("POST", f"/{flavour}/token", kind="form",
                  base={"client_id": app_id, "grant_type": "authorization_code"}, fields=forms),
            Route("GET", f"/{flavour}/me", "login"), Route("POST", f"/{flavour}/me", "login"),
            Route("POST", f"/{flavour}/token/introspection", kind="form",
                  base={"client_id": app_id}, fields=forms),
            Route("POST", f"/{flavour}/token/revocation", kind="form",
                  base={"client_id": app_id}, fields=forms),
            Route("GET", f"/{flavour}/auth", kind="query",
                  base={"client_id": app_id, "redirect_uri": "http://127.0.0.1:9/cb",
                        "response_type": "code", "scope": "openid"}, fields=auth_query),
            Route("POST", f"/{flavour}/auth", kind="form", fields=sign_in_form),
        ]
    routes.append(Route("POST", f"/cas-idp/{app_id}", kind="form", fields=sign_in_form))
    return routes


def _webauthn_routes() -> list[Route]:
    """The passkey routes (docs/passkeys.md), with bodies of the right shape to spoil."""
    response = {"clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA",
                "attestationObject": "oA", "userHandle": "AAAA"}
    credential = {"id": "AAAA", "rawId": "AAAA", "type": "public-key", "response": response,
                  "transports": ["usb"]}
    parts = ("", ".id", ".rawId", ".type", ".response", ".response.clientDataJSON",
             ".response.authenticatorData", ".response.signature",
             ".response.attestationObject", ".response.userHandle", ".transports")

    def fields(name: str, *extra: str) -> tuple[str, ...]:
        return ("ticket", *extra, *(name + part for part in parts))

    base = "/api/v3/webauthn"
    return [
        Route("GET", f"{base}/registration", "login"),
        Route("POST", f"{base}/registration", "login", "json",
              {"ticket": "t", "registrationCredential": credential},
              fields("registrationCredential", "authenticatorCode", "name")),
        Route("GET", f"{base}/authentication"),
        Route("GET", "/api/v3/stepup/passkey-options", "login"),
        Route("POST", "/api/v3/stepup/verify", "login", "json",
              {"method": "PASSKEY", "ticket": "t", "authenticationCredential": credential},
              fields("authenticationCredential", "method")),
        Route("POST", f"{base}/authentication", "none", "json",
              {"ticket": "t", "authenticationCredential": credential},
              fields("authenticationCredential", "options", "options.scope")),
        Route("POST", f"{base}/page-authenticator-device", "login", "json",
              fields=("authenticatorCode",)),
        Route("POST", f"{base}/check-valid-credentials-by-credIds", "login", "json",
              {"credentialIds": ["AAAA"]}, ("credentialIds", "authenticatorCode")),
        Route("POST", f"{base}/remove-credential/{{credentialID}}", "login", "json",
              fields=("credentialID",)),
        Route("POST", f"{base}/remove-credentials-by-authenticator-code", "login", "json",
              fields=("authenticatorCode",)),
        Route("PUT", f"{base}/credentials/{{credentialId}}", "login", "json", {"name": "x"},
              ("name",)),
        Route("POST", f"{base}/mfa-verify/initialize", "mfa"),
        Route("POST", f"{base}/mfa-verify/finalize", "mfa", "json",
              {"ticket": "t", "credential": credential}, fields("credential")),
        Route("POST", f"{base}/mfa-bind/initialize", "mfa"),
        Route("POST", f"{base}/mfa-bind/finalize", "mfa", "json", {"credential": credential},
              fields("credential")),
    ]


def _gen2_and_hosted_passkey_routes(sign_in_form: tuple[str, ...]) -> list[Route]:
    """The Gen-2 WebAuthn routes and the hosted pages' passkey routes (docs/passkeys.md)."""
    response = {"clientDataJSON": "e30", "authenticatorData": "AAAA", "signature": "AAAA",
                "attestationObject": "oA", "userHandle": "AAAA", "transports": ["usb"]}
    credential = {"id": "AAAA", "rawId": "AAAA", "type": "public-key", "response": response}
    inner = ("id", "rawId", "type", "response", *(f"response.{name}" for name in response))
    base = "/api/v3/webauthn"
    return [
        Route("POST", f"{base}/login/initialize"),
        Route("POST", f"{base}/login/finalize", "none", "json",
              {"ticket": "t", "credential": credential},
              ("ticket", "credential", "options", "options.scope",
               *(f"credential.{name}" for name in inner))),
        Route("POST", f"{base}/registration/initialize", "login"),
        Route("POST", f"{base}/registration/finalize", "login", "json",
              {**credential, "name": "x"}, ("name", *inner)),
        Route("GET", f"{base}/credentials", "login", "query", fields=("page", "limit")),
        Route("DELETE", f"{base}/credentials/{{credentialId}}", "login"),
        Route("GET", "/hosted/passkeys.js"),
        Route("GET", "/passkeys"),
        Route("POST", "/passkeys", kind="form",
              fields=(*sign_in_form, "credential", "ticket", "name")),
        Route("POST", "/passkeys/options"),
    ]


def route_keys(app_id: str, pool_id: str) -> set[tuple[str, str]]:
    """(method, path pattern) of every route the fuzz covers."""
    keys = set()
    for route in _routes(app_id, pool_id):
        path = route.path.replace(app_id, "{app_id}").replace(pool_id, "{pool_id}")
        path = path.replace("/wechat:mobile/", "/{connection}/")
        path = path.replace("/simulated/wechat-pc/", "/simulated/{identifier}/")
        path = path.replace(FAKE_USER_ID, "{user_id}")
        keys.add((route.method, path))
    return keys


# ------------------------------------------------------------------ requests
@dataclass(frozen=True)
class Probe:
    """One request of the fuzz."""

    method: str
    path: str
    token: str
    content: bytes | None = None
    content_type: str | None = None
    headers: dict[str, bytes] = field(default_factory=dict)


def _with(base: Body, dotted: str, value: Any) -> Body:
    body = json.loads(json.dumps(base))
    target = body
    *parents, leaf = dotted.split(".")
    for name in parents:
        if not isinstance(target.get(name), dict):
            target[name] = {}
        target = target[name]
    target[leaf] = value
    return body


def _encode(values: Body) -> str:
    return "&".join(f"{quote(key)}={quote(str(value))}" for key, value in values.items())


def _probes(route: Route, thorough: bool) -> Iterator[Probe]:
    values = BAD_JSON if thorough else BAD_JSON_LIGHT
    texts = BAD_TEXT if thorough else BAD_TEXT_LIGHT
    plain = Probe(route.method, route.path, route.token)
    yield plain
    # Headers are read in a few shared places: every variant on every route only when
    # thorough, else on one route of each kind of caller.
    every = thorough or route.path in HEADER_ROUTES
    for headers in BAD_HEADERS if every else BAD_HEADERS[:1]:
        yield Probe(route.method, route.path, route.token, headers=headers)
    if route.kind == "json":
        for name in route.fields:
            for value in values:
                body = json.dumps(_with(route.base, name, value), ensure_ascii=True).encode()
                yield Probe(route.method, route.path, route.token, body, "application/json")
        # One parser reads every JSON body: each bad body on a few routes, two on the others.
        bodies = BAD_BODIES if every or route.path in BODY_ROUTES else BAD_BODIES[::7]
        for content, kind in bodies:
            yield Probe(route.method, route.path, route.token, content, kind)
    elif route.kind in ("query", "form"):
        base = _encode(route.base)
        for name in route.fields:
            for value in texts:
                encoded = "&".join(filter(None, [base, f"{quote(name)}={value}"]))
                if route.kind == "query":
                    yield Probe(route.method, f"{route.path}?{encoded}", route.token)
                else:
                    yield Probe(route.method, route.path, route.token, encoded.encode(),
                                "application/x-www-form-urlencoded")
        if route.kind == "form":
            for content, _ in BAD_BODIES[4:7]:
                yield Probe(route.method, route.path, route.token, content,
                            "application/x-www-form-urlencoded")


# ------------------------------------------------------------------ GraphQL
def _sample(kind: GraphQLInputType) -> Any:
    if isinstance(kind, GraphQLNonNull):
        return _sample(kind.of_type)
    if isinstance(kind, GraphQLList):
        return [_sample(kind.of_type)]
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        return {name: _sample(spec.type) for name, spec in kind.fields.items()
                if isinstance(spec.type, GraphQLNonNull)}
    assert isinstance(kind, GraphQLScalarType)
    return {"Int": 1, "Float": 1.0, "Boolean": True}.get(kind.name, "x")


class _Suffix(Visitor):
    """Renames every variable ``$x`` to ``$x_<n>``."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n

    def enter_variable(self, node: VariableNode, *_: Any) -> VariableNode:
        return VariableNode(name=NameNode(value=f"{node.name.value}_{self.n}"))


def _batched(definition: OperationDefinitionNode, count: int) -> str:
    """``definition`` with its root field asked ``count`` times, as aliases ``f0``, ``f1``...,
    each with its own copy of the variables (``$input_0``, ``$input_1``...)."""
    root = definition.selection_set.selections[0]
    assert isinstance(root, FieldNode)
    fields, variables = [], []
    for n in range(count):
        renamed = visit(root, _Suffix(n))
        fields.append(FieldNode(alias=NameNode(value=f"f{n}"), name=renamed.name,
                                arguments=renamed.arguments, directives=renamed.directives,
                                selection_set=renamed.selection_set))
        variables += [visit(item, _Suffix(n)) for item in definition.variable_definitions or ()]
    batched = OperationDefinitionNode(
        operation=definition.operation, name=NameNode(value="fuzz"),
        variable_definitions=tuple(variables), directives=(),
        selection_set=SelectionSetNode(selections=tuple(fields)))
    return print_ast(batched)


def _leaf(kind: Any) -> Any:
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        kind = kind.of_type
    return kind


def _graphql_probes(thorough: bool) -> Iterator[Probe]:
    """One request per spoiled value when thorough; else, per operation, one request asking
    the root field once per (text variable, bad text) under aliases, and one with a lone
    surrogate (refused for the whole body)."""
    schema = build_pool_schema()
    operations = [value for value in vars(graphql_documents).values()
                  if isinstance(value, graphql_documents.Operation)]
    for operation in operations + MANAGEMENT_OPERATIONS:
        definition = parse(operation.document).definitions[0]
        assert isinstance(definition, OperationDefinitionNode)
        token = "none" if operation.name == "refreshToken" else "login"
        if operation in MANAGEMENT_OPERATIONS:
            token = "management"
        kinds = {var.variable.name.value: type_from_ast(schema, var.type)  # type: ignore[arg-type]
                 for var in definition.variable_definitions or ()}
        base = {name: _sample(kind) for name, kind in kinds.items()}
        paths: dict[str, Any] = {}
        for name, kind in kinds.items():
            paths[name] = _leaf(kind)
            if isinstance(_leaf(kind), GraphQLInputObjectType):
                paths.update({f"{name}.{field_name}": _leaf(spec.type)
                              for field_name, spec in _leaf(kind).fields.items()})
        if thorough:
            for path in paths:
                for value in BAD_JSON:
                    body = json.dumps({"query": operation.document,
                                       "variables": _with(base, path, value)},
                                      ensure_ascii=True).encode()
                    yield Probe("POST", "/graphql/v2", token, body, "application/json")
            continue
        texts = [path for path, leaf in paths.items()
                 if isinstance(leaf, GraphQLScalarType) and leaf.name in ("String", "ID")]
        variants = [_with(base, path, value) for path in texts for value in BAD_GRAPHQL_LIGHT]
        variants.append(_with(base, texts[0], "\ud800") if texts else base)
        batched: dict[str, Any] = {}
        for n, variables in enumerate(variants[:-1]):
            batched.update({f"{name}_{n}": value for name, value in variables.items()})
        for query, variables in ((_batched(definition, len(variants) - 1), batched),
                                 (operation.document, variants[-1])):
            body = json.dumps({"query": query, "variables": variables},
                              ensure_ascii=True).encode()
            yield Probe("POST", "/graphql/v2", token, body, "application/json")


# ------------------------------------------------------------------ running
@dataclass
class FuzzReport:
    """What the fuzz sent and what failed (method, path, status, a bit of the answer)."""

    requests: int = 0
    failures: list[tuple[str, str, int, str]] = field(default_factory=list)


def _failed(response: httpx.Response) -> bool:
    if response.status_code >= 500:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    if not isinstance(body, dict):
        return False
    if body.get("code") == 500 or body.get("statusCode") == 500:
        return True
    problems = body.get("errors")
    return isinstance(problems, list) and any(
        isinstance(item, dict) and isinstance(item.get("message"), dict)
        and item["message"].get("code") == 500 for item in problems)


def run_fuzz(url: str, app_id: str, pool_id: str, tokens: dict[str, Callable[[], str]], *,
             thorough: bool = False) -> FuzzReport:
    """Send every probe to the pool at ``url``, one after the other (``thorough``: every bad
    value, else one of each class). ``tokens`` gives a login token, an mfaToken (a fresh one
    each call: a challenge takes only a few answers), the admin token and the management
    token (the probes of a missing one go without a token)."""
    probes = [probe for route in _routes(app_id, pool_id)
              for probe in _probes(route, thorough)]
    probes += list(_graphql_probes(thorough))
    report = FuzzReport()
    current = {kind: make() for kind, make in tokens.items()}
    with httpx.Client(base_url=url, timeout=60) as client:
        for probe in probes:
            headers: dict[str, Any] = {}
            if current.get(probe.token):
                headers["authorization"] = f"Bearer {current[probe.token]}"
            if probe.content_type is not None:
                headers["content-type"] = probe.content_type
            headers.update(probe.headers)
            try:
                response = client.request(probe.method, probe.path, content=probe.content,
                                          headers=headers)
            except httpx.HTTPError as error:  # the pool dropped the connection: a failure
                report.failures.append((probe.method, probe.path[:120], 0, repr(error)[:200]))
                continue
            report.requests += 1
            if _failed(response):
                report.failures.append((probe.method, probe.path[:120], response.status_code,
                                        response.text[:200]))
            elif probe.token == "mfa" and '"code":2021' in response.text:
                current["mfa"] = tokens["mfa"]()  # that challenge is used up
    return report
