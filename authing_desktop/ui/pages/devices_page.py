"""The Devices and sessions page (``devices.*``): every device signed in to the account as a row
of a data list (an icon for its kind, what it is, a "This device" or "Signed out" badge, when
it was last active and from which IP); sign the selected one out, or every other one."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters import wording
from authing_desktop.presenters.devices import DeviceRow, DevicesPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import AccountPage
from authing_desktop.ui.theme import set_badge, set_kind, set_tone
from authing_desktop.ui.widgets.card import Card

KEY = "devices"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ICON_SIDE = 28


def value_label(name: str, tone: str = "") -> QLabel:
    """A label showing a value (its accessible name follows its text: `DeviceRowView`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_tone(label, tone)
    return label


class DeviceRowView(QFrame):
    """One device in the list: icon, what it is, a badge, and "last active · IP"."""

    def __init__(self, row: DeviceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.row")
        self.row = row
        self.icon = QLabel()
        self.icon.setObjectName(f"{KEY}.rowIcon")
        self.icon.setFixedSize(ICON_SIDE + 8, ICON_SIDE + 8)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = value_label(f"{KEY}.rowTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.badge = QLabel()
        self.badge.setObjectName(f"{KEY}.rowBadge")
        self.system = value_label(f"{KEY}.rowSystem", "note")
        self.details = value_label(f"{KEY}.rowDetails", "note")
        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addLayout(heading)
        texts.addWidget(self.system)
        texts.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        self.retranslate()

    def _draw_icon(self) -> None:
        self.icon.setPixmap(icon(self.row.kind).pixmap(QSize(ICON_SIDE, ICON_SIDE)))

    def badge_text(self) -> str:
        if self.row.current:
            return self.tr("This device")
        return self.tr("Signed in") if self.row.online else self.tr("Signed out")

    def details_text(self) -> str:
        active = wording.when(self.row.last_active)
        parts = [self.tr("Last active {when}").format(when=active) if active else ""]
        if self.row.ip:
            parts.append(self.tr("IP {address}").format(address=self.row.ip))
        return " · ".join(p for p in parts if p)

    def summary(self) -> str:
        """Everything the row shows, in one sentence for screen readers."""
        parts = [self.row.label, self.badge_text(), self.row.system, self.details_text()]
        return ", ".join(p for p in parts if p)

    def retranslate(self) -> None:
        row = self.row
        self._draw_icon()
        self.title.setText(row.label)
        self.badge.setText(self.badge_text())
        set_badge(self.badge, "ok" if row.current else "note" if row.online else "")
        set_tone(self.badge, "" if row.online or row.current else "note")
        self.system.setText(row.system)
        self.system.setVisible(bool(row.system))
        self.details.setText(self.details_text())
        for label in (self.title, self.badge, self.system, self.details):
            label.setAccessibleName(label.text())
        self.setToolTip(self.tr("Device id: {id}").format(id=row.device_id))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()  # a theme switch: the icon follows the text colour
        super().changeEvent(event)


class DevicesPage(AccountPage):
    """Devices and sessions."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = DevicesPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        self._action = ""  # which button started the running call ("one" or "others")

        yield
        self.card = Card(f"{KEY}.devicesCard", icon="monitor-smartphone")
        self.list = QListWidget()
        self.list.setObjectName(f"{KEY}.list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setMinimumHeight(240)
        self.empty = QLabel()
        self.empty.setObjectName(f"{KEY}.empty")
        self.empty.setVisible(False)
        set_tone(self.empty, "note")
        self.sign_out_button = QPushButton(icon("log-out"), "")
        self.sign_out_button.setObjectName(f"{KEY}.signOut")
        set_kind(self.sign_out_button, "danger")
        self.sign_out_others_button = QPushButton()
        self.sign_out_others_button.setObjectName(f"{KEY}.signOutOthers")
        self.card.body.addWidget(self.list, 1)
        self.card.body.addWidget(self.empty)
        self.card.add_action(self.sign_out_others_button)
        self.card.add_action(self.sign_out_button)
        self.intro = self.card.description  # the sentence under the card's title
        self.body.addWidget(self.card, 1)

        yield
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

    def rows_shown(self) -> list[DeviceRowView]:
        """The row views in list order (tests and screen readers read them)."""
        views = []
        for index in range(self.list.count()):
            view = self.list.itemWidget(self.list.item(index))
            if isinstance(view, DeviceRowView):
                views.append(view)
        return views

    def selected_row(self) -> DeviceRow | None:
        items = self.list.selectedItems()
        if not items:
            return None
        device_id = items[0].data(ID_ROLE)
        return next((r for r in self.presenter.rows if r.device_id == device_id), None)

    def select_device(self, device_id: str) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item is not None and item.data(ID_ROLE) == device_id:
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
            text = self.tr("{device} will have to sign in again.").format(device=row.label)
        answer = await ask(self, key, title, text, [
            Choice("signOut", self.tr("Sign out"), QMessageBox.ButtonRole.AcceptRole),
            Choice("cancel", self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
            default="signOut")
        if answer != "signOut":
            return
        self._action = "others" if row is None else "one"
        if row is None:
            self.presenter.sign_out_others()
        else:
            self.presenter.sign_out(row.device_id)
        self._update_buttons()

    # ------------------------------------------------------------------ binding

    def _show_devices(self, rows: list[DeviceRow]) -> None:
        selected = self.selected_row()
        self.list.clear()
        for row in rows:
            item = QListWidgetItem()
            item.setData(ID_ROLE, row.device_id)
            view = DeviceRowView(row)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, view.summary())
            item.setSizeHint(view.sizeHint())
            self.list.addItem(item)
            self.list.setItemWidget(item, view)
        if selected is not None:
            self.select_device(selected.device_id)
        self.empty.setVisible(not rows)
        self._update_buttons()

    def _signed_out(self, count: int) -> None:
        self.notify(self.tr("Signed out %n device(s).", "", count))

    def _update_buttons(self, _busy: object = None) -> None:
        row = self.selected_row()
        busy = self.presenter.busy
        if not busy:
            self._action = ""
        self.sign_out_button.setEnabled(not busy and row is not None and not row.current
                                        and row.online)
        self.sign_out_others_button.setEnabled(not busy and self.presenter.others_online > 0)
        # The button that started the call says so while it runs.
        self.sign_out_button.setText(self.tr("Signing out…") if self._action == "one"
                                     else self.tr("Sign out the selected device"))
        self.sign_out_others_button.setText(
            self.tr("Signing out…") if self._action == "others"
            else self.tr("Sign out everywhere else"))
        if row is not None and row.current:
            self.sign_out_button.setToolTip(self.tr(
                "This is the device you are using: use Sign out on the Sign in page."))
        else:
            self.sign_out_button.setToolTip("")

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(
            self.tr("Devices and sessions"),
            self.tr("Sign in to see where your account is signed in."),
            self.tr("Where your account is signed in, and when each device was last used."))
        self.card.set_texts(self.tr("Signed-in devices"), self.tr(
            "If you do not recognise a device, sign it out and change your password."))
        self.list.setAccessibleName(self.tr("Devices signed in to your account"))
        self.empty.setText(self.tr("No devices yet."))
        self.sign_out_button.setAccessibleName(self.tr("Sign out the selected device"))
        self.sign_out_others_button.setAccessibleName(self.tr(
            "Sign out every device but this one"))
        self._update_buttons()
        if self.presenter.rows:
            self._show_devices(self.presenter.rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
