"""The new-password dialog of a first sign-in (1639) or a forced reset (2058).

Opened with ``open()`` and awaited through a future (never ``exec()``: a nested Qt loop breaks
the qasync loop). It stays open, showing the error, until the new password is accepted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.identifier_checks import check_new_password
from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.sign_in import NewPasswordApplier, ResetReason
from authing_desktop.services.errors import describe_expected_error
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.password_field import PasswordField

KEY = "resetPassword"


class ResetPasswordDialog(QDialog):
    """Asks for a new password twice and applies it with ``apply`` (an api call)."""

    def __init__(self, reason: ResetReason, account: str, apply: NewPasswordApplier,
                 strength: PasswordStrengthPresenter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._apply = apply
        self._task: asyncio.Task[Any] | None = None
        self.new_password = ""
        self.setWindowTitle(self.tr("Set a new password"))
        if reason is ResetReason.FIRST_LOGIN:
            text = self.tr("This is the first sign-in of {account}: please choose your own "
                           "password.")
        else:
            text = self.tr("The password of {account} must be changed before you can sign in.")
        self.intro = QLabel(text.format(account=account))
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        self.password = PasswordField(KEY, "password", self.tr("New password"), strength)
        self.confirm = PasswordField(KEY, "confirm", self.tr("Repeat the new password"))
        self.password_error = _error_label(f"{KEY}.passwordError")
        self.confirm_error = _error_label(f"{KEY}.confirmError")
        self.error = _error_label(f"{KEY}.error")
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{KEY}.busy")
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(4)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                       | QDialogButtonBox.StandardButton.Cancel)
        self.submit = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.submit.setObjectName(f"{KEY}.submit")
        self.submit.setText(self.tr("Set password and sign in"))
        self.submit.setAccessibleName(self.submit.text())
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName(f"{KEY}.cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow("", self.password_error)
        form.addRow(self.tr("Repeat it"), self.confirm)
        form.addRow("", self.confirm_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if self._task is not None and not self._task.done():
            return
        password, confirm = self.password.text(), self.confirm.text()
        errors = check_new_password(password, confirm)
        _show(self.password_error, errors.get("password", ""))
        _show(self.confirm_error, errors.get("confirm", ""))
        _show(self.error, "")
        if errors:
            return
        self._task = asyncio.get_running_loop().create_task(self._run(password))

    async def _run(self, password: str) -> None:
        self._set_busy(True)
        try:
            await self._apply(password)
        except Exception as error:
            text = describe_expected_error(error)
            if text is None:
                raise
            detail = getattr(error, "message", "")
            _show(self.error, f"{text}\n{detail}" if detail and detail != text else text)
            return
        finally:
            self._set_busy(False)
        self.new_password = password
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.submit.setEnabled(not busy)

    def reject(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().reject()


class DialogPasswordResetAsker:
    """The sign-in presenter's `PasswordResetAsker`: the dialog above, awaited."""

    def __init__(self, parent: QWidget,
                 strength: Callable[[], PasswordStrengthPresenter] | None = None) -> None:
        self._parent = parent
        self._strength = strength
        self.dialog: ResetPasswordDialog | None = None

    async def ask_new_password(self, reason: ResetReason, account: str,
                               apply: NewPasswordApplier) -> str | None:
        strength = self._strength() if self._strength is not None else None
        dialog = ResetPasswordDialog(reason, account, apply, strength, self._parent)
        if strength is not None:
            strength.setParent(dialog)
        self.dialog = dialog
        try:
            result = await open_and_wait(dialog)
            new_password = dialog.new_password
        finally:
            self.dialog = None
        if result != QDialog.DialogCode.Accepted.value:
            return None
        return new_password


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_tone(label, "error")
    label.setVisible(False)
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
