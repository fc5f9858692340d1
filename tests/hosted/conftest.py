"""Fixtures of the hosted-page tests: a headless Chromium (`tests.hosted.browser`) and a
loopback OIDC client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from tests.hosted.browser import LoopbackClient, start_chromium


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    """A fresh headless Chromium, quit after the test."""
    driver = start_chromium(tmp_path / "profile")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def loopback_client() -> Iterator[LoopbackClient]:
    """A redirect URI that records the codes it receives."""
    client = LoopbackClient()
    try:
        yield client
    finally:
        client.close()
