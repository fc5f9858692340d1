"""A small User-Agent reader for the devices list and the login history: device type, OS and
browser (or client program) from the common markers. Offline and dependency-free; anything it
does not recognise is reported as "Unknown" rather than guessed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

UNKNOWN = "Unknown"

# Order matters: Edge and Opera carry "Chrome", Chrome carries "Safari".
_BROWSERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Edge", re.compile(r"\bEdg(?:e|A|iOS)?/([\d.]+)")),
    ("Opera", re.compile(r"\bOPR/([\d.]+)")),
    ("Firefox", re.compile(r"\bFirefox/([\d.]+)")),
    ("Chrome", re.compile(r"\b(?:Chrome|CriOS)/([\d.]+)")),
    ("Safari", re.compile(r"\bVersion/([\d.]+).*\bSafari/")),
    ("Authing Desktop", re.compile(r"\bauthing-desktop/([\w.+-]+)")),
    ("python-httpx", re.compile(r"\bpython-httpx/([\w.]+)")),
    ("python-requests", re.compile(r"\bpython-requests/([\w.]+)")),
    ("curl", re.compile(r"\bcurl/([\w.]+)")),
)
_SYSTEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Windows", re.compile(r"\bWindows NT ([\d.]+)")),
    ("iOS", re.compile(r"\b(?:iPhone|iPad|iPod).*? OS ([\d_]+)")),
    ("Android", re.compile(r"\bAndroid ([\d.]+)")),
    ("macOS", re.compile(r"\bMac OS X ([\d_.]+)")),
    ("ChromeOS", re.compile(r"\bCrOS \S+ ([\d.]+)")),
    ("Linux", re.compile(r"\b(Linux)\b")),
)
_MOBILE = re.compile(r"\b(?:Mobile|iPhone|iPad|iPod|Android)\b")
_DESKTOP_PROGRAMS = ("Authing Desktop",)


@dataclass(frozen=True)
class ParsedUserAgent:
    """What a User-Agent string says about the client."""

    device: str  # "Browser" | "Mobile" | "Desktop" (TerminalSessionDto.device.type)
    browser: str
    browser_version: str | None
    os: str
    os_version: str | None

    def as_wire(self) -> dict[str, str]:
        """``parsedUserAgent``: ``browser`` and its 2024 name ``name`` both (docs/protocol.md, v3
        self-service)."""
        return {"device": self.device, "browser": self.browser, "name": self.browser,
                "os": self.os}


def parse_user_agent(user_agent: str | None) -> ParsedUserAgent:
    """Read ``user_agent`` (None or empty gives all-unknown, device "Desktop")."""
    text = user_agent or ""
    browser, browser_version = UNKNOWN, None
    for name, pattern in _BROWSERS:
        match = pattern.search(text)
        if match:
            browser, browser_version = name, match.group(1)
            break
    system, system_version = UNKNOWN, None
    for name, pattern in _SYSTEMS:
        match = pattern.search(text)
        if match:
            system = name
            version = match.group(1).replace("_", ".")
            system_version = None if version == "Linux" else version
            break
    if _MOBILE.search(text):
        device = "Mobile"
    elif browser in ("Edge", "Opera", "Firefox", "Chrome", "Safari"):
        device = "Browser"
    else:
        device = "Desktop"
    return ParsedUserAgent(device=device, browser=browser, browser_version=browser_version,
                           os=system, os_version=system_version)


def derived_device_id(user_agent: str | None, client_ip: str | None) -> str:
    """A stable id for a client that sent no ``x-authing-device-id`` (docs/protocol.md, Headers:
    User-Agent
    plus IP)."""
    digest = hashlib.sha256(f"{user_agent or ''}\n{client_ip or ''}".encode()).hexdigest()
    return "ua-" + digest[:16]
