"""Passkeys and security keys over Authing's v3 WebAuthn routes, first generation
(docs/passkeys.md): register one on the signed-in account, sign in with one, list, rename and
remove them, and answer a sign-in's second step with one (the local pool's finish route).

The api layer does no WebAuthn itself: it returns the server's options as the JSON mapping
python-fido2's ``from_dict`` reads, and takes back the credential as the L3 JSON mapping
``dict(RegistrationResponse)`` / ``dict(AuthenticationResponse)`` gives, copying only the keys
the Gen-1 DTOs have (`registration_dto`, `authentication_dto`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from authing_desktop.api.client_core import ClientCore, require_text
from authing_desktop.api.errors import AuthingArgumentError, AuthingError, MalformedResponse
from authing_desktop.api.models import User, WireModel, _raw
from authing_desktop.api.passkey_origin import AUTHENTICATOR_CODE, SIGN_IN_SCOPE
from authing_desktop.api.self_service_models import list_of, parse_time

REGISTRATION_PATH = "/api/v3/webauthn/registration"
AUTHENTICATION_PATH = "/api/v3/webauthn/authentication"
LIST_PATH = "/api/v3/webauthn/page-authenticator-device"
REMOVE_PATH = "/api/v3/webauthn/remove-credential/"
CREDENTIALS_PATH = "/api/v3/webauthn/credentials/"
MFA_VERIFY_INIT_PATH = "/api/v3/webauthn/mfa-verify/initialize"
MFA_VERIFY_FINISH_PATH = "/api/v3/webauthn/mfa-verify/finalize"

MAX_NAME_LENGTH = 64
# A status the server gives when the key's answer did not verify (``verified: false``).
NOT_VERIFIED = 400


class PasskeyNotVerified(AuthingError):  # noqa: N818 - reads as the event it reports
    """The server answered ``verified: false``: the key's signature, origin or RP ID did not
    check out (docs/passkeys.md#what-the-app-says)."""

    def __init__(self) -> None:
        super().__init__(NOT_VERIFIED, "the security key's answer was not verified")


@dataclass(frozen=True)
class PasskeyCeremony:
    """One ceremony's start: ``options`` (the server's camelCase JSON, for python-fido2's
    ``from_dict``) and the single-use ``ticket`` that goes back with the answer."""

    options: dict[str, Any] = field(repr=False)
    ticket: str = field(repr=False)

    @property
    def rp_id(self) -> str | None:
        """The RP ID the options name (``rp.id`` or ``rpId``)."""
        rp = self.options.get("rp")
        value = rp.get("id") if isinstance(rp, Mapping) else self.options.get("rpId")
        return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class Passkey(WireModel):
    """One registered passkey or security key (docs/passkeys.md#routes)."""

    credential_id: str = ""
    id: str | None = None
    name: str | None = None
    authenticator_code: str | None = None
    transports: list[str] = field(default_factory=list)
    aaguid: str | None = None
    created_at: str | None = None
    last_used_at: str | None = None
    raw: dict[str, Any] = _raw()

    @classmethod
    def _convert(cls, values: dict[str, Any]) -> None:
        if not isinstance(values.get("credential_id"), str) or not values["credential_id"]:
            raise MalformedResponse("passkey without a credentialId")
        transports = values.get("transports")
        values["transports"] = [str(t) for t in transports] if isinstance(
            transports, list) else []

    @property
    def created(self) -> dt.datetime | None:
        return parse_time(self.created_at)

    @property
    def last_used(self) -> dt.datetime | None:
        return parse_time(self.last_used_at)


def ceremony_of(data: Any, key: str) -> PasskeyCeremony:
    """The options under ``key`` (or ``publicKey``) and the ticket of an options answer."""
    if not isinstance(data, Mapping):
        raise MalformedResponse("WebAuthn options answer is not an object")
    options, ticket = data.get(key) or data.get("publicKey"), data.get("ticket")
    if not isinstance(options, Mapping) or not isinstance(options.get("challenge"), str):
        raise MalformedResponse(f"WebAuthn answer has no {key}")
    if not isinstance(ticket, str) or not ticket:
        raise MalformedResponse("WebAuthn answer has no ticket")
    return PasskeyCeremony(options=dict(options), ticket=ticket)


def _pick(source: Mapping[str, Any], keys: tuple[str, ...], what: str) -> dict[str, Any]:
    picked: dict[str, Any] = {}
    for key in keys:
        value = source.get(key)
        if value is not None:
            picked[key] = value
    missing = [key for key in keys if key not in picked and key != "userHandle"]
    if missing:
        raise AuthingArgumentError(f"{what} lacks {', '.join(missing)}")
    return picked


def registration_dto(credential: Mapping[str, Any]) -> dict[str, Any]:
    """The Gen-1 ``registrationCredential`` from an L3 ``RegistrationResponseJSON``: id, rawId,
    type, the attestation object and client data (transports at the top, when known)."""
    response = credential.get("response")
    if not isinstance(response, Mapping):
        raise AuthingArgumentError("the credential has no response")
    dto = _pick(credential, ("id", "rawId", "type"), "the credential")
    dto["response"] = _pick(response, ("attestationObject", "clientDataJSON"),
                            "the credential's response")
    transports = response.get("transports") or credential.get("transports")
    if isinstance(transports, list) and transports:
        dto["transports"] = [str(t) for t in transports]
    return dto


def authentication_dto(credential: Mapping[str, Any]) -> dict[str, Any]:
    """The Gen-1 ``authenticationCredential`` from an L3 ``AuthenticationResponseJSON``."""
    response = credential.get("response")
    if not isinstance(response, Mapping):
        raise AuthingArgumentError("the credential has no response")
    dto = _pick(credential, ("id", "rawId", "type"), "the credential")
    dto["response"] = _pick(
        response, ("authenticatorData", "clientDataJSON", "signature", "userHandle"),
        "the credential's response")
    return dto


def _verified(data: Any) -> Mapping[str, Any]:
    if not isinstance(data, Mapping) or not isinstance(data.get("verified"), bool):
        raise MalformedResponse("WebAuthn answer has no verified flag")
    if not data["verified"]:
        raise PasskeyNotVerified
    return data


def _credential_path(prefix: str, credential_id: str) -> str:
    return prefix + quote(require_text("credential_id", credential_id), safe="")


class PasskeyOperations(ClientCore):
    """Register, sign in with, list, rename and remove passkeys, and answer a second step."""

    # ------------------------------------------------------------------ registration

    async def passkey_registration_options(self) -> PasskeyCeremony:
        """Start registering a key on the signed-in account."""
        data = await self._authed_rest("GET", REGISTRATION_PATH)
        return ceremony_of(data, "registrationOptions")

    async def verify_passkey_registration(
        self, ticket: str, credential: Mapping[str, Any],
        authenticator_code: str = AUTHENTICATOR_CODE,
    ) -> bool:
        """Finish the registration with the key's answer; raises `PasskeyNotVerified` when
        the server does not accept it (409: the key is registered already)."""
        data = await self._authed_rest("POST", REGISTRATION_PATH, json_body={
            "ticket": require_text("ticket", ticket),
            "registrationCredential": registration_dto(credential),
            "authenticatorCode": authenticator_code})
        _verified(data)
        return True

    # ------------------------------------------------------------------ sign-in

    async def passkey_authentication_options(self) -> PasskeyCeremony:
        """Start a passkey sign-in (no account needed: the key says whose it is)."""
        data = await self.transport.rest("GET", AUTHENTICATION_PATH)
        return ceremony_of(data, "authenticationOptions")

    async def sign_in_with_passkey(self, ticket: str, credential: Mapping[str, Any],
                                   scope: str = SIGN_IN_SCOPE) -> User:
        """Finish a passkey sign-in: the returned ``id_token`` becomes the session's token
        and ``users/me`` loads the user with it (docs/passkeys.md#the-desktop-client)."""
        data = _verified(await self.transport.rest("POST", AUTHENTICATION_PATH, json_body={
            "ticket": require_text("ticket", ticket),
            "authenticationCredential": authentication_dto(credential),
            "options": {"scope": require_text("scope", scope)}}))
        token_set = data.get("tokenSet")
        token = token_set.get("id_token") if isinstance(token_set, Mapping) else None
        if not isinstance(token, str) or not token:
            raise MalformedResponse("passkey sign-in answer has no id_token")
        return await self._fetch_current_user(token=token)

    # ------------------------------------------------------------------ my keys

    async def list_passkeys(self) -> list[Passkey]:
        """Every passkey and security key of the signed-in account."""
        data = await self._authed_rest("POST", LIST_PATH, json_body={})
        items = data.get("list") if isinstance(data, Mapping) else data
        passkeys: list[Passkey] = list_of(Passkey, items)
        return passkeys

    async def rename_passkey(self, credential_id: str, name: str) -> bool:
        """Give a key a new name (trimmed, at most `MAX_NAME_LENGTH` characters)."""
        text = require_text("name", name).strip()
        if len(text) > MAX_NAME_LENGTH:
            raise AuthingArgumentError("name is too long")
        await self._authed_rest("PUT", _credential_path(CREDENTIALS_PATH, credential_id),
                                json_body={"name": text})
        return True

    async def remove_passkey(self, credential_id: str) -> bool:
        """Remove a key: it can no longer sign in (refused when it is the last way in)."""
        await self._authed_rest("POST", _credential_path(REMOVE_PATH, credential_id),
                                json_body={"credentialID": credential_id})
        return True

    # ------------------------------------------------------------------ second step

    async def passkey_second_factor_options(self, mfa_token: str) -> PasskeyCeremony:
        """Start answering a 1635 / 1636 challenge with a key."""
        data = await self.transport.rest("POST", MFA_VERIFY_INIT_PATH, json_body={},
                                         token=require_text("mfa_token", mfa_token))
        return ceremony_of(data, "publicKey")

    async def verify_passkey_second_factor(self, mfa_token: str, ticket: str,
                                           credential: Mapping[str, Any]) -> User:
        """Finish the challenge with the key's answer; the user (with token) becomes the
        session, as after any other second factor."""
        data = await self.transport.rest("POST", MFA_VERIFY_FINISH_PATH, json_body={
            "credential": dict(credential), "ticket": require_text("ticket", ticket)},
            token=require_text("mfa_token", mfa_token))
        user = User.from_wire(data)
        if not user.token:
            raise MalformedResponse("the second-factor answer carries no token")
        self._adopt_user(user)
        return user
