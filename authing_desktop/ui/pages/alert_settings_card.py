"""The "Sign-in alerts" card of the Security page (``settings.*``): alerts on or off, keep
watching from the tray after the window closes, start at login. An option this desktop cannot
offer is disabled, with the reason under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from authing_desktop.presenters.sign_in_alerts import AlertSettingsPresenter
from authing_desktop.services.settings import Settings
from authing_desktop.ui.pages.account_base import show_text, status_label
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.card import Card

KEY = "settings"


def _reason(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_tone(label, "note")
    return label


class AlertSettingsCard(Card):
    """Bound to an `AlertSettingsPresenter`; a box shows the saved choice, whoever made it."""

    def __init__(self, presenter: AlertSettingsPresenter, parent: QWidget | None = None) -> None:
        super().__init__(f"{KEY}.alertsCard", icon="shield-alert", parent=parent)
        self.presenter = presenter
        self.alerts = QCheckBox()
        self.alerts.setObjectName(f"{KEY}.alerts")
        self.tray_after_close = QCheckBox()
        self.tray_after_close.setObjectName(f"{KEY}.trayAfterClose")
        self.tray_reason = _reason(f"{KEY}.trayAfterCloseReason")
        self.start_at_login = QCheckBox()
        self.start_at_login.setObjectName(f"{KEY}.startAtLogin")
        self.login_reason = _reason(f"{KEY}.startAtLoginReason")
        self.error = status_label(f"{KEY}.error", "error")
        for widget in (self.alerts, self.tray_after_close, self.tray_reason,
                       self.start_at_login, self.login_reason, self.error):
            self.body.addWidget(widget)
        self.alerts.clicked.connect(presenter.set_alerts)
        self.tray_after_close.clicked.connect(presenter.set_tray_after_close)
        self.start_at_login.clicked.connect(presenter.set_start_at_login)
        presenter.settings_changed.connect(self._show)
        presenter.busy_changed.connect(lambda busy: self.start_at_login.setEnabled(
            not busy and presenter.autostart_supported))
        presenter.error_changed.connect(lambda text: show_text(self.error, text))
        self.retranslate()
        self._show(presenter.settings)

    def _show(self, settings: object) -> None:
        if not isinstance(settings, Settings):
            return
        self.alerts.setChecked(settings.alerts)
        self.tray_after_close.setChecked(settings.tray_after_close
                                         and self.presenter.tray_available)
        self.tray_after_close.setEnabled(self.presenter.tray_available)
        self.start_at_login.setChecked(settings.start_at_login)
        self.start_at_login.setEnabled(self.presenter.autostart_supported
                                       and not self.presenter.busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.set_texts(self.tr("Sign-in alerts"), self.tr(
            "While the app runs it checks your sign-in history every few minutes and tells "
            "you about sign-ins from a new device or place."))
        self.alerts.setText(self.tr("Alert me about new sign-ins"))
        self.alerts.setAccessibleName(self.alerts.text())
        self.tray_after_close.setText(self.tr(
            "Keep watching from the system tray after the window closes"))
        self.tray_after_close.setAccessibleName(self.tray_after_close.text())
        self.start_at_login.setText(self.tr("Start the app when I log in to this computer"))
        self.start_at_login.setAccessibleName(self.start_at_login.text())
        show_text(self.tray_reason, self.presenter.tray_reason())
        show_text(self.login_reason, self.presenter.autostart_reason())
