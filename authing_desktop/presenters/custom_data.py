"""The custom data view model: every field the pool defines, with the user's value when set,
edited by data type (string, number, boolean, datetime); set and remove.

The definitions come from the ``udf`` query. Authing may refuse it to an end user's token: then
only the fields that have a value are known, and another field is reached by typing its key
(the pool checks the key and the type on save). That fallback is silent, not an error.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.presenters.text_marks import QT_TRANSLATE_NOOP
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import UdfDefinition

STRING = "STRING"
NUMBER = "NUMBER"
BOOLEAN = "BOOLEAN"
DATETIME = "DATETIME"
SELECT = "SELECT"
EDITABLE_TYPES = (STRING, NUMBER, BOOLEAN, DATETIME)
MAX_KEY_LENGTH = 64


class CustomDataAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "customData.load"
    CHANGE = "customData.change"


@dataclass(frozen=True)
class CustomField:
    """One field: ``value`` is typed (str, int/float, bool, aware datetime, ...) and None when
    ``is_set`` is False; ``defined`` when the pool's definitions list it."""

    key: str
    data_type: str
    value: Any
    label: str = ""
    is_set: bool = True
    defined: bool = False


def editor_type(data_type: str) -> str | None:
    """The editor a data type is edited with (a SELECT's option is typed as text), or None
    for a type this app does not edit (OBJECT)."""
    data_type = data_type.upper()
    if data_type == SELECT:
        return STRING
    return data_type if data_type in EDITABLE_TYPES else None


async def fetch_definitions(client: AuthenticationClient) -> list[UdfDefinition] | None:
    """The pool's USER field definitions, or None when the pool will not list them (a cloud
    pool may refuse the ``udf`` query to end users; the caller then falls back)."""
    from authing_desktop.api.errors import AuthingError, MalformedResponse

    try:
        definitions = await client.list_udf_definitions()
    except (AuthingError, MalformedResponse):
        return None
    return [d for d in definitions if d.key]


def display_text(value: Any) -> str:
    """How a typed value reads in the list."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


# The texts of `parse_value`, marked for the translation extractor.
_PARSE_PROBLEMS = (
    QT_TRANSLATE_NOOP("CustomDataPresenter", "Enter a number, such as 42 or 3.5."),
    QT_TRANSLATE_NOOP("CustomDataPresenter", "Choose yes or no."),
    QT_TRANSLATE_NOOP("CustomDataPresenter", "Enter a date and time, such as 2024-05-01 08:30."),
)


def parse_value(data_type: str, value: Any) -> tuple[Any, str]:
    """``(value typed as data_type wants it, "")``, or ``(None, translated problem)`` when it
    does not fit. Text from an editor or an already typed value."""
    def problem_text(text: str) -> tuple[Any, str]:
        return None, QCoreApplication.translate("CustomDataPresenter", text)

    if data_type == NUMBER:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            return problem_text("Enter a number, such as 42 or 3.5.")
        return (int(number) if number.is_integer() else number), ""
    if data_type == BOOLEAN:
        if isinstance(value, bool):
            return value, ""
        text = str(value).strip().lower()
        if text in ("true", "1", "yes"):
            return True, ""
        if text in ("false", "0", "no"):
            return False, ""
        return problem_text("Choose yes or no.")
    if data_type == DATETIME:
        if isinstance(value, dt.datetime):
            return (value if value.tzinfo else value.astimezone()), ""
        try:
            parsed = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            return problem_text("Enter a date and time, such as 2024-05-01 08:30.")
        return (parsed if parsed.tzinfo else parsed.astimezone()), ""
    return ("" if value is None else str(value)), ""


class CustomDataPresenter(AccountPresenter):
    """``fields_changed`` carries the list of `CustomField` (defined fields first, by key);
    ``saved`` the key set, ``removed`` the key whose value was removed;
    ``definitions_known`` says whether the pool listed its definitions (else only set values
    are known)."""

    fields_changed = Signal(list)
    saved = Signal(str)
    removed = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.fields: list[CustomField] = []
        self.definitions_known = False

    def field(self, key: str) -> CustomField | None:
        return next((f for f in self.fields if f.key == key), None)

    def load(self) -> asyncio.Task[list[CustomField] | None]:
        return self.start(self._load(), name=CustomDataAction.LOAD)

    def set_value(self, key: str, data_type: str, value: Any) -> asyncio.Task[bool | None]:
        """Set ``key`` to ``value`` (text from an editor, or already typed)."""
        return self.start(self._set(key, data_type, value), name=CustomDataAction.CHANGE)

    def remove(self, key: str) -> asyncio.Task[bool | None]:
        return self.start(self._remove(key), name=CustomDataAction.CHANGE)

    def parse(self, data_type: str, value: Any) -> Any:
        """``value`` as ``data_type`` wants it; field error ``value`` (None back) when it
        does not fit."""
        result, problem = parse_value(data_type, value)
        if problem:
            self.set_field_errors({"value": problem})
            return None
        return result

    async def _load(self) -> list[CustomField]:
        client = self._session.client
        # Values first: a dead session is reported by this call, not hidden by the fallback.
        values = {v.key: v for v in await client.list_udv() if v.key}
        definitions = await fetch_definitions(client)
        self.definitions_known = definitions is not None
        fields: list[CustomField] = []
        for d in sorted(definitions or [], key=lambda d: d.key or ""):
            key = d.key or ""
            value = values.pop(key, None)
            fields.append(CustomField(
                key, (d.data_type or STRING).upper(),
                value.value if value is not None else None,
                d.label or (value.label if value is not None else "") or "",
                is_set=value is not None, defined=True))
        fields += sorted(
            (CustomField(v.key or "", (v.data_type or STRING).upper(), v.value, v.label or "")
             for v in values.values()),
            key=lambda f: f.key)
        self.fields = fields
        self.fields_changed.emit(self.fields)
        return self.fields

    async def _set(self, key: str, data_type: str, value: Any) -> bool:
        key = key.strip()
        if not key or len(key) > MAX_KEY_LENGTH or any(ch.isspace() for ch in key):
            self.set_field_errors({"key": self.tr(
                "Enter the field's key: up to 64 characters without spaces.")})
            return False
        known = self.field(key)
        if known is not None and known.defined:
            data_type = known.data_type  # the definition decides, not the editor
        edited_as = editor_type(data_type)
        if edited_as is None:
            self.set_field_errors({"type": self.tr("Values of this type cannot be edited here.")
                                   if known is not None and known.defined
                                   else self.tr("Choose a data type.")})
            return False
        self.set_field_errors({})
        typed = self.parse(edited_as, value)
        if typed is None:
            return False
        await self._session.client.set_udf_value({key: typed})
        await self._load()
        self.saved.emit(key)
        return True

    async def _remove(self, key: str) -> bool:
        self.set_field_errors({})
        await self._session.client.remove_udf_value(key)
        await self._load()
        self.removed.emit(key)
        return True
