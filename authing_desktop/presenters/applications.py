"""The applications view model: the apps the user may open, loaded page by page
(``list_applications``) into a list model, a search over the loaded pages (client-side: the
endpoint has no search parameter) and the web address to open for an app."""

from __future__ import annotations

import asyncio
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.models import Application

PAGE_SIZE = 10
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HOST_PORT = re.compile(r"^[^/:]+:\d+(/|$)")

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2
PROTOCOL_ROLE = Qt.ItemDataRole.UserRole + 3
DOMAIN_ROLE = Qt.ItemDataRole.UserRole + 4
LOGO_ROLE = Qt.ItemDataRole.UserRole + 5
URL_ROLE = Qt.ItemDataRole.UserRole + 6


def app_url(domain: str | None) -> str | None:
    """The http(s) address to open for an app's ``domain`` (a bare host name gets https://);
    None for anything else (javascript:, file:, ...)."""
    text = (domain or "").strip()
    if not text:
        return None
    has_scheme = "://" in text or (_SCHEME.match(text) and not _HOST_PORT.match(text))
    if not has_scheme:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    try:
        parts.port  # noqa: B018 - raises on a port that is no number
    except ValueError:
        return None
    if any(ch.isspace() for ch in text):
        return None
    return text


class ApplicationsAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    PAGE = "applications.page"


class ApplicationsModel(QAbstractListModel):
    """The loaded applications; DisplayRole is the name, the other roles above."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._apps: list[Application] = []

    @property
    def apps(self) -> list[Application]:
        return list(self._apps)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._apps)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._apps):
            return None
        app = self._apps[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return app.name or app.id or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return app.description or ""
        values = {ID_ROLE: app.id, DESCRIPTION_ROLE: app.description or "",
                  PROTOCOL_ROLE: (app.protocol or "").upper(), DOMAIN_ROLE: app.domain or "",
                  LOGO_ROLE: app.logo or "", URL_ROLE: app_url(app.domain) or ""}
        return values.get(role)

    def reset(self, apps: list[Application]) -> None:
        self.beginResetModel()
        self._apps = list(apps)
        self.endResetModel()

    def append(self, apps: list[Application]) -> None:
        known = {app.id for app in self._apps}
        fresh = [app for app in apps if app.id not in known]
        if not fresh:
            return
        first = len(self._apps)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._apps.extend(fresh)
        self.endInsertRows()


class ApplicationSearch(QSortFilterProxyModel):
    """Matches the search text in name, description, domain and protocol."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        haystack = " ".join(str(model.data(index, role) or "") for role in (
            Qt.ItemDataRole.DisplayRole, DESCRIPTION_ROLE, DOMAIN_ROLE, PROTOCOL_ROLE))
        return self._needle in haystack.casefold()


class ApplicationsPresenter(AccountPresenter):
    """``model`` holds every loaded app, ``visible`` the searched view of it; ``paging_changed``
    fires when `loaded_count`, `total_count` or `has_more` change."""

    paging_changed = Signal()

    def __init__(self, session: AccountSession, tasks: TaskRunner, *,
                 page_size: int = PAGE_SIZE, parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.page_size = page_size
        self.model = ApplicationsModel(self)
        self.visible = ApplicationSearch(self)
        self.visible.setSourceModel(self.model)
        self.total_count = 0
        self.pages_loaded = 0

    @property
    def loaded_count(self) -> int:
        return self.model.rowCount()

    @property
    def has_more(self) -> bool:
        return self.loaded_count < self.total_count

    def set_search(self, text: str) -> None:
        self.visible.set_text(text)

    def load(self) -> asyncio.Task[int | None]:
        """The first page again (Refresh)."""
        return self.start(self._fetch(first=True), name=ApplicationsAction.PAGE)

    def load_more(self) -> asyncio.Task[int | None]:
        return self.start(self._fetch(first=False), name=ApplicationsAction.PAGE)

    async def _fetch(self, *, first: bool) -> int:
        page = 1 if first else self.pages_loaded + 1
        result = await self._session.client.list_applications(page=page, limit=self.page_size)
        if first:
            self.model.reset(result.items)
        else:
            self.model.append(result.items)
        self.pages_loaded = page
        self.total_count = max(result.total_count, self.loaded_count)
        if not result.items:  # the server has fewer than it said: stop offering more
            self.total_count = self.loaded_count
        self.paging_changed.emit()
        return len(result.items)
