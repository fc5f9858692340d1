"""``stepup/verify`` and the codes it takes (docs/step-up.md); the transport's side of
step-up is `step_up`."""

from __future__ import annotations

from authing_desktop.api.client_core import ClientCore, require_text
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.step_up import DEFAULT_MAX_AGE_S, StepUpMethod, StepUpProof

STEP_UP_VERIFY_PATH = "/api/v3/stepup/verify"
SEND_SMS_PATH = "/api/v3/send-sms"
SEND_EMAIL_PATH = "/api/v3/send-email"
# The code channel of a step-up code (docs/step-up.md).
STEP_UP_CHANNEL = "CHANNEL_IDENTITY_VERIFICATION"


class StepUpOperations(ClientCore):
    """``stepup/verify`` and the codes it takes."""

    async def verify_step_up(self, method: str, *, password: str | None = None,
                             pass_code: str | None = None, totp: str | None = None,
                             token: str | None = None) -> StepUpProof:
        """Prove it is me with ``method`` (`StepUpMethod`) for the session ``token`` (else
        the current one); the proof is kept for that session's sensitive calls."""
        body: dict[str, str] = {"method": method}
        if method == StepUpMethod.PASSWORD:
            body["password"] = await self._encrypt(require_text("password", password))
            body["passwordEncryptType"] = "rsa"
        elif method == StepUpMethod.TOTP:
            body["totp"] = require_text("totp", totp).strip()
        elif method in (StepUpMethod.PHONE_PASSCODE, StepUpMethod.EMAIL_PASSCODE):
            body["passCode"] = require_text("pass_code", pass_code).strip()
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
