"""The window's content once the services exist: navigation, message banner, the pages.

Pages come from the registry (`authing_desktop.ui.pages`) and are built the first time shown
(or ahead of use by `PageWarmUp`). The session decides the route: signed in -> Profile, signed
out -> Sign in.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.services.session import SessionState
from authing_desktop.ui.account_header import AccountHeader
from authing_desktop.ui.icons import icon
from authing_desktop.ui.message_banner import MessageBanner
from authing_desktop.ui.page_warm_up import WINDOW_STEPS, PageWarmUp
from authing_desktop.ui.pages import PAGES, PageSpec, Section

if TYPE_CHECKING:
    from authing_desktop.services.app_services import AppServices

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_KEY = "header.account"
SUPPORT_HEADER_KEY = "header.support"
NAV_WIDTH = 232
NAV_ICON_SIDE = 18
SIGN_IN_KEY = "signin"
ACCOUNT_HOME_KEY = "profile"
# "On the next turn" is a real timer: Qt 6 makes a 0 ms single shot a posted event, which runs
# in the same event-loop pass as the work that posted it, and the paint of both with it.
NEXT_TURN_MS = 1


class PageStack(QStackedWidget):
    """The pages, one shown at a time, in the space the window gives them.

    Its height never depends on its width: a page scrolls its content. Saying so keeps the
    window's layout from asking every page, shown or not, how tall its wrapped text would be at
    each relayout (a stacked layout answers with the tallest of all its pages)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


class Workspace(QWidget):
    """Navigation, banner and pages; ``page_changed`` carries the key of the page shown."""

    page_changed = Signal(str)

    def __init__(self, services: AppServices, pages: tuple[PageSpec, ...] = PAGES,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._specs = {spec.key: spec for spec in pages}
        self._pages: dict[str, QWidget] = {}
        # Each widget is made inside its parent: one moved into a parent later is polished
        # again with the app's style sheet.
        side = QWidget(self)
        side.setObjectName("shell.side")
        side.setFixedWidth(NAV_WIDTH)
        self.account_header = AccountHeader(services, side)
        self.nav = QListWidget(side)
        self.nav.setObjectName("shell.nav")
        self.nav.setUniformItemSizes(True)
        self.nav.setIconSize(QSize(NAV_ICON_SIDE, NAV_ICON_SIDE))
        self.nav.setProperty("nav", True)  # the theme pads its items
        self._fill_nav(pages)
        self.banner = MessageBanner(self)
        self.stack = PageStack(self)
        self.stack.setObjectName("shell.pages")
        content = QVBoxLayout()
        content.setContentsMargins(8, 8, 8, 0)
        content.addWidget(self.banner)
        content.addWidget(self.stack, 1)
        self.content_layout = content  # sign-in alerts put their card under the banner
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.account_header)
        side_layout.addWidget(self.nav, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addLayout(content, 1)
        self.warm_up = PageWarmUp(self)
        self._retranslate()

        self.nav.currentItemChanged.connect(self._on_nav_changed)
        services.session.state_changed.connect(self._route_session_state)
        services.bus.attach(self.banner.show_message)
        if self._specs:
            self.show_page(next(iter(self._specs)))

    @property
    def specs(self) -> dict[str, PageSpec]:
        return self._specs

    @property
    def built_pages(self) -> dict[str, QWidget]:
        return self._pages

    @property
    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(PAGE_KEY_ROLE)) if item is not None else ""

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use (whole: a page built ahead in parts
        builds the parts it still lacks now)."""
        widget = self._pages.get(key)
        if widget is not None:
            finish = getattr(widget, "finish_building", None)
            if finish is not None:
                finish()
        else:
            # Built inside the stack: adding a finished page to it would re-polish every child.
            widget = self._specs[key].build(self.services, self.stack)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return widget

    def show_page(self, key: str) -> None:
        """Select and show the page ``key`` (built now, or, while the warm-up's worker
        imports, right after it: building may import)."""
        if key not in self._specs:
            raise KeyError(f"no page {key!r}")
        item = self._nav_item(key)
        if item is not None and self.nav.currentItem() is not item:
            self.nav.setCurrentItem(item)  # comes back here through _on_nav_changed
            return
        self.services.warm_up.soon(lambda: self._show_built(key), group=WINDOW_STEPS)

    def detach(self) -> None:
        """Stop following the bus and the session (the window is closing: its widgets may be
        gone before a late sign-out announces itself)."""
        self.services.bus.detach(self.banner.show_message)
        self.warm_up.stop()
        session = self.services.session
        for signal, slot in ((session.state_changed, self._route_session_state),
                             *self.account_header.connections()):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def _show_built(self, key: str) -> None:
        if self.current_page_key != key:
            return  # the user chose another page meanwhile
        self.stack.setCurrentWidget(self.page(key))
        self.page_changed.emit(key)

    def _on_nav_changed(self, current: QListWidgetItem | None,
                        previous: QListWidgetItem | None) -> None:
        key = str(current.data(PAGE_KEY_ROLE)) if current is not None else ""
        if key not in self._specs:
            return
        if previous is not None and not self._may_leave(previous, key):
            # The page keeps the user (e.g. unsaved edits): it shows the page itself once the
            # user decided. Put the selection back without coming here again.
            blocker = QSignalBlocker(self.nav)
            self.nav.setCurrentItem(previous)
            blocker.unblock()
            return
        self.show_page(key)

    def _may_leave(self, item: QListWidgetItem, target: str) -> bool:
        """Ask the page being left (``may_leave(target_key) -> bool``, optional)."""
        page = self._pages.get(str(item.data(PAGE_KEY_ROLE)))
        may_leave = getattr(page, "may_leave", None)
        return may_leave is None or bool(may_leave(target))

    def _fill_nav(self, pages: tuple[PageSpec, ...]) -> None:
        headings = {Section.ACCOUNT: HEADER_KEY, Section.SUPPORT: SUPPORT_HEADER_KEY}
        for spec in pages:
            heading = headings.pop(spec.section, None)
            if heading is not None:
                header = QListWidgetItem()
                header.setData(PAGE_KEY_ROLE, heading)
                # A heading: disabled so that mouse and arrow keys pass over it; its colour
                # stays the normal text's.
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                header.setForeground(self.palette().text())
                font = QFont(self.nav.font())
                font.setBold(True)
                header.setFont(font)
                self.nav.addItem(header)
            item = QListWidgetItem(icon(spec.icon), "")
            item.setData(PAGE_KEY_ROLE, spec.key)
            self.nav.addItem(item)
        self._enable_account_pages()

    def _enable_account_pages(self) -> None:
        """Account pages are there to see but not to open while nobody is signed in."""
        signed_in = self.services.session.state == SessionState.SIGNED_IN
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            spec = self._specs.get(str(item.data(PAGE_KEY_ROLE)))
            if spec is None or spec.section is not Section.ACCOUNT:
                continue
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags if signed_in else Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip("" if signed_in else self.tr("Sign in to open this page."))
            # Dimmed by hand: the style sheet's item colour would hide the disabled state.
            group = QPalette.ColorGroup.Active if signed_in else QPalette.ColorGroup.Disabled
            item.setForeground(self.palette().brush(group, QPalette.ColorRole.Text))

    def _nav_item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(PAGE_KEY_ROLE) == key:
                return item
        return None

    def _route_session_state(self, state: str) -> None:
        """Signed in: the account pages (Profile); signed out or expired: the sign-in page."""
        self._enable_account_pages()
        if state in (SessionState.RESTORING, SessionState.SIGNED_IN):
            self.warm_up.load_pages()  # the account pages are about to be shown
        self.warm_up.plan()
        if state == SessionState.SIGNED_IN and ACCOUNT_HOME_KEY in self._specs:
            # On the next turn: this runs inside the sign-in's own handling, and building the
            # Profile page on top of that would hold the UI thread for more than a frame.
            QTimer.singleShot(NEXT_TURN_MS, self, self._show_account_home)
        elif state == SessionState.SIGNED_OUT and SIGN_IN_KEY in self._specs:
            self.show_page(SIGN_IN_KEY)

    def _show_account_home(self) -> None:
        if (self.services.session.state != SessionState.SIGNED_IN
                or self.current_page_key != SIGN_IN_KEY):
            return  # signed out again, or the user went to another page meanwhile
        if ACCOUNT_HOME_KEY not in self._pages:
            # Not built ahead (a quick sign-in): build it now, show it on the next turn, so
            # that building and the first paint are not one long stall.
            self.services.warm_up.soon(self._build_then_show_home, group=WINDOW_STEPS)
            return
        self.show_page(ACCOUNT_HOME_KEY)

    def _build_then_show_home(self) -> None:
        self.page(ACCOUNT_HOME_KEY)
        QTimer.singleShot(NEXT_TURN_MS, self, self._show_account_home)

    def _retranslate(self) -> None:
        self.nav.setAccessibleName(self.tr("Sections"))
        headings = {HEADER_KEY: self.tr("Account"), SUPPORT_HEADER_KEY: self.tr("Support tools")}
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = str(item.data(PAGE_KEY_ROLE))
            item.setText(headings[key] if key in headings else self._specs[key].title())
        self._enable_account_pages()
        self.stack.setAccessibleName(self.tr("Page"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            # The headings' colour was copied from the palette: follow a theme switch.
            for key in (HEADER_KEY, SUPPORT_HEADER_KEY):
                header = self._nav_item(key)
                if header is not None:
                    header.setForeground(self.palette().text())
            self._enable_account_pages()
        super().changeEvent(event)
