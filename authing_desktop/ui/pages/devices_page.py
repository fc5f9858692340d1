"""The Devices and sessions page (``devices.*``): every device signed in to the account with OS,
browser, IP and last activity, this device marked; sign one out, or every other one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from authing_desktop.presenters.devices import DeviceRow, DevicesPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.pages.account_base import AccountPage

KEY = "devices"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 6


def local_time(value: dt.datetime | None) -> str:
    """An aware time in the computer's zone, ``YYYY-MM-DD HH:MM`` ("" when unknown)."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


class DevicesPage(AccountPage):
    """Devices and sessions."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.presenter = DevicesPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)

        self.intro = QLabel()
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName(f"{KEY}.list")
        self.list.setColumnCount(COLUMNS)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.header().setObjectName(f"{KEY}.listHeader")
        self.list.setMinimumHeight(220)
        self.empty = QLabel()
        self.empty.setObjectName(f"{KEY}.empty")
        self.empty.setVisible(False)
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName(f"{KEY}.signOut")
        self.sign_out_others_button = QPushButton()
        self.sign_out_others_button.setObjectName(f"{KEY}.signOutOthers")
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_others_button)
        self.body.addWidget(self.intro)
        self.body.addWidget(self.list, 1)
        self.body.addWidget(self.empty)
        self.body.addLayout(buttons)

        self.presenter.devices_changed.connect(self._show_devices)
        self.presenter.signed_out.connect(self._signed_out)
        self.presenter.busy_changed.connect(self._update_buttons)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.sign_out_button.clicked.connect(self.sign_out_selected)
        self.sign_out_others_button.clicked.connect(self.sign_out_others)
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()

    def selected_row(self) -> DeviceRow | None:
        items = self.list.selectedItems()
        if not items:
            return None
        device_id = items[0].data(0, ID_ROLE)
        return next((r for r in self.presenter.rows if r.device_id == device_id), None)

    def select_device(self, device_id: str) -> None:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, ID_ROLE) == device_id:
                self.list.setCurrentItem(item)
                return

    def sign_out_selected(self) -> None:
        row = self.selected_row()
        if row is not None and not row.current and not self.presenter.busy:
            self.services.tasks.start(self._confirm_sign_out(row), name="devices.confirm")

    def sign_out_others(self) -> None:
        if self.signed_in and not self.presenter.busy:
            self.services.tasks.start(self._confirm_sign_out(None), name="devices.confirm")

    async def _confirm_sign_out(self, row: DeviceRow | None) -> None:
        if row is None:
            key, title = f"{KEY}.signOutOthersConfirm", self.tr("Sign out everywhere else?")
            text = self.tr("Every other device and app signed in to your account will have to "
                           "sign in again. This device stays signed in.")
        else:
            key, title = f"{KEY}.signOutConfirm", self.tr("Sign out this device?")
            text = self.tr("{device} will have to sign in again.").format(
                device=self._describe(row))
        answer = await ask(self, key, title, text, [
            Choice("signOut", self.tr("Sign out"), QMessageBox.ButtonRole.AcceptRole),
            Choice("cancel", self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
            default="signOut")
        if answer != "signOut":
            return
        if row is None:
            self.presenter.sign_out_others()
        else:
            self.presenter.sign_out(row.device_id)

    # ------------------------------------------------------------------ binding

    def _describe(self, row: DeviceRow) -> str:
        parts = [part for part in (row.name, row.browser, row.os) if part]
        return " · ".join(parts) or self.tr("Unknown device")

    def _show_devices(self, rows: list[DeviceRow]) -> None:
        selected = self.selected_row()
        self.list.clear()
        for row in rows:
            if row.current:
                state = self.tr("This device")
            elif row.online:
                state = self.tr("Signed in")
            else:
                state = self.tr("Signed out")
            item = QTreeWidgetItem([row.name or self.tr("Unknown device"), row.os, row.browser,
                                    row.ip, local_time(row.last_active), state])
            item.setData(0, ID_ROLE, row.device_id)
            if row.current:
                font = QFont(self.list.font())
                font.setBold(True)
                for column in range(COLUMNS):
                    item.setFont(column, font)
            item.setToolTip(0, row.device_id)
            self.list.addTopLevelItem(item)
        if selected is not None:
            self.select_device(selected.device_id)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def _signed_out(self, count: int) -> None:
        self.notify(self.tr("Signed out {count} device(s).").format(count=count))

    def _update_buttons(self, _busy: object = None) -> None:
        row = self.selected_row()
        busy = self.presenter.busy
        self.sign_out_button.setEnabled(not busy and row is not None and not row.current
                                        and row.online)
        self.sign_out_others_button.setEnabled(not busy and self.presenter.others_online > 0)

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Devices and sessions"),
                               self.tr("Sign in to see where your account is signed in."))
        self.intro.setText(self.tr(
            "Where your account is signed in. If you do not recognise a device, sign it out "
            "and change your password."))
        self.list.setHeaderLabels([self.tr("Device"), self.tr("System"), self.tr("Browser or app"),
                                   self.tr("IP address"), self.tr("Last active"),
                                   self.tr("Status")])
        self.list.setAccessibleName(self.tr("Devices signed in to your account"))
        self.list.header().setAccessibleName(self.tr("Columns"))
        self.empty.setText(self.tr("No devices yet."))
        self.sign_out_button.setText(self.tr("Sign out the selected device"))
        self.sign_out_button.setAccessibleName(self.sign_out_button.text())
        self.sign_out_others_button.setText(self.tr("Sign out everywhere else"))
        self.sign_out_others_button.setAccessibleName(self.tr(
            "Sign out every device but this one"))
        if self.presenter.rows:
            self._show_devices(self.presenter.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
