"""The app's window: a frame that shows "Starting…" until `open` gives it the services, then
the `Workspace` (navigation, banner, pages), the menus, the support toolbar and a status bar.

The composition root shows the frame first, so that the first frame needs only Qt and this
module (docs/start-up.md), and opens the workspace right after it painted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QLocale, QSize, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QWidget

from authing_desktop import APP_DISPLAY_NAME
from authing_desktop.ui.input_watch import on_first_input, watch_delivery

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QListWidget

    from authing_desktop.services.app_services import AppServices
    from authing_desktop.services.crash_report import CrashReport
    from authing_desktop.services.pool_launcher import PoolStatus
    from authing_desktop.ui.crash_dialog import CrashDialog
    from authing_desktop.ui.message_banner import MessageBanner
    from authing_desktop.ui.pages import PageSpec
    from authing_desktop.ui.profile_switcher import ProfileSwitcher
    from authing_desktop.ui.workspace import Workspace


# Wide enough for every page without a horizontal scroll bar (tests/ui check the pages at it).
DEFAULT_SIZE = QSize(1120, 760)


class MainWindow(QMainWindow):
    """The window. ``MainWindow(services)`` is complete at once; ``MainWindow()`` shows only
    "Starting…" until `open`."""

    first_painted = Signal(float)  # time.perf_counter() of the first paint
    ready_painted = Signal(float)  # ... of the first paint with the workspace open

    def __init__(self, services: AppServices | None = None,
                 pages: tuple[PageSpec, ...] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = pages
        self._painted = False
        self._ready_painted = False
        self._user_started = False
        self.workspace: Workspace | None = None
        # True while closing should only hide the window (sign-in alerts keep watching from
        # the tray; ui/alerts_wiring.py sets it).
        self.close_to_tray: Callable[[], bool] | None = None
        # Starts "This wasn't me" for a sign-in from a device (in words) over a parent widget,
        # calling back when it did something; set with the alerts, used by the Security Checkup.
        self.secure_account: Callable[[str, QWidget, Callable[[], None]], None] | None = None
        self.crash_dialog: CrashDialog | None = None
        self.setObjectName("shell")
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.resize(DEFAULT_SIZE)
        self.starting: QLabel | None = QLabel(self)
        self.starting.setObjectName("shell.starting")
        self.starting.setIndent(24)
        self.setCentralWidget(self.starting)
        self._retranslate()
        if services is not None:
            self.open(services)

    def open(self, services: AppServices) -> None:
        """Show the workspace with its menus, support toolbar and status bar."""
        from authing_desktop.ui.menus import install_menus
        from authing_desktop.ui.profile_switcher import install_support_tools
        from authing_desktop.ui.workspace import Workspace

        self.services = services
        status_bar = self.statusBar()
        self.profile_label = QLabel(status_bar)
        self.profile_label.setObjectName("shell.profile")
        self.pool_status_label = QLabel(status_bar)
        self.pool_status_label.setObjectName("shell.poolStatus")
        status_bar.addWidget(self.profile_label)
        status_bar.addPermanentWidget(self.pool_status_label)
        self.starting = None
        if self._pages is None:
            from authing_desktop.ui.pages import PAGES

            self._pages = PAGES
        self.workspace = Workspace(services, self._pages, self)
        self.setCentralWidget(self.workspace)  # the "Starting…" note goes with the old one
        self.view_menu, self.help_menu = install_menus(self, services)
        # Profile/account switching at the top, the network inspector as a dock (support).
        self.support_tools: ProfileSwitcher = install_support_tools(self, services)
        # A sensitive change the pool refuses for want of a recent proof asks here
        # (docs/step-up.md).
        from authing_desktop.ui.dialogs.step_up_asker import DialogStepUpAsker

        self.step_up = DialogStepUpAsker(self, services.session, services.passkeys)
        services.session.step_up.set_asker(self.step_up)
        services.pool_launcher.status_changed.connect(self._show_pool_status)
        services.settings.changed.connect(lambda _settings: self._show_profile())
        if services.crash is not None:
            services.crash.attach_view(self._show_crash)
        self._retranslate()
        if self._user_started:  # the user clicked or typed while it said "Starting…"
            self.workspace.warm_up.user_started()

    def restore_placement(self, saved: str) -> None:
        """Size and position as `placement` returned them last time ("" keeps the default);
        Qt moves a window that would now be off screen back onto one."""
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))

    def placement(self) -> str:
        """The window's size and position, for `restore_placement` at the next start."""
        return bytes(self.saveGeometry().toBase64().data()).decode("ascii")

    @property
    def attached(self) -> bool:
        """True once the workspace is open."""
        return self.workspace is not None

    @property
    def painted(self) -> bool:
        """True once the window painted its first frame."""
        return self._painted

    @property
    def warming_up(self) -> bool:
        """True while page modules load or pages are built ahead of use."""
        return self.workspace is not None and self.workspace.warm_up.busy

    # The workspace's parts, for tests and tools that drive the window as a whole.

    @property
    def nav(self) -> QListWidget:
        return self._open_workspace.nav

    @property
    def stack(self) -> QStackedWidget:
        return self._open_workspace.stack

    @property
    def banner(self) -> MessageBanner:
        return self._open_workspace.banner

    @property
    def current_page_key(self) -> str:
        return self._open_workspace.current_page_key

    @property
    def page_changed(self) -> SignalInstance:
        return self._open_workspace.page_changed

    def page(self, key: str) -> QWidget:
        """The page widget for ``key``, built on first use."""
        return self._open_workspace.page(key)

    def show_page(self, key: str) -> None:
        self._open_workspace.show_page(key)

    @property
    def _open_workspace(self) -> Workspace:
        if self.workspace is None:
            raise RuntimeError("the window has no workspace yet (open() it)")
        return self.workspace

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
        if self.starting is not None:
            self.starting.setText(self.tr("Starting…"))
        if self.workspace is None:
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

    def _first_input(self) -> None:
        self._user_started = True
        if self.workspace is not None:  # else open() comes back here
            self.workspace.warm_up.user_started()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.workspace is not None and not self._ready_painted:
            self._ready_painted = True
            self.ready_painted.emit(time.perf_counter())
            handle = self.windowHandle()
            if handle is not None:  # for the busy mark of the button pressed
                watch_delivery(handle)
        if not self._painted:
            self._painted = True
            self.first_painted.emit(time.perf_counter())
            handle = self.windowHandle()
            if handle is not None:
                on_first_input(handle, self._first_input)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_to_tray is not None and self.isVisible() and self.close_to_tray():
            event.ignore()
            self.hide()
            return
        if self.workspace is not None:
            self.workspace.detach()
            if self.services.crash is not None:
                self.services.crash.attach_view(None)
        super().closeEvent(event)
