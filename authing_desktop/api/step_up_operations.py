"""``stepup/verify`` and the codes it takes, and the password re-check that stands in for it
against a pool without it (docs/step-up.md); the transport's side of step-up is `step_up`."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from authing_desktop.api import graphql_documents as gql
from authing_desktop.api.client_core import ClientCore, require_text
from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.api.errors import (
    ApiError,
    AuthingArgumentError,
    AuthingError,
    MalformedResponse,
)
from authing_desktop.api.passkeys import PasskeyCeremony, authentication_dto, ceremony_of
from authing_desktop.api.step_up import (
    DEFAULT_MAX_AGE_S,
    LOGOUT_PATH,
    StepUpMethod,
    StepUpProof,
)

STEP_UP_VERIFY_PATH = "/api/v3/stepup/verify"
STEP_UP_PASSKEY_OPTIONS_PATH = "/api/v3/stepup/passkey-options"
SEND_SMS_PATH = "/api/v3/send-sms"
SEND_EMAIL_PATH = "/api/v3/send-email"
# The code channel of a step-up code (docs/step-up.md).
STEP_UP_CHANNEL = "CHANNEL_IDENTITY_VERIFICATION"


class StepUpOperations(ClientCore):
    """``stepup/verify`` and the codes it takes."""

    async def step_up_passkey_options(self, *, token: str | None = None) -> PasskeyCeremony:
        """Request options naming my passkeys, for a ``PASSKEY`` proof of the session
        ``token`` (else the current one); 404 when the account has none."""
        data = await self.transport.rest("GET", STEP_UP_PASSKEY_OPTIONS_PATH,
                                         token=token or self._token)
        return ceremony_of(data, "authenticationOptions")

    async def verify_step_up(self, method: str, *, password: str | None = None,
                             pass_code: str | None = None, totp: str | None = None,
                             ticket: str | None = None,
                             credential: Mapping[str, Any] | None = None,
                             token: str | None = None) -> StepUpProof:
        """Prove it is me with ``method`` (`StepUpMethod`) for the session ``token`` (else
        the current one); the proof is kept for that session's sensitive calls. A
        ``PASSKEY`` proof takes the ``ticket`` of `step_up_passkey_options` and the key's
        answer (``credential``, an L3 AuthenticationResponseJSON)."""
        body: dict[str, Any] = {"method": method}
        if method == StepUpMethod.PASSWORD:
            body["password"] = await self._encrypt(require_text("password", password))
            body["passwordEncryptType"] = "rsa"
        elif method == StepUpMethod.TOTP:
            body["totp"] = require_text("totp", totp).strip()
        elif method in (StepUpMethod.PHONE_PASSCODE, StepUpMethod.EMAIL_PASSCODE):
            body["passCode"] = require_text("pass_code", pass_code).strip()
        elif method == StepUpMethod.PASSKEY:
            if credential is None:
                raise AuthingArgumentError("credential is required")
            body["ticket"] = require_text("ticket", ticket)
            body["authenticationCredential"] = authentication_dto(credential)
        else:
            raise AuthingArgumentError("method is not a step-up method")
        bearer = token or self._token
        data = await self.transport.rest("POST", STEP_UP_VERIFY_PATH, json_body=body,
                                         token=bearer)
        if not isinstance(data, dict) or not isinstance(data.get("stepupToken"), str):
            raise MalformedResponse("no stepupToken in the answer")
        expires = data.get("tokenExpiresIn")
        proof = StepUpProof(token=data["stepupToken"], expires_in=float(
            expires if isinstance(expires, int | float) and not isinstance(expires, bool)
            else DEFAULT_MAX_AGE_S))
        if bearer:
            self.transport.step_up.keep(bearer, proof)
        return proof

    async def send_step_up_sms(self, phone: str) -> bool:
        """Send a step-up code to my bound phone."""
        await self.transport.rest("POST", SEND_SMS_PATH, json_body={
            "phoneNumber": require_text("phone", phone), "channel": STEP_UP_CHANNEL})
        return True

    async def send_step_up_email(self, email: str) -> bool:
        """Send a step-up code to my bound email."""
        await self.transport.rest("POST", SEND_EMAIL_PATH, json_body={
            "email": require_text("email", email), "channel": STEP_UP_CHANNEL})
        return True

    async def reconfirm_password(self, account: str, password: str, *,
                                 token: str | None = None) -> StepUpProof:
        """Against a pool without ``stepup/verify`` (Authing cloud): re-run the password
        sign-in of ``account`` (an email, a phone or a username) as the proof, for the
        session ``token`` (else the current one). The session it opens is ended at once; a
        second-factor challenge (1635 / 1636) comes only after a right password, so it counts
        as the proof too. The proof is kept for the session (docs/step-up.md)."""
        name = require_text("account", account).strip()
        if "@" in name:
            operation, key = gql.LOGIN_BY_EMAIL, "email"
        elif name.lstrip("+").isdigit():
            operation, key = gql.LOGIN_BY_PHONE_PASSWORD, "phone"
        else:
            operation, key = gql.LOGIN_BY_USERNAME, "username"
        identity = {key: name, "password": await self._encrypt(require_text("password", password))}
        try:
            value = await self.transport.graphql(operation, {"input": identity})
        except AuthingError as error:
            if not in_group(error.code, ErrorGroup.MFA_REQUIRED):
                raise
        else:
            opened = value.get("token") if isinstance(value, dict) else None
            if isinstance(opened, str) and opened:
                params = {"only_self": "1"}
                if self.profile.app_id:
                    params["app_id"] = self.profile.app_id
                with contextlib.suppress(ApiError):  # it expires on its own otherwise
                    await self.transport.rest("GET", LOGOUT_PATH, token=opened, params=params)
        proof = StepUpProof(token="", expires_in=DEFAULT_MAX_AGE_S)
        bearer = token or self._token
        if bearer:
            self.transport.step_up.keep(bearer, proof)
        return proof
