"""The one redaction function on every operation the app sends: each GraphQL operation of
`api.graphql_documents` (variables built from the pool's schema for the operation's variable
types, the answer built from its selection set) and each REST path of the api modules (a
realistic request and envelope). Nothing secret may survive, identities are masked, harmless
fields stay readable; with `Pseudonyms` the markers are consistent."""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    parse,
    type_from_ast,
)
from graphql.language import FieldNode, OperationDefinitionNode, SelectionSetNode

import authing_desktop.api as api_package
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.redaction import (
    MARKER,
    PROTOCOL_SAFE_KEYS,
    REDACTED,
    Pseudonyms,
    redact,
)
from authing_desktop.replay.engine import operations

JWT = ("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2MmExYjJjM2Q0ZTVmNjA3MTgyOTNhNGIiLC"
       "JleHAiOjE5MDAwMDAwMDB9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1oZXJl")
ENCRYPTED = "Q" * 100 + "x9Yz+/AbCdEfGh" * 5 + "=="  # an RSA-base64 transport form
EMAIL = "alice.smith@example.com"
PHONE = "13912345678"
USER_ID = "62a1b2c3d4e5f60718293a4b"
APP_SECRET = "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c"

# Field name (lower case) -> a realistic secret value; every one must vanish.
SECRETS: dict[str, str] = {
    "password": ENCRYPTED, "oldpassword": ENCRYPTED[::-1], "newpassword": "N3w-" + ENCRYPTED,
    "code": "482913", "phonecode": "590217", "emailcode": "771204", "oldphonecode": "310298",
    "oldemailcode": "660915", "captchacode": "7351", "token": JWT, "accesstoken": JWT,
    "idtoken": JWT, "refreshtoken": "rt-" + APP_SECRET, "firstlogintoken": JWT,
    "mfatoken": JWT, "enrollmenttoken": JWT, "deleteaccounttoken": JWT, "ticket": "ST-98127",
    "primaryusertoken": JWT, "secondaryusertoken": JWT, "secret": APP_SECRET,
    "client_secret": APP_SECRET, "totp": "019283", "passcode": "554433",
    "recoverycode": "a1b2-c3d4-e5f6", "authorization": f"Bearer {JWT}",
}
IDENTITIES = {"email": EMAIL, "oldemail": "old.mail@example.org", "phone": PHONE,
              "oldphone": "13800001111", "phonenumber": PHONE}


def field_value(name: str, type_name: str) -> Any:
    key = name.lower()
    if key in SECRETS:
        return SECRETS[key]
    if key in IDENTITIES:
        return IDENTITIES[key]
    if key in ("id", "userid", "targetid"):
        return USER_ID
    if type_name == "Int":
        return 3
    if type_name == "Boolean":
        return True
    return f"value-of-{name}"


def input_value(schema: GraphQLSchema, gql_type: Any, name: str) -> Any:
    if isinstance(gql_type, GraphQLNonNull):
        return input_value(schema, gql_type.of_type, name)
    if isinstance(gql_type, GraphQLList):
        return [input_value(schema, gql_type.of_type, name)]
    if isinstance(gql_type, GraphQLInputObjectType):
        return {field: input_value(schema, spec.type, field)
                for field, spec in gql_type.fields.items()}
    if isinstance(gql_type, GraphQLEnumType):
        return next(iter(gql_type.values))
    return field_value(name, gql_type.name)


def output_value(schema: GraphQLSchema, gql_type: Any, name: str,
                 selection: SelectionSetNode | None) -> Any:
    if isinstance(gql_type, GraphQLNonNull):
        return output_value(schema, gql_type.of_type, name, selection)
    if isinstance(gql_type, GraphQLList):
        return [output_value(schema, gql_type.of_type, name, selection)]
    if isinstance(gql_type, GraphQLObjectType) and selection is not None:
        result = {}
        for node in selection.selections:
            assert isinstance(node, FieldNode)
            field = gql_type.fields[node.name.value]
            result[node.name.value] = output_value(schema, field.type, node.name.value,
                                                   node.selection_set)
        return result
    if isinstance(gql_type, GraphQLEnumType):
        return next(iter(gql_type.values))
    return field_value(name, gql_type.name)


def _schema() -> GraphQLSchema:
    from authing_desktop.localpool.graphql_api import load_sdl

    return build_schema(load_sdl())


SCHEMA = _schema()
OPERATIONS = operations()


def graphql_payload(operation: Operation) -> tuple[dict[str, Any], dict[str, Any]]:
    """(variables, response body) of ``operation`` as the app would send and receive them."""
    document = parse(operation.document)
    definition = document.definitions[0]
    assert isinstance(definition, OperationDefinitionNode)
    variables = {}
    for variable in definition.variable_definitions or ():
        gql_type = type_from_ast(SCHEMA, variable.type)
        variables[variable.variable.name.value] = input_value(
            SCHEMA, gql_type, variable.variable.name.value)
    root_type = SCHEMA.mutation_type if definition.operation.value == "mutation" \
        else SCHEMA.query_type
    assert root_type is not None
    root = definition.selection_set.selections[0]
    assert isinstance(root, FieldNode)
    field = root_type.fields[root.name.value]
    data = output_value(SCHEMA, field.type, root.name.value, root.selection_set)
    return variables, {"data": {root.name.value: data}}


def _api_paths() -> dict[str, str]:
    """Every ``*_PATH`` constant of the api modules (name -> path)."""
    paths: dict[str, str] = {}
    for module_info in pkgutil.iter_modules(api_package.__path__):
        module = importlib.import_module(f"authing_desktop.api.{module_info.name}")
        for name, value in vars(module).items():
            if name.endswith("_PATH") and isinstance(value, str) and value.startswith("/"):
                paths[f"{module_info.name}.{name}"] = value
    return paths


USER = {"id": USER_ID, "email": EMAIL, "phone": PHONE, "token": JWT, "username": "alice",
        "emailVerified": True, "loginsCount": 4, "lastIP": "203.0.113.7",
        "name": "Alice Smith", "address": "1 Main St", "password": "$argon2id$v=19$m=65536"}

# Realistic (request variables, envelope data) per REST path.
REST_PAYLOADS: dict[str, tuple[dict[str, Any], Any]] = {
    "/_localpool/policy": ({}, {"loginRequireEmailVerified": True,
                                "changePhoneStrategy": {"verifyOldPhone": True},
                                "tokenExpiresAfter": 1_209_600}),
    "/_localpool/scenario": (
        {"name": "forced-reset", "users": [{
            "email": EMAIL, "phone": PHONE, "password": "Passw0rd-1",
            "totpSecret": "JBSWY3DPEHPK3PXPJBSWY3DP", "resetPasswordOnNextLogin": True}]},
        {"name": "forced-reset", "counts": {"users": 1},
         "users": [{"entry": f"users[0] ({EMAIL})", "id": "5f1e2d3c4b5a697887a6b5c4"}]}),
    "/api/v2/users/me": ({}, USER),
    "/api/v2/.well-known": ({}, {"publicKey": "-----BEGIN PUBLIC KEY-----\nMIIB\n"}),
    "/api/v2/logout": ({"app_id": "6201a2b3c4d5e6f708192a3b"}, None),
    "/api/v2/sms/send": ({"phone": PHONE}, None),
    "/api/v2/email/send": ({"email": EMAIL, "scene": "VERIFY_CODE"}, None),
    "/api/v2/users/link": ({"primaryUserToken": JWT, "secondaryUserToken": JWT}, None),
    "/api/v2/users/unlink": ({"primaryUserToken": JWT, "provider": "wechat"}, None),
    "/api/v2/users/me/security-level": ({}, {"score": 60, "email": True, "phone": False,
                                            "password": True, "passwordSecurityLevel": 2}),
    "/api/v2/users/me/applications/allowed": ({"page": "1", "limit": "10"},
                                              {"list": [{"id": "a1", "name": "Wiki"}],
                                               "totalCount": 1}),
    "/api/v2/users/me/orgs": ({}, [[{"id": "o1", "name": "ACME", "code": "acme"}]]),
    "/api/v2/security/captcha": ({}, None),
    "/api/v2/ldap/verify-user": ({"username": "alice", "password": "plain-Ldap-pass1"}, USER),
    "/api/v2/ad/verify-user": ({"username": "alice", "password": "plain-Ad-pass1"}, USER),
    "/api/v2/mfa/authenticator": ({"type": "MFA", "source": "SELF"},
                                  [{"id": "m1", "authenticatorType": "totp"}]),
    "/api/v2/mfa/totp/associate": ({"authenticator_type": "totp", "source": "SELF"},
                                   {"secret": APP_SECRET, "qrcode": "otpauth://totp/x?secret="
                                    + APP_SECRET, "recovery_code": "a1b2-c3d4-e5f6"}),
    "/api/v2/mfa/totp/associate/confirm": ({"authenticator_type": "totp", "totp": "019283",
                                           "source": "SELF"}, None),
    "/api/v2/mfa/totp/verify": ({"totp": "019283", "mfaToken": JWT}, USER),
    "/api/v2/mfa/totp/recovery": ({"recoveryCode": "a1b2-c3d4-e5f6", "mfaToken": JWT}, USER),
    "/api/v2/mfa/totp/recovery-code": ({"totp": "019283"},
                                       {"exists": True, "createdAt": "2026-12-07T22:00:00+00:00",
                                        "recoveryCode": "a1b2-c3d4-e5f6"}),
    "/api/v2/applications/mfa/sms/verify": ({"phone": PHONE, "code": "482913",
                                            "mfaToken": JWT}, USER),
    "/api/v2/applications/mfa/email/verify": ({"email": EMAIL, "code": "482913",
                                              "mfaToken": JWT}, USER),
    "/api/v2/applications/mfa/check": ({"phone": PHONE, "mfaToken": JWT}, True),
    "/api/v3/send-enroll-factor-request": ({"factorType": "SMS", "phoneNumber": PHONE},
                                           {"enrollmentToken": JWT}),
    "/api/v3/enroll-factor": ({"enrollmentToken": JWT, "factorType": "SMS",
                               "enrollmentData": {"passCode": "554433"}}, {"factorId": "f1"}),
    "/api/v3/reset-factor": ({"factorId": "f1"}, None),
    "/api/v3/list-enrolled-factors": ({}, [{"id": "f1", "factorType": "SMS",
                                           "profile": PHONE}]),
    "/api/v3/list-factors-to-enroll": ({}, [{"factorType": "OTP"}]),
    "/api/v3/mydevices/list": ({"page": 1}, [{"deviceId": "d1", "ip": "203.0.113.7"}]),
    "/api/v3/mydevices/revoke-session": ({"deviceId": "d1"}, None),
    "/api/v3/mydevices/unbind": ({"deviceId": "d1"}, None),
    "/api/v3/create-device": ({"deviceUniqueId": "dev-abc", "type": "Desktop"}, {"id": "d1"}),
    "/api/v3/get-my-login-history": ({"page": 1, "limit": 10},
                                     [{"ip": "203.0.113.7", "userAgent": "x"}]),
    "/api/v3/get-my-logged-in-apps": ({}, [{"appId": "a1", "appName": "Wiki"}]),
    "/api/v3/send-sms": ({"phoneNumber": PHONE, "channel": "CHANNEL_LOGIN"}, None),
    "/api/v3/send-email": ({"email": EMAIL, "channel": "CHANNEL_LOGIN"}, None),
    "/api/v3/verify-delete-account-request": ({"verifyMethod": "PHONE_PASSCODE",
                                               "phonePassCodePayload": {
                                                   "phoneNumber": PHONE,
                                                   "passCode": "554433"}},
                                              {"deleteAccountToken": JWT}),
    "/api/v3/delete-account": ({"deleteAccountToken": JWT}, None),
    "/api/v3/stepup/verify": ({"method": "PASSWORD", "password": ENCRYPTED,
                               "passwordEncryptType": "rsa"},
                              {"stepupToken": "st-" + APP_SECRET, "tokenExpiresIn": 300}),
    "/api/v3/stepup/passkey-options": (
        {}, {"authenticationOptions": {"challenge": "ch-" + APP_SECRET, "rpId": "localhost"},
             "ticket": "wt-" + APP_SECRET}),
    "/api/v3/get-identities": ({}, [{"extIdpId": "e1", "provider": "wechat",
                                     "accessToken": JWT}]),
    "/api/v3/unlink-extidp": ({"extIdpId": "e1"}, None),
    "/api/v3/get-application-enabled-extidps": (
        {"app_id": "app-1"}, [{"identifier": "wechat-pc", "extIdpId": "wechat:pc",
                               "type": "wechat:pc", "extIdpType": "wechat", "name": "微信",
                               "name_en": "WeChat"}]),
    "/api/v3/generate-link-extidp-url": (
        {"ext_idp_conn_identifier": "wechat-pc", "app_id": "app-1", "id_token": JWT,
         "need_url_redirect": "1", "target_url": "http://127.0.0.1:5555/linked"},
        {"url": "http://127.0.0.1:4000/api/v3/link-extidp?ext_idp_conn_identifier=wechat-pc"
                "&app_id=app-1&link_ticket=lt-" + APP_SECRET}),
    "/linked": ({"success": "false", "errMsg": "already bound", "errCode": "2215"}, None),
    "/api/v3/get-profile": ({"withIdentities": "true"},
                            {"userId": "u1", "email": EMAIL, "phone": PHONE,
                             "passwordLastSetAt": "2026-12-01T08:00:00.000Z",
                             "identities": [{"extIdpId": "e1", "provider": "wechat",
                                             "accessToken": JWT}]}),
    "/api/v3/get-security-info": ({}, {"securityScore": 60, "passwordSecurityLevel": 2}),
    "/api/v3/webauthn/registration": (
        {"ticket": "wt-" + APP_SECRET, "authenticatorCode": "other",
         "registrationCredential": {"id": "cred-1", "rawId": "cred-1", "type": "public-key",
                                    "response": {"attestationObject": "o2NmbXRkbm9uZQ",
                                                 "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4"}}},
        {"registrationOptions": {"challenge": "ch-" + APP_SECRET,
                                 "rp": {"id": "localhost", "name": "Pool"},
                                 "user": {"id": "dXNlcg", "name": EMAIL, "displayName": EMAIL}},
         "ticket": "wt-" + APP_SECRET, "verified": True}),
    "/api/v3/webauthn/authentication": (
        {"ticket": "wt-" + APP_SECRET, "options": {"scope": "openid profile"},
         "authenticationCredential": {"id": "cred-1", "rawId": "cred-1", "type": "public-key",
                                      "response": {"authenticatorData": "SZYN5YgO",
                                                   "clientDataJSON": "eyJ0eXBlIjoid2ViYXV0aG4",
                                                   "signature": "MEUCIQ", "userHandle": "dXNlcg"}}},
        {"verified": True, "tokenSet": {"access_token": JWT, "id_token": JWT,
                                        "token_type": "Bearer", "expire_in": 7200}}),
    "/api/v3/webauthn/page-authenticator-device": (
        {}, {"totalCount": 1, "list": [{"id": "k1", "credentialId": "cred-1", "name": "Blue key",
                                        "createdAt": "2026-05-01T08:00:00Z"}]}),
    "/api/v3/webauthn/remove-credential/": ({"credentialID": "cred-1"}, {"success": True}),
    "/api/v3/webauthn/credentials/": ({"name": "Blue key"}, {"success": True}),
    "/api/v3/webauthn/mfa-verify/initialize": (
        {}, {"publicKey": {"challenge": "ch-" + APP_SECRET, "rpId": "localhost"},
             "ticket": "wt-" + APP_SECRET}),
    "/api/v3/webauthn/mfa-verify/finalize": (
        {"ticket": "wt-" + APP_SECRET,
         "credential": {"id": "cred-1", "rawId": "cred-1", "type": "public-key",
                        "response": {"signature": "MEUCIQ"}}}, USER),
    "/callback": ({"code": "authz-code-8812", "state": "st-1"}, None),
    "/oidc/token": ({"grant_type": "authorization_code", "code": "authz-code-8812",
                     "client_secret": APP_SECRET, "code_verifier": "v" * 43},
                    {"access_token": JWT, "id_token": JWT, "refresh_token": "rt-" + APP_SECRET,
                     "token_type": "Bearer", "expires_in": 3600}),
}
# A path added after this test was written still gets checked with a generic request.
GENERIC_PAYLOAD: tuple[dict[str, Any], Any] = (
    {"phone": PHONE, "email": EMAIL, "code": "482913", "token": JWT, "password": ENCRYPTED},
    USER)


def all_secret_values(*extra: str) -> list[str]:
    values = set(SECRETS.values()) | {JWT, APP_SECRET, ENCRYPTED, *extra}
    values |= {EMAIL.split("@")[0], PHONE, "old.mail", "13800001111", "plain-Ldap-pass1",
               "plain-Ad-pass1", "1 Main St", "203.0.113.7", "$argon2id"}
    return sorted(values)


def assert_clean(redacted: Any, what: str) -> None:
    text = json.dumps(redacted, ensure_ascii=False)
    for secret in all_secret_values():
        if secret.isdigit() and len(secret) <= 8:
            # Short codes: not as any JSON string value (an int status code may look alike).
            assert f'"{secret}"' not in text, (what, secret)
        else:
            assert secret not in text, (what, secret)


def _walk(value: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in _walk(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in _walk(v, key)]
    return [(key, value)]


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_graphql_operation_payload_is_redacted(name: str) -> None:
    variables, response = graphql_payload(OPERATIONS[name])
    for redacted in (redact(variables, extra_safe_keys=PROTOCOL_SAFE_KEYS),
                     redact(response, extra_safe_keys=PROTOCOL_SAFE_KEYS)):
        assert_clean(redacted, name)
    # Secret fields become the marker (not dropped: the inspector shows that they were sent).
    for key, value in _walk(redact(variables, extra_safe_keys=PROTOCOL_SAFE_KEYS)):
        if key.lower() in SECRETS:
            assert value == REDACTED, (name, key)
        if key.lower() == "email":
            assert value == "a***@example.com", (name, key)
        if key.lower() == "phone":
            assert value == "139****5678", (name, key)
    # Harmless fields of the answer stay readable (ids, message, flags).
    for key, value in _walk(redact(response, extra_safe_keys=PROTOCOL_SAFE_KEYS)):
        if key in ("id", "message", "emailVerified", "phoneVerified", "loginsCount"):
            assert value not in (REDACTED,), (name, key)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_graphql_operation_payload_gets_consistent_markers(name: str) -> None:
    names = Pseudonyms()
    names.alias(ENCRYPTED, "the-plain-password")
    variables, response = graphql_payload(OPERATIONS[name])
    first = redact(variables, extra_safe_keys=PROTOCOL_SAFE_KEYS, pseudonyms=names)
    again = redact(variables, extra_safe_keys=PROTOCOL_SAFE_KEYS, pseudonyms=names)
    answer = redact(response, extra_safe_keys=PROTOCOL_SAFE_KEYS, pseudonyms=names)
    assert first == again
    for redacted in (first, answer):
        assert_clean(redacted, name)
    for key, value in _walk(first):
        lowered = key.lower()
        if lowered in ("password", "oldpassword", "newpassword"):
            assert MARKER.fullmatch(value) and value.startswith("[password-"), (name, value)
        elif lowered in SECRETS and isinstance(value, str):
            assert MARKER.fullmatch(value) or value == REDACTED, (name, key, value)
        if lowered == "email":
            assert value.startswith("[email-") and value.endswith("]@example.com")
    # The same token in the request and the answer is one marker.
    tokens = {v for k, v in _walk(first) + _walk(answer)
              if k.lower() == "token" and isinstance(v, str)}
    assert len(tokens) <= 1, tokens


def test_every_rest_path_has_a_realistic_payload_here() -> None:
    missing = {name: path for name, path in _api_paths().items()
               if path not in REST_PAYLOADS and path != "/graphql/v2"}
    # New paths are checked with the generic payload below; listing them keeps this honest.
    assert not missing, f"add realistic payloads for {missing}"


@pytest.mark.parametrize("path", sorted({*REST_PAYLOADS, *_api_paths().values()}
                                        - {"/graphql/v2"}))
def test_every_rest_payload_is_redacted(path: str) -> None:
    variables, data = REST_PAYLOADS.get(path, GENERIC_PAYLOAD)
    body = {"code": 200, "message": f"sent to {EMAIL} and {PHONE}", "data": data}
    redacted_request = redact(variables, extra_safe_keys=PROTOCOL_SAFE_KEYS)
    redacted_body = redact(body, extra_safe_keys=PROTOCOL_SAFE_KEYS)
    assert_clean(redacted_request, path)
    assert_clean(redacted_body, path)
    assert redacted_body["code"] == 200
    assert redacted_body["message"] == "sent to a***@example.com and 139****5678"
    names = Pseudonyms()
    assert_clean(redact(variables, pseudonyms=names), path)
    assert_clean(redact(body, pseudonyms=names), path)


def test_password_transport_forms_share_the_plain_passwords_marker() -> None:
    names = Pseudonyms()
    names.alias("cipher-one-" + ENCRYPTED, "S3cret-pass")
    names.alias("cipher-two-" + ENCRYPTED, "S3cret-pass")
    first = redact({"password": "cipher-one-" + ENCRYPTED}, pseudonyms=names)
    second = redact({"newPassword": "cipher-two-" + ENCRYPTED}, pseudonyms=names)
    plain = redact({"password": "S3cret-pass"}, pseudonyms=names)
    other = redact({"password": "An0ther-pass"}, pseudonyms=names)
    assert first["password"] == second["newPassword"] == "[password-1+rsa]"
    assert plain["password"] == "[password-1]" and other["password"] == "[password-2]"


def test_identities_get_consistent_masks_that_keep_domain_and_last_digits() -> None:
    names = Pseudonyms()
    body = {"email": EMAIL, "phone": PHONE,
            "message": f"code sent to {PHONE}; mail {EMAIL.upper()}"}
    redacted = redact(body, pseudonyms=names)
    assert redacted["email"] == "[email-1]@example.com"
    assert redacted["phone"] == "[phone-1]5678"
    assert redacted["message"] == "code sent to [phone-1]5678; mail [email-1]@EXAMPLE.COM"
    # Without pseudonyms: the usual masks, also for a phone in a format the text scan misses.
    assert redact({"phone": "2025550123"}) == {"phone": "******0123"}
