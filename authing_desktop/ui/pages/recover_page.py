"""The forgotten-password form (``recover.*``), a sub-page of the Sign in page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.recover import RecoverForm, RecoverMethod, RecoverPresenter
from authing_desktop.presenters.sign_in import Method, SignInForm
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.password_form_page import PasswordFormPage
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import (
    chain_tab_order,
    combo_box,
    labelled_form,
    name_popup,
)

KEY = "recover"


class RecoverPage(PasswordFormPage):
    """A code by email or SMS, the new password twice; back to sign-in when done."""

    presenter: RecoverPresenter

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        presenter = RecoverPresenter(services.session)
        super().__init__(KEY, services, presenter, parent)
        presenter.setParent(self)

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

        self.rows = {
            "email": FieldRow(KEY, "email", self.email),
            "phone": FieldRow(KEY, "phone", self.phone),
            "code": FieldRow(KEY, "code", self.code_box),
            "password": FieldRow(KEY, "password", self.password),
            "confirm": FieldRow(KEY, "confirm", self.confirm),
        }
        self.form, self.labels = labelled_form({"method": self.method, **self.rows})
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.submit)
        layout.addWidget(self.status)
        layout.addWidget(self.back)
        layout.addStretch(1)
        chain_tab_order([
            self.method, self.email, self.phone, self.code, self.send_code,
            self.password.edit, self.password.toggle, self.confirm.edit, self.confirm.toggle,
            self.submit, self.back])

        self.method.currentIndexChanged.connect(lambda _i: self._show_method())
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

    def _show_method(self) -> None:
        by_email = self.current_method is RecoverMethod.EMAIL
        self.form.setRowVisible(self.rows["email"], by_email)
        self.form.setRowVisible(self.rows["phone"], not by_email)
        self.presenter.set_field_errors({})
        self.retranslate()

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
