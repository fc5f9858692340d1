"""The custom data view model: the user's user-defined field values with a typed editor per
data type (string, number, boolean, datetime), set and remove.

The v2 API lists values, not definitions: a field the user never set is unknown until its key
is typed in (the pool checks the key and the type on save).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

STRING = "STRING"
NUMBER = "NUMBER"
BOOLEAN = "BOOLEAN"
DATETIME = "DATETIME"
EDITABLE_TYPES = (STRING, NUMBER, BOOLEAN, DATETIME)
MAX_KEY_LENGTH = 64


@dataclass(frozen=True)
class CustomField:
    """One set value: ``value`` is typed (str, int/float, bool, aware datetime, ...)."""

    key: str
    data_type: str
    value: Any
    label: str = ""


def display_text(value: Any) -> str:
    """How a typed value reads in the list."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


class CustomDataPresenter(AccountPresenter):
    """``fields_changed`` carries the list of `CustomField`; ``saved`` the key set or removed."""

    fields_changed = Signal(list)
    saved = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.fields: list[CustomField] = []

    def field(self, key: str) -> CustomField | None:
        return next((f for f in self.fields if f.key == key), None)

    def load(self) -> asyncio.Task[list[CustomField] | None]:
        return self.start(self._load(), name="customData.load")

    def set_value(self, key: str, data_type: str, value: Any) -> asyncio.Task[bool | None]:
        """Set ``key`` to ``value`` (text from an editor, or already typed)."""
        return self.start(self._set(key, data_type, value), name="customData.change")

    def remove(self, key: str) -> asyncio.Task[bool | None]:
        return self.start(self._remove(key), name="customData.change")

    def parse(self, data_type: str, value: Any) -> Any:
        """``value`` as ``data_type`` wants it; field error ``value`` (None back) when it
        does not fit."""
        problem = ""
        result: Any = None
        if data_type == NUMBER:
            try:
                number = float(str(value).strip().replace(",", "."))
            except ValueError:
                problem = self.tr("Enter a number, such as 42 or 3.5.")
            else:
                if not math.isfinite(number):
                    problem = self.tr("Enter a number, such as 42 or 3.5.")
                else:
                    result = int(number) if number.is_integer() else number
        elif data_type == BOOLEAN:
            if isinstance(value, bool):
                result = value
            elif str(value).strip().lower() in ("true", "1", "yes"):
                result = True
            elif str(value).strip().lower() in ("false", "0", "no"):
                result = False
            else:
                problem = self.tr("Choose yes or no.")
        elif data_type == DATETIME:
            if isinstance(value, dt.datetime):
                result = value if value.tzinfo else value.astimezone()
            else:
                try:
                    parsed = dt.datetime.fromisoformat(str(value).strip())
                except ValueError:
                    problem = self.tr("Enter a date and time, such as 2024-05-01 08:30.")
                else:
                    result = parsed if parsed.tzinfo else parsed.astimezone()
        else:
            result = "" if value is None else str(value)
        if problem:
            self.set_field_errors({"value": problem})
            return None
        return result

    async def _load(self) -> list[CustomField]:
        values = await self._session.client.list_udv()
        self.fields = sorted(
            (CustomField(v.key or "", (v.data_type or STRING).upper(), v.value, v.label or "")
             for v in values if v.key),
            key=lambda f: f.key)
        self.fields_changed.emit(self.fields)
        return self.fields

    async def _set(self, key: str, data_type: str, value: Any) -> bool:
        key = key.strip()
        if not key or len(key) > MAX_KEY_LENGTH or any(ch.isspace() for ch in key):
            self.set_field_errors({"key": self.tr(
                "Enter the field's key: up to 64 characters without spaces.")})
            return False
        if data_type not in EDITABLE_TYPES:
            self.set_field_errors({"type": self.tr("Choose a data type.")})
            return False
        self.set_field_errors({})
        typed = self.parse(data_type, value)
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
        self.saved.emit(key)
        return True
