"""The Applications page: the apps you may open, page by page, with logo, name, description
and protocol; a search over the loaded pages; opening an app's web address in the system
browser (http and https only)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QWidget,
)

from authing_desktop.presenters.applications import (
    DESCRIPTION_ROLE,
    LOGO_ROLE,
    PROTOCOL_ROLE,
    URL_ROLE,
    ApplicationsPresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.avatar_cache import AvatarCache
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.ui.pages.account_base import AccountPage
from authing_desktop.ui.widgets.avatar_view import decode_image

KEY = "applications"
ICON_SIZE = 36


def _placeholder_icon(letter: str) -> QIcon:
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#b8d4f0"))
    painter.drawRoundedRect(0, 0, ICON_SIZE, ICON_SIZE, 7, 7)
    painter.setPen(QColor("#1f3b5c"))
    font = painter.font()
    font.setPixelSize(16)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, letter.upper() or "?")
    painter.end()
    return QIcon(pixmap)


class AppCards(QIdentityProxyModel):
    """Two-line text (name; description · protocol) and the logo, loaded in the background
    (a letter tile until then, or when it cannot be loaded)."""

    def __init__(self, images: AvatarCache, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self._tasks = tasks
        self._icons: dict[str, QIcon] = {}
        self._asked: set[str] = set()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            name = super().data(index, role) or ""
            details = [str(super().data(index, DESCRIPTION_ROLE) or ""),
                       str(super().data(index, PROTOCOL_ROLE) or "")]
            second = " · ".join(d for d in details if d)
            return f"{name}\n{second}" if second else name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(super().data(index, Qt.ItemDataRole.DisplayRole) or "")
        if role == Qt.ItemDataRole.DecorationRole:
            logo = str(super().data(index, LOGO_ROLE) or "")
            icon = self._icons.get(logo)
            if icon is None and logo:
                self._load(logo)
            name = str(super().data(index, Qt.ItemDataRole.DisplayRole) or "?")
            return icon or _placeholder_icon(name[:1])
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(super().data(index, URL_ROLE) or "")
        return super().data(index, role)

    def _load(self, url: str) -> None:
        if url in self._asked or self._tasks.closed:
            return
        self._asked.add(url)
        self._tasks.start(self._fetch(url), name=f"applications.logo.{url}")

    async def _fetch(self, url: str) -> None:
        data = await self._images.get(url)
        if data is None:
            return
        image = await asyncio.get_running_loop().run_in_executor(None, decode_image, data)
        if image is None:
            return
        self._icons[url] = QIcon(QPixmap.fromImage(image))
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, 0),
                                  [Qt.ItemDataRole.DecorationRole])


class ApplicationsPage(AccountPage):
    """Applications you may open."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.presenter = ApplicationsPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        # The system browser; tests replace it.
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl

        self.search = QLineEdit()
        self.search.setObjectName(f"{KEY}.search")
        self.search.setClearButtonEnabled(True)
        self.search_clear = self.search.findChild(QToolButton)
        if self.search_clear is not None:
            self.search_clear.setObjectName(f"{KEY}.searchClear")
        self.search.textChanged.connect(self.presenter.set_search)
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{KEY}.count")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.cards = AppCards(services.avatars, services.tasks, self)
        self.cards.setSourceModel(self.presenter.visible)
        self.list = QListView()
        self.list.setObjectName(f"{KEY}.list")
        self.list.setModel(self.cards)
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.setSpacing(3)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda _index: self.open_current())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.cards.modelReset.connect(self._update_actions)
        self.cards.rowsInserted.connect(lambda *_: self._update_actions())
        self.cards.rowsRemoved.connect(lambda *_: self._update_actions())

        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{KEY}.empty")
        self.open_button = QPushButton()
        self.open_button.setObjectName(f"{KEY}.open")
        self.open_button.clicked.connect(self.open_current)
        self.more_button = QPushButton()
        self.more_button.setObjectName(f"{KEY}.more")
        self.more_button.clicked.connect(self._load_more)
        actions = QHBoxLayout()
        actions.addWidget(self.empty_label, 1)
        actions.addWidget(self.more_button)
        actions.addWidget(self.open_button)

        self.body.addLayout(top)
        self.body.addWidget(self.list, 1)
        self.body.addLayout(actions)
        self.presenter.paging_changed.connect(self._update_actions)
        self.retranslate()
        self._apply_state()

    def load(self) -> None:
        self.presenter.load()

    def _load_more(self) -> None:
        if not self.presenter.busy and self.presenter.has_more:
            self.presenter.load_more()

    def current_url(self) -> str:
        index = self.list.currentIndex()
        return str(index.data(URL_ROLE) or "") if index.isValid() else ""

    def open_current(self) -> None:
        url = self.current_url()
        if url:  # only http(s): the presenter gives nothing else
            self.open_url(QUrl(url))

    def _update_actions(self) -> None:
        p = self.presenter
        self.open_button.setEnabled(bool(self.current_url()))
        self.more_button.setVisible(p.has_more)
        shown = self.cards.rowCount()
        self.count_label.setText(self.tr("{shown} of {total}").format(
            shown=shown, total=p.total_count))
        if p.loaded_count and not shown:
            self.empty_label.setText(self.tr("No loaded application matches the search."))
        elif not p.loaded_count and p.pages_loaded:
            self.empty_label.setText(self.tr("There are no applications for you yet."))
        else:
            self.empty_label.setText("")

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Applications"),
                               self.tr("Sign in to see the applications you can open."))
        self.search.setPlaceholderText(self.tr("Search the loaded applications"))
        self.search.setAccessibleName(self.tr("Search applications"))
        if self.search_clear is not None:
            self.search_clear.setAccessibleName(self.tr("Clear the search"))
        self.search.setToolTip(self.tr("Searches names, descriptions and addresses of the "
                                       "applications loaded so far"))
        self.list.setAccessibleName(self.tr("Applications"))
        self.open_button.setText(self.tr("Open in browser"))
        self.open_button.setAccessibleName(self.tr("Open the application in the browser"))
        self.more_button.setText(self.tr("Load more"))
        self.more_button.setAccessibleName(self.tr("Load more applications"))
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
