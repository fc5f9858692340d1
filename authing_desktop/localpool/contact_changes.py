"""Changing my bound email or phone through v3, in two steps (docs/protocol.md, v3
self-service; the rules they follow are those of v2 ``updateEmail`` / ``updatePhone``).

``verify-update-email-request`` / ``verify-update-phone-request`` check the new address's code,
and the old address's code too when the pool's policy asks for it (docs/pool-admin.md), then
return a single-use ``updateEmailToken`` / ``updatePhoneToken`` valid `TICKET_LIFETIME_S`;
``update-email`` / ``update-phone`` spend it. Tickets live in memory only (a restart merely
means verifying again) and are looked up by their hash.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.browser_state import ExpiringStore
from authing_desktop.localpool.contacts import MAIL, PHONE, Contacts
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import choice
from authing_desktop.localpool.rest_api import caller_of, json_body
from authing_desktop.localpool.self_service import SelfService
from authing_desktop.localpool.users import Caller
from authing_desktop.localpool.v3_envelope import text_field, v3_guarded, v3_ok

TICKET_LIFETIME_S = 60


@dataclass(frozen=True)
class _Change:
    """A verified change waiting for its act step."""

    user_id: str
    kind: str  # "email" or "phone"
    value: str


def _hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def _payload(body: dict[str, Any], *names: str) -> dict[str, Any]:
    for name in names:
        value = body.get(name)
        if isinstance(value, dict):
            return value
    raise PoolError(errors.PARAMS_INCOMPLETE, f"{names[0]} is required")


class ContactChanges:
    """The blocking steps (run on database worker threads)."""

    def __init__(self, contacts: Contacts, self_service: SelfService) -> None:
        self.contacts = contacts
        self.self_service = self_service
        self.db = self_service.db
        self._pending: ExpiringStore[_Change] = ExpiringStore(contacts.core.clock)

    def _ticket(self, change: _Change) -> str:
        ticket = secrets.token_urlsafe(32)
        self._pending.put(_hash(ticket), change, TICKET_LIFETIME_S)
        return ticket

    def verify_email(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """``verify-update-email-request``: ``{updateEmailToken, tokenExpiresIn}``."""
        who = self.self_service.principal(caller)
        user = who.user
        self.contacts.require_old_or_recent(caller, user["id"], who.jti, MAIL)
        choice(body.get("verifyMethod"), ("EMAIL_PASSCODE",), "verifyMethod")
        # Authing's Node SDK spells the payload both ways (docs/protocol.md, v3 self-service).
        payload = _payload(body, "emailPassCodePayload", "emailPasscodePayload")
        email = self.contacts.prove_email_change(
            user, payload.get("newEmail"), payload.get("newEmailPassCode"),
            payload.get("oldEmail"), payload.get("oldEmailPassCode"))
        ticket = self._ticket(_Change(user["id"], MAIL.column, email))
        return {"updateEmailToken": ticket, "tokenExpiresIn": TICKET_LIFETIME_S}

    def verify_phone(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """``verify-update-phone-request``: ``{updatePhoneToken, tokenExpiresIn}``."""
        who = self.self_service.principal(caller)
        user = who.user
        self.contacts.require_old_or_recent(caller, user["id"], who.jti, PHONE)
        choice(body.get("verifyMethod"), ("PHONE_PASSCODE",), "verifyMethod")
        payload = _payload(body, "phonePassCodePayload")
        phone = self.contacts.prove_phone_change(
            user, payload.get("newPhoneNumber"), payload.get("newPhonePassCode"),
            payload.get("oldPhoneNumber"), payload.get("oldPhonePassCode"))
        ticket = self._ticket(_Change(user["id"], PHONE.column, phone))
        return {"updatePhoneToken": ticket, "tokenExpiresIn": TICKET_LIFETIME_S}

    def apply(self, caller: Caller, kind: str, ticket: str) -> None:
        """``update-email`` / ``update-phone``: spend the caller's ticket of ``kind``."""
        user = self.self_service.principal(caller).user
        change = self._pending.get(_hash(ticket))
        if change is None or change.kind != kind or change.user_id != user["id"]:
            raise PoolError(errors.TOKEN_INVALID,
                            f"invalid, used or expired update{kind.capitalize()}Token:"
                            " verify again")
        self._pending.discard(_hash(ticket))
        contact = MAIL if kind == MAIL.column else PHONE

        def run(conn: sqlite3.Connection) -> None:
            self.contacts.store(conn, user["id"], contact, change.value)

        self.db.write(run)


class ContactChangeRoutes:
    """The HTTP side of `ContactChanges`."""

    def __init__(self, changes: ContactChanges) -> None:
        self.changes = changes
        self.db = changes.db

    def routes(self) -> list[Route]:
        """The two verify steps and the two act steps."""
        return [
            Route("/api/v3/verify-update-email-request", v3_guarded(self.verify_email),
                  methods=["POST"]),
            Route("/api/v3/update-email", v3_guarded(self.update_email), methods=["POST"]),
            Route("/api/v3/verify-update-phone-request", v3_guarded(self.verify_phone),
                  methods=["POST"]),
            Route("/api/v3/update-phone", v3_guarded(self.update_phone), methods=["POST"]),
        ]

    async def verify_email(self, request: Request) -> Response:
        """Step 1 of an email change."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.changes.verify_email, caller_of(request), body))

    async def verify_phone(self, request: Request) -> Response:
        """Step 1 of a phone change."""
        body = await json_body(request)
        return v3_ok(await self.db.run(self.changes.verify_phone, caller_of(request), body))

    async def update_email(self, request: Request) -> Response:
        """Step 2 of an email change."""
        body = await json_body(request)
        ticket = text_field(body, "updateEmailToken", limit=256)
        await self.db.run(self.changes.apply, caller_of(request), MAIL.column, str(ticket))
        return v3_ok({"success": True})

    async def update_phone(self, request: Request) -> Response:
        """Step 2 of a phone change."""
        body = await json_body(request)
        ticket = text_field(body, "updatePhoneToken", limit=256)
        await self.db.run(self.changes.apply, caller_of(request), PHONE.column, str(ticket))
        return v3_ok({"success": True})
