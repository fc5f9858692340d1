"""The "Signed-in apps" card of the Applications page: the applications this account is
signed in to, with the last access, and "Sign out of this app everywhere" (asks first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMessageBox, QPushButton, QWidget

from authing_desktop.presenters import wording
from authing_desktop.presenters.signed_in_apps import SignedInAppRow, SignedInAppsPresenter
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.icons import icon
from authing_desktop.ui.widgets.card import Card

if TYPE_CHECKING:
    from authing_desktop.ui.pages.account_base import AccountPage

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LIST_HEIGHT = 160


class SignedInAppsCard(Card):
    """The list and its one action; ``page`` shows the presenter's busy state and messages."""

    def __init__(self, key: str, page: AccountPage, presenter: SignedInAppsPresenter,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{key}.signedInCard", icon="log-out", parent=parent)
        self._key = key
        self._page = page
        self.presenter = presenter
        self.list = QListWidget()
        self.list.setObjectName(f"{key}.signedIn")
        self.list.setMaximumHeight(LIST_HEIGHT)
        self.list.currentItemChanged.connect(lambda *_: self._update_button())
        self.sign_out_button = QPushButton(icon("log-out"), "")
        self.sign_out_button.setObjectName(f"{key}.signOutApp")
        self.sign_out_button.clicked.connect(self.sign_out_selected)
        self.body.addWidget(self.list)
        self.add_action(self.sign_out_button)
        presenter.apps_changed.connect(self._show)
        presenter.busy_changed.connect(lambda _busy: self._update_button())
        presenter.signed_out.connect(self._signed_out)
        self.retranslate()

    def selected_row(self) -> SignedInAppRow | None:
        item = self.list.currentItem()
        app_id = item.data(ID_ROLE) if item is not None else None
        return next((row for row in self.presenter.rows if row.app_id == app_id), None)

    def row_text(self, row: SignedInAppRow) -> str:
        state = self.tr("Signed in") if row.active else self.tr("Signed out")
        parts = [row.name, state]
        if row.this_app:
            parts.append(self.tr("This app"))
        if row.last_access is not None:
            parts.append(self.tr("Last access: {when}").format(when=wording.when(row.last_access)))
        return " · ".join(parts)

    def _show(self, rows: list[SignedInAppRow]) -> None:
        selected = self.selected_row()
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(self.row_text(row))
            item.setData(ID_ROLE, row.app_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.row_text(row))
            self.list.addItem(item)
            if selected is not None and row.app_id == selected.app_id:
                self.list.setCurrentItem(item)
        if not rows:
            self.list.addItem(QListWidgetItem(self.tr("No application has a sign-in yet.")))
        self._update_button()

    def _update_button(self) -> None:
        row = self.selected_row()
        self.sign_out_button.setEnabled(
            row is not None and row.active and not self.presenter.busy)

    def sign_out_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.active and not self.presenter.busy:
            self._page.services.tasks.start(self._confirm(row),
                                            name=f"{self._key}.signOutAppConfirm")

    async def _confirm(self, row: SignedInAppRow) -> None:
        text = self.tr("{app} will have to be signed in to again on every computer and "
                       "browser.").format(app=row.name)
        if row.this_app:
            text += " " + self.tr("This is this app: this computer is signed out too.")
        answer = await ask(self._page, f"{self._key}.signOutAppConfirm",
                           self.tr("Sign out of this app everywhere?"), text, [
                               Choice("signOut", self.tr("Sign out everywhere"),
                                      QMessageBox.ButtonRole.AcceptRole),
                               Choice("cancel", self.tr("Cancel"),
                                      QMessageBox.ButtonRole.RejectRole)],
                           default="cancel")
        if answer == "signOut":
            self.presenter.sign_out_everywhere(row.app_id)
            self._update_button()

    def _signed_out(self, row: SignedInAppRow) -> None:
        self._page.notify(self.tr("Signed out of {app} everywhere.").format(app=row.name))

    def retranslate(self) -> None:
        self.set_texts(self.tr("Signed-in apps"),
                       self.tr("The applications your account is signed in to now, on any "
                               "computer or browser, and when each was last used."))
        self.list.setAccessibleName(self.tr("Signed-in apps"))
        self.sign_out_button.setText(self.tr("Sign out of this app everywhere"))
        self.sign_out_button.setAccessibleName(self.tr("Sign out of the selected app "
                                                       "everywhere"))
        if self.presenter.rows:
            self._show(self.presenter.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
