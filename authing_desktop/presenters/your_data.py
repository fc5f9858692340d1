"""The "Your data" view model: export everything to JSON + CSV with progress, and delete my
account (a proof - password, SMS code or email code - plus the account name typed out; then the
session ends: keychain entry gone, back at sign-in)."""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Awaitable, Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.presenters.step_up import EXPORT_ACTION
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.services.data_export import ExportResult

SessionEnder = Callable[[str], Awaitable[None]]


class YourDataAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    EXPORT = "yourData.export"
    SEND = "yourData.send"
    DELETE = "yourData.delete"


class Proof(enum.Enum):
    """How the deletion is proven; the value is the widget-name suffix."""

    PASSWORD = "password"  # noqa: S105 - a method name, not a secret
    SMS = "sms"
    EMAIL = "email"


class YourDataPresenter(AccountPresenter):
    """``export_progress`` carries ``(done, total, section)``; ``exported`` the
    `ExportResult`; ``code_sent`` the `Proof` a code went out for; ``deleted`` fires once the
    account is gone (after the session was ended with ``end_session``)."""

    export_progress = Signal(int, int, str)
    exported = Signal(object)
    code_sent = Signal(object)
    deleted = Signal()

    def __init__(self, session: AccountSession, tasks: TaskRunner, *,
                 end_session: SessionEnder | None = None, cooldown_seconds: int = 60,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self._end_session = end_session
        self.cooldown = CodeCooldown(cooldown_seconds, parent=self)
        self.last_export: ExportResult | None = None

    # ------------------------------------------------------------------ state

    def proofs(self) -> tuple[Proof, ...]:
        """The proofs this account can give (a code needs a bound phone / email)."""
        user = self._session.user
        found = [Proof.PASSWORD]
        if user is not None and user.phone:
            found.append(Proof.SMS)
        if user is not None and user.email:
            found.append(Proof.EMAIL)
        return tuple(found)

    @property
    def confirmation_text(self) -> str:
        """What the user types to confirm: the email, else username, else phone."""
        user = self._session.user
        if user is None:
            return ""
        return user.email or user.username or user.phone or user.id

    def confirmation_matches(self, typed: str) -> bool:
        expected = self.confirmation_text
        return bool(expected) and typed.strip().casefold() == expected.casefold()

    # ---------------------------------------------------------------- intents

    def export(self, directory: str | Path) -> asyncio.Task[ExportResult | None]:
        return self.start(self._export(Path(directory)), name=YourDataAction.EXPORT)

    def send_code(self, proof: Proof) -> asyncio.Task[bool | None]:
        return self.start(self._send_code(proof), name=YourDataAction.SEND)

    def delete(self, proof: Proof, secret: str, confirmation: str) -> asyncio.Task[bool | None]:
        """``secret`` is the password or the code, per ``proof``."""
        return self.start(self._delete(proof, secret, confirmation), name=YourDataAction.DELETE)

    # -------------------------------------------------------------- internals

    async def _export(self, directory: Path) -> ExportResult:
        from authing_desktop.services.data_export import DataExporter
        from authing_desktop.services.errors import UserFacingError

        if not directory.is_dir():
            raise UserFacingError(self.tr("Choose an existing folder to export to."))
        # The pool cannot refuse reads: the app asks for a recent proof itself
        # (docs/step-up.md).
        if not await self._session.confirm_it_is_you(EXPORT_ACTION):
            raise UserFacingError(self.tr(
                "You need to confirm it's you to export your data. Try again and enter your "
                "password or a code."))
        exporter = DataExporter(self._session.client)
        try:
            result = await exporter.export(directory, self.export_progress.emit)
        except OSError as error:
            raise UserFacingError(self.tr("The files could not be written: {reason}").format(
                reason=error.strerror or type(error).__name__)) from error
        self.last_export = result
        self.exported.emit(result)
        return result

    async def _send_code(self, proof: Proof) -> bool:
        user = self._session.user
        if user is None or proof is Proof.PASSWORD or self.cooldown.active:
            return False
        client = self._session.client
        with self.cooldown.follow_refusal():
            if proof is Proof.SMS and user.phone:
                await client.send_delete_account_sms(user.phone)
            elif proof is Proof.EMAIL and user.email:
                await client.send_delete_account_email(user.email)
            else:
                return False
        self.cooldown.start()
        self.code_sent.emit(proof)
        return True

    async def _delete(self, proof: Proof, secret: str, confirmation: str) -> bool:
        from authing_desktop.api.errors import AuthingError

        errors: dict[str, str] = {}
        field = "password" if proof is Proof.PASSWORD else "code"
        if proof not in self.proofs():
            errors[field] = self.tr("This proof is not available for your account.")
        elif not secret.strip():
            errors[field] = (self.tr("Please enter your password.") if proof is Proof.PASSWORD
                             else self.tr("Please enter the verification code."))
        if not self.confirmation_matches(confirmation):
            errors["confirmation"] = self.tr("Type {text} exactly to confirm.").format(
                text=self.confirmation_text)
        self.set_field_errors(errors)
        if errors:
            return False
        user = self._session.user
        client = self._session.client
        try:
            if proof is Proof.PASSWORD:
                ticket = await client.verify_delete_account_by_password(secret)
            elif proof is Proof.SMS:
                ticket = await client.verify_delete_account_by_phone(
                    str(user.phone if user else ""), secret.strip())
            else:
                ticket = await client.verify_delete_account_by_email(
                    secret.strip(), user.email if user else None)
        except AuthingError as error:
            wrong = ErrorGroup.WRONG_PASSWORD if proof is Proof.PASSWORD else ErrorGroup.WRONG_CODE
            if in_group(error.code, wrong):
                self.set_field_errors({field: self._tasks.describe(error) or ""})
                return False
            raise
        await client.delete_account(str(ticket.delete_account_token))
        if self._end_session is not None:
            await self._end_session(self.tr("Your account was deleted. You are signed out."))
        self.deleted.emit()
        return True
