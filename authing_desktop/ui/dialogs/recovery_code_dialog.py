"""Making a new recovery code (``recoveryCode.*``): the dialog first says that the old code
stops working and asks for the authenticator's current code; then it shows the new code, this
once, with Copy / Save / Print (the recovery kit, ui/widgets/recovery_kit.py).

Opened with ``open()`` (never ``exec()``); `run_regeneration` awaits it through a future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.recovery_code import RecoveryCodePresenter
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.pages.account_base import show_text, status_label
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.form_layout import action_row, app_code_field, busy_bar
from authing_desktop.ui.widgets.recovery_code_saver import recovery_code_panel, show_step
from authing_desktop.ui.widgets.recovery_kit import RecoveryKitPrinter

KEY = "recoveryCode"


class RecoveryCodeDialog(QDialog):
    """Bound to a `RecoveryCodePresenter`; forgets the new code when closed. Accepted once
    the new code was acknowledged."""

    def __init__(self, presenter: RecoveryCodePresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.presenter = presenter
        self.made = False

        # Step 1: the warning and the proof.
        self.warning = QLabel()
        self.warning.setObjectName(f"{KEY}.warning")
        self.warning.setWordWrap(True)
        set_tone(self.warning, "error")
        self.code_label, self.code, self.code_row = app_code_field(KEY)
        self.busy = busy_bar(f"{KEY}.busy")
        self.error = status_label(f"{KEY}.error", "error")
        self.make_button, self.cancel_button, buttons = action_row(KEY, "make", kind="danger")
        ask = QWidget()
        ask_layout = QVBoxLayout(ask)
        ask_layout.setContentsMargins(0, 0, 0, 0)
        ask_layout.addWidget(self.warning)
        ask_layout.addWidget(self.code_label)
        ask_layout.addWidget(self.code_row)
        ask_layout.addWidget(self.busy)
        ask_layout.addWidget(self.error)
        ask_layout.addLayout(buttons)

        # Step 2: the new code, once.
        self.kit_printer = RecoveryKitPrinter(KEY, self, presenter.kit, lambda: presenter.made,
                                              self._say, presenter.run)
        panel = recovery_code_panel(KEY, self, presenter.run, intro_name="newIntro",
                                    code_name="newCode", beside=(self.kit_printer.button,))
        self.new_intro, self.new_code = panel.intro, panel.code
        self.saver, self.done_button = panel.saver, panel.done_button
        set_kind(self.done_button, "primary")

        self.pages = QStackedWidget()
        self.pages.addWidget(ask)
        self.pages.addWidget(panel.widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        presenter.regenerated.connect(self._show_new_code)
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.busy_changed.connect(self._show_busy)
        presenter.error_changed.connect(self._show_error)
        self.make_button.clicked.connect(self.do_make)
        self.code.returnPressed.connect(self.do_make)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)
        self.finished.connect(self._forget)
        self.retranslate()
        self._show_busy(presenter.busy)

    # ---------------------------------------------------------------- actions

    def do_make(self) -> None:
        if not self.presenter.busy and self.pages.currentIndex() == 0:
            self.presenter.regenerate(self.code.text())

    def _say(self, text: str, tone: str) -> None:
        self.saver.say(text, tone)

    def _forget(self, _result: int) -> None:
        self.presenter.forget()
        self.new_code.clear()
        self.saver.set_code("")

    # ---------------------------------------------------------------- binding

    def _show_new_code(self) -> None:
        code = self.presenter.new_code
        self.made = True
        self.new_code.setText(code)
        self.saver.set_code(code)
        show_step(self.pages, 1)
        self.new_code.setFocus()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        text = errors.get("code", "")
        self.code_row.set_error(text)
        if text:
            self.code.setFocus()
            self.code.selectAll()

    def _show_error(self, text: str) -> None:
        show_text(self.error, text)

    def reject(self) -> None:
        # While the code is being made the pool may already have made it (and the old one
        # died): closing now would lose the only working code. Cancel waits, as Esc does.
        if not self.presenter.busy:
            super().reject()

    def _show_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel_button.setEnabled(not busy)
        self.make_button.setEnabled(not busy)
        self.make_button.setText(self.tr("Making…") if busy else self.tr("Make a new code"))

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Make a new recovery code"))
        self.warning.setText(self.tr(
            "Your current recovery code stops working as soon as the new one is made. To "
            "confirm it is you, type the code your authenticator app shows now."))
        self.code_label.setText(self.tr("Code shown by the app"))
        self.code.setAccessibleName(self.tr("Code shown by the app"))
        self._show_busy(self.presenter.busy)
        self.make_button.setAccessibleName(self.tr("Make a new recovery code"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.new_intro.setText(self.tr(
            "This is your new recovery code; the old one no longer works. If you lose your "
            "phone, it signs you in once. Keep it somewhere safe: it is shown only now."))
        self.new_code.setAccessibleName(self.tr("New recovery code"))
        self.saver.retranslate()
        self.kit_printer.retranslate()
        self.done_button.setText(self.tr("I saved it"))
        self.done_button.setAccessibleName(self.done_button.text())


async def run_regeneration(presenter: RecoveryCodePresenter, parent: QWidget,
                           opened: list[RecoveryCodeDialog] | None = None) -> bool:
    """Open the dialog and wait until it closes; True when a new code was made.
    ``opened`` receives the dialog (the page keeps it for tests)."""
    dialog = RecoveryCodeDialog(presenter, parent)
    if opened is not None:
        opened.append(dialog)
    try:
        await open_and_wait(dialog, opened=dialog.code.setFocus)
    finally:
        if opened is not None and dialog in opened:
            opened.remove(dialog)
    return dialog.made
