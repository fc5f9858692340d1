"""The real WebAuthn clients behind `SecurityKeys` (docs/passkeys.md#the-desktop-client):

- **Linux (and the other Unix systems python-fido2 reaches):** python-fido2's `Fido2Client`
  over the first USB HID security key. When none answers, `diagnose` tells "no key plugged in"
  from "a key is there but its device node is closed to us" (no udev rule / not in plugdev):
  sysfs shows every hidraw device's report descriptor to everyone, so a FIDO key is
  recognisable even when its /dev node is not readable.
- **Windows:** `WindowsClient` (the system's WebAuthn API: Windows Hello and security keys,
  with the system's own prompts and PIN). Present and guarded, but untested here: no Windows
  machine runs this suite.

Loaded only after python-fido2 (`security_keys.KEY_MODULES`), and called in the ceremony's
thread: nothing here imports at call time.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fido2.client import DefaultClientDataCollector, Fido2Client
from fido2.hid import CtapHidDevice
from fido2.hid.base import parse_report_descriptor

from authing_desktop.services.security_key_errors import KeyFailure, KeyProblem
from authing_desktop.services.security_keys import Interaction, KeyClient

DEV_GLOB = "/dev/hidraw*"
SYSFS_HIDRAW = Path("/sys/class/hidraw")


def _can_open(path: str) -> bool:
    return os.access(path, os.R_OK | os.W_OK)


def diagnose(dev_glob: str = DEV_GLOB, sysfs: Path = SYSFS_HIDRAW,
             can_open: Callable[[str], bool] = _can_open) -> KeyProblem:
    """Why no key answered: NO_PERMISSION when a hidraw node we may not open is a FIDO
    device, else NO_KEY."""
    for node in sorted(glob.glob(dev_glob)):
        if can_open(node):
            continue
        descriptor = sysfs / os.path.basename(node) / "device" / "report_descriptor"
        try:
            parse_report_descriptor(descriptor.read_bytes())
        except (OSError, ValueError):
            continue  # unreadable or not a FIDO device (a keyboard, a mouse)
        return KeyProblem.NO_PERMISSION
    return KeyProblem.NO_KEY


def usb_client(origin: str, interaction: Interaction) -> KeyClient:
    """`Fido2Client` over the first USB security key; `KeyFailure` when there is none."""
    for device in CtapHidDevice.list_devices():
        collector = DefaultClientDataCollector(origin)
        user_interaction: Any = interaction  # duck-typed UserInteraction
        return Fido2Client(device, collector, user_interaction=user_interaction)
    raise KeyFailure(diagnose())


def windows_client(origin: str, interaction: Interaction) -> KeyClient:
    """`WindowsClient` (untested here): Windows shows its own touch and PIN prompts."""
    from fido2.client.windows import WindowsClient  # loaded by the warm-up on Windows only

    if not WindowsClient.is_available():
        raise KeyFailure(KeyProblem.NO_WINDOWS_API)
    client: KeyClient = WindowsClient(DefaultClientDataCollector(origin))
    return client
