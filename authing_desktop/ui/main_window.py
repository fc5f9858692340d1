"""The shell: navigation list, message banner, the stacked pages, and a status bar.

The window can come up before the services exist (``MainWindow()``, then `attach`): the
composition root shows the bare shell first, so the first frame needs only Qt and this module,
and attaches the services (menus, toolbar, pages) right after it painted."""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QSignalBlocker, QSize, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop import APP_DISPLAY_NAME
from authing_desktop.ui.pages import PAGES, PageSpec, Section

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from authing_desktop.services.app_services import AppServices
    from authing_desktop.services.crash_report import CrashReport
    from authing_desktop.services.pool_launcher import PoolStatus
    from authing_desktop.ui.crash_dialog import CrashDialog
    from authing_desktop.ui.message_banner import MessageBanner
    from authing_desktop.ui.profile_switcher import ProfileSwitcher

# Qt.ItemDataRole.UserRole + 1, as a number: the bare shell touches no enum of the Qt namespace
# (PySide builds all ~90 of them, ~15 ms, on the first use of any), so that the first frame
# does not wait for them.
PAGE_KEY_ROLE = 0x0100 + 1
HEADER_KEY = "header.account"
SIGN_IN_KEY = "signin"
ACCOUNT_HOME_KEY = "profile"
# The warm-up's group of steps that build pages ahead of use (replaced when the plan changes).
PREBUILD = "pages.prebuild"
# "On the next turn" is a real timer: Qt 6 makes a 0 ms single shot a posted event, which runs
# in the same event-loop pass as the work that posted it, and the paint of both with it.
NEXT_TURN_MS = 1


class MainWindow(QMainWindow):
    """The app's window. Pages come from the registry and are built the first time shown.

    ``MainWindow(services)`` is ready at once; ``MainWindow()`` is the bare shell (navigation,
    status bar, a "Starting…" note) until `attach` gives it the services."""

    # Made by attach(): the banner's widgets' flags are Qt enums; the status bar shows what
    # only the services know.
    banner: MessageBanner
    profile_label: QLabel
    pool_status_label: QLabel
    first_painted = Signal(float)  # time.perf_counter() of the first paint
    ready_painted = Signal(float)  # ... of the first paint with the services attached
    page_changed = Signal(str)

    def __init__(self, services: AppServices | None = None,
                 pages: tuple[PageSpec, ...] = PAGES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attached = False
        self._ready_painted = False
        self._specs = {spec.key: spec for spec in pages}
        self._pages: dict[str, QWidget] = {}
        self._painted = False
        self._pages_preloading = False
        self._pages_preloaded = False
        self._user_started = False
        self.crash_dialog: CrashDialog | None = None
        self.setObjectName("shell")
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(QSize(960, 640))

        # Each widget is made inside its parent: one moved into a parent later is polished
        # again with the app's style sheet (with its children, ~2 ms each before the first
        # frame).
        central = QWidget(self)
        self.nav = QListWidget(central)
        self.nav.setObjectName("shell.nav")
        self.nav.setFixedWidth(200)
        self.nav.setUniformItemSizes(True)
        self.nav.setProperty("nav", True)  # the theme pads its items
        self._fill_nav(pages)
        self.nav.currentItemChanged.connect(self._on_nav_changed)

        self.stack = QStackedWidget(central)
        self.stack.setObjectName("shell.pages")

        content = QVBoxLayout()
        content.setContentsMargins(8, 8, 8, 0)
        content.addWidget(self.stack, 1)
        self._content = content
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addLayout(content, 1)
        self.setCentralWidget(central)

        # What the page area says until attach() shows the first page.
        self.starting: QLabel | None = QLabel(self.stack)
        self.starting.setObjectName("shell.starting")
        self.starting.setIndent(24)
        self.stack.addWidget(self.starting)
        self._retranslate()
        if services is not None:
            self.attach(services)

    def attach(self, services: AppServices) -> None:
        """Give the shell its services: menus, the support toolbar, the first page."""
        # Here, not at import: these touch the Qt namespace's enums (see PAGE_KEY_ROLE).
        from PySide6.QtCore import Qt

        from authing_desktop.ui.menus import install_menus
        from authing_desktop.ui.message_banner import MessageBanner
        from authing_desktop.ui.profile_switcher import install_support_tools

        self.services = services
        # The status bar says what only the services know (connection, local pool).
        # Made inside their parents, as in __init__.
        status_bar = self.statusBar()
        self.profile_label = QLabel(status_bar)
        self.profile_label.setObjectName("shell.profile")
        self.pool_status_label = QLabel(status_bar)
        self.pool_status_label.setObjectName("shell.poolStatus")
        status_bar.addWidget(self.profile_label)
        status_bar.addPermanentWidget(self.pool_status_label)
        self.banner = MessageBanner(self.centralWidget())
        self._content.insertWidget(0, self.banner)
        header = self._nav_item(HEADER_KEY)
        if header is not None:
            # A heading: disabled so that mouse and arrow keys pass over it (its colour, set in
            # _fill_nav, stays the normal text's). Not in the bare shell: see PAGE_KEY_ROLE.
            header.setFlags(Qt.ItemFlag.NoItemFlags)
        self.view_menu, self.help_menu = install_menus(self, services)
        # Profile/account switching at the top, the network inspector as a dock (support).
        self.support_tools: ProfileSwitcher = install_support_tools(self, services)

        services.pool_launcher.status_changed.connect(self._show_pool_status)
        services.settings.changed.connect(lambda _settings: self._show_profile())
        services.session.state_changed.connect(self._route_session_state)
        services.bus.attach(self.banner.show_message)
        if services.crash is not None:
            services.crash.attach_view(self._show_crash)
        self._attached = True
        self._retranslate()
        if self._specs:
            self.show_page(next(iter(self._specs)))
        if self.starting is not None:
            self.stack.removeWidget(self.starting)
            self.starting.deleteLater()
            self.starting = None
        if self._user_started:  # the user clicked or typed in the bare shell
            self._first_input()

    @property
    def attached(self) -> bool:
        """True once the window has its services (`attach`)."""
        return self._attached

    # ------------------------------------------------------------------ navigation

    @property
    def painted(self) -> bool:
        """True once the window painted its first frame."""
        return self._painted

    @property
    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(PAGE_KEY_ROLE)) if item is not None else ""

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use."""
        widget = self._pages.get(key)
        if widget is None:
            # Built inside the stack: adding a finished page to it would re-polish every child
            # (a third of the build time again).
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
        self.services.warm_up.soon(lambda: self._show_built(key))

    def _show_built(self, key: str) -> None:
        if self.current_page_key != key:
            return  # the user chose another page meanwhile
        self.stack.setCurrentWidget(self.page(key))
        self.page_changed.emit(key)

    def _on_nav_changed(self, current: QListWidgetItem | None,
                        previous: QListWidgetItem | None) -> None:
        key = str(current.data(PAGE_KEY_ROLE)) if current is not None else ""
        if key not in self._specs or not self._attached:
            return  # the bare shell: attach() shows the first page
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
        header_done = False
        for spec in pages:
            if spec.section is Section.ACCOUNT and not header_done:
                header = QListWidgetItem()
                header.setData(PAGE_KEY_ROLE, HEADER_KEY)
                header.setForeground(self.nav.palette().text())
                font = QFont(self.nav.font())
                font.setBold(True)
                header.setFont(font)
                self.nav.addItem(header)
                header_done = True
            item = QListWidgetItem()
            item.setData(PAGE_KEY_ROLE, spec.key)
            self.nav.addItem(item)

    def _nav_item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(PAGE_KEY_ROLE) == key:
                return item
        return None

    def _route_session_state(self, state: str) -> None:
        """Signed in: the account pages (Profile); signed out or expired: the sign-in page."""
        from authing_desktop.services.session import RESTORING, SIGNED_IN, SIGNED_OUT

        if state in (RESTORING, SIGNED_IN):
            self.preload_pages()  # the account pages are about to be shown
        self._plan_prebuild()
        if state == SIGNED_IN and ACCOUNT_HOME_KEY in self._specs:
            # On the next turn: this runs inside the sign-in's own handling, and building the
            # Profile page on top of that would hold the UI thread for more than a frame.
            QTimer.singleShot(NEXT_TURN_MS, self, self._show_account_home)
        elif state == SIGNED_OUT and SIGN_IN_KEY in self._specs:
            self.show_page(SIGN_IN_KEY)

    def _show_account_home(self) -> None:
        from authing_desktop.services.session import SIGNED_IN

        if self.services.session.state != SIGNED_IN or self.current_page_key != SIGN_IN_KEY:
            return  # signed out again, or the user went to another page meanwhile
        if ACCOUNT_HOME_KEY not in self._pages:
            # Not built ahead (a quick sign-in): build it now, show it on the next turn, so
            # that building and the first paint are not one long stall.
            self.services.warm_up.soon(lambda: self._build_then_show_home())
            return
        self.show_page(ACCOUNT_HOME_KEY)

    def _build_then_show_home(self) -> None:
        self.page(ACCOUNT_HOME_KEY)
        QTimer.singleShot(NEXT_TURN_MS, self, self._show_account_home)

    # ------------------------------------------------------------------ status

    def _show_pool_status(self, status: PoolStatus) -> None:
        from authing_desktop.services.pool_launcher import PoolStatus

        texts = {
            PoolStatus.IDLE: "",
            PoolStatus.STARTING: self.tr("Local pool: starting…"),
            PoolStatus.READY: self.tr("Local pool: ready"),
            PoolStatus.FAILED: self.tr("Local pool: failed"),
            PoolStatus.STOPPED: self.tr("Local pool: stopped"),
        }
        self.pool_status_label.setText(texts[status])

    def _show_profile(self) -> None:
        profile = self.services.settings.current.selected_profile
        name = self.tr("Local pool") if profile.is_local else profile.name
        self.profile_label.setText(self.tr("Connection: {name}").format(name=name))

    def _retranslate(self) -> None:
        self.nav.setAccessibleName(self.tr("Sections"))
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(PAGE_KEY_ROLE)
            if key == HEADER_KEY:
                item.setText(self.tr("Account"))
            else:
                spec = self._specs[str(key)]
                item.setText(spec.title() if spec.section is not Section.ACCOUNT
                             else "  " + spec.title())
        self.stack.setAccessibleName(self.tr("Page"))
        if self.starting is not None:
            self.starting.setText(self.tr("Starting…"))
        if not self._attached:
            return
        self._show_profile()
        self._show_pool_status(self.services.pool_launcher.status)
        # Server messages (x-authing-lang) follow the UI language.
        self.services.connection.set_language(
            "zh_CN" if QLocale().name().startswith("zh") else "en")

    def _show_crash(self, report: CrashReport, saved_to: Path | None) -> None:
        from authing_desktop.ui.crash_dialog import show_crash_dialog

        self.crash_dialog = show_crash_dialog(report, saved_to, self)

    # ------------------------------------------------------------------ events

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            # The heading's colour was copied from the palette: follow a theme switch.
            header = self._nav_item(HEADER_KEY)
            if header is not None:
                header.setForeground(self.nav.palette().text())
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._attached and not self._ready_painted:
            self._ready_painted = True
            self.ready_painted.emit(time.perf_counter())
        if not self._painted:
            self._painted = True
            self.first_painted.emit(time.perf_counter())
            handle = self.windowHandle()
            if handle is not None:
                # Imported once the first frame is up: it builds QWindow's enums, which that
                # frame does not need.
                from authing_desktop.ui.first_input import on_first_input

                on_first_input(handle, self._first_input)

    def preload_pages(self) -> None:
        """Queue the page modules on the warm-up (once), one per step after the third-party
        modules they need: start-up did not pay for them, and the first visit of a page then
        only builds widgets. At the user's first input, or as soon as a remembered sign-in is
        being restored: a window nobody uses stays small."""
        from authing_desktop.ui.pages import WARM_UP_MODULES

        if self._pages_preloading or self.services.tasks.closed:
            return
        self._pages_preloading = True
        warm_up = self.services.warm_up
        warm_up.load_third_party()
        for name in WARM_UP_MODULES:
            warm_up.add(lambda name=name: importlib.import_module(name))  # type: ignore[misc]
        warm_up.add(self._pages_imported)

    def _pages_imported(self) -> None:
        # Start-up is over: what exists now stays, and need not be walked by every full
        # collection (each a UI stall).
        from authing_desktop.services.gc_tuning import freeze_startup_objects

        freeze_startup_objects()
        self._pages_preloaded = True
        self._plan_prebuild()

    @property
    def warming_up(self) -> bool:
        """True while page modules load or pages are built ahead of use."""
        return (self._pages_preloading and not self._pages_preloaded) or (
            self._attached and self.services.warm_up.busy)

    def _first_input(self) -> None:
        self._user_started = True
        if not self._attached:
            return  # attach() comes back here
        self.services.connection.load_api()  # the first request needs it
        self.preload_pages()
        self._plan_prebuild()

    def _plan_prebuild(self) -> None:
        """Build the pages the user is about to need while the window idles, one per warm-up
        step, so that opening one later only shows it: built on the click, the bigger pages
        would hold the UI thread for more than a frame. Only once the user started using the
        window (or signed in, or a sign-in is being restored): a window left alone keeps its
        memory small."""
        from authing_desktop.services.session import RESTORING, SIGNED_IN

        if not self._pages_preloaded:
            return
        state = self.services.session.state
        builds: list[Callable[[], QWidget]] = []
        keys: list[str] = []
        if state == RESTORING:
            # A remembered sign-in is on its way (keychain, network): the Profile page it opens
            # is built meanwhile, not in the same turn as the restore's end.
            keys = [ACCOUNT_HOME_KEY]
        elif state == SIGNED_IN:
            keys = [key for key, spec in self._specs.items() if spec.section is Section.ACCOUNT]
        elif self._user_started:
            sign_in = self._pages.get(SIGN_IN_KEY)
            prebuild = getattr(sign_in, "prebuild_steps", None)
            builds = list(prebuild()) if prebuild is not None else []
            # Opened right after the sign-in: building it then would add to that moment.
            keys = [ACCOUNT_HOME_KEY]
        builds += [lambda key=key: self.page(key)  # type: ignore[misc]
                   for key in keys if key in self._specs and key not in self._pages]
        self.services.warm_up.replace(PREBUILD, [
            lambda build=build: self._build_ahead(build)  # type: ignore[misc]
            for build in builds])

    def _build_ahead(self, build: Callable[[], QWidget]) -> None:
        """One build step; its first show would also polish every child with the style
        sheet's rules, lay them out at the stack's size and paint them with cold caches:
        steps of their own, next."""
        widget = build()
        warm_up = self.services.warm_up
        warm_up.add(lambda: _paint_ahead(widget), first=True, group=PREBUILD)
        warm_up.add(lambda: _polish_ahead(widget, self.stack.contentsRect().size()),
                    first=True, group=PREBUILD)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._attached:
            self.services.bus.detach(self.banner.show_message)
            if self.services.crash is not None:
                self.services.crash.attach_view(None)
        super().closeEvent(event)


def _polish_ahead(widget: QWidget, size: QSize) -> None:
    """What a hidden page's first show would do: polish it and its children, lay it out at the
    size it will have."""
    widget.ensurePolished()
    if not widget.isVisible():
        widget.resize(size)
    layout = widget.layout()
    if layout is not None:
        layout.activate()


def _paint_ahead(widget: QWidget) -> None:
    """Paint a hidden page once, off screen: its first real paint then finds the glyphs and
    the style's frame pixmaps cached."""
    from PySide6.QtGui import QPixmap

    if widget.isVisible() or widget.size().isEmpty():
        return
    canvas = QPixmap(widget.size() * widget.devicePixelRatioF())
    canvas.setDevicePixelRatio(widget.devicePixelRatioF())
    widget.render(canvas)
