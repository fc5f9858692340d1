"""Second-factor operations (docs/protocol.md, second factor): v2 TOTP enrolment and removal,
completing a challenged sign-in with a TOTP, the recovery code, an SMS or an email code, and the
v3 factor API for enrolling SMS / email factors. Their routes: `mfa_routes`.

Tokens: "L" routes take the v2 login token, "M" routes the mfaToken of a 1635/1636 challenge
(``Bearer <jwt>`` or the bare JWT). An mfaToken may enrol a factor only for an account that has
none (otherwise a password alone could add a factor and pass the challenge with it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import jwt

from authing_desktop.localpool import errors
from authing_desktop.localpool.codes import EMAIL as EMAIL_CHANNEL
from authing_desktop.localpool.codes import SMS as SMS_CHANNEL
from authing_desktop.localpool.codes import SMS_SCENE
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.inputs import check_email, check_phone
from authing_desktop.localpool.login_history import attempt
from authing_desktop.localpool.mfa_factors import (
    APPLICATION,
    EMAIL,
    FACTOR_TYPES,
    OTP,
    RECOVERY_CODE_MISSING,
    SELF,
    SMS,
    TOTP_MISSING,
    Challenge,
    SecondFactors,
)
from authing_desktop.localpool.timefmt import iso
from authing_desktop.localpool.tokens import decode_on
from authing_desktop.localpool.users import Caller, find_by_email, find_by_phone

# Scenes whose codes complete an MFA sign-in / enrol a factor (v2 scene names and v3 channels).
SMS_VERIFY_SCENES = (SMS_SCENE, "CHANNEL_VERIFY_MFA")
EMAIL_VERIFY_SCENES = ("MFA_VERIFY", "CHANNEL_VERIFY_MFA")
BIND_SCENE = "MFA_BIND"
EMAIL_SEND_SCENES = {
    "RESET_PASSWORD": "RESET_PASSWORD", "VERIFY_EMAIL": "VERIFY_EMAIL",
    "CHANGE_EMAIL": "CHANGE_EMAIL", "MFA_VERIFY": "MFA_VERIFY",
    "MFA_VERIFY_CODE": "MFA_VERIFY", "VERIFY_CODE": "VERIFY_CODE",
}
ENROLLMENT_LIFETIME_S = 300.0
ENROLL_PURPOSE = "mfa-enroll"


def _source(body: dict[str, Any]) -> str:
    source = body.get("source") or SELF
    if source not in (SELF, APPLICATION):
        raise PoolError(errors.BAD_ARGUMENT, "source must be SELF or APPLICATION")
    return str(source)


def _authenticator_type(body: dict[str, Any]) -> None:
    # Both spellings occur in the wild (docs/protocol.md, TOTP enrolment).
    kind = body.get("authenticator_type", body.get("authenticatorType", "totp"))
    if kind != "totp":
        raise PoolError(errors.BAD_ARGUMENT, "authenticator_type must be totp")


class MfaService:
    """The blocking MFA operations (run on database worker threads)."""

    def __init__(self, features: PoolFeatures) -> None:
        self.features = features
        self.db = features.core.db
        self.factors: SecondFactors = features.core.second_factors

    # ================================================================= principals
    def _login_user(self, conn: sqlite3.Connection, token: str | None) -> sqlite3.Row:
        return self.features.core.tokens.authenticate(conn, token).user

    def _proven_user(self, conn: sqlite3.Connection, caller: Caller) -> sqlite3.Row:
        """The login token's user, for a sensitive change (docs/step-up.md)."""
        auth = self.features.core.tokens.authenticate(conn, caller.token)
        self.features.core.require_recent_proof(conn, auth.user["id"], auth.jti, caller)
        return auth.user

    def _principal(self, conn: sqlite3.Connection,
                   token: str | None) -> tuple[sqlite3.Row, Challenge | None]:
        """The user of a login token ("L") or of an mfaToken ("M")."""
        try:
            return self._login_user(conn, token), None
        except PoolError as login_error:
            try:
                challenge = self.factors.read_token(token)
            except PoolError:
                raise login_error from None
            row = conn.execute("SELECT * FROM users WHERE id = ?",
                               (challenge.user_id,)).fetchone()
            if row is None:
                raise PoolError(errors.NOT_LOGGED_IN, "the user no longer exists") from None
            return row, challenge

    def _may_enrol(self, conn: sqlite3.Connection, user: sqlite3.Row,
                   challenge: Challenge | None) -> None:
        if challenge is not None and self.factors.has_mfa(conn, user["id"]):
            raise PoolError(errors.NO_PERMISSION,
                            "sign in to change the second factors of this account")

    def _issuer(self, conn: sqlite3.Connection) -> str:
        row = conn.execute("SELECT name FROM applications WHERE id = ?",
                           (self.features.core.identity.app_id,)).fetchone()
        return str(row["name"]) if row else "Authing"

    # ================================================================= TOTP enrolment
    def list_authenticators(self, token: str | None, kind: str | None,
                            source: str | None) -> list[dict[str, Any]]:
        """Spec 6.2a. The secret and recovery code are never listed (local choice)."""
        if kind not in (None, "", "totp"):
            raise PoolError(errors.BAD_ARGUMENT, "type must be totp")

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            user, _ = self._principal(conn, token)
            row = self.factors.factor(conn, user["id"], OTP)
            if row is None or not row["enabled"] or (source and row["source"] != source
                                                     and source != APPLICATION):
                return []
            return [{"id": row["id"], "createdAt": iso(row["created_at"]),
                     "updatedAt": iso(row["updated_at"]), "userId": user["id"],
                     "enable": True, "secret": None, "authenticatorType": "totp",
                     "recoveryCode": None, "source": row["source"]}]

        return self.db.read(run)

    def associate(self, token: str | None, body: dict[str, Any]) -> dict[str, Any]:
        """Spec 6.2b."""
        _authenticator_type(body)
        source = _source(body)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            user, challenge = self._principal(conn, token)
            self._may_enrol(conn, user, challenge)
            return self.factors.associate_totp(conn, user, source, self._issuer(conn))

        return self.db.write(run)

    def confirm(self, caller: Caller, token: str | None,
                body: dict[str, Any]) -> dict[str, Any] | None:
        """Spec 6.2c; with an mfaToken and ``source: APPLICATION`` it also signs in (the user
        with a token), otherwise None."""
        _authenticator_type(body)
        source = _source(body)
        totp = body.get("totp")

        def run(conn: sqlite3.Connection) -> dict[str, Any] | PoolError | None:
            user, challenge = self._principal(conn, token)
            self._may_enrol(conn, user, challenge)
            problem = self.factors.confirm_totp(conn, user["id"],
                                                totp if isinstance(totp, str) else None)
            if problem is not None:
                return problem
            if challenge is not None and source == APPLICATION:
                self.factors.close_challenge(conn, challenge)
                with attempt(challenge.method, "totp"):
                    return self.features.core.login_result(conn, user["id"], caller,
                                                      second_factor_passed=True)
            return None

        result = self.db.write(run)
        if isinstance(result, PoolError):
            raise result
        return result

    def remove_totp(self, caller: Caller) -> None:
        """Spec 6.2d (login token only, with a recent proof)."""
        def run(conn: sqlite3.Connection) -> bool:
            user = self._proven_user(conn, caller)
            return self.factors.remove(conn, user["id"], factor_type=OTP)

        if not self.db.write(run):
            raise PoolError(errors.NOT_FOUND, "no authenticator is bound to this account")

    # ================================================================= sign-in completion
    def complete(self, caller: Caller, mfa_token: str | None, second_factor: str,
                 check: Callable[[sqlite3.Connection, Challenge], PoolError | None],
                 ) -> dict[str, Any]:
        """Finish a challenged sign-in when ``check`` (run in the write transaction) finds no
        problem: the challenge's tries and the account's second-factor limit counted, the
        sign-in recorded with ``second_factor``; the user with a new login token."""
        challenge = self.factors.read_token(mfa_token)

        def run(conn: sqlite3.Connection) -> dict[str, Any] | PoolError:
            problem = self.factors.open_challenge(conn, challenge)
            if problem is not None:
                return problem
            user = conn.execute("SELECT * FROM users WHERE id = ?",
                                (challenge.user_id,)).fetchone()
            if user is None:
                return PoolError(errors.USER_NOT_FOUND, "user does not exist")
            if user["blocked"] or user["status"] != "Activated":
                return PoolError(errors.USER_LOCKED, "this account is blocked")
            locked = self.features.core.limits.begin_second_factor(conn, user["id"])
            if locked is not None:
                return locked
            problem = check(conn, challenge)
            if problem is not None:
                self.factors.fail_challenge(conn, challenge)
                return self.features.core.limits.second_factor_failed(conn, user["id"], problem)
            self.features.core.limits.second_factor_passed(conn, user["id"])
            self.factors.close_challenge(conn, challenge)
            with attempt(challenge.method, second_factor):
                return self.features.core.login_result(conn, challenge.user_id, caller,
                                                  second_factor_passed=True)

        result = self.db.write(run)
        if isinstance(result, PoolError):
            self.features.core.history.failed(
                self.db, kind=None, value=None, method=challenge.method, caller=caller,
                client_ip=None, error=result, user_id=challenge.user_id,
                second_factor=second_factor)
            raise result
        return result

    def verify_totp(self, caller: Caller, mfa_token: str | None, totp: Any) -> dict[str, Any]:
        """Spec 6.2e / e′: the user with a new login token."""
        if not isinstance(totp, str) or not totp.strip():
            raise PoolError(TOTP_MISSING, "the authenticator code is required")
        return self.complete(caller, mfa_token, "totp",
                              lambda conn, ch: self.factors.check_totp(conn, ch.user_id, totp))

    def verify_recovery(self, caller: Caller, mfa_token: str | None,
                        code: Any) -> tuple[dict[str, Any], str]:
        """Spec 6.2f: the user with a new login token, and the next recovery code (the used
        one is gone)."""
        if not isinstance(code, str) or not code.strip():
            raise PoolError(RECOVERY_CODE_MISSING, "the recovery code is required")
        fresh: list[str] = []

        def check(conn: sqlite3.Connection, challenge: Challenge) -> PoolError | None:
            new_code, problem = self.factors.use_recovery_code(conn, challenge.user_id, code)
            if new_code is not None:
                fresh.append(new_code)
            return problem

        user = self.complete(caller, mfa_token, "recovery_code", check)
        return user, fresh[0]

    # ================================================================= recovery code [local]
    def recovery_code_state(self, token: str | None) -> dict[str, Any]:
        """Whether the signed-in user's authenticator has a recovery code and when it was made
        (docs/protocol.md, "Recovery code state"); never the code."""
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            user = self._login_user(conn, token)
            state = self.factors.recovery_state(conn, user["id"])
            made = state["created_at"]
            return {"exists": state["exists"], "createdAt": iso(made)}

        return self.db.read(run)

    def regenerate_recovery_code(self, token: str | None, totp: Any) -> dict[str, Any]:
        """A new recovery code, returned once; the old one dies in the same transaction. A
        current authenticator code is the fresh proof (a login token alone must not mint a code
        that passes the second step); wrong codes count toward the account's second-factor
        limit, as at sign-in."""
        limits = self.features.core.limits

        def run(conn: sqlite3.Connection) -> dict[str, Any] | PoolError:
            user = self._login_user(conn, token)
            row = self.factors.factor(conn, user["id"], OTP)
            if row is None or not row["enabled"]:
                return PoolError(errors.NOT_FOUND, "no authenticator is bound to this account")
            locked = limits.begin_second_factor(conn, user["id"])
            if locked is not None:
                return locked
            problem = self.factors.check_totp(conn, user["id"],
                                              totp if isinstance(totp, str) else None)
            if problem is not None:
                return limits.second_factor_failed(conn, user["id"], problem)
            limits.second_factor_passed(conn, user["id"])
            fresh = self.factors.replace_recovery_code(conn, row["id"])
            made = self.factors.recovery_state(conn, user["id"])["created_at"]
            return {"recoveryCode": fresh, "createdAt": iso(made)}

        result = self.db.write(run)
        if isinstance(result, PoolError):
            raise result
        return result

    def _target_check(self, factor_type: str, channel: str, target: str, code: Any,
                      scenes: tuple[str, ...],
                      ) -> Callable[[sqlite3.Connection, Challenge], PoolError | None]:
        def check(conn: sqlite3.Connection, challenge: Challenge) -> PoolError | None:
            row = self.factors.factor(conn, challenge.user_id, factor_type)
            if row is None or not row["enabled"]:
                return PoolError(errors.NO_PERMISSION,
                                 f"no {factor_type.lower()} second factor is set up")
            same = (row["target"].lower() == target.lower() if factor_type == EMAIL
                    else row["target"] == target)
            if not same:
                return PoolError(errors.WRONG_CODE,
                                 "the code was not sent to this account's second factor")
            return self.features.core.codes.verify(conn, channel, target,
                                              code if isinstance(code, str) else None, scenes)

        return check

    def verify_sms(self, caller: Caller, mfa_token: str | None, phone: Any,
                   code: Any) -> dict[str, Any]:
        """Spec 6.2g."""
        target = check_phone(phone if isinstance(phone, str) else None)
        return self.complete(caller, mfa_token, "sms", self._target_check(
            SMS, SMS_CHANNEL, target, code, SMS_VERIFY_SCENES))

    def verify_email(self, caller: Caller, mfa_token: str | None, email: Any,
                     code: Any) -> dict[str, Any]:
        """Spec 6.2h."""
        target = check_email(email if isinstance(email, str) else None)
        return self.complete(caller, mfa_token, "email", self._target_check(
            EMAIL, EMAIL_CHANNEL, target, code, EMAIL_VERIFY_SCENES))

    def bindable(self, mfa_token: str | None, phone: Any, email: Any) -> bool:
        """Spec 6.2i: whether no other account uses this phone / email."""
        challenge = self.factors.read_token(mfa_token)

        def run(conn: sqlite3.Connection) -> bool:
            if isinstance(phone, str) and phone:
                holder = find_by_phone(conn, check_phone(phone))
            elif isinstance(email, str) and email:
                holder = find_by_email(conn, check_email(email))
            else:
                raise PoolError(errors.PARAMS_INCOMPLETE, "phone or email is required")
            return holder is None or holder["id"] == challenge.user_id

        return self.db.read(run)

    def send_email(self, email: Any, scene: Any) -> None:
        """v2 ``email/send`` (``MFA_VERIFY_CODE`` is an alias of ``MFA_VERIFY``)."""
        stored = EMAIL_SEND_SCENES.get(scene) if isinstance(scene, str) else None
        if stored is None:
            raise PoolError(errors.BAD_ARGUMENT,
                            f"scene must be one of {', '.join(sorted(EMAIL_SEND_SCENES))}")
        self.features.contacts.send_email(email if isinstance(email, str) else None, stored)

    # ================================================================= v3 factors
    def _enrollment_key(self) -> str:
        return self.features.core.identity.app_secret + ":" + ENROLL_PURPOSE

    def send_enroll_request(self, token: str | None, body: dict[str, Any]) -> dict[str, Any]:
        """``send-enroll-factor-request``: SMS / EMAIL send a code to the target; OTP starts a
        TOTP enrolment (``otpData``). The enrollmentToken names user, factor and target."""
        factor_type = body.get("factorType")
        if factor_type not in FACTOR_TYPES:
            raise PoolError(errors.BAD_ARGUMENT, "factorType must be OTP, SMS or EMAIL")
        profile = body.get("profile") or {}
        if not isinstance(profile, dict):
            raise PoolError(errors.BAD_ARGUMENT, "profile must be an object")
        target: str | None = None
        if factor_type == SMS:
            target = check_phone(profile.get("phoneNumber"))
        elif factor_type == EMAIL:
            target = check_email(profile.get("email"))

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            user = self._login_user(conn, token)
            data: dict[str, Any] = {}
            if factor_type == OTP:
                otp = self.factors.associate_totp(conn, user, SELF, self._issuer(conn))
                data["otpData"] = {"qrCodeUri": otp["qrcode_uri"],
                                   "qrCodeDataUrl": otp["qrcode_data_url"],
                                   "secret": otp["secret"], "recoveryCode": otp["recovery_code"]}
            elif target is not None:
                channel = SMS_CHANNEL if factor_type == SMS else EMAIL_CHANNEL
                self.features.core.codes.send(conn, channel, target, BIND_SCENE)
            now = int(self.features.core.clock.now())
            data["enrollmentToken"] = jwt.encode(
                {"purpose": ENROLL_PURPOSE, "sub": user["id"], "factorType": factor_type,
                 "target": target, "iat": now, "exp": now + int(ENROLLMENT_LIFETIME_S)},
                self._enrollment_key(), "HS256")
            return data

        return self.db.write(run)

    def enroll(self, token: str | None, body: dict[str, Any]) -> None:
        """``enroll-factor``: finish with the code (``enrollmentData.passCode``)."""
        enrollment = body.get("enrollmentToken")
        try:
            claims = decode_on(self.features.core.clock,
                               enrollment if isinstance(enrollment, str) else "",
                               self._enrollment_key(), algorithms=["HS256"],
                               require=["exp", "sub"])
        except jwt.PyJWTError as exc:
            raise PoolError(errors.TOKEN_INVALID,
                            "the enrollment expired or is invalid: start again") from exc
        if claims.get("purpose") != ENROLL_PURPOSE or claims.get("factorType") != \
                body.get("factorType"):
            raise PoolError(errors.TOKEN_INVALID, "the enrollment token is for another factor")
        data = body.get("enrollmentData") or {}
        pass_code = data.get("passCode") if isinstance(data, dict) else None
        factor_type = str(claims["factorType"])

        def run(conn: sqlite3.Connection) -> PoolError | None:
            user = self._login_user(conn, token)
            if user["id"] != claims["sub"]:
                return PoolError(errors.TOKEN_INVALID, "the enrollment is another user's")
            if factor_type == OTP:
                return self.factors.confirm_totp(
                    conn, user["id"], pass_code if isinstance(pass_code, str) else None)
            target = str(claims["target"])
            channel = SMS_CHANNEL if factor_type == SMS else EMAIL_CHANNEL
            problem = self.features.core.codes.verify(
                conn, channel, target, pass_code if isinstance(pass_code, str) else None,
                (BIND_SCENE,))
            if problem is None:
                self.factors.enroll_target(conn, user["id"], factor_type, target)
            return problem

        problem = self.db.write(run)
        if problem is not None:
            raise problem

    def reset_factor(self, caller: Caller, factor_id: Any) -> None:
        """``reset-factor``: remove one enrolled factor (404 when it is not the user's), with
        a recent proof."""
        if not isinstance(factor_id, str) or not factor_id:
            raise PoolError(errors.PARAMS_INCOMPLETE, "factorId is required")

        def run(conn: sqlite3.Connection) -> bool:
            user = self._proven_user(conn, caller)
            return self.factors.remove(conn, user["id"], factor_id=factor_id)

        if not self.db.write(run):
            raise PoolError(errors.NOT_FOUND, "no such factor")

    def enrolled(self, token: str | None) -> list[dict[str, Any]]:
        """``list-enrolled-factors``."""
        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            user = self._login_user(conn, token)
            return [self.factors.factor_view(row)
                    for row in self.factors.enabled(conn, user["id"])]

        return self.db.read(run)

    def to_enroll(self, token: str | None) -> list[dict[str, Any]]:
        """``list-factors-to-enroll``: the kinds the user has not enabled yet."""
        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            user = self._login_user(conn, token)
            have = {row["factor_type"] for row in self.factors.enabled(conn, user["id"])}
            return [{"factorType": kind} for kind in FACTOR_TYPES if kind not in have]

        return self.db.read(run)
