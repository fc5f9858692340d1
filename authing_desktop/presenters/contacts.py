"""The phone & email view model: current values with their verified state; bind, change
(proving the current contact and the new one) and unbind; send-code countdowns; sending the
verification email for an unverified address."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.presenters.identifier_checks import check_code, check_email, check_phone
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.models import User

# Code slots, also the field names of `field_errors` for the destination of each code.
PHONE = "phone"
OLD_PHONE = "oldPhone"
EMAIL = "email"
OLD_EMAIL = "oldEmail"
VERIFY_EMAIL = "verifyEmail"
SLOTS = (PHONE, OLD_PHONE, EMAIL, OLD_EMAIL, VERIFY_EMAIL)
# The pool accepts CHANGE_EMAIL codes for binding and changing; VERIFY_EMAIL is the scene of
# the verification mail itself.
CHANGE_EMAIL_SCENE = "CHANGE_EMAIL"
VERIFY_EMAIL_SCENE = "VERIFY_EMAIL"


class ContactsAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "contacts.load"
    SEND = "contacts.send"
    CHANGE = "contacts.change"


class ContactsChange(StrEnum):
    """What ``completed`` says was done."""

    PHONE_BOUND = "phoneBound"
    PHONE_CHANGED = "phoneChanged"
    PHONE_UNBOUND = "phoneUnbound"
    EMAIL_BOUND = "emailBound"
    EMAIL_CHANGED = "emailChanged"
    EMAIL_UNBOUND = "emailUnbound"
    VERIFICATION_SENT = "verificationSent"


@dataclass(frozen=True)
class Contacts:
    """The account's phone and email as last loaded."""

    phone: str = ""
    phone_verified: bool = False
    email: str = ""
    email_verified: bool = False


def contacts_of(user: User | None) -> Contacts:
    if user is None:
        return Contacts()
    return Contacts(user.phone or "", bool(user.phone_verified), user.email or "",
                    bool(user.email_verified))


class ContactsPresenter(AccountPresenter):
    """``contacts_changed`` carries `Contacts`; ``completed`` the finished `ContactsChange`;
    ``code_sent`` the slot a code went to."""

    contacts_changed = Signal(object)
    completed = Signal(str)
    code_sent = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner, *,
                 cooldown_seconds: int = 60, parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.contacts = contacts_of(session.user)
        self.cooldowns = {slot: CodeCooldown(cooldown_seconds, parent=self) for slot in SLOTS}
        session.user_changed.connect(self._user_changed)

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[Contacts | None]:
        return self.start(self._load(), name=ContactsAction.LOAD)

    def send_phone_code(self, phone: str) -> asyncio.Task[bool | None]:
        """A code to a new phone number (bind or change)."""
        return self.start(self._send_sms(PHONE, phone), name=ContactsAction.SEND)

    def send_old_phone_code(self) -> asyncio.Task[bool | None]:
        """A code to the bound phone number (proof for a change)."""
        return self.start(self._send_sms(OLD_PHONE, self.contacts.phone), name=ContactsAction.SEND)

    def send_email_code(self, email: str) -> asyncio.Task[bool | None]:
        return self.start(self._send_email(EMAIL, email, CHANGE_EMAIL_SCENE),
                          name=ContactsAction.SEND)

    def send_old_email_code(self) -> asyncio.Task[bool | None]:
        return self.start(self._send_email(OLD_EMAIL, self.contacts.email, CHANGE_EMAIL_SCENE),
                          name=ContactsAction.SEND)

    def send_verification_email(self) -> asyncio.Task[bool | None]:
        """The pool's VERIFY_EMAIL mail to the bound, unverified address."""
        return self.start(self._send_verification(), name=ContactsAction.SEND)

    def bind_phone(self, phone: str, code: str) -> asyncio.Task[bool | None]:
        return self.start(self._bind_phone(phone, code), name=ContactsAction.CHANGE)

    def change_phone(self, phone: str, code: str, old_code: str) -> asyncio.Task[bool | None]:
        return self.start(self._change_phone(phone, code, old_code), name=ContactsAction.CHANGE)

    def unbind_phone(self) -> asyncio.Task[bool | None]:
        return self.start(self._unbind("phone"), name=ContactsAction.CHANGE)

    def bind_email(self, email: str, code: str) -> asyncio.Task[bool | None]:
        return self.start(self._bind_email(email, code), name=ContactsAction.CHANGE)

    def change_email(self, email: str, code: str, old_code: str) -> asyncio.Task[bool | None]:
        return self.start(self._change_email(email, code, old_code), name=ContactsAction.CHANGE)

    def unbind_email(self) -> asyncio.Task[bool | None]:
        return self.start(self._unbind("email"), name=ContactsAction.CHANGE)

    # -------------------------------------------------------------- internals

    async def _load(self) -> Contacts:
        self._adopt(await self._session.refresh_user())
        return self.contacts

    def _checked(self, checks: dict[str, tuple[str, str]]) -> dict[str, str] | None:
        errors = {field: error for field, (_value, error) in checks.items() if error}
        self.set_field_errors(errors)
        if errors:
            return None
        return {field: value for field, (value, _error) in checks.items()}

    async def _send_sms(self, slot: str, phone: str) -> bool:
        values = self._checked({slot: check_phone(phone)})
        if values is None:
            return False
        with self.cooldowns[slot].follow_refusal():
            await self._session.client.send_sms_code(values[slot])
        self._sent(slot)
        return True

    async def _send_email(self, slot: str, email: str, scene: str) -> bool:
        values = self._checked({slot: check_email(email)})
        if values is None:
            return False
        with self.cooldowns[slot].follow_refusal():
            await self._session.client.send_email(values[slot], scene)
        self._sent(slot)
        return True

    async def _send_verification(self) -> bool:
        if not await self._send_email(VERIFY_EMAIL, self.contacts.email, VERIFY_EMAIL_SCENE):
            return False
        self.completed.emit(ContactsChange.VERIFICATION_SENT)
        return True

    def _sent(self, slot: str) -> None:
        self.cooldowns[slot].start()
        self.code_sent.emit(slot)

    async def _bind_phone(self, phone: str, code: str) -> bool:
        values = self._checked({"phone": check_phone(phone), "phoneCode": check_code(code)})
        if values is None:
            return False
        user = await self._session.client.bind_phone(values["phone"], values["phoneCode"])
        return self._done(ContactsChange.PHONE_BOUND, user, PHONE)

    async def _change_phone(self, phone: str, code: str, old_code: str) -> bool:
        values = self._checked({"phone": check_phone(phone), "phoneCode": check_code(code),
                                "oldPhoneCode": check_code(old_code)})
        if values is None:
            return False
        user = await self._session.client.update_phone(
            values["phone"], values["phoneCode"], self.contacts.phone, values["oldPhoneCode"])
        return self._done(ContactsChange.PHONE_CHANGED, user, PHONE, OLD_PHONE)

    async def _bind_email(self, email: str, code: str) -> bool:
        values = self._checked({"email": check_email(email), "emailCode": check_code(code)})
        if values is None:
            return False
        user = await self._session.client.bind_email(values["email"], values["emailCode"])
        return self._done(ContactsChange.EMAIL_BOUND, user, EMAIL)

    async def _change_email(self, email: str, code: str, old_code: str) -> bool:
        values = self._checked({"email": check_email(email), "emailCode": check_code(code),
                                "oldEmailCode": check_code(old_code)})
        if values is None:
            return False
        user = await self._session.client.update_email(
            values["email"], values["emailCode"], self.contacts.email, values["oldEmailCode"])
        return self._done(ContactsChange.EMAIL_CHANGED, user, EMAIL, OLD_EMAIL)

    async def _unbind(self, what: str) -> bool:
        self.set_field_errors({})
        client = self._session.client
        if what == "phone":
            return self._done(ContactsChange.PHONE_UNBOUND, await client.unbind_phone())
        return self._done(ContactsChange.EMAIL_UNBOUND, await client.unbind_email())

    def _done(self, change: ContactsChange, user: User, *slots: str) -> bool:
        for slot in slots:
            self.cooldowns[slot].stop()  # the next action starts afresh
        self._session.update_user(user)
        self._adopt(user)
        self.completed.emit(change)
        return True

    def _user_changed(self, user: User | None) -> None:
        self._adopt(user)

    def _adopt(self, user: User | None) -> None:
        contacts = contacts_of(user)
        if contacts != self.contacts:
            self.contacts = contacts
            self.contacts_changed.emit(contacts)
