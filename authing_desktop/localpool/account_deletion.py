"""Deleting my account (docs/protocol.md, v3 self-service) and the v3 code senders it needs.

- v3, two steps: ``verify-delete-account-request`` proves the user again (password, SMS code to
  the bound phone, or email code to the bound email) and returns a single-use
  ``deleteAccountToken`` valid `TICKET_LIFETIME_S`; ``delete-account`` spends it.
  Local choice: ``PASSWORD`` is accepted whenever the account has a password (Authing's docs
  allow it only for accounts without phone and email). Wrong passwords count towards the
  account's password guess limit (`guess_limits`), shared with sign-in and updatePassword.
- v2, one step: ``DELETE /api/v2/users/delete`` with the login token.
- ``/api/v3/send-sms`` and ``/api/v3/send-email`` with a ``channel``.

Deletion removes the user row; tokens, factors, devices, history, identities and memberships
go with it (foreign keys), custom data explicitly. Every token is revoked first, so even a
token that is presented concurrently answers 2020.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.codes import EMAIL, SMS, SMS_SCENE
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.guess_limits import password_subject, second_factor_subject
from authing_desktop.localpool.inputs import check_email, check_phone, choice
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.rest_api import caller_of, envelope, guarded, json_body
from authing_desktop.localpool.self_service import SelfService
from authing_desktop.localpool.step_up import STEP_UP_CHANNEL, STEP_UP_SCENE
from authing_desktop.localpool.users import Caller, get_user
from authing_desktop.localpool.v3_envelope import text_field, v3_guarded, v3_ok

TICKET_LIFETIME_S = 60
DELETE_CHANNEL = "CHANNEL_DELETE_ACCOUNT"
VERIFY_MFA_CHANNEL = "CHANNEL_VERIFY_MFA"
# v3 channels and the scene their codes are stored under (others: the v2 login/bind scenes).
SMS_CHANNEL_SCENES = {DELETE_CHANNEL: DELETE_CHANNEL, VERIFY_MFA_CHANNEL: VERIFY_MFA_CHANNEL,
                      "CHANNEL_BIND_MFA": "MFA_BIND", STEP_UP_CHANNEL: STEP_UP_SCENE}
EMAIL_CHANNEL_SCENES = {DELETE_CHANNEL: DELETE_CHANNEL, VERIFY_MFA_CHANNEL: VERIFY_MFA_CHANNEL,
                        "CHANNEL_BIND_MFA": "MFA_BIND",
                        "CHANNEL_RESET_PASSWORD": "RESET_PASSWORD",
                        "CHANNEL_UPDATE_EMAIL": "CHANGE_EMAIL",
                        "CHANNEL_VERIFY_EMAIL_LINK": "VERIFY_EMAIL",
                        STEP_UP_CHANNEL: STEP_UP_SCENE}
KNOWN_CHANNELS = frozenset({
    "CHANNEL_LOGIN", "CHANNEL_REGISTER", "CHANNEL_RESET_PASSWORD", "CHANNEL_BIND_PHONE",
    "CHANNEL_UNBIND_PHONE", "CHANNEL_BIND_EMAIL", "CHANNEL_UNBIND_EMAIL", "CHANNEL_BIND_MFA",
    "CHANNEL_VERIFY_MFA", "CHANNEL_UNBIND_MFA", "CHANNEL_COMPLETE_PHONE",
    "CHANNEL_COMPLETE_EMAIL", "CHANNEL_IDENTITY_VERIFICATION", "CHANNEL_DELETE_ACCOUNT",
    "CHANNEL_VERIFY_EMAIL_LINK", "CHANNEL_UPDATE_EMAIL",
})
VERIFY_METHODS = ("PHONE_PASSCODE", "EMAIL_PASSCODE", "PASSWORD")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _payload(body: dict[str, Any], name: str) -> dict[str, Any]:
    value = body.get(name)
    if not isinstance(value, dict):
        raise PoolError(errors.PARAMS_INCOMPLETE, f"{name} is required")
    return value


def delete_user(conn: sqlite3.Connection, user_id: str, now: float) -> None:
    """Revoke every token of the user, then delete the user and what hangs off it."""
    conn.execute("UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                 (now, user_id))
    conn.execute("DELETE FROM udf_values WHERE target_type = 'USER' AND target_id = ?",
                 (user_id,))
    conn.execute("DELETE FROM login_failures WHERE subject IN (?, ?)",
                 (password_subject(user_id), second_factor_subject(user_id)))
    conn.execute("DELETE FROM users WHERE id = ?", (user_id,))


class AccountDeletion:
    """The blocking deletion operations (run on database worker threads)."""

    def __init__(self, core: PoolCore, self_service: SelfService) -> None:
        self.core = core
        self.self_service = self_service
        self.db = core.db

    # ------------------------------------------------------------------ codes
    def send_sms(self, phone: Any, channel: Any) -> None:
        """v3 ``send-sms``."""
        scene = SMS_CHANNEL_SCENES.get(choice(channel, KNOWN_CHANNELS, "channel"), SMS_SCENE)
        target = check_phone(phone)
        self.db.write(lambda conn: self.core.codes.send(conn, SMS, target, scene))

    def send_email(self, email: Any, channel: Any) -> None:
        """v3 ``send-email``."""
        scene = EMAIL_CHANNEL_SCENES.get(choice(channel, KNOWN_CHANNELS, "channel"),
                                         "VERIFY_CODE")
        target = check_email(email)
        self.db.write(lambda conn: self.core.codes.send(conn, EMAIL, target, scene))

    # ------------------------------------------------------------------ step 1
    def _check_password(self, user: sqlite3.Row, payload: dict[str, Any]) -> None:
        # Its locking guess answers 2006 like its other wrong guesses; the lock shows as 2005
        # from the next one (docs/local-pool-security.md, guess limits).
        self.core.check_password_proof(user, payload.get("password"),
                                       payload.get("passwordEncryptType") or "none",
                                       say_lock=False)

    def verify_request(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """``verify-delete-account-request``: a fresh ``deleteAccountToken``."""
        who = self.self_service.principal(caller)
        user = who.user
        method = choice(body.get("verifyMethod"), VERIFY_METHODS, "verifyMethod")
        if method == "PASSWORD":
            self._check_password(user, _payload(body, "passwordPayload"))
        else:
            if method == "PHONE_PASSCODE":
                payload = _payload(body, "phonePassCodePayload")
                channel, bound = SMS, user["phone"]
                given = check_phone(payload.get("phoneNumber"))
                same = bound is not None and given == bound
            else:
                payload = _payload(body, "emailPassCodePayload")
                channel, bound = EMAIL, user["email"]
                given = check_email(payload.get("email") or bound)
                same = bound is not None and given.lower() == bound.lower()
            if not same:
                raise PoolError(errors.BAD_ARGUMENT,
                                "the code must go to this account's own phone or email")
            code = payload.get("passCode")
            problem = self.db.write(lambda conn: self.core.codes.verify(
                conn, channel, given, code if isinstance(code, str) else None,
                (DELETE_CHANNEL,)))
            if problem is not None:
                raise problem
        ticket = secrets.token_urlsafe(32)
        now = self.core.clock.now()

        def store(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM account_deletion_tickets WHERE expires_at < ?", (now,))
            conn.execute("INSERT INTO account_deletion_tickets(token_hash, user_id, expires_at)"
                         " VALUES (?, ?, ?)", (_hash(ticket), user["id"],
                                               now + TICKET_LIFETIME_S))

        self.db.write(store)
        return {"deleteAccountToken": ticket, "tokenExpiresIn": TICKET_LIFETIME_S}

    # ------------------------------------------------------------------ step 2
    def delete(self, caller: Caller, ticket: str) -> None:
        """``delete-account``: spend the ticket and delete the account."""
        who = self.self_service.principal(caller)

        def run(conn: sqlite3.Connection) -> None:
            row = conn.execute("SELECT * FROM account_deletion_tickets WHERE token_hash = ?",
                               (_hash(ticket),)).fetchone()
            if row is None or row["used_at"] is not None or not hmac.compare_digest(
                    row["user_id"], who.user["id"]):
                raise PoolError(errors.TOKEN_INVALID, "invalid or used deleteAccountToken")
            if row["expires_at"] <= self.core.clock.now():
                raise PoolError(errors.CODE_EXPIRED,
                                "the deleteAccountToken expired: verify again")
            delete_user(conn, who.user["id"], self.core.clock.now())

        self.db.write(run)

    def delete_v2(self, caller: Caller) -> None:
        """v2 ``DELETE users/delete``: one step with the login token, which has no proof of
        its own: a recent one is required (docs/step-up.md)."""
        auth = self.core.proven(caller)

        def run(conn: sqlite3.Connection) -> None:
            get_user(conn, auth.user["id"])
            delete_user(conn, auth.user["id"], self.core.clock.now())

        self.db.write(run)


class AccountDeletionRoutes:
    """The HTTP side of `AccountDeletion`."""

    def __init__(self, deletion: AccountDeletion) -> None:
        self.deletion = deletion
        self.db = deletion.db

    def routes(self) -> list[Route]:
        """Deletion routes and the v3 code senders."""
        return [
            Route("/api/v3/send-sms", v3_guarded(self.send_sms), methods=["POST"]),
            Route("/api/v3/send-email", v3_guarded(self.send_email), methods=["POST"]),
            Route("/api/v3/verify-delete-account-request", v3_guarded(self.verify),
                  methods=["POST"]),
            Route("/api/v3/delete-account", v3_guarded(self.delete), methods=["POST"]),
            Route("/api/v2/users/delete", guarded(self.delete_v2), methods=["DELETE"]),
        ]

    async def send_sms(self, request: Request) -> Response:
        """Send an SMS code for a v3 channel."""
        body = await json_body(request)
        await self.db.run(self.deletion.send_sms, body.get("phoneNumber"), body.get("channel"))
        return v3_ok(with_data=False)

    async def send_email(self, request: Request) -> Response:
        """Send an email code for a v3 channel."""
        body = await json_body(request)
        await self.db.run(self.deletion.send_email, body.get("email"), body.get("channel"))
        return v3_ok(with_data=False)

    async def verify(self, request: Request) -> Response:
        """Step 1: prove it is me."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.deletion.verify_request, caller_of(request), body))

    async def delete(self, request: Request) -> Response:
        """Step 2: delete."""
        body = await json_body(request)
        ticket = text_field(body, "deleteAccountToken", limit=256)
        await self.db.run(self.deletion.delete, caller_of(request), str(ticket))
        return v3_ok({"success": True})

    async def delete_v2(self, request: Request) -> Response:
        """v2 one-step deletion."""
        await self.db.run(self.deletion.delete_v2, caller_of(request))
        return envelope(None, "account deleted")
