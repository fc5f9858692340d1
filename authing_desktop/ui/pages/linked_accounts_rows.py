"""The rows of the Linked accounts page: one linked outside account (icon, provider, the outside
account's name, when it was linked, Unlink…) and one source that can still be linked (icon,
name, Link)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from authing_desktop.presenters import wording
from authing_desktop.presenters.linked_accounts import LinkableSourceRow, LinkedAccountRow
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_kind, set_tone

ICON_SIDE = 22


class _RowFrame(QFrame):
    """A framed row: an icon, a title and details, then buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("card", True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._icon_name = "link"
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_SIDE, ICON_SIDE)
        self.title = QLabel()
        self.title.setObjectName(f"{name}.name")
        self.title.setProperty("heading", "card")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel()
        self.details.setObjectName(f"{name}.details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_tone(self.details, "note")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.details)
        self.row_layout = QHBoxLayout(self)
        self.row_layout.setContentsMargins(16, 10, 16, 10)
        self.row_layout.setSpacing(12)
        self.row_layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.row_layout.addLayout(texts, 1)

    def set_icon(self, name: str) -> None:
        self._icon_name = name
        self.icon.setPixmap(icon(name).pixmap(QSize(ICON_SIDE, ICON_SIDE)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.set_icon(self._icon_name)
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class LinkedAccountView(_RowFrame):
    """``linkedAccounts.account<N>`` with ``.name``, ``.details`` and ``.unlink``."""

    def __init__(self, name: str, row: LinkedAccountRow, unlink: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.row = row
        self.unlink = QPushButton(icon("unlink"), "")
        self.unlink.setObjectName(f"{name}.unlink")
        set_kind(self.unlink, "danger")
        self.unlink.clicked.connect(lambda: unlink(self.row.ext_idp_id))
        self.row_layout.addWidget(self.unlink, 0, Qt.AlignmentFlag.AlignVCenter)
        self.show_row(row)

    def show_row(self, row: LinkedAccountRow) -> None:
        self.row = row
        self.set_icon(row.icon)
        self.retranslate()

    def retranslate(self) -> None:
        row = self.row
        provider = row.name.text()
        self.title.setText(provider)
        parts = [row.account or self.tr("(no name given)")]
        if row.linked_at is not None:
            parts.append(self.tr("Linked {date}").format(date=wording.local_date(row.linked_at)))
        details = " · ".join(parts)
        self.details.setText(details)
        self.details.setAccessibleName(details)
        self.title.setAccessibleName(self.tr("Linked account: {provider}").format(
            provider=provider))
        self.setAccessibleName(f"{provider}: {details}")
        self.unlink.setText(self.tr("Unlink…"))
        self.unlink.setAccessibleName(self.tr("Unlink {provider}").format(provider=provider))


class LinkableSourceView(_RowFrame):
    """``linkedAccounts.source<N>`` with ``.name``, ``.details`` and ``.link``."""

    def __init__(self, name: str, row: LinkableSourceRow, link: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.row = row
        self.link = QPushButton(icon("link"), "")
        self.link.setObjectName(f"{name}.link")
        set_kind(self.link, "primary")
        self.link.clicked.connect(lambda: link(self.row.identifier))
        self.row_layout.addWidget(self.link, 0, Qt.AlignmentFlag.AlignVCenter)
        self.show_row(row)

    def show_row(self, row: LinkableSourceRow) -> None:
        self.row = row
        self.set_icon(row.icon)
        self.retranslate()

    def retranslate(self) -> None:
        provider = self.row.name.text()
        self.title.setText(provider)
        self.title.setAccessibleName(provider)
        details = self.tr("Sign in to {provider} in your browser to link it.").format(
            provider=provider)
        self.details.setText(details)
        self.details.setAccessibleName(details)
        self.setAccessibleName(f"{provider}: {details}")
        self.link.setText(self.tr("Link"))
        self.link.setAccessibleName(self.tr("Link {provider}").format(provider=provider))
