"""Confirm it's you (``stepUp.*``): says what the proof is for and takes one of the proofs the
account can give (password, authenticator code, SMS or email code, a touch of a security
key). Bound to a `StepUpPresenter`; accepted once the proof is given, rejected on cancel.

Opened with ``open()`` (never ``exec()``): `step_up_asker.DialogStepUpAsker` awaits it
through a future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.step_up import StepUpChoice, StepUpPresenter
from authing_desktop.ui.pages.account_base import show_text, status_label
from authing_desktop.ui.theme import set_callout
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import (
    action_row,
    busy_bar,
    code_entry,
    combo_box,
    name_popup,
)
from authing_desktop.ui.widgets.password_field import PasswordField

KEY = "stepUp"
_CODES = (StepUpChoice.TOTP, StepUpChoice.SMS, StepUpChoice.EMAIL)


class StepUpDialog(QDialog):
    """Accepted once the presenter has a proof."""

    def __init__(self, presenter: StepUpPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        self.presenter = presenter

        self.purpose = QLabel()
        self.purpose.setObjectName(f"{KEY}.purpose")
        self.purpose.setWordWrap(True)
        self.purpose.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_callout(self.purpose, "warning")
        self.method = combo_box(f"{KEY}.method")
        self.password = PasswordField(KEY, "password", "")
        self.code, self.send_code, code_box = code_entry(KEY, presenter.cooldown)
        self.rows = {"password": FieldRow(KEY, "password", self.password),
                     "code": FieldRow(KEY, "code", code_box)}
        self.labels = {name: QLabel() for name in ("method", *self.rows)}
        self.labels["method"].setBuddy(self.method)
        self.labels["password"].setBuddy(self.password.edit)
        self.labels["code"].setBuddy(self.code)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.labels["method"], self.method)
        for name, row in self.rows.items():
            self.form.addRow(self.labels[name], row)
        self.key_hint = QLabel()
        self.key_hint.setObjectName(f"{KEY}.keyHint")
        self.key_hint.setWordWrap(True)
        self.key_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = status_label(f"{KEY}.notice", "note")
        self.busy = busy_bar(f"{KEY}.busy")
        self.error = status_label(f"{KEY}.error", "error")
        self.confirm_button, self.cancel_button, buttons = action_row(KEY, "confirm")
        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose)
        layout.addLayout(self.form)
        layout.addWidget(self.key_hint)
        layout.addWidget(self.notice)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)  # spare height below the texts, not inside the callout
        layout.addLayout(buttons)

        self.method.currentIndexChanged.connect(self._show_method)
        self.send_code.clicked.connect(self.do_send_code)
        self.confirm_button.clicked.connect(self.do_confirm)
        self.password.edit.returnPressed.connect(self.do_confirm)
        self.code.returnPressed.connect(self.do_confirm)
        self.cancel_button.clicked.connect(self.reject)
        # Bound methods, not lambdas: Qt drops these connections when the dialog goes.
        presenter.choices_changed.connect(self._fill_methods)
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.error_changed.connect(self._show_error)
        presenter.busy_changed.connect(self._show_busy)
        presenter.code_sent.connect(self._code_sent)
        presenter.notice_changed.connect(self._show_notice)
        presenter.proven.connect(self._proven)
        self._fill_methods()
        self.retranslate()

    # ---------------------------------------------------------------- actions

    @property
    def choice(self) -> StepUpChoice:
        data = self.method.currentData()
        return data if isinstance(data, StepUpChoice) else StepUpChoice.PASSWORD

    def choose(self, choice: StepUpChoice) -> None:
        self.method.setCurrentIndex(self.method.findData(choice))

    def do_send_code(self) -> None:
        if not self.presenter.busy:
            self.presenter.send_code(self.choice)

    def do_confirm(self) -> None:
        if self.presenter.busy:
            return
        choice = self.choice
        secret = (self.password.text() if choice is StepUpChoice.PASSWORD
                  else "" if choice is StepUpChoice.PASSKEY else self.code.text())
        self.presenter.confirm(choice, secret)

    # ---------------------------------------------------------------- binding

    def _fill_methods(self) -> None:
        kept = self.method.currentData()
        self.method.blockSignals(True)
        self.method.clear()
        for choice in self.presenter.choices():
            self.method.addItem("", choice)
        self.method.blockSignals(False)
        if isinstance(kept, StepUpChoice) and self.method.findData(kept) >= 0:
            self.choose(kept)
        self._retranslate_methods()
        self._show_method()

    def _show_method(self, _index: int = 0) -> None:
        choice = self.choice
        password = choice is StepUpChoice.PASSWORD
        self.form.setRowVisible(self.rows["password"], password)
        self.form.setRowVisible(self.rows["code"], choice in _CODES)
        self.send_code.setVisible(choice in (StepUpChoice.SMS, StepUpChoice.EMAIL))
        self.key_hint.setVisible(choice is StepUpChoice.PASSKEY)
        self.presenter.set_field_errors({})
        show_text(self.notice, "")
        self._retranslate_code()
        focus = (self.password.edit if password else self.confirm_button
                 if choice is StepUpChoice.PASSKEY else self.code)
        focus.setFocus()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.set_error(errors.get(name, ""))

    def _show_notice(self, text: str) -> None:
        show_text(self.notice, text)

    def _show_error(self, text: str) -> None:
        show_text(self.error, text)

    def _show_busy(self, busy: bool) -> None:
        self.confirm_button.setText(self.tr("Checking…") if busy else self.tr("Confirm"))
        self.confirm_button.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.send_code.set_busy(busy)

    def _code_sent(self, choice: StepUpChoice) -> None:
        show_text(self.notice, self.tr("A code was sent to {destination}.").format(
            destination=self.presenter.destination(choice)))
        self.code.setFocus()

    def _proven(self, _proof: object) -> None:
        self.password.edit.clear()
        self.accept()

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Confirm it's you"))
        self.purpose.setText(self.tr(
            "{action}: confirm it's you first. This keeps your account safe if someone else "
            "uses this computer.").format(action=self.presenter.purpose))
        self.labels["method"].setText(self.tr("Confirm with"))
        name_popup(self.method, self.tr("How to confirm it's you"))
        self.labels["password"].setText(self.tr("Password"))
        self.password.edit.setAccessibleName(self.tr("Password"))
        self.password.retranslate()
        self.send_code.retranslate()
        self._show_busy(self.presenter.busy)
        self.confirm_button.setAccessibleName(self.tr("Confirm it's you"))
        self.key_hint.setText(self.tr("Touch your security key when it blinks."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._retranslate_methods()
        self._retranslate_code()

    def _retranslate_methods(self) -> None:
        names = {StepUpChoice.PASSWORD: self.tr("My password"),
                 StepUpChoice.TOTP: self.tr("Authenticator app code"),
                 StepUpChoice.SMS: self.tr("SMS code"), StepUpChoice.EMAIL: self.tr("Email code"),
                 StepUpChoice.PASSKEY: self.tr("My security key")}
        for index in range(self.method.count()):
            self.method.setItemText(index, names[self.method.itemData(index)])

    def _retranslate_code(self) -> None:
        texts = {StepUpChoice.TOTP: self.tr("Authenticator code"),
                 StepUpChoice.SMS: self.tr("SMS code"), StepUpChoice.EMAIL: self.tr("Email code")}
        text = texts.get(self.choice, self.tr("Code"))
        self.labels["code"].setText(text)
        self.code.setAccessibleName(text)
