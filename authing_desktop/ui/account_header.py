"""The account header above the navigation: whose account the window shows (avatar, display
name, account), or that nobody is signed in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from authing_desktop.services.session import SessionState
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.avatar_view import AvatarView

if TYPE_CHECKING:
    from authing_desktop.api.models import User
    from authing_desktop.services.app_services import AppServices

AVATAR_SIDE = 40


def display_name(user: User | None) -> str:
    """What the user is called on screen: nickname, name, then an identifier."""
    if user is None:
        return ""
    return (user.nickname or user.name or user.username or user.email or user.phone
            or "").strip()


def account_text(user: User | None, fallback: str = "") -> str:
    """The account the user signs in with (email, else phone, else username)."""
    if user is None:
        return fallback
    return user.email or user.phone or user.username or fallback


class AccountHeader(QWidget):
    """``shell.account``: ``shell.avatar``, ``shell.accountName``, ``shell.accountId``."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shell.account")
        self._services = services
        self._avatar_url: str | None = None
        self.avatar = AvatarView("shell.avatar", services.tasks, AVATAR_SIDE, self)
        self.name = QLabel(self)
        self.name.setObjectName("shell.accountName")
        self.name.setProperty("heading", "account")
        self.account = QLabel(self)
        self.account.setObjectName("shell.accountId")
        set_tone(self.account, "note")
        # One line each, elided to the width (an email has no place to wrap); the full text is
        # the tooltip and what screen readers read.
        self._texts = {self.name: "", self.account: ""}
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.name)
        text.addWidget(self.account)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.avatar)
        layout.addLayout(text, 1)
        services.session.user_changed.connect(self._user_changed)
        services.session.state_changed.connect(self._state_changed)
        self._show()

    def connections(self) -> list[tuple[SignalInstance, Callable[..., None]]]:
        """The session signals it follows, with their slots (for the window to disconnect)."""
        session = self._services.session
        return [(session.user_changed, self._user_changed),
                (session.state_changed, self._state_changed)]

    def _user_changed(self, _user: object) -> None:
        self._show()

    def _state_changed(self, _state: str) -> None:
        self._show()

    def _show(self) -> None:
        session = self._services.session
        user = session.user if session.state == SessionState.SIGNED_IN else None
        if user is None:
            name = self.tr("Not signed in")
            account = (self.tr("Checking your saved sign-in…")
                       if session.state == SessionState.RESTORING
                       else self.tr("Sign in to see your account."))
        else:
            name = display_name(user) or self.tr("Your account")
            account = account_text(user, session.account)
        self._texts = {self.name: name, self.account: account}
        self._fit()
        self.avatar.set_initials(name if user is not None else "")
        self.avatar.setAccessibleName(self.tr("Profile picture"))
        self.setAccessibleName(self.tr("Signed-in account: {name}, {account}").format(
            name=name, account=account) if user is not None else name)
        url = user.photo if user is not None else None
        if url != self._avatar_url:
            self._avatar_url = url
            self._load_avatar(url)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        for label, text in self._texts.items():
            width = max(label.width(), 1)
            shown = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            label.setText(shown)
            label.setToolTip(text if shown != text else "")
            label.setAccessibleName(text)

    def _load_avatar(self, url: str | None) -> None:
        if not url:
            self.avatar.set_image_data(None)
            return
        tasks = self._services.tasks
        if tasks.closed:
            return

        async def load() -> None:
            data = await self._services.avatars.get(url)
            if url == self._avatar_url:
                self.avatar.set_image_data(data)

        task = tasks.start(load(), name="shell.avatar")
        # The header may go (its window closed) while the picture loads: the load stops too.
        self.destroyed.connect(lambda _gone=None: task.cancel())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
