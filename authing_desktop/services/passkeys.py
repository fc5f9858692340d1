"""The passkey ceremonies end to end: the server's options, the key's touch (`SecurityKeys`),
the server's verdict; with the server's refusals in the user's words (docs/passkeys.md).

The origin each ceremony claims comes from `api.passkey_origin` (the one place of that choice).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication

from authing_desktop.services.connection import Connection
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.security_key_errors import KeyProblem, SecurityKeyError
from authing_desktop.services.security_keys import PinAsker, SecurityKeys

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.models import User
    from authing_desktop.api.passkey_origin import PasskeyOrigin
    from authing_desktop.api.passkeys import Passkey, PasskeyCeremony
    from authing_desktop.api.step_up import StepUpProof

Touched = Callable[[], None]
T = TypeVar("T")

# The local pool's statuses for passkey refusals (docs/passkeys.md#what-the-app-says).
UNKNOWN_CREDENTIAL = 404
ALREADY_REGISTERED = 409
OWNER_DELETED = 431
NOT_SIGNED_IN = 401
NOT_VERIFIED = 2333  # a step-up answer that did not verify (docs/step-up.md)


class Passkeys:
    """Add a key to the signed-in account, sign in with one, answer a second step with one."""

    def __init__(self, connection: Connection, keys: SecurityKeys) -> None:
        self._connection = connection
        self.keys = keys

    def origin(self, client: AuthenticationClient) -> PasskeyOrigin:
        from authing_desktop.api.passkey_origin import PasskeyOrigin

        return PasskeyOrigin(host=client.profile.host,
                             local_pool=self._connection.is_local_pool)

    @property
    def second_factor_available(self) -> bool:
        """Whether a key can answer a sign-in's second step on this connection."""
        from authing_desktop.api.passkey_origin import PasskeyOrigin

        return PasskeyOrigin(host="", local_pool=self._connection.is_local_pool
                             ).second_factor_available

    async def add(self, client: AuthenticationClient, name: str, *,
                  pin: PinAsker | None = None, on_touch: Touched | None = None) -> Passkey:
        """Register a new key on the signed-in account and give it ``name``."""
        ceremony = await client.passkey_registration_options()
        origin = self.origin(client).origin(ceremony.rp_id)
        credential = await self.keys.create(ceremony.options, origin, pin=pin,
                                            on_touch=on_touch)
        await _refusals(client.verify_passkey_registration(ceremony.ticket, credential),
                        creating=True)
        credential_id = str(credential.get("id") or "")
        added = next((key for key in await client.list_passkeys()
                      if key.credential_id == credential_id), None)
        if added is None:
            raise UserFacingError(QCoreApplication.translate(
                "Passkeys", "The key was added, but the user pool does not list it. Refresh "
                "the page."))
        name = name.strip()
        if name and name != added.name:
            await client.rename_passkey(added.credential_id, name)
            added = next((key for key in await client.list_passkeys()
                          if key.credential_id == credential_id), added)
        return added

    async def sign_in(self, client: AuthenticationClient, *, pin: PinAsker | None = None,
                      on_touch: Touched | None = None) -> User:
        """Sign in with a key alone: the key tells whose account it is."""
        from authing_desktop.api.error_codes import ErrorGroup, in_group
        from authing_desktop.api.errors import AuthingError

        ceremony = await client.passkey_authentication_options()
        credential = await self._assert(client, ceremony, pin, on_touch)
        try:
            return await _refusals(client.sign_in_with_passkey(ceremony.ticket, credential))
        except AuthingError as error:
            # The key verified, but users/me refused its id_token (the cloud may: unpublished).
            if in_group(error.code, ErrorGroup.SESSION_ENDED) or error.code == NOT_SIGNED_IN:
                raise UserFacingError(QCoreApplication.translate(
                    "Passkeys", "The user pool accepted the key, but does not let the app sign "
                    "in with it. Sign in with your password instead.")) from error
            raise

    async def second_factor(self, client: AuthenticationClient, mfa_token: str, *,
                            pin: PinAsker | None = None,
                            on_touch: Touched | None = None) -> User:
        """Answer a 1635 / 1636 challenge with a key (local pool only, `PasskeyOrigin`)."""
        if not self.second_factor_available:
            raise UserFacingError(QCoreApplication.translate(
                "Passkeys", "This user pool does not accept a security key as the second "
                "step here. Choose another way."))
        ceremony = await client.passkey_second_factor_options(mfa_token)
        credential = await self._assert(client, ceremony, pin, on_touch)
        return await _refusals(client.verify_passkey_second_factor(
            mfa_token, ceremony.ticket, credential))

    async def step_up(self, client: AuthenticationClient, *, token: str | None = None,
                      pin: PinAsker | None = None,
                      on_touch: Touched | None = None) -> StepUpProof:
        """Confirm it's me with a key of my account: a step-up proof of the session
        ``token`` (else the current one), kept like the others (docs/step-up.md)."""
        from authing_desktop.api.errors import AuthingError
        from authing_desktop.api.step_up import StepUpMethod

        ceremony = await _refusals(client.step_up_passkey_options(token=token))
        credential = await self._assert(client, ceremony, pin, on_touch)
        try:
            return await _refusals(client.verify_step_up(
                StepUpMethod.PASSKEY, ticket=ceremony.ticket, credential=credential,
                token=token))
        except AuthingError as error:
            if error.code == NOT_VERIFIED:
                raise _not_accepted() from error
            raise

    async def _assert(self, client: AuthenticationClient, ceremony: PasskeyCeremony,
                      pin: PinAsker | None, on_touch: Touched | None) -> dict[str, object]:
        origin = self.origin(client).origin(ceremony.rp_id)
        return await self.keys.get(ceremony.options, origin, pin=pin, on_touch=on_touch)


async def _refusals(call: Awaitable[T], *, creating: bool = False) -> T:
    """Await ``call``, with the server's passkey refusals in the user's words."""
    from authing_desktop.api.errors import AuthingError
    from authing_desktop.api.passkeys import PasskeyNotVerified

    try:
        return await call
    except PasskeyNotVerified as error:
        raise _not_accepted() from error
    except AuthingError as error:
        if error.code == ALREADY_REGISTERED and creating:
            raise SecurityKeyError(KeyProblem.ALREADY_REGISTERED) from error
        if error.code == UNKNOWN_CREDENTIAL and not creating:
            raise SecurityKeyError(KeyProblem.NOT_REGISTERED) from error
        if error.code == OWNER_DELETED:
            raise UserFacingError(QCoreApplication.translate(
                "Passkeys", "The account this key belonged to no longer exists.")) from error
        raise


def _not_accepted() -> UserFacingError:
    return UserFacingError(QCoreApplication.translate(
        "Passkeys", "The user pool did not accept the key's answer. Try again; if it keeps "
        "happening, remove the key and add it again."))
