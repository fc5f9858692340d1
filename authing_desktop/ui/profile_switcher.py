"""The main window's support toolbar: switch connection profile and remembered account from the
top of the window, and show the network inspector as a dock (`install_support_tools`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from authing_desktop.presenters.profiles import ProfilesPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.settings import Settings

if TYPE_CHECKING:
    from authing_desktop.ui.inspector_panel import InspectorDock


class ProfileSwitcher(QToolBar):
    """Profile and account combos (``shell.profileSwitch``, ``shell.accountSwitch``) and the
    inspector toggle (``shell.inspectorAction``)."""

    def __init__(self, window: QMainWindow, services: AppServices) -> None:
        super().__init__(window)
        self.setObjectName("shell.toolbar")
        self.setMovable(False)
        self.services = services
        self.presenter = ProfilesPresenter(services.settings, services.session,
                                           services.token_store, services.tasks, parent=self)
        self.profile_caption = QLabel()
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("shell.profileSwitch")
        self.profile_combo.view().setObjectName("shell.profileSwitchList")
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.account_combo = QComboBox()
        self.account_combo.setObjectName("shell.accountSwitch")
        self.account_combo.view().setObjectName("shell.accountSwitchList")
        self.account_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.addWidget(self.profile_caption)
        self.addWidget(self.profile_combo)
        self.addWidget(self.account_combo)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.inspector_action = QAction(self)
        self.inspector_action.setObjectName("shell.inspectorAction")
        self.inspector_action.setCheckable(True)
        self.inspector_action.toggled.connect(self._toggle_inspector)
        self.addAction(self.inspector_action)
        self.inspector_button = self.widgetForAction(self.inspector_action)
        self.inspector_button.setObjectName("shell.inspectorButton")
        self.dock: InspectorDock | None = None
        self._window = window

        self.profile_combo.activated.connect(self._profile_chosen)
        self.account_combo.activated.connect(self._account_chosen)
        self.presenter.profiles_changed.connect(self._fill)
        self.presenter.busy_changed.connect(self._busy)
        services.session.state_changed.connect(lambda _s: self._fill(services.settings.current))
        self.retranslate()

    def _busy(self, busy: bool) -> None:
        self.profile_combo.setEnabled(not busy)
        self.account_combo.setEnabled(not busy)

    def _fill(self, settings: Settings) -> None:
        with QSignalBlocker(self.profile_combo):
            self.profile_combo.clear()
            for profile in settings.profiles:
                self.profile_combo.addItem(self.presenter.display_name(profile), profile.id)
            self.profile_combo.setCurrentIndex(
                max(0, self.profile_combo.findData(settings.selected_profile_id)))
        session = self.services.session
        accounts = self.presenter.accounts(settings.selected_profile_id)
        with QSignalBlocker(self.account_combo):
            self.account_combo.clear()
            if not session.account:
                self.account_combo.addItem(self.tr("Not signed in"), "")
            elif session.account not in accounts:  # signed in without "Remember me"
                self.account_combo.addItem(session.account, session.account)
            for account in accounts:
                self.account_combo.addItem(account, account)
            index = self.account_combo.findData(session.account)
            self.account_combo.setCurrentIndex(max(0, index))
        self.account_combo.setVisible(self.account_combo.count() > 1 or bool(session.account))

    def _profile_chosen(self, index: int) -> None:
        profile_id = self.profile_combo.itemData(index)
        if isinstance(profile_id, str):
            self.presenter.select(profile_id)

    def _account_chosen(self, index: int) -> None:
        account = self.account_combo.itemData(index)
        if isinstance(account, str) and account and account != self.services.session.account:
            self.presenter.select_account(account)

    def _toggle_inspector(self, shown: bool) -> None:
        if self.dock is None:
            if not shown:
                return
            from authing_desktop.ui.inspector_panel import InspectorDock  # with the first use

            self.dock = InspectorDock(self.services.call_log, self._window)
            self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.inspector_action.setChecked)
        self.dock.setVisible(shown)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connection"))
        self.profile_caption.setText(self.tr("Profile:") + " ")
        self.profile_combo.setAccessibleName(self.tr("Connection profile"))
        self.account_combo.setAccessibleName(self.tr("Account"))
        self.inspector_action.setText(self.tr("Network inspector"))
        self.inspector_action.setToolTip(self.tr("Show every API call of this session"))
        self.inspector_button.setAccessibleName(self.tr("Network inspector"))
        self.profile_combo.view().setAccessibleName(self.tr("Connection profiles"))
        self.account_combo.view().setAccessibleName(self.tr("Accounts"))
        self._fill(self.services.settings.current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def install_support_tools(window: QMainWindow, services: AppServices) -> ProfileSwitcher:
    """Add the profile/account toolbar (with the inspector toggle) to ``window``."""
    switcher = ProfileSwitcher(window, services)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, switcher)
    view_menu = getattr(window, "view_menu", None)
    if isinstance(view_menu, QMenu):
        view_menu.addSeparator()
        view_menu.addAction(switcher.inspector_action)
    return switcher
