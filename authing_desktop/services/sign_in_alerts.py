"""The sign-in watcher: new sign-ins to the account and bursts of failed attempts, found by
polling the login history (docs/sign-in-alerts.md; the contract is docs/protocol.md, "Sign-in
alerts"). No widgets: alerts leave as plain `SignInAlert` data on ``alert_raised``.

It runs while signed in (and while alerts are on in the settings): one poll at once, then one
every ``interval_s``. Every poll is a task of the task runner. A poll that fails (network, a
server error) is logged and left to the next one: no message, no alert.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from authing_desktop.services.alert_state import (
    AlertState,
    AlertStateStore,
    dedupe_key,
    device_key,
    login_ms,
    user_agent_part,
)
from authing_desktop.services.session import SessionState

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import LoginHistoryEntry
    from authing_desktop.services.session import Session
    from authing_desktop.services.settings import SettingsStore
    from authing_desktop.services.tasks import TaskRunner
    from authing_desktop.services.token_store import TokenStore

log = logging.getLogger("authing_desktop.sign_in_alerts")

DEFAULT_INTERVAL_S = 300.0
# The first look waits this long after the sign-in (or the interval, when shorter): a restored
# sign-in first loads the page the user sees, and the look can come a moment later.
FIRST_POLL_DELAY_S = 5.0
FIRST_LOOK_BACK_S = 7 * 86_400.0
FAILED_ATTEMPTS_ALERT = 5
PAGE_SIZE = 50  # the contract's page; a full page means there may be more
MAX_PAGES = 20  # per poll: a flood of records is not worth more calls
POLL_TASK = "signInAlerts.poll"

Clock = Callable[[], float]


class AlertKind(StrEnum):
    NEW_SIGN_IN = "newSignIn"
    FAILED_ATTEMPTS = "failedAttempts"


@dataclass(frozen=True)
class SignInAlert:
    """What to tell the user: ``kind``, when (the newest record of it), from which device
    (server-parsed User-Agent parts; "" when unknown) and address, through which app, and for
    failed attempts how many. ``device_key`` identifies the device for "It was me"."""

    kind: AlertKind
    user_id: str
    at: dt.datetime | None
    browser: str
    os: str
    device: str
    client_ip: str
    app_name: str
    device_key: str
    count: int = 1


def _alert(kind: AlertKind, user_id: str, entry: LoginHistoryEntry,
           count: int = 1) -> SignInAlert:
    parsed = entry.parsed_user_agent
    part = user_agent_part
    return SignInAlert(
        kind=kind, user_id=user_id, at=entry.login_time,
        browser=part(parsed.browser if parsed else None),
        os=part(parsed.os if parsed else None), device=part(parsed.device if parsed else None),
        client_ip=entry.client_ip or "", app_name=entry.app_name or "",
        device_key=device_key(entry), count=count)


def _app_user_agent() -> str:
    # Here, not at the top: this module loads with the window, the API layer (httpx) later
    # through the warm-up (docs/start-up.md); a poll runs once it is loaded.
    from authing_desktop.api.transport import USER_AGENT

    return USER_AGENT


class SignInWatcher(QObject):
    """Polls the signed-in account's login history. ``alert_raised`` carries a `SignInAlert`;
    ``polled`` fires after each poll that reached the server (tests and the status line).

    ``interval_s``, ``first_delay_s`` and ``clock`` (epoch seconds) are injectable;
    ``own_user_agent`` is what this app sends (default: the API layer's), so that its own
    sign-ins seed the known devices of a fresh account."""

    alert_raised = Signal(object)
    polled = Signal()

    def __init__(self, session: Session, settings: SettingsStore, token_store: TokenStore,
                 tasks: TaskRunner, *, interval_s: float = DEFAULT_INTERVAL_S,
                 clock: Clock = time.time, own_user_agent: str | None = None,
                 first_delay_s: float = FIRST_POLL_DELAY_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self._tasks = tasks
        self._store = AlertStateStore(token_store)
        self._clock = clock
        self._own_user_agent = own_user_agent
        self._lock = asyncio.Lock()
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(interval_s * 1000)))
        self._first_delay_ms = int(min(interval_s, first_delay_s) * 1000)
        self._timer.timeout.connect(self.poll_soon)
        self.failures = 0  # polls in a row that did not reach the server
        session.state_changed.connect(self._follow)
        settings.changed.connect(self._follow)
        self._follow()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def wanted(self) -> bool:
        return (self._session.state == SessionState.SIGNED_IN
                and self._settings.current.alerts and not self._tasks.closed)

    def _follow(self, *_args: object) -> None:
        if self.wanted and not self._timer.isActive():
            self._timer.start()
            QTimer.singleShot(self._first_delay_ms, self, self.poll_soon)
        elif not self.wanted and self._timer.isActive():
            self._timer.stop()
            self._tasks.cancel(POLL_TASK)

    def poll_soon(self) -> None:
        """Start a poll now (the timer's tick; a poll still running is left to finish)."""
        if self.wanted:
            self._tasks.start(self.poll(), name=POLL_TASK)

    # ---------------------------------------------------------------- polling

    async def poll(self) -> list[SignInAlert]:
        """One poll: the new records since the cursor, the alerts they make (also emitted).
        Network and server errors end the poll quietly (the next one retries)."""
        from authing_desktop.api.errors import ApiError

        async with self._lock:  # a slow poll and the next tick must not interleave
            user = self._session.user
            if self._session.state != SessionState.SIGNED_IN or user is None or not user.id:
                return []
            user_id, profile_id = user.id, self._session.connection.profile_id
            try:
                state = await self._state(profile_id, user_id)
                entries = await self._fetch(state.cursor_ms)
            except ApiError as error:
                self.failures += 1
                log.info("sign-in alerts: poll failed (%s), the next one retries",
                         type(error).__name__)
                return []
            if self._session.user is None or self._session.user.id != user_id:
                return []  # signed out (or switched) meanwhile
            self.failures = 0
            state, alerts = self._review(state, entries, user_id)
            await self._store.save(profile_id, user_id, state)
        for alert in alerts:
            self.alert_raised.emit(alert)
        self.polled.emit()
        return alerts

    async def _state(self, profile_id: str, user_id: str) -> AlertState:
        state = await self._store.load(profile_id, user_id)
        if state is not None:
            return state
        start = int((self._clock() - FIRST_LOOK_BACK_S) * 1000)
        return AlertState(cursor_ms=max(0, start), fresh=True)

    async def _fetch(self, cursor_ms: int) -> list[LoginHistoryEntry]:
        client = self._session.client
        start = dt.datetime.fromtimestamp(cursor_ms / 1000, dt.UTC)
        entries: list[LoginHistoryEntry] = []
        for page in range(1, MAX_PAGES + 1):
            batch = await client.get_login_history(page=page, limit=PAGE_SIZE, start=start)
            entries += batch.items
            if len(batch.items) < PAGE_SIZE:
                break
        return entries

    def _review(self, state: AlertState, entries: list[LoginHistoryEntry],
                user_id: str) -> tuple[AlertState, list[SignInAlert]]:
        seen = set(state.seen)
        # Once each: a record arriving between two pages shifts the next page by one.
        new = list({key: e for e in entries if (key := dedupe_key(e)) not in seen}.values())
        # Oldest first whatever order the server used (the cloud's is not documented).
        new.sort(key=lambda e: login_ms(e) or 0)
        if state.fresh:
            own = self._own_user_agent or _app_user_agent()
            for entry in new:
                if entry.success and entry.user_agent == own:
                    state = state.with_known(device_key(entry))
        alerts: list[SignInAlert] = []
        for entry in new:
            key = device_key(entry)
            if entry.success and key not in state.known and key not in state.alerted:
                alerts.append(_alert(AlertKind.NEW_SIGN_IN, user_id, entry))
                state = state.with_alerted(key)
        failures = [e for e in new if e.success is False]
        if len(failures) >= FAILED_ATTEMPTS_ALERT:
            alerts.append(_alert(AlertKind.FAILED_ATTEMPTS, user_id, failures[-1],
                                 count=len(failures)))
        cursor = max([state.cursor_ms, *(ms for e in new if (ms := login_ms(e)) is not None)])
        at_cursor = [dedupe_key(e) for e in entries if login_ms(e) == cursor]
        kept = (*state.seen, *at_cursor) if cursor == state.cursor_ms else tuple(at_cursor)
        return replace(state, cursor_ms=cursor, seen=tuple(dict.fromkeys(kept))), alerts

    # ---------------------------------------------------------------- answers

    async def mark_known(self, alert: SignInAlert) -> None:
        """"It was me": the alert's device is known from now on (no alert for it again)."""
        await self._change(alert.user_id, lambda state: state.with_known(alert.device_key))

    async def forget_alerted(self, alert: SignInAlert) -> None:
        """"This wasn't me" done: a later sign-in from that device alerts again."""
        await self._change(alert.user_id, lambda state: state.without_alerted(alert.device_key))

    async def _change(self, user_id: str,
                      change: Callable[[AlertState], AlertState]) -> None:
        profile_id = self._session.connection.profile_id
        async with self._lock:
            state = await self._store.load(profile_id, user_id)
            if state is not None:
                await self._store.save(profile_id, user_id, change(state))
