"""The crash dialog: a friendly message first, the redacted report behind "Show details".

It is opened with ``open()`` (window-modal, returns at once), never ``exec()``: a nested event
loop would break the qasync loop's running tasks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.services.crash_report import CrashReport


class CrashDialog(QDialog):
    """Tells the user something went wrong; offers the redacted report to copy."""

    def __init__(self, report: CrashReport, saved_to: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crash")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        message = self.tr(
            "Authing Desktop ran into an unexpected problem. You can keep working; if something "
            "looks wrong, restart the app.\n\nIf it happens again, please send the report below "
            "to your administrator or the developers. It contains no passwords, codes or tokens.")
        self.message_label = QLabel(message)
        self.message_label.setObjectName("crash.message")
        self.message_label.setWordWrap(True)
        self.saved_label = QLabel(
            self.tr("The report was also saved to {path}.").format(path=saved_to)
            if saved_to else "")
        self.saved_label.setObjectName("crash.savedTo")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.setVisible(saved_to is not None)

        self.details_button = QToolButton()
        self.details_button.setObjectName("crash.toggleDetails")
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setText(self.tr("Show details"))
        self.details_button.setAccessibleName(self.tr("Show details"))
        self.details_button.toggled.connect(self._toggle_details)

        self.details = QPlainTextEdit(report.text)
        self.details.setObjectName("crash.details")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Crash report"))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(220)
        self.details.hide()

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("crash.copy")
        self.copy_button.setAccessibleName(self.tr("Copy report"))
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("crash.close")
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.text)
        self.copy_button.setText(self.tr("Copied"))

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details_button.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()


def show_crash_dialog(report: CrashReport, saved_to: Path | None,
                      parent: QWidget | None = None) -> CrashDialog:
    """Build and open (not exec) the dialog; returns it."""
    dialog = CrashDialog(report, saved_to, parent)
    dialog.open()
    return dialog
