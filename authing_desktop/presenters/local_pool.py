"""The Support page's "Local pool" tab: the pool's user-pool settings in words, applying a
scenario file, creating a user in a given state (docs/scenarios.md). Only for the app's own
local pool (`LocalPoolAdmin.available`).

One message at a time: ``error`` (the base presenter's) or ``notice``, each replacing the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from authing_desktop.api.local_pool_admin import (
    AppliedScenario,
    LocalPoolAccessDenied,
    LocalPoolRouteError,
    ScenarioFileError,
    ScenarioRefused,
)
from authing_desktop.presenters.base import Presenter
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.local_pool_admin import LocalPoolAdmin
from authing_desktop.services.tasks import TaskRunner

TASK_NAME = "support.localPool"
DAY_S, HOUR_S, MINUTE_S = 86_400, 3_600, 60


@dataclass(frozen=True)
class SettingRow:
    """One setting as people read it: what it is, and its value in words."""

    key: str
    label: str
    value: str


@dataclass(frozen=True)
class UserForm:
    """What the "Create a user" card asks (the scenario file's ``users`` keys)."""

    email: str = ""
    phone: str = ""
    username: str = ""
    password: str = ""
    email_verified: bool = False
    phone_verified: bool = False
    reset_on_first_login: bool = False
    reset_on_next_login: bool = False
    blocked: bool = False
    totp_secret: str = ""

    def as_scenario_user(self) -> dict[str, Any]:
        user: dict[str, Any] = {key: value.strip() for key, value in (
            ("email", self.email), ("phone", self.phone), ("username", self.username),
            ("totpSecret", self.totp_secret)) if value.strip()}
        if self.password:
            user["password"] = self.password
        for key, flag in (("emailVerified", self.email_verified),
                          ("phoneVerified", self.phone_verified),
                          ("resetPasswordOnFirstLogin", self.reset_on_first_login),
                          ("resetPasswordOnNextLogin", self.reset_on_next_login),
                          ("blocked", self.blocked)):
            if flag:
                user[key] = True
        return user


class PolicyWording(QObject):
    """The settings in words (a class: plural forms need a class's ``tr``)."""

    def seconds(self, n: int) -> str:
        return self.tr("%n second(s)", "", n)

    def minutes(self, n: int) -> str:
        return self.tr("%n minute(s)", "", n)

    def hours(self, n: int) -> str:
        return self.tr("%n hour(s)", "", n)

    def days(self, n: int) -> str:
        return self.tr("%n day(s)", "", n)

    def duration(self, seconds: int) -> str:
        """The largest whole unit: "14 days", "5 minutes", "90 seconds"."""
        for size, say in ((DAY_S, self.days), (HOUR_S, self.hours), (MINUTE_S, self.minutes)):
            if seconds >= size and seconds % size == 0:
                return say(seconds // size)
        return self.seconds(seconds)

    def after_failures(self, limit: int, seconds: int) -> str:
        text = self.tr("After %n failure(s) within {window}", "", limit)
        return text.format(window=self.duration(seconds))

    def every_days(self, days: int) -> str:
        return self.tr("Every %n day(s)", "", days)

    def digits(self, n: int) -> str:
        return self.tr("%n digit(s)", "", n)

    def yes_no(self, value: Any) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def rows(self, policy: dict[str, Any]) -> list[SettingRow]:
        """`setting_rows`."""
        rows: list[SettingRow] = []

        def add(key: str, label: str, value: str) -> None:
            rows.append(SettingRow(key, label, value))

        off = self.tr("Off")
        if "loginRequireEmailVerified" in policy:
            add("loginRequireEmailVerified", self.tr("Email sign-in needs a verified email"),
                self.yes_no(policy["loginRequireEmailVerified"]))
        if "emailVerifiedDefault" in policy:
            add("emailVerifiedDefault", self.tr("New emails count as verified"),
                self.yes_no(policy["emailVerifiedDefault"]))
        for key, member, label in (
                ("changeEmailStrategy", "verifyOldEmail",
                 self.tr("Changing the email needs a code sent to the old one")),
                ("changePhoneStrategy", "verifyOldPhone",
                 self.tr("Changing the phone needs a code sent to the old one"))):
            if isinstance(policy.get(key), dict):
                add(key, label, self.yes_no(policy[key].get(member)))
        if "loginFailCheck" in policy:
            enabled, limit, window = _check(policy["loginFailCheck"])
            # The captcha is the strategy "captcha"; "block-account" leaves locking to
            # loginPasswordFailCheck (docs/pool-admin.md).
            captcha = enabled and policy.get("loginFailStrategy", "captcha") == "captcha"
            add("loginFailCheck", self.tr("Captcha after failed sign-ins"),
                self.after_failures(limit, window) if captcha else off)
        if "loginPasswordFailCheck" in policy:
            enabled, limit, window = _check(policy["loginPasswordFailCheck"])
            add("loginPasswordFailCheck", self.tr("Account locks after wrong passwords"),
                self.after_failures(limit, window) if enabled else off)
        if "registerDisabled" in policy:
            add("registerDisabled", self.tr("Sign-up"),
                self.tr("Closed") if policy["registerDisabled"] else self.tr("Open"))
        if "frequentRegisterCheck" in policy:
            enabled, limit, window = _check(policy["frequentRegisterCheck"])
            text = self.tr("At most {count} within {window}").format(
                count=QLocale().toString(limit), window=self.duration(window))
            add("frequentRegisterCheck", self.tr("Sign-up rate limit"),
                text if enabled else off)
        if isinstance(policy.get("tokenExpiresAfter"), int):
            add("tokenExpiresAfter", self.tr("Sign-ins last"),
                self.duration(policy["tokenExpiresAfter"]))
        if isinstance(policy.get("verifyCodeLength"), int):
            add("verifyCodeLength", self.tr("Verification codes"),
                self.digits(policy["verifyCodeLength"]))
        if isinstance(policy.get("stepUpMaxAge"), int):
            # docs/step-up.md: 0 switches the rule off.
            add("stepUpMaxAge", self.tr("Confirm it's you again after"),
                self.duration(policy["stepUpMaxAge"]) if policy["stepUpMaxAge"] else off)
        update = policy.get("passwordUpdatePolicy")
        if isinstance(update, dict):
            add("passwordUpdatePolicy", self.tr("Passwords must be changed"),
                self.every_days(int(update.get("forcedCycle") or 0)) if update.get("enabled")
                else self.tr("Never"))
        return rows


def _check(value: Any) -> tuple[bool, int, int]:
    if not isinstance(value, dict):
        return False, 0, 0
    return (bool(value.get("enabled")), int(value.get("limit") or 0),
            int(value.get("timeInterval") or 0))


def setting_rows(policy: dict[str, Any]) -> list[SettingRow]:
    """The settings the pool reports, in words, in a fixed order (unknown keys left out)."""
    return PolicyWording().rows(policy)


class LocalPoolPresenter(Presenter):
    """``settings_changed`` carries the list of `SettingRow`; ``notice_changed`` the success
    note (it and ``error`` replace each other); ``user_created`` fires after a user was
    made (the form clears)."""

    settings_changed = Signal(object)
    notice_changed = Signal(str)
    user_created = Signal()

    def __init__(self, admin: LocalPoolAdmin, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._admin = admin
        self._rows: list[SettingRow] = []
        self._policy: dict[str, Any] = {}
        self._notice = ""
        self.action = ""  # what the running call does: "load", "apply" or "create"
        self.error_changed.connect(lambda text: self.set_notice("") if text else None)

    @property
    def available(self) -> bool:
        return self._admin.available

    @property
    def rows(self) -> list[SettingRow]:
        return list(self._rows)

    @property
    def notice(self) -> str:
        return self._notice

    def set_notice(self, text: str) -> None:
        if text:
            self.clear_error()
        if text != self._notice:
            self._notice = text
            self.notice_changed.emit(text)

    def refresh(self) -> None:
        self._start("load", self._load())

    def retranslate(self) -> None:
        """The settings again in the current language (no new request)."""
        if self._policy:
            self._rows = setting_rows(self._policy)
            self.settings_changed.emit(self.rows)

    def apply_file(self, path: str) -> None:
        if not path.strip():
            self.set_error(self.tr("Choose a scenario file first."))
            return
        self._start("apply", self._apply(Path(path.strip())))

    def create_user(self, form: UserForm) -> None:
        if not (form.email.strip() or form.phone.strip() or form.username.strip()):
            self.set_error(self.tr("Enter an email, a phone number or a username for the user."))
            return
        self._start("create", self._create(form))

    def _start(self, action: str, coro: Any) -> None:
        if self.busy or self._tasks.closed or not self.available:
            coro.close()
            return
        self.action = action
        self.set_notice("")
        self.run(coro, name=TASK_NAME)

    async def _load(self) -> None:
        self._policy = await self._call(self._admin.policy())
        self._rows = setting_rows(self._policy)
        self.settings_changed.emit(self.rows)

    async def _apply(self, path: Path) -> None:
        applied: AppliedScenario = await self._call(self._admin.apply_file(path),
                                                    file=path.name)
        self.set_notice(self.tr("Applied the scenario “{name}” from {file}: {summary}").format(
            name=applied.name, file=path.name, summary=_summary(applied)))
        await self._load()

    async def _create(self, form: UserForm) -> None:
        await self._call(self._admin.create_user(form.as_scenario_user()))
        who = form.email.strip() or form.username.strip() or form.phone.strip()
        self.set_notice(self.tr("Created the user {who}.").format(who=who))
        self.user_created.emit()

    async def _call(self, coro: Any, *, file: str = "") -> Any:
        """``coro``'s result; a failure in the user's words (``file``: the scenario file)."""
        try:
            return await coro
        except ScenarioFileError as error:
            raise UserFacingError(self.tr("The scenario file cannot be used: {reason}").format(
                reason=str(error))) from error
        except ScenarioRefused as error:
            lines = "\n".join(f"• {line}" for line in error.problems)
            text = self.tr("The local pool did not accept {file}; nothing was changed. Fix the "
                           "following in the file and apply it again:\n{problems}") if file \
                else self.tr("The local pool did not accept this; nothing was changed. Fix the "
                             "following and try again:\n{problems}")
            raise UserFacingError(text.format(file=file, problems=lines)) from error
        except LocalPoolAccessDenied as error:
            raise UserFacingError(self.tr(
                "The local user pool did not let this app change it (the pool may have been "
                "restarted by another program). Restart Authing Desktop and try again.")) \
                from error
        except LocalPoolRouteError as error:
            raise UserFacingError(self.tr("The local pool could not be reached: {reason}").format(
                reason=str(error))) from error


def _summary(applied: AppliedScenario) -> str:
    words = SummaryWording()
    counts = applied.counts
    parts = [words.users(counts.get("users", 0))]
    for key, say in (("fields", words.fields), ("roles", words.roles),
                     ("departments", words.departments), ("apps", words.apps),
                     ("settings", words.settings)):
        if counts.get(key):
            parts.append(say(counts[key]))
    return words.join(parts)


class SummaryWording(QObject):
    """What a scenario made, counted (plural forms need a class's ``tr``)."""

    def users(self, n: int) -> str:
        return self.tr("%n user(s)", "", n)

    def fields(self, n: int) -> str:
        return self.tr("%n custom field(s)", "", n)

    def roles(self, n: int) -> str:
        return self.tr("%n role(s)", "", n)

    def departments(self, n: int) -> str:
        return self.tr("%n organization(s) and department(s)", "", n)

    def apps(self, n: int) -> str:
        return self.tr("%n application(s)", "", n)

    def settings(self, n: int) -> str:
        return self.tr("%n setting(s)", "", n)

    def join(self, parts: list[str]) -> str:
        """A list of counts ("1 user, 2 roles")."""
        return self.tr(", ").join(parts)
