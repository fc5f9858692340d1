"""Files the user picks: save dialogs start in the user's documents folder (what they save
is written by `services.private_files.write_private`, readable by the user alone)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> str:
    """The user's documents folder (the home folder where there is none)."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def open_save_dialog(parent: QWidget, title: str, object_name: str, name_filter: str,
                     file_name: str, chosen: Callable[[str], object]) -> QFileDialog:
    """A non-blocking save dialog (``open()``) in the documents folder, proposing
    ``file_name``; ``chosen`` gets the path picked. The dialog goes when it closes."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName(object_name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    dialog.setDefaultSuffix(Path(file_name).suffix.lstrip("."))
    dialog.setDirectory(documents_folder())
    dialog.selectFile(file_name)
    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
