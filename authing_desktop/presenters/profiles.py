"""Connection profiles and accounts: add, edit, remove, switch.

Each profile's tokens live in their own keychain entries (service ``authing-desktop:<id>``, one
per remembered account). Removing a profile signs it out and deletes those entries; switching
profile ends the session of the old one locally (its remembered sign-in stays for later) and
restores the new one's most recent account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.presenters.base import Presenter
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.session import Session, SessionState
from authing_desktop.services.settings import (
    PoolProfile,
    Settings,
    SettingsError,
    SettingsStore,
)
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.token_store import TokenStore

LOCAL, REMOTE = "local", "remote"
_ID_OK = re.compile(r"[A-Za-z0-9_-]{1,64}")


class ProfilesAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    REMOVE = "support.profiles.remove"
    SELECT = "support.profiles.select"
    ACCOUNT = "support.profiles.account"


@dataclass(frozen=True)
class ProfileForm:
    """What the profile editor holds."""

    name: str
    kind: str = REMOTE
    app_host: str = ""
    app_id: str = ""
    user_pool_id: str = ""
    public_key: str = ""

    @classmethod
    def of(cls, profile: PoolProfile) -> ProfileForm:
        return cls(name=profile.name, kind=profile.kind, app_host=profile.app_host,
                   app_id=profile.app_id, user_pool_id=profile.user_pool_id,
                   public_key=profile.public_key)


def new_profile_id(name: str, taken: set[str]) -> str:
    """A settings-valid id derived from ``name`` (``my-pool-3f2a``), unique among ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:30] or "profile"
    while True:
        import secrets  # here: it loads OpenSSL (hashlib), which start-up does not need

        candidate = f"{slug}-{secrets.token_hex(2)}"
        if candidate not in taken:
            return candidate


def check_form(form: ProfileForm, settings: Settings,
               editing_id: str | None) -> tuple[PoolProfile | None, dict[str, str]]:
    """The profile the form describes, or the errors per field (``name``, ``kind``,
    ``appHost``, ``appId``, ``userPoolId``, ``publicKey``)."""
    errors: dict[str, str] = {}
    name = form.name.strip()
    if not name or len(name) > 80:
        errors["name"] = QCoreApplication.translate(
            "Profiles", "Enter a name of at most 80 characters.")
    if form.kind not in (LOCAL, REMOTE):
        errors["kind"] = QCoreApplication.translate(
            "Profiles", "Choose the local pool or a remote pool.")
    others_local = [p for p in settings.profiles if p.is_local and p.id != editing_id]
    if form.kind == LOCAL and others_local:
        errors["kind"] = QCoreApplication.translate(
            "Profiles", "There is already a local pool profile.")
    if form.kind == REMOTE:
        host = form.app_host.strip()
        parts = urlsplit(host)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            errors["appHost"] = QCoreApplication.translate(
                "Profiles", "Enter the app's address, e.g. https://example.authing.cn.")
        for key, value in (("appId", form.app_id), ("userPoolId", form.user_pool_id)):
            if value.strip() and not _ID_OK.fullmatch(value.strip()):
                errors[key] = QCoreApplication.translate(
                    "Profiles", "Use letters, digits, '_' or '-' only (at most 64).")
        if not form.app_id.strip() and not form.user_pool_id.strip():
            errors.setdefault("appId", QCoreApplication.translate(
                "Profiles", "Enter the app id or the user pool id (or both)."))
        key = form.public_key.strip()
        if key and not (key.startswith("-----BEGIN PUBLIC KEY-----")
                        and key.endswith("-----END PUBLIC KEY-----")):
            errors["publicKey"] = QCoreApplication.translate(
                "Profiles", "Paste a PEM public key (BEGIN PUBLIC KEY … END).")
    if errors:
        return None, errors
    taken = {p.id for p in settings.profiles}
    profile_id = editing_id or new_profile_id(name, taken)
    try:
        if form.kind == LOCAL:
            return PoolProfile(id=profile_id, name=name, kind="local"), {}
        return PoolProfile(id=profile_id, name=name, kind="remote",
                           app_host=form.app_host.strip(), app_id=form.app_id.strip(),
                           user_pool_id=form.user_pool_id.strip(),
                           public_key=form.public_key.strip()), {}
    except SettingsError as error:
        # The settings' own rules (e.g. http only for localhost) name the field in English.
        field = "appHost" if "app_host" in str(error) else "name"
        return None, {field: str(error).split(": ", 1)[-1]}


class ProfilesPresenter(Presenter):
    """``profiles_changed`` carries the `Settings` whenever profiles, selection or remembered
    accounts change; ``field_errors_changed`` the editor's errors."""

    profiles_changed = Signal(object)
    field_errors_changed = Signal(object)

    def __init__(self, settings: SettingsStore, session: Session, token_store: TokenStore,
                 tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._settings = settings
        self._session = session
        self._token_store = token_store
        settings.changed.connect(self.profiles_changed)

    @property
    def settings(self) -> Settings:
        return self._settings.current

    @property
    def profiles(self) -> tuple[PoolProfile, ...]:
        return self._settings.current.profiles

    @property
    def selected_id(self) -> str:
        return self._settings.current.selected_profile_id

    def accounts(self, profile_id: str) -> tuple[str, ...]:
        return tuple(self._settings.current.remembered_accounts.get(profile_id, ()))

    def display_name(self, profile: PoolProfile) -> str:
        return QCoreApplication.translate(
            "Profiles", "Local pool") if profile.is_local and profile.name == "Local pool" \
            else profile.name

    # ------------------------------------------------------------ intents

    def validate(self, form: ProfileForm, editing_id: str | None = None) -> PoolProfile | None:
        profile, errors = check_form(form, self._settings.current, editing_id)
        self.field_errors_changed.emit(errors)
        return profile

    async def save_profile(self, form: ProfileForm,
                           editing_id: str | None = None) -> PoolProfile | None:
        """Add (``editing_id`` None) or replace a profile; None with field errors."""
        profile = self.validate(form, editing_id)
        if profile is None:
            return None
        await self._save(self._settings.current.with_profile(profile))
        return profile

    def remove(self, profile_id: str) -> None:
        self.run(self._remove(profile_id), name=ProfilesAction.REMOVE)

    def select(self, profile_id: str) -> None:
        if profile_id != self.selected_id:
            self.run(self.switch_profile(profile_id), name=ProfilesAction.SELECT)

    def select_account(self, account: str) -> None:
        self.run(self.switch_account(account), name=ProfilesAction.ACCOUNT)

    async def switch_profile(self, profile_id: str) -> None:
        """Make ``profile_id`` active and sign in with its remembered account, if any."""
        if self._settings.current.profile(profile_id) is None:
            raise UserFacingError(QCoreApplication.translate(
                "Profiles", "That connection profile does not exist any more."))
        await self._save(self._settings.current.with_selected(profile_id))
        if self.accounts(profile_id):
            await self._session.restore()

    async def switch_account(self, account: str) -> None:
        """Sign in as another remembered account of the active profile (its saved sign-in)."""
        if account not in self.accounts(self.selected_id):
            raise UserFacingError(QCoreApplication.translate(
                "Profiles", "That account is not remembered for this profile."))
        if self._session.state == SessionState.SIGNED_IN and self._session.account == account:
            return
        await self._session.switch_account(account)

    async def _remove(self, profile_id: str) -> None:
        settings = self._settings.current
        if settings.profile(profile_id) is None:
            return
        if len(settings.profiles) == 1:
            raise UserFacingError(QCoreApplication.translate(
                "Profiles", "The last connection profile cannot be removed."))
        if (profile_id == settings.selected_profile_id
                and self._session.state == SessionState.SIGNED_IN):
            await self._session.sign_out()
        for account in self.accounts(profile_id):
            await self._token_store.delete(profile_id, account)
        await self._save(self._settings.current.without_profile(profile_id))

    async def _save(self, settings: Settings) -> None:
        try:
            await self._settings.save(settings)
        except OSError as error:
            text = QCoreApplication.translate(
                "Profiles", "The settings could not be saved: {reason}")
            raise UserFacingError(text.format(
                reason=error.strerror or type(error).__name__)) from error
