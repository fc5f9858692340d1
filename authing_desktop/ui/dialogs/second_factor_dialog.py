"""The second step of a sign-in (``secondFactor.*``): the authenticator code, the recovery code,
an SMS / email code with its send button, or "Use a security key" (touch it; its PIN if it
asks). After a recovery code the NEW one is shown once, with copy and save, before the sign-in
completes.

Opened with ``open()`` and awaited through a future (never ``exec()``: a nested Qt loop breaks
the qasync loop).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.second_factor import Factor, SecondFactorPresenter
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import (
    chain_tab_order,
    code_entry,
    combo_box,
    name_popup,
)
from authing_desktop.ui.widgets.form_status import FormStatus
from authing_desktop.ui.widgets.recovery_code_saver import recovery_code_panel, show_step

if TYPE_CHECKING:
    from authing_desktop.api.models import User

KEY = "secondFactor"


class SecondFactorDialog(QDialog):
    """Bound to one `SecondFactorPresenter`; accepted once the sign-in completed (and a new
    recovery code, if any, was acknowledged)."""

    def __init__(self, presenter: SecondFactorPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.presenter = presenter
        self._task: asyncio.Task[Any] | None = None

        self.intro = QLabel()
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        # The factors answered with a code; a security key has its own button instead.
        self.method = combo_box(f"{KEY}.method")
        for factor in presenter.factors:
            if factor.takes_code:
                self.method.addItem("", factor)
        self.has_codes = self.method.count() > 0
        self.hint = QLabel()
        self.hint.setObjectName(f"{KEY}.hint")
        self.hint.setWordWrap(True)
        set_tone(self.hint, "note")
        self.code, self.send_code, code_box = code_entry(KEY, presenter.cooldown, max_length=64)
        self.code_row = FieldRow(KEY, "code", code_box)
        self.status = FormStatus(KEY, presenter)
        self.submit = QPushButton()
        self.submit.setObjectName(f"{KEY}.submit")
        self.submit.setDefault(True)
        set_kind(self.submit, "primary")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{KEY}.cancel")
        self.method_label = QLabel()
        self.code_label = QLabel()
        self.code_label.setBuddy(self.code)
        self.method_label.setBuddy(self.method)
        # The security key's own button: one click answers (no code to type).
        self.use_key = QPushButton(icon("usb"), "")
        self.use_key.setObjectName(f"{KEY}.useSecurityKey")
        self.use_key.setVisible(Factor.SECURITY_KEY in presenter.factors)
        if not self.has_codes:  # the key is the only way: its button is the main one
            set_kind(self.use_key, "primary")
            self.use_key.setDefault(True)

        ask = QWidget()
        form = QFormLayout()
        form.addRow(self.method_label, self.method)
        form.addRow(self.code_label, self.code_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit)
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        key_row = QHBoxLayout()
        key_row.addWidget(self.use_key)
        key_row.addStretch(1)
        ask_layout.addWidget(self.intro)
        ask_layout.addLayout(key_row)
        ask_layout.addLayout(form)
        ask_layout.addWidget(self.hint)
        for widget in (self.method_label, self.method, self.code_label, self.code_row,
                       self.submit):
            widget.setVisible(self.has_codes)
        ask_layout.addWidget(self.status)
        ask_layout.addStretch(1)
        ask_layout.addLayout(buttons)

        # Shown once after a recovery-code sign-in: the next code.
        panel = recovery_code_panel(KEY, self, presenter.run, intro_name="newRecoveryCodeIntro",
                                    code_name="newRecoveryCode")
        done = panel.widget
        self.new_code_intro, self.new_code = panel.intro, panel.code
        self.saver, self.done_button = panel.saver, panel.done_button
        set_kind(self.done_button, "primary")

        self.pages = QStackedWidget()
        self.pages.addWidget(ask)
        self.pages.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.method.currentIndexChanged.connect(
            lambda _i: presenter.set_factor(self.method.currentData()))
        presenter.factor_changed.connect(self._show_factor)
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.busy_changed.connect(self._show_busy)
        presenter.challenge_dead.connect(self._challenge_dead)
        self.submit.clicked.connect(self.do_submit)
        self.code.returnPressed.connect(self.do_submit)
        self.send_code.clicked.connect(
            lambda: presenter.start(presenter.send_code(), name="secondFactor.send"))
        self.cancel_button.clicked.connect(self.do_cancel)
        self.done_button.clicked.connect(self.accept)
        self.use_key.clicked.connect(self.use_security_key)
        # Reading order: the key's button first, as it is shown.
        chain_tab_order([self.use_key, self.method, self.code, self.send_code, self.submit,
                         self.cancel_button])
        self.retranslate()
        self._show_factor(presenter.factor)

    # ---------------------------------------------------------------- actions

    @property
    def user(self) -> User | None:
        return self.presenter.user

    def choose(self, factor: Factor) -> None:
        if factor.takes_code:
            self.method.setCurrentIndex(self.method.findData(factor))
        else:
            self.presenter.set_factor(factor)

    def do_submit(self) -> None:
        if not self.presenter.idle or self.presenter.user is not None:
            return
        if not self.presenter.factor.takes_code:
            if not self.has_codes:
                self.use_security_key()
                return
            self.presenter.set_factor(self.method.currentData())
        self._verify()

    def _verify(self) -> None:
        self._task = self.presenter.start(self.presenter.verify(self.code.text()),
                                          name="secondFactor.verify")
        self._task.add_done_callback(self._verified)

    def use_security_key(self) -> None:
        """Answer with a touch of the security key."""
        if (Factor.SECURITY_KEY not in self.presenter.factors or not self.presenter.idle
                or self.presenter.user is not None):
            return
        self.presenter.set_factor(Factor.SECURITY_KEY)
        self._verify()

    def do_cancel(self) -> None:
        """While the key waits: stop it (the dialog stays); else give up the sign-in."""
        if self.presenter.factor is Factor.SECURITY_KEY and self.presenter.cancel():
            return
        self.reject()

    def _verified(self, task: asyncio.Task[Any]) -> None:
        if task.cancelled() or task.result() is None:
            return
        code = self.presenter.new_recovery_code
        if code:
            self.new_code.setText(code)
            self.saver.set_code(code)
            show_step(self.pages, 1)
            self.new_code.setFocus()
        else:
            self.accept()

    def reject(self) -> None:
        if self.presenter.user is not None and self.pages.currentIndex() == 1:
            # Signed in already: closing only skips the acknowledgement.
            self.accept()
            return
        self.presenter.cancel()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.presenter.cancel():
            event.accept()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- binding

    def _show_factor(self, factor: Factor) -> None:
        if factor.takes_code:
            if self.method.currentData() is not factor:
                self.choose(factor)
            self.send_code.setVisible(factor.sends_code)
            self.code.clear()
        self._retranslate_factor()
        if factor.takes_code:
            self.code.setFocus()
        else:
            self.use_key.setFocus()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self._show_code_error(errors.get("code", ""))

    def _show_code_error(self, text: str) -> None:
        self.code_row.set_error(text)
        if text:
            self.code.setFocus()
            self.code.selectAll()

    def _show_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy and not self.presenter.dead)
        self.use_key.setEnabled(not busy and not self.presenter.dead)
        self.method.setEnabled(not busy)
        self.send_code.set_busy(busy)
        self._retranslate_submit()

    def _challenge_dead(self, _text: str) -> None:
        self.submit.setEnabled(False)
        self.use_key.setEnabled(False)
        self.code.setEnabled(False)
        self.send_code.setEnabled(False)

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Two-step verification"))
        account = self.presenter.account
        intro = self.tr("{account} has two-step verification on. Confirm it is you with "
                        "a second factor.") if account else self.tr(
            "This account has two-step verification on. Confirm it is you with a second "
            "factor.")
        self.intro.setText(intro.format(account=account))
        names = {Factor.TOTP: self.tr("Authenticator app"),
                 Factor.RECOVERY: self.tr("Recovery code"),
                 Factor.SMS: self.tr("SMS code"), Factor.EMAIL: self.tr("Email code"),
                 Factor.SECURITY_KEY: self.tr("Security key")}
        for index in range(self.method.count()):
            self.method.setItemText(index, names[self.method.itemData(index)])
        self.method_label.setText(self.tr("Or with") if Factor.SECURITY_KEY in
                                  self.presenter.factors else self.tr("Verify with"))
        name_popup(self.method, self.tr("Second factor"))
        self.send_code.retranslate()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the sign-in"))
        self.new_code_intro.setText(self.tr(
            "You are signed in. Your recovery code was used up: this is your NEW recovery "
            "code. Keep it somewhere safe, it is shown only now."))
        self.new_code.setAccessibleName(self.tr("New recovery code"))
        self.saver.retranslate()
        self.done_button.setText(self.tr("I saved it"))
        self.done_button.setAccessibleName(self.done_button.text())
        self._retranslate_factor()

    def _retranslate_factor(self) -> None:
        factor = self.presenter.factor
        if not factor.takes_code and self.has_codes:
            factor = self.method.currentData()  # the code form keeps its own texts
        labels = {Factor.TOTP: self.tr("Code"), Factor.RECOVERY: self.tr("Recovery code"),
                  Factor.SMS: self.tr("SMS code"), Factor.EMAIL: self.tr("Email code"),
                  Factor.SECURITY_KEY: self.tr("Security key")}
        self.code_label.setText(labels[factor])
        self.code.setAccessibleName(labels[factor])
        destination = self.presenter.destination(factor)
        hints = {
            Factor.TOTP: self.tr("Open your authenticator app and type the 6-digit code it "
                                 "shows for this account."),
            Factor.RECOVERY: self.tr("Type the recovery code you saved when you turned on "
                                     "two-step verification. It works once."),
            Factor.SMS: self.tr("Send a code to {destination} and type it here."),
            Factor.EMAIL: self.tr("Send a code to {destination} and type it here."),
            Factor.SECURITY_KEY: self.tr("Insert the security key you added to this account, "
                                         "then touch it when it blinks."),
        }
        self.hint.setText(hints[factor].format(destination=destination))
        self.code.setPlaceholderText(
            "xxxx-xxxx-xxxx-xxxx-xxxx-xxxx" if factor is Factor.RECOVERY else "123456")
        self._retranslate_submit()

    def _retranslate_submit(self) -> None:
        self.submit.setText(self.tr("Verify and sign in"))
        self.submit.setAccessibleName(self.submit.text())
        waiting = self.presenter.busy and self.presenter.factor is Factor.SECURITY_KEY
        self.use_key.setText(self.tr("Waiting for the key…") if waiting
                             else self.tr("Use a security key"))
        self.use_key.setAccessibleName(self.tr("Use a security key instead of a code")
                                       if self.has_codes else self.tr("Use a security key"))
