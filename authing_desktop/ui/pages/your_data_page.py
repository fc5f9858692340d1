"""The Your data page (``yourData.*``): export everything the account holds to a folder (one
JSON file and a CSV per table, with a progress bar), and delete the account (the dialog asks for
a proof and a typed confirmation; afterwards the keychain entry is gone and the app is back at
sign-in)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.your_data import YourDataPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.data_export import SECTIONS, ExportResult
from authing_desktop.ui.dialogs.delete_account_dialog import DeleteAccountDialog, run_deletion
from authing_desktop.ui.pages.account_base import AccountPage, show_text, status_label

KEY = "yourData"


class YourDataPage(AccountPage):
    """Your data: export, delete my account."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.presenter = YourDataPresenter(services.session, services.tasks,
                                           end_session=self._account_deleted, parent=self)
        self.bind(self.presenter)
        self.delete_dialogs: list[DeleteAccountDialog] = []
        self.folder_dialog: QFileDialog | None = None

        self.export_box = QGroupBox()
        self.export_box.setObjectName(f"{KEY}.exportBox")
        self.export_intro = QLabel()
        self.export_intro.setObjectName(f"{KEY}.exportIntro")
        self.export_intro.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder = QLineEdit()
        self.folder.setObjectName(f"{KEY}.folder")
        self.folder.setText(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home()))
        self.folder_label.setBuddy(self.folder)
        self.choose_folder = QPushButton()
        self.choose_folder.setObjectName(f"{KEY}.chooseFolder")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        self.export_button = QPushButton()
        self.export_button.setObjectName(f"{KEY}.export")
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{KEY}.exportProgress")
        self.progress.setRange(0, len(SECTIONS))
        self.progress.setVisible(False)
        self.export_result = status_label(f"{KEY}.exportResult", "ok")
        export_layout = QVBoxLayout(self.export_box)
        export_layout.addWidget(self.export_intro)
        export_layout.addLayout(folder_row)
        export_row = QHBoxLayout()
        export_row.addWidget(self.progress, 3)
        export_row.addStretch(1)  # the button keeps its size while the bar is hidden
        export_row.addWidget(self.export_button)
        export_layout.addLayout(export_row)
        export_layout.addWidget(self.export_result)

        self.delete_box = QGroupBox()
        self.delete_box.setObjectName(f"{KEY}.deleteBox")
        self.delete_intro = QLabel()
        self.delete_intro.setObjectName(f"{KEY}.deleteIntro")
        self.delete_intro.setWordWrap(True)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName(f"{KEY}.deleteAccount")
        delete_layout = QHBoxLayout(self.delete_box)
        delete_layout.addWidget(self.delete_intro, 1)
        delete_layout.addWidget(self.delete_button)

        self.body.addWidget(self.export_box)
        self.body.addSpacing(12)
        self.body.addWidget(self.delete_box)
        self.body.addStretch(1)

        self.choose_folder.clicked.connect(self.pick_folder)
        self.export_button.clicked.connect(self.export)
        self.delete_button.clicked.connect(self.delete_account)
        self.presenter.export_progress.connect(self._show_progress)
        self.presenter.exported.connect(self._exported)
        self.presenter.busy_changed.connect(self._show_busy)
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        """Nothing to fetch until the user asks (an export reads everything)."""
        show_text(self.export_result, "")

    def pick_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Export to which folder?"), self.folder.text())
        dialog.setObjectName(f"{KEY}.folderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.finished.connect(dialog.deleteLater)
        self.folder_dialog = dialog
        dialog.open()

    def export(self) -> None:
        if self.signed_in and not self.presenter.busy:
            show_text(self.export_result, "")
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.presenter.export(self.folder.text().strip())

    def delete_account(self) -> None:
        if self.signed_in and not self.presenter.busy and not self.delete_dialogs:
            self.services.tasks.start(run_deletion(self.presenter, self, self.delete_dialogs),
                                      name="yourData.deleteDialog")

    async def _account_deleted(self, reason: str) -> None:
        """The account is gone: end the session (keychain entry deleted, back at sign-in)
        and drop it from the remembered accounts."""
        account = self.session.account
        profile_id = self.services.connection.profile_id
        await self.session.expire(reason)
        settings = self.services.settings.current
        if account in settings.remembered_accounts.get(profile_id, ()):
            # The name alone is harmless if it cannot be saved: the sign-out already happened.
            with contextlib.suppress(OSError):
                await self.services.settings.save(
                    settings.without_remembered_account(profile_id, account))

    # ------------------------------------------------------------------ binding

    def _show_progress(self, done: int, total: int, section: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        names = self._section_names()
        self.progress.setFormat(self.tr("Reading {section}…").format(
            section=names.get(section, section)) if section else self.tr("Writing files…"))

    def _exported(self, result: ExportResult) -> None:
        self.progress.setVisible(False)
        show_text(self.export_result, self.tr(
            "Exported to {folder} (data.json and {count} CSV files).").format(
                folder=str(result.folder), count=len(result.csv_files)))

    def _show_busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.delete_button.setEnabled(not busy)
        self.choose_folder.setEnabled(not busy)
        if not busy and self.presenter.error:
            self.progress.setVisible(False)

    def _section_names(self) -> dict[str, str]:
        return {"profile": self.tr("profile"), "customData": self.tr("custom data"),
                "roles": self.tr("roles"), "orgs": self.tr("organizations"),
                "departments": self.tr("departments"), "resources": self.tr("resources"),
                "applications": self.tr("applications"), "devices": self.tr("devices"),
                "loginHistory": self.tr("login history")}

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Your data"),
                               self.tr("Sign in to export your data or delete your account."))
        self.export_box.setTitle(self.tr("Export my data"))
        self.export_intro.setText(self.tr(
            "Save a copy of everything your account holds: profile, custom data, roles, "
            "organizations, departments, resources, applications, devices and login history. "
            "One JSON file, and a CSV file for each table. No password, token or code is "
            "included."))
        self.folder_label.setText(self.tr("Folder"))
        self.folder.setAccessibleName(self.tr("Folder to export to"))
        self.choose_folder.setText(self.tr("Choose…"))
        self.choose_folder.setAccessibleName(self.tr("Choose the folder to export to"))
        self.export_button.setText(self.tr("Export"))
        self.export_button.setAccessibleName(self.tr("Export my data"))
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.delete_box.setTitle(self.tr("Delete my account"))
        self.delete_intro.setText(self.tr(
            "Deleting your account signs you out everywhere and cannot be undone."))
        self.delete_button.setText(self.tr("Delete my account…"))
        self.delete_button.setAccessibleName(self.tr("Delete my account"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
