"""'This wasn't me': one guided recovery after a sign-in the user does not recognise
(docs/sign-in-alerts.md). In order:

1. sign out every other device (this computer stays signed in);
2. a new password (the Security page's checks and strength meter; the old one stops working);
3. when two-step verification is on: remove the authenticator (its codes die) and enrol a new
   one, which also gives a new recovery code;
4. a summary of what was done, skipped, failed or not reached.

Each step's outcome is recorded as it ends, so cancelling keeps what is done and the summary
says so. The password and two-step steps reuse `SecurityPresenter` and `TwoStepPresenter`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, Signal

from authing_desktop.api.error_codes import ErrorCode, ErrorGroup, in_group
from authing_desktop.api.errors import AuthingError
from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.security import SecurityPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.presenters.two_step import TwoStepPresenter
from authing_desktop.services.tasks import TaskRunner


class PasswordStepPresenter(SecurityPresenter):
    """The Security page's password change; a refused current password is said at its field
    (the dialog asked it at the start and shows it again only then)."""

    async def _change_password(self, old: str, new: str, confirm: str) -> bool:
        from authing_desktop.api.errors import AuthingError

        try:
            return await super()._change_password(old, new, confirm)
        except AuthingError as error:
            if error.code != ErrorCode.WRONG_OLD_PASSWORD:
                raise
            self.set_field_errors({"old": self._tasks.describe(error) or ""})
            return False


class Step(StrEnum):
    SIGN_OUT = "signOut"
    PASSWORD = "password"  # noqa: S105 - a step's key, not a secret
    TWO_STEP = "twoStep"


class Outcome(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"
    NOT_NEEDED = "notNeeded"
    NOT_REACHED = "notReached"
    # Two-step only: the old authenticator is gone but no new one was set up.
    REMOVED_ONLY = "removedOnly"


@dataclass(frozen=True)
class StepResult:
    step: Step
    outcome: Outcome
    count: int = 0  # sign-out: how many devices were signed out


class SecureAccountPresenter(AccountPresenter):
    """``step_changed`` carries the `Step` now asked (None: the summary); ``results`` holds
    each ended step's `StepResult`. ``password`` and ``two_step`` are the reused presenters
    (their busy state and errors show in the dialog too)."""

    step_changed = Signal(object)
    loaded = Signal()

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.password = PasswordStepPresenter(session, tasks, parent=self)
        self.two_step = TwoStepPresenter(session, tasks, parent=self)
        self.results: dict[Step, StepResult] = {}
        self.step: Step | None = Step.SIGN_OUT
        self.two_step_on: bool | None = None
        self.password.password_changed.connect(self._password_done)

    @property
    def has_password(self) -> bool:
        """Whether the password change needs the current password."""
        return self.password.has_password

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps of this account (two-step only when it is on)."""
        if self.two_step_on is False:
            return (Step.SIGN_OUT, Step.PASSWORD)
        return (Step.SIGN_OUT, Step.PASSWORD, Step.TWO_STEP)

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[bool | None]:
        """What the account has: a password (asked for before changing it), two-step on."""
        return self.start(self._load(), name="secureAccount.load")

    def sign_out_others(self, current_password: str = "") -> asyncio.Task[int | None]:
        """Step 1. The current password is asked for here, at the start, when the password
        change of step 2 will need it (so that the steps then run without a stop)."""
        return self.start(self._sign_out_others(current_password), name="secureAccount.signOut")

    def change_password(self, old: str, new: str, confirm: str) -> asyncio.Task[bool | None]:
        return self.password.change_password(old, new, confirm)

    def start_task(self, coro: Coroutine[Any, Any, None], *, name: str) -> None:
        """Run a step the view drives itself (the enrolment dialog) on the task runner."""
        self._tasks.start(coro, name=name)

    def skip(self) -> None:
        """Skip the step asked now."""
        if self.step is not None:
            self._end(self.step, Outcome.SKIPPED)

    def remove_authenticator(self) -> asyncio.Task[bool | None]:
        """Step 3's first half: the old authenticator goes (its codes stop working)."""
        return self.start(self._remove_authenticator(), name="secureAccount.removeTotp")

    def enrolment_finished(self, enabled: bool) -> None:
        """Step 3's second half ended (the enrolment dialog closed)."""
        self._end(Step.TWO_STEP, Outcome.DONE if enabled else Outcome.REMOVED_ONLY)

    def cancel_rest(self) -> None:
        """Cancelled: what is done stays done; the rest is recorded as not reached."""
        for step in self.steps:
            if step not in self.results:
                outcome = Outcome.REMOVED_ONLY if (
                    step == Step.TWO_STEP and self.two_step.enabled is False
                    and self.two_step_on) else Outcome.NOT_REACHED
                self.results[step] = StepResult(step, outcome)
        self._set_step(None)

    # -------------------------------------------------------------- internals

    async def _load(self) -> bool:
        # Their own intents (their errors show where theirs do), awaited inside this one, under
        # names of their own: the Security page loading meanwhile must not cancel them.
        await self.password.load(name="secureAccount.loadPassword")
        self.two_step_on = await self.two_step.load(name="secureAccount.loadTwoStep")
        if self.two_step_on is False:
            self.results[Step.TWO_STEP] = StepResult(Step.TWO_STEP, Outcome.NOT_NEEDED)
        self.loaded.emit()
        return True

    async def _sign_out_others(self, current_password: str) -> int | None:
        if self.has_password and not current_password:
            self.set_field_errors({"current": self.tr(
                "Please enter your current password to confirm it's you.")})
            return None
        self.set_field_errors({})
        if current_password:
            # The password typed here is the proof the sign-out asks for (docs/step-up.md):
            # one question, not two, and a slip is caught before anything is done.
            try:
                await self._session.prove_with_password(current_password)
            except AuthingError as error:
                if not in_group(error.code, ErrorGroup.WRONG_PASSWORD):
                    raise
                self.set_field_errors({"current": self.tr(
                    "That password is not right. Try again.")})
                return None
        try:
            count = await self._session.client.sign_out_other_devices()
        except Exception:
            self.results[Step.SIGN_OUT] = StepResult(Step.SIGN_OUT, Outcome.FAILED)
            raise
        self._end(Step.SIGN_OUT, Outcome.DONE, count)
        return count

    async def _remove_authenticator(self) -> bool:
        return bool(await self.two_step.disable())

    def _password_done(self) -> None:
        self._end(Step.PASSWORD, Outcome.DONE)

    def _end(self, step: Step, outcome: Outcome, count: int = 0) -> None:
        self.results[step] = StepResult(step, outcome, count)
        following = [s for s in self.steps if s not in self.results]
        self._set_step(following[0] if following else None)

    def _set_step(self, step: Step | None) -> None:
        if step != self.step:
            self.step = step
            self.step_changed.emit(step)

    # ---------------------------------------------------------------- summary

    def summary(self) -> list[tuple[Outcome, str]]:
        """The summary's lines in words, in step order."""
        lines: list[tuple[Outcome, str]] = []
        for step in (Step.SIGN_OUT, Step.PASSWORD, Step.TWO_STEP):
            result = self.results.get(step)
            if result is None:
                continue
            lines.append((result.outcome, self._line(result)))
        return lines

    def _line(self, result: StepResult) -> str:
        step, outcome = result.step, result.outcome
        if step == Step.SIGN_OUT:
            if outcome == Outcome.DONE:
                return self.tr("Signed out %n other device(s). Their sessions no longer work.",
                               "", result.count)
            return {Outcome.FAILED: self.tr("Other devices were NOT signed out (the request "
                                            "failed). Try again from Devices and sessions."),
                    Outcome.SKIPPED: self.tr("Other devices were not signed out (skipped).")
                    }.get(outcome, self.tr("Other devices were not signed out (cancelled)."))
        if step == Step.PASSWORD:
            if outcome == Outcome.DONE:
                return self.tr("Password changed. The old password no longer works.")
            if outcome == Outcome.SKIPPED:
                return self.tr("Password not changed (skipped). Change it on the Security "
                               "page.")
            return self.tr("Password not changed (cancelled). Change it on the Security page.")
        if outcome == Outcome.DONE:
            return self.tr("Two-step verification reset: the old authenticator's codes no "
                           "longer work, and you have a new recovery code.")
        if outcome == Outcome.NOT_NEEDED:
            return self.tr("Two-step verification is off, so there was nothing to reset. "
                           "Consider turning it on.")
        if outcome == Outcome.REMOVED_ONLY:
            return self.tr("The old authenticator was removed, but no new one was set up: "
                           "two-step verification is OFF. Turn it on again on the Security "
                           "page.")
        if outcome == Outcome.SKIPPED:
            return self.tr("Two-step verification not reset (skipped).")
        return self.tr("Two-step verification not reset (cancelled).")
