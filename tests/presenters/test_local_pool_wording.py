"""The Local pool tab's settings in words (`presenters.local_pool.setting_rows`): what a setting
makes users meet, never a key or a raw number of seconds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from authing_desktop.presenters.local_pool import UserForm, setting_rows
from authing_desktop.services.language import LanguageInstaller

DEFAULTS: dict[str, Any] = {
    "loginRequireEmailVerified": False, "emailVerifiedDefault": False,
    "changeEmailStrategy": {"verifyOldEmail": True},
    "changePhoneStrategy": {"verifyOldPhone": True},
    "loginFailCheck": {"enabled": True, "timeInterval": 900, "limit": 3},
    "loginFailStrategy": "captcha",
    "loginPasswordFailCheck": {"enabled": True, "timeInterval": 300, "limit": 10},
    "registerDisabled": False,
    "frequentRegisterCheck": {"enabled": False, "timeInterval": 300, "limit": 10},
    "tokenExpiresAfter": 1_209_600, "verifyCodeLength": 6,
    "passwordUpdatePolicy": {"enabled": False, "forcedCycle": 90, "differenceCycle": 0},
    "whitelist": {"phoneEnabled": False, "emailEnabled": False, "usernameEnabled": False},
    "stepUpMaxAge": 300,
}


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    installer = LanguageInstaller(QCoreApplication.instance())
    installer.install("en")
    yield
    installer.install("en")


def _values(policy: dict[str, Any]) -> dict[str, str]:
    return {row.key: row.value for row in setting_rows(policy)}


def test_the_defaults_in_words(english: None) -> None:
    values = _values(DEFAULTS)
    assert values == {
        "loginRequireEmailVerified": "No", "emailVerifiedDefault": "No",
        "changeEmailStrategy": "Yes", "changePhoneStrategy": "Yes",
        "loginFailCheck": "After 3 failures within 15 minutes",
        "loginPasswordFailCheck": "After 10 failures within 5 minutes",
        "registerDisabled": "Open", "frequentRegisterCheck": "Off",
        "tokenExpiresAfter": "14 days", "verifyCodeLength": "6 digits",
        "stepUpMaxAge": "5 minutes", "passwordUpdatePolicy": "Never"}
    assert all(row.label and row.label != row.key for row in setting_rows(DEFAULTS))


def test_changed_settings_in_words(english: None) -> None:
    values = _values({**DEFAULTS, "loginFailStrategy": "block-account",
                      "registerDisabled": True, "tokenExpiresAfter": 90,
                      "frequentRegisterCheck": {"enabled": True, "timeInterval": 3600,
                                                "limit": 1000},
                      "passwordUpdatePolicy": {"enabled": True, "forcedCycle": 1}})
    assert values["loginFailCheck"] == "Off"  # block-account: no captcha, the lock remains
    assert values["loginPasswordFailCheck"] == "After 10 failures within 5 minutes"
    assert values["registerDisabled"] == "Closed"
    assert values["tokenExpiresAfter"] == "90 seconds"
    assert values["frequentRegisterCheck"] == "At most 1,000 within 1 hour"
    assert values["passwordUpdatePolicy"] == "Every day"
    assert _values({**DEFAULTS, "stepUpMaxAge": 0})["stepUpMaxAge"] == "Off"
    assert _values({"unknownKey": True}) == {}


def test_the_form_sends_only_what_was_given() -> None:
    assert UserForm(email=" a@example.com ", password="Pw-passw0rd", blocked=True,
                    reset_on_next_login=True).as_scenario_user() == {
        "email": "a@example.com", "password": "Pw-passw0rd", "blocked": True,
        "resetPasswordOnNextLogin": True}
