"""Delete my account (``deleteAccount.*``): prove it is you (password, SMS code or email code),
type the account name to confirm, then delete. Bound to the Your data page's presenter.

Opened with ``open()`` (never ``exec()``); `run_deletion` awaits it through a future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.your_data import Proof, YourDataPresenter
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
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

KEY = "deleteAccount"


class DeleteAccountDialog(QDialog):
    """Accepted once the account is deleted."""

    def __init__(self, presenter: YourDataPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.presenter = presenter

        self.warning = QLabel()
        self.warning.setObjectName(f"{KEY}.warning")
        self.warning.setWordWrap(True)
        set_callout(self.warning, "warning")
        self.method = combo_box(f"{KEY}.method")
        for proof in presenter.proofs():
            self.method.addItem("", proof)
        self.password = PasswordField(KEY, "password", "")
        self.code, self.send_code, code_box = code_entry(KEY, presenter.cooldown)
        self.confirmation = QLineEdit()
        self.confirmation.setObjectName(f"{KEY}.confirmation")
        self.rows = {"password": FieldRow(KEY, "password", self.password),
                     "code": FieldRow(KEY, "code", code_box),
                     "confirmation": FieldRow(KEY, "confirmation", self.confirmation)}
        self.labels = {name: QLabel() for name in ("method", *self.rows)}
        self.labels["method"].setBuddy(self.method)
        self.labels["password"].setBuddy(self.password.edit)
        self.labels["code"].setBuddy(self.code)
        self.labels["confirmation"].setBuddy(self.confirmation)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.labels["method"], self.method)
        for name, row in self.rows.items():
            self.form.addRow(self.labels[name], row)
        self.notice = status_label(f"{KEY}.notice", "note")
        self.busy = busy_bar(f"{KEY}.busy")
        self.error = status_label(f"{KEY}.error", "error")
        self.delete_button, self.cancel_button, buttons = action_row(
            KEY, "delete", kind="danger", default_cancel=True)
        self._deleting = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(self.form)
        layout.addWidget(self.notice)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.method.currentIndexChanged.connect(self._show_method)
        self.confirmation.textChanged.connect(self._update_delete)
        self.send_code.clicked.connect(self.do_send_code)
        self.delete_button.clicked.connect(self.do_delete)
        self.cancel_button.clicked.connect(self.reject)
        # Bound methods, not lambdas: Qt drops these connections when the dialog goes.
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.error_changed.connect(self._show_error)
        presenter.busy_changed.connect(self._show_busy)
        presenter.code_sent.connect(self._code_sent)
        presenter.deleted.connect(self.accept)
        self.retranslate()
        self._show_method()

    # ---------------------------------------------------------------- actions

    @property
    def proof(self) -> Proof:
        data = self.method.currentData()
        return data if isinstance(data, Proof) else Proof.PASSWORD

    def choose(self, proof: Proof) -> None:
        self.method.setCurrentIndex(self.method.findData(proof))

    def do_send_code(self) -> None:
        if not self.presenter.busy:
            self.presenter.send_code(self.proof)

    def do_delete(self) -> None:
        if self.presenter.busy or not self.presenter.confirmation_matches(
                self.confirmation.text()):
            return
        secret = self.password.text() if self.proof is Proof.PASSWORD else self.code.text()
        self._deleting = True
        self.presenter.delete(self.proof, secret, self.confirmation.text())
        self._show_busy(self.presenter.busy)

    # ---------------------------------------------------------------- binding

    def _show_method(self, _index: int = 0) -> None:
        password = self.proof is Proof.PASSWORD
        self.form.setRowVisible(self.rows["password"], password)
        self.form.setRowVisible(self.rows["code"], not password)
        self.presenter.set_field_errors({})
        show_text(self.notice, "")
        self._retranslate_code()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.set_error(errors.get(name, ""))

    def _show_error(self, text: str) -> None:
        show_text(self.error, text)

    def _show_busy(self, busy: bool) -> None:
        if not busy:
            self._deleting = False
        self.delete_button.setText(self.tr("Deleting…") if busy and self._deleting
                                   else self.tr("Delete my account"))
        self.busy.setVisible(busy)
        self.send_code.set_busy(busy)
        self._update_delete()

    def _code_sent(self, proof: Proof) -> None:
        user = self.presenter.session.user
        where = (user.phone if proof is Proof.SMS else user.email) if user else ""
        show_text(self.notice, self.tr("A code was sent to {destination}.").format(
            destination=where or ""))
        self.code.setFocus()

    def _update_delete(self, _text: str = "") -> None:
        self.delete_button.setEnabled(
            not self.presenter.busy
            and self.presenter.confirmation_matches(self.confirmation.text()))

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Delete my account"))
        self.warning.setText(self.tr(
            "Your account and everything in it (profile, custom data, sign-ins on every "
            "device) is deleted for good. Export your data first if you want a copy."))
        names = {Proof.PASSWORD: self.tr("My password"), Proof.SMS: self.tr("SMS code"),
                 Proof.EMAIL: self.tr("Email code")}
        for index in range(self.method.count()):
            self.method.setItemText(index, names[self.method.itemData(index)])
        self.labels["method"].setText(self.tr("Prove it is you with"))
        name_popup(self.method, self.tr("Proof of identity"))
        self.labels["password"].setText(self.tr("Password"))
        self.password.edit.setAccessibleName(self.tr("Password"))
        self.password.retranslate()
        self.send_code.retranslate()
        self.labels["confirmation"].setText(self.tr("Type {text} to confirm").format(
            text=self.presenter.confirmation_text))
        self.confirmation.setAccessibleName(self.tr("Type your account name to confirm"))
        self.confirmation.setPlaceholderText(self.presenter.confirmation_text)
        self._show_busy(self.presenter.busy)
        self.delete_button.setAccessibleName(self.tr("Delete my account for good"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._retranslate_code()

    def _retranslate_code(self) -> None:
        text = self.tr("Email code") if self.proof is Proof.EMAIL else self.tr("SMS code")
        self.labels["code"].setText(text)
        self.code.setAccessibleName(text)


async def run_deletion(presenter: YourDataPresenter, parent: QWidget,
                       opened: list[DeleteAccountDialog] | None = None) -> bool:
    """Open the dialog and wait until it closes; True when the account was deleted."""
    dialog = DeleteAccountDialog(presenter, parent)
    if opened is not None:
        opened.append(dialog)
    try:
        result = await open_and_wait(dialog)
    finally:
        if opened is not None and dialog in opened:
            opened.remove(dialog)
    return result == QDialog.DialogCode.Accepted.value
