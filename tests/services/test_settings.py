"""Settings: profiles round trip through the JSON file; bad files fall back to defaults."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.services.bus import Level, MessageBus
from authing_desktop.services.settings import (
    LOCAL_PROFILE_ID,
    MAX_REMEMBERED_ACCOUNTS,
    PoolProfile,
    Settings,
    SettingsError,
    SettingsStore,
    settings_from_json,
    settings_to_json,
)
from tests.fixtures.app_services import drive

PEM = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAK\n-----END PUBLIC KEY-----"


def _remote(**overrides: str) -> PoolProfile:
    values = {"id": "acme", "name": "ACME 员工", "kind": "remote",
              "app_host": "https://acme.authing.cn/", "app_id": "62a1b2c3d4e5f60718293a4b",
              "user_pool_id": "62a1b2c3d4e5f60718293a4c", "public_key": PEM}
    values.update(overrides)
    return PoolProfile(**values)  # type: ignore[arg-type]


def test_defaults_are_the_local_pool(qapp: Any, tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json", MessageBus())
    settings = store.load()
    assert settings.selected_profile.is_local
    assert settings.selected_profile_id == LOCAL_PROFILE_ID
    assert settings.language == ""
    assert not (tmp_path / "settings.json").exists()  # nothing written until something changes


def test_round_trip_through_the_file(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    store = SettingsStore(path, MessageBus())
    settings = (store.load().with_profile(_remote()).with_selected("acme")
                .with_language("zh_CN").with_remembered_account("acme", "alice"))
    changed: list[Settings] = []
    store.changed.connect(changed.append)
    drive(qtbot, store.save(settings))
    assert changed == [settings]
    assert path.stat().st_mode & 0o777 == 0o600

    bus = MessageBus()
    loaded = SettingsStore(path, bus).load()
    assert loaded == settings
    assert loaded.selected_profile.app_host == "https://acme.authing.cn"  # normalised
    assert bus.history == []
    document = json.loads(path.read_text(encoding="utf-8"))
    assert set(document) == {"version", "profiles", "selected_profile", "language", "theme",
                             "remembered_accounts", "window", "alerts", "tray_after_close",
                             "start_at_login"}
    assert set(document["profiles"][1]) == {"id", "name", "kind", "app_host", "app_id",
                                            "user_pool_id", "public_key"}


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe binary",
        json.dumps({"version": 99, "profiles": []}).encode(),
        json.dumps({"version": 1, "profiles": [{"id": "x", "name": "X", "kind": "remote",
                                                 "app_host": "http://evil.example",
                                                 "app_id": "a"}]}).encode(),
        json.dumps({"version": 1, "profiles": [{"id": "local", "name": "L", "kind": "local",
                                                 "token": "eyJ..."}]}).encode(),
        json.dumps({"version": 1, "profiles": [{"id": "local", "name": "L", "kind": "local"}],
                    "selected_profile": "gone"}).encode(),
    ],
    ids=["syntax", "encoding", "version", "plain-http", "unknown-field", "dangling-selection"],
)
def test_a_bad_file_gives_defaults_a_warning_and_a_kept_copy(qapp: Any, tmp_path: Path,
                                                             content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    bus = MessageBus()
    settings = SettingsStore(path, bus).load()
    assert settings == Settings()
    assert [m.level for m in bus.history] == [Level.WARNING]
    assert "settings.json.invalid" in bus.history[0].text
    assert (tmp_path / "settings.json.invalid").read_bytes() == content
    assert not path.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"app_host": "ftp://acme.authing.cn"}, "https"),
        ({"app_host": "http://acme.authing.cn"}, "https"),
        ({"app_host": "https://acme.authing.cn/?x=1"}, "query"),
        ({"app_host": "https://user:pw@acme.authing.cn"}, "credentials"),
        ({"app_id": "", "user_pool_id": ""}, "app id or a user pool id"),
        ({"app_id": "bad id!"}, "app_id"),
        ({"public_key": "not a key"}, "PEM"),
        ({"id": "Has Caps"}, "profile id"),
        ({"name": " "}, "profile name"),
        ({"name": "tab\there"}, "control"),
    ],
)
def test_profiles_are_validated(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        _remote(**overrides)


def test_http_is_allowed_for_loopback_hosts_only() -> None:
    assert _remote(app_host="http://127.0.0.1:5555").app_host == "http://127.0.0.1:5555"
    assert _remote(app_host="http://localhost:5555").app_host == "http://localhost:5555"


def test_the_local_profile_takes_no_connection_data() -> None:
    with pytest.raises(SettingsError, match="local pool"):
        PoolProfile(id="local", name="L", kind="local", app_host="https://x.authing.cn")


def test_settings_invariants() -> None:
    base = Settings()
    with pytest.raises(SettingsError, match="unique"):
        Settings(profiles=(*base.profiles, *base.profiles))
    with pytest.raises(SettingsError, match="language"):
        base.with_language("fr")
    with pytest.raises(SettingsError, match="theme"):
        base.with_theme("sepia")
    with pytest.raises(SettingsError, match="unknown profile"):
        base.with_remembered_account("nope", "alice")


def test_remembered_accounts_are_most_recent_first_and_capped() -> None:
    settings = Settings()
    for n in range(MAX_REMEMBERED_ACCOUNTS + 3):
        settings = settings.with_remembered_account(LOCAL_PROFILE_ID, f"user{n}")
    settings = settings.with_remembered_account(LOCAL_PROFILE_ID, "user5")
    names = settings.remembered_accounts[LOCAL_PROFILE_ID]
    assert len(names) == MAX_REMEMBERED_ACCOUNTS
    assert names[:2] == ("user5", f"user{MAX_REMEMBERED_ACCOUNTS + 2}")
    assert "user5" not in settings.without_remembered_account(
        LOCAL_PROFILE_ID, "user5").remembered_accounts[LOCAL_PROFILE_ID]


def test_removing_the_selected_profile_selects_another() -> None:
    settings = Settings().with_profile(_remote()).with_selected("acme")
    settings = settings.with_remembered_account("acme", "bob").without_profile("acme")
    assert settings.selected_profile_id == LOCAL_PROFILE_ID
    assert "acme" not in settings.remembered_accounts


def test_json_form_round_trips() -> None:
    settings = Settings().with_profile(_remote())
    assert settings_from_json(settings_to_json(settings)) == settings


@pytest.mark.parametrize("window", ["not base64!", "A" * 1000])
def test_a_bad_window_placement_is_refused(window: str) -> None:
    with pytest.raises(SettingsError, match="window"):
        Settings(window=window)


def test_sign_in_alert_settings_default_round_trip_and_validate() -> None:
    defaults = Settings()
    assert (defaults.alerts, defaults.tray_after_close, defaults.start_at_login) == (
        True, False, False)
    # Files from before sign-in alerts get the defaults.
    old = settings_to_json(defaults)
    for name in ("alerts", "tray_after_close", "start_at_login"):
        del old[name]
    assert settings_from_json(old) == defaults
    changed = defaults.with_alerts(tray_after_close=True, start_at_login=True)
    assert changed.alerts and changed.tray_after_close and changed.start_at_login
    assert settings_from_json(settings_to_json(changed)) == changed
    bad = settings_to_json(defaults)
    bad["alerts"] = "yes"
    with pytest.raises(SettingsError, match="'alerts' must be true or false"):
        settings_from_json(bad)
