"""The phone & email view model: current values with their verified state; bind, change
(proving the current contact and the new one) and unbind; send-code countdowns; sending the
verification email for an unverified address."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
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
    """``contacts_changed`` carries `Contacts`; ``completed`` names the finished action
    (``phoneBound``, ``phoneChanged``, ``phoneUnbound``, ``emailBound``, ``emailChanged``,
    ``emailUnbound``, ``verificationSent``); ``code_sent`` the slot a code went to."""

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
        return self.start(self._load(), name="contacts.load")

    def send_phone_code(self, phone: str) -> asyncio.Task[bool | None]:
        """A code to a new phone number (bind or change)."""
        return self.start(self._send_sms(PHONE, phone), name="contacts.send")

    def send_old_phone_code(self) -> asyncio.Task[bool | None]:
        """A code to the bound phone number (proof for a change)."""
        return self.start(self._send_sms(OLD_PHONE, self.contacts.phone), name="contacts.send")

    def send_email_code(self, email: str) -> asyncio.Task[bool | None]:
        return self.start(self._send_email(EMAIL, email, CHANGE_EMAIL_SCENE),
                          name="contacts.send")

    def send_old_email_code(self) -> asyncio.Task[bool | None]:
        return self.start(self._send_email(OLD_EMAIL, self.contacts.email, CHANGE_EMAIL_SCENE),
                          name="contacts.send")

    def send_verification_email(self) -> asyncio.Task[bool | None]:
        """The pool's VERIFY_EMAIL mail to the bound, unverified address."""
        return self.start(self._send_verification(), name="contacts.send")

    def bind_phone(self, phone: str, code: str) -> asyncio.Task[bool | None]:
        return self.start(self._bind_phone(phone, code), name="contacts.change")

    def change_phone(self, phone: str, code: str, old_code: str) -> asyncio.Task[bool | None]:
        return self.start(self._change_phone(phone, code, old_code), name="contacts.change")

    def unbind_phone(self) -> asyncio.Task[bool | None]:
        return self.start(self._unbind("phone"), name="contacts.change")

    def bind_email(self, email: str, code: str) -> asyncio.Task[bool | None]:
        return self.start(self._bind_email(email, code), name="contacts.change")

    def change_email(self, email: str, code: str, old_code: str) -> asyncio.Task[bool | None]:
        return self.start(self._change_email(email, code, old_code), name="contacts.change")

    def unbind_email(self) -> asyncio.Task[bool | None]:
        return self.start(self._unbind("email"), name="contacts.change")

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
        await self._session.client.send_sms_code(values[slot])
        self._sent(slot)
        return True

    async def _send_email(self, slot: str, email: str, scene: str) -> bool:
        values = self._checked({slot: check_email(email)})
        if values is None:
            return False
        await self._session.client.send_email(values[slot], scene)
        self._sent(slot)
        return True

    async def _send_verification(self) -> bool:
        if not await self._send_email(VERIFY_EMAIL, self.contacts.email, VERIFY_EMAIL_SCENE):
            return False
        self.completed.emit("verificationSent")
        return True

    def _sent(self, slot: str) -> None:
        self.cooldowns[slot].start()
        self.code_sent.emit(slot)

    async def _bind_phone(self, phone: str, code: str) -> bool:
        values = self._checked({"phone": check_phone(phone), "phoneCode": check_code(code)})
        if values is None:
            return False
        await self._session.client.bind_phone(values["phone"], values["phoneCode"])
        return await self._done("phoneBound", PHONE)

    async def _change_phone(self, phone: str, code: str, old_code: str) -> bool:
        values = self._checked({"phone": check_phone(phone), "phoneCode": check_code(code),
                                "oldPhoneCode": check_code(old_code)})
        if values is None:
            return False
        await self._session.client.update_phone(
            values["phone"], values["phoneCode"], self.contacts.phone, values["oldPhoneCode"])
        return await self._done("phoneChanged", PHONE, OLD_PHONE)

    async def _bind_email(self, email: str, code: str) -> bool:
        values = self._checked({"email": check_email(email), "emailCode": check_code(code)})
        if values is None:
            return False
        await self._session.client.bind_email(values["email"], values["emailCode"])
        return await self._done("emailBound", EMAIL)

    async def _change_email(self, email: str, code: str, old_code: str) -> bool:
        values = self._checked({"email": check_email(email), "emailCode": check_code(code),
                                "oldEmailCode": check_code(old_code)})
        if values is None:
            return False
        await self._session.client.update_email(
            values["email"], values["emailCode"], self.contacts.email, values["oldEmailCode"])
        return await self._done("emailChanged", EMAIL, OLD_EMAIL)

    async def _unbind(self, what: str) -> bool:
        self.set_field_errors({})
        client = self._session.client
        if what == "phone":
            await client.unbind_phone()
        else:
            await client.unbind_email()
        return await self._done(f"{what}Unbound")

    async def _done(self, action: str, *slots: str) -> bool:
        for slot in slots:
            self.cooldowns[slot].stop()  # the next action starts afresh
        self._adopt(await self._session.refresh_user())
        self.completed.emit(action)
        return True

    def _user_changed(self, user: User | None) -> None:
        self._adopt(user)

    def _adopt(self, user: User | None) -> None:
        contacts = contacts_of(user)
        if contacts != self.contacts:
            self.contacts = contacts
            self.contacts_changed.emit(contacts)
