"""Password resets and changes: by phone or email code, the first-login and forced resets, and
updatePassword; a wrong old password counts against the account's guess limit."""

from __future__ import annotations

import sqlite3
from typing import Any

from authing_desktop.localpool import errors, passwords
from authing_desktop.localpool.codes import EMAIL, SMS, SMS_SCENE
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.guess_limits import password_subject
from authing_desktop.localpool.inputs import check_email, check_phone
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.tokens import FIRST_LOGIN, FORCE_RESET
from authing_desktop.localpool.users import Caller, find_by_email, find_by_phone, get_user

RESET_SCENES = ("RESET_PASSWORD", "VERIFY_CODE")


def _new_password(password: str) -> tuple[str, int]:
    """The stored hash and the security level of a new password (after the policy check)."""
    passwords.check_policy(password)
    return passwords.hash_password(password), passwords.security_level(password)


class PasswordChanges:
    """resetPassword*, updatePassword."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    def _set_password(self, conn: sqlite3.Connection, user_id: str, password_hash: str,
                      level: int) -> None:
        conn.execute(
            "UPDATE users SET password_hash = ?, password_level = ?, reset_on_first_login = 0,"
            " force_password_reset = 0, updated_at = ?, password_changed_at = ? WHERE id = ?",
            (password_hash, level, self.core.clock.now(), self.core.clock.now(), user_id),
        )
        self.core.limits.clear(conn, password_subject(user_id))

    def _prove_password(self, user: sqlite3.Row, password: str) -> bool:
        """Whether ``password`` is the user's, within the account's guess limit (2005 once
        it is used up)."""
        with self.core.limits.password_proof(self.core.db, user["id"]) as guess:
            guess.right = passwords.verify_password(user["password_hash"], password)
        return guess.right

    def reset_password(self, phone: str | None, email: str | None, code: str | None,
                       new_password: str | None) -> dict[str, Any]:
        """resetPassword by phone or email code; ends every session of the user."""
        core = self.core
        if bool(phone) == bool(email):
            raise PoolError(errors.PARAMS_INCOMPLETE, "give either phone or email")
        password = core.decrypt(new_password, "newPassword")
        passwords.check_policy(password)
        if phone:
            target = check_phone(phone)
            user = core.read(lambda conn: find_by_phone(conn, target))
        else:
            target = check_email(email)
            user = core.read(lambda conn: find_by_email(conn, target))
        if user is None:
            raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
        if phone:
            core.use_code(SMS, target, code, (SMS_SCENE,))
        else:
            core.use_code(EMAIL, target, code, RESET_SCENES)
        hashed, level = _new_password(password)

        def run(conn: sqlite3.Connection) -> None:
            self._set_password(conn, user["id"], hashed, level)
            core.revoke_all(conn, user["id"])

        core.write(run)
        return {"code": 200, "message": "password reset"}

    def reset_password_by_first_login_token(self, token: str, password_enc: str
                                            ) -> dict[str, Any]:
        """resetPasswordByFirstLoginToken(token, password)."""
        hashed, level = _new_password(self.core.decrypt(password_enc))

        def run(conn: sqlite3.Connection) -> None:
            user_id = self.core.tokens.consume_purpose(conn, token, FIRST_LOGIN)
            self._set_password(conn, user_id, hashed, level)

        self.core.write(run)
        return {"code": 200, "message": "password set, log in again"}

    def reset_password_by_force_reset_token(self, token: str, old_enc: str, new_enc: str
                                            ) -> dict[str, Any]:
        """resetPasswordByForceResetToken(token, oldPassword, newPassword)."""
        core = self.core
        old = core.decrypt(old_enc, "oldPassword")
        new = core.decrypt(new_enc, "newPassword")
        passwords.check_policy(new)
        if old == new:
            raise PoolError(errors.WEAK_PASSWORD, "the new password must differ from the old one")
        hashed, level = _new_password(new)
        # Validate without burning: a wrong old password should not waste the reset token.
        user_id = core.read(
            lambda conn: core.tokens.consume_purpose(conn, token, FORCE_RESET, burn=False))
        user = core.read(lambda conn: get_user(conn, user_id))
        if not self._prove_password(user, old):
            raise PoolError(errors.OLD_PASSWORD_WRONG, "the old password is wrong")

        def run(conn: sqlite3.Connection) -> None:
            core.tokens.consume_purpose(conn, token, FORCE_RESET)
            self._set_password(conn, user_id, hashed, level)

        core.write(run)
        return {"code": 200, "message": "password changed, log in again"}

    def update_password(self, caller: Caller, new_enc: str | None,
                        old_enc: str | None) -> dict[str, Any]:
        """updatePassword(newPassword, oldPassword); other sessions are signed out. The old
        password is the proof; an account without one needs a recent proof instead
        (docs/step-up.md)."""
        core = self.core
        auth = core.authenticate(caller)
        if not auth.user["password_hash"]:
            auth = core.proven(caller)
        new = core.decrypt(new_enc, "newPassword")
        passwords.check_policy(new)
        if auth.user["password_hash"]:
            if not old_enc:
                raise PoolError(errors.OLD_PASSWORD_REQUIRED, "the current password is required")
            old = core.decrypt(old_enc, "oldPassword")
            if not self._prove_password(auth.user, old):
                raise PoolError(errors.OLD_PASSWORD_WRONG, "the current password is wrong")
        hashed, level = _new_password(new)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            self._set_password(conn, auth.user["id"], hashed, level)
            core.revoke_all(conn, auth.user["id"], keep_jti=auth.jti)
            return core.auth_view(conn, auth)

        return core.write(run)
