"""The sign-in watcher's per-account state: its keys, its encoding (a bad stored value means
starting afresh, never a crash) and its round trip through the real Secret Service keychain,
next to the account's token."""

from __future__ import annotations

import contextlib
import uuid
from typing import Any

import keyring
import pytest

from authing_desktop.api.self_service_models import LoginHistoryEntry
from authing_desktop.services.alert_state import (
    AlertState,
    AlertStateStore,
    dedupe_key,
    device_key,
    entry_name,
    login_ms,
    network_of,
)
from authing_desktop.services.bus import MessageBus
from authing_desktop.services.token_store import KeyringTokenStore, service_name
from tests.fixtures.app_services import drive
from tests.services.test_token_store import secret_service  # noqa: F401 - a fixture

RECORD = {"loginAt": "2026-12-07T23:10:42.123+00:00", "appId": "app1",
          "clientIp": "203.0.113.77", "userAgent": "Firefox", "success": True,
          "parsedUserAgent": {"device": "Browser", "browser": "Firefox", "os": "Windows"}}


def test_keys_of_a_record() -> None:
    entry = LoginHistoryEntry.from_wire(RECORD)
    assert login_ms(entry) == 1796685042123
    assert network_of("203.0.113.77") == "203.0.113.0/24"
    assert network_of("2001:db8::1") == "2001:db8::/64"
    assert network_of("not an address") == network_of(None) == ""
    assert device_key(entry) == '["Browser", "Windows", "Firefox", "203.0.113.0/24"]'
    # Another address of the same network is the same device; another network is not.
    near = LoginHistoryEntry.from_wire({**RECORD, "clientIp": "203.0.113.5"})
    far = LoginHistoryEntry.from_wire({**RECORD, "clientIp": "198.51.100.5"})
    assert device_key(near) == device_key(entry) != device_key(far)
    assert dedupe_key(near) != dedupe_key(entry)
    failed = LoginHistoryEntry.from_wire({**RECORD, "success": False})
    assert dedupe_key(failed) != dedupe_key(entry)


@pytest.mark.parametrize("text", ["", "not json", "[]", '{"v": 2, "cursor": 1}',
                                  '{"v": 1, "cursor": -1, "seen": [], "known": [],'
                                  ' "alerted": []}',
                                  '{"v": 1, "cursor": 5, "seen": [1], "known": [],'
                                  ' "alerted": []}'])
def test_a_bad_stored_state_is_not_read(text: str) -> None:
    assert AlertState.decode(text) is None


def test_state_changes_and_encoding() -> None:
    state = AlertState(cursor_ms=5, seen=("a",)).with_alerted("dev1").with_known("dev2")
    assert state.alerted == ("dev1",) and state.known == ("dev2",)
    state = state.with_known("dev1")
    assert state.known == ("dev2", "dev1") and state.alerted == ()
    assert AlertState.decode(state.encode()) == state


@pytest.mark.keychain
def test_state_round_trip_through_the_secret_service(
        qtbot: Any, qloop: Any, secret_service: Any) -> None:  # noqa: F811 - the fixture
    store = AlertStateStore(KeyringTokenStore(MessageBus()))
    profile, user_id = f"p{uuid.uuid4().hex[:8]}", "user1"
    state = AlertState(cursor_ms=1796685042123, seen=("k",), known=("dev",))
    try:
        assert drive(qtbot, store.load(profile, user_id)) is None
        drive(qtbot, store.save(profile, user_id, state))
        assert drive(qtbot, store.load(profile, user_id)) == state
        stored = secret_service.get_password(service_name(profile), entry_name(user_id))
        assert AlertState.decode(stored) == state
    finally:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            secret_service.delete_password(service_name(profile), entry_name(user_id))
