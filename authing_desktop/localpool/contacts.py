"""The user's contacts: binding, changing and unbinding its phone and email (each proven by a
code), sending those codes, and the e-mail verification link."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.codes import EMAIL, SMS, SMS_SCENE
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.inputs import check_email, check_phone, optional_text
from authing_desktop.localpool.passkey_store import own_way_in
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.tokens import Authenticated
from authing_desktop.localpool.users import Caller, find_by_email, find_by_phone, get_user

SMS_SCENES = (SMS_SCENE,)
BIND_EMAIL_SCENES = ("VERIFY_EMAIL", "CHANGE_EMAIL", "VERIFY_CODE")
CHANGE_EMAIL_SCENES = ("CHANGE_EMAIL", "VERIFY_EMAIL", "VERIFY_CODE")


@dataclass(frozen=True)
class _Kind:
    """One kind of contact: its column, codes and refusals."""

    column: str
    verified_column: str
    channel: str
    taken: int
    taken_text: str


PHONE = _Kind("phone", "phone_verified", SMS, errors.PHONE_BOUND,
              "this phone is already bound to another account")
MAIL = _Kind("email", "email_verified", EMAIL, errors.EMAIL_BOUND,
             "this email is already bound to another account")


class Contacts:
    """bind/update/unbind Phone and Email, sms/send, sendEmail, the verification link."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    def store(self, conn: sqlite3.Connection, user_id: str, kind: _Kind,
              value: str | None) -> None:
        """Bind ``value`` (verified) as the user's ``kind`` contact, or unbind it (None), in
        ``conn``'s transaction (the kind's "taken" error when another account has it)."""
        try:
            conn.execute(
                f"UPDATE users SET {kind.column} = ?, {kind.verified_column} = ?,"  # noqa: S608
                f" updated_at = ? WHERE id = ?",
                (value, 1 if value else 0, self.core.clock.now(), user_id),
            )
        except sqlite3.IntegrityError as exc:
            raise PoolError(kind.taken, kind.taken_text) from exc

    def _unbind(self, auth: Authenticated, kind: _Kind, last_way_text: str) -> dict[str, Any]:
        """Unbind ``kind``, refused (2217) when it is the account's last way to sign in; the
        check and the change in one transaction (a passkey removed meanwhile counts)."""
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            user = get_user(conn, auth.user["id"])
            if not own_way_in(conn, user, without="phone" if kind is PHONE else "email"):
                raise PoolError(errors.LAST_LOGIN_METHOD, last_way_text)
            self.store(conn, user["id"], kind, None)
            return self.core.auth_view(conn, auth)

        return self.core.write(run)

    def _set(self, auth: Authenticated, kind: _Kind, value: str | None) -> dict[str, Any]:
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            self.store(conn, auth.user["id"], kind, value)
            return self.core.auth_view(conn, auth)

        return self.core.write(run)

    def require_old_or_recent(self, caller: Caller, user_id: str, jti: str | None,
                              kind: _Kind) -> None:
        """A change proven by the old contact's code needs nothing more; when the policy does
        not ask for that code, the session needs a recent proof (docs/step-up.md)."""
        policy = self.core.policy()
        if not (policy.verify_old_email if kind is MAIL else policy.verify_old_phone):
            self.core.read(lambda conn: self.core.require_recent_proof(
                conn, user_id, jti, caller))

    def _free(self, kind: _Kind, target: str) -> None:
        finder = find_by_phone if kind is PHONE else find_by_email
        if self.core.read(lambda conn: finder(conn, target)) is not None:
            raise PoolError(kind.taken, kind.taken_text)

    def bind_phone(self, caller: Caller, phone: str, code: str) -> dict[str, Any]:
        """bindPhone: first phone of the account (a way to reset the password: a recent
        proof is required, docs/step-up.md)."""
        auth = self.core.proven(caller)
        target = check_phone(phone)
        if auth.user["phone"]:
            raise PoolError(errors.PHONE_BOUND,
                            "a phone is already bound to this account: use updatePhone")
        self._free(PHONE, target)
        self.core.use_code(SMS, target, code, SMS_SCENES)
        return self._set(auth, PHONE, target)

    def unbind_phone(self, caller: Caller) -> dict[str, Any]:
        """unbindPhone (2217 when it is the last way to sign in), with a recent proof."""
        auth = self.core.proven(caller)
        if not auth.user["phone"]:
            raise PoolError(errors.NO_PHONE_BOUND, "no phone is bound to this account")
        return self._unbind(auth, PHONE,
                            "the phone is the only way to sign in: bind an email first")

    def update_phone(self, caller: Caller, phone: str, code: str, old_phone: str | None,
                     old_code: str | None) -> dict[str, Any]:
        """updatePhone: the old phone too must be proven with its own code when the pool's
        policy says so (docs/pool-admin.md)."""
        auth = self.core.authenticate(caller)
        self.require_old_or_recent(caller, auth.user["id"], auth.jti, PHONE)
        target = self.prove_phone_change(auth.user, phone, code, old_phone, old_code)
        return self._set(auth, PHONE, target)

    def prove_phone_change(self, user: sqlite3.Row, phone: Any, code: Any, old_phone: Any,
                           old_code: Any) -> str:
        """Check a change of ``user``'s bound phone to ``phone`` and spend its codes (the new
        phone's, and the old one's when the policy asks for it); the new phone."""
        target = check_phone(phone)
        current = user["phone"]
        if not current:
            raise PoolError(errors.NO_PHONE_BOUND, "no phone is bound yet: use bindPhone")
        if target == current:
            raise PoolError(errors.SAME_PHONE, "the new phone equals the current one")
        self._free(PHONE, target)
        if self.core.policy().verify_old_phone:
            old_phone, old_code = optional_text(old_phone), optional_text(old_code)
            if not old_phone or not old_code:
                raise PoolError(errors.OLD_PHONE_MISMATCH if old_phone
                                else errors.PARAMS_INCOMPLETE,
                                "verify the current phone: oldPhone and oldPhoneCode are"
                                " required")
            if old_phone.strip() != current:
                raise PoolError(errors.OLD_PHONE_MISMATCH, "oldPhone is not the bound phone")
            self.core.use_code(SMS, current, old_code, SMS_SCENES)
        self.core.use_code(SMS, target, optional_text(code), SMS_SCENES)
        return target

    def bind_email(self, caller: Caller, email: str, code: str) -> dict[str, Any]:
        """bindEmail: first email of the account (a way to reset the password: a recent
        proof is required, docs/step-up.md)."""
        auth = self.core.proven(caller)
        target = check_email(email)
        if auth.user["email"]:
            raise PoolError(errors.EMAIL_BOUND,
                            "an email is already bound to this account: use updateEmail")
        self._free(MAIL, target)
        self.core.use_code(EMAIL, target, code, BIND_EMAIL_SCENES)
        return self._set(auth, MAIL, target)

    def unbind_email(self, caller: Caller) -> dict[str, Any]:
        """unbindEmail (2217 when it is the last way to sign in), with a recent proof."""
        auth = self.core.proven(caller)
        if not auth.user["email"]:
            raise PoolError(errors.NO_EMAIL_BOUND, "no email is bound to this account")
        return self._unbind(auth, MAIL,
                            "the email is the only way to sign in: bind a phone first")

    def update_email(self, caller: Caller, email: str, code: str, old_email: str | None,
                     old_code: str | None) -> dict[str, Any]:
        """updateEmail: the old email too must be proven with its own code when the pool's
        policy says so (docs/pool-admin.md)."""
        auth = self.core.authenticate(caller)
        self.require_old_or_recent(caller, auth.user["id"], auth.jti, MAIL)
        target = self.prove_email_change(auth.user, email, code, old_email, old_code)
        return self._set(auth, MAIL, target)

    def prove_email_change(self, user: sqlite3.Row, email: Any, code: Any, old_email: Any,
                           old_code: Any) -> str:
        """Check a change of ``user``'s bound email to ``email`` and spend its codes (the new
        address's, and the old one's when the policy asks for it); the new address."""
        target = check_email(email)
        current = user["email"]
        if not current:
            raise PoolError(errors.NO_EMAIL_BOUND, "no email is bound yet: use bindEmail")
        if target.lower() == current.lower():
            raise PoolError(errors.SAME_EMAIL, "the new email equals the current one")
        self._free(MAIL, target)
        if self.core.policy().verify_old_email:
            old_email, old_code = optional_text(old_email), optional_text(old_code)
            if not old_email or not old_code:
                raise PoolError(errors.OLD_EMAIL_PROOF,
                                "verify the current email: oldEmail and oldEmailCode are"
                                " required")
            if old_email.strip().lower() != current.lower():
                raise PoolError(errors.OLD_EMAIL_MISMATCH, "oldEmail is not the bound email")
            self.core.use_code(EMAIL, current, old_code, CHANGE_EMAIL_SCENES)
        self.core.use_code(EMAIL, target, optional_text(code), CHANGE_EMAIL_SCENES)
        return target

    def send_sms(self, phone: str | None) -> None:
        """sms/send: a code to ``phone`` (2028 bad phone, 2080 too soon)."""
        target = check_phone(phone)
        self.core.write(lambda conn: self.core.codes.send(conn, SMS, target, SMS_SCENE))

    def send_email(self, email: str | None, scene: str) -> None:
        """sendEmail(email, scene)."""
        target = check_email(email)
        self.core.write(lambda conn: self.core.codes.send(conn, EMAIL, target, scene))

    def verify_email_link(self, token: str | None) -> str:
        """Local pool only: follow a VERIFY_EMAIL link; marks the address verified on the
        account that has it (2001 bad or used link, 2300 expired, 2004 no such account now)."""
        def verify(conn: sqlite3.Connection) -> str:
            email = self.core.codes.use_link(conn, token)
            updated = conn.execute(
                "UPDATE users SET email_verified = 1, updated_at = ? WHERE email = ?",
                (self.core.clock.now(), email)).rowcount
            if not updated:
                raise PoolError(errors.USER_NOT_FOUND,
                                "no account has this email address any more")
            return email

        return self.core.write(verify)
