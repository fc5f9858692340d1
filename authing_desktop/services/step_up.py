"""The session's side of step-up (docs/step-up.md): it answers the api layer's 1650 refusals
by asking the user through the UI's `StepUpAsker`, and remembers when the session last proved
who it is, for what the pool cannot refuse (reads, such as the data export).

The UI installs its asker once (`Session.step_up.set_asker`); from then on every client of
the connection asks through it. Without an asker a 1650 reaches the caller as it came.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from authing_desktop.api.step_up import (
    DEFAULT_MAX_AGE_S,
    StepUpMethod,
    StepUpNeed,
    StepUpProof,
)

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient

log = logging.getLogger("authing_desktop.session")


class StepUpAsker(Protocol):
    """Asks the user to confirm it's them (the UI's step-up dialog): a proof, or None when
    they cancelled."""

    async def ask_step_up(self, need: StepUpNeed) -> StepUpProof | None: ...


class SessionStepUp:
    """The asker, the client it is installed on, and when the session last proved itself
    (session clock; None while signed out)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._asker: StepUpAsker | None = None
        self._client: AuthenticationClient | None = None
        self.proven_at: float | None = None
        self.signed_in = False

    def set_asker(self, asker: StepUpAsker | None) -> None:
        """Ask through ``asker`` from now on (None: stop asking)."""
        self._asker = asker
        if self._client is not None:
            self._client.transport.step_up.handler = self._ask if asker is not None else None

    def install(self, client: AuthenticationClient | None, *, remote: bool = False) -> None:
        """Answer ``client``'s refusals (a new connection's client). ``remote``: the pool
        does not enforce the rule (Authing cloud), the client applies it itself."""
        self._client = client
        if client is not None:
            client.transport.step_up.handler = self._ask if self._asker is not None else None
            client.transport.step_up.enforce_locally = remote

    def proved(self, at: float | None = None) -> None:
        """The session proved itself (a sign-in; ``at``: a restored token's issue time)."""
        self.signed_in = True
        self.proven_at = self._clock() if at is None else at
        self.renewed()

    def renewed(self) -> None:
        """Tell the transport, which keeps its proof per token, when the current token's
        session last proved itself (also after a renewal: the same session, a new token)."""
        if self._client is not None and self.proven_at is not None:
            self._client.transport.step_up.proved(
                self._client.token, age=self._clock() - self.proven_at)

    def ended(self) -> None:
        """Signed out: nothing is proven any more."""
        self.signed_in = False
        self.proven_at = None
        if self._client is not None:
            self._client.transport.step_up.forget()

    def recent(self, max_age: float = DEFAULT_MAX_AGE_S) -> bool:
        """Whether the last proof is at most ``max_age`` seconds old."""
        return self.proven_at is not None and self._clock() - self.proven_at <= max_age

    async def confirm(self, action: str, max_age: float = DEFAULT_MAX_AGE_S) -> bool:
        """For a sensitive step the pool cannot refuse: True when the last proof is recent,
        or once the user proved it again; False when they cancelled (or nobody can ask)."""
        client = self._client
        token = client.token if client is not None else None
        if client is None or not token or not self.signed_in:
            return False
        if self.recent(max_age) or client.transport.step_up.header_for(token):
            return True
        return await client.transport.step_up.obtain(StepUpNeed(action, token), None) is not None

    async def prove_with_password(self, account: str, password: str) -> None:
        """Prove it is me with a password the user already typed for this change (so they
        are not asked for it twice); a wrong password raises the pool's refusal."""
        client = self._client
        if client is None or not self.signed_in:
            return
        if client.transport.step_up.enforce_locally:
            await client.reconfirm_password(account, password)
        else:
            await client.verify_step_up(StepUpMethod.PASSWORD, password=password)
        self.proven_at = self._clock()

    async def _ask(self, need: StepUpNeed) -> StepUpProof | None:
        asker = self._asker
        if asker is None or not self.signed_in:
            return None
        proof = await asker.ask_step_up(need)
        log.info("step-up %s", "given" if proof is not None else "cancelled")
        if proof is not None:
            self.proven_at = self._clock()
        return proof
