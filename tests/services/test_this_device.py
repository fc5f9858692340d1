"""This computer as a device: one id per install (kept in device.json, reused), registered
after each sign-in so the device list marks it as this device, by name."""

from __future__ import annotations

import json
from typing import Any

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.this_device import (
    DEVICE_FILE,
    REGISTER_TASK,
    ThisDevice,
    device_name,
)
from tests.fixtures.app_services import drive
from tests.fixtures.pool import unique
from tests.fixtures.pool_services import sign_in

PASSWORD = "passw0rd"


def test_registered_after_sign_in_with_a_stable_id(qtbot: Any,
                                                   pool_services: AppServices) -> None:
    config = pool_services.paths.config_dir
    device = ThisDevice(config, pool_services.session, pool_services.tasks)
    device_id = device.device_id
    assert json.loads((config / DEVICE_FILE).read_text())["device_id"] == device_id
    again = ThisDevice(config, pool_services.session, pool_services.tasks)
    assert again.device_id == device_id
    drive(qtbot, again.register())  # signed out: nothing to register
    email = f"{unique('this')}@example.com"
    drive(qtbot, pool_services.session.client.register_by_email(email, PASSWORD))
    again.deleteLater()

    sign_in(qtbot, pool_services, email, PASSWORD)

    qtbot.waitUntil(lambda: not any(t.get_name() == REGISTER_TASK
                                    for t in pool_services.tasks.tasks), timeout=10_000)
    devices = drive(qtbot, pool_services.session.client.list_all_my_devices())
    mine = next(d for d in devices if d.device_id == device_id)
    assert mine.current
    assert mine.device is not None and mine.device.name == device_name()
    assert mine.device.type == "Desktop" and mine.device.os


def test_a_broken_file_gets_a_new_id(qtbot: Any, pool_services: AppServices) -> None:
    config = pool_services.paths.config_dir
    config.mkdir(parents=True, exist_ok=True)
    (config / DEVICE_FILE).write_text("{not json")
    device = ThisDevice(config, pool_services.session, pool_services.tasks)
    assert len(device.device_id) == 32
    assert json.loads((config / DEVICE_FILE).read_text())["device_id"] == device.device_id
