"""The registration view model: email, username, or phone + SMS code; a new password with its
confirmation; optional nickname and company; the pool's defined custom-data fields, optional and
typed, sent as the registration's custom data. After registering it signs the new account in.

The custom fields come from the ``udf`` query; a pool that refuses it to an anonymous caller
(Authing cloud may) simply gets a form without custom fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.presenters.custom_data import (
    CustomField,
    editor_type,
    fetch_definitions,
    parse_value,
)
from authing_desktop.presenters.form import SMS, SignInFlowPresenter
from authing_desktop.presenters.identifier_checks import (
    check_code,
    check_email,
    check_new_password,
    check_phone,
    check_required,
)
from authing_desktop.services.session import Session

if TYPE_CHECKING:
    from authing_desktop.api.models import User

MAX_PROFILE_TEXT = 100


class SignUpMethod(enum.Enum):
    """How the new account is identified; the value is the widget-name suffix."""

    EMAIL = "email"
    USERNAME = "username"
    PHONE = "phone"


@dataclass(frozen=True)
class SignUpForm:
    """What the user typed on the registration page."""

    method: SignUpMethod = SignUpMethod.EMAIL
    email: str = ""
    username: str = ""
    phone: str = ""
    code: str = ""
    password: str = ""
    confirm: str = ""
    nickname: str = ""
    company: str = ""
    remember: bool = False
    # Custom field key -> what its editor holds (text, bool, datetime); None or "" = not set.
    custom: Mapping[str, Any] = dataclasses.field(default_factory=dict)



class SignUpPresenter(SignInFlowPresenter):
    """``registered`` carries the signed-in new `User`."""

    registered = Signal(object)
    custom_fields_changed = Signal(list)

    def __init__(self, session: Session, parent: QObject | None = None, **kwargs: Any) -> None:
        super().__init__(session, parent, **kwargs)
        self.custom_fields: list[CustomField] = []

    async def load_custom_fields(self) -> list[CustomField]:
        """The pool's defined USER fields this form can edit (none when the pool will not
        list them, or cannot be reached now: the form works without them)."""
        from authing_desktop.api.errors import ApiError

        try:
            client = await self._session.connection.wait_ready()
            definitions = await fetch_definitions(client) or []
        except ApiError:
            definitions = []
        fields = [CustomField(d.key or "", (d.data_type or "STRING").upper(), None,
                              d.label or "", is_set=False, defined=True)
                  for d in sorted(definitions, key=lambda d: d.key or "")
                  if editor_type(d.data_type or "") is not None]
        if fields != self.custom_fields:
            self.custom_fields = fields
            self.custom_fields_changed.emit(fields)
        return fields

    def custom_data(self, form: SignUpForm) -> tuple[dict[str, Any], dict[str, str]]:
        """``(custom data to send, errors by field "custom.<key>")`` for the defined fields
        the user filled in."""
        data: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for custom in self.custom_fields:
            raw = form.custom.get(custom.key)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            value, problem = parse_value(editor_type(custom.data_type) or "", raw)
            if problem:
                errors[f"custom.{custom.key}"] = problem
            elif isinstance(value, dt.datetime):
                data[custom.key] = value.isoformat()  # the JSON params carry no datetimes
            else:
                data[custom.key] = value
        return data, errors

    def validate(self, form: SignUpForm) -> tuple[dict[str, str], dict[str, str]]:
        """``(values to send, errors by field)``."""
        values: dict[str, str] = {}
        errors: dict[str, str] = {}

        def take(field: str, result: tuple[str, str]) -> None:
            values[field], problem = result
            if problem:
                errors[field] = problem

        if form.method is SignUpMethod.EMAIL:
            take("email", check_email(form.email))
        elif form.method is SignUpMethod.USERNAME:
            take("username", check_required(form.username, QCoreApplication.translate(
                "SignUpPresenter", "Please choose a username.")))
            if any(c.isspace() for c in values["username"]):
                errors["username"] = QCoreApplication.translate(
                    "SignUpPresenter", "A username cannot contain spaces.")
        else:
            take("phone", check_phone(form.phone))
            take("code", check_code(form.code))
        errors.update(check_new_password(form.password, form.confirm))
        _custom, custom_errors = self.custom_data(form)
        errors.update(custom_errors)
        values["password"] = form.password
        for field in ("nickname", "company"):
            value = getattr(form, field).strip()
            values[field] = value
            if len(value) > MAX_PROFILE_TEXT:
                errors[field] = QCoreApplication.translate(
                    "SignUpPresenter", "At most 100 characters.")
        return values, errors

    async def send_phone_code(self, phone: str) -> bool:
        return await self.send_code(SMS, phone, field="phone")

    async def submit(self, form: SignUpForm) -> User | None:
        """Register, then sign in with the new password and adopt the session."""
        values, errors = self.validate(form)
        self.set_field_errors(errors)
        if errors:
            return None
        self.set_notice("")
        client = await self._session.connection.wait_ready()
        profile = {k: values[k] for k in ("nickname", "company") if values[k]} or None
        custom_data = self.custom_data(form)[0] or None
        password = values["password"]
        if form.method is SignUpMethod.EMAIL:
            account = values["email"]
            await client.register_by_email(account, password, profile=profile,
                                           custom_data=custom_data)
            user = await client.login_by_email(account, password)
        elif form.method is SignUpMethod.USERNAME:
            account = values["username"]
            await client.register_by_username(account, password, profile=profile,
                                              custom_data=custom_data)
            user = await client.login_by_username(account, password)
        else:
            account = values["phone"]
            await client.register_by_phone_code(account, values["code"], password,
                                                profile=profile, custom_data=custom_data)
            user = await client.login_by_phone_password(account, password)
        await self._session.adopt(user, remember=form.remember, account=account)
        self.registered.emit(user)
        return user
