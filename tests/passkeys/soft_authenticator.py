"""A software WebAuthn authenticator for the tests (pool, app and hosted-page tests share it).

It stands where a browser plus a security key would: it takes the options a server sent (the
WebAuthn Level 3 JSON of docs/passkeys.md, e.g. ``data["registrationOptions"]``), makes or
uses an ES256 key pair (`cryptography`), and answers with the L3 JSON a browser's
``credential.toJSON()`` gives. Attestation is always "none". Every field a test may want to
get wrong can be set: the origin written into clientDataJSON, the RP id hashed into the
authenticator data, the challenge, the client data type, the UP / UV flags and the signature
counter.

    key = SoftAuthenticator()
    options = answer["data"]["registrationOptions"]
    created = key.create(options, "http://localhost:8080")          # RegistrationResponseJSON
    body = {"ticket": answer["data"]["ticket"],
            "registrationCredential": gen1_registration_credential(created)}
    ...
    asserted = key.get(answer["data"]["authenticationOptions"], "http://localhost:8080")
    body = {"ticket": ..., "authenticationCredential": gen1_authentication_credential(asserted)}

- `SoftAuthenticator.create` / `SoftAuthenticator.get` raise `CredentialExcluded` (an
  ``excludeCredentials`` hit, the browser's InvalidStateError), `NoCredential` (nothing for
  that RP / allow list, NotAllowedError) or `Unsupported` (no ES256 in ``pubKeyCredParams``).
- Each `SoftCredential` is kept in ``key.credentials``; its ``sign_count`` may be set, and
  ``key.clone()`` copies keys and counters (a cloned authenticator).
- Against python-fido2 objects (the app's tests): ``dict(options)`` of a fido2
  ``PublicKeyCredentialCreationOptions`` / ``...RequestOptions`` is accepted, and the answers
  load with ``RegistrationResponse.from_dict`` / ``AuthenticationResponse.from_dict``.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

ES256 = -7
# An AAGUID of our own (version-4 UUID bits), so a test can tell the soft key in a list.
SOFT_AAGUID = bytes.fromhex("5d1f3c6e0b7a4c2e9a8b7c6d5e4f3a2b")

UP, UV, BE, BS, AT = 0x01, 0x04, 0x08, 0x10, 0x40
_UNSET: Any = object()


class NoCredential(Exception):  # noqa: N818 - named after the browser's NotAllowedError case
    """No credential of this authenticator fits the request (RP id, allow list)."""


class CredentialExcluded(Exception):  # noqa: N818 - the browser's InvalidStateError case
    """The creation options exclude a credential this authenticator holds."""


class Unsupported(Exception):  # noqa: N818
    """The options ask for something this authenticator cannot do (an algorithm)."""


def b64url(data: bytes) -> str:
    """base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def from_b64url(text: str | bytes) -> bytes:
    """Bytes of a base64url string (padding optional); bytes pass through."""
    if isinstance(text, bytes):
        return text
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def cbor(value: Any) -> bytes:
    """Canonical-enough CBOR of ints, bytes, text, lists and dicts (in their given order)."""
    def head(major: int, number: int) -> bytes:
        if number < 24:
            return bytes([major << 5 | number])
        for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
            if number < 1 << (8 * struct.calcsize(fmt)):
                return bytes([major << 5 | extra]) + struct.pack(fmt, number)
        raise ValueError("integer too large for CBOR")

    if isinstance(value, bool):
        return b"\xf5" if value else b"\xf4"
    if isinstance(value, int):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return head(3, len(encoded)) + encoded
    if isinstance(value, list):
        return head(4, len(value)) + b"".join(cbor(item) for item in value)
    if isinstance(value, dict):
        return head(5, len(value)) + b"".join(cbor(k) + cbor(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


@dataclass
class SoftCredential:
    """One credential: its id, RP id, user handle, key pair and signature counter."""

    credential_id: bytes
    rp_id: str
    user_handle: bytes
    private_key: ec.EllipticCurvePrivateKey = field(repr=False)
    sign_count: int = 0
    resident: bool = True

    @property
    def id(self) -> str:
        """The b64url credential id (what the server lists as ``credentialId``)."""
        return b64url(self.credential_id)

    def cose_public_key(self) -> bytes:
        """The public key as a COSE_Key (EC2, P-256, ES256)."""
        numbers = self.private_key.public_key().public_numbers()
        return cbor({1: 2, 3: ES256, -1: 1, -2: numbers.x.to_bytes(32, "big"),
                     -3: numbers.y.to_bytes(32, "big")})

    def sign(self, data: bytes) -> bytes:
        """An ES256 (DER) signature of ``data``."""
        return self.private_key.sign(data, ec.ECDSA(hashes.SHA256()))


def _options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The options object itself, also when wrapped as ``{"publicKey": ...}``."""
    plain = dict(options)
    inner = plain.get("publicKey")
    return dict(inner) if isinstance(inner, Mapping) else plain


class SoftAuthenticator:
    """A roaming (USB-like) authenticator with resident ES256 credentials.

    ``supports_uv``: it can verify the user (a PIN), so UV is set unless the options
    discourage it. ``counter_step``: how much the counter grows per assertion (0: a
    synced passkey that always reports 0). ``backed_up``: the BE / BS flags of a synced
    passkey. ``transports`` and ``attachment`` are what its answers report."""

    def __init__(self, *, aaguid: bytes = SOFT_AAGUID, supports_uv: bool = True,
                 counter_step: int = 1, backed_up: bool = False,
                 transports: tuple[str, ...] = ("usb",),
                 attachment: str = "cross-platform") -> None:
        self.aaguid = aaguid
        self.supports_uv = supports_uv
        self.counter_step = counter_step
        self.backed_up = backed_up
        self.transports = list(transports)
        self.attachment = attachment
        self.credentials: list[SoftCredential] = []

    # ------------------------------------------------------------------ helpers
    def credential(self, credential_id: str | bytes) -> SoftCredential:
        """The held credential with this id (b64url text or raw bytes)."""
        raw = from_b64url(credential_id)
        for held in self.credentials:
            if held.credential_id == raw:
                return held
        raise NoCredential(f"no credential {credential_id!r}")

    def clone(self) -> SoftAuthenticator:
        """Another authenticator holding copies of the same keys and counters."""
        twin = copy.copy(self)
        twin.credentials = [copy.copy(held) for held in self.credentials]
        return twin

    def _flags(self, present: bool, verified: bool, extra: int = 0) -> int:
        flags = extra | (UP if present else 0) | (UV if verified else 0)
        return flags | (BE | BS if self.backed_up else 0)

    def _verifies(self, options: dict[str, Any], override: bool | None) -> bool:
        if override is not None:
            return override
        wanted = options.get("userVerification") or (
            options.get("authenticatorSelection") or {}).get("userVerification") or "preferred"
        return self.supports_uv and wanted != "discouraged"

    @staticmethod
    def _client_data(kind: str, challenge: str | bytes, origin: str) -> bytes:
        text = challenge if isinstance(challenge, str) else b64url(challenge)
        return json.dumps({"type": kind, "challenge": text.rstrip("="), "origin": origin,
                           "crossOrigin": False}, separators=(",", ":")).encode()

    # ------------------------------------------------------------------ ceremonies
    def create(self, options: Mapping[str, Any], origin: str, *, rp_id: str | None = None,
               challenge: str | bytes | None = None, client_type: str = "webauthn.create",
               user_verified: bool | None = None, user_present: bool = True,
               resident: bool = True) -> dict[str, Any]:
        """Make a credential for creation ``options``; the RegistrationResponseJSON.

        ``origin`` goes into clientDataJSON as given; ``rp_id`` replaces the options' RP id
        in what is hashed and stored, ``challenge`` the options' challenge, ``client_type``
        the client data type; ``user_verified`` / ``user_present`` force the flags."""
        opts = _options(options)
        params = [param.get("alg") for param in opts.get("pubKeyCredParams") or []]
        if params and ES256 not in params:
            raise Unsupported(f"only ES256 is supported, asked for {params}")
        target = rp_id or opts["rp"]["id"]
        excluded = {from_b64url(item["id"]) for item in opts.get("excludeCredentials") or []}
        if any(held.credential_id in excluded and held.rp_id == target
               for held in self.credentials):
            raise CredentialExcluded("this authenticator is registered already")
        made = SoftCredential(credential_id=os.urandom(32), rp_id=target,
                              user_handle=from_b64url(opts["user"]["id"]),
                              private_key=ec.generate_private_key(ec.SECP256R1()),
                              resident=resident)
        self.credentials.append(made)
        attested = self.aaguid + struct.pack(">H", len(made.credential_id)) \
            + made.credential_id + made.cose_public_key()
        auth_data = hashlib.sha256(target.encode()).digest() + bytes([self._flags(
            user_present, self._verifies(opts, user_verified), AT)]) \
            + struct.pack(">I", made.sign_count) + attested
        client_data = self._client_data(client_type, challenge or opts["challenge"], origin)
        attestation = cbor({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return {"id": made.id, "rawId": made.id, "type": "public-key",
                "response": {"clientDataJSON": b64url(client_data),
                             "attestationObject": b64url(attestation),
                             "transports": list(self.transports)},
                "authenticatorAttachment": self.attachment, "clientExtensionResults": {}}

    def _select(self, opts: dict[str, Any], credential_id: str | bytes | None) -> SoftCredential:
        if credential_id is not None:
            return self.credential(credential_id)
        allowed = [from_b64url(item["id"]) for item in opts.get("allowCredentials") or []]
        for held in self.credentials:
            if held.rp_id != opts.get("rpId"):
                continue
            if (allowed and held.credential_id in allowed) or (not allowed and held.resident):
                return held
        raise NoCredential(f"no credential for {opts.get('rpId')!r}")

    def get(self, options: Mapping[str, Any], origin: str, *, rp_id: str | None = None,
            challenge: str | bytes | None = None, credential_id: str | bytes | None = None,
            sign_count: int | None = None, user_verified: bool | None = None,
            user_present: bool = True, user_handle: Any = _UNSET,
            client_type: str = "webauthn.get") -> dict[str, Any]:
        """Sign request ``options`` with a held credential; the AuthenticationResponseJSON.

        The credential is ``credential_id``, else the first one the allow list names (or, with
        none, the first resident one) for the options' RP id. Its counter grows by
        ``counter_step`` unless ``sign_count`` sets it. ``user_handle`` replaces the reported
        handle (None leaves it out). ``origin``, ``rp_id``, ``challenge``, ``client_type``
        and the flags as in `create`."""
        opts = _options(options)
        held = self._select(opts, credential_id)
        held.sign_count = held.sign_count + self.counter_step if sign_count is None \
            else sign_count
        auth_data = hashlib.sha256((rp_id or opts["rpId"]).encode()).digest() + bytes(
            [self._flags(user_present, self._verifies(opts, user_verified))]) \
            + struct.pack(">I", held.sign_count)
        client_data = self._client_data(client_type, challenge or opts["challenge"], origin)
        signature = held.sign(auth_data + hashlib.sha256(client_data).digest())
        handle = (b64url(held.user_handle) if held.resident else None) \
            if user_handle is _UNSET else user_handle
        return {"id": held.id, "rawId": held.id, "type": "public-key",
                "response": {"clientDataJSON": b64url(client_data),
                             "authenticatorData": b64url(auth_data),
                             "signature": b64url(signature), "userHandle": handle},
                "authenticatorAttachment": self.attachment, "clientExtensionResults": {}}


# ------------------------------------------------------------------ Gen-1 bodies
def gen1_registration_credential(response: Mapping[str, Any]) -> dict[str, Any]:
    """The Gen-1 ``registrationCredential`` of a RegistrationResponseJSON: only the DTO's
    keys, ``transports`` at the top level (docs/passkeys.md)."""
    inner = response["response"]
    return {"id": response["id"], "rawId": response["rawId"], "type": response["type"],
            "response": {"attestationObject": inner["attestationObject"],
                         "clientDataJSON": inner["clientDataJSON"]},
            "transports": list(inner.get("transports") or [])}


def gen1_authentication_credential(response: Mapping[str, Any]) -> dict[str, Any]:
    """The Gen-1 ``authenticationCredential`` of an AuthenticationResponseJSON (the DTO's
    keys only)."""
    inner = response["response"]
    return {"id": response["id"], "rawId": response["rawId"], "type": response["type"],
            "response": {"authenticatorData": inner["authenticatorData"],
                         "clientDataJSON": inner["clientDataJSON"],
                         "signature": inner["signature"], "userHandle": inner.get("userHandle")}}
