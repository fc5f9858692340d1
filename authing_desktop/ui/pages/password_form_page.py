"""What the Sign in page's two code-and-new-password forms share (sign-up, recovery)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from authing_desktop.presenters.form import SignInFlowPresenter
from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.theme import set_kind
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import code_entry, link_button, title_label
from authing_desktop.ui.widgets.form_status import FormStatus
from authing_desktop.ui.widgets.password_field import PasswordField


class PasswordFormPage(QWidget):
    """``<key>.page``: its title, a one-time code with its send button, a new password (with
    the strength meter) and its confirmation, submit, status and a link back. The subclass adds
    its fields, fills ``rows`` (inline errors by field), lays it out and translates it; Return
    submits (`do_submit`), Escape cancels the request in flight."""

    presenter: SignInFlowPresenter  # a subclass narrows it to its own presenter

    def __init__(self, key: str, services: AppServices, presenter: SignInFlowPresenter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.page")
        self.services = services
        self.presenter = presenter
        self.strength = PasswordStrengthPresenter(services.connection, services.tasks,
                                                  parent=self)
        self.title = title_label(f"{key}.title")
        self.code, self.send_code, self.code_box = code_entry(key, presenter.cooldown)
        self.password = PasswordField(key, "password", "", self.strength)
        self.confirm = PasswordField(key, "confirm", "")
        self.submit = QPushButton()
        self.submit.setObjectName(f"{key}.submit")
        self.submit.setDefault(True)
        set_kind(self.submit, "primary")
        self.status = FormStatus(key, presenter)
        self.back = link_button(f"{key}.back")
        self.rows: dict[str, FieldRow] = {}

        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.busy_changed.connect(self._show_busy)
        self.submit.clicked.connect(self.do_submit)

    def do_submit(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.presenter.cancel():
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for field, row in self.rows.items():
            row.set_error(errors.get(field, ""))

    def _show_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy)
        self.send_code.set_busy(busy)
