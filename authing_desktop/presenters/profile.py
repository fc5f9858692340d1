"""The profile view model: every field a user may edit on themselves, grouped; dirty tracking;
Save sends only what changed; Revert; read-only facts; the avatar from ``photo``."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import zoneinfo
from collections.abc import Awaitable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.presenters import wording
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession, is_signed_in
from authing_desktop.presenters.text_marks import QT_TRANSLATE_NOOP
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.models import User

CONTEXT = "ProfileFields"
MAX_LENGTH = 2048
GENDERS = ("", "M", "F", "U")
_USERNAME = re.compile(r"^\S{1,64}$")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


class ProfileAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "profile.load"
    SAVE = "profile.save"


class ImageSource(Protocol):
    """Where avatars come from (`services.avatar_cache.AvatarCache`)."""

    def get(self, url: str | None) -> Awaitable[bytes | None]: ...


@dataclass(frozen=True)
class FieldGroup:
    key: str
    title: str  # English source text in CONTEXT


@dataclass(frozen=True)
class ProfileField:
    """One editable profile field: its UpdateUserInput name, the `User` attribute, group,
    label (English source in CONTEXT) and editor kind (text, gender, date, url, locale, zone)."""

    key: str
    attr: str
    group: str
    label: str
    kind: str = "text"


GROUPS = (
    FieldGroup("basic", QT_TRANSLATE_NOOP("ProfileFields", "Personal details")),
    FieldGroup("names", QT_TRANSLATE_NOOP("ProfileFields", "Names")),
    FieldGroup("address", QT_TRANSLATE_NOOP("ProfileFields", "Contact and address")),
    FieldGroup("locale", QT_TRANSLATE_NOOP("ProfileFields", "Language and region")),
    FieldGroup("device", QT_TRANSLATE_NOOP("ProfileFields", "Device")),
)
# The fields most people fill in (shown first); the other groups are "More details". The photo
# is changed from the header, next to the picture it shows.
COMMON_GROUP = "basic"
PHOTO = "photo"

# UpdateUserInput minus email/phone/password (their own verified flows) and the fields the pool
# manages itself (logins, last IP, blocked, verification flags, ids from other systems).
FIELDS = (
    ProfileField("nickname", "nickname", "basic", QT_TRANSLATE_NOOP("ProfileFields", "Nickname")),
    ProfileField("name", "name", "basic", QT_TRANSLATE_NOOP("ProfileFields", "Full name")),
    ProfileField("username", "username", "basic", QT_TRANSLATE_NOOP("ProfileFields", "Username")),
    ProfileField("gender", "gender", "basic",
                 QT_TRANSLATE_NOOP("ProfileFields", "Gender"), "gender"),
    ProfileField("birthdate", "birthdate", "basic",
                 QT_TRANSLATE_NOOP("ProfileFields", "Birth date"), "date"),
    ProfileField("company", "company", "basic", QT_TRANSLATE_NOOP("ProfileFields", "Company")),
    ProfileField("website", "website", "basic",
                 QT_TRANSLATE_NOOP("ProfileFields", "Website"), "url"),
    ProfileField("profile", "profile", "basic",
                 QT_TRANSLATE_NOOP("ProfileFields", "Profile page"), "url"),
    ProfileField("photo", "photo", "basic",
                 QT_TRANSLATE_NOOP("ProfileFields", "Photo URL"), "url"),
    ProfileField("preferredUsername", "preferred_username", "names",
                 QT_TRANSLATE_NOOP("ProfileFields", "Preferred username")),
    ProfileField("givenName", "given_name", "names",
                 QT_TRANSLATE_NOOP("ProfileFields", "Given name")),
    ProfileField("middleName", "middle_name", "names",
                 QT_TRANSLATE_NOOP("ProfileFields", "Middle name")),
    ProfileField("familyName", "family_name", "names",
                 QT_TRANSLATE_NOOP("ProfileFields", "Family name")),
    ProfileField("address", "address", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Address")),
    ProfileField("formatted", "formatted", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Formatted address")),
    ProfileField("streetAddress", "street_address", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Street")),
    ProfileField("locality", "locality", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Locality")),
    ProfileField("city", "city", "address", QT_TRANSLATE_NOOP("ProfileFields", "City")),
    ProfileField("province", "province", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Province")),
    ProfileField("region", "region", "address", QT_TRANSLATE_NOOP("ProfileFields", "Region")),
    ProfileField("postalCode", "postal_code", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Postal code")),
    ProfileField("country", "country", "address", QT_TRANSLATE_NOOP("ProfileFields", "Country")),
    ProfileField("phoneCountryCode", "phone_country_code", "address",
                 QT_TRANSLATE_NOOP("ProfileFields", "Phone country code")),
    ProfileField("locale", "locale", "locale",
                 QT_TRANSLATE_NOOP("ProfileFields", "Locale"), "locale"),
    ProfileField("zoneinfo", "zoneinfo", "locale",
                 QT_TRANSLATE_NOOP("ProfileFields", "Time zone"), "zone"),
    ProfileField("browser", "browser", "device", QT_TRANSLATE_NOOP("ProfileFields", "Browser")),
    ProfileField("device", "device", "device", QT_TRANSLATE_NOOP("ProfileFields", "Device")),
)
FIELDS_BY_KEY = {field.key: field for field in FIELDS}


@dataclass(frozen=True)
class ProfileFacts:
    """What the user sees but cannot change (times as the server sent them)."""

    user_id: str = ""
    created_at: str = ""
    last_login: str = ""
    logins_count: int | None = None
    register_source: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    email_verified: bool = False
    phone_verified: bool = False
    display_name: str = ""
    account: str = ""


def fact_texts(facts: ProfileFacts, clock: wording.Clock | None = None) -> dict[str, str]:
    """The read-only facts in words, by widget key: local or relative times, the count with the
    locale's digits, the sign-up source in words ("" where there is nothing to say)."""
    now = clock or (lambda: dt.datetime.now(dt.UTC))
    sources = dict.fromkeys(wording.sign_up_source(s) for s in facts.register_source if s)
    return {
        "userId": facts.user_id,
        "createdAt": wording.local_date_time(wording.moment(facts.created_at)),
        "lastLogin": wording.when(wording.moment(facts.last_login), now),
        "loginsCount": "" if facts.logins_count is None else wording.count(facts.logins_count),
        "registerSource": ", ".join(text for text in sources if text),
    }


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _invalid(field: ProfileField, reason: str, **values: Any) -> UserFacingError:
    """An input error naming the field; ``reason`` is an English source text in CONTEXT."""
    text = _tr(QT_TRANSLATE_NOOP("ProfileFields", "{field}: {reason}"))
    return UserFacingError(text.format(field=_tr(field.label),
                                       reason=_tr(reason).format(**values)))


def check_value(field: ProfileField, text: str) -> str | None:
    """The value to send for ``text`` (None clears the field), or a `UserFacingError`."""
    value = text.strip()
    if field.key == "username":
        if not _USERNAME.match(value):
            raise _invalid(field, QT_TRANSLATE_NOOP(
                "ProfileFields", "1 to 64 characters without spaces."))
        return value
    if not value:
        return None
    if len(value) > MAX_LENGTH:
        raise _invalid(field, QT_TRANSLATE_NOOP(
            "ProfileFields", "at most {count} characters."), count=MAX_LENGTH)
    if field.kind == "gender" and value not in GENDERS:
        raise _invalid(field, QT_TRANSLATE_NOOP(
            "ProfileFields", "choose one of the listed values."))
    if field.kind == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise _invalid(field, QT_TRANSLATE_NOOP(
                "ProfileFields", "use the form YYYY-MM-DD.")) from None
    if field.kind == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _invalid(field, QT_TRANSLATE_NOOP(
                "ProfileFields", "enter a web address starting with http:// or https://."))
    if field.kind == "locale" and not _LOCALE.match(value):
        raise _invalid(field, QT_TRANSLATE_NOOP(
            "ProfileFields", "use a language tag such as zh-CN or en-US."))
    if field.kind == "zone":
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise _invalid(field, QT_TRANSLATE_NOOP(
                "ProfileFields", "use a time zone name such as Asia/Shanghai.")) from None
    return value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class ProfilePresenter(AccountPresenter):
    """Profile editing. ``values`` are what the editors show; `changes` what Save would send;
    `fact_texts` puts ``facts`` in words."""

    values_reset = Signal()  # values replaced (load, revert, save): views refill their editors
    dirty_changed = Signal(bool)
    facts_changed = Signal(object)  # ProfileFacts
    saved = Signal(list)  # keys that were saved
    avatar_changed = Signal(object)  # image bytes, or None for the placeholder

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 avatars: ImageSource | None = None, parent: QObject | None = None, *,
                 clock: wording.Clock | None = None) -> None:
        super().__init__(session, tasks, parent)
        self._avatars = avatars
        self.clock = clock  # for relative times ("5 minutes ago"); None: the real time
        self.original: dict[str, str] = {field.key: "" for field in FIELDS}
        self.values: dict[str, str] = dict(self.original)
        self.facts = ProfileFacts()
        self.loaded = False
        self._avatar_url: str | None = None
        session.user_changed.connect(self._user_changed)

    # ------------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        return self.values != self.original

    def dirty_keys(self) -> list[str]:
        return [field.key for field in FIELDS
                if self.values[field.key].strip() != self.original[field.key].strip()]

    def changes(self) -> dict[str, str | None]:
        """The validated changed fields, as update_profile wants them."""
        return {key: check_value(FIELDS_BY_KEY[key], self.values[key])
                for key in self.dirty_keys()}

    def fact_texts(self) -> dict[str, str]:
        return fact_texts(self.facts, self.clock)

    def set_value(self, key: str, text: str) -> None:
        if key not in FIELDS_BY_KEY:
            raise KeyError(key)
        was = self.dirty
        self.values[key] = text
        if self.dirty != was:
            self.dirty_changed.emit(self.dirty)

    def revert(self) -> None:
        was = self.dirty
        self.values = dict(self.original)
        self.clear_error()
        self.set_detail("")
        self.values_reset.emit()
        if was:
            self.dirty_changed.emit(False)

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[None]:
        """Fetch the current user (``users/me``) and show it; edits are dropped."""
        return self.start(self._load(), name=ProfileAction.LOAD)

    def save(self) -> asyncio.Task[list[str] | None]:
        """Send only the changed fields, then show what the pool stored."""
        return self.start(self._save(), name=ProfileAction.SAVE)

    async def _load(self) -> None:
        user = await self._session.refresh_user()
        self._adopt(user, keep_edits=False)

    async def _save(self) -> list[str]:
        changes = self.changes()
        if not changes:
            return []
        user = await self._session.client.update_profile(changes)
        self._session.update_user(user)
        self._adopt(user, keep_edits=False)
        keys = sorted(changes)
        self.saved.emit(keys)
        return keys

    # -------------------------------------------------------------- internals

    def _user_changed(self, user: User | None) -> None:
        if user is None or not is_signed_in(self._session):
            return
        # Someone else refreshed the user (sign-in, another page): keep unsaved edits.
        self._adopt(user, keep_edits=self.dirty)

    def _adopt(self, user: User, *, keep_edits: bool) -> None:
        was = self.dirty
        self.original = {field.key: _text(getattr(user, field.attr)) for field in FIELDS}
        if not keep_edits:
            self.values = dict(self.original)
            self.values_reset.emit()
        self.loaded = True
        self.facts = ProfileFacts(
            user_id=user.id, created_at=_text(user.created_at or user.signed_up),
            last_login=_text(user.last_login), logins_count=user.logins_count,
            register_source=tuple(user.register_source or ()),
            email=_text(user.email), phone=_text(user.phone),
            email_verified=bool(user.email and user.email_verified),
            phone_verified=bool(user.phone and user.phone_verified),
            display_name=_text(user.nickname or user.name or user.username or user.email
                               or user.phone),
            account=_text(user.email or user.phone or user.username))
        self.facts_changed.emit(self.facts)
        if self.dirty != was:
            self.dirty_changed.emit(self.dirty)
        self._show_avatar(user.photo)

    def _show_avatar(self, url: str | None) -> None:
        if url == self._avatar_url:
            return
        self._avatar_url = url
        if self._avatars is None or not url:
            self.avatar_changed.emit(None)
            return
        # Not through run(): an unreachable avatar is no error of the page.
        self._tasks.start(self._fetch_avatar(url), name=f"profile.avatar.{id(self)}")

    async def _fetch_avatar(self, url: str) -> None:
        assert self._avatars is not None
        data = await self._avatars.get(url)
        if url == self._avatar_url:
            self.avatar_changed.emit(data)
