"""The Applications page: the apps you may open as tiles (logo, name, description and
protocol), page by page; a search over the loaded pages; opening an app's web address in the
system browser (http and https only)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
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
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from authing_desktop.presenters import wording
from authing_desktop.presenters.applications import (
    DESCRIPTION_ROLE,
    LOGO_ROLE,
    PROTOCOL_ROLE,
    URL_ROLE,
    ApplicationsPresenter,
)
from authing_desktop.presenters.signed_in_apps import SignedInAppsPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.avatar_cache import AvatarCache
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import AccountPage, section_title
from authing_desktop.ui.pages.signed_in_apps_card import SignedInAppsCard
from authing_desktop.ui.theme import set_kind
from authing_desktop.ui.widgets.avatar_view import decode_image

KEY = "applications"
ICON_SIZE = 40
TILE = QSize(256, 84)  # a tile's size; as many per row as the page's width allows
PADDING = 12


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
            return self.data(index, Qt.ItemDataRole.DisplayRole).replace("\n", ", ")
        if role == Qt.ItemDataRole.DecorationRole:
            logo = str(super().data(index, LOGO_ROLE) or "")
            icon = self._icons.get(logo)
            if icon is None and logo:
                self._load(logo)
            name = str(super().data(index, Qt.ItemDataRole.DisplayRole) or "?")
            return icon or _placeholder_icon(name[:1])
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            url = str(super().data(index, URL_ROLE) or "")
            return f"{text}\n{url}" if url else text
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


class AppTile(QStyledItemDelegate):
    """Draws an app as a tile: a framed box with the logo at the left, the name in bold and
    the description and protocol under it (elided to the tile; the full text is the
    tooltip and the accessible text)."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        palette = option.palette
        rect = option.rect.adjusted(4, 4, -4, -4)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = palette.color(QPalette.ColorRole.Highlight if selected
                               or state & QStyle.StateFlag.State_HasFocus
                               else QPalette.ColorRole.Mid)
        painter.setPen(border)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase if selected
                                       else QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 8, 8)
        logo = index.data(Qt.ItemDataRole.DecorationRole)
        top = rect.top() + (rect.height() - ICON_SIZE) // 2
        if isinstance(logo, QIcon):
            logo.paint(painter, rect.left() + PADDING, top, ICON_SIZE, ICON_SIZE)
        lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n", 1)
        left = rect.left() + PADDING * 2 + ICON_SIZE
        width = rect.right() - PADDING - left
        font = painter.font()
        bold = painter.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        name = metrics.elidedText(lines[0], Qt.TextElideMode.ElideRight, width)
        line_height = metrics.height()
        first = rect.top() + (rect.height() - 2 * line_height - 4) // 2
        painter.drawText(left, first, width, line_height, Qt.AlignmentFlag.AlignLeft, name)
        if len(lines) > 1:
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            detail = painter.fontMetrics().elidedText(lines[1], Qt.TextElideMode.ElideRight,
                                                      width)
            painter.drawText(left, first + line_height + 4, width, line_height,
                             Qt.AlignmentFlag.AlignLeft, detail)
        painter.restore()


class ApplicationsPage(AccountPage):
    """Applications you may open, and the ones you are signed in to (a separate card)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = ApplicationsPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        self.signed_in_presenter = SignedInAppsPresenter(services.session, services.tasks,
                                                         parent=self)
        self.bind(self.signed_in_presenter)
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

        yield
        self.cards = AppCards(services.avatars, services.tasks, self)
        self.cards.setSourceModel(self.presenter.visible)
        self.list = QListView()
        self.list.setObjectName(f"{KEY}.list")
        self.list.setModel(self.cards)
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.setItemDelegate(AppTile(self.list))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSpacing(4)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(lambda _index: self.open_current())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self.cards.modelReset.connect(self._update_actions)
        self.cards.rowsInserted.connect(lambda *_: self._update_actions())
        self.cards.rowsRemoved.connect(lambda *_: self._update_actions())

        yield
        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{KEY}.empty")
        self.open_button = QPushButton(icon("external-link"), "")
        set_kind(self.open_button, "primary")
        self.open_button.setObjectName(f"{KEY}.open")
        self.open_button.clicked.connect(self.open_current)
        self.more_button = QPushButton()
        self.more_button.setObjectName(f"{KEY}.more")
        self.more_button.clicked.connect(self._load_more)
        actions = QHBoxLayout()
        actions.addWidget(self.empty_label, 1)
        actions.addWidget(self.more_button)
        actions.addWidget(self.open_button)

        self.open_title = section_title(f"{KEY}.openTitle")
        self.body.addWidget(self.open_title)
        self.body.addLayout(top)
        self.body.addWidget(self.list, 1)
        self.body.addLayout(actions)
        yield
        self.signed_in_card = SignedInAppsCard(KEY, self, self.signed_in_presenter)
        self.body.addWidget(self.signed_in_card)
        self.presenter.paging_changed.connect(self._update_actions)
        self.retranslate()
        self._apply_state()

    def load(self) -> None:
        self.presenter.load()
        self.signed_in_presenter.load()

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
            shown=wording.count(shown), total=wording.count(p.total_count)))
        self.count_label.setAccessibleName(self.tr("Applications shown: {count}").format(
            count=self.count_label.text()))
        if p.loaded_count and not shown:
            self.empty_label.setText(self.tr("No loaded application matches the search."))
        elif not p.loaded_count and p.pages_loaded:
            self.empty_label.setText(self.tr("There are no applications for you yet."))
        else:
            self.empty_label.setText("")

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Applications"),
                               self.tr("Sign in to see the applications you can open."),
                               self.tr("Two lists: the applications you can open with "
                                       "this account (double-click one to open it in your "
                                       "browser), and under them the ones you are signed in "
                                       "to now, which you can sign out of everywhere."))
        self.open_title.setText(self.tr("Applications you can open"))
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
