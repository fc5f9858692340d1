"""User settings: connection profiles, the selected profile, UI language and theme, remembered
accounts.

Stored as one plain JSON file (``settings.json`` in the platform config dir). It holds no
secrets: tokens live in the system keychain (`token_store`), passwords nowhere. The file is
validated as a whole when loaded; a bad file is kept aside (``settings.json.invalid``) and the
defaults are used, with a warning on the message bus.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.services.bus import MessageBus

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger("authing_desktop.settings")

FORMAT_VERSION = 1
LOCAL_PROFILE_ID = "local"
LANGUAGES = ("", "en", "zh_CN")  # "" follows the system locale
THEMES = ("", "light", "dark")  # "" follows the system colour scheme
MAX_REMEMBERED_ACCOUNTS = 10
MAX_FILE_BYTES = 1_000_000
MAX_WINDOW_STATE = 512  # base64 of QMainWindow.saveGeometry(): well under this
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")

ProfileKind = Literal["local", "remote"]

_PROFILE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_POOL_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class SettingsError(ValueError):
    """A setting is not valid; the message names the field and the rule."""



@dataclass(frozen=True)
class PoolProfile:
    """A connection profile: either the built-in local pool or a remote Authing user pool.

    Remote profiles need the application's host (``https://<app>.authing.cn`` or a private
    deployment), and its app id and/or user pool id. ``public_key`` is the PEM of the pool's
    password-encryption key when it is not Authing cloud's default.
    """

    id: str
    name: str
    kind: ProfileKind
    app_host: str = ""
    app_id: str = ""
    user_pool_id: str = ""
    public_key: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _PROFILE_ID.fullmatch(self.id):
            raise SettingsError(
                f"profile id {self.id!r}: use 1-40 lower-case letters, digits and dashes")
        _check_text("profile name", self.name, 80)
        if self.kind == "local":
            if self.app_host or self.app_id or self.user_pool_id or self.public_key:
                raise SettingsError(f"profile {self.id!r}: the local pool takes no connection data")
            return
        if self.kind != "remote":
            raise SettingsError(f"profile {self.id!r}: kind must be 'local' or 'remote'")
        object.__setattr__(self, "app_host", _check_host(self.id, self.app_host))
        for name in ("app_id", "user_pool_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or (value and not _POOL_ID.fullmatch(value)):
                raise SettingsError(
                    f"profile {self.id!r}: {name} must be letters, digits, '_' or '-' (max 64)")
        if not self.app_id and not self.user_pool_id:
            raise SettingsError(f"profile {self.id!r}: an app id or a user pool id is needed")
        key = self.public_key.strip() if isinstance(self.public_key, str) else None
        if key is None or (key and not (
                key.startswith("-----BEGIN PUBLIC KEY-----")
                and key.endswith("-----END PUBLIC KEY-----") and len(key) <= 4096)):
            raise SettingsError(
                f"profile {self.id!r}: public_key must be a PEM 'BEGIN PUBLIC KEY' block")
        object.__setattr__(self, "public_key", key)

    @property
    def is_local(self) -> bool:
        return self.kind == "local"


def local_profile() -> PoolProfile:
    """The built-in local pool's profile (its name is translated when shown)."""
    return PoolProfile(id=LOCAL_PROFILE_ID, name="Local pool", kind="local")


@dataclass(frozen=True)
class Settings:
    """Everything the settings file holds. Immutable: change with the ``with_*`` methods."""

    profiles: tuple[PoolProfile, ...] = field(default_factory=lambda: (local_profile(),))
    selected_profile_id: str = LOCAL_PROFILE_ID
    language: str = ""
    theme: str = ""
    remembered_accounts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # The main window's size and position (base64 of QMainWindow.saveGeometry()); "" = default.
    window: str = ""
    # Sign-in alerts (docs/sign-in-alerts.md): watching on, keeping it up from the tray after
    # the window closes, starting at login (the autostart entry follows this).
    alerts: bool = True
    tray_after_close: bool = False
    start_at_login: bool = False

    def __post_init__(self) -> None:
        if not self.profiles:
            raise SettingsError("at least one connection profile is needed")
        ids = [profile.id for profile in self.profiles]
        if len(set(ids)) != len(ids):
            raise SettingsError("profile ids must be unique")
        if sum(profile.is_local for profile in self.profiles) > 1:
            raise SettingsError("there can be only one local pool profile")
        if self.selected_profile_id not in ids:
            raise SettingsError(f"selected profile {self.selected_profile_id!r} does not exist")
        if self.language not in LANGUAGES:
            raise SettingsError(f"language must be one of {', '.join(map(repr, LANGUAGES))}")
        if self.theme not in THEMES:
            raise SettingsError(f"theme must be one of {', '.join(map(repr, THEMES))}")
        for name in ("alerts", "tray_after_close", "start_at_login"):
            if not isinstance(getattr(self, name), bool):
                raise SettingsError(f"'{name}' must be true or false")
        if len(self.window) > MAX_WINDOW_STATE or not _BASE64.fullmatch(self.window):
            raise SettingsError("'window' must be the window's saved geometry (base64)")
        accounts: dict[str, tuple[str, ...]] = {}
        for profile_id, names in self.remembered_accounts.items():
            if profile_id not in ids:
                raise SettingsError(f"remembered accounts for unknown profile {profile_id!r}")
            if isinstance(names, str) or len(names) > MAX_REMEMBERED_ACCOUNTS:
                raise SettingsError(
                    f"remembered accounts: a list of at most {MAX_REMEMBERED_ACCOUNTS} names")
            for name in names:
                _check_text("remembered account", name, 128)
            accounts[profile_id] = tuple(names)
        object.__setattr__(self, "remembered_accounts", accounts)

    @property
    def selected_profile(self) -> PoolProfile:
        return next(p for p in self.profiles if p.id == self.selected_profile_id)

    def profile(self, profile_id: str) -> PoolProfile | None:
        return next((p for p in self.profiles if p.id == profile_id), None)

    def with_profile(self, profile: PoolProfile) -> Settings:
        """Add ``profile`` or replace the one with its id."""
        if profile.id in {p.id for p in self.profiles}:
            profiles = tuple(profile if p.id == profile.id else p for p in self.profiles)
        else:
            profiles = (*self.profiles, profile)
        return replace(self, profiles=profiles)

    def without_profile(self, profile_id: str) -> Settings:
        """Remove a profile (and its remembered accounts); the selection falls back to the
        first remaining profile."""
        profiles = tuple(p for p in self.profiles if p.id != profile_id)
        selected = self.selected_profile_id
        if selected == profile_id and profiles:
            selected = profiles[0].id
        accounts = {k: v for k, v in self.remembered_accounts.items() if k != profile_id}
        return replace(self, profiles=profiles, selected_profile_id=selected,
                       remembered_accounts=accounts)

    def with_selected(self, profile_id: str) -> Settings:
        return replace(self, selected_profile_id=profile_id)

    def with_language(self, language: str) -> Settings:
        return replace(self, language=language)

    def with_theme(self, theme: str) -> Settings:
        return replace(self, theme=theme)

    def with_window(self, placement: str) -> Settings:
        return replace(self, window=placement)

    def with_alerts(self, *, alerts: bool | None = None, tray_after_close: bool | None = None,
                    start_at_login: bool | None = None) -> Settings:
        """Change the sign-in alert settings given (the others stay)."""
        return replace(
            self, alerts=self.alerts if alerts is None else alerts,
            tray_after_close=(self.tray_after_close if tray_after_close is None
                              else tray_after_close),
            start_at_login=self.start_at_login if start_at_login is None else start_at_login)

    def with_remembered_account(self, profile_id: str, account: str) -> Settings:
        """Put ``account`` first in the profile's list (most recent first, capped)."""
        names = [n for n in self.remembered_accounts.get(profile_id, ()) if n != account]
        names.insert(0, account)
        accounts = dict(self.remembered_accounts)
        accounts[profile_id] = tuple(names[:MAX_REMEMBERED_ACCOUNTS])
        return replace(self, remembered_accounts=accounts)

    def without_remembered_account(self, profile_id: str, account: str) -> Settings:
        accounts = dict(self.remembered_accounts)
        accounts[profile_id] = tuple(
            n for n in accounts.get(profile_id, ()) if n != account)
        return replace(self, remembered_accounts=accounts)


def settings_to_json(settings: Settings) -> dict[str, Any]:
    """The file's JSON document."""
    profiles = []
    for profile in settings.profiles:
        item: dict[str, Any] = {"id": profile.id, "name": profile.name, "kind": profile.kind}
        if not profile.is_local:
            item.update(app_host=profile.app_host, app_id=profile.app_id,
                        user_pool_id=profile.user_pool_id, public_key=profile.public_key)
        profiles.append(item)
    return {
        "version": FORMAT_VERSION,
        "profiles": profiles,
        "selected_profile": settings.selected_profile_id,
        "language": settings.language,
        "theme": settings.theme,
        "remembered_accounts": {k: list(v) for k, v in settings.remembered_accounts.items()},
        "window": settings.window,
        "alerts": settings.alerts,
        "tray_after_close": settings.tray_after_close,
        "start_at_login": settings.start_at_login,
    }


def settings_from_json(document: Any) -> Settings:
    """Parse and validate the file's JSON document; `SettingsError` says what is wrong."""
    if not isinstance(document, dict):
        raise SettingsError("the file must hold a JSON object")
    version = document.get("version")
    if version != FORMAT_VERSION:
        raise SettingsError(f"unsupported settings version {version!r}")
    raw_profiles = document.get("profiles")
    if not isinstance(raw_profiles, list):
        raise SettingsError("'profiles' must be a list")
    profiles = []
    allowed = {"id", "name", "kind", "app_host", "app_id", "user_pool_id", "public_key"}
    for raw in raw_profiles:
        if not isinstance(raw, dict):
            raise SettingsError("each profile must be a JSON object")
        unknown = set(raw) - allowed
        if unknown:
            raise SettingsError(f"unknown profile fields: {', '.join(sorted(unknown))}")
        values = {key: raw.get(key, "") for key in allowed}
        for key, value in values.items():
            if not isinstance(value, str):
                raise SettingsError(f"profile field {key!r} must be a string")
        profiles.append(PoolProfile(**values))
    accounts = document.get("remembered_accounts", {})
    if not isinstance(accounts, dict) or not all(
            isinstance(v, list) and all(isinstance(n, str) for n in v) for v in accounts.values()):
        raise SettingsError("'remembered_accounts' must map profile ids to lists of names")
    selected = document.get("selected_profile", LOCAL_PROFILE_ID)
    language = document.get("language", "")
    theme = document.get("theme", "")  # absent in files written before themes existed
    window = document.get("window", "")  # absent in files written before it was kept
    if not all(isinstance(value, str) for value in (selected, language, theme, window)):
        raise SettingsError("'selected_profile', 'language', 'theme' and 'window' must be "
                            "strings")
    return Settings(
        profiles=tuple(profiles),
        selected_profile_id=selected,
        language=language,
        theme=theme,
        remembered_accounts={k: tuple(v) for k, v in accounts.items()},
        window=window,
        # Absent in files written before sign-in alerts existed: the defaults.
        alerts=document.get("alerts", True),
        tray_after_close=document.get("tray_after_close", False),
        start_at_login=document.get("start_at_login", False),
    )


class SettingsStore(QObject):
    """Holds the current settings, loads them once at startup and saves changes off the UI
    thread. ``changed`` carries the new `Settings`."""

    changed = Signal(object)

    def __init__(self, path: Path, bus: MessageBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._bus = bus
        self._current = Settings()
        # Made by the first save: the store is created before the window, and start-up
        # imports asyncio only after the first paint.
        self._save_lock: asyncio.Lock | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def current(self) -> Settings:
        return self._current

    def load(self) -> Settings:
        """Read the file (small, read once before the window exists, so on this thread).

        A missing file means defaults. A bad one is renamed to ``*.invalid`` and the defaults
        are used, with a warning on the bus; the next save then writes a good file.
        """
        try:
            self._current = self._read()
        except FileNotFoundError:
            self._current = Settings()
        except (OSError, ValueError) as error:
            # Never echo the file's content: only the reason.
            backup = self._path.with_name(self._path.name + ".invalid")
            with contextlib.suppress(OSError):
                os.replace(self._path, backup)
            log.warning("settings file %s is not valid: %s", self._path, error)
            text = QCoreApplication.translate(
                "Settings",
                "The settings file could not be read ({reason}), so the defaults are used. "
                "The old file was kept as {backup}.")
            self._bus.warning(text.format(reason=_reason(error), backup=backup))
            self._current = Settings()
        return self._current

    def _read(self) -> Settings:
        with self._path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise SettingsError("the file is too large")
        import json  # only now: a first start (no file) paints its window without it

        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SettingsError(f"not valid JSON ({error})") from error
        return settings_from_json(document)

    async def save(self, settings: Settings) -> None:
        """Make ``settings`` current (``changed`` fires at once) and write them in a worker
        thread. Saves are serialised, so the last one wins on disk too."""
        self._current = settings
        self.changed.emit(settings)
        import json

        text = json.dumps(settings_to_json(settings), ensure_ascii=False, indent=2) + "\n"
        import asyncio
        import tempfile  # noqa: F401 - here: the worker that writes must not import (warm_up.py)

        if self._save_lock is None:
            self._save_lock = asyncio.Lock()
        async with self._save_lock:
            await asyncio.get_running_loop().run_in_executor(None, _write_atomically,
                                                             self._path, text)


def _write_atomically(path: Path, text: str) -> None:
    import tempfile  # loaded by `save`

    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)  # account names are personal even if not secret
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _check_text(what: str, value: Any, limit: int) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise SettingsError(f"{what} must be 1-{limit} characters")
    if _CONTROL.search(value):
        raise SettingsError(f"{what} must not contain control characters")


def _check_host(profile_id: str, url: Any) -> str:
    if not isinstance(url, str) or not url:
        raise SettingsError(f"profile {profile_id!r}: app_host is needed")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"profile {profile_id!r}: app_host must be an https:// URL")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise SettingsError(
            f"profile {profile_id!r}: app_host must not have credentials, a query or fragment")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        # Tokens and passwords would travel in clear text.
        raise SettingsError(
            f"profile {profile_id!r}: app_host must use https (http only for localhost)")
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        import ipaddress

        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _reason(error: BaseException) -> str:
    if isinstance(error, SettingsError):
        return str(error)
    if isinstance(error, OSError):
        return error.strerror or type(error).__name__
    return type(error).__name__
