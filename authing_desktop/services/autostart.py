"""Starting the app at login: an XDG autostart entry on Linux
(``$XDG_CONFIG_HOME/autostart/authing-desktop.desktop``, the Desktop Application Autostart
Specification), written when the setting is turned on and removed when it is turned off.

The entry starts the app the way it runs now: the bundle's executable when frozen
(PyInstaller), else this Python with ``-m authing_desktop``. Other systems have no entry yet:
`supported` says so and the settings show why.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from authing_desktop import APP_DISPLAY_NAME, APP_NAME

ENTRY_NAME = f"{APP_NAME}.desktop"

log = logging.getLogger("authing_desktop.autostart")


def supported(platform: str = sys.platform) -> bool:
    """True where the app can write an autostart entry (Linux and other XDG desktops)."""
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def entry_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the entry goes: ``$XDG_CONFIG_HOME/autostart`` (``~/.config`` when unset or not
    absolute, as the base-directory specification says)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "autostart" / ENTRY_NAME


def start_command(frozen: bool | None = None) -> list[str]:
    """How this app is started: the bundle's executable, or Python with the package."""
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if is_frozen:
        return [sys.executable]
    return [sys.executable, "-m", "authing_desktop"]


def _quoted(argument: str) -> str:
    # The Exec key's quoting: double quotes around arguments with reserved characters, and
    # a backslash before ", `, $ and \ inside them; a literal % is %%.
    text = argument.replace("%", "%%")
    if not any(c in text for c in " \t\n\"'\\><~|&;$*?#()`="):
        return text
    for char in ("\\", '"', "`", "$"):
        text = text.replace(char, "\\" + char)
    return f'"{text}"'


def entry_text(command: Sequence[str]) -> str:
    """The .desktop file's content."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_DISPLAY_NAME}\n"
        "Comment=Watches your Authing account for new sign-ins\n"
        f"Exec={' '.join(_quoted(part) for part in command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def apply(enabled: bool, path: Path | None = None,
          command: Sequence[str] | None = None) -> bool:
    """Write (``enabled``) or remove the entry; True when the file now says what was asked.
    Blocking file work: call it through `apply_async` from the UI's loop."""
    target = path if path is not None else entry_path()
    if not enabled:
        target.unlink(missing_ok=True)
        return True
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(entry_text(command or start_command()), encoding="utf-8")
    os.replace(temporary, target)
    return True


async def apply_async(enabled: bool, path: Path | None = None,
                      command: Sequence[str] | None = None) -> bool:
    """`apply` in a worker thread."""
    return await asyncio.get_running_loop().run_in_executor(
        None, lambda: apply(enabled, path, command))


async def refresh(path: Path | None = None) -> bool:
    """Rewrite the entry of a user who turned "start at login" on (the app may have moved
    since); a failure is logged, not shown: the setting's own change reports its errors."""
    try:
        return await apply_async(True, path)
    except OSError as error:
        log.warning("could not refresh the autostart entry (%s)", type(error).__name__)
        return False


def installed(path: Path | None = None) -> bool:
    """True when the entry exists."""
    return (path if path is not None else entry_path()).is_file()
