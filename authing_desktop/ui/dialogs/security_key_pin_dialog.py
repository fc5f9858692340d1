"""The security key's PIN (``securityKeyPin.*``), asked while the key waits (the ceremony's
thread waits for the answer, the window does not).

Opened with ``open()`` and awaited through a future (never ``exec()``: a nested Qt loop breaks
the qasync loop).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.password_field import PasswordField

KEY = "securityKeyPin"
MIN_PIN_LENGTH = 4  # CTAP2's minimum PIN length


class SecurityKeyPinDialog(QDialog):
    """One PIN question; ``pin`` holds the answer once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self.pin = ""
        self.setWindowTitle(self.tr("Security key PIN"))
        self.intro = QLabel(self.tr("Your security key is protected by a PIN. Enter it to "
                                    "continue; the key checks it, the app does not keep it."))
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        self.field = PasswordField(KEY, "pin", self.tr("Security key PIN"))
        self.field.retranslate()
        self.row = FieldRow(KEY, "pin", self.field)
        self.hint = QLabel(self.tr("Several wrong PINs in a row lock the key."))
        self.hint.setObjectName(f"{KEY}.hint")
        self.hint.setWordWrap(True)
        set_tone(self.hint, "note")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                       | QDialogButtonBox.StandardButton.Cancel)
        self.submit = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.submit.setObjectName(f"{KEY}.submit")
        self.submit.setText(self.tr("Continue"))
        self.submit.setAccessibleName(self.tr("Send the PIN to the key"))
        set_kind(self.submit, "primary")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName(f"{KEY}.cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel: do not use the key"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.field.edit.returnPressed.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.row)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.field.edit.setFocus()

    def _submit(self) -> None:
        pin = self.field.text()
        if len(pin) < MIN_PIN_LENGTH:
            self.row.set_error(self.tr("A security key PIN has at least %n characters.", "",
                                       MIN_PIN_LENGTH))
            self.field.edit.setFocus()
            return
        self.pin = pin
        self.accept()


class DialogPinAsker:
    """The `PinAsker` of `services.security_keys`: the dialog above, awaited. ``dialog`` is the
    open one (tests type into it)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.dialog: SecurityKeyPinDialog | None = None

    async def ask_pin(self) -> str | None:
        dialog = self.dialog = SecurityKeyPinDialog(self._parent)
        try:
            await open_and_wait(dialog)
            return dialog.pin or None  # set only when accepted
        finally:
            self.dialog = None
