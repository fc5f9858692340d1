"""Sign-in alerts put together for one window (docs/sign-in-alerts.md): the watcher, the
in-window alert card under the banner, the tray icon where the desktop has a tray, closing to
the tray when the user asked for it, and "This wasn't me" opening the guided recovery.

The composition root calls `install_sign_in_alerts` once the window is open (this module and
what it imports at the top are light: the dialog's modules load at the first "This wasn't
me"); tests call it with a short interval and their own clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from authing_desktop.presenters.sign_in_alerts import SignInAlertsPresenter
from authing_desktop.services import autostart
from authing_desktop.services.sign_in_alerts import (
    DEFAULT_INTERVAL_S,
    FIRST_POLL_DELAY_S,
    Clock,
    SignInAlert,
    SignInWatcher,
)
from authing_desktop.ui.alerts_panel import AlertsPanel
from authing_desktop.ui.tray import AlertTray, tray_available

if TYPE_CHECKING:
    from authing_desktop.services.app_services import AppServices
    from authing_desktop.ui.dialogs.secure_account_dialog import SecureAccountDialog
    from authing_desktop.ui.main_window import MainWindow

SECURE_TASK = "alerts.secureAccount"


@dataclass
class SignInAlerts:
    """What `install_sign_in_alerts` made (tests reach the parts through it)."""

    watcher: SignInWatcher
    presenter: SignInAlertsPresenter
    panel: AlertsPanel
    tray: AlertTray | None
    open_window: Callable[[], None]  # show the window at the alert (the tray message's click)
    secure_dialogs: list[SecureAccountDialog] = field(default_factory=list)


def install_sign_in_alerts(window: MainWindow, services: AppServices, *,
                           interval_s: float = DEFAULT_INTERVAL_S, clock: Clock | None = None,
                           first_delay_s: float = FIRST_POLL_DELAY_S,
                           icon: QIcon | None = None) -> SignInAlerts:
    """Start watching for ``window`` (open: it has its workspace)."""
    watcher = SignInWatcher(services.session, services.settings, services.token_store,
                            services.tasks, interval_s=interval_s, clock=clock or time.time,
                            first_delay_s=first_delay_s, parent=window)
    presenter = SignInAlertsPresenter(watcher, services.tasks, parent=window)
    panel = AlertsPanel(presenter)
    workspace = window.workspace
    if workspace is not None:
        workspace.content_layout.insertWidget(1, panel)

    def open_window() -> None:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        panel.show_alert()

    tray = None
    if tray_available():
        tray = AlertTray(presenter, icon or window.windowIcon(), open_window,
                         QCoreApplication.quit, parent=window)
    # Kept in the tray only to watch: with alerts off, closing the window quits.
    window.close_to_tray = lambda: (tray is not None and services.settings.current.alerts
                                    and services.settings.current.tray_after_close)
    alerts = SignInAlerts(watcher, presenter, panel, tray, open_window)

    def secure(alert: object) -> None:
        if isinstance(alert, SignInAlert) and not alerts.secure_dialogs \
                and not services.tasks.closed:
            services.tasks.start(_secure(alerts, presenter.device_words(alert), alert, window,
                                         services), name=SECURE_TASK)

    def secure_device(device: str, parent: QWidget, done: Callable[[], None]) -> None:
        if not alerts.secure_dialogs and not services.tasks.closed:
            services.tasks.start(_secure(alerts, device, None, parent, services, done),
                                 name=SECURE_TASK)

    panel.secure_requested.connect(secure)
    window.secure_account = secure_device
    # An alert belongs to the account it is about: gone when that account is.
    services.session.user_changed.connect(presenter.follow_user)
    if services.settings.current.start_at_login and autostart.supported() \
            and not services.tasks.closed:
        # The entry starts the app the way it runs now: an update may have moved it.
        services.tasks.start(autostart.refresh(), name="alerts.autostart")
    return alerts


async def _secure(alerts: SignInAlerts, device: str, alert: SignInAlert | None, parent: QWidget,
                  services: AppServices, done: Callable[[], None] | None = None) -> None:
    """The guided recovery; ``done`` runs when it did something (not when cancelled first)."""
    # Imported on first use, in a task (after the warm-up's worker: docs/start-up.md).
    from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
    from authing_desktop.presenters.secure_account import Outcome, SecureAccountPresenter
    from authing_desktop.ui.dialogs.secure_account_dialog import run_secure_account

    presenter = SecureAccountPresenter(services.session, services.tasks, parent=parent)
    strength = PasswordStrengthPresenter(services.connection, services.tasks, parent=presenter)

    def session_dead(text: str) -> None:
        if not services.tasks.closed and services.session.user is not None:
            services.tasks.start(services.session.expire(text), name="session.expire")

    for part in (presenter, presenter.password, presenter.two_step):
        part.session_dead.connect(session_dead)
    try:
        await run_secure_account(presenter, strength, device, parent, alerts.secure_dialogs)
        acted = any(result.outcome == Outcome.DONE for result in presenter.results.values())
    finally:
        presenter.deleteLater()
    if not acted:  # cancelled before anything was done: the alert stays
        return
    if alert is not None:
        alerts.presenter.secured(alert)
    if done is not None:
        done()
