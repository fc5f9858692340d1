"""Turning on two-step verification (``twoStep.*``): scan the QR code (or type the secret),
confirm with the app's code, then keep the recovery code, which is shown this once.

Opened with ``open()`` (never ``exec()``); `run_enrolment` awaits it through a future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.two_step import TwoStepPresenter, secret_groups
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.pages.account_base import show_text, status_label
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.form_layout import action_row, app_code_field, busy_bar
from authing_desktop.ui.widgets.qr_code import QrCode
from authing_desktop.ui.widgets.recovery_code_saver import (
    fit_whole_value,
    recovery_code_panel,
    show_step,
)

KEY = "twoStep"


class TwoStepEnrolDialog(QDialog):
    """Bound to the Security page's `TwoStepPresenter`; starts the enrolment when opened and
    forgets its secret when closed. Accepted once the recovery code was acknowledged."""

    def __init__(self, presenter: TwoStepPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.presenter = presenter

        # Step 1: scan, confirm.
        self.intro = QLabel()
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        self.qr = QrCode(f"{KEY}.qr")
        self.secret_label = QLabel()
        self.secret_label.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setObjectName(f"{KEY}.secret")
        self.secret.setReadOnly(True)
        self.copy_secret = QPushButton()
        self.copy_secret.setObjectName(f"{KEY}.copySecret")
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.copy_secret)
        self.code_label, self.code, self.code_row = app_code_field(KEY)
        self.busy = busy_bar(f"{KEY}.busy")
        self.error = status_label(f"{KEY}.error", "error")
        self.confirm_button, self.cancel_button, buttons = action_row(KEY, "confirm")
        scan = QWidget()
        scan_layout = QVBoxLayout(scan)
        scan_layout.setContentsMargins(0, 0, 0, 0)
        scan_layout.addWidget(self.intro)
        scan_layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        scan_layout.addWidget(self.secret_label)
        scan_layout.addLayout(secret_row)
        scan_layout.addWidget(self.code_label)
        scan_layout.addWidget(self.code_row)
        scan_layout.addWidget(self.busy)
        scan_layout.addWidget(self.error)
        scan_layout.addLayout(buttons)

        # Step 2: the recovery code, once.
        self.done_intro = QLabel()
        self.done_intro.setObjectName(f"{KEY}.doneIntro")
        self.done_intro.setWordWrap(True)
        set_tone(self.done_intro, "ok")
        panel = recovery_code_panel(KEY, self, presenter.run, intro_name="recoveryIntro",
                                    code_name="recoveryCode", above=(self.done_intro,))
        keep = panel.widget
        self.recovery_intro, self.recovery_code = panel.intro, panel.code
        self.saver, self.done_button = panel.saver, panel.done_button
        set_kind(self.done_button, "primary")

        self.pages = QStackedWidget()
        self.pages.addWidget(scan)
        self.pages.addWidget(keep)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        presenter.enrollment_started.connect(self._show_enrollment)
        presenter.enrolled.connect(self._show_recovery_code)
        # Bound methods, not lambdas: Qt drops these connections when the dialog goes.
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.busy_changed.connect(self._show_busy)
        presenter.error_changed.connect(self._show_error)
        self.copy_secret.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(presenter.secret))
        self.confirm_button.clicked.connect(self.do_confirm)
        self.code.returnPressed.connect(self.do_confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)
        self.finished.connect(lambda _result: presenter.forget_enrollment())
        self.retranslate()
        self._show_busy(presenter.busy)

    # ---------------------------------------------------------------- actions

    def begin(self) -> None:
        self.presenter.begin()

    def do_confirm(self) -> None:
        if not self.presenter.busy and self.pages.currentIndex() == 0:
            self.presenter.confirm(self.code.text())

    # ---------------------------------------------------------------- binding

    def _show_enrollment(self, _enrollment: object) -> None:
        self.qr.set_text(self.presenter.otpauth_uri)
        self.secret.setText(secret_groups(self.presenter.secret))
        fit_whole_value(self.secret, self.secret.text())
        self.code.setFocus()

    def _show_recovery_code(self) -> None:
        code = self.presenter.recovery_code
        self.recovery_code.setText(code)
        self.saver.set_code(code)
        show_step(self.pages, 1)
        self.recovery_code.setFocus()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self._show_code_error(errors.get("code", ""))

    def _show_error(self, text: str) -> None:
        show_text(self.error, text)

    def _show_code_error(self, text: str) -> None:
        self.code_row.set_error(text)
        if text:
            self.code.setFocus()
            self.code.selectAll()

    def _show_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.confirm_button.setEnabled(not busy and bool(self.presenter.secret))

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Turn on two-step verification"))
        self.intro.setText(self.tr(
            "Scan this QR code with an authenticator app (Google Authenticator, Microsoft "
            "Authenticator, FreeOTP…). From then on, signing in asks for the app's code."))
        self.qr.setAccessibleName(self.tr("QR code for your authenticator app"))
        self.secret_label.setText(self.tr("Cannot scan? Type this key into the app instead:"))
        self.secret.setAccessibleName(self.tr("Key for manual entry"))
        self.copy_secret.setText(self.tr("Copy"))
        self.copy_secret.setAccessibleName(self.tr("Copy the key"))
        self.code_label.setText(self.tr("Code shown by the app"))
        self.code.setAccessibleName(self.tr("Code shown by the app"))
        self.confirm_button.setText(self.tr("Turn on"))
        self.confirm_button.setAccessibleName(self.tr("Confirm the code and turn on two-step "
                                                      "verification"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.done_intro.setText(self.tr("Two-step verification is on."))
        self.recovery_intro.setText(self.tr(
            "This is your recovery code. If you lose your phone, it signs you in once (and "
            "gives you a new one). Keep it somewhere safe: it is shown only now."))
        self.recovery_code.setAccessibleName(self.tr("Recovery code"))
        self.saver.retranslate()
        self.done_button.setText(self.tr("I saved it"))
        self.done_button.setAccessibleName(self.done_button.text())


async def run_enrolment(presenter: TwoStepPresenter, parent: QWidget,
                        opened: list[TwoStepEnrolDialog] | None = None) -> bool:
    """Open the dialog, start the enrolment, wait until it closes; True when turned on.
    ``opened`` receives the dialog (the page keeps it for tests)."""
    dialog = TwoStepEnrolDialog(presenter, parent)
    if opened is not None:
        opened.append(dialog)
    try:
        await open_and_wait(dialog, opened=dialog.begin)
    finally:
        if opened is not None and dialog in opened:
            opened.remove(dialog)
    return bool(presenter.enabled)
