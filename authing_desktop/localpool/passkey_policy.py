"""Every local, unverified WebAuthn choice of the pool, in one place (docs/passkeys.md, "The
pool's choices"): the relying party (its id and the origins it accepts), the options it sends,
how long a ceremony's ticket lives, the user handle, the authenticator kinds and the names the
login history uses. Nothing here touches the database; `passkey_ceremonies` applies it.

Authing does not publish what its cloud puts in ``rp.id`` or which origins it accepts from a
native client, so these are proposals; docs/passkeys.md says how they would differ against
the cloud.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# ------------------------------------------------------------------ options
TIMEOUT_MS = 60_000
# A ceremony's ticket (and its challenge) dies this long after the options were sent: the
# client's own timeout plus a margin for the round trip.
TICKET_LIFETIME_S = TIMEOUT_MS / 1000 + 30
CHALLENGE_BYTES = 32
TICKET_BYTES = 16
ES256, RS256 = -7, -257
ALGORITHMS: tuple[int, ...] = (ES256, RS256)
ATTESTATION = "none"
RESIDENT_KEY = "preferred"
USER_VERIFICATION = "preferred"
USER_VERIFICATION_CHOICES = ("required", "preferred", "discouraged")
TRANSPORTS = ("ble", "hybrid", "internal", "nfc", "smart-card", "usb")

# ------------------------------------------------------------------ credentials
# ``authenticatorCode`` of the Gen-1 routes, lower case on the wire (docs/passkeys.md).
AUTHENTICATOR_CODES = ("fingerprint", "face", "other")
DEFAULT_AUTHENTICATOR_CODE = "other"
MAX_NAME_LENGTH = 64
MAX_CREDENTIALS_PER_USER = 50

# ------------------------------------------------------------------ sign-in records
HISTORY_METHOD = "loginByPasskey"  # login history ``loginMethod`` of a passkey sign-in
SECOND_FACTOR = "passkey"  # login history ``secondFactor`` when a passkey was the second step
MFA_POLICY = "PASSKEY"  # the ``applicationMfa`` entry of a challenge (spec: GW's name)

LOCALHOST = "localhost"


def b64url(data: bytes) -> str:
    """base64url without padding (RFC 4648 section 5), as every WebAuthn JSON field."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str) -> bytes:
    """The bytes of a base64url string, padded or not (ValueError when it is not one)."""
    if not isinstance(text, str) or not text or len(text) > 4096:
        raise ValueError("not a base64url string")
    stripped = text.rstrip("=")
    if any(ch in stripped for ch in "+/") or not stripped.isascii():
        raise ValueError("not a base64url string")
    try:
        return base64.urlsafe_b64decode(stripped + "=" * (-len(stripped) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not a base64url string") from exc


def new_challenge() -> bytes:
    """A fresh random challenge."""
    return secrets.token_bytes(CHALLENGE_BYTES)


def new_ticket() -> str:
    """A fresh random 128-bit ticket, base64url."""
    return b64url(secrets.token_bytes(TICKET_BYTES))


def user_handle(user_id: str) -> str:
    """``user.id`` of the creation options: b64url(utf8(user id))."""
    return b64url(user_id.encode("utf-8"))


def user_handle_matches(value: Any, user_id: str) -> bool:
    """Whether an assertion's ``userHandle`` names ``user_id``: absent, the handle itself
    (b64url of the user id), or b64url of the handle's text (Authing's Android client encodes
    it twice; docs/passkeys.md)."""
    if value is None or value == "":
        return True
    if not isinstance(value, str):
        return False
    handle = user_handle(user_id)
    return value.rstrip("=") in (handle, b64url(handle.encode("ascii")))


def requires_user_verification(requested: str) -> bool:
    """A ceremony demands the UV flag only when its options said ``required``."""
    return requested == "required"


# ------------------------------------------------------------------ relying party
@dataclass(frozen=True)
class RelyingParty:
    """The pool as a WebAuthn relying party: ``id`` (``rp.id`` / ``rpId``), ``name`` and
    ``origin``, the pool's own origin for WebAuthn (what the desktop app puts into
    clientDataJSON against this pool)."""

    id: str
    name: str
    origin: str

    def accepts_origin(self, origin: Any) -> bool:
        """Whether ``origin`` (from clientDataJSON) is one the pool accepts: its own origin,
        ``https://<rp id>`` (the convention of Authing's native clients), and, when the RP id
        is ``localhost``, ``http://localhost`` on any port. Scheme and host compare
        case-insensitively; anything with a path, query, user or other host is refused."""
        normalized = _normalized_origin(origin)
        if normalized is None:
            return False
        scheme, host, port = normalized
        if (scheme, host, port) == _normalized_origin(self.origin):
            return True
        if scheme == "https" and host == self.id and port in (None, 443):
            return True
        return self.id == LOCALHOST and scheme == "http" and host == LOCALHOST


def _normalized_origin(origin: Any) -> tuple[str, str, int | None] | None:
    if not isinstance(origin, str) or len(origin) > 512:
        return None
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.username \
            or parts.password or parts.path not in ("", "/") or parts.query or parts.fragment:
        return None
    return parts.scheme.lower(), parts.hostname.lower(), port


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def relying_party(app_host: str, name: str) -> RelyingParty:
    """The relying party of a pool served at ``app_host`` (its URL, e.g.
    ``http://127.0.0.1:8080``). The RP id is the URL's host name, except for an IP literal:
    browsers and python-fido2 refuse IP RP ids and ``http://127.0.0.1`` origins, so such a
    pool is ``localhost`` and its WebAuthn origin ``http://localhost:<port>``
    (docs/passkeys.md)."""
    parts = urlsplit(app_host)
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or LOCALHOST).lower()
    port = parts.port
    if _is_ip_literal(host) or host in ("0.0.0.0", ""):  # noqa: S104 - a name, not a bind
        host = LOCALHOST
    default_port = {"http": 80, "https": 443}.get(scheme)
    origin = f"{scheme}://{host}" + (f":{port}" if port and port != default_port else "")
    return RelyingParty(id=host, name=name or "Local pool", origin=origin)


# ------------------------------------------------------------------ options
def descriptor(credential_id: str, transports: list[str]) -> dict[str, Any]:
    """A ``PublicKeyCredentialDescriptorJSON`` (exclude / allow lists)."""
    return {"id": credential_id, "transports": transports, "type": "public-key"}


def creation_options(rp: RelyingParty, challenge: bytes, *, user_id: str, user_name: str,
                     display_name: str, exclude: list[dict[str, Any]]) -> dict[str, Any]:
    """The creation options (``registrationOptions`` / ``publicKey``) in WebAuthn L3 JSON."""
    return {
        "challenge": b64url(challenge),
        "rp": {"id": rp.id, "name": rp.name},
        "user": {"id": user_handle(user_id), "name": user_name, "displayName": display_name},
        "pubKeyCredParams": [{"alg": alg, "type": "public-key"} for alg in ALGORITHMS],
        "excludeCredentials": exclude,
        "timeout": TIMEOUT_MS,
        "authenticatorSelection": {"residentKey": RESIDENT_KEY,
                                   "requireResidentKey": RESIDENT_KEY == "required",
                                   "userVerification": USER_VERIFICATION},
        "attestation": ATTESTATION,
    }


def request_options(rp: RelyingParty, challenge: bytes,
                    allow: list[dict[str, Any]]) -> dict[str, Any]:
    """The request options (``authenticationOptions`` / ``publicKey``); an empty ``allow``
    asks for a discoverable credential."""
    return {"challenge": b64url(challenge), "rpId": rp.id, "timeout": TIMEOUT_MS,
            "allowCredentials": allow, "userVerification": USER_VERIFICATION}


def default_name(authenticator_code: str, transports: list[str]) -> str:
    """The name of a credential registered without one."""
    if authenticator_code == "fingerprint":
        return "Fingerprint"
    if authenticator_code == "face":
        return "Face recognition"
    if "internal" in transports:
        return "Passkey on this device"
    return "Security key"
