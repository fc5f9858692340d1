"""A passkey as the second step of a sign-in (docs/passkeys.md, "Second factor"): the spec's
``mfa-verify`` and ``mfa-bind`` options routes and the finish routes the local pool adds, all
with the ``mfaToken`` of a 1635 / 1636 challenge.

Only when the pool's ``passkey_second_factor`` setting is on (else 1001). Answers count like
every second-factor answer (`MfaService.complete`: the challenge's tries and the account's
second-factor limit). Binding follows the rule of every factor enrolled with an mfaToken: only
for an account that has no second factor yet.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.mfa import MfaService
from authing_desktop.localpool.mfa_factors import Challenge
from authing_desktop.localpool.passkey_ceremonies import (
    MFA_BIND,
    MFA_VERIFY,
    Refused,
    as_assertion,
    as_registration,
    credential_key,
    verify_registration,
    verify_users_assertion,
)
from authing_desktop.localpool.passkey_policy import (
    DEFAULT_AUTHENTICATOR_CODE,
    SECOND_FACTOR,
    default_name,
    request_options,
)
from authing_desktop.localpool.passkey_store import (
    NewCredential,
    credentials_of,
    descriptors,
    insert_credential,
    own_credential,
    record_use,
)
from authing_desktop.localpool.passkeys import Passkeys
from authing_desktop.localpool.users import Caller, get_user


class PasskeyMfa:
    """The blocking operations of the passkey second-factor routes."""

    def __init__(self, passkeys: Passkeys, mfa: MfaService) -> None:
        self.passkeys = passkeys
        self.mfa = mfa
        self.core = passkeys.core
        self.factors = passkeys.core.second_factors

    def _challenge(self, mfa_token: str | None) -> Challenge:
        challenge = self.factors.read_token(mfa_token)
        if not self.factors.passkey_factor:
            raise PoolError(errors.NO_PERMISSION, "passkeys are not a second factor in this pool")
        return challenge

    # ================================================================= verify
    def verify_options(self, mfa_token: str | None) -> dict[str, Any]:
        """``mfa-verify/initialize``: ``{publicKey, ticket}`` naming the account's passkeys
        (404 when it has none)."""
        challenge = self._challenge(mfa_token)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            rows = credentials_of(conn, challenge.user_id)
            if not rows:
                raise PoolError(errors.NOT_FOUND, "no passkey is registered to this account")
            rp = self.passkeys.relying_party(conn)
            ceremony = self.passkeys.ceremonies.open(MFA_VERIFY, rp, challenge.user_id)
            return {"publicKey": request_options(rp, ceremony.challenge, descriptors(rows)),
                    "ticket": ceremony.ticket}

        return self.core.read(run)

    def verify(self, caller: Caller, mfa_token: str | None,
               body: dict[str, Any]) -> dict[str, Any]:
        """``mfa-verify/finalize`` ``{credential, ticket}``: the user with a new login token;
        400 when the passkey's answer does not verify."""
        challenge = self._challenge(mfa_token)
        credential = as_assertion(body.get("credential"))
        key = credential_key(credential)
        ceremony = self.passkeys.ceremonies.take(body.get("ticket"), MFA_VERIFY,
                                                 challenge.user_id)

        def check(conn: sqlite3.Connection, _: Challenge) -> PoolError | None:
            row = own_credential(conn, challenge.user_id, key)
            if row is None:
                return PoolError(errors.BAD_ARGUMENT, "this passkey is not this account's")
            try:
                asserted = verify_users_assertion(ceremony, credential, row, challenge.user_id)
            except Refused as refusal:
                return PoolError(errors.BAD_ARGUMENT, str(refusal))
            except PoolError as malformed:
                return malformed
            record_use(conn, row["id"], asserted.sign_count, self.core.clock.now())
            return None

        return self.mfa.complete(caller, mfa_token, SECOND_FACTOR, check)

    # ================================================================= bind
    def _may_bind(self, conn: sqlite3.Connection, user_id: str) -> sqlite3.Row:
        user = get_user(conn, user_id)
        if self.factors.has_mfa(conn, user_id):
            raise PoolError(errors.NO_PERMISSION,
                            "sign in to change the second factors of this account")
        return user

    def bind_options(self, mfa_token: str | None) -> dict[str, Any]:
        """``mfa-bind/initialize``: ``{publicKey}`` (the finish step finds the ceremony by its
        challenge); 1001 when the account has a second factor already."""
        challenge = self._challenge(mfa_token)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            user = self._may_bind(conn, challenge.user_id)
            options, _ = self.passkeys.creation_options_for(conn, user, MFA_BIND)
            return {"publicKey": options}

        return self.core.read(run)

    def bind(self, caller: Caller, mfa_token: str | None,
             body: dict[str, Any]) -> dict[str, Any]:
        """``mfa-bind/finalize`` ``{credential}``: register the passkey and finish the
        sign-in; the user with a new login token."""
        challenge = self._challenge(mfa_token)
        credential = as_registration(body.get("credential"))
        self.core.read(lambda conn: self._may_bind(conn, challenge.user_id))
        ceremony = self.passkeys.ceremonies.take_by_challenge(MFA_BIND, challenge.user_id,
                                                              credential)
        try:
            registered = verify_registration(ceremony, credential)
        except Refused as refusal:
            raise PoolError(errors.BAD_ARGUMENT, str(refusal)) from None

        def check(conn: sqlite3.Connection, _: Challenge) -> PoolError | None:
            self._may_bind(conn, challenge.user_id)
            insert_credential(conn, challenge.user_id, NewCredential(
                credential_id=registered.credential_id, public_key=registered.public_key,
                sign_count=registered.sign_count,
                name=default_name(DEFAULT_AUTHENTICATOR_CODE, registered.transports),
                authenticator_code=DEFAULT_AUTHENTICATOR_CODE,
                transports=registered.transports, aaguid=registered.aaguid,
                rp_id=ceremony.rp.id, user_verified=registered.user_verified,
                backed_up=registered.backed_up), self.core.clock.now())
            return None

        return self.mfa.complete(caller, mfa_token, SECOND_FACTOR, check)
