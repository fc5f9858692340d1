"""The Security Checkup's view model: loads what the steps need (the calls run side by side in
one intent, so the dialog shows one busy state), evaluates the steps (presenters/checkup_steps.py)
and runs the fixes that are calls (send a verification mail, sign out a device, remove a linked
account or an application's sign-in). Fixes that open a dialog of their own (two-step, recovery
code, password) report back with `record`. Every fix is counted for the summary."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.checkup_steps import (
    RECENT_DAYS,
    Change,
    CheckupFacts,
    Connection,
    Step,
    StepState,
    evaluate,
)
from authing_desktop.presenters.linked_accounts import provider_name
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.models import SecurityLevel, User
    from authing_desktop.presenters.devices import DeviceRow
    from authing_desktop.presenters.login_history import HistoryRow

Clock = Callable[[], dt.datetime]
_NOT_AVAILABLE = 404
HISTORY_LIMIT = 50  # the newest sign-ins looked at: enough for "anything not you?"
IDENTITY = "identity"
APP = "app"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class CheckupAction(StrEnum):
    """The intents this presenter runs (task names)."""

    LOAD = "checkup.load"
    FIX = "checkup.fix"


def row_key(kind: str, key: str) -> str:
    """The name of a per-row fix while it runs (`SecurityCheckupPresenter.running`)."""
    return f"{kind}:{key}"


class SecurityCheckupPresenter(AccountPresenter):
    """``steps_changed`` carries the `StepState` tuple after each load or confirmation;
    ``running_changed`` the key of the fix in flight ("" when none: a step key or `row_key`),
    so the view can mark the button that started it; ``changes`` counts what was fixed."""

    steps_changed = Signal(object)
    running_changed = Signal(str)

    def __init__(self, session: AccountSession, tasks: TaskRunner, *, clock: Clock = _now,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self._clock = clock
        self.facts: CheckupFacts | None = None
        self.steps: tuple[StepState, ...] = ()
        self.confirmed: set[Step] = set()
        self.changes: Counter[Change] = Counter()
        self.verification_sent = False
        self.running = ""
        self._fixing: asyncio.Task[bool | None] | None = None

    def state_of(self, step: Step) -> StepState | None:
        return next((s for s in self.steps if s.step == step), None)

    @property
    def open_steps(self) -> tuple[StepState, ...]:
        """The steps still amber."""
        return tuple(s for s in self.steps if not s.ok)

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[tuple[StepState, ...] | None]:
        return self.start(self._load(), name=CheckupAction.LOAD)

    def send_verification(self) -> asyncio.Task[bool | None]:
        """The pool's verification mail to the bound, unverified email address."""
        return self._fix(Step.CONTACTS.value, self._send_verification())

    def sign_out_device(self, device_id: str) -> asyncio.Task[bool | None]:
        return self._fix(row_key(Step.DEVICES, device_id), self._sign_out_device(device_id))

    def remove_connection(self, connection: Connection) -> asyncio.Task[bool | None]:
        """Unlink an account, or sign out of an application on every computer."""
        return self._fix(row_key(connection.kind, connection.key),
                         self._remove_connection(connection))

    def confirm(self, step: Step) -> None:
        """"These are all mine": the list step turns green without a change."""
        self.confirmed.add(step)
        self._evaluate()

    def record(self, change: Change, count: int = 1) -> None:
        """A fix made in a dialog of its own (two-step, recovery code, password, "This
        wasn't me"); the steps are loaded again."""
        self.changes[change] += count
        self.load()

    # -------------------------------------------------------------- internals

    def _fix(self, key: str, coro: Any) -> asyncio.Task[bool | None]:
        self._set_running(key)
        task: asyncio.Task[bool | None] = self.start(coro, name=CheckupAction.FIX)
        self._fixing = task

        def ended(done: asyncio.Task[bool | None]) -> None:
            # A fix started on another row cancels this one: its end is not the row's end.
            if self._fixing is done:
                self._fixing = None
                self._set_running("")

        task.add_done_callback(ended)
        return task

    def _set_running(self, key: str) -> None:
        if key != self.running:
            self.running = key
            self.running_changed.emit(key)

    def _evaluate(self) -> None:
        if self.facts is None:
            return
        self.steps = evaluate(self.facts, self._clock(), frozenset(self.confirmed))
        self.steps_changed.emit(self.steps)

    async def _load(self) -> tuple[StepState, ...]:
        client = self._session.client
        now = self._clock()
        (user, level, profile, authenticators, factors, recovery, passkeys, devices, history,
         identities, apps) = await asyncio.gather(
            self._session.refresh_user(), client.get_security_level(),
            self._optional(client.get_profile), client.get_mfa_authenticators(),
            client.list_enrolled_factors(), self._optional(client.get_recovery_code_state),
            self._optional(client.list_passkeys),
            client.list_all_my_devices(),
            client.get_login_history(page=1, limit=HISTORY_LIMIT,
                                     start=now - dt.timedelta(days=RECENT_DAYS), end=now),
            client.get_identities(), client.get_logged_in_apps())
        self.facts = self._facts(user, level, profile, bool(authenticators), factors, recovery,
                                 devices, history.items, identities, apps)
        if passkeys:
            self.facts = dataclasses.replace(self.facts, passkeys=len(passkeys))
        self._evaluate()
        return self.steps

    async def _optional(self, call: Callable[[], Awaitable[Any]]) -> Any:
        """A [local] route a pool may not have: None there. ``call`` is made here, not by
        the caller: a gather cancelled before this starts leaves no coroutine unawaited."""
        from authing_desktop.api.errors import AuthingError

        try:
            return await call()
        except AuthingError as error:
            if error.code != _NOT_AVAILABLE:
                raise
            return None

    def _facts(self, user: User | None, level: SecurityLevel, profile: User | None,
               authenticator_on: bool, factors: list[Any], recovery: Any, devices: list[Any],
               history: list[Any], identities: list[Any], apps: list[Any]) -> CheckupFacts:
        from authing_desktop.api.self_service_models import parse_time
        from authing_desktop.presenters.devices import device_rows

        rows = device_rows(devices)
        types = tuple(sorted({str(f.factor_type) for f in factors if f.factor_type}))
        phones = tuple(str(f.profile.get("phoneNumber")) for f in factors
                       if f.factor_type == "SMS" and f.profile.get("phoneNumber"))
        own_app = self._session.client.profile.app_id
        connections = tuple(
            [Connection(IDENTITY, i.ext_idp_id, provider_name(i.provider or ""))
             for i in identities if i.ext_idp_id]
            + [Connection(APP, a.app_id, a.app_name or a.app_id) for a in apps
               if a.app_id and a.active and a.app_id != own_app])
        return CheckupFacts(
            phone=(user.phone or "") if user else "",
            phone_verified=bool(user and user.phone_verified),
            email=(user.email or "") if user else "",
            email_verified=bool(user and user.email_verified),
            has_password=bool(level.password), password_level=level.password_security_level,
            password_set_at=parse_time(profile.password_last_set_at) if profile else None,
            authenticator_on=authenticator_on, factor_types=types, sms_phones=phones,
            recovery_code=None if recovery is None else bool(recovery.exists),
            other_devices=tuple(r for r in rows if r.online and not r.current),
            sign_ins=elsewhere(history, rows),
            connections=connections)

    async def _send_verification(self) -> bool:
        from authing_desktop.presenters.contacts import VERIFY_EMAIL_SCENE

        email = self.facts.email if self.facts else ""
        if not email:
            return False
        await self._session.client.send_email(email, VERIFY_EMAIL_SCENE)
        if not self.verification_sent:
            self.changes[Change.VERIFICATION_SENT] += 1
        self.verification_sent = True
        self._evaluate()
        return True

    async def _sign_out_device(self, device_id: str) -> bool:
        await self._session.client.revoke_device_session(device_id)
        self.changes[Change.DEVICES_SIGNED_OUT] += 1
        await self._load()
        return True

    async def _remove_connection(self, connection: Connection) -> bool:
        client = self._session.client
        if connection.kind == IDENTITY:
            await client.unlink_identity(connection.key)
            self.changes[Change.ACCOUNTS_UNLINKED] += 1
        else:
            await client.sign_out_of_app(connection.key)
            self.changes[Change.APPS_SIGNED_OUT] += 1
        await self._load()
        return True


def elsewhere(entries: list[Any], devices: list[DeviceRow]) -> tuple[HistoryRow, ...]:
    """The sign-in attempts that did not come from this device, newest first."""
    from authing_desktop.presenters.devices import find_device
    from authing_desktop.presenters.login_history import history_row

    rows = []
    for entry in entries:
        device = find_device(devices, entry.device_id)
        if device is not None and device.current:
            continue
        rows.append(history_row(entry, devices))
    return tuple(rows)
