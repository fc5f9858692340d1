"""Devices and sessions against the local pool: this device marked and first, signing one
device out (that client is really signed out), signing out every other one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from authing_desktop.api.errors import AuthingError
from authing_desktop.api.self_service_models import DeviceSession
from authing_desktop.presenters.devices import DevicesPresenter, device_rows
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import ACCOUNT_PASSWORD, SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool


def test_rows_put_this_device_first_then_live_ones_newest_first() -> None:
    def device(device_id: str, active: str, *, online: bool = True,
               current: bool = False) -> DeviceSession:
        return DeviceSession.from_wire({
            "device": {"deviceId": device_id, "name": device_id, "os": "Linux"},
            "lastActiveTime": active, "online": online, "current": current})

    rows = device_rows([device("old", "2024-01-01T00:00:00Z"),
                        device("gone", "2025-01-01T00:00:00Z", online=False),
                        device("new", "2024-06-01T00:00:00Z"),
                        device("me", "2023-01-01T00:00:00Z", current=True),
                        DeviceSession.from_wire({"online": True})])  # no id: skipped
    assert [r.device_id for r in rows] == ["me", "new", "old", "gone"]
    assert rows[1].last_active == dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def test_sign_out_one_device_and_every_other(qtbot: Any, app_services: AppServices,
                                             account: SignedInSession,
                                             pool: RunningPool) -> None:
    drive(qtbot, account.client.create_device("presenter-test-1", name="Test laptop",
                                              os="Linux"))
    other = pool_client(pool)
    third = pool_client(pool)
    try:
        drive(qtbot, other.login_by_email(account.account, ACCOUNT_PASSWORD))
        drive(qtbot, third.login_by_email(account.account, ACCOUNT_PASSWORD))
        drive(qtbot, third.create_device("presenter-test-3", name="Phone", type="Mobile"))
        presenter = DevicesPresenter(account, app_services.tasks)
        rows = settle(qtbot, presenter.load())
        assert rows is not None and rows[0].device_id == "presenter-test-1"
        assert rows[0].current and rows[0].name == "Test laptop" and rows[0].os == "Linux"
        assert rows[0].ip == "127.0.0.1" and rows[0].last_active is not None
        assert sum(r.current for r in rows) == 1
        assert presenter.others_online == 2

        # This device cannot be signed out here; a listed other one can.
        assert settle(qtbot, presenter.sign_out("presenter-test-1")) is None
        assert presenter.error.startswith("This is the device you are using")
        assert settle(qtbot, presenter.sign_out("presenter-test-3")) is True
        with pytest.raises(AuthingError) as caught:
            drive(qtbot, third.get_current_user())
        assert caught.value.code == 2020
        assert drive(qtbot, other.get_current_user()).email == account.account
        assert presenter.others_online == 1

        counts: list[int] = []
        presenter.signed_out.connect(counts.append)
        assert settle(qtbot, presenter.sign_out_others()) == 1
        assert counts == [1] and presenter.others_online == 0
        with pytest.raises(AuthingError) as caught:
            drive(qtbot, other.get_current_user())
        assert caught.value.code == 2020
        assert drive(qtbot, account.client.get_current_user()).email == account.account
    finally:
        drive(qtbot, other.aclose())
        drive(qtbot, third.aclose())


def test_the_sign_in_record_left_behind_by_registering_is_folded_into_this_device(
        qtbot: Any, app_services: AppServices, account: SignedInSession) -> None:
    # The pool first files a sign-in under a device made from the User-Agent; registering
    # moves the session to this computer's id and leaves that record signed out.
    before = settle(qtbot, DevicesPresenter(account, app_services.tasks).load())
    assert before is not None
    drive(qtbot, account.client.create_device("fold-test", name="Desk", os="Linux"))
    raw = drive(qtbot, account.client.list_all_my_devices())
    assert len(raw) == len(before) + 1  # the server lists both
    rows = settle(qtbot, DevicesPresenter(account, app_services.tasks).load())
    assert rows is not None and len(rows) == len(before)
    this = rows[0]
    assert this.current and this.device_id == "fold-test" and this.os == "Linux"
    assert this.aliases == (before[0].device_id,) and this.known_as(before[0].device_id)
    assert not any(r.os == "Unknown" or not r.online for r in rows)
    assert this.label == "Desk" and this.system == "Authing Desktop on Linux"


def test_rows_drop_unknown_values_and_the_servers_own_names() -> None:
    rows = device_rows([DeviceSession.from_wire({
        "device": {"deviceId": "d", "name": "Firefox on Unknown", "os": "Unknown",
                   "browser": "Firefox", "type": "Browser"},
        "lastLoginTime": "2024-01-01T00:00:00Z", "online": True})])
    assert rows[0].os == "" and rows[0].name == "" and rows[0].label == "Firefox"
    assert rows[0].kind == "laptop" and rows[0].aliases == ()
