"""Plain-httpx access to a running pool for the behaviour tests: GraphQL posts with the SDK's
documents' shapes, REST calls, RSA password encryption exactly as the SDK does it."""

from __future__ import annotations

import base64
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tests.fixtures.pool import RunningPool, unique

USER_FIELDS = """id arn status userPoolId username email emailVerified phone phoneVerified
unionid openid nickname registerSource photo password oauth token tokenExpiredAt loginsCount
lastLogin lastIP signedUp blocked isDeleted device browser company name givenName familyName
middleName profile preferredUsername website gender birthdate zoneinfo locale address formatted
streetAddress locality region postalCode city province country createdAt updatedAt externalId"""

PASSWORD = "Secr3t-pass"


class GraphQLError(AssertionError):
    """The pool answered with an Authing error object."""

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        self.data = data


def encrypt(pool: RunningPool, password: str) -> str:
    """base64(RSA PKCS#1 v1.5(password)) with the pool's public key, like the SDK."""
    key = serialization.load_pem_public_key(pool.public_key.encode())
    assert isinstance(key, rsa.RSAPublicKey)
    return base64.b64encode(key.encrypt(password.encode(), padding.PKCS1v15())).decode()


def post_graphql(pool: RunningPool, query: str, variables: dict[str, Any] | None = None,
                 token: str | None = None) -> dict[str, Any]:
    """The raw response body of one GraphQL POST."""
    headers = {"x-authing-userpool-id": pool.user_pool_id, "x-authing-app-id": pool.app_id}
    if token:
        headers["authorization"] = f"Bearer {token}"
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = variables
    response = httpx.post(f"{pool.url}/graphql/v2", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def gql(pool: RunningPool, query: str, variables: dict[str, Any] | None = None,
        token: str | None = None) -> Any:
    """The single root field's data, or `GraphQLError` for an Authing error."""
    body = post_graphql(pool, query, variables, token)
    if body.get("errors"):
        message = body["errors"][0]["message"]
        assert isinstance(message, dict), body
        raise GraphQLError(message["code"], message["message"], message.get("data"))
    data = body["data"]
    assert isinstance(data, dict) and len(data) == 1, body
    return next(iter(data.values()))


def error_code(pool: RunningPool, query: str, variables: dict[str, Any] | None = None,
               token: str | None = None) -> int:
    """The Authing error code a GraphQL call fails with (fails the test if it succeeds)."""
    try:
        gql(pool, query, variables, token)
    except GraphQLError as exc:
        return exc.code
    raise AssertionError("the call succeeded")


def rest(pool: RunningPool, method: str, path: str, token: str | None = None,
         **kwargs: Any) -> dict[str, Any]:
    """A REST call's JSON envelope (``headers=`` adds headers, e.g. ``pool.admin_headers``)."""
    headers = dict(kwargs.pop("headers", {}))
    if token:
        headers["authorization"] = f"Bearer {token}"
    response = httpx.request(method, f"{pool.url}{path}", headers=headers, timeout=30, **kwargs)
    body: dict[str, Any] = response.json()
    return body


REGISTER_EMAIL = ("mutation registerByEmail($input: RegisterByEmailInput!) {"
                  f" registerByEmail(input: $input) {{ {USER_FIELDS} }} }}")
REGISTER_USERNAME = ("mutation registerByUsername($input: RegisterByUsernameInput!) {"
                     f" registerByUsername(input: $input) {{ {USER_FIELDS} }} }}")
REGISTER_PHONE = ("mutation registerByPhoneCode($input: RegisterByPhoneCodeInput!) {"
                  f" registerByPhoneCode(input: $input) {{ {USER_FIELDS} }} }}")
LOGIN_EMAIL = ("mutation loginByEmail($input: LoginByEmailInput!) {"
               f" loginByEmail(input: $input) {{ {USER_FIELDS} }} }}")
LOGIN_USERNAME = ("mutation loginByUsername($input: LoginByUsernameInput!) {"
                  f" loginByUsername(input: $input) {{ {USER_FIELDS} }} }}")
LOGIN_PHONE_PASSWORD = ("mutation loginByPhonePassword($input: LoginByPhonePasswordInput!) {"
                        f" loginByPhonePassword(input: $input) {{ {USER_FIELDS} }} }}")
LOGIN_PHONE_CODE = ("mutation loginByPhoneCode($input: LoginByPhoneCodeInput!) {"
                    f" loginByPhoneCode(input: $input) {{ {USER_FIELDS} }} }}")
CHECK_STATUS = ("query checkLoginStatus($token: String) { checkLoginStatus(token: $token) {"
                " code message status exp iat data { id userPoolId arn } } }")


ACCESS_TOKEN = ("query accessToken($userPoolId: String!, $secret: String!) {"
                " accessToken(userPoolId: $userPoolId, secret: $secret) { accessToken exp iat } }")


def management_token(pool: RunningPool) -> str:
    """A management token of the pool (its user pool secret, docs/pool-admin.md)."""
    answer = gql(pool, ACCESS_TOKEN, {"userPoolId": pool.user_pool_id,
                                      "secret": pool.user_pool_secret})
    token: str = answer["accessToken"]
    return token


def unique_email() -> str:
    """A fresh email address."""
    return f"{unique('m')}@example.com"


def unique_phone() -> str:
    """A fresh (mainland-looking) phone number."""
    import random

    return "13" + "".join(random.choice("0123456789") for _ in range(9))


def register_email(pool: RunningPool, email: str | None = None, password: str = PASSWORD,
                   **extra: Any) -> dict[str, Any]:
    """Register by email and sign in (forceLogin); the user with its token."""
    user: dict[str, Any] = gql(pool, REGISTER_EMAIL, {"input": {
        "email": email or unique_email(), "password": encrypt(pool, password),
        "forceLogin": True, **extra}})
    return user


def login_email(pool: RunningPool, email: str, password: str = PASSWORD,
                **extra: Any) -> dict[str, Any]:
    """Sign in by email; the user with its token."""
    user: dict[str, Any] = gql(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, password), **extra}})
    return user


def send_sms(pool: RunningPool, phone: str) -> dict[str, Any]:
    """POST sms/send; the envelope."""
    return rest(pool, "POST", "/api/v2/sms/send", json={"phone": phone})


def send_email(pool: RunningPool, email: str, scene: str) -> Any:
    """sendEmail mutation."""
    return gql(pool, "mutation sendEmail($email: String!, $scene: EmailScene!) {"
                     " sendEmail(email: $email, scene: $scene) { message code } }",
               {"email": email, "scene": scene})
