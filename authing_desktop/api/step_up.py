"""Step-up: proving it is me again when the server asks (docs/step-up.md).

A compatible pool refuses a sensitive change of a session whose last proof is old with apiCode
`REAUTH_REQUIRED` (1650). The transport then awaits the injected `StepUpHandler` (the app asks
the user for a password or a code, which ``verify_step_up`` (`step_up_operations`) turns
into a step-up token), retries the refused call once with `STEP_UP_HEADER`, and keeps the
token for the session's later sensitive calls until it expires. A handler answering None (the
user cancelled) lets the original 1650 through.

A pool that does not enforce the rule (Authing cloud: a remote profile) gets the same rule
from the app (``enforce_locally``): a call `sensitive_call` names, made when the session's last
proof is older than `DEFAULT_MAX_AGE_S`, first asks the handler; a cancel refuses it here with
the same 1650, and nothing is sent.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from authing_desktop.api.error_codes import ErrorCode
from authing_desktop.api.errors import AuthingError

REAUTH_REQUIRED = ErrorCode.REAUTH_REQUIRED
STEP_UP_HEADER = "x-authing-stepup-token"
# Seconds before its end a kept proof is no longer sent (it could expire on the way).
EXPIRY_MARGIN_S = 5.0
# The spec's window, applied by the app itself against a pool that does not enforce it.
DEFAULT_MAX_AGE_S = 300


# What the app itself guards against a pool that does not (docs/step-up.md, "Against Authing
# cloud"): REST calls by method and path (a prefix), GraphQL operations by root field, and those
# GraphQL changes only when they carry no old-contact or old-password proof of their own.
_REST_SENSITIVE = (
    ("DELETE", "/api/v2/mfa/totp/associate"), ("POST", "/api/v3/reset-factor"),
    ("GET", "/api/v3/webauthn/registration"), ("POST", "/api/v3/webauthn/registration/"),
    ("POST", "/api/v3/webauthn/remove-credential"), ("DELETE", "/api/v3/webauthn/credentials/"),
    ("POST", "/api/v3/unlink-extidp"), ("POST", "/api/v2/users/unlink"),
    ("GET", "/api/v3/generate-link-extidp-url"),
    ("POST", "/api/v3/mydevices/revoke-session"), ("POST", "/api/v3/mydevices/unbind"),
    ("DELETE", "/api/v2/users/delete"),
)
_GRAPHQL_SENSITIVE = frozenset({"unbindPhone", "unbindEmail", "bindPhone", "bindEmail"})
_GRAPHQL_UNLESS = {"updatePassword": "oldPassword", "updateEmail": "oldEmailCode",
                   "updatePhone": "oldPhoneCode"}
LOGOUT_PATH = "/api/v2/logout"


def sensitive_call(method: str, action: str, variables: Mapping[str, Any] | None,
                   own_app: str = "") -> bool:
    """Whether the call ``method action`` (a REST path, or "POST" and a GraphQL root field)
    with ``variables`` (the body and query fields) is a change the app guards itself."""
    given = variables or {}
    if action == LOGOUT_PATH:
        only_self = str(given.get("only_self", "")).strip().lower()
        if only_self in ("1", "true"):
            return False
        return "only_self" in given or str(given.get("app_id") or own_app) != own_app
    if action in _GRAPHQL_SENSITIVE:
        return True
    if action in _GRAPHQL_UNLESS:
        return not given.get(_GRAPHQL_UNLESS[action])
    return any(method == guarded and action.startswith(path)
               for guarded, path in _REST_SENSITIVE)


class StepUpMethod:
    """The ``method`` values of ``stepup/verify``."""

    PASSWORD = "PASSWORD"  # noqa: S105 - a method name, not a secret
    TOTP = "TOTP"
    PHONE_PASSCODE = "PHONE_PASSCODE"
    EMAIL_PASSCODE = "EMAIL_PASSCODE"
    PASSKEY = "PASSKEY"


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
        # The pool does not enforce the rule: the app does (a remote profile).
        self.enforce_locally = False
        self._monotonic = monotonic
        self._lock = asyncio.Lock()
        self._bearer: str | None = None
        self._token: str | None = None
        self._deadline = 0.0
        self._proven_bearer: str | None = None
        self._proven_at = 0.0

    def proved(self, bearer: str | None, age: float = 0.0) -> None:
        """``bearer``'s session proved itself ``age`` seconds ago (a sign-in, a proof)."""
        self._proven_bearer = bearer
        self._proven_at = self._monotonic() - max(0.0, age)

    def recent(self, bearer: str | None, max_age: float = DEFAULT_MAX_AGE_S) -> bool:
        """Whether ``bearer``'s session proved itself within ``max_age`` seconds."""
        return (bool(bearer) and bearer == self._proven_bearer
                and self._monotonic() - self._proven_at <= max_age)

    async def check_first(self, bearer: str | None, method: str, action: str,
                          variables: Mapping[str, Any] | None, own_app: str) -> None:
        """With ``enforce_locally``: before a sensitive call of a session whose last proof
        is old, ask; a cancel raises 1650 (nothing is sent)."""
        if (not self.enforce_locally or not bearer or not self.can_ask(bearer)
                or not sensitive_call(method, action, variables, own_app)
                or self.recent(bearer)):
            return
        if await self.obtain(StepUpNeed(action, bearer), None) is None:
            raise AuthingError(REAUTH_REQUIRED, "re-authentication required")

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
        """Send ``proof`` with ``bearer``'s calls until it expires (an empty token: a proof
        the app made itself, nothing to send)."""
        self._bearer, self._token = bearer, proof.token or None
        self._deadline = self._monotonic() + max(0.0, float(proof.expires_in))
        self.proved(bearer)

    def forget(self) -> None:
        """Drop the kept proof (signed out, another account)."""
        self._bearer = self._token = self._proven_bearer = None

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
            if refused_with is None and self.enforce_locally and self.recent(need.bearer):
                return ""  # proven while this call waited: the app's own proof
            handler = self.handler
            if handler is None:
                return None
            proof = await handler(need)
            if proof is None:
                return None
            self.keep(need.bearer, proof)
            return proof.token
