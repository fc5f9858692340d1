"""The security view model: the score and a checklist from ``get_security_level`` (each open
item names the page that fixes it), and changing the password."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.identifier_checks import check_new_password
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.presenters.text_marks import QT_TRANSLATE_NOOP
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.models import SecurityLevel

STRONG_PASSWORD_LEVEL = 3  # the pool's password_security_level: 1 weak, 2 medium, 3 strong

# Where an open checklist item is fixed (page keys; the password form is on this page).
SECURITY_PAGE = "security"
CONTACTS_PAGE = "contacts"
MFA_PAGE = "mfa"


class SecurityAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "security.load"
    PASSWORD = "security.password"  # noqa: S105 - the change-password intent


@dataclass(frozen=True)
class CheckItem:
    """One line of the checklist; ``title``/``advice`` are English sources in
    ``SecurityChecklist`` context, ``target`` the page key that fixes it."""

    key: str
    done: bool
    title: str
    advice: str
    target: str


@dataclass(frozen=True)
class SecurityOverview:
    score: int
    items: tuple[CheckItem, ...]


def overview_of(level: SecurityLevel) -> SecurityOverview:
    """The score (clamped to 0-100) and the checklist for ``level``."""
    strength = level.password_security_level or 0
    items = (
        CheckItem("password", bool(level.password),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Password set"),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Set a password"), SECURITY_PAGE),
        CheckItem("strongPassword", bool(level.password) and strength >= STRONG_PASSWORD_LEVEL,
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Strong password"),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Choose a stronger password"),
                  SECURITY_PAGE),
        CheckItem("email", bool(level.email),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Email address bound"),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Bind an email address"), CONTACTS_PAGE),
        CheckItem("phone", bool(level.phone),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Phone number bound"),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Bind a phone number"), CONTACTS_PAGE),
        CheckItem("mfa", bool(level.mfa),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Multi-factor authentication"),
                  QT_TRANSLATE_NOOP("SecurityChecklist", "Set up multi-factor authentication"),
                  MFA_PAGE),
    )
    score = max(0, min(100, int(level.score or 0)))
    return SecurityOverview(score, items)


class SecurityPresenter(AccountPresenter):
    """``overview_changed`` carries a `SecurityOverview`; ``password_changed`` fires after a
    successful change (the level is reloaded then too)."""

    overview_changed = Signal(object)
    password_changed = Signal()

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.overview: SecurityOverview | None = None
        self.has_password = True

    def load(self, *, name: str = SecurityAction.LOAD) -> asyncio.Task[SecurityOverview | None]:
        """``name``: the task's (another's load of the same name cancels it)."""
        return self.start(self._load(), name=name)

    def change_password(self, old: str, new: str,
                        confirm: str) -> asyncio.Task[bool | None]:
        return self.start(self._change_password(old, new, confirm), name=SecurityAction.PASSWORD)

    async def _load(self) -> SecurityOverview:
        level = await self._session.client.get_security_level()
        overview = overview_of(level)
        self.overview = overview
        self.has_password = bool(level.password)
        self.overview_changed.emit(overview)
        return overview

    async def _change_password(self, old: str, new: str, confirm: str) -> bool:
        from authing_desktop.services.errors import UserFacingError

        errors = {("new" if k == "password" else k): v
                  for k, v in check_new_password(new, confirm).items()}
        if self.has_password and not old:
            errors["old"] = self.tr("Please enter your current password.")
        self.set_field_errors(errors)
        if errors:
            return False
        client = self._session.client
        verdict = await client.check_password_strength(new)
        if verdict.valid is False:
            self.set_field_errors({"new": verdict.message or self.tr(
                "The user pool's password policy does not accept this password.")})
            raise UserFacingError(self.tr("Choose a password the user pool accepts."))
        await client.update_password(new, old or None)
        self.password_changed.emit()
        await self._load()
        return True


# The sign-in methods the Security page lists, in this order (each has its card in
# ui/pages/security_methods.py).
PASSWORD_METHOD = "password"  # noqa: S105 - a method's key, not a secret
PASSKEY_METHOD = "passkey"
AUTHENTICATOR_METHOD = "authenticator"
CODE_METHOD = "code"
RECOVERY_METHOD = "recovery"
SIGN_IN_METHODS = (PASSWORD_METHOD, PASSKEY_METHOD, AUTHENTICATOR_METHOD, CODE_METHOD,
                   RECOVERY_METHOD)


@dataclass(frozen=True)
class MethodState:
    """One sign-in method's state: ``on`` is None while unknown; ``weak`` marks a password
    below the pool's strong level; ``phone``/``email`` say where codes go; ``count`` is how
    many passkeys there are."""

    key: str
    on: bool | None
    weak: bool = False
    phone: bool = False
    email: bool = False
    count: int = 0
    made: str = ""


def method_states(overview: SecurityOverview | None, authenticator_on: bool | None,
                  passkeys: int | None = None,
                  recovery_made: str = "") -> tuple[MethodState, ...]:
    """The state of each of `SIGN_IN_METHODS` from the security level, the authenticator's
    state (a recovery code exists exactly while the authenticator is on) and the number of
    passkeys (None while unknown); ``recovery_made`` is when the recovery code was made, in the
    user's locale ("" when unknown)."""
    done = {item.key: item.done for item in overview.items} if overview else {}
    known = overview is not None
    phone, email = done.get("phone", False), done.get("email", False)
    return (
        MethodState(PASSWORD_METHOD, done.get("password") if known else None,
                    weak=known and done.get("password", False)
                    and not done.get("strongPassword", False)),
        MethodState(PASSKEY_METHOD, None if passkeys is None else passkeys > 0,
                    count=passkeys or 0),
        MethodState(AUTHENTICATOR_METHOD, authenticator_on),
        MethodState(CODE_METHOD, (phone or email) if known else None, phone=phone, email=email),
        MethodState(RECOVERY_METHOD, authenticator_on, made=recovery_made),
    )
