"""The HTTP routes of the second factor (`mfa.MfaService` does the work).

Tokens: "L" routes take the v2 login token, "M" routes the mfaToken of a 1635/1636 challenge
(``Bearer <jwt>`` or the bare JWT).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.mfa import MfaService
from authing_desktop.localpool.rest_api import caller_of, envelope, guarded, json_body
from authing_desktop.localpool.v3_envelope import text_field, v3_guarded, v3_ok


class MfaRoutes:
    """The HTTP side of `MfaService`."""

    def __init__(self, features: PoolFeatures) -> None:
        self.service = MfaService(features)
        self.db = features.core.db

    def routes(self) -> list[Route]:
        """The v2 and v3 MFA routes."""
        return [
            Route("/api/v2/mfa/authenticator", guarded(self.list_authenticators),
                  methods=["GET"]),
            Route("/api/v2/mfa/totp/associate", guarded(self.associate), methods=["POST"]),
            Route("/api/v2/mfa/totp/associate", guarded(self.remove), methods=["DELETE"]),
            Route("/api/v2/mfa/totp/associate/confirm", guarded(self.confirm),
                  methods=["POST"]),
            Route("/api/v2/mfa/totp/verify", guarded(self.verify_totp), methods=["POST"]),
            Route("/api/v2/applications/mfa/totp/verify", guarded(self.verify_totp),
                  methods=["POST"]),
            Route("/api/v2/mfa/totp/recovery", guarded(self.recovery), methods=["POST"]),
            Route("/api/v2/mfa/totp/recovery-code", guarded(self.recovery_code_state),
                  methods=["GET"]),
            Route("/api/v2/mfa/totp/recovery-code", guarded(self.regenerate_recovery_code),
                  methods=["POST"]),
            Route("/api/v2/applications/mfa/sms/verify", guarded(self.verify_sms),
                  methods=["POST"]),
            Route("/api/v2/applications/mfa/email/verify", guarded(self.verify_email),
                  methods=["POST"]),
            Route("/api/v2/applications/mfa/check", guarded(self.check), methods=["POST"]),
            Route("/api/v2/email/send", guarded(self.send_email), methods=["POST"]),
            Route("/api/v3/send-enroll-factor-request", v3_guarded(self.send_enroll_request),
                  methods=["POST"]),
            Route("/api/v3/enroll-factor", v3_guarded(self.enroll), methods=["POST"]),
            Route("/api/v3/reset-factor", v3_guarded(self.reset_factor), methods=["POST"]),
            Route("/api/v3/list-enrolled-factors", v3_guarded(self.enrolled), methods=["GET"]),
            Route("/api/v3/list-factors-to-enroll", v3_guarded(self.to_enroll),
                  methods=["GET"]),
        ]

    # ------------------------------------------------------------------ v2
    async def list_authenticators(self, request: Request) -> Response:
        """TOTP authenticators of the signed-in (or challenged) user."""
        query = request.query_params
        data = await self.db.run(self.service.list_authenticators, caller_of(request).token,
                                 query.get("type") or query.get("authenticator_type"),
                                 query.get("source"))
        return envelope(data)

    async def associate(self, request: Request) -> Response:
        """Start TOTP enrolment."""
        body = await json_body(request)
        return envelope(await self.db.run(self.service.associate, caller_of(request).token,
                                          body))

    async def confirm(self, request: Request) -> Response:
        """Confirm TOTP enrolment with a code."""
        body = await json_body(request)
        caller = caller_of(request)
        user = await self.db.run(self.service.confirm, caller, caller.token, body)
        return envelope(user, "TOTP MFA bound")

    async def remove(self, request: Request) -> Response:
        """Remove the TOTP authenticator."""
        await self.db.run(self.service.remove_totp, caller_of(request))
        return envelope(None, "TOTP MFA removed")

    async def verify_totp(self, request: Request) -> Response:
        """Complete a challenged sign-in with a TOTP."""
        return await self._second_step(request, self.service.verify_totp, "totp")

    async def recovery(self, request: Request) -> Response:
        """Complete a challenged sign-in with the recovery code; the next one is a sibling of
        ``data`` (docs/protocol.md)."""
        body = await json_body(request)
        caller = caller_of(request)
        user, fresh = await self.db.run(self.service.verify_recovery, caller, caller.token,
                                        body.get("recoveryCode"))
        return JSONResponse({"code": 200, "message": "second factor verified", "data": user,
                             "recoveryCode": fresh})

    async def recovery_code_state(self, request: Request) -> Response:
        """[local] Whether a recovery code exists and when it was made (docs/protocol.md)."""
        return envelope(await self.db.run(self.service.recovery_code_state,
                                          caller_of(request).token))

    async def regenerate_recovery_code(self, request: Request) -> Response:
        """[local] A new recovery code for a current authenticator code (docs/protocol.md)."""
        body = await json_body(request)
        return envelope(await self.db.run(self.service.regenerate_recovery_code,
                                          caller_of(request).token, body.get("totp")))

    async def verify_sms(self, request: Request) -> Response:
        """Complete a challenged sign-in with an SMS code."""
        return await self._second_step(request, self.service.verify_sms, "phone", "code")

    async def verify_email(self, request: Request) -> Response:
        """Complete a challenged sign-in with an email code."""
        return await self._second_step(request, self.service.verify_email, "email", "code")

    async def _second_step(self, request: Request, verify: Callable[..., dict[str, Any]],
                           *fields: str) -> Response:
        """Run ``verify(caller, mfa token, *the body's fields)``; the signed-in user back."""
        body = await json_body(request)
        caller = caller_of(request)
        user = await self.db.run(verify, caller, caller.token, *(body.get(f) for f in fields))
        return envelope(user, "second factor verified")

    async def check(self, request: Request) -> Response:
        """Whether a phone / email could be bound as a factor."""
        body = await json_body(request)
        return envelope(await self.db.run(self.service.bindable, caller_of(request).token,
                                          body.get("phone"), body.get("email")))

    async def send_email(self, request: Request) -> Response:
        """v2 email code send."""
        body = await json_body(request)
        await self.db.run(self.service.send_email, body.get("email"), body.get("scene"))
        return envelope(None, "email sent")

    # ------------------------------------------------------------------ v3
    async def send_enroll_request(self, request: Request) -> Response:
        """Start enrolling a factor."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.service.send_enroll_request,
                                       caller_of(request).token, body))

    async def enroll(self, request: Request) -> Response:
        """Finish enrolling a factor."""
        body = await json_body(request)
        text_field(body, "enrollmentToken", limit=4096)
        await self.db.run(self.service.enroll, caller_of(request).token, body)
        return v3_ok(with_data=False)

    async def reset_factor(self, request: Request) -> Response:
        """Remove a factor."""
        body = await json_body(request)
        await self.db.run(self.service.reset_factor, caller_of(request), body.get("factorId"))
        return v3_ok(with_data=False)

    async def enrolled(self, request: Request) -> Response:
        """The enrolled factors."""
        return v3_ok(await self.db.run(self.service.enrolled, caller_of(request).token))

    async def to_enroll(self, request: Request) -> Response:
        """The factor kinds still available."""
        return v3_ok(await self.db.run(self.service.to_enroll, caller_of(request).token))
