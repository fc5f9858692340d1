"""The in-window sign-in alert (``alerts.*``): a card above the pages with the newest open alert,
"This wasn't me" and "It was me". It exists wherever the window does, tray or not; the tray's
desktop notification (ui/tray.py) points here."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from authing_desktop.presenters.sign_in_alerts import SignInAlertsPresenter
from authing_desktop.services.sign_in_alerts import AlertKind, SignInAlert
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.card import Card

KEY = "alerts"


class AlertsPanel(Card):
    """Hidden while no alert is open. ``secure_requested`` carries the alert whose "This
    wasn't me" was pressed."""

    secure_requested = Signal(object)

    def __init__(self, presenter: SignInAlertsPresenter, parent: QWidget | None = None) -> None:
        super().__init__(f"{KEY}.card", icon="shield-alert", parent=parent)
        self.presenter = presenter
        set_tone(self.title, "warning")
        self.text = QLabel()
        self.text.setObjectName(f"{KEY}.text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # read out by screen readers
        self.more = QLabel()
        self.more.setObjectName(f"{KEY}.more")
        set_tone(self.more, "note")
        self.body.addWidget(self.text)
        self.body.addWidget(self.more)
        self.was_me = QPushButton()
        self.was_me.setObjectName(f"{KEY}.itWasMe")
        self.not_me = QPushButton()
        self.not_me.setObjectName(f"{KEY}.notMe")
        set_kind(self.not_me, "danger")
        self.add_action(self.was_me)
        self.add_action(self.not_me)
        self.was_me.clicked.connect(self._was_me)
        self.not_me.clicked.connect(self._not_me)
        presenter.alerts_changed.connect(self.refresh)
        self.refresh()

    @property
    def current(self) -> SignInAlert | None:
        return self.presenter.alerts[0] if self.presenter.alerts else None

    def _was_me(self) -> None:
        alert = self.current
        if alert is None:
            return
        if alert.kind == AlertKind.FAILED_ATTEMPTS:
            self.presenter.dismiss(alert)  # attempts are not a device to trust
        else:
            self.presenter.it_was_me(alert)

    def _not_me(self) -> None:
        if self.current is not None:
            self.secure_requested.emit(self.current)

    def refresh(self) -> None:
        alert = self.current
        self.setVisible(alert is not None)
        if alert is None:
            return
        self.set_texts(self.presenter.title(alert))
        self.text.setText(self.presenter.text(alert))
        self.text.setAccessibleName(self.text.text())
        others = len(self.presenter.alerts) - 1
        self.more.setText(self.tr("%n more alert(s) after this one", "", others)
                          if others else "")
        self.more.setVisible(others > 0)
        failed = alert.kind == AlertKind.FAILED_ATTEMPTS
        self.was_me.setText(self.tr("It was me") if not failed else self.tr("Dismiss"))
        self.was_me.setAccessibleName(
            self.tr("It was me: trust this device from now on") if not failed
            else self.tr("Dismiss this alert"))
        self.not_me.setText(self.tr("This wasn't me"))
        self.not_me.setAccessibleName(self.tr("This wasn't me: secure my account now"))

    def show_alert(self) -> None:
        """Bring the alert into view with the keyboard on "This wasn't me"."""
        if self.current is not None:
            self.not_me.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
