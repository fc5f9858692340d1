"""Confirming it's you before a sensitive change (docs/step-up.md): the view model of the
step-up dialog. It says what the proof is for, offers the proofs the account can give
(password, authenticator code, SMS code to the bound phone, email code to the bound email, a
touch of one of its security keys), sends codes behind a cooldown and turns the answer into a
step-up proof (``proof``; None until ``proven`` fired). The key's ceremony runs in
`services.passkeys` (off the UI thread); its PIN is asked through ``pin``."""

from __future__ import annotations

import asyncio
import contextlib
import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.api.step_up import StepUpMethod, StepUpNeed, StepUpProof
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.passkeys import Passkeys
from authing_desktop.services.security_key_errors import KeyProblem, SecurityKeyError
from authing_desktop.services.security_keys import PinAsker
from authing_desktop.services.tasks import TaskRunner

EXPORT_ACTION = "export-data"
ACCOUNT_LOCKED = frozenset({2005, 2057})
TOTP_FACTOR = "OTP"


class StepUpChoice(enum.Enum):
    """A proof the dialog offers; the value is the `StepUpMethod` it sends."""

    PASSWORD = StepUpMethod.PASSWORD
    TOTP = StepUpMethod.TOTP
    SMS = StepUpMethod.PHONE_PASSCODE
    EMAIL = StepUpMethod.EMAIL_PASSCODE
    PASSKEY = StepUpMethod.PASSKEY


class StepUpAction:
    """Names of the presenter's intents (the task runner keeps one of each)."""

    LOAD = "stepUp.load"
    SEND = "stepUp.send"
    CONFIRM = "stepUp.confirm"


# What each guarded call is for, by the REST path or GraphQL operation that asked
# (docs/step-up.md lists them); the first matching fragment wins.
# object: what QT_TRANSLATE_NOOP returns to a type checker (the text itself, really).
_PURPOSES: tuple[tuple[tuple[str, ...], object], ...] = (
    ((EXPORT_ACTION,), QT_TRANSLATE_NOOP("StepUp", "Export your data")),
    (("mfa/totp/associate", "reset-factor"),
     QT_TRANSLATE_NOOP("StepUp", "Turn off two-step verification")),
    (("webauthn",), QT_TRANSLATE_NOOP("StepUp", "Add or remove a passkey")),
    (("unlink",), QT_TRANSLATE_NOOP("StepUp", "Unlink an account")),
    (("link-extidp",), QT_TRANSLATE_NOOP("StepUp", "Link an account")),
    (("mydevices", "logout"), QT_TRANSLATE_NOOP("StepUp", "Sign out other devices or apps")),
    (("users/delete",), QT_TRANSLATE_NOOP("StepUp", "Delete your account")),
    (("updatePassword",), QT_TRANSLATE_NOOP("StepUp", "Change your password")),
    (("Phone", "phone"), QT_TRANSLATE_NOOP("StepUp", "Change your phone number")),
    (("Email", "email"), QT_TRANSLATE_NOOP("StepUp", "Change your email address")),
)
_ANY_PURPOSE = QT_TRANSLATE_NOOP("StepUp", "Make a sensitive change to your account")


def purpose_of(action: str) -> str:
    """The translated words for what ``action`` (a path, an operation, `EXPORT_ACTION`)
    does."""
    for fragments, text in _PURPOSES:
        if any(fragment in action for fragment in fragments):
            return QCoreApplication.translate("StepUp", str(text))
    return QCoreApplication.translate("StepUp", str(_ANY_PURPOSE))


class StepUpPresenter(AccountPresenter):
    """``choices_changed`` fires when the proofs the account can give are known (`load`);
    ``code_sent`` carries the `StepUpChoice` a code went out for; ``proven`` the
    `StepUpProof`; ``notice_changed`` what to do with the security key now ("" when
    done). ``passkeys``: the key service (without it no key is offered)."""

    choices_changed = Signal()
    code_sent = Signal(object)
    proven = Signal(object)
    notice_changed = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner, need: StepUpNeed, *,
                 passkeys: Passkeys | None = None, cooldown_seconds: int = 60,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.need = need
        self.cooldown = CodeCooldown(cooldown_seconds, parent=self)
        self.proof: StepUpProof | None = None
        self.pin: PinAsker | None = None
        self._passkeys = passkeys
        self._password = True  # until the pool says otherwise
        self._totp = False
        self._keys = False

    # ------------------------------------------------------------------ state

    @property
    def purpose(self) -> str:
        return purpose_of(self.need.action)

    @property
    def remote(self) -> bool:
        """The pool has no ``stepup/verify``: the password sign-in is re-run instead."""
        return self._session.client.transport.step_up.enforce_locally

    def choices(self) -> tuple[StepUpChoice, ...]:
        """The proofs this account can give (a code needs a bound phone / email; against a
        remote pool only the password)."""
        user = self._session.user
        found = [StepUpChoice.PASSWORD] if self._password or self.remote else []
        if self.remote:
            return tuple(found)
        if self._totp:
            found.append(StepUpChoice.TOTP)
        if user is not None and user.phone:
            found.append(StepUpChoice.SMS)
        if user is not None and user.email:
            found.append(StepUpChoice.EMAIL)
        if self._keys:
            found.append(StepUpChoice.PASSKEY)
        return tuple(found)

    def destination(self, choice: StepUpChoice) -> str:
        """Where ``choice``'s code goes ("" for the others)."""
        user = self._session.user
        if user is None:
            return ""
        if choice is StepUpChoice.SMS:
            return user.phone or ""
        return (user.email or "") if choice is StepUpChoice.EMAIL else ""

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[bool | None]:
        return self.start(self._load(), name=StepUpAction.LOAD)

    def send_code(self, choice: StepUpChoice) -> asyncio.Task[bool | None]:
        return self.start(self._send_code(choice), name=StepUpAction.SEND)

    def confirm(self, choice: StepUpChoice, secret: str) -> asyncio.Task[bool | None]:
        """``secret``: the password or the code, per ``choice`` (ignored for a key)."""
        return self.start(self._confirm(choice, secret), name=StepUpAction.CONFIRM)

    # -------------------------------------------------------------- internals

    async def _load(self) -> bool:
        client = self._session.client
        info = await client.get_security_info()
        factors = await client.list_enrolled_factors() if info.mfa_enrolled else []
        self._password = info.password_set is not False
        self._totp = any(factor.factor_type == TOTP_FACTOR for factor in factors)
        self._keys = await self._has_keys()
        self.choices_changed.emit()
        return True

    async def _has_keys(self) -> bool:
        from authing_desktop.api.errors import AuthingError

        if self._passkeys is None or self.remote:
            return False
        with contextlib.suppress(AuthingError):  # the other ways are still offered
            return bool(await self._session.client.list_passkeys())
        return False

    async def _send_code(self, choice: StepUpChoice) -> bool:
        where = self.destination(choice)
        if not where or self.cooldown.active:
            return False
        client = self._session.client
        with self.cooldown.follow_refusal():
            if choice is StepUpChoice.SMS:
                await client.send_step_up_sms(where)
            else:
                await client.send_step_up_email(where)
        self.cooldown.start()
        self.code_sent.emit(choice)
        return True

    async def _confirm(self, choice: StepUpChoice, secret: str) -> bool:
        from authing_desktop.api.errors import AuthingError

        field = "password" if choice is StepUpChoice.PASSWORD else "code"
        if choice not in self.choices():
            text = self.tr("This way is not available for your account.")
            if choice is StepUpChoice.PASSKEY:
                self.set_error(text)  # no field of its own
            else:
                self.set_field_errors({field: text})
            return False
        if choice is StepUpChoice.PASSKEY:
            return await self._confirm_with_key()
        if not secret.strip():
            self.set_field_errors({field: self.tr("Please enter your password.")
                                   if choice is StepUpChoice.PASSWORD
                                   else self.tr("Please enter the code.")})
            return False
        self.set_field_errors({})
        value = secret if choice is StepUpChoice.PASSWORD else secret.strip()
        client = self._session.client
        try:
            if self.remote:
                proof = await client.reconfirm_password(self._session.account, value,
                                                        token=self.need.bearer)
            else:
                proof = await client.verify_step_up(
                    choice.value, password=value if choice is StepUpChoice.PASSWORD else None,
                    totp=value if choice is StepUpChoice.TOTP else None,
                    pass_code=value if choice in (StepUpChoice.SMS, StepUpChoice.EMAIL)
                    else None, token=self.need.bearer)
        except AuthingError as error:
            if error.code in ACCOUNT_LOCKED or "locked" in error.message:
                self.set_field_errors({field: self.tr(
                    "Too many wrong tries: this way is locked for a while. Wait a few minutes "
                    "or confirm another way.")})
                return False
            wrong = (ErrorGroup.WRONG_PASSWORD if choice is StepUpChoice.PASSWORD
                     else ErrorGroup.WRONG_CODE)
            if in_group(error.code, wrong):
                self.set_field_errors({field: self.tr(
                    "That password is not right. Try again.") if choice is StepUpChoice.PASSWORD
                    else self.tr("That code is not right. Check it and try again.")})
                return False
            raise
        self._prove(proof)
        return True

    async def _confirm_with_key(self) -> bool:
        from authing_desktop.api.errors import AuthingError

        assert self._passkeys is not None  # the choice is offered only with it
        self.set_field_errors({})
        self.notice_changed.emit(self.tr("Touch your security key when it blinks."))
        try:
            proof = await self._passkeys.step_up(
                self._session.client, token=self.need.bearer, pin=self.pin,
                on_touch=lambda: self.notice_changed.emit(
                    self.tr("Touch your security key now.")))
        except AuthingError as error:
            self.notice_changed.emit("")
            if error.code in ACCOUNT_LOCKED:
                self.set_error(self.tr(
                    "Too many wrong tries: this way is locked for a while. Wait a few minutes "
                    "or confirm another way."))
                return False
            raise
        except SecurityKeyError as error:
            self.notice_changed.emit("")
            if error.problem is not KeyProblem.NOT_REGISTERED:
                raise
            # The sign-in wording ("sign in another way") does not fit here.
            self.set_error(self.tr("This key is not one of your account's keys. Use another "
                                   "key, or confirm another way."))
            return False
        except BaseException:
            self.notice_changed.emit("")
            raise
        self.notice_changed.emit("")
        self._prove(proof)
        return True

    def _prove(self, proof: StepUpProof) -> None:
        self.proof = proof
        self.proven.emit(proof)
