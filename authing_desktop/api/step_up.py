"""Step-up: proving it is me again when the server asks (docs/step-up.md).

A compatible pool refuses a sensitive change of a session whose last proof is old with apiCode
`REAUTH_REQUIRED` (1650). The transport then awaits the injected `StepUpHandler` (the app asks
the user for a password or a code, which ``verify_step_up`` (`step_up_operations`) turns
into a step-up token), retries the refused call once with `STEP_UP_HEADER`, and keeps the token for
the session's later sensitive calls until it expires. A handler answering None (the user
cancelled) lets the original 1650 through.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

REAUTH_REQUIRED = 1650
STEP_UP_HEADER = "x-authing-stepup-token"
# Seconds before its end a kept proof is no longer sent (it could expire on the way).
EXPIRY_MARGIN_S = 5.0
# The spec's window, applied by the app itself against a pool that does not enforce it.
DEFAULT_MAX_AGE_S = 300


class StepUpMethod:
    """The ``method`` values of ``stepup/verify``."""

    PASSWORD = "PASSWORD"  # noqa: S105 - a method name, not a secret
    TOTP = "TOTP"
    PHONE_PASSCODE = "PHONE_PASSCODE"
    EMAIL_PASSCODE = "EMAIL_PASSCODE"


@dataclass(frozen=True)
class StepUpNeed:
    """What asked for a proof: ``action`` is the GraphQL operation name or the REST path
    (the app words it), ``bearer`` the session token the proof must be made with."""

    action: str
    bearer: str = field(repr=False)


@dataclass(frozen=True)
class StepUpProof:
    """A step-up token and how many seconds it lives."""

    token: str = field(repr=False)
    expires_in: float


StepUpHandler = Callable[[StepUpNeed], Awaitable[StepUpProof | None]]


class StepUpKeeper:
    """The transport's side: the handler, the kept proof (for one session token) and the lock
    that makes concurrent refusals share one question."""

    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.handler: StepUpHandler | None = None
        self._monotonic = monotonic
        self._lock = asyncio.Lock()
        self._bearer: str | None = None
        self._token: str | None = None
        self._deadline = 0.0

    def header_for(self, bearer: str | None) -> dict[str, str]:
        """The step-up header to send with ``bearer``'s call ({} when no live proof)."""
        token = self._live(bearer)
        return {STEP_UP_HEADER: token} if token else {}

    def _live(self, bearer: str | None) -> str | None:
        if (bearer and bearer == self._bearer and self._token
                and self._monotonic() < self._deadline - EXPIRY_MARGIN_S):
            return self._token
        return None

    def keep(self, bearer: str, proof: StepUpProof) -> None:
        """Send ``proof`` with ``bearer``'s calls until it expires."""
        self._bearer, self._token = bearer, proof.token
        self._deadline = self._monotonic() + max(0.0, float(proof.expires_in))

    def forget(self) -> None:
        """Drop the kept proof (signed out, another account)."""
        self._bearer = self._token = None

    def can_ask(self, bearer: str | None) -> bool:
        """Whether a 1650 of ``bearer``'s call can be answered by asking."""
        return self.handler is not None and bool(bearer)

    async def obtain(self, need: StepUpNeed, refused_with: str | None) -> str | None:
        """A step-up token for ``need`` (None: the user cancelled). One question at a time: a
        call refused while another asked uses the answer, unless it was refused with it."""
        async with self._lock:
            kept = self._live(need.bearer)
            if kept and kept != refused_with:
                return kept
            handler = self.handler
            if handler is None:
                return None
            proof = await handler(need)
            if proof is None:
                return None
            self.keep(need.bearer, proof)
            return proof.token
