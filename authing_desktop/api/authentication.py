"""Sign-up, sign-in, session and sign-out operations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from authing_desktop.api import graphql_documents as gql
from authing_desktop.api.client_core import (
    ClientCore,
    encode_context,
    encode_custom_data,
    optional_text,
    require_text,
)
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.api.models import LoginStatus, RefreshResult, User

LOGOUT_PATH = "/api/v2/logout"
LDAP_PATH = "/api/v2/ldap/verify-user"
AD_PATH = "/api/v2/ad/verify-user"


def _check_flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise AuthingArgumentError(f"{name} must be True or False")
    return value


def _check_profile(profile: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if profile is None:
        return None
    if not isinstance(profile, Mapping):
        raise AuthingArgumentError("profile must be a dict of RegisterProfile fields")
    return dict(profile)


class AuthenticationOperations(ClientCore):
    """Register, log in (password, code, sub-account, LDAP, AD, WeChat), current user,
    login status, token refresh and logout."""

    # ------------------------------------------------------------------ register

    async def _register(
        self, operation: Operation, identity: dict[str, Any], password: str | None,
        profile: Mapping[str, Any] | None, force_login: bool, generate_token: bool,
        client_ip: str | None, custom_data: Mapping[str, Any] | None,
        context: Mapping[str, Any] | None,
    ) -> User:
        register_input = {
            **identity,
            "password": await self._encrypt(password) if password else None,
            "profile": _check_profile(profile),
            "forceLogin": _check_flag("force_login", force_login),
            "generateToken": _check_flag("generate_token", generate_token),
            "clientIp": optional_text("client_ip", client_ip),
            "params": encode_custom_data(custom_data),
            "context": encode_context(context),
        }
        return await self._user_mutation(operation, {"input": register_input}, authed=False)

    async def register_by_email(
        self, email: str, password: str, profile: Mapping[str, Any] | None = None,
        force_login: bool = False, generate_token: bool = False, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Register with email + password. Signs in only with force_login/generate_token."""
        return await self._register(
            gql.REGISTER_BY_EMAIL, {"email": require_text("email", email)},
            require_text("password", password), profile, force_login, generate_token,
            client_ip, custom_data, context)

    async def register_by_username(
        self, username: str, password: str, profile: Mapping[str, Any] | None = None,
        force_login: bool = False, generate_token: bool = False, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Register with username + password."""
        return await self._register(
            gql.REGISTER_BY_USERNAME, {"username": require_text("username", username)},
            require_text("password", password), profile, force_login, generate_token,
            client_ip, custom_data, context)

    async def register_by_phone_code(
        self, phone: str, code: str, password: str | None = None,
        profile: Mapping[str, Any] | None = None, force_login: bool = False,
        generate_token: bool = False, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Register with a phone number and its SMS code, optionally setting a password."""
        identity = {"phone": require_text("phone", phone), "code": require_text("code", code)}
        return await self._register(
            gql.REGISTER_BY_PHONE_CODE, identity, optional_text("password", password),
            profile, force_login, generate_token, client_ip, custom_data, context)

    # --------------------------------------------------------------------- login

    async def _login(
        self, operation: Operation, identity: dict[str, Any], client_ip: str | None,
        custom_data: Mapping[str, Any] | None, context: Mapping[str, Any] | None,
    ) -> User:
        login_input = {
            **identity,
            "clientIp": optional_text("client_ip", client_ip),
            "params": encode_custom_data(custom_data),
            "context": encode_context(context),
        }
        return await self._user_mutation(operation, {"input": login_input}, authed=False)

    async def _password_login(
        self, operation: Operation, key: str, identifier: str, password: str,
        auto_register: bool, captcha_code: str | None, client_ip: str | None,
        custom_data: Mapping[str, Any] | None, context: Mapping[str, Any] | None,
    ) -> User:
        identity = {
            key: require_text(key, identifier),
            "password": await self._encrypt(require_text("password", password)),
            "autoRegister": _check_flag("auto_register", auto_register),
            "captchaCode": optional_text("captcha_code", captcha_code),
        }
        return await self._login(operation, identity, client_ip, custom_data, context)

    async def login_by_email(
        self, email: str, password: str, auto_register: bool = False,
        captcha_code: str | None = None, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Log in with email + password. Errors: 2333/2004/2000 (captcha)/1635 (MFA, the
        mfaToken in ``error.data``)/1639/2058."""
        return await self._password_login(
            gql.LOGIN_BY_EMAIL, "email", email, password, auto_register, captcha_code,
            client_ip, custom_data, context)

    async def login_by_username(
        self, username: str, password: str, auto_register: bool = False,
        captcha_code: str | None = None, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Log in with username + password."""
        return await self._password_login(
            gql.LOGIN_BY_USERNAME, "username", username, password, auto_register,
            captcha_code, client_ip, custom_data, context)

    async def login_by_phone_password(
        self, phone: str, password: str, auto_register: bool = False,
        captcha_code: str | None = None, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Log in with phone + password."""
        return await self._password_login(
            gql.LOGIN_BY_PHONE_PASSWORD, "phone", phone, password, auto_register,
            captcha_code, client_ip, custom_data, context)

    async def login_by_phone_code(
        self, phone: str, code: str, client_ip: str | None = None,
        custom_data: Mapping[str, Any] | None = None, context: Mapping[str, Any] | None = None,
    ) -> User:
        """Log in with a phone number and its SMS code."""
        identity = {"phone": require_text("phone", phone), "code": require_text("code", code)}
        return await self._login(gql.LOGIN_BY_PHONE_CODE, identity, client_ip, custom_data,
                                 context)

    async def login_by_sub_account(
        self, account: str, password: str, captcha_code: str | None = None,
        client_ip: str | None = None,
    ) -> User:
        """Log in to a sub-account."""
        variables = {
            "account": require_text("account", account),
            "password": await self._encrypt(require_text("password", password)),
            "captchaCode": optional_text("captcha_code", captcha_code),
            "clientIp": optional_text("client_ip", client_ip),
        }
        return await self._user_mutation(gql.LOGIN_BY_SUB_ACCOUNT, variables, authed=False)

    async def _directory_login(self, base: str, path: str, username: str,
                               password: str) -> User:
        # The protocol sends directory passwords in plaintext (over the connection's TLS).
        body = {"username": require_text("username", username),
                "password": require_text("password", password)}
        data = await self.transport.rest("POST", path, base=base, json_body=body)
        user = User.from_wire(data)
        self._adopt_user(user)
        return user

    async def login_by_ldap(self, username: str, password: str) -> User:
        """Log in with an LDAP directory account."""
        return await self._directory_login(self.profile.host, LDAP_PATH, username, password)

    async def login_by_ad(self, username: str, password: str) -> User:
        """Log in with an Active Directory account (via `ConnectionProfile.ad_host`)."""
        return await self._directory_login(self.profile.ad_host, AD_PATH, username, password)

    async def wechat_login(self, code: str, country: str | None = None, lang: str | None = None,
                           state: str | None = None) -> User:
        """Complete a WeChat mobile login with its authorization code. Unlike the SDK the
        query is URL-encoded, the user pool id is required, and the user is cached."""
        pool_id = self.profile.user_pool_id
        if not pool_id:
            raise AuthingArgumentError("wechat_login needs the profile's user pool id")
        params = {"code": require_text("code", code)}
        for name, value in (("country", country), ("lang", lang), ("state", state)):
            if value:
                params[name] = require_text(name, value)
        path = f"/connection/social/wechat:mobile/{quote(pool_id, safe='')}/callback"
        data = await self.transport.rest("GET", path, params=params)
        user = User.from_wire(data)
        self._adopt_user(user)
        return user

    # ------------------------------------------------------------------- session

    async def get_current_user(self, token: str | None = None) -> User:
        """``GET users/me`` with ``token`` (else the session's); 2020 when not signed in."""
        return await self._fetch_current_user(optional_text("token", token))

    async def check_logged_in(self) -> User:
        """The signed-in user, fetched from the server (raises 2020 when not signed in)."""
        return await self._fetch_current_user()

    async def check_login_status(self, token: str | None = None) -> LoginStatus:
        """Whether ``token`` (else the session's) is valid. Never raises for a bad token:
        the answer's ``code`` says 2206 (expired) or 2207 (invalid)."""
        token = optional_text("token", token) or self._token
        value = await self._graphql(gql.CHECK_LOGIN_STATUS, {"token": token})
        return LoginStatus.from_wire(value)

    async def refresh_token(self, token: str | None = None) -> RefreshResult:
        """A new token for the session (or for ``token``); the session then uses it."""
        used = optional_text("token", token) or self._token
        value = await self._graphql(gql.REFRESH_TOKEN, None, token=used)
        result = RefreshResult.from_wire(value)
        if not result.token:
            raise MalformedResponse("refreshToken returned no token")
        if used == self._token:
            self._token = result.token
            if self._user is not None:
                self._user = self._user.with_token(result.token)
        else:
            self.set_token(result.token)
        return result

    async def logout(self) -> bool:
        """End the session on the server and forget it locally. The local session is cleared
        even when the server call fails (the error is still raised)."""
        token = self._token
        self.clear_current_user()
        if token is None:
            return True
        # only_self: the plain form ends every session of this user for the app, the
        # user's other computers too (docs/protocol.md, Signing out).
        params = {"only_self": "1"}
        if self.profile.app_id:
            params["app_id"] = self.profile.app_id
        await self.transport.rest("GET", LOGOUT_PATH, token=token, params=params)
        return True
