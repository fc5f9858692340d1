""""Save your changes?" when leaving a page with unsaved edits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from authing_desktop.ui.dialogs.question import Choice, ask

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


async def ask_unsaved_changes(parent: QWidget | None, key: str) -> str:
    """``save``, ``discard`` or ``cancel`` (also for Esc)."""
    answer = await ask(
        parent, f"{key}.unsaved",
        QCoreApplication.translate("UnsavedChanges", "Unsaved changes"),
        QCoreApplication.translate(
            "UnsavedChanges", "You have changes that are not saved yet. Save them now?"),
        [Choice(SAVE, QCoreApplication.translate("UnsavedChanges", "Save"),
                QMessageBox.ButtonRole.AcceptRole),
         Choice(DISCARD, QCoreApplication.translate("UnsavedChanges", "Discard changes"),
                QMessageBox.ButtonRole.DestructiveRole),
         Choice(CANCEL, QCoreApplication.translate("UnsavedChanges", "Keep editing"),
                QMessageBox.ButtonRole.RejectRole)],
        default=SAVE, icon=QMessageBox.Icon.Warning)
    return answer or CANCEL
