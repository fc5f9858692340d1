"""Copy and Save buttons for a recovery code shown once (``<key>.copyRecoveryCode``,
``<key>.saveRecoveryCode``, ``<key>.recoveryCodeStatus``). The file is written only where the
user chose, readable by the user alone, in a worker thread started through the dialog's
presenter (a slow or network folder never stalls the window); the code is never logged."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from authing_desktop.services.private_files import write_private_in_worker
from authing_desktop.ui.folders import open_save_dialog
from authing_desktop.ui.theme import set_tone

Run = Callable[[Coroutine[Any, Any, bool]], "asyncio.Task[bool | None]"]
"""Starts a coroutine on the task runner: a presenter's ``run`` (busy while it runs)."""


class RecoveryCodeSaver(QObject):
    """Owns ``copy_button``, ``save_button`` and ``status`` (placed by the dialog)."""

    def __init__(self, key: str, parent: QWidget, run: Run) -> None:
        super().__init__(parent)
        self._parent = parent
        self._run = run
        self._code = ""
        self.copy_button = QPushButton()
        self.copy_button.setObjectName(f"{key}.copyRecoveryCode")
        self.save_button = QPushButton()
        self.save_button.setObjectName(f"{key}.saveRecoveryCode")
        self.status = QLabel()
        self.status.setObjectName(f"{key}.recoveryCodeStatus")
        self.status.setWordWrap(True)
        set_tone(self.status, "ok")
        self.status.setVisible(False)
        self.file_dialog: QFileDialog | None = None
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.choose_file)
        self.retranslate()

    def set_code(self, code: str) -> None:
        self._code = code
        self.say("")

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._code)
        self.say(self.tr("Copied to the clipboard."))

    def choose_file(self) -> None:
        """A non-blocking save dialog (``open()``); the file is written when one is chosen."""
        self.file_dialog = open_save_dialog(
            self._parent, self.tr("Save the recovery code"), "recoveryCode.fileDialog",
            self.tr("Text files (*.txt)"), "authing-recovery-code.txt", self.save_to)

    def save_to(self, path: str | Path) -> asyncio.Task[bool | None]:
        """Start writing the code to ``path`` (mode 0600); the task's result is True on
        success, and the reason is shown if not."""
        target = Path(path)
        text = self.tr("Recovery code for two-step verification (works once):") + "\n"
        self.say(self.tr("Saving…"))
        return self._run(self._write(target, (text + self._code + "\n").encode("utf-8")))

    async def _write(self, target: Path, content: bytes) -> bool:
        try:
            await write_private_in_worker(target, content)
        except OSError as error:
            self.say(self.tr("Could not save it: {reason}").format(
                reason=error.strerror or type(error).__name__), tone="error")
            return False
        self.say(self.tr("Saved to {path}.").format(path=str(target)))
        return True

    def say(self, text: str, tone: str = "ok") -> None:
        """Show ``text`` under the buttons (the one message place of the panel)."""
        if not isValid(self.status):
            return  # the dialog closed while its file was being written: nobody to tell
        set_tone(self.status, tone)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the recovery code"))
        self.save_button.setText(self.tr("Save to a file…"))
        self.save_button.setAccessibleName(self.tr("Save the recovery code to a file"))


@dataclass(frozen=True)
class RecoveryCodePanel:
    """The "keep this recovery code" step both two-step dialogs show: a warning, the code
    (read-only), Copy / Save and a Done button; ``widget`` holds them all."""

    widget: QWidget
    intro: QLabel
    code: QLineEdit
    saver: RecoveryCodeSaver
    done_button: QPushButton


def recovery_code_panel(key: str, parent: QWidget, run: Run, *, intro_name: str,
                        code_name: str, above: Iterable[QWidget] = (),
                        beside: Iterable[QWidget] = ()) -> RecoveryCodePanel:
    """Build the panel; object names are ``<key>.<intro_name>``, ``<key>.<code_name>`` and
    ``<key>.done``; ``run`` starts the file's write (see `Run`); ``above`` goes first (e.g. a
    "done" note), ``beside`` after Copy / Save (e.g. Print)."""
    intro = QLabel()
    intro.setObjectName(f"{key}.{intro_name}")
    intro.setWordWrap(True)
    set_tone(intro, "error")
    code = QLineEdit()
    code.setObjectName(f"{key}.{code_name}")
    code.setReadOnly(True)
    saver = RecoveryCodeSaver(key, parent, run)
    done_button = QPushButton()
    done_button.setObjectName(f"{key}.done")
    buttons = QHBoxLayout()
    buttons.addWidget(saver.copy_button)
    buttons.addWidget(saver.save_button)
    for extra in beside:
        buttons.addWidget(extra)
    buttons.addStretch(1)
    buttons.addWidget(done_button)
    code.textChanged.connect(lambda text: fit_whole_value(code, text))
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    for extra in above:
        layout.addWidget(extra)
    layout.addWidget(intro)
    layout.addWidget(code)
    layout.addWidget(saver.status)
    layout.addLayout(buttons)
    return RecoveryCodePanel(widget, intro, code, saver, done_button)


def fit_whole_value(edit: QLineEdit, text: str) -> None:
    """The whole code stays in view (no scrolling inside the field)."""
    margin = 4 * edit.fontMetrics().averageCharWidth()
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(text) + margin)


def show_step(pages: QStackedWidget, index: int) -> None:
    """Show step ``index`` of a dialog's stack and size the dialog to it: a stack is as tall
    as its tallest page, which left a short step (the recovery code) with empty space."""
    for number in range(pages.count()):
        page = pages.widget(number)
        if page is None:
            continue
        policy = (QSizePolicy.Policy.Preferred if number == index
                  else QSizePolicy.Policy.Ignored)
        page.setSizePolicy(policy, policy)
    pages.setCurrentIndex(index)
    pages.updateGeometry()
    window = pages.window()
    layout = window.layout()
    if layout is not None:
        layout.activate()
    # Same width (the text keeps its line breaks), the height this step needs (the stack's
    # own height-for-width counts the hidden steps too).
    shown = pages.currentWidget()
    if shown is None:
        return
    needed = shown.heightForWidth(pages.width()) if shown.hasHeightForWidth() else -1
    needed = max(needed, shown.minimumSizeHint().height())
    window.resize(window.width(), window.height() - pages.height() + needed)
