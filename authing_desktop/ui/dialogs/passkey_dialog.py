"""Adding a security key (``addPasskey.*``: name it, touch it, its PIN if it asks) and renaming
one (``renamePasskey.*``). Each dialog runs its own `PasskeysPresenter`, so its progress and
errors show in the dialog only; the page reloads its list once the dialog succeeded.

Opened with ``open()`` and awaited through a future (never ``exec()``: a nested Qt loop breaks
the qasync loop). Cancel while the key waits stops the key and keeps the dialog open.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.passkeys import MAX_NAME_LENGTH, PasskeysPresenter
from authing_desktop.services.security_key_errors import KeyProblem, problem_text
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import chain_tab_order, line_edit
from authing_desktop.ui.widgets.form_status import FormStatus

ADD_KEY = "addPasskey"
RENAME_KEY = "renamePasskey"
TOUCH_ICON = 32


class PasskeyDialog(QDialog):
    """``credential_id`` empty: add a key; else rename that key (``name`` is its name now)."""

    def __init__(self, presenter: PasskeysPresenter, *, credential_id: str = "",
                 name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.adding = not credential_id
        self.key = ADD_KEY if self.adding else RENAME_KEY
        key = self.key
        self.setObjectName(f"{key}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.presenter = presenter
        self.credential_id = credential_id
        self.done_name = ""
        self._task: asyncio.Task[Any] | None = None

        self.intro = QLabel()
        self.intro.setObjectName(f"{key}.intro")
        self.intro.setWordWrap(True)
        self.name_label = QLabel()
        self.name = line_edit(f"{key}.name")
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setText(name)
        self.name_label.setBuddy(self.name)
        self.name_row = FieldRow(key, "name", self.name)
        # The touch step: shown while the key waits.
        self.touch_icon = QLabel()
        self.touch_icon.setFixedSize(TOUCH_ICON, TOUCH_ICON)
        self.touch = QLabel()
        self.touch.setObjectName(f"{key}.touch")
        self.touch.setWordWrap(True)
        self.touch_box = QWidget()
        touch_layout = QHBoxLayout(self.touch_box)
        touch_layout.setContentsMargins(0, 4, 0, 4)
        touch_layout.addWidget(self.touch_icon, 0, Qt.AlignmentFlag.AlignTop)
        touch_layout.addWidget(self.touch, 1)
        self.touch_box.setVisible(False)
        self.status = FormStatus(key, presenter)
        self.submit = QPushButton()
        self.submit.setObjectName(f"{key}.submit")
        self.submit.setDefault(True)
        set_kind(self.submit, "primary")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{key}.cancel")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name_row)
        layout.addWidget(self.touch_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.submit.clicked.connect(self.do_submit)
        self.name.returnPressed.connect(self.do_submit)
        self.cancel_button.clicked.connect(self.do_cancel)
        chain_tab_order([self.name, self.cancel_button, self.submit])
        presenter.busy_changed.connect(self._show_busy)
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.touch_requested.connect(self._show_touch_now)
        self.retranslate()
        self.name.setFocus()
        self.name.selectAll()

    # ---------------------------------------------------------------- actions

    def do_submit(self) -> None:
        if not self.presenter.idle:
            return
        name = self.name.text()
        if self.adding:
            self._show_touch(self.tr("Insert your security key. When it blinks, touch it."))
            self._task = self.presenter.add(name)
        else:
            self._task = self.presenter.rename(self.credential_id, name)
        self._task.add_done_callback(self._finished)

    def do_cancel(self) -> None:
        """While the key waits: stop it (the dialog stays, saying so); else close."""
        if self.presenter.cancel_add():
            self._show_touch("")
            self.presenter.set_notice(problem_text(KeyProblem.CANCELLED))
            return
        if not self.presenter.idle:
            self.presenter.cancel()
            return
        self.reject()

    def reject(self) -> None:
        # Closed while the key waits (Esc, the window's close button): stop the key too, and
        # let its end no longer reach this dialog's widgets (they go with the dialog).
        if self._task is not None:
            self._task.remove_done_callback(self._finished)
        self.presenter.cancel_add()
        self.presenter.cancel()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.presenter.idle:
            self.do_cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        # A task's end arrives a loop turn after it: a submit refused by its checks must not
        # hide the touch prompt of the submit that followed it.
        if task is not self._task or task.cancelled():
            return
        self._show_touch("")
        if not task.result():
            return
        result = task.result()
        self.done_name = getattr(result, "name", "") or self.name.text().strip()
        self.accept()

    # ---------------------------------------------------------------- binding

    def _show_touch(self, text: str) -> None:
        self.touch.setText(text)
        self.touch.setAccessibleName(text)
        self.touch_box.setVisible(bool(text))

    def _show_touch_now(self) -> None:
        self._show_touch(self.tr("Touch your security key now."))

    def _show_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy)
        self.name.setEnabled(not busy)
        if busy:
            self.submit.setText(self.tr("Waiting for the key…") if self.adding
                                else self.tr("Saving…"))
        else:
            self._retranslate_submit()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self.name_row.set_error(errors.get("name", ""))
        if errors.get("name"):
            self.name.setFocus()

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()
        super().changeEvent(event)

    def _draw_icon(self) -> None:
        self.touch_icon.setPixmap(icon("usb").pixmap(QSize(TOUCH_ICON, TOUCH_ICON)))

    def _retranslate_submit(self) -> None:
        self.submit.setText(self.tr("Add key") if self.adding else self.tr("Save name"))
        self.submit.setAccessibleName(self.tr("Add the security key") if self.adding
                                      else self.tr("Save the key's name"))

    def retranslate(self) -> None:
        self._draw_icon()
        if self.adding:
            self.setWindowTitle(self.tr("Add a security key"))
            self.intro.setText(self.tr(
                "Name the key so you can tell it from others, then touch it when asked. If "
                "the key has a PIN, you will be asked for it."))
        else:
            self.setWindowTitle(self.tr("Rename the key"))
            self.intro.setText(self.tr("The name only helps you tell your keys apart."))
        self.name_label.setText(self.tr("Name"))
        self.name.setAccessibleName(self.tr("Name of the key"))
        self.name.setPlaceholderText(self.tr("e.g. Blue USB key"))
        set_tone(self.touch, "")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._show_busy(self.presenter.busy)


async def run_passkey_dialog(dialog: PasskeyDialog) -> str:
    """Show ``dialog`` and return the key's name once it succeeded ("" when cancelled)."""
    await open_and_wait(dialog)
    return dialog.done_name  # set only on success
