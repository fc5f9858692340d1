"""The system tray icon (where the desktop has a tray): sign-in alerts as the desktop's own
notification (``showMessage``), clicking it or the icon opens the window at the alert, and a
menu with Open and Quit (Quit is the way out while the window is closed and the app keeps
watching, docs/sign-in-alerts.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from authing_desktop import APP_DISPLAY_NAME
from authing_desktop.presenters.sign_in_alerts import SignInAlertsPresenter
from authing_desktop.services.sign_in_alerts import SignInAlert

MESSAGE_MS = 15_000


def tray_available() -> bool:
    """True when the desktop shows tray icons (never on the offscreen platform)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class AlertTray(QObject):
    """Owns the tray icon. ``open_window`` shows and raises the window at the alert; ``quit``
    ends the app."""

    def __init__(self, presenter: SignInAlertsPresenter, icon: QIcon,
                 open_window: Callable[[], None], quit_app: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self._open_window = open_window
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setObjectName("tray")
        self.menu = QMenu()
        self.menu.setObjectName("tray.menu")
        self.open_action = QAction(self.menu)
        self.open_action.setObjectName("tray.open")
        self.open_action.triggered.connect(open_window)
        self.quit_action = QAction(self.menu)
        self.quit_action.setObjectName("tray.quit")
        self.quit_action.triggered.connect(quit_app)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon.setContextMenu(self.menu)
        self.menu.installEventFilter(self)  # a widget: it hears of a language switch
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(open_window)
        presenter.raised.connect(self.notify)
        self.retranslate()
        self.icon.show()

    def notify(self, alert: object) -> None:
        """The desktop notification of one alert."""
        if isinstance(alert, SignInAlert):
            self.icon.showMessage(self.presenter.title(alert), self.presenter.tray_text(alert),
                                  QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self._open_window()

    def retranslate(self) -> None:
        self.icon.setToolTip(QCoreApplication.translate(
            "AlertTray", "{app}: watching your account for new sign-ins").format(
                app=APP_DISPLAY_NAME))
        self.open_action.setText(QCoreApplication.translate("AlertTray", "&Open {app}").format(
            app=APP_DISPLAY_NAME))
        self.quit_action.setText(QCoreApplication.translate("AlertTray", "&Quit"))

    def hide(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()
