"""Timing and security policies of the local pool: defaults, the data-dir settings file, overrides.

Precedence: explicit overrides (CLI flags / keyword arguments) > ``<data dir>/settings.json`` >
the defaults below. The settings file is a JSON object with the same keys as `PoolSettings`;
``ldap`` and ``ad`` hold a directory source as a `DirectoryConfig` mapping (``kind`` may be left
out), ``link_sources`` the linkable outside sources, ``redirect_uris`` a list of the
non-loopback redirect / CAS service URLs the hosted sign-in page may send codes and tickets to
(loopback ``http`` URLs on any port are always allowed).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from authing_desktop.localpool.link_sources import DEFAULT_LINK_SOURCES, check_link_sources

if TYPE_CHECKING:
    from authing_desktop.localpool.directory_config import DirectoryConfig

SETTINGS_FILE = "settings.json"
DATABASE_FILE = "pool.sqlite3"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PoolSettings:
    """Policies of one pool (all durations in seconds)."""

    code_lifetime: float = 300.0
    resend_interval: float = 60.0
    captcha_after: int = 3
    lockout_after: int = 10
    lockout_seconds: float = 300.0
    token_lifetime: float = 1_209_600.0
    # The peer address of a loopback caller is shared by every local user and test, so by default
    # it does not count towards the per-IP captcha threshold (an explicit clientIp always does).
    count_loopback_peer: bool = False
    captcha_lifetime: float = 300.0
    max_code_attempts: int = 5
    # Wrong second-factor answers of one account (all its mfaTokens and factors together)
    # before its second step locks for `lockout_seconds`.
    second_factor_lockout_after: int = 5
    # Codes (SMS and email together) the whole pool sends per `code_send_window` seconds.
    code_send_limit: int = 30
    code_send_window: float = 60.0
    authorization_code_lifetime: float = 60.0
    # Whether a registered passkey is also a second factor of its account (docs/passkeys.md):
    # a password sign-in then asks for it, and a passkey sign-in that verified the user
    # passes the account's second step.
    passkey_second_factor: bool = False
    redirect_uris: tuple[str, ...] = ()
    # The outside identity sources users may link (docs/linked-accounts.md): identifiers of
    # `link_sources.SOURCES`; an empty list offers none.
    link_sources: tuple[str, ...] = DEFAULT_LINK_SOURCES
    ldap: DirectoryConfig | None = None
    ad: DirectoryConfig | None = None

    def __post_init__(self) -> None:
        for name in ("code_lifetime", "token_lifetime", "captcha_lifetime",
                     "authorization_code_lifetime", "code_send_window"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        for name in ("resend_interval", "lockout_seconds"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        for name in ("captcha_after", "lockout_after", "max_code_attempts",
                     "second_factor_lockout_after", "code_send_limit"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")


def default_data_dir() -> Path:
    """The app's own pool: ``platformdirs.user_data_dir("authing-desktop")/localpool``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("authing-desktop")) / "localpool"


_FIELDS = {f.name: f for f in dataclasses.fields(PoolSettings)}
DIRECTORY_KINDS = ("ldap", "ad")


def directory_config(kind: str, value: Any) -> DirectoryConfig | None:
    """A `DirectoryConfig` from a settings mapping (``kind`` defaults to the section's);
    None stays None. Raises ValueError (`DirectoryConfigError`) naming the problem."""
    from authing_desktop.localpool.directory_config import DirectoryConfig, DirectoryConfigError

    if value is None or isinstance(value, DirectoryConfig):
        config = value
    elif isinstance(value, dict):
        config = DirectoryConfig.from_mapping({"kind": kind, **value})
    else:
        raise DirectoryConfigError(f"{kind} must be an object of directory settings")
    if config is not None and config.kind != kind:
        raise DirectoryConfigError(f"the {kind} section holds a {config.kind} source")
    return config


def read_directory_file(kind: str, path: Path) -> DirectoryConfig:
    """The directory source in the JSON file ``path`` (``--ldap-config`` / ``--ad-config``)."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"cannot read the {kind} settings file {path}: {exc}") from exc
    config = directory_config(kind, loaded)
    if config is None:
        raise ValueError(f"{path} holds no {kind} settings")
    return config


def check_redirect_uris(value: Any) -> tuple[str, ...]:
    """Registered redirect / service URLs: absolute http(s) URLs without a fragment."""
    if not isinstance(value, list | tuple):
        raise ValueError("redirect_uris must be a list of URLs")
    uris = []
    for uri in value:
        parts = urlsplit(uri) if isinstance(uri, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname \
                or parts.fragment:
            raise ValueError("redirect_uris must hold absolute http(s) URLs without a fragment")
        uris.append(uri)
    return tuple(uris)


def _coerce(name: str, value: Any) -> Any:
    if name in DIRECTORY_KINDS:
        return directory_config(name, value)
    if name == "redirect_uris":
        return check_redirect_uris(value)
    if name == "link_sources":
        return check_link_sources(value)
    kind = _FIELDS[name].type
    if kind in ("bool", bool):
        if not isinstance(value, bool):
            raise ValueError(f"{name} must be true or false")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{name} must be a number")
    number = float(value)
    if kind in ("int", int):
        if number != int(number):
            raise ValueError(f"{name} must be an integer")
        return int(number)
    return number


def load_settings(data_dir: Path | None, **overrides: Any) -> PoolSettings:
    """Defaults, then the data dir's settings file, then the non-None ``overrides``."""
    values: dict[str, Any] = {}
    if data_dir is not None:
        path = data_dir / SETTINGS_FILE
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValueError(f"cannot read {path}: {exc}") from exc
            if not isinstance(loaded, dict):
                raise ValueError(f"{path} must hold a JSON object")
            for key, value in loaded.items():
                if key in _FIELDS:
                    values[key] = _coerce(key, value)
                else:
                    log.warning("ignoring unknown setting %r in %s", key, path)
    for key, value in overrides.items():
        if key not in _FIELDS:
            raise TypeError(f"unknown pool setting {key!r}")
        if value is not None:
            values[key] = _coerce(key, value)
    return PoolSettings(**values)
