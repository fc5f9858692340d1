"""Where the app keeps its files: on Linux the XDG base directories, exactly where platformdirs
puts them (the app reads the variables itself, to spare the first frame the import)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from authing_desktop import APP_NAME
from authing_desktop.services.app_paths import AppPaths

XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def _platformdirs() -> tuple[Path, Path, Path, Path]:
    return (Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG fast path is Linux's")
@pytest.mark.parametrize("values", [
    {},  # unset: the defaults under the home directory
    {"XDG_CONFIG_HOME": "/x/config", "XDG_DATA_HOME": "/x/data", "XDG_STATE_HOME": "/x/state",
     "XDG_CACHE_HOME": "/x/cache"},
    {"XDG_CONFIG_HOME": "   ", "XDG_DATA_HOME": ""},  # blank counts as unset
])
def test_user_dirs_match_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                      values: dict[str, str]) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    paths = AppPaths.for_user()
    found = (paths.config_dir, paths.data_dir, paths.state_dir, paths.cache_dir)
    assert found == _platformdirs()
    if not values:
        assert paths.config_dir == tmp_path / ".config" / APP_NAME


def test_under_one_root_keeps_everything_there(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    for folder in (paths.config_dir, paths.data_dir, paths.state_dir, paths.avatar_cache_dir,
                   paths.crash_dir, paths.settings_file, paths.local_pool_dir):
        assert folder.is_relative_to(tmp_path)
