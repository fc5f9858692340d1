"""The XDG autostart entry of "start at login", in a temporary XDG_CONFIG_HOME: written with the
command that starts the app (frozen or not), removed again, and the path rules."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.services import autostart
from tests.fixtures.app_services import drive


def test_entry_is_written_under_xdg_config_home_and_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = autostart.entry_path()
    assert path == tmp_path / "config" / "autostart" / "authing-desktop.desktop"
    assert not autostart.installed()
    assert autostart.apply(True)
    assert autostart.installed()
    text = path.read_text(encoding="utf-8")
    lines = dict(line.split("=", 1) for line in text.splitlines()[1:])
    assert text.startswith("[Desktop Entry]\n")
    assert lines["Type"] == "Application" and lines["Name"] == "Authing Desktop"
    assert shlex.split(lines["Exec"]) == [sys.executable, "-m", "authing_desktop"]
    assert autostart.apply(False)
    assert not path.exists() and not autostart.installed()
    assert autostart.apply(False)  # removing twice is fine


def test_command_and_quoting() -> None:
    assert autostart.start_command(frozen=True) == [sys.executable]
    assert autostart.start_command(frozen=False)[1:] == ["-m", "authing_desktop"]
    text = autostart.entry_text(["/opt/My Apps/authing-desktop", "100%"])
    assert 'Exec="/opt/My Apps/authing-desktop" 100%%\n' in text


def test_path_rules_and_platforms(tmp_path: Path) -> None:
    home = Path.home()
    assert autostart.entry_path({}) == home / ".config/autostart/authing-desktop.desktop"
    # A relative XDG_CONFIG_HOME is ignored, as the base-directory specification says.
    assert autostart.entry_path({"XDG_CONFIG_HOME": "rel"}).parent.parent == home / ".config"
    assert autostart.supported("linux") and not autostart.supported("win32")
    assert not autostart.supported("darwin")


def test_refresh_rewrites_the_entry_and_a_failure_is_only_logged(
        qloop: Any, qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "autostart" / "authing-desktop.desktop"
    path.parent.mkdir()
    path.write_text("[Desktop Entry]\nExec=/old/place/authing-desktop\n", encoding="utf-8")
    assert drive(qtbot, autostart.refresh(path))
    assert "/old/place" not in path.read_text(encoding="utf-8")
    blocked = tmp_path / "file" / "autostart" / "authing-desktop.desktop"
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert drive(qtbot, autostart.refresh(blocked)) is False
