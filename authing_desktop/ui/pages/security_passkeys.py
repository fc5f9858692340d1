"""The Security page's "Passkeys and security keys" card (``security.passkeys*``): the account's
keys, one row each (icon, name, kind, added, last used, Rename…, Remove…), and "Add a security
key…", which opens the add dialog (name it, touch it, its PIN if it asks)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.passkeys import PasskeyRow, PasskeysPresenter
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.card import Card

ICON_SIDE = 22


class PasskeyRowView(QFrame):
    """``<page>.passkey<N>``: one key, with ``.name``, ``.details``, ``.rename``, ``.remove``."""

    def __init__(self, name: str, row: PasskeyRow, rename: Callable[[str], None],
                 remove: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("card", True)
        self.row = row
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_SIDE, ICON_SIDE)
        self.name = QLabel()
        self.name.setObjectName(f"{name}.name")
        self.name.setProperty("heading", "card")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setObjectName(f"{name}.details")
        self.details.setWordWrap(True)
        set_tone(self.details, "note")
        self.rename = QPushButton()
        self.rename.setObjectName(f"{name}.rename")
        set_kind(self.rename, "quiet")
        self.remove = QPushButton()
        self.remove.setObjectName(f"{name}.remove")
        set_kind(self.remove, "danger")
        self.rename.clicked.connect(lambda: rename(self.row.credential_id))
        self.remove.clicked.connect(lambda: remove(self.row.credential_id))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.name)
        texts.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addWidget(self.rename, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignVCenter)
        self.show_row(row)

    def show_row(self, row: PasskeyRow) -> None:
        self.row = row
        self.icon.setPixmap(icon(row.icon).pixmap(QSize(ICON_SIDE, ICON_SIDE)))
        self.name.setText(row.name)
        details = self.tr("{kind} · Added {added} · {used}").format(
            kind=row.kind_text, added=row.added or self.tr("(date unknown)"),
            used=row.last_used)
        self.details.setText(details)
        self.details.setAccessibleName(details)
        self.name.setAccessibleName(self.tr("Key: {name}").format(name=row.name))
        self.setAccessibleName(f"{row.name}: {details}")
        self.rename.setText(self.tr("Rename…"))
        self.rename.setAccessibleName(self.tr("Rename {name}").format(name=row.name))
        self.remove.setText(self.tr("Remove…"))
        self.remove.setAccessibleName(self.tr("Remove {name}").format(name=row.name))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.icon.setPixmap(icon(self.row.icon).pixmap(QSize(ICON_SIDE, ICON_SIDE)))
        elif event.type() == QEvent.Type.LanguageChange:
            self.show_row(self.row)
        super().changeEvent(event)


class PasskeysCard(Card):
    """``<page>.passkeysCard``: the rows, an empty-state line and the add button
    (``<page>.addPasskey``). ``add``, ``rename`` and ``remove`` (these two with the key's
    credential id) are the page's actions."""

    def __init__(self, page: str, presenter: PasskeysPresenter, *,
                 add: Callable[[], None], rename: Callable[[str], None],
                 remove: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(f"{page}.passkeysCard", icon="usb", parent=parent)
        self.page = page
        self.presenter = presenter
        self._rename, self._remove = rename, remove
        self.rows: list[PasskeyRowView] = []
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(8)
        self.empty = QLabel()
        self.empty.setObjectName(f"{page}.passkeys.empty")
        self.empty.setWordWrap(True)
        set_tone(self.empty, "note")
        self.body.addLayout(self.list_box)
        self.body.addWidget(self.empty)
        self.add_button = QPushButton(icon("plus"), "")
        self.add_button.setObjectName(f"{page}.addPasskey")
        set_kind(self.add_button, "primary")
        self.add_button.clicked.connect(add)
        self.add_action(self.add_button)
        presenter.keys_changed.connect(self.show_keys)
        presenter.busy_changed.connect(self._show_busy)
        self.retranslate()
        self.show_keys(presenter.keys)

    def show_keys(self, keys: tuple[PasskeyRow, ...]) -> None:
        while len(self.rows) > len(keys):
            view = self.rows.pop()
            self.list_box.removeWidget(view)
            view.deleteLater()
        for index, row in enumerate(keys):
            if index < len(self.rows):
                self.rows[index].show_row(row)
            else:
                view = PasskeyRowView(f"{self.page}.passkey{index}", row, self._rename,
                                      self._remove)
                self.list_box.addWidget(view)
                self.rows.append(view)
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(self.presenter.loaded and not self.rows)

    def _show_busy(self, busy: bool) -> None:
        for view in self.rows:
            view.rename.setEnabled(not busy)
            view.remove.setEnabled(not busy)

    def retranslate(self) -> None:
        self.set_texts(self.tr("Passkeys and security keys"),
                       self.tr("Sign in by touching a security key instead of typing a "
                               "password. Add a second key and keep it safe: losing your only "
                               "key then does not lock you out."))
        self.empty.setText(self.tr("No security key yet. Add one to sign in without your "
                                   "password."))
        self.add_button.setText(self.tr("Add a security key…"))
        self.add_button.setAccessibleName(self.tr("Add a security key"))
        self.add_button.setIconSize(QSize(16, 16))
        self._show_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
