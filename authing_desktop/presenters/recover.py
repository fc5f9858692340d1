"""The forgotten-password view model: a code by email or SMS, the new password twice, then
back to sign-in with the account filled in."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.form import EMAIL, SMS, SignInFlowPresenter
from authing_desktop.presenters.identifier_checks import (
    check_code,
    check_email,
    check_new_password,
    check_phone,
)
from authing_desktop.services.session import Session

RESET_SCENE = "RESET_PASSWORD"


class RecoverMethod(enum.Enum):
    """Where the code goes; the value is the widget-name suffix."""

    EMAIL = "email"
    PHONE = "phone"


@dataclass(frozen=True)
class RecoverForm:
    """What the user typed on the recovery page."""

    method: RecoverMethod = RecoverMethod.EMAIL
    email: str = ""
    phone: str = ""
    code: str = ""
    password: str = ""
    confirm: str = ""


class RecoverPresenter(SignInFlowPresenter):
    """``recovered`` carries ``(method, account)`` once the new password is set."""

    recovered = Signal(object, str)

    def __init__(self, session: Session, parent: QObject | None = None, **kwargs: Any) -> None:
        super().__init__(session, parent, **kwargs)

    def validate(self, form: RecoverForm) -> tuple[dict[str, str], dict[str, str]]:
        values: dict[str, str] = {}
        errors: dict[str, str] = {}
        field = form.method.value
        value, problem = (check_email(form.email) if form.method is RecoverMethod.EMAIL
                          else check_phone(form.phone))
        values[field] = value
        if problem:
            errors[field] = problem
        values["code"], problem = check_code(form.code)
        if problem:
            errors["code"] = problem
        errors.update(check_new_password(form.password, form.confirm))
        values["password"] = form.password
        return values, errors

    async def send_reset_code(self, form: RecoverForm) -> bool:
        if form.method is RecoverMethod.EMAIL:
            return await self.send_code(EMAIL, form.email, field="email", scene=RESET_SCENE)
        return await self.send_code(SMS, form.phone, field="phone")

    async def submit(self, form: RecoverForm) -> bool:
        values, errors = self.validate(form)
        self.set_field_errors(errors)
        if errors:
            return False
        self.set_notice("")
        client = await self._session.connection.wait_ready()
        account = values[form.method.value]
        if form.method is RecoverMethod.EMAIL:
            await client.reset_password_by_email_code(account, values["code"], values["password"])
        else:
            await client.reset_password_by_phone_code(account, values["code"], values["password"])
        self.cooldown.stop()
        self.recovered.emit(form.method, account)
        return True
