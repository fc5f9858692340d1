"""MFA operations: enrol and remove a TOTP authenticator, complete a sign-in challenged with
1635 / 1636, and the v3 factor API for SMS / email second factors (docs/protocol.md#mfa-challenge,
docs/protocol.md#totp-enrolment).

A login that needs a second factor raises `AuthingError` 1635 / 1636; ``MfaChallenge.
from_error(error)`` reads it. Each ``verify_*`` method answers the challenge with its
``mfa_token`` and, like a login, makes the returned user (with token) the session.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from authing_desktop.api.client_core import ClientCore, optional_text, require_text
from authing_desktop.api.errors import AuthingArgumentError, AuthingError, MalformedResponse
from authing_desktop.api.models import User
from authing_desktop.api.self_service_models import (
    EnrolledFactor,
    FactorEnrollment,
    MfaAuthenticator,
    RecoveryCodeLogin,
    RecoveryCodeState,
    TotpEnrollment,
    list_of,
)

AUTHENTICATOR_PATH = "/api/v2/mfa/authenticator"
ASSOCIATE_PATH = "/api/v2/mfa/totp/associate"
CONFIRM_PATH = "/api/v2/mfa/totp/associate/confirm"
VERIFY_TOTP_PATH = "/api/v2/mfa/totp/verify"
RECOVERY_PATH = "/api/v2/mfa/totp/recovery"
RECOVERY_CODE_PATH = "/api/v2/mfa/totp/recovery-code"  # [local] docs/protocol.md
SMS_VERIFY_PATH = "/api/v2/applications/mfa/sms/verify"
EMAIL_VERIFY_PATH = "/api/v2/applications/mfa/email/verify"
BINDABLE_PATH = "/api/v2/applications/mfa/check"
EMAIL_SEND_PATH = "/api/v2/email/send"
V3_SEND_SMS_PATH = "/api/v3/send-sms"
ENROLL_REQUEST_PATH = "/api/v3/send-enroll-factor-request"
ENROLL_PATH = "/api/v3/enroll-factor"
RESET_FACTOR_PATH = "/api/v3/reset-factor"
ENROLLED_PATH = "/api/v3/list-enrolled-factors"
TO_ENROLL_PATH = "/api/v3/list-factors-to-enroll"

MfaSource = Literal["SELF", "APPLICATION"]
FactorType = Literal["OTP", "SMS", "EMAIL"]
SOURCES = ("SELF", "APPLICATION")
FACTOR_TYPES = ("OTP", "SMS", "EMAIL")


def _source(source: str) -> str:
    if source not in SOURCES:
        raise AuthingArgumentError("source must be SELF or APPLICATION")
    return source


def _code(name: str, value: Any) -> str:
    text = require_text(name, value).strip()
    if len(text) > 64:
        raise AuthingArgumentError(f"{name} is too long")
    return text


class MfaOperations(ClientCore):
    """TOTP enrolment, second-factor sign-in completion and v3 factors."""

    # ------------------------------------------------------------------ helpers

    def _mfa_or_session_token(self, mfa_token: str | None) -> str | None:
        return optional_text("mfa_token", mfa_token) or self._token

    async def _complete_sign_in(self, path: str, mfa_token: str,
                                body: Mapping[str, Any]) -> User:
        data = await self.transport.rest(
            "POST", path, json_body=body, token=require_text("mfa_token", mfa_token))
        user = User.from_wire(data)
        if not user.token:
            raise MalformedResponse("the second-factor answer carries no token")
        self._adopt_user(user)
        return user

    # ------------------------------------------------------------------ TOTP enrolment

    async def get_mfa_authenticators(self, type: str = "totp", source: str = "SELF",
                                     mfa_token: str | None = None) -> list[MfaAuthenticator]:
        """The enrolled TOTP authenticators (empty when none is confirmed)."""
        data = await self.transport.rest(
            "GET", AUTHENTICATOR_PATH, params={"type": require_text("type", type),
                                               "source": _source(source)},
            token=self._mfa_or_session_token(mfa_token))
        authenticators: list[MfaAuthenticator] = list_of(MfaAuthenticator, data)
        return authenticators

    async def associate_mfa_authenticator(self, source: str = "SELF",
                                          mfa_token: str | None = None) -> TotpEnrollment:
        """Start TOTP enrolment: secret, ``otpauth://`` URI and recovery code (nothing is
        active until `confirm_associate_mfa_authenticator`)."""
        data = await self.transport.rest(
            "POST", ASSOCIATE_PATH,
            json_body={"authenticator_type": "totp", "source": _source(source)},
            token=self._mfa_or_session_token(mfa_token))
        return TotpEnrollment.from_wire(data)

    async def confirm_associate_mfa_authenticator(
        self, totp: str, source: str = "SELF", mfa_token: str | None = None,
    ) -> User | None:
        """Activate the pending authenticator with a code from the app (400 when wrong).
        With an ``mfa_token`` and ``source="APPLICATION"`` the server also signs in: the user
        is returned and becomes the session; otherwise None."""
        data = await self.transport.rest(
            "POST", CONFIRM_PATH,
            json_body={"authenticator_type": "totp", "totp": _code("totp", totp),
                       "source": _source(source)},
            token=self._mfa_or_session_token(mfa_token))
        if not isinstance(data, Mapping):
            return None
        user = User.from_wire(data)
        self._adopt_user(user)
        return user

    async def delete_mfa_authenticator(self) -> bool:
        """Remove the TOTP authenticator (raises when there is none, unlike the JS SDK)."""
        await self._authed_rest("DELETE", ASSOCIATE_PATH)
        return True

    async def get_recovery_code_state(self) -> RecoveryCodeState:
        """[local] Whether the authenticator has a recovery code and when it was made (never
        the code itself)."""
        return RecoveryCodeState.from_wire(await self._authed_rest("GET", RECOVERY_CODE_PATH))

    async def regenerate_recovery_code(self, totp: str) -> RecoveryCodeState:
        """[local] A new recovery code (in ``code``, shown once) for a current authenticator
        code; the previous one stops working at once (6001 wrong code)."""
        state = RecoveryCodeState.from_wire(await self._authed_rest(
            "POST", RECOVERY_CODE_PATH, json_body={"totp": _code("totp", totp)}))
        if not state.code:
            raise MalformedResponse("the regenerated recovery code is missing")
        return state

    # ------------------------------------------------------------------ sign-in completion

    async def verify_totp_mfa(self, mfa_token: str, totp: str) -> User:
        """Complete a challenged sign-in with the authenticator's code (6001 wrong, 2021 the
        challenge expired or ran out of tries)."""
        return await self._complete_sign_in(VERIFY_TOTP_PATH, mfa_token,
                                            {"totp": _code("totp", totp)})

    async def verify_totp_recovery_code(self, mfa_token: str,
                                        recovery_code: str) -> RecoveryCodeLogin:
        """Complete a challenged sign-in with the recovery code (6002 wrong). The result
        carries the NEXT recovery code; the used one is dead."""
        body = await self.transport.rest(
            "POST", RECOVERY_PATH,
            json_body={"recoveryCode": _code("recovery_code", recovery_code)},
            token=require_text("mfa_token", mfa_token), envelope=False)
        if not isinstance(body, Mapping) or "code" not in body:
            raise MalformedResponse("recovery answer is not an Authing envelope")
        if body.get("code") != 200:
            code = body.get("code")
            raise AuthingError(code if isinstance(code, int) else 500,
                               str(body.get("message") or ""), body.get("data"))
        user = User.from_wire(body.get("data"))
        fresh = body.get("recoveryCode")
        if not user.token or not isinstance(fresh, str) or not fresh:
            raise MalformedResponse("recovery answer lacks the token or the next code")
        self._adopt_user(user)
        return RecoveryCodeLogin(user=user, recovery_code=fresh)

    async def verify_app_sms_mfa(self, mfa_token: str, phone: str, code: str) -> User:
        """Complete a challenged sign-in with an SMS code sent to the factor's phone
        (`send_mfa_sms_code`)."""
        return await self._complete_sign_in(SMS_VERIFY_PATH, mfa_token, {
            "phone": require_text("phone", phone), "code": _code("code", code)})

    async def verify_app_email_mfa(self, mfa_token: str, email: str, code: str) -> User:
        """Complete a challenged sign-in with an email code (`send_mfa_email_code`)."""
        return await self._complete_sign_in(EMAIL_VERIFY_PATH, mfa_token, {
            "email": require_text("email", email), "code": _code("code", code)})

    async def send_mfa_sms_code(self, phone: str) -> bool:
        """Send the sign-in SMS code (v3 channel ``CHANNEL_VERIFY_MFA``)."""
        await self.transport.rest("POST", V3_SEND_SMS_PATH, json_body={
            "phoneNumber": require_text("phone", phone), "channel": "CHANNEL_VERIFY_MFA"})
        return True

    async def send_mfa_email_code(self, email: str) -> bool:
        """Send the sign-in email code (v2 scene ``MFA_VERIFY``)."""
        await self.transport.rest("POST", EMAIL_SEND_PATH, json_body={
            "email": require_text("email", email), "scene": "MFA_VERIFY"})
        return True

    async def phone_or_email_bindable(self, mfa_token: str, phone: str | None = None,
                                      email: str | None = None) -> bool:
        """Whether no other account uses this phone / email (during a challenge)."""
        if bool(phone) == bool(email):
            raise AuthingArgumentError("give either phone or email")
        data = await self.transport.rest(
            "POST", BINDABLE_PATH, json_body={"phone": optional_text("phone", phone),
                                              "email": optional_text("email", email)},
            token=require_text("mfa_token", mfa_token))
        if not isinstance(data, bool):
            raise MalformedResponse("mfa/check answer is not a boolean")
        return data

    # ------------------------------------------------------------------ v3 factors

    async def send_enroll_factor_request(self, factor_type: str, phone: str | None = None,
                                         email: str | None = None) -> FactorEnrollment:
        """Start enrolling a factor: ``SMS`` sends a code to ``phone``, ``EMAIL`` to
        ``email``; ``OTP`` returns the authenticator data. Finish with `enroll_factor`."""
        if factor_type not in FACTOR_TYPES:
            raise AuthingArgumentError("factor_type must be OTP, SMS or EMAIL")
        profile: dict[str, Any] = {}
        if factor_type == "SMS":
            profile["phoneNumber"] = require_text("phone", phone)
        elif factor_type == "EMAIL":
            profile["email"] = require_text("email", email)
        data = await self._authed_rest("POST", ENROLL_REQUEST_PATH, json_body={
            "factorType": factor_type, "profile": profile})
        return FactorEnrollment.from_wire(data)

    async def enroll_factor(self, factor_type: str, enrollment_token: str,
                            pass_code: str) -> bool:
        """Finish enrolling with the code received (or the authenticator's code)."""
        if factor_type not in FACTOR_TYPES:
            raise AuthingArgumentError("factor_type must be OTP, SMS or EMAIL")
        await self._authed_rest("POST", ENROLL_PATH, json_body={
            "factorType": factor_type,
            "enrollmentToken": require_text("enrollment_token", enrollment_token),
            "enrollmentData": {"passCode": _code("pass_code", pass_code)}})
        return True

    async def list_enrolled_factors(self) -> list[EnrolledFactor]:
        """My enabled second factors."""
        factors: list[EnrolledFactor] = list_of(
            EnrolledFactor, await self._authed_rest("GET", ENROLLED_PATH))
        return factors

    async def list_factors_to_enroll(self) -> list[str]:
        """The factor types I have not enabled yet."""
        data = await self._authed_rest("GET", TO_ENROLL_PATH)
        if not isinstance(data, list):
            raise MalformedResponse("factors to enroll is not a list")
        return [str(item.get("factorType")) for item in data if isinstance(item, Mapping)]

    async def reset_factor(self, factor_id: str) -> bool:
        """Remove one enrolled factor."""
        await self._authed_rest("POST", RESET_FACTOR_PATH, json_body={
            "factorId": require_text("factor_id", factor_id)})
        return True
