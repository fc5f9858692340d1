"""Server values in words: relative times from an injected clock, local dates, sign-in methods,
sign-up sources, second factors and devices; never a protocol name or an ISO timestamp."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTimeZone

from authing_desktop.presenters import wording
from authing_desktop.services.language import LanguageInstaller

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def clock() -> dt.datetime:
    return NOW


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    installer = LanguageInstaller(QCoreApplication.instance())
    installer.install("en")
    yield
    installer.install("en")


@pytest.mark.parametrize(("ago", "text"), [
    (dt.timedelta(seconds=20), "Just now"),
    (dt.timedelta(minutes=1), "1 minute ago"),
    (dt.timedelta(minutes=5, seconds=30), "5 minutes ago"),
    (dt.timedelta(hours=1), "1 hour ago"),
    (dt.timedelta(hours=3, minutes=59), "3 hours ago"),
])
def test_recent_times_are_relative(english: None, ago: dt.timedelta, text: str) -> None:
    assert wording.when(NOW - ago, clock) == text


def test_older_times_are_local_dates_and_times(english: None) -> None:
    moment = NOW - dt.timedelta(days=3)
    shown = wording.when(moment, clock)
    local = QDateTime(2026, 12, 4, 12, 0, 0, 0, QTimeZone.utc()).toLocalTime()
    assert shown == QLocale().toString(local, QLocale.FormatType.ShortFormat)
    assert not ISO.search(shown) and "+00:00" not in shown
    # A naive time from the server is UTC too.
    assert wording.when(moment.replace(tzinfo=None), clock) == shown
    assert wording.when(None, clock) == ""


@pytest.mark.parametrize(("wire", "text"), [
    ("loginByEmail", "Email and password"),
    ("loginByPhoneCode", "Phone and SMS code"),
    ("loginByPasskey", "Security key or passkey"),
    ("loginBySomethingNew", "Other sign-in method"),
    ("", "Other sign-in method"),
])
def test_sign_in_methods_in_words(english: None, wire: str, text: str) -> None:
    assert wording.sign_in_method(wire) == text


@pytest.mark.parametrize(("wire", "text"), [
    ("basic:email", "Signed up with email"),
    ("basic:phone-code", "Signed up with a phone number"),
    ("social:github", "Signed up with another account"),
    ("something:else", "Created another way"),
    ("", ""),
])
def test_sign_up_sources_in_words(english: None, wire: str, text: str) -> None:
    assert wording.sign_up_source(wire) == text


def test_second_factors_and_devices_in_words(english: None) -> None:
    assert wording.second_factor("totp") == "Authenticator app"
    assert wording.second_factor("passkey") == "Security key"
    assert wording.second_factor("") == ""
    assert wording.second_factor("weird") == "Second step"
    assert wording.device("Firefox", "Windows 11") == "Firefox on Windows 11"
    assert wording.device("", "Windows 11") == "Windows 11"
    assert wording.device(None, None) == "Unknown device"
    assert wording.device_kind("iOS 17", "iPhone") == "smartphone"
    assert wording.device_kind("Windows 11") == "laptop"


def test_chinese_has_words_for_everything(qapp: Any) -> None:
    installer = LanguageInstaller(QCoreApplication.instance())
    installer.install("zh_CN")
    try:
        texts = [wording.when(NOW - dt.timedelta(minutes=5), clock),
                 wording.when(NOW - dt.timedelta(hours=2), clock), wording.when(NOW, clock),
                 wording.sign_in_method("loginByEmail"), wording.sign_in_method("x"),
                 wording.sign_up_source("basic:email"), wording.second_factor("sms"),
                 wording.device("Firefox", "Windows 11"), wording.device(None, None)]
        for text in texts:
            assert not re.search(r"[A-Za-z]{3,}", text.replace("Firefox", "").replace(
                "Windows", "")), text
    finally:
        installer.install("en")


def test_server_timestamps_are_read(english: None) -> None:
    utc = dt.datetime(2026, 12, 7, 18, 34, 53, tzinfo=dt.UTC)
    assert wording.moment("2026-12-07T18:34:53+00:00") == utc
    assert wording.moment("2026-12-07T18:34:53Z") == utc
    assert wording.moment("2026-12-07T18:34:53") == utc  # naive: UTC
    assert wording.moment("2026-12-07T20:34:53+02:00") == utc
    assert wording.moment("yesterday") is None
    assert wording.moment("") is None and wording.moment(None) is None
