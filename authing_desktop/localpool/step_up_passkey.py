"""A passkey as a step-up proof (docs/step-up.md, method ``PASSKEY``): request options bound
to the signed-in user (``GET /api/v3/stepup/passkey-options``, local), and the check of the
assertion ``stepup/verify`` receives.

It is the pool's passkey assertion ceremony (`passkey_ceremonies`): a single-use ticket of the
pool's clock, the relying party's ID and origins, the stored key and its sign counter. The
ceremony is bound to the caller's user and the credential must be one of that user's; answers
that do not verify count towards the account's passkey guess limit, as a passkey sign-in's do.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.passkey_ceremonies import (
    Refused,
    as_assertion,
    credential_key,
    verify_users_assertion,
)
from authing_desktop.localpool.passkey_policy import request_options
from authing_desktop.localpool.passkey_store import (
    credentials_of,
    descriptors,
    own_credential,
    record_use,
)
from authing_desktop.localpool.passkeys import Passkeys
from authing_desktop.localpool.users import Caller

STEP_UP_CEREMONY = "step-up"


class StepUpPasskey:
    """The blocking operations of a passkey step-up."""

    def __init__(self, passkeys: Passkeys) -> None:
        self.passkeys = passkeys
        self.core = passkeys.core

    def options(self, caller: Caller) -> dict[str, Any]:
        """``{authenticationOptions, ticket}`` naming the caller's passkeys (404 when the
        account has none)."""
        user_id = str(self.core.authenticate(caller).user["id"])

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            rows = credentials_of(conn, user_id)
            if not rows:
                raise PoolError(errors.NOT_FOUND, "no passkey is registered to this account")
            rp = self.passkeys.relying_party(conn)
            ceremony = self.passkeys.ceremonies.open(STEP_UP_CEREMONY, rp, user_id)
            return {"authenticationOptions": request_options(rp, ceremony.challenge,
                                                             descriptors(rows)),
                    "ticket": ceremony.ticket}

        return self.core.read(run)

    def check(self, user_id: str, body: dict[str, Any]) -> None:
        """Verify ``body``'s ``authenticationCredential`` against the ceremony of its
        ``ticket`` (400 when either is malformed, expired or spent; 404 when the key is not
        this account's; 2333 when the answer does not verify; 2005 while locked)."""
        credential = as_assertion(body.get("authenticationCredential"))
        key = credential_key(credential)
        ceremony = self.passkeys.ceremonies.take(body.get("ticket"), STEP_UP_CEREMONY, user_id)
        limits = self.core.limits

        def run(conn: sqlite3.Connection) -> PoolError | None:
            locked = limits.begin_passkey(conn, user_id)
            if locked is not None:
                return locked
            row = own_credential(conn, user_id, key)
            if row is None:
                return limits.passkey_failed(conn, user_id, PoolError(
                    errors.NOT_FOUND, "this passkey is not registered to this account"))
            try:
                asserted = verify_users_assertion(ceremony, credential, row, user_id)
            except Refused as refusal:
                return limits.passkey_failed(
                    conn, user_id, PoolError(errors.WRONG_CREDENTIALS, str(refusal)))
            record_use(conn, row["id"], asserted.sign_count, self.core.clock.now())
            limits.passkey_passed(conn, user_id)
            return None

        problem = self.core.write(run)  # a failure's count commits before it is raised
        if problem is not None:
            raise problem
