"""v3 self-service operations (docs/protocol.md#v3-self-service): devices and sessions, login
history, signed-in apps, account deletion, linked identities and security info.

They authenticate with the session's v2 login token (``Bearer``), which a compatible server
accepts on v3 routes (how sure that is: docs/protocol.md#unverified-and-local-choices). v3
failures raise `AuthingError` with the ``apiCode`` (or, without one, the ``statusCode``) as the
code, exactly like v2 ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from authing_desktop.api.client_core import ClientCore, optional_text, require_text
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.models import Page, User, page_of
from authing_desktop.api.self_service_models import (
    DeleteAccountTicket,
    DeviceSession,
    LinkedIdentity,
    LoggedInApp,
    LoginHistoryEntry,
    SecurityInfo,
    list_of,
)

DEVICES_PATH = "/api/v3/mydevices/list"
REVOKE_SESSION_PATH = "/api/v3/mydevices/revoke-session"
UNBIND_DEVICE_PATH = "/api/v3/mydevices/unbind"
CREATE_DEVICE_PATH = "/api/v3/create-device"
HISTORY_PATH = "/api/v3/get-my-login-history"
LOGGED_IN_APPS_PATH = "/api/v3/get-my-logged-in-apps"
SEND_SMS_PATH = "/api/v3/send-sms"
SEND_EMAIL_PATH = "/api/v3/send-email"
VERIFY_DELETE_PATH = "/api/v3/verify-delete-account-request"
DELETE_ACCOUNT_PATH = "/api/v3/delete-account"
IDENTITIES_PATH = "/api/v3/get-identities"
UNLINK_IDENTITY_PATH = "/api/v3/unlink-extidp"
SECURITY_INFO_PATH = "/api/v3/get-security-info"
PROFILE_PATH = "/api/v3/get-profile"
LOGOUT_PATH = "/api/v2/logout"

DELETE_CHANNEL = "CHANNEL_DELETE_ACCOUNT"
MAX_PAGE_SIZE = 50
DEVICE_TYPES = ("Desktop", "Mobile", "Browser")


def _page_args(page: int, limit: int) -> dict[str, str]:
    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
        raise AuthingArgumentError("page must be an integer from 1")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_PAGE_SIZE:
        raise AuthingArgumentError(f"limit must be an integer from 1 to {MAX_PAGE_SIZE}")
    return {"page": str(page), "limit": str(limit)}


def _millis(name: str, value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise AuthingArgumentError(f"{name} must be a timezone-aware datetime")
    return str(int(value.timestamp() * 1000))


class SelfServiceOperations(ClientCore):
    """My devices and sessions, login history, signed-in apps, account deletion, linked
    identities and security info."""

    # ------------------------------------------------------------------ devices

    async def list_my_devices(self, page: int = 1, limit: int = 10) -> list[DeviceSession]:
        """One page of my devices, newest sign-in first; ``current`` marks this client's."""
        data = await self._authed_rest("GET", DEVICES_PATH, params=_page_args(page, limit))
        devices: list[DeviceSession] = list_of(DeviceSession, data)
        return devices

    async def list_all_my_devices(self) -> list[DeviceSession]:
        """Every device (pages through the list)."""
        devices: list[DeviceSession] = []
        page = 1
        while True:
            batch = await self.list_my_devices(page, MAX_PAGE_SIZE)
            devices += batch
            if len(batch) < MAX_PAGE_SIZE:
                return devices
            page += 1

    async def revoke_device_session(self, device_id: str) -> bool:
        """Sign a device out: every session of it ends (its ``users/me`` answers 2020)."""
        await self._authed_rest("POST", REVOKE_SESSION_PATH, json_body={
            "deviceId": require_text("device_id", device_id)})
        return True

    async def unbind_device(self, device_id: str) -> bool:
        """Sign a device out and remove it from the list."""
        await self._authed_rest("POST", UNBIND_DEVICE_PATH, json_body={
            "deviceId": require_text("device_id", device_id)})
        return True

    async def sign_out_other_devices(self) -> int:
        """Sign out every device but this one; how many were signed out."""
        count = 0
        for device in await self.list_all_my_devices():
            if device.online and not device.current and device.device_id:
                await self.revoke_device_session(device.device_id)
                count += 1
        return count

    async def sign_out_everywhere(self) -> bool:
        """End every session of my account, this one too (``logout`` with ``only_self=false``)
        and forget it locally (even when the server call fails; the error is raised)."""
        token = self._token
        self.clear_current_user()
        if token is None:
            return True
        params = {"only_self": "false"}
        if self.profile.app_id:
            params["app_id"] = self.profile.app_id
        await self.transport.rest("GET", LOGOUT_PATH, token=token, params=params)
        return True

    async def sign_out_of_app(self, app_id: str) -> bool:
        """End every session of my account for one application, on every computer (the plain
        ``logout``, docs/protocol.md, Signing out). For this client's own application that
        includes this session; the local session is left for the caller to end."""
        await self._authed_rest("GET", LOGOUT_PATH,
                                params={"app_id": require_text("app_id", app_id)})
        return True

    async def create_device(self, device_unique_id: str, name: str | None = None,
                            type: str = "Desktop", os: str | None = None,
                            version: str | None = None, mod: str | None = None,
                            producer: str | None = None) -> DeviceSession:
        """Register this device (its stable id, a name the user recognises); this session
        is listed under it from now on."""
        if type not in DEVICE_TYPES:
            raise AuthingArgumentError("type must be Desktop, Mobile or Browser")
        body = {"deviceUniqueId": require_text("device_unique_id", device_unique_id),
                "type": type, "name": optional_text("name", name),
                "os": optional_text("os", os), "version": optional_text("version", version),
                "mod": optional_text("mod", mod), "producer": optional_text("producer", producer)}
        return DeviceSession.from_wire(
            await self._authed_rest("POST", CREATE_DEVICE_PATH, json_body=body))

    # ------------------------------------------------------------------ history, apps

    async def get_login_history(
        self, page: int = 1, limit: int = 10, success: bool | None = None,
        start: dt.datetime | None = None, end: dt.datetime | None = None,
        app_id: str | None = None, client_ip: str | None = None,
    ) -> Page[LoginHistoryEntry]:
        """My sign-in attempts, newest first: only successes / failures with ``success``,
        within ``[start, end]`` (aware datetimes), ``total_count`` for paging."""
        params = _page_args(page, limit)
        if success is not None:
            if not isinstance(success, bool):
                raise AuthingArgumentError("success must be True, False or None")
            params["success"] = "true" if success else "false"
        for name, value in (("start", _millis("start", start)), ("end", _millis("end", end)),
                            ("appId", optional_text("app_id", app_id)),
                            ("clientIp", optional_text("client_ip", client_ip))):
            if value is not None:
                params[name] = value
        return page_of(LoginHistoryEntry, await self._authed_rest("GET", HISTORY_PATH,
                                                                  params=params))

    async def get_logged_in_apps(self) -> list[LoggedInApp]:
        """Apps I signed in to (``active`` while a session is live)."""
        apps: list[LoggedInApp] = list_of(
            LoggedInApp, await self._authed_rest("GET", LOGGED_IN_APPS_PATH))
        return apps

    # ------------------------------------------------------------------ deletion

    async def send_delete_account_sms(self, phone: str) -> bool:
        """Send the account-deletion SMS code to my phone."""
        await self.transport.rest("POST", SEND_SMS_PATH, json_body={
            "phoneNumber": require_text("phone", phone), "channel": DELETE_CHANNEL})
        return True

    async def send_delete_account_email(self, email: str) -> bool:
        """Send the account-deletion email code to my email."""
        await self.transport.rest("POST", SEND_EMAIL_PATH, json_body={
            "email": require_text("email", email), "channel": DELETE_CHANNEL})
        return True

    async def _verify_delete(self, body: Mapping[str, Any]) -> DeleteAccountTicket:
        ticket = DeleteAccountTicket.from_wire(
            await self._authed_rest("POST", VERIFY_DELETE_PATH, json_body=body))
        if not ticket.delete_account_token:
            raise MalformedResponse("no deleteAccountToken in the answer")
        return ticket

    async def verify_delete_account_by_password(self, password: str) -> DeleteAccountTicket:
        """Step 1 of deletion, proven with my password (sent RSA-encrypted)."""
        encrypted = await self._encrypt(require_text("password", password))
        return await self._verify_delete({
            "verifyMethod": "PASSWORD",
            "passwordPayload": {"password": encrypted, "passwordEncryptType": "rsa"}})

    async def verify_delete_account_by_phone(self, phone: str,
                                             code: str) -> DeleteAccountTicket:
        """Step 1 of deletion, proven with the SMS code sent to my phone."""
        return await self._verify_delete({
            "verifyMethod": "PHONE_PASSCODE",
            "phonePassCodePayload": {"phoneNumber": require_text("phone", phone),
                                     "passCode": require_text("code", code)}})

    async def verify_delete_account_by_email(self, code: str,
                                             email: str | None = None) -> DeleteAccountTicket:
        """Step 1 of deletion, proven with the email code sent to my email."""
        payload = {"passCode": require_text("code", code)}
        if email is not None:
            payload["email"] = require_text("email", email)
        return await self._verify_delete({"verifyMethod": "EMAIL_PASSCODE",
                                          "emailPassCodePayload": payload})

    async def delete_account(self, delete_account_token: str) -> bool:
        """Step 2: delete my account. Every session ends; the local session is cleared."""
        data = await self._authed_rest("POST", DELETE_ACCOUNT_PATH, json_body={
            "deleteAccountToken": require_text("delete_account_token", delete_account_token)})
        if not isinstance(data, Mapping) or data.get("success") is not True:
            raise MalformedResponse("delete-account did not report success")
        self.clear_current_user()
        return True

    # ------------------------------------------------------------------ identities, security

    async def get_identities(self) -> list[LinkedIdentity]:
        """External identities linked to my account."""
        identities: list[LinkedIdentity] = list_of(
            LinkedIdentity, await self._authed_rest("GET", IDENTITIES_PATH))
        return identities

    async def unlink_identity(self, ext_idp_id: str) -> bool:
        """Unlink one identity source (2217 when it is my only way to sign in)."""
        await self._authed_rest("POST", UNLINK_IDENTITY_PATH, json_body={
            "extIdpId": require_text("ext_idp_id", ext_idp_id)})
        return True

    async def get_security_info(self) -> SecurityInfo:
        """v3 security info (the same score as `get_security_level`)."""
        return SecurityInfo.from_wire(await self._authed_rest("GET", SECURITY_INFO_PATH))

    async def get_profile(self) -> User:
        """My v3 profile: the user with the v3-only fields, e.g. ``password_last_set_at``."""
        return User.from_wire(await self._authed_rest("GET", PROFILE_PATH))
