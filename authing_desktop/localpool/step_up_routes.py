"""``POST /api/v3/stepup/verify`` (docs/step-up.md): one proof of who I am, checked within
its guess limit, answered with a short-lived step-up token; and ``GET
/api/v3/stepup/passkey-options``, the options of a passkey proof (`step_up_passkey`). The rule
and its local choices are in `step_up`."""

from __future__ import annotations

import secrets
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.codes import EMAIL, SMS
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import choice
from authing_desktop.localpool.passkeys import Passkeys
from authing_desktop.localpool.pool_core import MAX_PROOF_CHARS, PoolCore
from authing_desktop.localpool.rest_api import caller_of, json_body
from authing_desktop.localpool.step_up import (
    METHODS,
    PASSKEY,
    PASSWORD,
    PHONE_PASSCODE,
    PROOF_LIFETIME_S,
    STEP_UP_SCENE,
    TOTP,
    proof_hash,
)
from authing_desktop.localpool.step_up_passkey import StepUpPasskey
from authing_desktop.localpool.users import Caller
from authing_desktop.localpool.v3_envelope import v3_guarded, v3_ok


class StepUpVerify:
    """``POST /api/v3/stepup/verify``: check one proof, issue a step-up token."""

    def __init__(self, core: PoolCore, passkeys: Passkeys) -> None:
        self.core = core
        self.passkey = StepUpPasskey(passkeys)

    def verify(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """The proof named by ``body["method"]``; ``{stepupToken, tokenExpiresIn}``."""
        auth = self.core.authenticate(caller)
        user = auth.user
        method = choice(body.get("method"), METHODS, "method")
        if method == PASSWORD:
            self._password(user, body.get("password"), body.get("passwordEncryptType"))
        elif method == TOTP:
            self._totp(user["id"], body.get("totp"))
        elif method == PASSKEY:
            self.passkey.check(str(user["id"]), body)
        else:
            channel, bound = (SMS, user["phone"]) if method == PHONE_PASSCODE else (
                EMAIL, user["email"])
            if not bound:
                raise PoolError(errors.BAD_ARGUMENT,
                                "this account has no phone or email to send a code to")
            code = body.get("passCode")
            self.core.use_code(channel, bound, code if isinstance(code, str) else None,
                               (STEP_UP_SCENE,))
        token = secrets.token_urlsafe(32)
        now = self.core.clock.now()

        def store(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM stepup_proofs WHERE expires_at <= ?", (now,))
            conn.execute(
                "INSERT INTO stepup_proofs(token_hash, user_id, session_jti, method, issued_at,"
                " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                (proof_hash(token), user["id"], auth.jti, method, now, now + PROOF_LIFETIME_S))

        self.core.write(store)
        return {"stepupToken": token, "tokenExpiresIn": PROOF_LIFETIME_S}

    def _password(self, user: sqlite3.Row, raw: Any, kind: Any) -> None:
        self.core.check_password_proof(user, raw, kind)

    def _totp(self, user_id: str, totp: Any) -> None:
        limits, factors = self.core.limits, self.core.second_factors
        given = totp if isinstance(totp, str) and len(totp) <= MAX_PROOF_CHARS else None

        def run(conn: sqlite3.Connection) -> PoolError | None:
            locked = limits.begin_second_factor(conn, user_id)
            if locked is not None:
                return locked
            problem = factors.check_totp(conn, user_id, given)
            if problem is None:
                limits.second_factor_passed(conn, user_id)
                return None
            return limits.second_factor_failed(conn, user_id, problem)

        problem = self.core.write(run)
        if problem is not None:
            raise problem


class StepUpRoutes:
    """The HTTP side of `StepUpVerify`."""

    def __init__(self, core: PoolCore, passkeys: Passkeys) -> None:
        self.verifier = StepUpVerify(core, passkeys)
        self.db = core.db

    def routes(self) -> list[Route]:
        """``POST /api/v3/stepup/verify``, ``GET /api/v3/stepup/passkey-options``."""
        return [Route("/api/v3/stepup/verify", v3_guarded(self.verify), methods=["POST"]),
                Route("/api/v3/stepup/passkey-options", v3_guarded(self.passkey_options),
                      methods=["GET"])]

    async def verify(self, request: Request) -> Response:
        """Prove it is me again."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.verifier.verify, caller_of(request), body))

    async def passkey_options(self, request: Request) -> Response:
        """Request options naming my passkeys, for a ``PASSKEY`` proof."""
        return v3_ok(await self.db.run(self.verifier.passkey.options, caller_of(request)))
