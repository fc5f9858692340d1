"""This computer as a device of the account: a stable id made once per install (kept in
``device.json`` next to the settings; an identifier, not a secret) and registered with
``create_device`` after every sign-in, so "Devices and sessions" lists this computer by name
and marks it as this device."""

from __future__ import annotations

import json
import logging
import os
import platform
import socket
import uuid
from pathlib import Path

from PySide6.QtCore import QObject

from authing_desktop import APP_DISPLAY_NAME
from authing_desktop.services.session import Session, SessionState
from authing_desktop.services.tasks import TaskRunner

log = logging.getLogger("authing_desktop.device")

DEVICE_FILE = "device.json"
REGISTER_TASK = "thisDevice.register"


def device_name() -> str:
    """What the user recognises this computer by (``Authing Desktop on <host>``)."""
    host = socket.gethostname().split(".")[0] or platform.node() or "computer"
    return f"{APP_DISPLAY_NAME} on {host}"[:100]


def device_os() -> str:
    system = platform.system() or "Unknown"
    release = platform.release()
    return f"{system} {release}".strip()[:100]


class ThisDevice(QObject):
    """Registers this computer after each sign-in (failures are logged, never shown: the
    device list then shows this session under the client's user agent instead)."""

    def __init__(self, config_dir: Path, session: Session, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = config_dir / DEVICE_FILE
        self._session = session
        self._tasks = tasks
        self._device_id: str | None = None
        session.state_changed.connect(self._state_changed)

    @property
    def device_id(self) -> str:
        """The install's device id, made and saved on first use."""
        if self._device_id is None:
            self._device_id = self._read() or self._create()
        return self._device_id

    async def register(self) -> bool:
        """``create_device`` for the signed-in session; True when the pool took it."""
        from authing_desktop.api.errors import ApiError
        from authing_desktop.services.errors import UserFacingError

        try:
            client = self._session.client
            if not client.token:
                return False
            await client.create_device(self.device_id, name=device_name(), type="Desktop",
                                       os=device_os(), producer=platform.machine() or None)
        except (ApiError, UserFacingError, OSError) as error:
            log.warning("could not register this device (%s)", type(error).__name__)
            return False
        return True

    def _state_changed(self, state: str) -> None:
        if state == SessionState.SIGNED_IN and not self._tasks.closed:
            self._tasks.start(self.register(), name=REGISTER_TASK, report_errors=False)

    def _read(self) -> str | None:
        try:
            document = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        value = document.get("device_id") if isinstance(document, dict) else None
        if isinstance(value, str) and 8 <= len(value) <= 64 and value.isalnum():
            return value
        return None

    def _create(self) -> str:
        device_id = uuid.uuid4().hex
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            temp = self._path.with_suffix(".tmp")
            temp.write_text(json.dumps({"device_id": device_id}) + "\n", encoding="utf-8")
            os.replace(temp, self._path)
        except OSError as error:  # a new id next run is no disaster
            log.warning("could not save the device id (%s)", type(error).__name__)
        return device_id
