"""The Phone & email page: a card each for the phone and the email, the value with its
verified badge; bind, change (codes to the current contact and to the new one) and unbind;
send-code buttons beside the code fields, counting down (also the server's "retry in"); the
verification mail for an unverified address. Both cards share one caption width, so their
fields line up."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from authing_desktop.presenters.contacts import (
    EMAIL,
    OLD_EMAIL,
    OLD_PHONE,
    PHONE,
    VERIFY_EMAIL,
    Contacts,
    ContactsChange,
    ContactsPresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.pages.account_base import AccountPage
from authing_desktop.ui.theme import set_badge, set_kind
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.code_button import CodeButton
from authing_desktop.ui.widgets.field_row import FieldRow

KEY = "contacts"


def _code_field(edit: QLineEdit, button: CodeButton) -> QWidget:
    """A code field with its send button (which counts down) on the right."""
    edit.setMaxLength(8)
    edit.setPlaceholderText("123456")
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return box


class _ContactCard(Card):
    """One contact (phone or email): the value with its verified badge, then the new value,
    the code sent to it and (when one is bound) the code sent to the current one."""

    def __init__(self, kind: str, presenter: ContactsPresenter, new_slot: str, old_slot: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{KEY}.{kind}Card", icon="phone" if kind == "phone" else "mail",
                         parent=parent)
        self.kind = kind
        self.value = QLabel()
        self.value.setObjectName(f"{KEY}.{kind}Value")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel()
        self.badge.setObjectName(f"{KEY}.{kind}Badge")
        current = QHBoxLayout()
        current.setSpacing(8)
        current.addWidget(self.value)
        current.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        current.addStretch(1)
        self.body.addLayout(current)

        cap = kind[:1].upper() + kind[1:]
        self.new_value = QLineEdit()
        self.new_value.setObjectName(f"{KEY}.new{cap}")
        self.new_row = FieldRow(KEY, f"new{cap}", self.new_value)
        self.code = QLineEdit()
        self.code.setObjectName(f"{KEY}.{kind}Code")
        self.send_new = CodeButton(f"{KEY}.send{cap}Code", presenter.cooldowns[new_slot])
        self.code_row = FieldRow(KEY, f"{kind}Code", _code_field(self.code, self.send_new))
        self.old_code = QLineEdit()
        self.old_code.setObjectName(f"{KEY}.old{cap}Code")
        self.send_old = CodeButton(f"{KEY}.sendOld{cap}Code", presenter.cooldowns[old_slot])
        self.old_row = FieldRow(KEY, f"old{cap}Code", _code_field(self.old_code, self.send_old))

        self.new_caption = QLabel()
        self.code_caption = QLabel()
        self.old_caption = QLabel()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.new_caption, self.new_row)
        self.form.addRow(self.code_caption, self.code_row)
        self.form.addRow(self.old_caption, self.old_row)
        self.body.addLayout(self.form)

        self.submit = QPushButton()
        self.submit.setObjectName(f"{KEY}.submit{cap}")
        set_kind(self.submit, "primary")
        self.unbind = QPushButton()
        self.unbind.setObjectName(f"{KEY}.unbind{cap}")
        set_kind(self.unbind, "danger")
        self.add_action(self.unbind)
        self.add_action(self.submit)
        self.bound = False

    @property
    def captions(self) -> tuple[QLabel, ...]:
        return (self.new_caption, self.code_caption, self.old_caption)

    @property
    def send_buttons(self) -> tuple[CodeButton, ...]:
        return (self.send_new, self.send_old)

    def show_contact(self, value: str, verified: bool, none_text: str, verified_text: str,
                     unverified_text: str) -> None:
        self.bound = bool(value)
        self.value.setText(value or none_text)
        text = ""
        if value:
            text, tone = (verified_text, "ok") if verified else (unverified_text, "warning")
            set_badge(self.badge, tone)
            self.badge.setText(text)
            self.badge.setAccessibleName(text)
        self.badge.setVisible(bool(value))
        self.value.setAccessibleName(f"{self.title.text()}: {value or none_text}"
                                     + (f", {text}" if text else ""))
        self.form.setRowVisible(self.old_row, self.bound)
        self.unbind.setVisible(self.bound)

    def clear_inputs(self) -> None:
        for edit in (self.new_value, self.code, self.old_code):
            edit.clear()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.submit, self.unbind):
            widget.setEnabled(not busy)
        self.send_new.set_busy(busy)
        self.send_old.set_busy(busy)


class ContactsPage(AccountPage):
    """Phone & email."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = ContactsPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        p = self.presenter
        self.phone = _ContactCard("phone", p, PHONE, OLD_PHONE)
        yield
        self.email = _ContactCard("email", p, EMAIL, OLD_EMAIL)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName(f"{KEY}.verifyEmail")
        self.verify_button.clicked.connect(self._verify)
        self.email.action_row.insertWidget(2, self.verify_button)
        self.body.addWidget(self.phone)
        self.body.addWidget(self.email)
        self.body.addStretch(1)

        yield
        self.phone.send_new.clicked.connect(lambda: p.send_phone_code(self.phone.new_value.text()))
        self.phone.send_old.clicked.connect(p.send_old_phone_code)
        self.phone.submit.clicked.connect(self._submit_phone)
        self.phone.unbind.clicked.connect(lambda: self._unbind("phone"))
        self.email.send_new.clicked.connect(lambda: p.send_email_code(self.email.new_value.text()))
        self.email.send_old.clicked.connect(p.send_old_email_code)
        self.email.submit.clicked.connect(self._submit_email)
        self.email.unbind.clicked.connect(lambda: self._unbind("email"))
        for box, submit in ((self.phone, self._submit_phone), (self.email, self._submit_email)):
            box.code.returnPressed.connect(submit)
            box.old_code.returnPressed.connect(submit)

        p.contacts_changed.connect(self._show_contacts)
        p.field_errors_changed.connect(self._show_field_errors)
        p.completed.connect(self._completed)
        p.code_sent.connect(self._code_sent)
        p.busy_changed.connect(self._busy)
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()

    def _submit_phone(self) -> None:
        box, p = self.phone, self.presenter
        if p.busy:
            return
        if box.bound:
            p.change_phone(box.new_value.text(), box.code.text(), box.old_code.text())
        else:
            p.bind_phone(box.new_value.text(), box.code.text())

    def _submit_email(self) -> None:
        box, p = self.email, self.presenter
        if p.busy:
            return
        if box.bound:
            p.change_email(box.new_value.text(), box.code.text(), box.old_code.text())
        else:
            p.bind_email(box.new_value.text(), box.code.text())

    def _verify(self) -> None:
        if not self.presenter.busy:
            self.presenter.send_verification_email()

    def _unbind(self, kind: str) -> None:
        if not self.presenter.busy and not self.services.tasks.closed:
            self.services.tasks.start(self._confirm_unbind(kind), name="contacts.unbind")

    async def _confirm_unbind(self, kind: str) -> None:
        if kind == "phone":
            title = self.tr("Remove the phone number?")
            text = self.tr("You will no longer be able to sign in with {value} or receive "
                           "codes there.").format(value=self.presenter.contacts.phone)
        else:
            title = self.tr("Remove the email address?")
            text = self.tr("You will no longer be able to sign in with {value} or recover "
                           "your password by email.").format(value=self.presenter.contacts.email)
        answer = await ask(self, f"{KEY}.unbind", title, text, [
            Choice("remove", self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole),
            Choice("keep", self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)],
            default="keep", icon=QMessageBox.Icon.Warning)
        if answer == "remove":
            await (self.presenter.unbind_phone() if kind == "phone"
                   else self.presenter.unbind_email())

    # ------------------------------------------------------------------ binding

    def _show_contacts(self, contacts: Contacts | None = None) -> None:
        c = contacts or self.presenter.contacts
        none, verified, unverified = self.tr("None"), self.tr("Verified"), self.tr("Not verified")
        self.phone.show_contact(c.phone, c.phone_verified, none, verified, unverified)
        self.email.show_contact(c.email, c.email_verified, none, verified, unverified)
        self.verify_button.setVisible(bool(c.email) and not c.email_verified)
        for box, bind_text, change_text in (
                (self.phone, self.tr("Bind phone"), self.tr("Change phone")),
                (self.email, self.tr("Bind email"), self.tr("Change email"))):
            box.submit.setText(change_text if box.bound else bind_text)
            box.submit.setAccessibleName(box.submit.text())
        self.phone.new_caption.setText(self.tr("New number") if self.phone.bound
                                       else self.tr("Number"))
        self.email.new_caption.setText(self.tr("New address") if self.email.bound
                                       else self.tr("Address"))
        self.phone.old_caption.setText(self.tr("Code from current number"))
        self.email.old_caption.setText(self.tr("Code from current address"))
        self.phone.old_code.setToolTip(self.tr("Code sent to {value}").format(value=c.phone))
        self.email.old_code.setToolTip(self.tr("Code sent to {value}").format(value=c.email))
        for box in (self.phone, self.email):
            box.new_value.setAccessibleName(box.new_caption.text())
            box.old_code.setAccessibleName(box.old_code.toolTip())
        self._line_up()

    def _line_up(self) -> None:
        """One caption width and one send-button width for both cards: their fields line up
        whatever the captions say and while a button counts down."""
        cards = (self.phone, self.email)
        captions = [label for card in cards for label in card.captions]
        width = max(label.sizeHint().width() for label in captions)
        for label in captions:
            label.setMinimumWidth(width)
        buttons = [button for card in cards for button in card.send_buttons]
        metrics = buttons[0].fontMetrics()
        longest = max(metrics.horizontalAdvance(text) for text in buttons[0].texts())
        for button in buttons:
            button.setMinimumWidth(longest + 4 * metrics.averageCharWidth())

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self.phone.new_row.set_error(errors.get("phone", ""))
        self.phone.code_row.set_error(errors.get("phoneCode", ""))
        self.phone.old_row.set_error(errors.get("oldPhoneCode", "") or errors.get(OLD_PHONE, ""))
        self.email.new_row.set_error(errors.get("email", ""))
        self.email.code_row.set_error(errors.get("emailCode", ""))
        self.email.old_row.set_error(errors.get("oldEmailCode", "") or errors.get(OLD_EMAIL, ""))

    def _completed(self, change: str) -> None:
        texts = {
            ContactsChange.PHONE_BOUND: self.tr("Your phone number is bound."),
            ContactsChange.PHONE_CHANGED: self.tr("Your phone number was changed."),
            ContactsChange.PHONE_UNBOUND: self.tr("Your phone number was removed."),
            ContactsChange.EMAIL_BOUND: self.tr("Your email address is bound."),
            ContactsChange.EMAIL_CHANGED: self.tr("Your email address was changed."),
            ContactsChange.EMAIL_UNBOUND: self.tr("Your email address was removed."),
            ContactsChange.VERIFICATION_SENT: self._verification_sent_text(),
        }
        if change in (ContactsChange.PHONE_BOUND, ContactsChange.PHONE_CHANGED,
                      ContactsChange.PHONE_UNBOUND):
            self.phone.clear_inputs()
        elif change != ContactsChange.VERIFICATION_SENT:
            self.email.clear_inputs()
        self.notify(texts.get(ContactsChange(change), ""))

    def _verification_sent_text(self) -> str:
        text = self.tr("A verification email was sent. Open the link in the email, then "
                       "press Refresh.")
        if self.services.connection.is_local_pool:
            text += " " + self.tr("On the local pool, the link appears in its outbox (Support "
                                  "page, Outbox tab: select the message, then Open link).")
        return text

    def _code_sent(self, slot: str) -> None:
        if slot == VERIFY_EMAIL:
            return  # told by the "verificationSent" notice: a link, not a code
        text = self.tr("A code was sent.")
        if self.services.connection.is_local_pool:
            text += " " + self.tr("On the local pool, sent codes appear in its outbox "
                                  "('authing-desktop pool outbox').")
        self.notify(text)

    def _busy(self, busy: bool) -> None:
        self.phone.set_busy(busy)
        self.email.set_busy(busy)
        self.verify_button.setEnabled(not busy)

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Phone & email"),
                               self.tr("Sign in to manage your phone number and email "
                                       "address."),
                               self.tr("Where your codes and account messages go; each can "
                                       "also sign you in."))
        self.phone.set_texts(self.tr("Phone number"))
        self.email.set_texts(self.tr("Email address"))
        for box in (self.phone, self.email):
            box.code_caption.setText(self.tr("Code"))
            box.code.setAccessibleName(self.tr("Verification code for the new value"))
            box.send_new.retranslate()
            box.send_old.retranslate()
            box.unbind.setText(self.tr("Remove"))
        self.phone.unbind.setAccessibleName(self.tr("Remove the phone number"))
        self.email.unbind.setAccessibleName(self.tr("Remove the email address"))
        self.phone.new_value.setPlaceholderText("13800000000")
        self.email.new_value.setPlaceholderText("name@example.com")
        self.verify_button.setText(self.tr("Send verification email"))
        self.verify_button.setAccessibleName(self.tr("Send a verification email"))
        self._show_contacts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
