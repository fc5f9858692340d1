"""Account self-service: verification codes, password reset/change, profile, phone, email,
linked accounts, security level and existence checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from authing_desktop.api import graphql_documents as gql
from authing_desktop.api.client_core import ClientCore, optional_text, require_text
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.models import CommonMessage, PasswordStrength, SecurityLevel, User

SMS_SEND_PATH = "/api/v2/sms/send"
LINK_PATH = "/api/v2/users/link"
UNLINK_PATH = "/api/v2/users/unlink"
SECURITY_LEVEL_PATH = "/api/v2/users/me/security-level"

EMAIL_SCENES = frozenset(
    {"RESET_PASSWORD", "VERIFY_EMAIL", "CHANGE_EMAIL", "MFA_VERIFY", "VERIFY_CODE"})

# UpdateUserInput fields a user may set on themselves. email/phone have their own verified
# mutations (the server answers 2225/2226), and password goes through update_password so it
# is never sent in plaintext (docs/protocol.md#password-encryption).
UPDATABLE_PROFILE_FIELDS = frozenset({
    "username", "nickname", "photo", "company", "browser", "device", "oauth", "name",
    "givenName", "familyName", "middleName", "profile", "preferredUsername", "website",
    "gender", "birthdate", "zoneinfo", "locale", "address", "formatted", "streetAddress",
    "locality", "region", "postalCode", "city", "province", "country", "externalId",
    "unionid", "openid", "tokenExpiredAt", "loginsCount", "lastLogin", "lastIP", "blocked",
    "emailVerified", "phoneVerified", "phoneCountryCode", "mainDepartmentId",
    "mainDepartmentCode",
})


class AccountOperations(ClientCore):
    """Codes, password reset and change, profile, phone/email binding, account linking,
    security level, password strength and user existence."""

    # -------------------------------------------------------------- codes

    async def send_sms_code(self, phone: str) -> CommonMessage:
        """Send an SMS code to ``phone``. Raises on refusal (rate limit, bad number), which
        the SDK silently returns."""
        data = await self.transport.rest(
            "POST", SMS_SEND_PATH, json_body={"phone": require_text("phone", phone)})
        return CommonMessage.from_wire(data if isinstance(data, Mapping) else {})

    async def send_email(self, email: str, scene: str) -> CommonMessage:
        """Send an email code for ``scene`` (RESET_PASSWORD, VERIFY_EMAIL, CHANGE_EMAIL,
        MFA_VERIFY, VERIFY_CODE)."""
        if scene not in EMAIL_SCENES:
            raise AuthingArgumentError(f"scene must be one of {', '.join(sorted(EMAIL_SCENES))}")
        return await self._message_mutation(
            gql.SEND_EMAIL, {"email": require_text("email", email), "scene": scene})

    # ----------------------------------------------------------- password reset

    async def reset_password_by_phone_code(self, phone: str, code: str,
                                           new_password: str) -> CommonMessage:
        """Reset a forgotten password with an SMS code."""
        return await self._message_mutation(gql.RESET_PASSWORD, {
            "phone": require_text("phone", phone), "code": require_text("code", code),
            "newPassword": await self._encrypt(require_text("new_password", new_password))})

    async def reset_password_by_email_code(self, email: str, code: str,
                                           new_password: str) -> CommonMessage:
        """Reset a forgotten password with an email code."""
        return await self._message_mutation(gql.RESET_PASSWORD, {
            "email": require_text("email", email), "code": require_text("code", code),
            "newPassword": await self._encrypt(require_text("new_password", new_password))})

    async def reset_password_by_first_token(self, token: str, password: str) -> CommonMessage:
        """Set the password after a first-login 1639 (``token`` from ``error.data``)."""
        return await self._message_mutation(gql.RESET_PASSWORD_BY_FIRST_LOGIN_TOKEN, {
            "token": require_text("token", token),
            "password": await self._encrypt(require_text("password", password))})

    async def reset_password_with_force_reset(self, token: str, old_password: str,
                                              new_password: str) -> CommonMessage:
        """Change the password after a forced-reset 2058 (``token`` from ``error.data``)."""
        return await self._message_mutation(gql.RESET_PASSWORD_BY_FORCE_RESET_TOKEN, {
            "token": require_text("token", token),
            "oldPassword": await self._encrypt(require_text("old_password", old_password)),
            "newPassword": await self._encrypt(require_text("new_password", new_password))})

    # ---------------------------------------------------------- signed-in edits

    async def update_profile(self, updates: Mapping[str, Any]) -> User:
        """Update profile fields (UpdateUserInput camelCase names, e.g. ``nickname``,
        ``givenName``, ``lastIP``). email, phone and password have their own methods."""
        if not isinstance(updates, Mapping) or not updates:
            raise AuthingArgumentError("updates must be a non-empty dict")
        unknown = sorted(str(key) for key in updates if key not in UPDATABLE_PROFILE_FIELDS)
        if unknown:
            raise AuthingArgumentError(f"fields that update_profile cannot set: "
                                       f"{', '.join(unknown)}")
        user_id = await self._current_user_id()
        return await self._user_mutation(
            gql.UPDATE_USER, {"id": user_id, "input": dict(updates)}, authed=True)

    async def update_password(self, new_password: str, old_password: str | None = None) -> User:
        """Change the password; ``old_password`` may be omitted for an account that has none
        (sent as null, where the SDK crashes)."""
        new = await self._encrypt(require_text("new_password", new_password))
        old = optional_text("old_password", old_password)
        value = await self._authed_graphql(gql.UPDATE_PASSWORD, {
            "newPassword": new, "oldPassword": await self._encrypt(old) if old else None})
        user = User.from_wire(value)
        self._adopt_user(user)
        return user

    async def bind_phone(self, phone: str, phone_code: str) -> User:
        """Bind a first phone number (2035 when it is taken)."""
        return await self._user_mutation(gql.BIND_PHONE, {
            "phone": require_text("phone", phone),
            "phoneCode": require_text("phone_code", phone_code)}, authed=True)

    async def unbind_phone(self) -> User:
        """Remove the phone number (2217 when it is the only way to sign in)."""
        return await self._user_mutation(gql.UNBIND_PHONE, None, authed=True)

    async def update_phone(self, phone: str, phone_code: str, old_phone: str | None = None,
                           old_phone_code: str | None = None) -> User:
        """Change the phone number, verifying the new one (and the old one when required)."""
        return await self._user_mutation(gql.UPDATE_PHONE, {
            "phone": require_text("phone", phone),
            "phoneCode": require_text("phone_code", phone_code),
            "oldPhone": optional_text("old_phone", old_phone),
            "oldPhoneCode": optional_text("old_phone_code", old_phone_code)}, authed=True)

    async def bind_email(self, email: str, email_code: str) -> User:
        """Bind a first email address (2200 when it is taken)."""
        return await self._user_mutation(gql.BIND_EMAIL, {
            "email": require_text("email", email),
            "emailCode": require_text("email_code", email_code)}, authed=True)

    async def unbind_email(self) -> User:
        """Remove the email address (2217 when it is the only way to sign in)."""
        return await self._user_mutation(gql.UNBIND_EMAIL, None, authed=True)

    async def update_email(self, email: str, email_code: str, old_email: str | None = None,
                           old_email_code: str | None = None) -> User:
        """Change the email address, verifying the new one (and the old one when required)."""
        return await self._user_mutation(gql.UPDATE_EMAIL, {
            "email": require_text("email", email),
            "emailCode": require_text("email_code", email_code),
            "oldEmail": optional_text("old_email", old_email),
            "oldEmailCode": optional_text("old_email_code", old_email_code)}, authed=True)

    # -------------------------------------------------------------- linking

    async def link_account(self, primary_user_token: str, secondary_user_token: str) -> bool:
        """Link a social account to a primary account. Raises when the server refuses
        (the SDK returns True whatever happens)."""
        await self._authed_rest("POST", LINK_PATH, json_body={
            "primaryUserToken": require_text("primary_user_token", primary_user_token),
            "secondaryUserToken": require_text("secondary_user_token", secondary_user_token)})
        return True

    async def unlink_account(self, primary_user_token: str, provider: str) -> bool:
        """Unlink a social provider from a primary account; raises on refusal."""
        await self._authed_rest("POST", UNLINK_PATH, json_body={
            "primaryUserToken": require_text("primary_user_token", primary_user_token),
            "provider": require_text("provider", provider)})
        return True

    # ------------------------------------------------------------- read-only

    async def get_security_level(self) -> SecurityLevel:
        """The account's security score and which protections are set up."""
        return SecurityLevel.from_wire(await self._authed_rest("GET", SECURITY_LEVEL_PATH))

    async def check_password_strength(self, password: str) -> PasswordStrength:
        """Whether the pool's password policy accepts ``password`` (sent in plaintext, as
        the protocol defines)."""
        value = await self._graphql(
            gql.CHECK_PASSWORD_STRENGTH, {"password": require_text("password", password)})
        return PasswordStrength.from_wire(value)

    async def is_user_exists(self, user_name: str | None = None, email: str | None = None,
                             phone: str | None = None, external_id: str | None = None) -> bool:
        """Whether a user with any of these identifiers exists."""
        variables = {
            "email": optional_text("email", email),
            "phone": optional_text("phone", phone),
            "username": optional_text("user_name", user_name),
            "externalId": optional_text("external_id", external_id),
        }
        if not any(variables.values()):
            raise AuthingArgumentError("is_user_exists needs a username, email, phone or "
                                       "external id")
        value = await self._authed_graphql(gql.IS_USER_EXISTS, variables)
        if not isinstance(value, bool):
            raise MalformedResponse("isUserExists is not a boolean")
        return value
