"""The "Devices and sessions" view model: my devices (OS, browser, IP, last active, this device
marked), signing one out, and signing out every other device."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import DeviceSession


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


def device_rows(devices: list[DeviceSession]) -> list[DeviceRow]:
    """This device first, then signed-in ones, then by last activity (newest first)."""
    from authing_desktop.api.self_service_models import parse_time

    rows = []
    for device in devices:
        info = device.device
        if not device.device_id or info is None:
            continue
        rows.append(DeviceRow(
            device_id=device.device_id,
            name=info.name or info.type or "",
            os=info.os or "",
            browser=info.browser or "",
            ip=device.last_ip or "",
            last_active=parse_time(device.last_active_time or device.last_login_time),
            last_login=parse_time(device.last_login_time),
            online=bool(device.online),
            current=bool(device.current)))
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    rows.sort(key=lambda r: (not r.current, not r.online, -(r.last_active or oldest).timestamp()))
    return rows


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
