"""The Security page's "Passkeys and security keys" view model: the account's keys as rows
(name, kind, added, last used), and adding (name it, touch the key, its PIN if it asks),
renaming and removing them. The touch runs in `services.security_keys` (never on the UI
thread); `cancel_add` stops it."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from authing_desktop.api.errors import ApiError
from authing_desktop.presenters import wording
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.passkeys import Passkeys
from authing_desktop.services.security_keys import PinAsker
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.passkeys import Passkey

MAX_NAME_LENGTH = 64

KINDS = {
    "securityKey": QT_TRANSLATE_NOOP("PasskeyKind", "Security key"),
    "fingerprint": QT_TRANSLATE_NOOP("PasskeyKind", "Fingerprint on a device"),
    "face": QT_TRANSLATE_NOOP("PasskeyKind", "Face recognition on a device"),
    "device": QT_TRANSLATE_NOOP("PasskeyKind", "Passkey on a device"),
    "phone": QT_TRANSLATE_NOOP("PasskeyKind", "Passkey on a phone"),
    "passkey": QT_TRANSLATE_NOOP("PasskeyKind", "Passkey"),
}
ICONS = {"securityKey": "usb", "fingerprint": "fingerprint-pattern", "face": "scan-face",
         "device": "laptop", "phone": "smartphone", "passkey": "key-round"}


class PasskeyAction(StrEnum):
    """The intents (task names)."""

    LOAD = "passkeys.load"
    ADD = "passkeys.add"
    RENAME = "passkeys.rename"
    REMOVE = "passkeys.remove"


def kind_of(passkey: Passkey) -> str:
    """The key of `KINDS` for ``passkey``: from its transports, else its authenticator code."""
    transports = set(passkey.transports)
    code = passkey.authenticator_code or ""
    if transports & {"usb", "nfc", "ble"}:
        return "securityKey"
    if code in ("fingerprint", "face") and "internal" in transports:
        return code
    if "internal" in transports:
        return "device"
    if "hybrid" in transports:
        return "phone"
    return "passkey"


@dataclass(frozen=True)
class PasskeyRow:
    """One key as the page shows it (every text already in words)."""

    credential_id: str
    name: str
    kind: str
    kind_text: str
    icon: str
    added: str
    last_used: str  # "Last used: 5 minutes ago" or "Not used yet"


def row_of(passkey: Passkey, clock: wording.Clock) -> PasskeyRow:
    kind = kind_of(passkey)
    kind_text = QCoreApplication.translate("PasskeyKind", str(KINDS[kind]))
    last = passkey.last_used
    return PasskeyRow(
        credential_id=passkey.credential_id,
        name=(passkey.name or "").strip() or kind_text,
        kind=kind, kind_text=kind_text, icon=ICONS[kind],
        added=wording.local_date(passkey.created),
        last_used=QCoreApplication.translate("PasskeysPresenter", "Last used: {when}").format(
            when=wording.when(last, clock)) if last else QCoreApplication.translate(
            "PasskeysPresenter", "Not used yet"))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class PasskeysPresenter(AccountPresenter):
    """``keys_changed`` carries the rows (a tuple of `PasskeyRow`); ``touch_requested`` says
    the key waits for a touch; ``removed`` carries the key's name once done (the page's success
    note; after an add or a rename the page reloads and says so itself)."""

    keys_changed = Signal(object)
    touch_requested = Signal()
    removed = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner, passkeys: Passkeys,
                 pin: PinAsker | None = None, *, clock: wording.Clock = _now,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self._passkeys = passkeys
        self.pin = pin
        self._clock = clock
        self.keys: tuple[PasskeyRow, ...] = ()
        self.loaded = False
        self.adding = False

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[tuple[PasskeyRow, ...] | None]:
        return self.start(self._load(), name=PasskeyAction.LOAD)

    def check_name(self, name: str) -> str:
        """The inline error for a key's name ("" when fine)."""
        text = name.strip()
        if not text:
            return self.tr("Please give the key a name, e.g. \"Blue USB key\".")
        if len(text) > MAX_NAME_LENGTH:
            return self.tr("A name has at most %n characters.", "", MAX_NAME_LENGTH)
        return ""

    def add(self, name: str) -> asyncio.Task[PasskeyRow | None]:
        return self.start(self._add(name), name=PasskeyAction.ADD)

    def cancel_add(self) -> bool:
        """Stop adding (the key stops waiting for a touch); True when it was running."""
        if not self.adding:
            return False
        self._passkeys.keys.cancel()
        return self.cancel()

    def rename(self, credential_id: str, name: str) -> asyncio.Task[bool | None]:
        return self.start(self._rename(credential_id, name), name=PasskeyAction.RENAME)

    def remove(self, credential_id: str) -> asyncio.Task[bool | None]:
        return self.start(self._remove(credential_id), name=PasskeyAction.REMOVE)

    def name_of(self, credential_id: str) -> str:
        row = next((r for r in self.keys if r.credential_id == credential_id), None)
        return row.name if row is not None else ""

    # -------------------------------------------------------------- internals

    async def _load(self) -> tuple[PasskeyRow, ...]:
        passkeys = await self._session.client.list_passkeys()
        return self._show(passkeys)

    def _show(self, passkeys: list[Passkey]) -> tuple[PasskeyRow, ...]:
        ordered = sorted(passkeys, key=lambda p: p.created_at or "")
        self.keys = tuple(row_of(p, self._clock) for p in ordered)
        self.loaded = True
        self.keys_changed.emit(self.keys)
        return self.keys

    async def _add(self, name: str) -> PasskeyRow | None:
        problem = self.check_name(name)
        self.set_field_errors({"name": problem} if problem else {})
        if problem:
            return None
        self.set_notice("")
        self.adding = True
        try:
            added = await self._passkeys.add(
                self._session.client, name, pin=self.pin, on_touch=self.touch_requested.emit)
        finally:
            self.adding = False
        # The key is registered now: a list that fails to reload must not say it was not
        # (a retry would register it twice); the next load shows it.
        with contextlib.suppress(ApiError):
            await self._load()
        return row_of(added, self._clock)

    async def _rename(self, credential_id: str, name: str) -> bool:
        problem = self.check_name(name)
        self.set_field_errors({"name": problem} if problem else {})
        if problem:
            return False
        await self._session.client.rename_passkey(credential_id, name)
        await self._load()
        return True

    async def _remove(self, credential_id: str) -> bool:
        name = self.name_of(credential_id)
        await self._session.client.remove_passkey(credential_id)
        await self._load()
        self.removed.emit(name)
        return True
