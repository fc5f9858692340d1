"""The token store against the REAL Secret Service (gnome-keyring, started by
scripts/run-tests), and the no-keychain path: memory only, a notice, never a file."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from authing_desktop.services.bus import Level, MessageBus
from authing_desktop.services.token_store import (
    KeyringTokenStore,
    MemoryTokenStore,
    backend_class_path,
    service_name,
)
from tests.fixtures.app_services import drive

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"
NOTICE = "No system keychain available: you will have to sign in again next time."


@pytest.fixture
def secret_service() -> Any:
    """keyring's default backend, which must be the Secret Service here."""
    backend = keyring.get_keyring()
    if backend_class_path(backend) != SECRET_SERVICE:
        message = f"keyring backend is {backend_class_path(backend)}, not the Secret Service"
        if os.environ.get("REQUIRE_SECRET_SERVICE") == "1":
            pytest.fail(message + " (REQUIRE_SECRET_SERVICE=1: run under scripts/run-tests)")
        pytest.skip(message)
    return backend


@pytest.fixture
def no_keychain() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.mark.keychain
def test_round_trip_through_the_secret_service(qtbot: Any, qloop: Any,
                                              secret_service: Any) -> None:
    bus = MessageBus()
    store = KeyringTokenStore(bus)
    profile, other = f"p{uuid.uuid4().hex[:8]}", f"q{uuid.uuid4().hex[:8]}"
    token = '{"access_token": "eyJ.令牌.sig", "expires_at": 1700000000}'
    try:
        drive(qtbot, store.open())
        assert store.backend_name == SECRET_SERVICE
        assert not store.memory_only

        drive(qtbot, store.set(profile, "alice", token))
        drive(qtbot, store.set(other, "alice", "other-token"))
        assert drive(qtbot, store.get(profile, "alice")) == token
        assert drive(qtbot, store.get(other, "alice")) == "other-token"
        assert drive(qtbot, store.get(profile, "bob")) is None
        # One entry per profile + account, readable by any keyring client.
        assert secret_service.get_password(service_name(profile), "alice") == token

        drive(qtbot, store.set(profile, "alice", "rotated"))
        assert drive(qtbot, store.get(profile, "alice")) == "rotated"
        drive(qtbot, store.delete(profile, "alice"))
        drive(qtbot, store.delete(profile, "alice"))  # deleting twice is fine
        assert drive(qtbot, store.get(profile, "alice")) is None
        assert bus.history == []
    finally:
        for service in (profile, other):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                secret_service.delete_password(service_name(service), "alice")


def test_no_keychain_means_memory_only_and_a_notice(qtbot: Any, qloop: Any, no_keychain: None,
                                                   tmp_path: Path) -> None:
    bus = MessageBus()
    store = KeyringTokenStore(bus)
    before = _files_in_data_home() if _data_home_is_temporary() else None
    drive(qtbot, store.open())
    assert store.memory_only
    assert store.backend_name == "keyring.backends.fail.Keyring"
    assert [(m.level, m.text) for m in bus.history] == [(Level.WARNING, NOTICE)]

    drive(qtbot, store.set("local", "alice", "session-token"))
    assert drive(qtbot, store.get("local", "alice")) == "session-token"
    drive(qtbot, store.delete("local", "alice"))
    assert drive(qtbot, store.get("local", "alice")) is None
    assert len(bus.history) == 1  # told once
    if before is not None:
        assert _files_in_data_home() == before  # no plaintext fallback file appeared


class _LockedKeyring:
    """A keychain that exists but refuses (what gnome-keyring does when locked). Deliberately
    not a KeyringBackend subclass: those register themselves and would change keyring's own
    choice of backend for the rest of the session."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


def test_a_locked_keychain_falls_back_to_memory_on_first_use(qtbot: Any, qloop: Any) -> None:
    bus = MessageBus()
    store = KeyringTokenStore(bus, backend=_LockedKeyring())
    drive(qtbot, store.open())
    assert not store.memory_only
    drive(qtbot, store.set("local", "alice", "session-token"))
    assert store.memory_only
    assert drive(qtbot, store.get("local", "alice")) == "session-token"
    assert [m.text for m in bus.history] == [NOTICE]


def test_memory_store_has_the_same_interface(qtbot: Any, qloop: Any) -> None:
    store = MemoryTokenStore()
    drive(qtbot, store.open())
    drive(qtbot, store.set("p", "a", "t"))
    assert drive(qtbot, store.get("p", "a")) == "t"
    assert drive(qtbot, store.get("p", "b")) is None
    with pytest.raises(ValueError, match="account"):
        drive(qtbot, store.set("p", "", "t"))


def _data_home_is_temporary() -> bool:
    # Only scripts/run-tests points XDG_DATA_HOME at a throwaway dir; elsewhere skip the scan.
    data_home = os.environ.get("XDG_DATA_HOME", "")
    return data_home.startswith(("/tmp/", os.environ.get("TMPDIR", "/tmp/")))


def _files_in_data_home() -> set[str]:
    data_home = Path(os.environ["XDG_DATA_HOME"])
    return {str(p) for p in data_home.rglob("*") if p.is_file()}
