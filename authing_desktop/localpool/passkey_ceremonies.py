"""WebAuthn ceremonies of the pool: the pending ones (a ticket, its challenge, whose it is) and
the check of a finished one with py_webauthn (``webauthn``), docs/passkeys.md.

- A ceremony lives in memory for `passkey_policy.TICKET_LIFETIME_S` of the pool's clock and is
  taken out by its first answer, right or wrong (single use). A restart only means asking for
  new options.
- Bodies are normalised before the library sees them (the server rules of docs/passkeys.md):
  padding is ignored, ``id`` must equal ``rawId``, ``type`` must be ``public-key``, unknown
  keys are dropped and ``transports`` may sit in the credential or in its ``response``.
  Malformed input is a 400; an answer that does not verify (challenge, origin, RP id,
  signature, counter, user presence or verification) raises `Refused`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from webauthn import verify_authentication_response, verify_registration_response
from webauthn.helpers.cose import COSEAlgorithmIdentifier
from webauthn.helpers.exceptions import WebAuthnException

from authing_desktop.localpool import errors
from authing_desktop.localpool.browser_state import ExpiringStore
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.passkey_policy import (
    ALGORITHMS,
    TICKET_LIFETIME_S,
    TRANSPORTS,
    USER_VERIFICATION,
    RelyingParty,
    b64url,
    from_b64url,
    new_challenge,
    new_ticket,
    requires_user_verification,
    user_handle_matches,
)

REGISTER = "register"
AUTHENTICATE = "authenticate"
MFA_VERIFY = "mfa-verify"
MFA_BIND = "mfa-bind"
MAX_FIELD_CHARS = 16_384
REGISTRATION_FIELDS = ("clientDataJSON", "attestationObject")
ASSERTION_FIELDS = ("clientDataJSON", "authenticatorData", "signature")


class Refused(Exception):  # noqa: N818 - a verdict, not a bug
    """A WebAuthn answer that does not verify; the message says why (no secret in it)."""


@dataclass(frozen=True)
class Ceremony:
    """A pending ceremony: what it is for, the relying party its options named, the challenge,
    the user it is bound to (None: a sign-in that names no user) and the user verification
    its options asked for."""

    kind: str
    ticket: str
    rp: RelyingParty
    challenge: bytes
    user_id: str | None
    user_verification: str = USER_VERIFICATION


@dataclass(frozen=True)
class Registered:
    """A verified registration."""

    credential_id: str
    public_key: bytes
    sign_count: int
    aaguid: str | None
    transports: list[str]
    user_verified: bool
    backed_up: bool


@dataclass(frozen=True)
class Asserted:
    """A verified assertion."""

    sign_count: int
    user_verified: bool


def _ticket_error() -> PoolError:
    return PoolError(errors.BAD_ARGUMENT, "ticket invalid or expired")


class Ceremonies:
    """Pending ceremonies by ticket, and by challenge for the flows that send no ticket back
    (spec: Gen-2 registration, MFA bind)."""

    def __init__(self, clock: Clock) -> None:
        self._by_ticket: ExpiringStore[Ceremony] = ExpiringStore(clock)
        self._by_challenge: ExpiringStore[str] = ExpiringStore(clock)

    def open(self, kind: str, rp: RelyingParty, user_id: str | None = None) -> Ceremony:
        """A new ceremony with a fresh challenge and ticket."""
        ceremony = Ceremony(kind=kind, ticket=new_ticket(), rp=rp, challenge=new_challenge(),
                            user_id=user_id)
        self._by_ticket.put(ceremony.ticket, ceremony, TICKET_LIFETIME_S)
        self._by_challenge.put(self._challenge_key(kind, user_id, b64url(ceremony.challenge)),
                               ceremony.ticket, TICKET_LIFETIME_S)
        return ceremony

    @staticmethod
    def _challenge_key(kind: str, user_id: str | None, challenge: str) -> str:
        return f"{kind}\n{user_id or ''}\n{challenge}"

    def take(self, ticket: Any, kind: str, user_id: str | None = None) -> Ceremony:
        """The live ceremony of ``ticket``, removed (400 "ticket invalid or expired" when there
        is none, or it is of another kind or user)."""
        if not isinstance(ticket, str) or not ticket or len(ticket) > 256:
            raise _ticket_error()
        ceremony = self._by_ticket.take(ticket)
        if ceremony is None or ceremony.kind != kind or ceremony.user_id != user_id:
            raise _ticket_error()
        self._by_challenge.discard(self._challenge_key(kind, user_id, b64url(ceremony.challenge)))
        return ceremony

    def take_by_challenge(self, kind: str, user_id: str | None,
                          credential: dict[str, Any]) -> Ceremony:
        """The live ceremony of ``user_id`` whose challenge is the one in ``credential``'s
        clientDataJSON, removed (400 as `take`)."""
        challenge = client_data(credential).get("challenge")
        if not isinstance(challenge, str):
            raise _ticket_error()
        ticket = self._by_challenge.take(
            self._challenge_key(kind, user_id, challenge.rstrip("=")))
        return self.take(ticket, kind, user_id)


# ------------------------------------------------------------------ bodies
def _bad(message: str) -> PoolError:
    return PoolError(errors.BAD_ARGUMENT, message)


def _b64_field(container: dict[str, Any], name: str) -> str:
    value = container.get(name)
    if not isinstance(value, str) or not value or len(value) > MAX_FIELD_CHARS:
        raise _bad(f"{name} must be a base64url string")
    try:
        return b64url(from_b64url(value))
    except ValueError:
        raise _bad(f"{name} must be a base64url string") from None


def as_registration(value: Any) -> dict[str, Any]:
    """A registration response body whose shape is right (400 otherwise), checked before its
    ticket is spent."""
    _normalised(value, REGISTRATION_FIELDS)
    client_data(value)
    assert isinstance(value, dict)
    return value


def as_assertion(value: Any) -> dict[str, Any]:
    """An authentication response body whose shape is right (400 otherwise), checked before
    its ticket is spent."""
    _normalised(value, ASSERTION_FIELDS)
    client_data(value)
    assert isinstance(value, dict)
    return value


def credential_key(credential: Any) -> str:
    """The b64url credential id of a credential body (400 when ``id`` and ``rawId`` are
    missing, malformed or differ, or ``type`` is not ``public-key``)."""
    if not isinstance(credential, dict):
        raise _bad("the credential must be an object")
    if credential.get("type") != "public-key":
        raise _bad("the credential's type must be public-key")
    raw = _b64_field(credential, "rawId")
    if _b64_field(credential, "id") != raw:
        raise _bad("the credential's id and rawId differ")
    return raw


def _response(credential: dict[str, Any]) -> dict[str, Any]:
    response = credential.get("response")
    if not isinstance(response, dict):
        raise _bad("the credential's response must be an object")
    return response


def client_data(credential: Any) -> dict[str, Any]:
    """The decoded clientDataJSON of a credential body (400 when it is not a JSON object)."""
    if not isinstance(credential, dict):
        raise _bad("the credential must be an object")
    encoded = _b64_field(_response(credential), "clientDataJSON")
    try:
        decoded = json.loads(from_b64url(encoded))
    except (ValueError, RecursionError):
        raise _bad("clientDataJSON must be JSON") from None
    if not isinstance(decoded, dict):
        raise _bad("clientDataJSON must be a JSON object")
    return decoded


def transports_of(credential: dict[str, Any]) -> list[str]:
    """The transports a registration reports (in the credential, Gen-1, or its response, L3);
    unknown values are dropped."""
    for holder in (credential, _response(credential)):
        value = holder.get("transports")
        if isinstance(value, list):
            return [item for item in value if isinstance(item, str) and item in TRANSPORTS]
    return []


def _normalised(credential: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    key = credential_key(credential)
    response = _response(credential)
    clean: dict[str, Any] = {name: _b64_field(response, name) for name in fields}
    return {"id": key, "rawId": key, "type": "public-key", "response": clean}


def _accepted_origin(ceremony: Ceremony, credential: Any) -> str:
    origin = client_data(credential).get("origin")
    if not ceremony.rp.accepts_origin(origin):
        raise Refused("the request came from an origin this pool does not accept")
    assert isinstance(origin, str)
    return origin


# ------------------------------------------------------------------ verification
def verify_registration(ceremony: Ceremony, credential: Any) -> Registered:
    """Check a registration response against ``ceremony`` (attestation "none" or any format
    the library verifies); `Refused` when it does not verify."""
    clean = _normalised(credential, REGISTRATION_FIELDS)
    origin = _accepted_origin(ceremony, credential)
    try:
        verified = verify_registration_response(
            credential=clean, expected_challenge=ceremony.challenge,
            expected_rp_id=ceremony.rp.id, expected_origin=origin,
            require_user_presence=True,
            require_user_verification=requires_user_verification(ceremony.user_verification),
            supported_pub_key_algs=[COSEAlgorithmIdentifier(alg) for alg in ALGORITHMS])
    except WebAuthnException as exc:
        raise Refused(f"the registration did not verify: {exc}") from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise _bad("the registration response is malformed") from None
    aaguid = verified.aaguid if verified.aaguid.strip("0-") else None
    return Registered(
        credential_id=b64url(verified.credential_id),
        public_key=verified.credential_public_key, sign_count=verified.sign_count,
        aaguid=aaguid, transports=transports_of(credential),
        user_verified=verified.user_verified,
        backed_up=verified.credential_backed_up)


def verify_users_assertion(ceremony: Ceremony, credential: Any, row: Any,
                           user_id: str) -> Asserted:
    """`verify_assertion` of ``user_id``'s stored credential ``row`` (``public_key``,
    ``sign_count``), after checking the assertion's user handle names that user."""
    response = credential.get("response") or {}
    if not user_handle_matches(response.get("userHandle"), user_id):
        raise Refused("the passkey belongs to another account than it claims")
    return verify_assertion(ceremony, credential, row["public_key"], row["sign_count"])


def verify_assertion(ceremony: Ceremony, credential: Any, public_key: bytes,
                     sign_count: int) -> Asserted:
    """Check an assertion against ``ceremony`` and the stored key and counter; `Refused` when
    it does not verify, including a counter that did not grow while either count is non-zero
    (a cloned authenticator, or a replay)."""
    clean = _normalised(credential, ASSERTION_FIELDS)
    origin = _accepted_origin(ceremony, credential)
    try:
        verified = verify_authentication_response(
            credential=clean, expected_challenge=ceremony.challenge,
            expected_rp_id=ceremony.rp.id, expected_origin=origin,
            credential_public_key=public_key, credential_current_sign_count=sign_count,
            require_user_verification=requires_user_verification(ceremony.user_verification))
    except WebAuthnException as exc:
        raise Refused(f"the passkey's answer did not verify: {exc}") from None
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise _bad("the authentication response is malformed") from None
    return Asserted(sign_count=verified.new_sign_count, user_verified=verified.user_verified)
