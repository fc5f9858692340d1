"""The Security page's "Ways to sign in": one card per sign-in method (password, security keys,
authenticator app, SMS / email code, recovery code), each with its state as a badge and a
sentence, and at most one action. A new method is one more key in
``presenters/security.SIGN_IN_METHODS`` and one more entry in `_ICONS` and `_texts`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.security import (
    AUTHENTICATOR_METHOD,
    CODE_METHOD,
    PASSKEY_METHOD,
    PASSWORD_METHOD,
    RECOVERY_METHOD,
    SIGN_IN_METHODS,
    MethodState,
)
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_badge, set_tone

_ICONS = {PASSWORD_METHOD: "key-round", PASSKEY_METHOD: "usb",
          AUTHENTICATOR_METHOD: "smartphone",
          CODE_METHOD: "message-square", RECOVERY_METHOD: "life-buoy"}
ICON_SIDE = 22


class MethodCard(QFrame):
    """``<page>.method.<key>``: icon, title, state sentence, badge, then its action buttons
    (the caller shows the one that applies)."""

    def __init__(self, page: str, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = f"{page}.method.{key}"
        self.key = key
        self.setObjectName(name)
        self.setProperty("card", True)
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_SIDE, ICON_SIDE)
        self.title = QLabel()
        self.title.setObjectName(f"{name}.title")
        self.title.setProperty("heading", "card")
        self.state = QLabel()
        self.state.setObjectName(f"{name}.state")
        self.state.setWordWrap(True)
        set_tone(self.state, "note")
        self.badge = QLabel()
        self.badge.setObjectName(f"{name}.badge")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.state)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(self.action_row)
        self._draw_icon()

    def _draw_icon(self) -> None:
        self.icon.setPixmap(icon(_ICONS.get(self.key, "shield")).pixmap(
            QSize(ICON_SIDE, ICON_SIDE)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()
        super().changeEvent(event)

    def add_action(self, button: QPushButton) -> None:
        self.action_row.addWidget(button)

    def show_state(self, title: str, badge: str, tone: str, sentence: str) -> None:
        self.title.setText(title)
        set_badge(self.badge, tone)
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
        self.badge.setAccessibleName(f"{title}: {badge}" if badge else title)
        self.state.setText(sentence)
        self.state.setAccessibleName(sentence)
        self.setAccessibleName(f"{title}: {badge}" if badge else title)


class SignInMethods(QWidget):
    """The cards, in `SIGN_IN_METHODS` order; `show_states` fills them."""

    def __init__(self, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {key: MethodCard(page, key) for key in SIGN_IN_METHODS}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for card in self.cards.values():
            layout.addWidget(card)
        self.states: tuple[MethodState, ...] = ()

    def show_states(self, states: tuple[MethodState, ...]) -> None:
        self.states = states
        for state in states:
            card = self.cards.get(state.key)
            if card is not None:
                card.show_state(*self._texts(state))

    def _texts(self, state: MethodState) -> tuple[str, str, str, str]:
        """(title, badge, badge tone, sentence) for one method."""
        on, off = self.tr("On"), self.tr("Off")
        checking = ("", "", self.tr("Checking…"))
        if state.key == PASSWORD_METHOD:
            title = self.tr("Password")
            if state.on is None:
                return (title, *checking)
            if not state.on:
                return (title, self.tr("Not set"), "warning",
                        self.tr("Set a password below to sign in with it."))
            if state.weak:
                return (title, self.tr("Weak"), "warning",
                        self.tr("Set: a longer password with more kinds of characters is "
                                "harder to guess."))
            return (title, self.tr("Strong"), "ok", self.tr("Set, and strong."))
        if state.key == PASSKEY_METHOD:
            title = self.tr("Passkeys and security keys")
            if state.on is None:
                return (title, *checking)
            if state.on:
                return (title, self.tr("%n key(s)", "", state.count), "ok",
                        self.tr("Sign in by touching your security key, no password needed."))
            return (title, off, "note",
                    self.tr("Add a security key to sign in without typing your password."))
        if state.key == AUTHENTICATOR_METHOD:
            title = self.tr("Authenticator app")
            if state.on is None:
                return (title, *checking)
            if state.on:
                return (title, on, "ok",
                        self.tr("Signing in also asks for a code from your authenticator app."))
            return (title, off, "note",
                    self.tr("Add a code from an app to your password, so a stolen password "
                            "alone cannot sign in."))
        if state.key == CODE_METHOD:
            title = self.tr("SMS or email code")
            if state.on is None:
                return (title, *checking)
            if state.phone and state.email:
                sentence = self.tr("Sign in with a code sent to your phone or your email.")
            elif state.phone:
                sentence = self.tr("Sign in with a code sent to your phone.")
            elif state.email:
                sentence = self.tr("Sign in with a code sent to your email.")
            else:
                return (title, off, "note",
                        self.tr("Add a phone number or an email address to get codes."))
            return (title, on, "ok", sentence)
        title = self.tr("Recovery code")
        if state.on is None:
            return (title, *checking)
        if state.on:
            if state.made:
                return (title, self.tr("Ready"), "ok",
                        self.tr("Made {date}. Signs you in once if you lose your phone, and "
                                "gives you a new one. Lost it? Make a new one.")
                        .format(date=state.made))
            return (title, self.tr("Ready"), "ok",
                    self.tr("Signs you in once if you lose your phone, and gives you a new "
                            "one. Lost it? Make a new one."))
        return (title, off, "note",
                self.tr("Comes with the authenticator app: turn that on first."))

    def retranslate(self) -> None:
        if self.states:
            self.show_states(self.states)
        else:
            for card in self.cards.values():
                card.show_state(*self._texts(MethodState(card.key, None)))
