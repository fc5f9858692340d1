"""The registration form (``signup.*``), a sub-page of the Sign in page. The pool's defined
custom-data fields follow the profile fields (``signup.custom_<key>``), optional and typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.custom_data import (
    BOOLEAN,
    DATETIME,
    NUMBER,
    CustomField,
    editor_type,
)
from authing_desktop.presenters.sign_in import Method, SignInForm
from authing_desktop.presenters.sign_up import SignUpForm, SignUpMethod, SignUpPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.password_form_page import PasswordFormPage
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import (
    chain_tab_order,
    combo_box,
    labelled_form,
    line_edit,
    name_popup,
)

KEY = "signup"
# A date-time editor at this value shows "not set" (QDateTimeEdit has no empty state).
UNSET_DATETIME = QDateTime.fromSecsSinceEpoch(0)


class SignUpPage(PasswordFormPage):
    """Register by email, username, or phone + SMS code; then signed in."""

    presenter: SignUpPresenter

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        presenter = SignUpPresenter(services.session)
        super().__init__(KEY, services, presenter, parent)
        presenter.setParent(self)

        self.method = combo_box(f"{KEY}.method")
        for method in SignUpMethod:
            self.method.addItem("", method)
        self.email = line_edit(f"{KEY}.email")
        self.username = line_edit(f"{KEY}.username")
        self.phone = line_edit(f"{KEY}.phone")
        self.nickname = line_edit(f"{KEY}.nickname")
        self.company = line_edit(f"{KEY}.company")
        self.remember = QCheckBox()
        self.remember.setObjectName(f"{KEY}.remember")

        self.rows = {
            "email": FieldRow(KEY, "email", self.email),
            "username": FieldRow(KEY, "username", self.username),
            "phone": FieldRow(KEY, "phone", self.phone),
            "code": FieldRow(KEY, "code", self.code_box),
            "password": FieldRow(KEY, "password", self.password),
            "confirm": FieldRow(KEY, "confirm", self.confirm),
            "nickname": FieldRow(KEY, "nickname", self.nickname),
            "company": FieldRow(KEY, "company", self.company),
        }
        self.form, self.labels = labelled_form({"method": self.method, **self.rows})
        self.form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.submit)
        layout.addWidget(self.status)
        layout.addWidget(self.back)
        layout.addStretch(1)
        self.custom_rows: dict[str, FieldRow] = {}
        self.custom_labels: dict[str, QLabel] = {}
        self.custom_editors: dict[str, QWidget] = {}
        self._set_tab_order()
        presenter.custom_fields_changed.connect(self._show_custom_fields)
        presenter.busy_changed.connect(self._busy_changed)

        self.method.currentIndexChanged.connect(lambda _i: self._show_method())
        for edit in (self.email, self.username, self.phone, self.code, self.password.edit,
                     self.confirm.edit, self.nickname, self.company):
            edit.returnPressed.connect(self.do_submit)
        self.send_code.clicked.connect(
            lambda: presenter.start(presenter.send_phone_code(self.phone.text()),
                                    name="signup.sendCode"))
        self.retranslate()
        self._show_method()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.services.tasks.closed:
            # Each time: the active pool may have changed since the last visit.
            self.services.tasks.start(self.presenter.load_custom_fields(),
                                      name="signup.customFields")

    def _set_tab_order(self) -> None:
        chain_tab_order([
            self.method, self.email, self.username, self.phone, self.code, self.send_code,
            self.password.edit, self.password.toggle, self.confirm.edit, self.confirm.toggle,
            self.nickname, self.company, *self.custom_editors.values(), self.remember,
            self.submit, self.back])

    def _show_custom_fields(self, fields: list[CustomField]) -> None:
        for row in self.custom_rows.values():
            self.form.removeRow(row)  # deletes the row's label and editor too
        self.custom_rows.clear()
        self.custom_labels.clear()
        self.custom_editors.clear()
        position: Any = self.form.getWidgetPosition(self.remember)  # (row, role)
        at = int(position[0])
        for field in fields:
            editor = self._custom_editor(field)
            row = FieldRow(KEY, f"custom_{field.key}", editor)
            label = QLabel(field.label or field.key)
            label.setBuddy(editor)
            self.form.insertRow(at, label, row)
            at += 1
            self.custom_rows[field.key] = row
            self.custom_labels[field.key] = label
            self.custom_editors[field.key] = editor
        self._retranslate_custom()
        self._set_tab_order()

    def _custom_editor(self, field: CustomField) -> QWidget:
        kind = editor_type(field.data_type)
        editor: QWidget
        if kind == BOOLEAN:
            combo = combo_box(f"{KEY}.custom_{field.key}")
            for value in (None, True, False):
                combo.addItem("", value)
            editor = combo
        elif kind == DATETIME:
            moment = QDateTimeEdit()
            moment.setObjectName(f"{KEY}.custom_{field.key}")
            moment.setCalendarPopup(True)
            moment.setDisplayFormat("yyyy-MM-dd HH:mm")
            moment.setMinimumDateTime(UNSET_DATETIME)
            moment.setDateTime(UNSET_DATETIME)
            editor = moment
        else:
            line = QLineEdit()
            line.setObjectName(f"{KEY}.custom_{field.key}")
            line.returnPressed.connect(self.do_submit)
            editor = line
        return editor

    def _custom_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, editor in self.custom_editors.items():
            if isinstance(editor, QComboBox):
                values[key] = editor.currentData()
            elif isinstance(editor, QDateTimeEdit):
                moment = editor.dateTime()
                chosen = moment.toPython() if moment != UNSET_DATETIME else None
                values[key] = chosen.astimezone() if isinstance(chosen, dt.datetime) else None
            elif isinstance(editor, QLineEdit):
                values[key] = editor.text()
        return values

    def _retranslate_custom(self) -> None:
        for field in self.presenter.custom_fields:
            editor = self.custom_editors.get(field.key)
            if editor is None:
                continue
            name = field.label or field.key
            if isinstance(editor, QComboBox):
                for index, text in enumerate((self.tr("optional"), self.tr("Yes"),
                                              self.tr("No"))):
                    editor.setItemText(index, text)
                name_popup(editor, name)
            elif isinstance(editor, QDateTimeEdit):
                editor.setSpecialValueText(self.tr("optional"))
                editor.setAccessibleName(name)
            elif isinstance(editor, QLineEdit):
                editor.setAccessibleName(name)
                editor.setPlaceholderText(self.tr("optional, a number")
                                          if editor_type(field.data_type) == NUMBER
                                          else self.tr("optional"))

    @property
    def current_method(self) -> SignUpMethod:
        method = self.method.currentData()
        return method if isinstance(method, SignUpMethod) else SignUpMethod.EMAIL

    def select_method(self, method: SignUpMethod) -> None:
        self.method.setCurrentIndex(self.method.findData(method))

    def take_identifier(self, form: SignInForm) -> None:
        """Carry over what was typed on the sign-in page (a user who found no account)."""
        if form.method is Method.EMAIL and form.email and not self.email.text():
            self.select_method(SignUpMethod.EMAIL)
            self.email.setText(form.email)
        elif form.method is Method.USERNAME and form.username and not self.username.text():
            self.select_method(SignUpMethod.USERNAME)
            self.username.setText(form.username)
        elif form.method in (Method.PHONE_CODE, Method.PHONE_PASSWORD) and form.phone \
                and not self.phone.text():
            self.select_method(SignUpMethod.PHONE)
            self.phone.setText(form.phone)

    def form_snapshot(self) -> SignUpForm:
        return SignUpForm(
            method=self.current_method, email=self.email.text(), username=self.username.text(),
            phone=self.phone.text(), code=self.code.text(), password=self.password.text(),
            confirm=self.confirm.text(), nickname=self.nickname.text(),
            company=self.company.text(), remember=self.remember.isChecked(),
            custom=self._custom_values())

    def do_submit(self) -> None:
        if not self.presenter.idle:
            return
        self.submit.setText(self.tr("Creating your account…"))
        self.presenter.start(self.presenter.submit(self.form_snapshot()), name="signup.submit")

    def _busy_changed(self, busy: bool) -> None:
        if not busy:  # the call that put "Creating your account…" on the button is over
            self.submit.setText(self.tr("Create account"))

    def _show_method(self) -> None:
        method = self.current_method
        self.form.setRowVisible(self.rows["email"], method is SignUpMethod.EMAIL)
        self.form.setRowVisible(self.rows["username"], method is SignUpMethod.USERNAME)
        self.form.setRowVisible(self.rows["phone"], method is SignUpMethod.PHONE)
        self.form.setRowVisible(self.rows["code"], method is SignUpMethod.PHONE)
        self.presenter.set_field_errors({})

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        super()._show_field_errors(errors)
        for key, row in self.custom_rows.items():
            row.set_error(errors.get(f"custom.{key}", ""))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Create an account"))
        names = {SignUpMethod.EMAIL: self.tr("With an email address"),
                 SignUpMethod.USERNAME: self.tr("With a username"),
                 SignUpMethod.PHONE: self.tr("With a phone number (SMS code)")}
        for index in range(self.method.count()):
            self.method.setItemText(index, names[self.method.itemData(index)])
        texts = {"method": self.tr("Sign up"), "email": self.tr("Email"),
                 "username": self.tr("Username"), "phone": self.tr("Phone"),
                 "code": self.tr("SMS code"), "password": self.tr("Password"),
                 "confirm": self.tr("Repeat password"), "nickname": self.tr("Nickname"),
                 "company": self.tr("Company")}
        for field, text in texts.items():
            self.labels[field].setText(text)
        name_popup(self.method, self.tr("How to sign up"))
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.username.setAccessibleName(self.tr("Username"))
        self.phone.setAccessibleName(self.tr("Phone number"))
        self.code.setAccessibleName(self.tr("SMS code"))
        self.password.edit.setAccessibleName(self.tr("Password"))
        self.confirm.edit.setAccessibleName(self.tr("Repeat password"))
        self.password.retranslate()
        self.confirm.retranslate()
        self.nickname.setAccessibleName(self.tr("Nickname"))
        self.nickname.setPlaceholderText(self.tr("optional"))
        self.company.setAccessibleName(self.tr("Company"))
        self.company.setPlaceholderText(self.tr("optional"))
        self.send_code.retranslate()
        self.remember.setText(self.tr("Remember me on this computer"))
        self.remember.setAccessibleName(self.remember.text())
        self.submit.setText(self.tr("Create account"))
        self.submit.setAccessibleName(self.submit.text())
        self.back.setText(self.tr("Back to sign-in"))
        self.back.setAccessibleName(self.back.text())
        self._retranslate_custom()
