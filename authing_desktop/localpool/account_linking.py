"""Linking an outside account in the browser (docs/linked-accounts.md; the v3 routes
``get-application-enabled-extidps``, ``generate-link-extidp-url`` and ``link-extidp``).

1. ``generate-link-extidp-url`` checks the user's id_token and answers a ``link-extidp`` URL
   carrying a single-use ticket instead of the token (a browser keeps URLs in its history);
2. ``link-extidp`` spends the ticket (or, as the older documented form, checks an ``id_token``)
   and sends the browser to the simulated provider with a ``state`` bound to the user and, by a
   cookie, to that browser;
3. the provider's form posts the outside account's name with the state: the state is spent, the
   identity row is made, and the result goes to ``target_url`` or to the opener page.

Tickets and states live `LINK_LIFETIME_S`, are used once and are stored as hashes. Each is a
256-bit random value, so a wrong one is not counted against any account: it names none.
Every public method is blocking (SQLite) and runs on a database worker thread.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.browser_state import redirect_allowed
from authing_desktop.localpool.codes import token_hash
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.link_sources import SOURCES, LinkSource, outside_account
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.self_service import identity_views
from authing_desktop.localpool.users import Caller, get_user

LINK_LIFETIME_S = 600.0
TICKET = "ticket"
STATE = "state"
ALREADY_BOUND = errors.LINK_NOT_SOCIAL  # 2215, "the account to bind is already bound"


@dataclass(frozen=True)
class LinkStart:
    """A state the provider page may be shown with, and the cookie that binds it to the
    browser (both secrets)."""

    state: str
    browser: str
    source: LinkSource


@dataclass(frozen=True)
class LinkResult:
    """How a link ended: ``target_url`` (None: the opener page), and the outcome."""

    target_url: str | None
    success: bool
    code: int | None
    message: str
    identities: list[dict[str, Any]]


class AccountLinking:
    """The blocking steps of linking an outside account to a signed-in user."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core
        self.db = core.db

    # ================================================================= sources
    def enabled(self) -> list[LinkSource]:
        """The sources this pool offers, in the settings' order."""
        return [SOURCES[key] for key in self.core.settings.link_sources]

    def source(self, identifier: str) -> LinkSource:
        """The enabled source ``identifier`` (404 otherwise)."""
        if identifier not in self.core.settings.link_sources:
            raise PoolError(errors.NOT_FOUND,
                            f"no identity source {identifier!r} is enabled in this user pool")
        return SOURCES[identifier]

    def check_app(self, app_id: str) -> None:
        """404 unless ``app_id`` is one of the pool's applications."""
        row = self.db.read(lambda conn: conn.execute(
            "SELECT id FROM applications WHERE id = ?", (app_id,)).fetchone())
        if row is None:
            raise PoolError(errors.NOT_FOUND, "no application with this app_id")

    def check_target(self, target_url: str | None) -> None:
        """A ``target_url`` must be a loopback http URL or a registered redirect URL."""
        if target_url is not None and not redirect_allowed(
                target_url, self.core.settings.redirect_uris):
            raise PoolError(errors.BAD_ARGUMENT, "target_url must be a loopback http URL or"
                            " one of the pool's registered redirect URLs")

    # ================================================================= steps
    def _user_of(self, id_token: str, stepup_token: str | None = None) -> sqlite3.Row:
        # Linking adds a way into the account: a sensitive change (docs/step-up.md).
        return self.core.proven(Caller(token=id_token, stepup_token=stepup_token)).user

    def _insert(self, conn: sqlite3.Connection, kind: str, user_id: str, source: str,
                app_id: str, target_url: str | None, browser: str | None) -> str:
        now = self.core.clock.now()
        conn.execute("DELETE FROM link_states WHERE expires_at <= ?", (now,))
        secret = secrets.token_urlsafe(32)
        conn.execute(
            "INSERT INTO link_states(secret_hash, kind, user_id, source, app_id, target_url,"
            " browser_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (token_hash(secret), kind, user_id, source, app_id, target_url,
             token_hash(browser) if browser else None, now, now + LINK_LIFETIME_S))
        return secret

    def _spend(self, conn: sqlite3.Connection, kind: str, secret: str,
               source: str) -> sqlite3.Row | PoolError:
        """The live row of ``secret`` (marked used), or the error to show."""
        now = self.core.clock.now()
        row: sqlite3.Row | None = conn.execute(
            "SELECT * FROM link_states WHERE secret_hash = ? AND kind = ?",
            (token_hash(secret), kind)).fetchone()
        if row is None or row["source"] != source:
            return PoolError(errors.BAD_ARGUMENT, "this link is not valid: start again")
        if row["used_at"] is not None:
            return PoolError(errors.BAD_ARGUMENT, "this link was already used: start again")
        conn.execute("UPDATE link_states SET used_at = ? WHERE secret_hash = ?",
                     (now, row["secret_hash"]))
        if row["expires_at"] <= now:
            return PoolError(errors.BAD_ARGUMENT, "this link has expired: start again")
        return row

    def ticket(self, id_token: str, source: LinkSource, app_id: str,
               target_url: str | None, stepup_token: str | None = None) -> str:
        """``generate-link-extidp-url``: a ticket for the user of ``id_token`` (a session
        that proved itself recently, or with a live ``stepup_token``)."""
        user = self._user_of(id_token, stepup_token)
        return self.db.write(lambda conn: self._insert(
            conn, TICKET, user["id"], source.identifier, app_id, target_url, None))

    def start(self, source: LinkSource, app_id: str, *, ticket: str | None = None,
              id_token: str | None = None, target_url: str | None = None) -> LinkStart:
        """``link-extidp``: spend the ticket (or check ``id_token``) and make the state."""
        browser = secrets.token_urlsafe(32)
        user_id = self._user_of(id_token)["id"] if id_token else None

        def run(conn: sqlite3.Connection) -> str | PoolError:
            nonlocal user_id, target_url
            if ticket is not None:
                row = self._spend(conn, TICKET, ticket, source.identifier)
                if isinstance(row, PoolError):
                    return row
                if row["app_id"] != app_id:
                    return PoolError(errors.BAD_ARGUMENT, "this link is not valid: start again")
                user_id, target_url = row["user_id"], row["target_url"]
            assert user_id is not None
            return self._insert(conn, STATE, user_id, source.identifier, app_id, target_url,
                                browser)

        # A spent ticket stays spent even when the step then fails.
        state = self.db.write(run)
        if isinstance(state, PoolError):
            raise state
        return LinkStart(state=state, browser=browser, source=source)

    def check_state(self, source: LinkSource, state: str, browser: str | None) -> None:
        """Whether the provider page may be shown (the state is live, this browser's)."""
        row = self.db.read(lambda conn: conn.execute(
            "SELECT * FROM link_states WHERE secret_hash = ? AND kind = ?",
            (token_hash(state), STATE)).fetchone())
        self._check_row(row, source, browser)

    def _check_row(self, row: sqlite3.Row | None, source: LinkSource,
                   browser: str | None) -> None:
        if row is None or row["source"] != source.identifier:
            raise PoolError(errors.BAD_ARGUMENT, "this link is not valid: start again")
        if row["used_at"] is not None:
            raise PoolError(errors.BAD_ARGUMENT, "this link was already used: start again")
        if row["expires_at"] <= self.core.clock.now():
            raise PoolError(errors.BAD_ARGUMENT, "this link has expired: start again")
        if not browser or row["browser_hash"] is None or \
                not secrets.compare_digest(token_hash(browser), row["browser_hash"]):
            raise PoolError(errors.NO_PERMISSION,
                            "this link was started in another browser: start again")

    def finish(self, source: LinkSource, state: str, browser: str | None,
               name: str | None) -> LinkResult:
        """The provider's answer: ``name`` signed in (None: the user cancelled). The state is
        spent whatever the outcome; the identity row is made unless another user has it."""
        def run(conn: sqlite3.Connection) -> LinkResult | PoolError:
            row = conn.execute("SELECT * FROM link_states WHERE secret_hash = ? AND kind = ?",
                               (token_hash(state), STATE)).fetchone()
            try:
                self._check_row(row, source, browser)
            except PoolError as exc:
                return exc
            assert row is not None
            conn.execute("UPDATE link_states SET used_at = ? WHERE secret_hash = ?",
                         (self.core.clock.now(), row["secret_hash"]))
            target = row["target_url"]
            if name is None:
                return LinkResult(target, False, None, "cancelled at the provider", [])
            return self._bind(conn, row["user_id"], source, name, target)

        result = self.db.write(run)
        if isinstance(result, PoolError):
            raise result
        return result

    def _bind(self, conn: sqlite3.Connection, user_id: str, source: LinkSource, name: str,
              target: str | None) -> LinkResult:
        account = outside_account(source, name, self.core.identity.app_secret)
        holder = conn.execute(
            "SELECT user_id FROM identities WHERE provider = ? AND external_id = ?",
            (source.provider, account.external_id)).fetchone()
        if holder is not None and holder["user_id"] != user_id:
            return LinkResult(target, False, ALREADY_BOUND,
                              "this account is already linked to another user", [])
        if holder is None:
            other = conn.execute(
                "SELECT 1 FROM identities WHERE user_id = ? AND provider = ?",
                (user_id, source.provider)).fetchone()
            if other is not None:
                return LinkResult(target, False, errors.LINK_PROVIDER_TAKEN,
                                  f"the account already has a {source.provider} identity", [])
            now = self.core.clock.now()
            conn.execute(
                "INSERT INTO identities(provider, external_id, user_id, connection, openid,"
                " profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (source.provider, account.external_id, user_id, source.ext_idp_id,
                 account.openid, json.dumps(account.profile), now, now))
            if source.provider == "wechat" and not get_user(conn, user_id)["unionid"]:
                conn.execute("UPDATE users SET unionid = ?, openid = ?, updated_at = ?"
                             " WHERE id = ?", (account.external_id, account.openid, now, user_id))
        return LinkResult(target, True, None, "", identity_views(conn, user_id))
