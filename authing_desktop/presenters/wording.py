"""What the server's values are called on screen: times in the user's locale and time zone
(relative when recent), sign-in methods, sign-up sources and second factors in words, devices
as "Firefox on Windows 11", counts with the locale's digits grouping.

The server speaks in protocol names (``loginByEmail``, ``basic:email``) and UTC timestamps;
none of that reaches the screen. An unknown name gets a generic wording, never itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    QObject,
    QTimeZone,
)

Clock = Callable[[], dt.datetime]

# How far back a time is said relatively ("5 minutes ago") rather than as a date.
RELATIVE_HOURS = 12


class Wording(QObject):
    """The translation context of this module's texts: plural forms ("%n minutes ago") are
    found by Qt's tools only in a class's ``tr``."""

    def minutes_ago(self, minutes: int) -> str:
        return self.tr("%n minute(s) ago", "", minutes)

    def hours_ago(self, hours: int) -> str:
        return self.tr("%n hour(s) ago", "", hours)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _tr(text: object) -> str:
    # object: what QT_TRANSLATE_NOOP returns to a type checker (the text itself, really).
    return QCoreApplication.translate("Wording", str(text))


def _local(moment: dt.datetime) -> QDateTime:
    if moment.tzinfo is None:  # the server's times are UTC
        moment = moment.replace(tzinfo=dt.UTC)
    utc = moment.astimezone(dt.UTC)
    value = QDateTime(utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, 0,
                      QTimeZone.utc())
    return value.toLocalTime()


def local_date_time(moment: dt.datetime | None) -> str:
    """``moment`` in the user's time zone, in the locale's short date and time format; "" for
    None."""
    if moment is None:
        return ""
    return QLocale().toString(_local(moment), QLocale.FormatType.ShortFormat)


def local_date(moment: dt.datetime | dt.date | None) -> str:
    """The day of ``moment`` (local) in the locale's short date format; "" for None."""
    if moment is None:
        return ""
    if isinstance(moment, dt.datetime):
        return QLocale().toString(_local(moment).date(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(QDate(moment.year, moment.month, moment.day),
                              QLocale.FormatType.ShortFormat)


def when(moment: dt.datetime | None, clock: Clock = _now) -> str:
    """A recent time relatively ("Just now", "5 minutes ago", "3 hours ago"), an older one as a
    local date and time; "" for None."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    seconds = (clock() - moment).total_seconds()
    if -60 < seconds < 60:
        return QCoreApplication.translate("Wording", "Just now")
    if 0 < seconds < 3600:
        minutes = int(seconds // 60)
        return Wording().minutes_ago(minutes)
    if 0 < seconds < RELATIVE_HOURS * 3600:
        hours = int(seconds // 3600)
        return Wording().hours_ago(hours)
    return local_date_time(moment)


def count(value: int) -> str:
    """``value`` with the locale's digits and grouping."""
    return QLocale().toString(value)


SIGN_IN_METHODS = {
    "loginByEmail": QT_TRANSLATE_NOOP("Wording", "Email and password"),
    "loginByUsername": QT_TRANSLATE_NOOP("Wording", "Username and password"),
    "loginByPhonePassword": QT_TRANSLATE_NOOP("Wording", "Phone and password"),
    "loginByPhoneCode": QT_TRANSLATE_NOOP("Wording", "Phone and SMS code"),
    "loginBySubAccount": QT_TRANSLATE_NOOP("Wording", "Sub-account"),
    "loginByLdap": QT_TRANSLATE_NOOP("Wording", "LDAP directory account"),
    "loginByAd": QT_TRANSLATE_NOOP("Wording", "Active Directory account"),
    "loginByPasskey": QT_TRANSLATE_NOOP("Wording", "Security key or passkey"),
    "registerByEmail": QT_TRANSLATE_NOOP("Wording", "Signed up with email"),
    "registerByUsername": QT_TRANSLATE_NOOP("Wording", "Signed up with a username"),
    "registerByPhoneCode": QT_TRANSLATE_NOOP("Wording", "Signed up with a phone number"),
}


def sign_in_method(wire: str | None) -> str:
    """How the user signed in, in words (``loginByEmail`` -> "Email and password")."""
    text = SIGN_IN_METHODS.get(wire or "")
    return _tr(text) if text else QCoreApplication.translate("Wording", "Other sign-in method")


SIGN_UP_SOURCES = {
    "basic:email": QT_TRANSLATE_NOOP("Wording", "Signed up with email"),
    "basic:username-password": QT_TRANSLATE_NOOP("Wording", "Signed up with a username"),
    "basic:phone-code": QT_TRANSLATE_NOOP("Wording", "Signed up with a phone number"),
    "basic:phone": QT_TRANSLATE_NOOP("Wording", "Signed up with a phone number"),
    "social:wechat": QT_TRANSLATE_NOOP("Wording", "Signed up with WeChat"),
    "import:manual": QT_TRANSLATE_NOOP("Wording", "Added by an administrator"),
}


def sign_up_source(wire: str | None) -> str:
    """How the account was created, in words (``basic:email`` -> "Signed up with email")."""
    if not wire:
        return ""
    text = SIGN_UP_SOURCES.get(wire)
    if text:
        return _tr(text)
    if wire.startswith("social:"):
        return QCoreApplication.translate("Wording", "Signed up with another account")
    return QCoreApplication.translate("Wording", "Created another way")


SECOND_FACTORS = {
    "totp": QT_TRANSLATE_NOOP("Wording", "Authenticator app"),
    "sms": QT_TRANSLATE_NOOP("Wording", "SMS code"),
    "email": QT_TRANSLATE_NOOP("Wording", "Email code"),
    "recovery_code": QT_TRANSLATE_NOOP("Wording", "Recovery code"),
    "recovery": QT_TRANSLATE_NOOP("Wording", "Recovery code"),
    "passkey": QT_TRANSLATE_NOOP("Wording", "Security key"),
}


def second_factor(wire: str | None) -> str:
    """The second step of a sign-in, in words; "" when there was none."""
    if not wire:
        return ""
    text = SECOND_FACTORS.get(wire)
    return _tr(text) if text else QCoreApplication.translate("Wording", "Second step")


def device(browser: str | None, system: str | None) -> str:
    """A device as people name it: "Firefox on Windows 11", "Windows 11", "Unknown device"."""
    browser, system = (browser or "").strip(), (system or "").strip()
    if browser and system:
        text = QCoreApplication.translate("Wording", "{browser} on {system}")
        return text.format(browser=browser, system=system)
    return browser or system or QCoreApplication.translate("Wording", "Unknown device")


def device_kind(system: str | None, device_type: str | None = None) -> str:
    """An icon name (`authing_desktop.ui.icons`) for a device: phone, tablet or computer."""
    text = f"{system or ''} {device_type or ''}".lower()
    if any(word in text for word in ("iphone", "android", "mobile", "phone", "harmony")):
        return "smartphone"
    if any(word in text for word in ("ipad", "tablet")):
        return "tablet"
    return "laptop"


def moment(text: str | None) -> dt.datetime | None:
    """A server timestamp (ISO 8601; ``Z`` or an offset, UTC when it has neither) as an aware
    datetime; None when absent or unreadable (an unreadable time is not shown raw)."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
