"""The forgotten-password form (``recover.*``), a sub-page of the Sign in page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.recover import RecoverForm, RecoverMethod, RecoverPresenter
from authing_desktop.presenters.sign_in import Method, SignInForm
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.widgets.code_button import CodeButton
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import combo_box, link_button, name_popup, title_label
from authing_desktop.ui.widgets.form_status import FormStatus
from authing_desktop.ui.widgets.password_field import PasswordField

KEY = "recover"


class RecoverPage(QWidget):
    """A code by email or SMS, the new password twice; back to sign-in when done."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.page")
        self.services = services
        self.presenter = RecoverPresenter(services.session, self)
        self.strength = PasswordStrengthPresenter(services.connection, services.tasks,
                                                  parent=self)
        presenter = self.presenter

        self.title = title_label(f"{KEY}.title")
        self.intro = QLabel()
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        self.method = combo_box(f"{KEY}.method")
        for method in RecoverMethod:
            self.method.addItem("", method)
        self.email = QLineEdit()
        self.email.setObjectName(f"{KEY}.email")
        self.phone = QLineEdit()
        self.phone.setObjectName(f"{KEY}.phone")
        self.send_code = CodeButton(f"{KEY}.sendCode", presenter.cooldown)
        self.code = QLineEdit()
        self.code.setObjectName(f"{KEY}.code")
        self.code.setMaxLength(12)
        code_box = QWidget()
        code_row = QHBoxLayout(code_box)
        code_row.setContentsMargins(0, 0, 0, 0)
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.send_code)
        self.password = PasswordField(KEY, "password", "", self.strength)
        self.confirm = PasswordField(KEY, "confirm", "")
        self.submit = QPushButton()
        self.submit.setObjectName(f"{KEY}.submit")
        self.submit.setDefault(True)
        self.status = FormStatus(KEY, presenter)
        self.back = link_button(f"{KEY}.back")

        self.rows = {
            "email": FieldRow(KEY, "email", self.email),
            "phone": FieldRow(KEY, "phone", self.phone),
            "code": FieldRow(KEY, "code", code_box),
            "password": FieldRow(KEY, "password", self.password),
            "confirm": FieldRow(KEY, "confirm", self.confirm),
        }
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {"method": QLabel()}
        self.form.addRow(self.labels["method"], self.method)
        for field, row in self.rows.items():
            self.labels[field] = QLabel()
            self.labels[field].setBuddy(row.editor)
            self.form.addRow(self.labels[field], row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.submit)
        layout.addWidget(self.status)
        layout.addWidget(self.back)
        layout.addStretch(1)
        order: list[QWidget] = [
            self.method, self.email, self.phone, self.code, self.send_code,
            self.password.edit, self.password.toggle, self.confirm.edit, self.confirm.toggle,
            self.submit, self.back]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.method.currentIndexChanged.connect(lambda _i: self._show_method())
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.busy_changed.connect(self._show_busy)
        self.submit.clicked.connect(self.do_submit)
        for edit in (self.email, self.phone, self.code, self.password.edit, self.confirm.edit):
            edit.returnPressed.connect(self.do_submit)
        self.send_code.clicked.connect(
            lambda: presenter.start(presenter.send_reset_code(self.form_snapshot()),
                                    name="recover.sendCode"))
        self.retranslate()
        self._show_method()

    @property
    def current_method(self) -> RecoverMethod:
        method = self.method.currentData()
        return method if isinstance(method, RecoverMethod) else RecoverMethod.EMAIL

    def select_method(self, method: RecoverMethod) -> None:
        self.method.setCurrentIndex(self.method.findData(method))

    def take_identifier(self, form: SignInForm) -> None:
        """Start from the account typed on the sign-in page."""
        if form.method is Method.EMAIL and form.email:
            self.select_method(RecoverMethod.EMAIL)
            self.email.setText(form.email)
        elif form.method in (Method.PHONE_CODE, Method.PHONE_PASSWORD) and form.phone:
            self.select_method(RecoverMethod.PHONE)
            self.phone.setText(form.phone)

    def form_snapshot(self) -> RecoverForm:
        return RecoverForm(method=self.current_method, email=self.email.text(),
                           phone=self.phone.text(), code=self.code.text(),
                           password=self.password.text(), confirm=self.confirm.text())

    def do_submit(self) -> None:
        if not self.presenter.idle:
            return
        self.presenter.start(self.presenter.submit(self.form_snapshot()),
                             name="recover.submit")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.presenter.cancel():
            event.accept()
            return
        super().keyPressEvent(event)

    def _show_method(self) -> None:
        by_email = self.current_method is RecoverMethod.EMAIL
        self.form.setRowVisible(self.rows["email"], by_email)
        self.form.setRowVisible(self.rows["phone"], not by_email)
        self.presenter.set_field_errors({})
        self.retranslate()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for field, row in self.rows.items():
            row.set_error(errors.get(field, ""))

    def _show_busy(self, busy: bool) -> None:
        self.submit.setEnabled(not busy)
        self.send_code.set_busy(busy)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reset your password"))
        self.intro.setText(self.tr(
            "We send a verification code to your email address or phone; with it you choose "
            "a new password."))
        names = {RecoverMethod.EMAIL: self.tr("Code by email"),
                 RecoverMethod.PHONE: self.tr("Code by SMS")}
        for index in range(self.method.count()):
            self.method.setItemText(index, names[self.method.itemData(index)])
        by_email = self.current_method is RecoverMethod.EMAIL
        texts = {"method": self.tr("Send the code"), "email": self.tr("Email"),
                 "phone": self.tr("Phone"),
                 "code": self.tr("Email code") if by_email else self.tr("SMS code"),
                 "password": self.tr("New password"), "confirm": self.tr("Repeat it")}
        for field, text in texts.items():
            self.labels[field].setText(text)
        name_popup(self.method, self.tr("Where to send the code"))
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.phone.setAccessibleName(self.tr("Phone number"))
        self.code.setAccessibleName(self.tr("Verification code"))
        self.password.edit.setAccessibleName(self.tr("New password"))
        self.confirm.edit.setAccessibleName(self.tr("Repeat the new password"))
        self.password.retranslate()
        self.confirm.retranslate()
        self.send_code.retranslate()
        self.submit.setText(self.tr("Set the new password"))
        self.submit.setAccessibleName(self.submit.text())
        self.back.setText(self.tr("Back to sign-in"))
        self.back.setAccessibleName(self.back.text())
