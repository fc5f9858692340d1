"""The second step of a sign-in held up with 1635 / 1636 (`MfaChallenge`): answer it with the
authenticator app's code, the recovery code (which hands out a NEW one, shown once), an SMS
or email code sent to the factor's phone / email, or a touch of a security key (when the
account has one and the connection accepts it: `api.passkey_origin`). Used by the sign-in
presenter for every sign-in method."""

from __future__ import annotations

import asyncio
import enum
import re
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.presenters.form import FormPresenter
from authing_desktop.presenters.identifier_checks import SIX_DIGITS
from authing_desktop.services.passkeys import Passkeys
from authing_desktop.services.security_key_errors import KeyProblem, problem_text
from authing_desktop.services.security_keys import PinAsker
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import User
    from authing_desktop.api.self_service_models import MfaChallenge

_RECOVERY = re.compile(r"[A-Za-z0-9-]{6,64}")


class Factor(enum.Enum):
    """How the challenge is answered; the value is the widget-name suffix."""

    TOTP = "totp"
    RECOVERY = "recovery"
    SMS = "sms"
    EMAIL = "email"
    SECURITY_KEY = "securityKey"

    @property
    def sends_code(self) -> bool:
        return self in (Factor.SMS, Factor.EMAIL)

    @property
    def takes_code(self) -> bool:
        return self is not Factor.SECURITY_KEY


def factors_of(challenge: MfaChallenge, *, security_key: bool = False) -> tuple[Factor, ...]:
    """The answers the challenge accepts, in the server's order (an authenticator also
    accepts its recovery code; SMS / email need the factor's phone / email; a security key
    needs the account to have one and ``security_key``: this connection can finish it)."""
    factors: list[Factor] = []
    for kind in challenge.factors:
        if kind == "OTP":
            factors += [Factor.TOTP, Factor.RECOVERY]
        elif kind == "SMS" and challenge.mfa_phone:
            factors.append(Factor.SMS)
        elif kind == "EMAIL" and challenge.mfa_email:
            factors.append(Factor.EMAIL)
        elif kind == "PASSKEY" and security_key and challenge.passkey_enabled is not False:
            factors.append(Factor.SECURITY_KEY)
    if security_key and challenge.passkey_enabled and Factor.SECURITY_KEY not in factors:
        factors.append(Factor.SECURITY_KEY)
    return tuple(dict.fromkeys(factors))


def mask_phone(phone: str) -> str:
    """``138****8000``: enough to recognise the number, not to read it off a screenshot."""
    if len(phone) < 7:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_email(email: str) -> str:
    """``d***@example.com``."""
    name, at, domain = email.partition("@")
    if not at or not name:
        return email
    return f"{name[0]}***@{domain}"


class SecondFactorPresenter(FormPresenter):
    """One challenge. ``completed`` carries the signed-in `User`; ``factor_changed`` the
    `Factor`; ``challenge_dead`` the text to show when the challenge expired (sign in again).
    After a recovery-code answer, `new_recovery_code` holds the next code: show it once."""

    completed = Signal(object)
    factor_changed = Signal(object)
    challenge_dead = Signal(str)
    touch_requested = Signal()

    def __init__(self, client: AuthenticationClient, challenge: MfaChallenge,
                 tasks: TaskRunner, *, cooldown: CodeCooldown | None = None,
                 passkeys: Passkeys | None = None, pin: PinAsker | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._client = client
        self._challenge = challenge
        self._passkeys = passkeys
        self.pin = pin
        self.factors = factors_of(challenge, security_key=bool(
            passkeys is not None and passkeys.second_factor_available))
        self._factor = self.factors[0] if self.factors else Factor.TOTP
        self.cooldown = cooldown if cooldown is not None else CodeCooldown(parent=self)
        self.user: User | None = None
        self.new_recovery_code = ""
        self.dead = False

    # ------------------------------------------------------------------ state

    @property
    def factor(self) -> Factor:
        return self._factor

    @property
    def account(self) -> str:
        """Whose sign-in this is (for the dialog's intro)."""
        challenge = self._challenge
        return (challenge.email or challenge.username or challenge.phone
                or challenge.nickname or "")

    def destination(self, factor: Factor | None = None) -> str:
        """Where an SMS / email code goes, masked for display ("" for the others)."""
        factor = factor or self._factor
        if factor is Factor.SMS and self._challenge.mfa_phone:
            return mask_phone(self._challenge.mfa_phone)
        if factor is Factor.EMAIL and self._challenge.mfa_email:
            return mask_email(self._challenge.mfa_email)
        return ""

    def set_factor(self, factor: Factor) -> None:
        if factor not in self.factors:
            raise ValueError(f"this challenge does not accept {factor.value}")
        if factor is not self._factor:
            self._factor = factor
            self.set_field_errors({})
            self.set_notice("")
            self.factor_changed.emit(factor)

    # ---------------------------------------------------------------- intents

    async def send_code(self) -> bool:
        """Send the SMS / email code of the chosen factor (the cooldown starts on success)."""
        factor = self._factor
        if not factor.sends_code or self.cooldown.active or self.dead:
            return False
        self.set_notice("")
        with self.cooldown.follow_refusal():
            if factor is Factor.SMS:
                await self._client.send_mfa_sms_code(str(self._challenge.mfa_phone))
            else:
                await self._client.send_mfa_email_code(str(self._challenge.mfa_email))
        self.cooldown.start()
        self.set_notice(QCoreApplication.translate(
            "SecondFactorPresenter", "A code was sent to {destination}.").format(
                destination=self.destination(factor)))
        return True

    async def verify(self, code: str) -> User | None:
        """Answer the challenge with ``code`` (ignored for a security key, which is touched
        instead); the `User` (with token) when accepted, None when the answer is wrong (said
        inline) or the challenge is dead."""
        from authing_desktop.api.errors import AuthingError

        if self.dead:
            return None
        if self._factor is Factor.SECURITY_KEY:
            return await self._verify_with_key()
        value, problem = self._check(code)
        self.set_field_errors({"code": problem} if problem else {})
        if problem:
            return None
        try:
            user = await self._answer(value)
        except AuthingError as error:
            text = self._tasks.describe(error) or ""
            if in_group(error.code, ErrorGroup.WRONG_CODE):
                self.set_field_errors({"code": text})
                return None
            if in_group(error.code, ErrorGroup.CHALLENGE_ENDED):
                self.dead = True
                self.challenge_dead.emit(text)
            raise
        self.user = user
        self.completed.emit(user)
        return user

    # -------------------------------------------------------------- internals

    async def _verify_with_key(self) -> User | None:
        from authing_desktop.api.errors import AuthingError

        assert self._passkeys is not None  # the factor is offered only with it
        self.set_field_errors({})
        self.set_notice(QCoreApplication.translate(
            "SecondFactorPresenter", "Insert your security key. When it blinks, touch it."))
        try:
            user = await self._passkeys.second_factor(
                self._client, self._challenge.mfa_token, pin=self.pin,
                on_touch=self._touch_now)
        except asyncio.CancelledError:
            self.set_notice(problem_text(KeyProblem.CANCELLED))  # Cancel or Esc
            raise
        except AuthingError as error:
            self.set_notice("")
            if in_group(error.code, ErrorGroup.CHALLENGE_ENDED):
                self.dead = True
                self.challenge_dead.emit(self._tasks.describe(error) or "")
            raise
        except BaseException:
            self.set_notice("")
            raise
        self.set_notice("")
        self.user = user
        self.completed.emit(user)
        return user

    def _touch_now(self) -> None:
        self.set_notice(QCoreApplication.translate("SecondFactorPresenter",
                                                   "Touch your security key now."))
        self.touch_requested.emit()

    def _check(self, code: str) -> tuple[str, str]:
        value = code.strip().replace(" ", "")
        if self._factor is Factor.RECOVERY:
            if not value:
                return "", QCoreApplication.translate(
                    "SecondFactorPresenter", "Please enter your recovery code.")
            if not _RECOVERY.fullmatch(value):
                return value, QCoreApplication.translate(
                    "SecondFactorPresenter", "A recovery code has letters, digits and dashes.")
            return value, ""
        if not value:
            return "", QCoreApplication.translate("SecondFactorPresenter",
                                                  "Please enter the code.")
        if not SIX_DIGITS.fullmatch(value):
            return value, QCoreApplication.translate("SecondFactorPresenter",
                                                     "The code has 6 digits.")
        return value, ""

    async def _answer(self, value: str) -> User:
        token = self._challenge.mfa_token
        factor = self._factor
        if factor is Factor.TOTP:
            return await self._client.verify_totp_mfa(token, value)
        if factor is Factor.RECOVERY:
            result = await self._client.verify_totp_recovery_code(token, value)
            self.new_recovery_code = result.recovery_code
            return result.user
        if factor is Factor.SMS:
            return await self._client.verify_app_sms_mfa(
                token, str(self._challenge.mfa_phone), value)
        return await self._client.verify_app_email_mfa(
            token, str(self._challenge.mfa_email), value)


class SecondFactorAsker(Protocol):
    """Shows the second step (the view's dialog) bound to ``presenter`` and returns the
    signed-in user, or None when the user gave up or the challenge died."""

    async def ask_second_factor(self, presenter: SecondFactorPresenter) -> User | None: ...
