"""Where the app keeps its files: config, data, state (crash reports). Injected everywhere so
tests point them at temporary directories."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from authing_desktop import APP_NAME


@dataclass(frozen=True)
class AppPaths:
    """The app's directories (created on first write, not here)."""

    config_dir: Path
    data_dir: Path
    state_dir: Path
    cache_dir: Path | None = None  # None: ``<data dir>/cache``

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's per-user directories (XDG on Linux)."""
        if sys.platform.startswith("linux"):
            # The XDG base directories, as platformdirs gives them, without importing it
            # (a few ms before the first frame).
            return cls(config_dir=_xdg_dir("XDG_CONFIG_HOME", "~/.config"),
                       data_dir=_xdg_dir("XDG_DATA_HOME", "~/.local/share"),
                       state_dir=_xdg_dir("XDG_STATE_HOME", "~/.local/state"),
                       cache_dir=_xdg_dir("XDG_CACHE_HOME", "~/.cache"))
        import platformdirs

        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            state_dir=Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All three under one directory (tests, benchmarks)."""
        return cls(config_dir=root / "config", data_dir=root / "data", state_dir=root / "state",
                   cache_dir=root / "cache")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def local_pool_dir(self) -> Path:
        return self.data_dir / "localpool"

    @property
    def avatar_cache_dir(self) -> Path:
        """Downloaded avatars and application logos (safe to delete)."""
        return (self.cache_dir or self.data_dir / "cache") / "avatars"

    @property
    def crash_dir(self) -> Path:
        return self.state_dir / "crash-reports"


def _xdg_dir(variable: str, default: str) -> Path:
    """``$variable/<app>``, or ``default/<app>`` when the variable is unset or blank."""
    base = os.environ.get(variable, "").strip() or os.path.expanduser(default)
    return Path(base) / APP_NAME
