"""Passkeys and security keys (docs/passkeys.md): registration, passwordless sign-in, and the
management of a user's credentials, as the Gen-1 v3 WebAuthn routes (`passkey_routes`) use
them. The choices this follows are in `passkey_policy`; the ceremonies and their checks in
`passkey_ceremonies`; the table in `passkey_store`; passkeys as a second factor in
`passkey_mfa`.

A sign-in with a passkey ends in `PoolCore.login_result` like every other sign-in: the same
login token, the login history entry (method `passkey_policy.HISTORY_METHOD`), and the
second-factor challenge unless the pool counts passkeys as a second factor and the
authenticator verified the user. Answers that do not verify count towards the account's
passkey guess limit (docs/local-pool-security.md).

Every public method is blocking and runs on a database worker thread.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.login_history import attempt
from authing_desktop.localpool.mfa_factors import APPLICATION_MFA_REQUIRED, PERSONAL_MFA_REQUIRED
from authing_desktop.localpool.passkey_ceremonies import (
    AUTHENTICATE,
    REGISTER,
    Ceremonies,
    Ceremony,
    Refused,
    as_assertion,
    as_registration,
    credential_key,
    verify_registration,
    verify_users_assertion,
)
from authing_desktop.localpool.passkey_policy import (
    AUTHENTICATOR_CODES,
    DEFAULT_AUTHENTICATOR_CODE,
    HISTORY_METHOD,
    MAX_CREDENTIALS_PER_USER,
    MAX_NAME_LENGTH,
    RelyingParty,
    creation_options,
    default_name,
    relying_party,
    request_options,
)
from authing_desktop.localpool.passkey_store import (
    NewCredential,
    credential_view,
    credentials_of,
    descriptors,
    find_credential,
    insert_credential,
    own_credential,
    record_use,
    remove_credentials,
    rename_credential,
)
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import Caller, get_user

DEFAULT_SCOPE = "openid profile"
PLACEHOLDER_IDS = ("{credentialID}", "{credentialId}")  # what the SDKs send (spec: SDK bugs)

Answer = tuple[dict[str, Any], str]
"""Data of a v3 answer and its message."""
SignedIn = Callable[[sqlite3.Connection, str, bool], dict[str, Any]]
"""How a verified passkey sign-in ends: (transaction, user id, second factor passed) -> data."""


def authenticator_code(body: dict[str, Any]) -> str | None:
    """``authenticatorCode`` of a body: None when absent (all kinds), else one of
    `AUTHENTICATOR_CODES` (400 otherwise)."""
    code = body.get("authenticatorCode")
    if code is None or code == "":
        return None
    if not isinstance(code, str) or code.lower() not in AUTHENTICATOR_CODES:
        raise PoolError(errors.BAD_ARGUMENT,
                        f"authenticatorCode must be one of {', '.join(AUTHENTICATOR_CODES)}")
    return code.lower()


def credential_name(value: Any, *, required: bool) -> str | None:
    """A credential name: trimmed text of at most `MAX_NAME_LENGTH` characters, no control
    characters (400 otherwise; 2231 when required and missing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise PoolError(errors.PARAMS_INCOMPLETE, "name is required")
        return None
    if not isinstance(value, str) or len(value.strip()) > MAX_NAME_LENGTH or any(
            unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise PoolError(errors.BAD_ARGUMENT, f"name must be text of at most {MAX_NAME_LENGTH}"
                        " characters")
    return value.strip()


def _scope(body: dict[str, Any]) -> str:
    options = body.get("options")
    if options is None:
        return DEFAULT_SCOPE
    if not isinstance(options, dict):
        raise PoolError(errors.BAD_ARGUMENT, "options must be an object")
    scope = options.get("scope")
    if scope is None or scope == "":
        return DEFAULT_SCOPE
    if not isinstance(scope, str) or len(scope) > 1024 or "openid" not in scope.split():
        raise PoolError(errors.BAD_ARGUMENT, "options.scope must be a string containing openid")
    return " ".join(scope.split())


class Passkeys:
    """The blocking passkey operations of one pool (and the pending ceremonies, which
    `passkey_mfa` and the hosted page share)."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core
        self.db = core.db
        self.ceremonies = Ceremonies(core.clock)

    def relying_party(self, conn: sqlite3.Connection) -> RelyingParty:
        """The pool as relying party now (named after its application)."""
        row = conn.execute("SELECT name FROM applications WHERE id = ?",
                           (self.core.identity.app_id,)).fetchone()
        return relying_party(self.core.issuer, str(row["name"]) if row else "")

    def creation_options_for(self, conn: sqlite3.Connection, user: sqlite3.Row,
                             kind: str) -> tuple[dict[str, Any], str]:
        """A new ``kind`` ceremony registering a credential for ``user``: its creation options
        and ticket (at most `MAX_CREDENTIALS_PER_USER` credentials per account)."""
        rows = credentials_of(conn, user["id"])
        if len(rows) >= MAX_CREDENTIALS_PER_USER:
            raise PoolError(errors.BAD_ARGUMENT, "this account has too many passkeys: remove"
                            " one first")
        rp = self.relying_party(conn)
        ceremony = self.ceremonies.open(kind, rp, user["id"])
        name = user["username"] or user["email"] or user["phone"] or user["id"]
        display = user["nickname"] or user["name"] or name
        return creation_options(rp, ceremony.challenge, user_id=user["id"], user_name=name,
                                display_name=display, exclude=descriptors(rows)), ceremony.ticket

    # ================================================================= registration
    def registration_options(self, caller: Caller) -> dict[str, Any]:
        """``GET webauthn/registration``: ``{registrationOptions, ticket}`` (a recent proof
        is required: docs/step-up.md)."""
        auth = self.core.proven(caller)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            options, ticket = self.creation_options_for(conn, get_user(conn, auth.user["id"]),
                                                        REGISTER)
            return {"registrationOptions": options, "ticket": ticket}

        return self.db.read(run)

    def register(self, caller: Caller, body: dict[str, Any]) -> Answer:
        """``POST webauthn/registration``: ``{verified, credentialId, id}`` (the last two are
        the pool's own, docs/passkeys.md), ``verified`` false with the reason as message when
        the response does not verify. Takes an optional ``name`` (local)."""
        code = authenticator_code(body) or DEFAULT_AUTHENTICATOR_CODE
        name = credential_name(body.get("name"), required=False)
        credential = as_registration(body.get("registrationCredential"))
        auth = self.core.authenticate(caller)
        user_id = str(auth.user["id"])
        ceremony = self.ceremonies.take(body.get("ticket"), REGISTER, user_id)
        return self.finish_registration(user_id, ceremony, credential, code, name)

    def finish_registration(self, user_id: str, ceremony: Ceremony, credential: dict[str, Any],
                            code: str, name: str | None) -> Answer:
        """Verify ``credential`` against the taken ``ceremony`` of ``user_id`` and store it
        (shared by the Gen-1 and Gen-2 routes and the hosted page): as `register`."""
        try:
            registered = verify_registration(ceremony, credential)
        except Refused as refusal:
            return {"verified": False}, str(refusal)
        new = NewCredential(
            credential_id=registered.credential_id, public_key=registered.public_key,
            sign_count=registered.sign_count,
            name=name or default_name(code, registered.transports), authenticator_code=code,
            transports=registered.transports, aaguid=registered.aaguid, rp_id=ceremony.rp.id,
            user_verified=registered.user_verified, backed_up=registered.backed_up)
        row_id = self.store(user_id, new)
        return {"verified": True, "credentialId": new.credential_id, "id": row_id}, ""

    def store(self, user_id: str, new: NewCredential) -> str:
        """Store a verified registration of ``user_id``; its internal id (409 when known)."""
        def run(conn: sqlite3.Connection) -> str:
            if len(credentials_of(conn, user_id)) >= MAX_CREDENTIALS_PER_USER:
                raise PoolError(errors.BAD_ARGUMENT, "this account has too many passkeys")
            return insert_credential(conn, user_id, new, self.core.clock.now())

        return self.db.write(run)

    # ================================================================= sign-in
    def authentication_options(self) -> dict[str, Any]:
        """``GET webauthn/authentication`` (anonymous): ``{authenticationOptions, ticket}``
        asking for a discoverable credential."""
        rp = self.db.read(self.relying_party)
        ceremony = self.ceremonies.open(AUTHENTICATE, rp)
        return {"authenticationOptions": request_options(rp, ceremony.challenge, []),
                "ticket": ceremony.ticket}

    def authenticate(self, caller: Caller, body: dict[str, Any]) -> Answer:
        """``POST webauthn/authentication``: ``{verified: true, tokenSet}``, or ``verified``
        false with the reason. 404 for an unknown credential, 2005 while the account is
        blocked or its passkey sign-in locked, 1635 / 1636 when a second step is due."""
        credential = as_assertion(body.get("authenticationCredential"))
        scope = _scope(body)

        def token_set(conn: sqlite3.Connection, user_id: str, passed: bool) -> dict[str, Any]:
            view = self.core.login_result(conn, user_id, caller, second_factor_passed=passed)
            lifetime = int(self.core.policy(conn).token_expires_after)
            return {"verified": True, "tokenSet": {
                "access_token": view["token"], "id_token": view["token"],
                "token_type": "Bearer", "expire_in": lifetime, "scope": scope}}

        return self.sign_in(caller, credential, body.get("ticket"), token_set)

    def sign_in(self, caller: Caller, credential: dict[str, Any], ticket: Any,
                finish: SignedIn) -> Answer:
        """Verify an assertion (shaped by `as_assertion`) against the sign-in ceremony of
        ``ticket`` and the stored credential, then ``finish(conn, user id, second factor
        passed)`` in the same transaction (shared by the Gen-1 and Gen-2 routes and the hosted
        page): as `authenticate`."""
        key = credential_key(credential)
        ceremony = self.ceremonies.take(ticket, AUTHENTICATE)
        owner = self.db.read(lambda conn: find_credential(conn, key))
        if owner is None:
            problem = PoolError(errors.NOT_FOUND, "this passkey is not registered in this pool")
            self._failed(caller, problem, None)
            raise problem
        user_id = str(owner["user_id"])
        refused: list[bool] = []  # set by a refusal, which commits its count and is no error

        def run(conn: sqlite3.Connection) -> dict[str, Any] | PoolError:
            user = conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
            row = find_credential(conn, key)
            if user is None or row is None:
                return PoolError(errors.NOT_FOUND, "this passkey is not registered in this pool")
            if user["blocked"] or user["status"] != "Activated":
                return PoolError(errors.USER_LOCKED, "this account is blocked")
            locked = self.core.limits.begin_passkey(conn, user_id)
            if locked is not None:
                return locked
            try:
                asserted = verify_users_assertion(ceremony, credential, row, user_id)
            except Refused as refusal:
                refused.append(True)
                return self.core.limits.passkey_failed(
                    conn, user_id, PoolError(errors.WRONG_CREDENTIALS, str(refusal)))
            now = self.core.clock.now()
            record_use(conn, row["id"], asserted.sign_count, now)
            self.core.limits.passkey_passed(conn, user_id)
            passed = self.core.second_factors.passkey_factor and asserted.user_verified
            try:
                return finish(conn, user_id, passed)
            except PoolError as challenge:
                if challenge.code not in (PERSONAL_MFA_REQUIRED, APPLICATION_MFA_REQUIRED):
                    raise
                return challenge  # returned, not raised: the counter above still commits

        with attempt(HISTORY_METHOD):
            result = self.db.write(run)
        if isinstance(result, PoolError):
            self._failed(caller, result, user_id)
            if refused:
                return {"verified": False}, result.message
            raise result
        return result, ""

    def _failed(self, caller: Caller, problem: PoolError, user_id: str | None) -> None:
        self.core.history.failed(self.db, kind=None, value=None, method=HISTORY_METHOD,
                                 caller=caller, client_ip=None, error=problem, user_id=user_id)

    # ================================================================= management
    def list_credentials(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """``page-authenticator-device``: ``{totalCount, list}`` (one kind or all)."""
        code = authenticator_code(body)
        auth = self.core.authenticate(caller)
        rows = self.db.read(lambda conn: credentials_of(conn, auth.user["id"], code))
        return {"totalCount": len(rows), "list": [credential_view(row) for row in rows]}

    def still_valid(self, caller: Caller, body: dict[str, Any]) -> list[str]:
        """``check-valid-credentials-by-credIds``: which of ``credentialIds`` are still the
        caller's (as sent)."""
        ids = body.get("credentialIds")
        if not isinstance(ids, list) or len(ids) > 1000 or not all(
                isinstance(item, str) and 0 < len(item) <= 1024 for item in ids):
            raise PoolError(errors.BAD_ARGUMENT, "credentialIds must be a list of strings")
        code = authenticator_code(body)
        auth = self.core.authenticate(caller)
        rows = self.db.read(lambda conn: credentials_of(conn, auth.user["id"], code))
        mine = {row["credential_id"] for row in rows}
        return [item for item in ids if item.rstrip("=") in mine]

    def remove(self, caller: Caller, key: str, body: dict[str, Any]) -> dict[str, Any]:
        """``remove-credential/{credentialID}`` (the credential id, or its internal id; the
        body's ``credentialID`` when the path is the SDKs' literal placeholder): 404 when it
        is not the caller's, 2217 when it is the last way to sign in."""
        if key in PLACEHOLDER_IDS or not key:
            body_key = body.get("credentialID") or body.get("credentialId")
            if not isinstance(body_key, str) or not body_key:
                raise PoolError(errors.PARAMS_INCOMPLETE, "credentialID is required")
            key = body_key
        auth = self.core.proven(caller)

        def run(conn: sqlite3.Connection) -> None:
            user = get_user(conn, auth.user["id"])
            row = own_credential(conn, user["id"], key)
            if row is None:
                raise PoolError(errors.NOT_FOUND, "no such passkey on this account")
            remove_credentials(conn, user, [row])

        self.db.write(run)
        return {"success": True}

    def remove_kind(self, caller: Caller, body: dict[str, Any]) -> dict[str, Any]:
        """``remove-credentials-by-authenticator-code``: every credential of one kind (all
        when absent); 2217 when they are the last way to sign in."""
        code = authenticator_code(body)
        auth = self.core.proven(caller)

        def run(conn: sqlite3.Connection) -> None:
            user = get_user(conn, auth.user["id"])
            rows = credentials_of(conn, user["id"], code)
            if rows:
                remove_credentials(conn, user, rows)

        self.db.write(run)
        return {"success": True}

    def rename(self, caller: Caller, key: str, body: dict[str, Any]) -> dict[str, Any]:
        """``PUT webauthn/credentials/{credentialId}`` ``{name}``: 404 when not the caller's."""
        name = credential_name(body.get("name"), required=True)
        assert name is not None
        auth = self.core.authenticate(caller)

        def run(conn: sqlite3.Connection) -> None:
            row = own_credential(conn, auth.user["id"], key)
            if row is None:
                raise PoolError(errors.NOT_FOUND, "no such passkey on this account")
            rename_credential(conn, row["id"], name)

        self.db.write(run)
        return {"success": True}
