"""A real headless Chromium for the hosted pages, driven by Selenium through Debian's
chromedriver, with the DevTools virtual authenticator standing in for a passkey
(docs/passkeys.md, "Hosted page and Gen-2 routes"), and the loopback "client" its sign-ins
redirect to. `scripts/run-tests` installs both Debian packages; without them the tests fail
(never skip) and say how to get them."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.virtual_authenticator import VirtualAuthenticatorOptions

CHROMIUM = os.environ.get("AUTHING_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("AUTHING_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")


def _binary(path: str, package: str) -> str:
    found = path if os.access(path, os.X_OK) else shutil.which(Path(path).name)
    if not found:
        pytest.fail(f"{path} is missing: run scripts/run-tests, which installs the Debian "
                    f"package {package}, or apt-get install {package}")
    return found


def start_chromium(profile: Path) -> webdriver.Chrome:
    """A headless Chromium with its own, empty profile (no cookies, no credentials)."""
    options = webdriver.ChromeOptions()
    options.binary_location = _binary(CHROMIUM, "chromium")
    for argument in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-extensions", "--window-size=800,900",
                     "--password-store=basic",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    if os.geteuid() == 0:  # the sandbox needs an unprivileged user; CI runs as root
        options.add_argument("--no-sandbox")
    # Kept off the suite's private D-Bus session: no accessibility bus, no keychain.
    env = {key: value for key, value in os.environ.items()
           if key != "DBUS_SESSION_BUS_ADDRESS"}
    env["NO_AT_BRIDGE"] = "1"
    # No driver log: it would hold every command's parameters (typed passwords, the virtual
    # authenticator's keys) in a file.
    service = Service(_binary(CHROMEDRIVER, "chromium-driver"), log_output=subprocess.DEVNULL,
                      env=env)
    return webdriver.Chrome(service=service, options=options)


def add_passkey_device(driver: webdriver.Chrome) -> None:
    """A platform authenticator that holds discoverable credentials and verifies its user
    (a fingerprint that always matches)."""
    device = VirtualAuthenticatorOptions()
    device.protocol = VirtualAuthenticatorOptions.Protocol.CTAP2
    device.transport = VirtualAuthenticatorOptions.Transport.INTERNAL
    device.has_resident_key = True
    device.has_user_verification = True
    device.is_user_verified = True
    device.is_user_consenting = True
    driver.add_virtual_authenticator(device)


class _Recorder(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Callback)
        self.received: list[dict[str, str]] = []


class _Callback(BaseHTTPRequestHandler):
    server: _Recorder

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/callback":  # not the browser's /favicon.ico
            query = parse_qs(parts.query)
            self.server.received.append({key: values[0] for key, values in query.items()})
        body = b"<!doctype html><title>Signed in</title><h1>Signed in</h1>"
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        return


class LoopbackClient:
    """An OIDC client's redirect URI on a free loopback port, recording each query it gets."""

    def __init__(self) -> None:
        self._server = _Recorder()
        self.redirect_uri = f"http://127.0.0.1:{self._server.server_address[1]}/callback"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def received(self) -> list[dict[str, str]]:
        """The queries of the redirects so far."""
        return list(self._server.received)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
