"""The Your data page (``yourData.*``): a card to export everything the account holds to a
folder (one JSON file and a CSV per table, with a progress bar; the folder dialog starts in the
documents folder), and a card to delete the account (the dialog asks for a proof and a typed
confirmation; afterwards the keychain entry is gone and the app is back at sign-in)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from authing_desktop.presenters.your_data import YourDataPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.data_export import SECTIONS, ExportResult
from authing_desktop.ui.dialogs.delete_account_dialog import DeleteAccountDialog, run_deletion
from authing_desktop.ui.folders import documents_folder
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import AccountPage, show_text, status_label
from authing_desktop.ui.theme import set_kind
from authing_desktop.ui.widgets.card import Card

KEY = "yourData"


class YourDataPage(AccountPage):
    """Your data: export, delete my account."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = YourDataPresenter(services.session, services.tasks,
                                           end_session=self._account_deleted, parent=self)
        self.bind(self.presenter)
        self.delete_dialogs: list[DeleteAccountDialog] = []
        self.folder_dialog: QFileDialog | None = None

        yield
        self.export_box = Card(f"{KEY}.exportBox", icon="file-down")
        self.folder_label = QLabel()
        self.folder = QLineEdit()
        self.folder.setObjectName(f"{KEY}.folder")
        self.folder.setText(documents_folder())
        self.folder_label.setBuddy(self.folder)
        self.choose_folder = QPushButton(icon("search"), "")
        self.choose_folder.setObjectName(f"{KEY}.chooseFolder")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"{KEY}.exportProgress")
        self.progress.setRange(0, len(SECTIONS))
        self.progress.setVisible(False)
        self.export_result = status_label(f"{KEY}.exportResult", "ok")
        self.open_folder = QPushButton(icon("external-link"), "")
        self.open_folder.setObjectName(f"{KEY}.openFolder")
        set_kind(self.open_folder, "quiet")
        self.open_folder.setVisible(False)
        result_row = QHBoxLayout()
        result_row.addWidget(self.export_result, 1)
        result_row.addWidget(self.open_folder)
        self.export_box.body.addLayout(folder_row)
        self.export_box.body.addWidget(self.progress)
        self.export_box.body.addLayout(result_row)
        self.export_button = QPushButton(icon("download", QPalette.ColorRole.HighlightedText),
                                         "")
        self.export_button.setObjectName(f"{KEY}.export")
        set_kind(self.export_button, "primary")
        self.export_box.add_action(self.export_button)

        yield
        self.delete_box = Card(f"{KEY}.deleteBox", icon="triangle-alert")
        self.delete_button = QPushButton(icon("trash-2"), "")
        self.delete_button.setObjectName(f"{KEY}.deleteAccount")
        set_kind(self.delete_button, "danger")
        self.delete_box.add_action(self.delete_button)

        self.body.addWidget(self.export_box)
        self.body.addWidget(self.delete_box)
        self.body.addStretch(1)

        self.choose_folder.clicked.connect(self.pick_folder)
        self.export_button.clicked.connect(self.export)
        self.open_folder.clicked.connect(self.show_export_folder)
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
        self.open_folder.setVisible(False)

    def pick_folder(self) -> None:
        typed = self.folder.text().strip()
        start = typed if typed and Path(typed).is_dir() else documents_folder()
        dialog = QFileDialog(self, self.tr("Export to which folder?"), start)
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
            self.open_folder.setVisible(False)
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.presenter.export(self.folder.text().strip())

    def show_export_folder(self) -> None:
        result = self.presenter.last_export
        if result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))

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
            "Exported to {folder} (data.json and %n CSV file(s)).", "",
            len(result.csv_files)).format(folder=str(result.folder)))
        self.open_folder.setVisible(True)

    def _show_busy(self, busy: bool) -> None:
        exporting = busy and self.progress.isVisible()
        self.export_button.setText(self.tr("Exporting…") if exporting else self.tr("Export"))
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
        self.retranslate_frame(
            self.tr("Your data"), self.tr("Sign in to export your data or delete your account."),
            self.tr("Take a copy of what your account holds, or close the account for good."))
        self.export_box.set_texts(self.tr("Export my data"), self.tr(
            "Save a copy of everything your account holds: profile, custom data, roles, "
            "organizations, departments, resources, applications, devices and login history. "
            "One JSON file, and a CSV file for each table. No password, token or code is "
            "included."))
        self.folder_label.setText(self.tr("Folder"))
        self.folder.setAccessibleName(self.tr("Folder to export to"))
        self.choose_folder.setText(self.tr("Choose…"))
        self.choose_folder.setAccessibleName(self.tr("Choose the folder to export to"))
        self.export_button.setAccessibleName(self.tr("Export my data"))
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.open_folder.setText(self.tr("Open folder"))
        self.open_folder.setAccessibleName(self.tr("Open the folder of the export"))
        self.delete_box.set_texts(self.tr("Delete my account"), self.tr(
            "Deleting your account signs you out everywhere and cannot be undone. You will "
            "prove it is you and type your account name to confirm."))
        self.delete_button.setText(self.tr("Delete my account…"))
        self.delete_button.setAccessibleName(self.tr("Delete my account"))
        self._show_busy(self.presenter.busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
