"""The "Devices and sessions" view model: my devices (OS, browser, IP, last active, this device
marked), signing one out, and signing out every other device.

A sign-in is first recorded by the server under a device made up from the client's User-Agent
and IP; this app then registers the computer under its own id (``create_device``, see
docs/protocol.md, v3 self-service) and the session moves there. The made-up device stays
behind, signed out, with no system known: it is the same sign-in, so the list folds it into
this device (`device_rows`) instead of showing a signed-out "Unknown" twin."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters import wording
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import DeviceSession

# What the server says for a value it could not read from the User-Agent.
UNKNOWN = "Unknown"
# A left-behind sign-in record is "the same sign-in" as this device's when their sign-ins are
# this close (the registration follows the sign-in at once).
SAME_SIGN_IN = dt.timedelta(minutes=2)


class DevicesAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "devices.load"
    SIGN_OUT = "devices.signOut"


@dataclass(frozen=True)
class DeviceRow:
    """One line of the list, ready to show (times are aware datetimes or None)."""

    device_id: str
    name: str
    os: str
    browser: str
    ip: str
    last_active: dt.datetime | None
    last_login: dt.datetime | None
    online: bool
    current: bool
    kind: str = "laptop"  # an icon name (`wording.device_kind`)
    aliases: tuple[str, ...] = ()  # ids of sign-in records folded into this row

    @property
    def label(self) -> str:
        """What people call it: its own name when it has one, else "Firefox on Windows 11"."""
        return self.name or wording.device(self.browser, self.os)

    @property
    def system(self) -> str:
        """Browser and system in words, when the label is the device's own name."""
        return wording.device(self.browser, self.os) if self.name else ""

    def known_as(self, device_id: str | None) -> bool:
        return bool(device_id) and (device_id == self.device_id or device_id in self.aliases)


def _known(value: str | None) -> str:
    text = (value or "").strip()
    return "" if text == UNKNOWN else text


def _generated_name(name: str, browser: str, system: str) -> bool:
    # The server names an unnamed device "<browser> on <os>" itself, in English.
    return name in (f"{browser or UNKNOWN} on {system or UNKNOWN}", f"{browser} on {system}")


def _row(device: DeviceSession) -> DeviceRow | None:
    from authing_desktop.api.self_service_models import parse_time

    info = device.device
    if not device.device_id or info is None:
        return None
    system = _known(info.os)
    browser = _known(info.browser)
    name = (info.name or "").strip()
    if _generated_name(name, browser, system):
        name = ""
    return DeviceRow(
        device_id=device.device_id, name=name, os=system, browser=browser,
        ip=device.last_ip or "",
        last_active=parse_time(device.last_active_time or device.last_login_time),
        last_login=parse_time(device.last_login_time),
        online=bool(device.online), current=bool(device.current),
        kind=wording.device_kind(system, info.type))


def _is_twin(row: DeviceRow, current: DeviceRow) -> bool:
    """``row`` is the record the server left behind when this sign-in moved to ``current``."""
    if row.online or row.current or row.os or row.name:
        return False
    if row.browser and current.browser and row.browser != current.browser:
        return False
    if row.ip and current.ip and row.ip != current.ip:
        return False
    if row.last_login is None or current.last_login is None:
        return False
    return abs(row.last_login - current.last_login) <= SAME_SIGN_IN


def device_rows(devices: list[DeviceSession]) -> list[DeviceRow]:
    """This device first, then signed-in ones, then by last activity (newest first); the
    signed-out record of this device's own sign-in is folded into it."""
    rows = [row for row in map(_row, devices) if row is not None]
    current = next((row for row in rows if row.current), None)
    if current is not None:
        twins = [row for row in rows if row is not current and _is_twin(row, current)]
        if twins:
            merged = dataclasses.replace(
                current, browser=current.browser or twins[0].browser,
                aliases=tuple(row.device_id for row in twins))
            rows = [merged if row is current else row for row in rows if row not in twins]
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    rows.sort(key=lambda r: (not r.current, not r.online, -(r.last_active or oldest).timestamp()))
    return rows


def find_device(rows: list[DeviceRow], device_id: str | None) -> DeviceRow | None:
    """The row a device id (its own or a folded record's) belongs to."""
    return next((row for row in rows if row.known_as(device_id)), None)


class DevicesPresenter(AccountPresenter):
    """``devices_changed`` carries the `DeviceRow` list; ``signed_out`` how many devices an
    action signed out."""

    devices_changed = Signal(object)
    signed_out = Signal(int)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.rows: list[DeviceRow] = []

    @property
    def others_online(self) -> int:
        """Other devices holding a live session."""
        return sum(1 for row in self.rows if row.online and not row.current)

    def load(self) -> asyncio.Task[list[DeviceRow] | None]:
        return self.start(self._load(), name=DevicesAction.LOAD)

    def sign_out(self, device_id: str) -> asyncio.Task[bool | None]:
        """End every session of one device (not this one: use Sign out for that)."""
        return self.start(self._sign_out(device_id), name=DevicesAction.SIGN_OUT)

    def sign_out_others(self) -> asyncio.Task[int | None]:
        return self.start(self._sign_out_others(), name=DevicesAction.SIGN_OUT)

    async def _load(self) -> list[DeviceRow]:
        rows = device_rows(await self._session.client.list_all_my_devices())
        self.rows = rows
        self.devices_changed.emit(rows)
        return rows

    async def _sign_out(self, device_id: str) -> bool:
        from authing_desktop.services.errors import UserFacingError

        row = next((r for r in self.rows if r.device_id == device_id), None)
        if row is None:
            raise UserFacingError(self.tr("Choose a device in the list first."))
        if row.current:
            raise UserFacingError(self.tr(
                "This is the device you are using: use Sign out on the Sign in page."))
        await self._session.client.revoke_device_session(device_id)
        self.signed_out.emit(1)
        await self._load()
        return True

    async def _sign_out_others(self) -> int:
        count = await self._session.client.sign_out_other_devices()
        self.signed_out.emit(count)
        await self._load()
        return count
