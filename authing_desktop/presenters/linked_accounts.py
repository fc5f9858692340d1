"""The "Linked accounts" view model (docs/linked-accounts.md): the outside accounts (WeChat, an
OIDC provider, a directory) bound to this account, the sources that can still be linked,
linking one in the browser and unlinking one (refused, in the user's words, when it is the
account's only way in)."""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from authing_desktop.api.user_messages import QT_TRANSLATE_NOOP
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.account_linking import AccountLinking
from authing_desktop.services.tasks import TaskRunner

ALREADY_LINKED_ELSEWHERE = 2215
PROVIDER_TAKEN = 2213
LAST_WAY_IN = 2217
# Providers in words when the application's list does not name them.
PROVIDER_NAMES = {
    "wechat": QT_TRANSLATE_NOOP("LinkedAccounts", "WeChat"),
    "oidc": QT_TRANSLATE_NOOP("LinkedAccounts", "OpenID Connect provider"),
    "ldap": QT_TRANSLATE_NOOP("LinkedAccounts", "LDAP directory"),
    "ad": QT_TRANSLATE_NOOP("LinkedAccounts", "Active Directory"),
    "github": QT_TRANSLATE_NOOP("LinkedAccounts", "GitHub"),
}
OTHER_ACCOUNT = QT_TRANSLATE_NOOP("LinkedAccounts", "Other account")
PROVIDER_ICONS = {"wechat": "message-square", "oidc": "globe", "ldap": "building-2",
                  "ad": "building-2"}
ACCOUNT_NAME_KEYS = ("nickname", "name", "preferred_username", "username", "email")


class LinkedAccountsAction(StrEnum):
    """The intents this presenter runs (a newer one of a name cancels the older)."""

    LOAD = "linkedAccounts.load"
    LINK = "linkedAccounts.link"
    UNLINK = "linkedAccounts.unlink"


@dataclass(frozen=True)
class SourceName:
    """A provider's name in Chinese and English (from the application's list), or the
    translatable English text of `PROVIDER_NAMES`."""

    zh: str = ""
    en: str = ""
    generic: str = ""

    def text(self) -> str:
        """The name in the UI language."""
        if self.en or self.zh:
            chinese = QLocale().language() == QLocale.Language.Chinese
            return (self.zh if chinese else self.en) or self.en or self.zh
        return QCoreApplication.translate("LinkedAccounts", self.generic or OTHER_ACCOUNT)


def provider_name(provider: str) -> str:
    """A provider in words ("WeChat"), for lists that do not read the application's names."""
    return SourceName(generic=PROVIDER_NAMES.get(provider, "")).text()


@dataclass(frozen=True)
class LinkedAccountRow:
    """One linked outside account; unlinking takes ``ext_idp_id``."""

    ext_idp_id: str
    provider: str
    name: SourceName
    account: str
    linked_at: dt.datetime | None

    @property
    def icon(self) -> str:
        return PROVIDER_ICONS.get(self.provider, "link")


@dataclass(frozen=True)
class LinkableSourceRow:
    """A source that can still be linked, by ``identifier``."""

    identifier: str
    provider: str
    name: SourceName

    @property
    def icon(self) -> str:
        return PROVIDER_ICONS.get(self.provider, "link")


class LinkedAccountsPresenter(AccountPresenter):
    """``accounts_changed`` carries (linked rows, linkable rows); ``linking_changed`` the
    identifier being linked in the browser ("" when none); ``linked`` and ``unlinked`` the
    provider's name after a success."""

    accounts_changed = Signal(object, object)
    linking_changed = Signal(str)
    linked = Signal(str)
    unlinked = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner, linking: AccountLinking,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self._linking = linking
        self.rows: list[LinkedAccountRow] = []
        self.linkable: list[LinkableSourceRow] = []
        self.linking_source = ""
        self._link_task: asyncio.Task[bool | None] | None = None

    def load(self) -> asyncio.Task[int | None]:
        """Read the linked accounts and the sources; the number linked."""
        return self.start(self._load(), name=LinkedAccountsAction.LOAD)

    def link(self, identifier: str) -> asyncio.Task[bool | None]:
        """Link the source ``identifier`` in the system browser."""
        self._link_task = self.start(self._link(identifier), name=LinkedAccountsAction.LINK)
        return self._link_task

    def cancel_link(self) -> bool:
        """Stop waiting for the browser; True when a linking was running."""
        task, self._link_task = self._link_task, None
        if task is None or task.done():
            return False
        task.cancel()
        return True

    def unlink(self, ext_idp_id: str) -> asyncio.Task[bool | None]:
        """Unlink the outside account ``ext_idp_id``."""
        return self.start(self._unlink(ext_idp_id), name=LinkedAccountsAction.UNLINK)

    # ------------------------------------------------------------------ intents
    async def _load(self) -> int:
        client = self._session.client
        identities = await client.get_identities()
        sources = await client.get_application_enabled_ext_idps()
        from authing_desktop.api.self_service_models import parse_time

        names = {s.ext_idp_id: SourceName(s.name or "", s.name_en or "")
                 for s in sources if s.ext_idp_id}
        rows = []
        for identity in identities:
            provider = identity.provider or ""
            info = identity.user_info_in_idp
            account = next((str(info[key]) for key in ACCOUNT_NAME_KEYS if info.get(key)),
                           identity.user_id_in_idp or "")
            rows.append(LinkedAccountRow(
                ext_idp_id=identity.ext_idp_id or "", provider=provider,
                name=names.get(identity.ext_idp_id or "",
                               SourceName(generic=PROVIDER_NAMES.get(provider, ""))),
                account=account, linked_at=parse_time(identity.created_at)))
        taken = {row.ext_idp_id for row in rows} | {row.provider for row in rows}
        linkable = [LinkableSourceRow(s.identifier, s.ext_idp_type or "",
                                      SourceName(s.name or "", s.name_en or ""))
                    for s in sources if s.identifier and s.ext_idp_id not in taken
                    and s.ext_idp_type not in taken]
        self.rows, self.linkable = rows, linkable
        self.accounts_changed.emit(rows, linkable)
        return len(rows)

    def _set_linking(self, identifier: str) -> None:
        self.linking_source = identifier
        self.linking_changed.emit(identifier)

    async def _link(self, identifier: str) -> bool:
        from authing_desktop.services.errors import UserFacingError

        source = next((s for s in self.linkable if s.identifier == identifier), None)
        if source is None:
            raise UserFacingError(self.tr("Choose an account to link from the list first."))
        name = source.name.text()
        self._set_linking(identifier)
        try:
            outcome = await self._linking.link(self._session.client, identifier)
        finally:
            self._set_linking("")
        await self._load()
        if outcome.linked:
            self.linked.emit(name)
            return True
        if outcome.refusal == ALREADY_LINKED_ELSEWHERE:
            raise UserFacingError(self.tr(
                "That {source} account is already linked to another user. Unlink it there "
                "first, or sign in to {source} with another account.").format(source=name))
        if outcome.refusal == PROVIDER_TAKEN:
            raise UserFacingError(self.tr(
                "Your account already has a {source} account linked. Unlink it first to link "
                "another one.").format(source=name))
        raise UserFacingError(self.tr(
            "{source} was not linked. If you cancelled in the browser, you can try "
            "again.").format(source=name))

    async def _unlink(self, ext_idp_id: str) -> bool:
        from authing_desktop.api.errors import AuthingError
        from authing_desktop.services.errors import UserFacingError

        row = next((r for r in self.rows if r.ext_idp_id == ext_idp_id), None)
        if row is None:
            raise UserFacingError(self.tr("Choose a linked account in the list first."))
        try:
            await self._session.client.unlink_identity(ext_idp_id)
        except AuthingError as error:
            if error.code == LAST_WAY_IN:
                raise UserFacingError(self.tr(
                    "This is your only way to sign in. Add a password, phone or email "
                    "first.")) from error
            raise
        await self._load()
        self.unlinked.emit(row.name.text())
        return True
