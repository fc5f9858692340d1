"""Two-step verification on the Security page: whether an authenticator (TOTP) is on, enrolling
one (QR code + secret for manual entry, confirmed with a code; the recovery code shown once
after that) and turning it off."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.identifier_checks import check_app_code
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import TotpEnrollment



def secret_groups(secret: str) -> str:
    """The base32 secret in groups of four, easier to type by hand."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


class TwoStepAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "twoStep.load"
    BEGIN = "twoStep.begin"
    CONFIRM = "twoStep.confirm"
    DISABLE = "twoStep.disable"


class TwoStepPresenter(AccountPresenter):
    """``enabled_changed`` carries whether an authenticator is on; ``enrollment_started`` the
    pending `TotpEnrollment` (QR + secret); ``enrolled`` fires once confirmed (the recovery
    code is then `recovery_code`, for the dialog to show once); ``disabled`` after removal."""

    enabled_changed = Signal(bool)
    enrollment_started = Signal(object)
    enrolled = Signal()
    disabled = Signal()

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.enabled: bool | None = None
        self._enrollment: TotpEnrollment | None = None

    # ------------------------------------------------------------------ state

    @property
    def enrollment(self) -> TotpEnrollment | None:
        """The pending enrolment (None when none is under way)."""
        return self._enrollment

    @property
    def otpauth_uri(self) -> str:
        return (self._enrollment.qrcode_uri or "") if self._enrollment else ""

    @property
    def secret(self) -> str:
        return (self._enrollment.secret or "") if self._enrollment else ""

    @property
    def recovery_code(self) -> str:
        """Only after confirmation: the code the user must keep."""
        if self._enrollment is None or not self.enabled:
            return ""
        return self._enrollment.recovery_code or ""

    # ---------------------------------------------------------------- intents

    def load(self, *, name: str = TwoStepAction.LOAD) -> asyncio.Task[bool | None]:
        """``name``: the task's (another's load of the same name cancels it)."""
        return self.start(self._load(), name=name)

    def begin(self) -> asyncio.Task[TotpEnrollment | None]:
        """Start enrolling: a new secret, URI and recovery code (nothing active yet)."""
        return self.start(self._begin(), name=TwoStepAction.BEGIN)

    def confirm(self, code: str) -> asyncio.Task[bool | None]:
        """Turn the pending authenticator on with a code it shows."""
        return self.start(self._confirm(code), name=TwoStepAction.CONFIRM)

    def disable(self) -> asyncio.Task[bool | None]:
        return self.start(self._disable(), name=TwoStepAction.DISABLE)

    def forget_enrollment(self) -> None:
        """The dialog closed: drop the secret and recovery code from memory."""
        self._enrollment = None
        self.set_field_errors({})

    # -------------------------------------------------------------- internals

    def _set_enabled(self, enabled: bool) -> None:
        if enabled != self.enabled:
            self.enabled = enabled
            self.enabled_changed.emit(enabled)

    async def _load(self) -> bool:
        authenticators = await self._session.client.get_mfa_authenticators()
        enabled = any(a.enable is not False for a in authenticators)
        self._set_enabled(enabled)
        return enabled

    async def _begin(self) -> TotpEnrollment:
        self.set_field_errors({})
        enrollment = await self._session.client.associate_mfa_authenticator()
        if not enrollment.secret or not enrollment.qrcode_uri:
            from authing_desktop.api.errors import MalformedResponse

            raise MalformedResponse("the enrolment has no secret or URI")
        self._enrollment = enrollment
        self.enrollment_started.emit(enrollment)
        return enrollment

    async def _confirm(self, code: str) -> bool:
        from authing_desktop.api.errors import AuthingError

        value, problem = check_app_code(code)
        if self._enrollment is None:
            problem = self.tr("Start again: the set-up was closed.")
        self.set_field_errors({"code": problem} if problem else {})
        if problem:
            return False
        try:
            await self._session.client.confirm_associate_mfa_authenticator(value)
        except AuthingError as error:
            if in_group(error.code, ErrorGroup.WRONG_CODE):
                self.set_field_errors({"code": self.tr(
                    "This code does not match. Check the time on your phone and type the "
                    "current code.")})
                return False
            raise
        self._set_enabled(True)
        self.enrolled.emit()
        return True

    async def _disable(self) -> bool:
        await self._session.client.delete_mfa_authenticator()
        self._enrollment = None
        self._set_enabled(False)
        self.disabled.emit()
        return True
