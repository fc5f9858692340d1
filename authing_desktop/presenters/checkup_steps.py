"""The Security Checkup's steps as plain data: what the checkup knows of the account
(`CheckupFacts`) and each step's state (`evaluate`), green ("ok") or amber ("attention") with
the reason as a key the wording turns into words (presenters/checkup_wording.py).

No Qt and no calls here: the presenter (presenters/security_checkup.py) gathers the facts, the
tests feed them by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from authing_desktop.presenters.devices import DeviceRow
    from authing_desktop.presenters.login_history import HistoryRow

STRONG_PASSWORD_LEVEL = 3  # the pool's password_security_level: 1 weak, 2 medium, 3 strong
# A password older than this is worth changing (the pool's forced cycle, when it has one,
# refuses it outright; this is only advice).
OLD_PASSWORD = dt.timedelta(days=365)
# How far back "recent security events" look.
RECENT_DAYS = 30
# Second factors that live on a phone: a text message, or an authenticator app.
PHONE_FACTORS = frozenset({"SMS", "OTP"})


class Step(StrEnum):
    """The steps, in the order the checkup walks them (their keys name widgets too)."""

    CONTACTS = "contacts"
    RECOVERY_CODE = "recoveryCode"
    SECOND_FACTOR = "secondFactor"
    PASSWORD = "password"  # noqa: S105 - a step's key, not a secret
    DEVICES = "devices"
    ACTIVITY = "activity"
    CONNECTIONS = "connections"


class Reason(StrEnum):
    """Why a step is green or amber (checkup_wording.reason_text says it in words)."""

    CONTACTS_OK = "contactsOk"
    NO_CONTACT = "noContact"
    EMAIL_UNVERIFIED = "emailUnverified"
    PHONE_UNVERIFIED = "phoneUnverified"
    CODE_OK = "codeOk"
    CODE_NEEDS_AUTHENTICATOR = "codeNeedsAuthenticator"
    CODE_MISSING = "codeMissing"
    FACTOR_OK = "factorOk"
    NO_FACTOR = "noFactor"
    ONE_PHONE = "onePhone"  # the only second factor is on one phone, and no recovery code
    PASSWORD_OK = "passwordOk"  # noqa: S105 - a reason's key
    NO_PASSWORD = "noPassword"  # noqa: S105
    WEAK_PASSWORD = "weakPassword"  # noqa: S105
    OLD_PASSWORD = "oldPassword"  # noqa: S105
    ONLY_THIS_DEVICE = "onlyThisDevice"
    OTHER_DEVICES = "otherDevices"
    DEVICES_CONFIRMED = "devicesConfirmed"
    NO_EVENTS = "noEvents"
    EVENTS = "events"
    EVENTS_CONFIRMED = "eventsConfirmed"
    NO_CONNECTIONS = "noConnections"
    CONNECTIONS = "connections"
    CONNECTIONS_CONFIRMED = "connectionsConfirmed"


class Fix(StrEnum):
    """The one action that fixes an amber step (per row for the list steps)."""

    NONE = ""
    CONTACTS_PAGE = "contactsPage"  # bind a phone or an email on the Contacts page
    VERIFY_EMAIL = "verifyEmail"
    TWO_STEP = "twoStep"  # turn on the authenticator (it comes with a recovery code)
    RECOVERY_CODE = "recoveryCode"  # make a new recovery code
    PASSWORD = "password"  # noqa: S105 - change (or set) the password in place
    SIGN_OUT_DEVICE = "signOutDevice"
    NOT_ME = "notMe"
    REMOVE_CONNECTION = "removeConnection"


@dataclass(frozen=True)
class Connection:
    """A linked account (``kind`` "identity", ``key`` its source id) or another application
    signed in to (``kind`` "app", ``key`` its app id)."""

    kind: str
    key: str
    name: str


@dataclass(frozen=True)
class CheckupFacts:
    """What the checkup knows of the account. ``recovery_code`` is None when the pool cannot
    say; ``password_set_at`` None when unknown; the lists hold only what the user may want to
    act on (other devices, sign-ins from elsewhere, links other than this app)."""

    phone: str = ""
    phone_verified: bool = False
    email: str = ""
    email_verified: bool = False
    has_password: bool = True
    password_level: int | None = None
    password_set_at: dt.datetime | None = None
    authenticator_on: bool = False
    factor_types: tuple[str, ...] = ()  # the v3 factors: SMS, EMAIL, OTP
    sms_phones: tuple[str, ...] = ()
    recovery_code: bool | None = None
    passkeys: int = 0  # passkeys and security keys: a way in that is not on the phone
    other_devices: tuple[DeviceRow, ...] = ()
    sign_ins: tuple[HistoryRow, ...] = ()
    connections: tuple[Connection, ...] = ()


@dataclass(frozen=True)
class StepState:
    """One step's state; ``count`` says how many things the reason is about, ``when`` the
    time it names (the password's age)."""

    step: Step
    ok: bool
    reason: Reason
    fix: Fix = Fix.NONE
    count: int = 0
    when: dt.datetime | None = None


def _contacts(facts: CheckupFacts) -> StepState:
    if not facts.phone and not facts.email:
        return StepState(Step.CONTACTS, False, Reason.NO_CONTACT, Fix.CONTACTS_PAGE)
    if facts.email and not facts.email_verified:
        return StepState(Step.CONTACTS, False, Reason.EMAIL_UNVERIFIED, Fix.VERIFY_EMAIL)
    if facts.phone and not facts.phone_verified:
        return StepState(Step.CONTACTS, False, Reason.PHONE_UNVERIFIED, Fix.CONTACTS_PAGE)
    return StepState(Step.CONTACTS, True, Reason.CONTACTS_OK,
                     count=int(bool(facts.phone)) + int(bool(facts.email)))


def _has_code(facts: CheckupFacts) -> bool:
    # A pool that cannot tell: the authenticator made one when it was turned on.
    return bool(facts.recovery_code) or (facts.recovery_code is None
                                         and facts.authenticator_on)


def _recovery_code(facts: CheckupFacts) -> StepState:
    if _has_code(facts):
        return StepState(Step.RECOVERY_CODE, True, Reason.CODE_OK)
    if not facts.authenticator_on:
        return StepState(Step.RECOVERY_CODE, False, Reason.CODE_NEEDS_AUTHENTICATOR,
                         Fix.TWO_STEP)
    return StepState(Step.RECOVERY_CODE, False, Reason.CODE_MISSING, Fix.RECOVERY_CODE)


def _factor_types(facts: CheckupFacts) -> set[str]:
    types = set(facts.factor_types)
    if facts.authenticator_on:
        types.add("OTP")
    return types


def _second_factor(facts: CheckupFacts) -> StepState:
    types = _factor_types(facts)
    if not types:
        return StepState(Step.SECOND_FACTOR, False, Reason.NO_FACTOR, Fix.TWO_STEP)
    one_phone = types <= PHONE_FACTORS and len(set(facts.sms_phones)) <= 1
    if one_phone and not _has_code(facts) and not facts.passkeys:
        # Losing that phone would lock the account (a security key would still sign in): an
        # authenticator brings a recovery code.
        fix = Fix.RECOVERY_CODE if facts.authenticator_on else Fix.TWO_STEP
        return StepState(Step.SECOND_FACTOR, False, Reason.ONE_PHONE, fix)
    return StepState(Step.SECOND_FACTOR, True, Reason.FACTOR_OK, count=len(types))


def _password(facts: CheckupFacts, now: dt.datetime) -> StepState:
    if not facts.has_password:
        return StepState(Step.PASSWORD, False, Reason.NO_PASSWORD, Fix.PASSWORD)
    if (facts.password_level or 0) < STRONG_PASSWORD_LEVEL:
        return StepState(Step.PASSWORD, False, Reason.WEAK_PASSWORD, Fix.PASSWORD,
                         when=facts.password_set_at)
    if facts.password_set_at is not None and now - facts.password_set_at > OLD_PASSWORD:
        return StepState(Step.PASSWORD, False, Reason.OLD_PASSWORD, Fix.PASSWORD,
                         when=facts.password_set_at)
    return StepState(Step.PASSWORD, True, Reason.PASSWORD_OK, when=facts.password_set_at)


def _listing(step: Step, items: int, confirmed: bool, reasons: tuple[Reason, Reason, Reason],
             fix: Fix) -> StepState:
    none, some, confirmed_reason = reasons
    if not items:
        return StepState(step, True, none)
    if confirmed:
        return StepState(step, True, confirmed_reason, count=items)
    return StepState(step, False, some, fix, count=items)


def evaluate(facts: CheckupFacts, now: dt.datetime,
             confirmed: frozenset[Step] = frozenset()) -> tuple[StepState, ...]:
    """Every step's state, in `Step` order. ``confirmed``: the list steps whose entries the
    user said are all theirs ("These are all mine")."""
    return (
        _contacts(facts),
        _recovery_code(facts),
        _second_factor(facts),
        _password(facts, now),
        _listing(Step.DEVICES, len(facts.other_devices), Step.DEVICES in confirmed,
                 (Reason.ONLY_THIS_DEVICE, Reason.OTHER_DEVICES, Reason.DEVICES_CONFIRMED),
                 Fix.SIGN_OUT_DEVICE),
        _listing(Step.ACTIVITY, len(facts.sign_ins), Step.ACTIVITY in confirmed,
                 (Reason.NO_EVENTS, Reason.EVENTS, Reason.EVENTS_CONFIRMED), Fix.NOT_ME),
        _listing(Step.CONNECTIONS, len(facts.connections), Step.CONNECTIONS in confirmed,
                 (Reason.NO_CONNECTIONS, Reason.CONNECTIONS, Reason.CONNECTIONS_CONFIRMED),
                 Fix.REMOVE_CONNECTION),
    )


class Change(StrEnum):
    """What the user fixed during the checkup (the summary counts them)."""

    TWO_STEP_ON = "twoStepOn"
    RECOVERY_CODE_MADE = "recoveryCodeMade"
    PASSWORD_CHANGED = "passwordChanged"  # noqa: S105
    VERIFICATION_SENT = "verificationSent"
    DEVICES_SIGNED_OUT = "devicesSignedOut"
    ACCOUNTS_UNLINKED = "accountsUnlinked"
    APPS_SIGNED_OUT = "appsSignedOut"
    REPORTED = "reported"  # "This wasn't me" was started
