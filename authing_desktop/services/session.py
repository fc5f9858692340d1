"""The signed-in state of the active connection, and the only owner of its token.

- `adopt` after any ``login_*`` (or a register that signed in): the user becomes the session;
  with *remember* the token goes to the keychain (`TokenStore`, one entry per profile and
  account) and the account heads the profile's remembered-accounts list (names only).
- `restore` at start: the most recent remembered account's keychain token, checked with
  ``check_login_status``; signed in, or `expired` with a short reason.
- While signed in, a task refreshes the token shortly before it expires.
- A browser sign-in granted offline access also brings an OIDC refresh token: it is kept
  beside the login token (`StoredSignIn`, the same keychain entry) and renews the session,
  ahead of expiry and once the login token has expired, before the user is asked to sign in
  again (docs/protocol.md, "Refresh and restore").
- `sign_out`: logout on the server (failures tolerated), keychain entry deleted, signed out.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.api.error_codes import ErrorCode, ErrorGroup, in_group
from authing_desktop.services.connection import Connection
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.session_renewal import SessionRenewal, use_token
from authing_desktop.services.settings import SettingsStore
from authing_desktop.services.step_up import SessionStepUp
from authing_desktop.services.stored_sign_in import StoredSignIn
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.token_store import TokenStore

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import User

log = logging.getLogger("authing_desktop.session")



class SessionState(StrEnum):
    """What `Session.state` is (and ``state_changed`` carries)."""

    SIGNED_OUT = "signed_out"
    RESTORING = "restoring"
    SIGNED_IN = "signed_in"


REFRESH_TASK = "session.refresh"
# Refresh this long before expiry (at most), or a fifth of the token's lifetime when shorter.
REFRESH_MARGIN_S = 600.0
MIN_REFRESH_DELAY_S = 1.0
RETRY_REFRESH_S = 60.0

Clock = Callable[[], float]


class Session(QObject):
    """Signed-in state for the active connection; the only owner of the token (keychain via
    TokenStore). ``state_changed`` carries ``"signed_out" | "restoring" | "signed_in"``,
    ``user_changed`` the `User` or None, ``expired`` the reason to show on the sign-in page."""

    state_changed = Signal(str)
    user_changed = Signal(object)
    expired = Signal(str)

    def __init__(
        self,
        connection: Connection,
        token_store: TokenStore,
        settings: SettingsStore,
        tasks: TaskRunner,
        *,
        clock: Clock = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._token_store = token_store
        self._settings = settings
        self._tasks = tasks
        self._clock = clock
        self._state: SessionState = SessionState.SIGNED_OUT
        self._user: User | None = None
        self._account = ""
        self._remember = False
        self._renewal = SessionRenewal()  # the refresh token, in the keychain when remembered
        # Answers 1650 refusals through the UI's asker (docs/step-up.md).
        self.step_up = SessionStepUp(clock)
        self.step_up.install(connection.client, remote=not connection.is_local_pool)
        connection.ready_changed.connect(self._connection_ready_changed)

    # ------------------------------------------------------------------ state

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def user(self) -> User | None:
        return self._user

    @property
    def account(self) -> str:
        """The account name the user signed in with ("" when signed out)."""
        return self._account

    @property
    def remembered(self) -> bool:
        """True when this sign-in is kept in the keychain."""
        return self._remember

    @property
    def connection(self) -> Connection:
        return self._connection

    @property
    def tasks(self) -> TaskRunner:
        """The app's task runner (what presenters of the session run their intents on)."""
        return self._tasks

    @property
    def client(self) -> AuthenticationClient:
        """The connection's client; a `UserFacingError` while there is none yet."""
        client = self._connection.client
        if client is None:
            raise UserFacingError(QCoreApplication.translate(
                "Session", "Not connected to the user pool yet. Please try again."))
        return client

    def remembered_accounts(self) -> tuple[str, ...]:
        """Accounts used with the active profile, most recent first (names only)."""
        accounts = self._settings.current.remembered_accounts
        return tuple(accounts.get(self._connection.profile_id, ()))

    # ---------------------------------------------------------------- intents

    async def adopt(self, user: User, *, remember: bool, account: str,
                    refresh_token: str | None = None) -> None:
        """Make ``user`` (from any ``login_*``) the session. With ``remember`` its token (and
        the browser sign-in's ``refresh_token``) go to the keychain; without, an older
        keychain entry of the account is removed."""
        if not user.token:
            raise ValueError("only a signed-in user (with a token) can be adopted")
        account = account.strip()
        if not account:
            raise ValueError("an account name is needed")
        client = self.client
        client.set_current_user(user)
        self._account = account
        self._remember = remember
        self._renewal.refresh_token = refresh_token
        profile_id = self._connection.profile_id
        # "Remember me" keeps the account in the Recent list and its token in the keychain;
        # without it, neither stays (also not from an earlier remembered sign-in).
        if remember:
            await self._token_store.set(profile_id, account,
                                        StoredSignIn(user.token, refresh_token).encode())
            await self._remember_account(account)
        else:
            await self._token_store.delete(profile_id, account)
            await self._forget_account(account)
        self._set_user(user)
        self.step_up.proved()
        self._set_state(SessionState.SIGNED_IN)
        self._schedule_refresh()

    async def confirm_it_is_you(self, action: str) -> bool:
        """Before a sensitive step the pool cannot refuse (the data export): True when the
        last proof is recent or the user just gave one, False when they cancelled. A remote
        profile is asked for its password (docs/step-up.md)."""
        return await self.step_up.confirm(action)

    async def prove_with_password(self, password: str) -> None:
        """The password the user just typed for a sensitive change is the step-up proof for
        it (one question, not two; the pool's clock, not ours, says whether the last proof is
        still recent, so it is always given)."""
        await self.step_up.prove_with_password(self.account, password)

    def update_user(self, user: User) -> None:
        """Announce the user as a change just returned it (no second round trip)."""
        if self._state == SessionState.SIGNED_IN:
            self._set_user(user)

    async def refresh_user(self) -> User:
        """Fetch the signed-in user again (``get_current_user``) and announce it."""
        user = await self.client.get_current_user()
        self._set_user(user)
        return user

    async def restore(self) -> bool:
        """At start: sign in with the most recent remembered account's keychain token, if it
        is still valid. Otherwise stay signed out; ``expired`` says why when a token existed."""
        accounts = self.remembered_accounts()
        if self._state != SessionState.SIGNED_OUT or not accounts:
            return self._state == SessionState.SIGNED_IN
        account = accounts[0]
        profile_id = self._connection.profile_id
        self._set_state(SessionState.RESTORING)
        try:
            stored = StoredSignIn.decode(await self._token_store.get(profile_id, account))
            if stored is None:
                self._set_state(SessionState.SIGNED_OUT)
                return False
            return await self._check_restored(account, stored)
        finally:
            if self.state == SessionState.RESTORING:  # changed meanwhile (mypy: the property)
                self._set_state(SessionState.SIGNED_OUT)

    async def switch_account(self, account: str) -> bool:
        """Sign in as another remembered account of this profile with its keychain token.
        The current sign-in ends here only: its token stays on the server and in the
        keychain, so switching back needs no password."""
        self._tasks.cancel(REFRESH_TASK)
        client = self._connection.client
        if client is not None:
            client.clear_current_user()
        self._account = ""
        self._signed_out()
        await self._remember_account(account)  # first in the list: the one restore() takes
        return await self.restore()

    async def sign_out(self) -> None:
        """Log out on the server (errors tolerated), delete the keychain entry, signed out."""
        from authing_desktop.api.errors import ApiError

        self._tasks.cancel(REFRESH_TASK)
        client = self._connection.client
        account, self._account = self._account, ""
        refresh_token, self._renewal.refresh_token = self._renewal.refresh_token, None
        if client is not None:
            try:
                await client.logout()
            except ApiError as error:
                # The token dies with its lifetime anyway; the local sign-out must happen.
                log.warning("server logout failed (%s)", type(error).__name__)
            if refresh_token:
                # Revoked on its own too: the logout may have failed (an expired login
                # token), and a server may keep refresh tokens past a logout (RFC 7009).
                try:
                    await client.revoke_token(refresh_token)
                except ApiError as error:
                    log.warning("refresh token revocation failed (%s)", type(error).__name__)
        if account:
            await self._token_store.delete(self._connection.profile_id, account)
            await self._forget_account(account)  # signing out is "do not remember me"
        self._signed_out()

    async def expire(self, reason: str) -> None:
        """The token turned out to be dead (e.g. a 2020 from an account page): renewed
        through the refresh token when there is one and the server still honours it, else
        forgotten, with ``reason`` shown on the sign-in page."""
        if self._renewal.refresh_token and await self._renewed_in_place():
            return
        self._tasks.cancel(REFRESH_TASK)
        account, self._account = self._account, ""
        client = self._connection.client
        if client is not None:
            client.clear_current_user()
        if account:
            await self._token_store.delete(self._connection.profile_id, account)
        self._signed_out()
        self.expired.emit(reason)

    # -------------------------------------------------------------- internals

    async def _check_restored(self, account: str, stored: StoredSignIn) -> bool:
        from authing_desktop.api.errors import ApiError, AuthingError

        token = stored.token
        self._renewal.refresh_token = stored.refresh_token
        try:
            client = await self._connection.wait_ready()
            status = await client.check_login_status(token)
            if not status.logged_in:
                code = status.code if status.code is not None else ErrorCode.TOKEN_INVALID
                if code != ErrorCode.TOKEN_EXPIRED or not self._renewal.refresh_token:
                    raise AuthingError(code, status.message or "")
                token = await self._renewal.renew(client)
                await self._token_store.set(self._connection.profile_id, account,
                                            self._secret(token))
            client.set_token(token)
            user = await client.get_current_user()
        except AuthingError as error:
            self._renewal.refresh_token = None
            await self._token_store.delete(self._connection.profile_id, account)
            self._set_state(SessionState.SIGNED_OUT)
            self.expired.emit(_dead_token_text(error))
            return False
        except (ApiError, UserFacingError) as error:
            # Offline or the pool is not up: keep the token for next time.
            self._renewal.refresh_token = None
            self._set_state(SessionState.SIGNED_OUT)
            text = QCoreApplication.translate(
                "Session", "Your saved sign-in could not be checked: {reason}")
            self.expired.emit(text.format(reason=_error_text(error)))
            return False
        self._account = account
        self._remember = True
        await self._remember_account(account)
        self._set_user(user)
        times = token_times(token)
        self.step_up.proved(times[0] if times and times[0] else None)
        self._set_state(SessionState.SIGNED_IN)
        self._schedule_refresh()
        return True

    async def _remember_account(self, account: str) -> None:
        settings = self._settings.current
        profile_id = self._connection.profile_id
        if settings.remembered_accounts.get(profile_id, ())[:1] == (account,):
            return
        try:
            await self._settings.save(settings.with_remembered_account(profile_id, account))
        except OSError as error:  # not worth failing a sign-in over
            log.warning("could not save the remembered account (%s)", type(error).__name__)

    async def _forget_account(self, account: str) -> None:
        settings = self._settings.current
        profile_id = self._connection.profile_id
        if account not in settings.remembered_accounts.get(profile_id, ()):
            return
        try:
            await self._settings.save(settings.without_remembered_account(profile_id, account))
        except OSError as error:  # not worth failing a sign-in or sign-out over
            log.warning("could not forget the remembered account (%s)", type(error).__name__)

    def _schedule_refresh(self) -> None:
        if not self._tasks.closed:
            self._tasks.start(self._keep_fresh(), name=REFRESH_TASK)

    async def _keep_fresh(self) -> None:
        """Refresh the token shortly before it expires, for as long as signed in."""
        from authing_desktop.api.errors import ApiError, AuthingError

        while self._state == SessionState.SIGNED_IN:
            client = self._connection.client
            token = client.token if client is not None else None
            if client is None or not token:
                return
            times = token_times(token)
            if times is None:
                return  # not a JWT: nothing to schedule by
            issued, expires = times
            lifetime = expires - issued if issued else REFRESH_MARGIN_S * 5
            margin = min(REFRESH_MARGIN_S, max(MIN_REFRESH_DELAY_S, lifetime / 5))
            await asyncio.sleep(max(MIN_REFRESH_DELAY_S, expires - margin - self._clock()))
            if self._state != SessionState.SIGNED_IN or client is not self._connection.client:
                return
            try:
                token = await self._next_token(client)
            except AuthingError as error:
                if in_group(error.code, ErrorGroup.SESSION_ENDED):
                    await self.expire(_dead_token_text(error))
                    return
                log.warning("token refresh refused (%s)", error.code)
                await asyncio.sleep(RETRY_REFRESH_S)
                continue
            except ApiError as error:
                log.warning("token refresh failed (%s)", type(error).__name__)
                await asyncio.sleep(RETRY_REFRESH_S)
                continue
            log.debug("token refreshed")
            self.step_up.renewed()
            await self._keep_in_keychain(token)

    def _connection_ready_changed(self, ready: bool) -> None:
        self.step_up.install(self._connection.client if ready else None,
                             remote=not self._connection.is_local_pool)
        # A new profile (or a closed connection) ends the session locally.
        if not ready and self._state != SessionState.SIGNED_OUT:
            self._tasks.cancel(REFRESH_TASK)
            self._account = ""
            self._signed_out()

    async def _next_token(self, client: AuthenticationClient) -> str:
        """The session's next login token: through the refresh token when there is one (a
        refused one is dropped, and the login token refreshes itself), else `refresh_token`."""
        from authing_desktop.api.errors import AuthingError

        if self._renewal.refresh_token:
            try:
                token = await self._renewal.renew(client, stale=client.token)
            except AuthingError:
                log.info("refresh token refused: refreshing the login token instead")
            else:
                use_token(client, token)
                return token
        result = await client.refresh_token()
        return result.token or ""

    async def _renewed_in_place(self) -> bool:
        """Renew the signed-in session now (for `expire`); whether that worked."""
        from authing_desktop.api.errors import ApiError

        client = self._connection.client
        if client is None or self._renewal.refresh_token is None:
            return False
        try:
            token = await self._renewal.renew(client, stale=client.token)
        except ApiError as error:
            log.info("session renewal failed (%s)", type(error).__name__)
            return False
        use_token(client, token)
        self.step_up.renewed()
        await self._keep_in_keychain(token)
        return True

    def _secret(self, token: str) -> str:
        """The keychain entry of ``token`` and the refresh token that renews it."""
        return StoredSignIn(token, self._renewal.refresh_token).encode()

    async def _keep_in_keychain(self, token: str) -> None:
        if self._remember and self._account and token:
            await self._token_store.set(self._connection.profile_id, self._account,
                                        self._secret(token))

    def _signed_out(self) -> None:
        self.step_up.ended()
        self._remember = False
        self._renewal.refresh_token = None
        self._set_user(None)
        self._set_state(SessionState.SIGNED_OUT)

    def _set_user(self, user: User | None) -> None:
        self._user = user
        self.user_changed.emit(user)

    def _set_state(self, state: SessionState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)


def token_times(token: str) -> tuple[float, float] | None:
    """``(iat, exp)`` of a JWT (``iat`` 0 when absent), read without verification: only used to
    schedule the refresh. None when the token is not a JWT with an ``exp``."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims: Any = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        return None
    if not isinstance(claims, dict):
        return None
    exp, iat = claims.get("exp"), claims.get("iat", 0)
    if not isinstance(exp, int | float) or not isinstance(iat, int | float):
        return None
    return float(iat), float(exp)


def _dead_token_text(error: BaseException) -> str:
    from authing_desktop.api.errors import AuthingError

    if isinstance(error, AuthingError) and error.code == ErrorCode.TOKEN_EXPIRED:
        return QCoreApplication.translate(
            "Session", "Your sign-in has expired. Please sign in again.")
    return QCoreApplication.translate(
        "Session", "Your saved sign-in is no longer valid. Please sign in again.")


def _error_text(error: BaseException) -> str:
    if isinstance(error, UserFacingError):
        return str(error)
    from authing_desktop.api.user_messages import user_message_source

    context, source = user_message_source(error)
    return QCoreApplication.translate(context, source)
