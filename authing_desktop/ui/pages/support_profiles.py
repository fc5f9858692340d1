"""The Support page's Profiles tab: connection profiles (add, edit, remove, use) and the
remembered accounts of the active one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.profiles import ProfileForm, ProfilesPresenter, check_form
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.settings import Settings
from authing_desktop.ui.dialogs.profile_editor import ProfileEditor
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.pages.support_widgets import (
    KEY,
    named_button,
    presenter_busy_bar,
    presenter_error_label,
)

PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProfilesTab(QWidget):
    """Connection profiles and remembered accounts (``support.profile*``, ``support.account*``)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.profiles = ProfilesPresenter(services.settings, services.session,
                                          services.token_store, services.tasks, parent=self)
        self.profile_list = QListWidget()
        self.profile_list.setObjectName(f"{KEY}.profileList")
        self.profile_list.currentItemChanged.connect(lambda _c, _p: self._update_buttons())
        self.profile_list.itemDoubleClicked.connect(lambda _item: self.use_profile())
        self.profile_add = named_button("profileAdd")
        self.profile_add.clicked.connect(lambda: self.edit_profile(None))
        self.profile_edit = named_button("profileEdit")
        self.profile_edit.clicked.connect(lambda: self.edit_profile(self.current_profile_id()))
        self.profile_remove = named_button("profileRemove")
        self.profile_remove.clicked.connect(self.remove_profile)
        self.profile_use = named_button("profileUse")
        self.profile_use.clicked.connect(self.use_profile)
        buttons = QVBoxLayout()
        for button in (self.profile_use, self.profile_add, self.profile_edit,
                       self.profile_remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.profile_list, 1)
        row.addLayout(buttons)

        self.accounts_box = QGroupBox()
        self.accounts_box.setObjectName(f"{KEY}.accountsBox")
        self.accounts = QComboBox()
        self.accounts.setObjectName(f"{KEY}.accounts")
        self.accounts.view().setObjectName(f"{KEY}.accountsList")
        self.account_use = named_button("accountUse")
        self.account_use.clicked.connect(self.use_account)
        accounts_layout = QHBoxLayout(self.accounts_box)
        accounts_layout.addWidget(self.accounts, 1)
        accounts_layout.addWidget(self.account_use)

        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.accounts_box)
        layout.addWidget(presenter_busy_bar("profilesBusy", self.profiles))
        layout.addWidget(presenter_error_label("profilesError", self.profiles))
        self.profiles.profiles_changed.connect(self._show_profiles)
        self.profiles.busy_changed.connect(lambda _busy: self._update_buttons())
        self.services.session.state_changed.connect(lambda _state: self._show_accounts())
        self.editor: ProfileEditor | None = None
        self.retranslate()

    def current_profile_id(self) -> str | None:
        item = self.profile_list.currentItem()
        return str(item.data(PROFILE_ROLE)) if item is not None else None

    def select_profile_row(self, profile_id: str) -> None:
        for row in range(self.profile_list.count()):
            if self.profile_list.item(row).data(PROFILE_ROLE) == profile_id:
                self.profile_list.setCurrentRow(row)
                return

    def _show_profiles(self, settings: Settings) -> None:
        current = self.current_profile_id()
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in settings.profiles:
            name = self.profiles.display_name(profile)
            where = self.tr("built-in local pool") if profile.is_local else profile.app_host
            active = profile.id == settings.selected_profile_id
            text = f"{name} — {where}"
            if active:
                text = self.tr("{profile} (in use)").format(profile=text)
            item = QListWidgetItem(text)
            item.setData(PROFILE_ROLE, profile.id)
            if active:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.profile_list.addItem(item)
        self.profile_list.blockSignals(False)
        self.select_profile_row(current or settings.selected_profile_id)
        if self.profile_list.currentItem() is None and self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        self._show_accounts()
        self._update_buttons()

    def _show_accounts(self) -> None:
        accounts = self.profiles.accounts(self.profiles.selected_id)
        session = self.services.session
        self.accounts.clear()
        for account in accounts:
            self.accounts.addItem(account, account)
        if session.account in accounts:
            self.accounts.setCurrentIndex(accounts.index(session.account))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.profiles.busy
        chosen = self.current_profile_id()
        self.profile_use.setEnabled(not busy and chosen is not None
                                    and chosen != self.profiles.selected_id)
        self.profile_edit.setEnabled(not busy and chosen is not None)
        self.profile_remove.setEnabled(not busy and chosen is not None
                                       and len(self.profiles.profiles) > 1)
        self.profile_add.setEnabled(not busy)
        self.account_use.setEnabled(not busy and self.accounts.count() > 0)

    def edit_profile(self, profile_id: str | None) -> ProfileEditor:
        """Open the editor (window-modal, not a nested loop); Save validates inline."""
        profile = self.profiles.settings.profile(profile_id) if profile_id else None
        form = ProfileForm.of(profile) if profile is not None else None
        editor = ProfileEditor(
            form, self,
            validate=lambda f: check_form(f, self.profiles.settings, profile_id)[1])
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.accepted.connect(lambda: self.profiles.run(
            self.profiles.save_profile(editor.form(), profile_id),
            name="support.profiles.save"))
        editor.finished.connect(lambda _r: editor.deleteLater())
        self.editor = editor
        editor.open()
        return editor

    def remove_profile(self) -> None:
        profile_id = self.current_profile_id()
        profile = self.profiles.settings.profile(profile_id) if profile_id else None
        if profile is None:
            return

        async def confirm_and_remove() -> None:
            text = self.tr("Remove the connection profile “{name}”? Its saved sign-ins are "
                           "deleted from the keychain.").format(
                               name=self.profiles.display_name(profile))
            answer = await ask(self, f"{KEY}.removeProfile", self.tr("Remove profile"), text,
                               [Choice("remove", self.tr("Remove"),
                                       QMessageBox.ButtonRole.DestructiveRole),
                                Choice("keep", self.tr("Keep"),
                                       QMessageBox.ButtonRole.RejectRole)],
                               default="keep")
            if answer == "remove":
                self.profiles.remove(profile.id)

        self.services.tasks.start(confirm_and_remove(), name="support.profiles.confirm")

    def use_profile(self) -> None:
        profile_id = self.current_profile_id()
        if profile_id is not None:
            self.profiles.select(profile_id)

    def use_account(self) -> None:
        account = self.accounts.currentData()
        if isinstance(account, str):
            self.profiles.select_account(account)

    def retranslate(self) -> None:
        self.accounts.view().setAccessibleName(self.tr("Remembered accounts"))
        self.profile_list.setAccessibleName(self.tr("Connection profiles"))
        self.profile_use.setText(self.tr("Use"))
        self.profile_add.setText(self.tr("Add…"))
        self.profile_edit.setText(self.tr("Edit…"))
        self.profile_remove.setText(self.tr("Remove…"))
        for button in (self.profile_use, self.profile_add, self.profile_edit,
                       self.profile_remove, self.account_use):
            button.setAccessibleName(button.text().rstrip("…"))
        self.accounts_box.setTitle(self.tr("Remembered accounts of the active profile"))
        self.accounts.setAccessibleName(self.tr("Remembered accounts"))
        self.account_use.setText(self.tr("Sign in as"))
        self.account_use.setAccessibleName(self.tr("Sign in as"))
        self._show_profiles(self.services.settings.current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
