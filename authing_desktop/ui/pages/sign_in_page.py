"""The Sign in page: the sign-in form with its method switcher, and the sign-up and recovery
forms as sub-pages reached from it. When signed in it shows who and offers to sign out."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.recover import RecoverMethod
from authing_desktop.presenters.sign_in import Method
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.ui.page_warm_up import WINDOW_STEPS
from authing_desktop.ui.pages.sign_in_view import KEY, SignInView
from authing_desktop.ui.widgets.form_layout import centered, title_label

if TYPE_CHECKING:
    from authing_desktop.ui.pages.recover_page import RecoverPage
    from authing_desktop.ui.pages.sign_up_page import SignUpPage

_View = TypeVar("_View", bound=QWidget)


class SignedInView(QWidget):
    """Shown on the Sign in page while signed in: who, and a sign-out button."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.signedIn")
        self.services = services
        self.title = title_label(f"{KEY}.signedInTitle")
        self.who = QLabel()
        self.who.setObjectName(f"{KEY}.who")
        self.who.setWordWrap(True)
        self.sign_out = QPushButton()
        self.sign_out.setObjectName(f"{KEY}.signOut")
        self.sign_out.clicked.connect(
            lambda: services.tasks.start(services.session.sign_out(), name="session.signOut"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self.sign_out)
        layout.addStretch(1)
        services.session.user_changed.connect(self._user_changed)
        self.retranslate()

    def _user_changed(self, _user: object) -> None:
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("You are signed in"))
        user = self.services.session.user
        name = ""
        if user is not None:
            name = user.nickname or user.name or user.email or user.username or user.phone or ""
        self.who.setText(self.tr("Signed in as {name} ({account}).").format(
            name=name, account=self.services.session.account))
        self.sign_out.setText(self.tr("Sign out"))
        self.sign_out.setAccessibleName(self.tr("Sign out"))


class SignInPage(QWidget):
    """The page (``signin.page``): sign-in, sign-up and recovery views, or the signed-in one.

    Only the sign-in form is built with the page (it is what the window opens on); the other
    views are built the first time they are shown, which keeps start-up and the idle window
    light."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.page")
        self.services = services
        self.stack = QStackedWidget()
        self.stack.setObjectName(f"{KEY}.views")
        self._retranslate()
        self._areas: dict[QWidget, QScrollArea] = {}
        self._sign_up: SignUpPage | None = None
        self._recover: RecoverPage | None = None
        self._signed_in: SignedInView | None = None
        self.sign_in = self._add_view(SignInView(services))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.sign_in.forgot.clicked.connect(self.show_recover)
        self.sign_in.sign_up.clicked.connect(self.show_sign_up)
        services.session.state_changed.connect(self._session_state)
        self._session_state(services.session.state)

    def _add_view(self, view: _View) -> _View:
        area = centered(view)
        self._areas[view] = area
        self.stack.addWidget(area)
        return view

    def prebuild_steps(self) -> list[Callable[[], QWidget]]:
        """Build the sign-up and recovery views ahead of use (one warm-up step each): built on
        the click, each would hold the UI thread for a frame."""
        steps: list[Callable[[], QWidget]] = []
        if self._sign_up is None:
            steps.append(lambda: self.sign_up)
        if self._recover is None:
            steps.append(lambda: self.recover)
        return steps

    @property
    def sign_up(self) -> SignUpPage:
        if self._sign_up is None:
            from authing_desktop.ui.pages.sign_up_page import SignUpPage

            self._sign_up = self._add_view(SignUpPage(self.services))
            self._sign_up.back.clicked.connect(self.show_sign_in)
        return self._sign_up

    @property
    def recover(self) -> RecoverPage:
        if self._recover is None:
            from authing_desktop.ui.pages.recover_page import RecoverPage

            self._recover = self._add_view(RecoverPage(self.services))
            self._recover.back.clicked.connect(self.show_sign_in)
            self._recover.presenter.recovered.connect(self._recovered)
        return self._recover

    @property
    def signed_in(self) -> SignedInView:
        if self._signed_in is None:
            self._signed_in = self._add_view(SignedInView(self.services))
        return self._signed_in

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.stack.setAccessibleName(QCoreApplication.translate("SignInPage", "Sign in"))

    @property
    def current_view(self) -> QWidget:
        area = self.stack.currentWidget()
        return next(view for view, holder in self._areas.items() if holder is area)

    def show_view(self, view: QWidget) -> None:
        self.stack.setCurrentWidget(self._areas[view])

    def show_sign_in(self) -> None:
        self.show_view(self.sign_in)
        self.sign_in.email.setFocus()

    def show_sign_up(self) -> None:
        # Through the warm-up: the first build imports the view's module.
        self.services.warm_up.soon(self._show_sign_up, group=WINDOW_STEPS)

    def _show_sign_up(self) -> None:
        self.sign_up.take_identifier(self.sign_in.form_snapshot())
        self.show_view(self.sign_up)

    def show_recover(self) -> None:
        self.services.warm_up.soon(self._show_recover, group=WINDOW_STEPS)

    def _show_recover(self) -> None:
        self.recover.take_identifier(self.sign_in.form_snapshot())
        self.show_view(self.recover)

    def _recovered(self, method: RecoverMethod, account: str) -> None:
        target = Method.EMAIL if method is RecoverMethod.EMAIL else Method.PHONE_PASSWORD
        self.sign_in.fill_account(target, account)
        self.sign_in.presenter.set_notice(
            self.tr("Your password was changed. Sign in with the new one."))
        self.show_view(self.sign_in)

    def _session_state(self, state: str) -> None:
        if state == SessionState.SIGNED_IN:
            self.show_view(self.signed_in)
        elif self._signed_in is not None and self.current_view is self._signed_in:
            self.show_view(self.sign_in)
