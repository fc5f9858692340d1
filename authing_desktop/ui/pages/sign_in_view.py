"""The sign-in form (``signin.*``) with its method switcher: the view the Sign in page opens
on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.sign_in import (
    Method,
    SignInForm,
    SignInPresenter,
    method_for_account,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.ui.dialogs.reset_password_dialog import DialogPasswordResetAsker
from authing_desktop.ui.dialogs.second_factor_asker import DialogSecondFactorAsker
from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker
from authing_desktop.ui.theme import set_badge, set_kind, set_tone
from authing_desktop.ui.widgets.captcha_box import CaptchaBox
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import (
    chain_tab_order,
    code_entry,
    combo_box,
    labelled_form,
    line_edit,
    link_button,
    name_popup,
    title_label,
)
from authing_desktop.ui.widgets.form_status import FormStatus
from authing_desktop.ui.widgets.password_field import PasswordField

KEY = "signin"


class SignInView(QWidget):
    """The sign-in form (``signin.*`` widgets)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.form")
        self.services = services
        self.asker = DialogPasswordResetAsker(
            self, lambda: PasswordStrengthPresenter(services.connection, services.tasks))
        self.second_factor = DialogSecondFactorAsker(self)
        self.pin_asker = DialogPinAsker(self)
        self.presenter = SignInPresenter(services.session, self.asker, services.browser_sign_in,
                                         self, second_factor=self.second_factor,
                                         passkeys=services.passkeys, pin=self.pin_asker)
        presenter = self.presenter

        self.title = title_label(f"{KEY}.title")
        self.local_badge = QLabel()
        self.local_badge.setObjectName(f"{KEY}.localBadge")
        set_badge(self.local_badge, "note")
        self.message = QLabel()
        self.message.setObjectName(f"{KEY}.message")
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        self.message.setVisible(False)

        self.accounts = combo_box(f"{KEY}.accounts")
        self.method = combo_box(f"{KEY}.method")
        for method in Method:
            self.method.addItem("", method)
        self.email = line_edit(f"{KEY}.email")
        self.username = line_edit(f"{KEY}.username")
        self.phone = line_edit(f"{KEY}.phone")
        self.account = line_edit(f"{KEY}.account")
        self.password = PasswordField(KEY, "password", "")
        self.code, self.send_code, code_box = code_entry(KEY, presenter.cooldown)
        self.captcha = CaptchaBox(KEY)
        self.auto_register = QCheckBox()
        self.auto_register.setObjectName(f"{KEY}.autoRegister")
        self.remember = QCheckBox()
        self.remember.setObjectName(f"{KEY}.remember")
        self.submit = QPushButton()
        self.submit.setObjectName(f"{KEY}.submit")
        set_kind(self.submit, "primary")
        self.submit.setDefault(True)
        self.status = FormStatus(KEY, presenter)
        self.browser = QPushButton()
        self.browser.setObjectName(f"{KEY}.browser")
        self.security_key = QPushButton()
        self.security_key.setObjectName(f"{KEY}.securityKey")
        self.security_key_cancel = QPushButton()
        self.security_key_cancel.setObjectName(f"{KEY}.securityKeyCancel")
        set_kind(self.security_key_cancel, "quiet")
        self.security_key_cancel.setVisible(False)
        self.forgot = link_button(f"{KEY}.forgot")
        self.sign_up = link_button(f"{KEY}.signUp")
        self.demo = QPushButton()
        self.demo.setObjectName(f"{KEY}.demo")
        set_kind(self.demo, "quiet")
        self.outbox_note = QLabel()
        self.outbox_note.setObjectName(f"{KEY}.outboxNote")
        self.outbox_note.setWordWrap(True)
        set_tone(self.outbox_note, "note")

        self.rows: dict[str, FieldRow] = {
            "email": FieldRow(KEY, "email", self.email),
            "username": FieldRow(KEY, "username", self.username),
            "phone": FieldRow(KEY, "phone", self.phone),
            "account": FieldRow(KEY, "account", self.account),
            "password": FieldRow(KEY, "password", self.password),
            "code": FieldRow(KEY, "code", code_box),
            "captcha": FieldRow(KEY, "captcha", self.captcha),
        }
        self.form, self.labels = labelled_form(
            {"accounts": self.accounts, "method": self.method, **self.rows})
        self.form.addRow("", self.auto_register)
        self.form.addRow("", self.remember)

        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.local_badge)
        heading.addStretch(1)
        links = QHBoxLayout()
        links.addWidget(self.forgot)
        links.addStretch(1)
        links.addWidget(self.sign_up)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.message)
        layout.addLayout(self.form)
        layout.addWidget(self.submit)
        layout.addWidget(self.status)
        layout.addLayout(links)
        key_row = QHBoxLayout()
        key_row.addWidget(self.security_key, 1)
        key_row.addWidget(self.security_key_cancel)
        layout.addLayout(key_row)
        layout.addWidget(self.browser)
        layout.addWidget(self.demo)
        layout.addWidget(self.outbox_note)
        layout.addStretch(1)
        self._chain_tabs()

        self.method.currentIndexChanged.connect(
            lambda _i: presenter.set_method(self.method.currentData()))
        presenter.method_changed.connect(self._show_method)
        presenter.field_errors_changed.connect(self._show_field_errors)
        presenter.captcha_changed.connect(self._show_captcha)
        presenter.busy_changed.connect(self._show_busy)
        self.captcha.refresh_requested.connect(
            lambda: presenter.start(presenter.refresh_captcha(), name="signin.captcha"))
        self.submit.clicked.connect(self.do_submit)
        for edit in (self.email, self.username, self.phone, self.account, self.password.edit,
                     self.code, self.captcha.edit):
            edit.returnPressed.connect(self.do_submit)
        self.send_code.clicked.connect(
            lambda: presenter.start(presenter.send_phone_code(self.phone.text()),
                                    name="signin.sendCode"))
        self.demo.clicked.connect(self.use_demo_account)
        self.browser.clicked.connect(
            lambda: presenter.start(
                presenter.sign_in_with_browser(remember=self.remember.isChecked()),
                name="signin.browser"))
        self.security_key.clicked.connect(self.sign_in_with_security_key)
        self.security_key_cancel.clicked.connect(self.presenter.cancel)
        self.accounts.activated.connect(self._pick_account)
        services.session.expired.connect(self.show_message)
        services.session.state_changed.connect(self._show_session_state)
        # Bound methods, not lambdas: Qt drops those connections when this widget goes.
        services.settings.changed.connect(self._settings_changed)

        self.retranslate()
        self._show_method(presenter.method)
        self._show_captcha(b"")
        self._fill_accounts()
        self._show_session_state(services.session.state)

    # ---------------------------------------------------------------- actions

    def form_snapshot(self) -> SignInForm:
        return SignInForm(
            method=self.presenter.method, email=self.email.text(),
            username=self.username.text(), phone=self.phone.text(),
            password=self.password.text(), code=self.code.text(), account=self.account.text(),
            captcha=self.captcha.edit.text(), auto_register=self.auto_register.isChecked(),
            remember=self.remember.isChecked())

    def do_submit(self) -> None:
        if not self.presenter.idle or not self.submit.isEnabled():
            return
        self.submit.setText(self.tr("Signing in…"))  # until the call is over (_show_busy)
        self.presenter.start(self.presenter.submit(self.form_snapshot()), name="signin.submit")

    def sign_in_with_security_key(self) -> None:
        if not self.presenter.idle or not self.security_key.isEnabled():
            return
        self.security_key.setText(self.tr("Waiting for your security key…"))
        self.security_key_cancel.setVisible(True)
        self.presenter.start(
            self.presenter.sign_in_with_security_key(remember=self.remember.isChecked()),
            name="signin.securityKey")

    def use_demo_account(self) -> None:
        form = self.presenter.demo_form()
        self.select_method(form.method)
        self.email.setText(form.email)
        self.password.setText(form.password)
        self.submit.setFocus()

    def select_method(self, method: Method) -> None:
        self.method.setCurrentIndex(self.method.findData(method))

    def fill_account(self, method: Method, account: str) -> None:
        """Prefill (after recovery or sign-up): method, identifier, focus on the password."""
        self.select_method(method)
        field = method.identifier_field
        {"email": self.email, "username": self.username, "phone": self.phone,
         "account": self.account}[field].setText(account)
        self.password.setText("")
        self.password.edit.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.presenter.cancel():
            event.accept()
            return
        super().keyPressEvent(event)

    # ---------------------------------------------------------------- binding

    def _settings_changed(self, _settings: object) -> None:
        self._fill_accounts()

    def _pick_account(self, index: int) -> None:
        name = self.accounts.itemData(index)
        if not isinstance(name, str) or not name:
            return
        method, _field = method_for_account(name)
        self.fill_account(method, name)

    def _fill_accounts(self) -> None:
        names = self.presenter.remembered_accounts()
        self.accounts.clear()
        self.accounts.addItem(self.tr("Choose a recent account…"), "")
        for name in names:
            self.accounts.addItem(name, name)
        self.form.setRowVisible(self.accounts, bool(names))

    def _show_method(self, method: Method) -> None:
        if self.method.currentData() is not method:
            self.select_method(method)
        field = method.identifier_field
        for name in ("email", "username", "phone", "account"):
            self.form.setRowVisible(self.rows[name], name == field)
        self.form.setRowVisible(self.rows["password"], method.uses_password)
        self.form.setRowVisible(self.rows["code"], not method.uses_password)
        self.form.setRowVisible(self.auto_register, method.can_auto_register)
        self._show_captcha(self.presenter.captcha_image)
        self._retranslate_account_label()

    def _show_captcha(self, image: bytes) -> None:
        self.captcha.set_image(image)
        shown = bool(image) and self.presenter.method.can_captcha
        self.form.setRowVisible(self.rows["captcha"], shown)
        if shown:
            self.captcha.edit.setFocus()

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for field, row in self.rows.items():
            row.set_error(errors.get(field, ""))
        for field in self.rows:
            if field in errors:
                editor = self.rows[field].editor
                target = editor.edit if isinstance(editor, PasswordField | CaptchaBox) else editor
                if field == "code":
                    target = self.code
                target.setFocus()
                break

    def _show_busy(self, busy: bool) -> None:
        restoring = self.services.session.state == SessionState.RESTORING
        self.submit.setEnabled(not busy and not restoring)
        self.browser.setEnabled(not busy)
        self.security_key.setEnabled(not busy and not restoring)
        self.send_code.set_busy(busy)
        if not busy:
            self.submit.setText(self.tr("Sign in"))
            self.security_key.setText(self.tr("Sign in with a security key"))
            self.security_key_cancel.setVisible(False)

    def _show_session_state(self, state: str) -> None:
        restoring = state == SessionState.RESTORING
        self.submit.setEnabled(not restoring and not self.presenter.busy)
        if restoring:
            self.presenter.set_notice(self.tr("Checking your saved sign-in…"))
        elif self.presenter.notice == self.tr("Checking your saved sign-in…"):
            self.presenter.set_notice("")
        if state == SessionState.SIGNED_IN:
            self.show_message("")

    def _chain_tabs(self) -> None:
        chain_tab_order([
            self.accounts, self.method, self.email, self.username, self.phone, self.account,
            self.password.edit, self.password.toggle, self.code, self.send_code,
            self.captcha.edit, self.captcha.refresh, self.auto_register, self.remember,
            self.submit, self.forgot, self.sign_up, self.security_key,
            self.security_key_cancel, self.browser, self.demo])

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in"))
        local = self.presenter.is_local_pool
        self.local_badge.setText(self.tr("Local pool"))
        self.local_badge.setVisible(local)
        self.local_badge.setToolTip(self.tr(
            "You are connected to the built-in local user pool: everything stays on this "
            "computer."))
        names = {
            Method.EMAIL: self.tr("Email and password"),
            Method.USERNAME: self.tr("Username and password"),
            Method.PHONE_PASSWORD: self.tr("Phone and password"),
            Method.PHONE_CODE: self.tr("Phone and SMS code"),
            Method.LDAP: self.tr("LDAP directory account"),
            Method.AD: self.tr("Active Directory account"),
            Method.SUB_ACCOUNT: self.tr("Sub-account"),
        }
        for index in range(self.method.count()):
            self.method.setItemText(index, names[self.method.itemData(index)])
        texts = {
            "accounts": self.tr("Recent"), "method": self.tr("Sign in with"),
            "email": self.tr("Email"), "username": self.tr("Username"),
            "phone": self.tr("Phone"), "password": self.tr("Password"),
            "code": self.tr("SMS code"), "captcha": self.tr("Captcha"),
        }
        for field, text in texts.items():
            self.labels[field].setText(text)
        self._retranslate_account_label()
        name_popup(self.accounts, self.tr("Recent accounts"))
        if self.accounts.count():
            self.accounts.setItemText(0, self.tr("Choose a recent account…"))
        name_popup(self.method, self.tr("Sign-in method"))
        self.email.setAccessibleName(self.tr("Email"))
        self.email.setPlaceholderText(self.tr("name@example.com"))
        self.username.setAccessibleName(self.tr("Username"))
        self.phone.setAccessibleName(self.tr("Phone number"))
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000 or +86 138 0013 8000"))
        self.password.edit.setAccessibleName(self.tr("Password"))
        self.password.retranslate()
        self.code.setAccessibleName(self.tr("SMS code"))
        self.send_code.retranslate()
        self.captcha.retranslate()
        self.auto_register.setText(self.tr("Create an account if it does not exist"))
        self.auto_register.setAccessibleName(self.auto_register.text())
        self.remember.setText(self.tr("Remember me on this computer"))
        self.remember.setAccessibleName(self.remember.text())
        self.remember.setToolTip(self.tr("Keeps you signed in; the token is stored in the "
                                         "system keychain."))
        self.submit.setText(self.tr("Sign in"))
        self.submit.setAccessibleName(self.tr("Sign in"))
        self.browser.setText(self.tr("Sign in with browser"))
        self.browser.setAccessibleName(self.browser.text())
        if not self.presenter.key_signing_in:
            self.security_key.setText(self.tr("Sign in with a security key"))
        self.security_key.setAccessibleName(self.tr("Sign in with a security key"))
        self.security_key.setToolTip(self.tr(
            "Touch a security key you added on the Security page: no password needed."))
        self.security_key_cancel.setText(self.tr("Cancel"))
        self.security_key_cancel.setAccessibleName(self.tr("Stop waiting for the security key"))
        self.forgot.setText(self.tr("Forgot your password?"))
        self.forgot.setAccessibleName(self.forgot.text())
        self.sign_up.setText(self.tr("Create an account"))
        self.sign_up.setAccessibleName(self.sign_up.text())
        self.demo.setText(self.tr("Use the demo account"))
        self.demo.setAccessibleName(self.demo.text())
        self.demo.setToolTip("demo@example.com / passw0rd")
        self.demo.setVisible(local)
        self.outbox_note.setText(self.tr(
            "Local pool: no real SMS or email is sent. Codes appear in the outbox (Support "
            "page, or run 'authing-desktop pool outbox')."))
        self.outbox_note.setVisible(local)

    def _retranslate_account_label(self) -> None:
        method = self.presenter.method
        text = {Method.LDAP: self.tr("LDAP user"), Method.AD: self.tr("AD user"),
                Method.SUB_ACCOUNT: self.tr("Sub-account")}.get(method, self.tr("Account"))
        self.labels["account"].setText(text)
        self.account.setAccessibleName(text)
