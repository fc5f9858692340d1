"""Passkeys through the api layer against the local pool, with the shared software
authenticator answering: register (Gen-1 body built from the L3 JSON), list, rename, sign in
(the id_token becomes the session), the second step, remove; the pool's refusals."""

from __future__ import annotations

import pytest

from authing_desktop.api.errors import AuthingError
from authing_desktop.api.passkey_origin import PasskeyOrigin
from authing_desktop.api.passkeys import PasskeyNotVerified
from authing_desktop.api.self_service_models import MfaChallenge
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD
from tests.fixtures.pool import RunningPool, unique
from tests.passkeys.soft_authenticator import SoftAuthenticator


def _origin(pool: RunningPool, rp_id: str | None) -> str:
    return PasskeyOrigin(host=pool.url, local_pool=True).origin(rp_id)


def test_register_list_rename_sign_in_and_remove(pool: RunningPool) -> None:
    email = f"{unique('pk')}@example.com"
    key = SoftAuthenticator()

    async def scenario() -> None:
        async with client_for(pool) as owner:
            await owner.register_by_email(email, PASSWORD, force_login=True)
            assert await owner.list_passkeys() == []
            ceremony = await owner.passkey_registration_options()
            assert ceremony.rp_id == "localhost"
            created = key.create(ceremony.options, _origin(pool, ceremony.rp_id))
            assert await owner.verify_passkey_registration(ceremony.ticket, created)
            (listed,) = await owner.list_passkeys()
            assert listed.credential_id == created["id"]
            assert listed.created is not None and listed.last_used is None
            assert "usb" in listed.transports
            assert await owner.rename_passkey(listed.credential_id, "  Blue key ")
            (renamed,) = await owner.list_passkeys()
            assert renamed.name == "Blue key"

            # A ticket is single use.
            again = key.create(ceremony.options, _origin(pool, ceremony.rp_id))
            with pytest.raises(AuthingError):
                await owner.verify_passkey_registration(ceremony.ticket, again)

        async with client_for(pool) as client:
            ceremony = await client.passkey_authentication_options()
            asserted = key.get(ceremony.options, _origin(pool, ceremony.rp_id))
            user = await client.sign_in_with_passkey(ceremony.ticket, asserted)
            assert user.email == email and user.token
            assert client.token == user.token and client.current_user == user
            assert (await client.get_current_user()).email == email
            (used,) = await client.list_passkeys()
            assert used.last_used is not None
            assert await client.remove_passkey(used.credential_id)
            assert await client.list_passkeys() == []

        async with client_for(pool) as client:
            ceremony = await client.passkey_authentication_options()
            asserted = key.get(ceremony.options, _origin(pool, ceremony.rp_id))
            with pytest.raises(AuthingError) as caught:
                await client.sign_in_with_passkey(ceremony.ticket, asserted)
            assert caught.value.code == 404
            assert client.token is None

    run(scenario())


def test_a_wrong_origin_is_not_verified(pool: RunningPool) -> None:
    email = f"{unique('pk')}@example.com"
    key = SoftAuthenticator()

    async def scenario() -> None:
        async with client_for(pool) as owner:
            await owner.register_by_email(email, PASSWORD, force_login=True)
            ceremony = await owner.passkey_registration_options()
            created = key.create(ceremony.options, "https://evil.example")
            with pytest.raises(AuthingError) as caught:
                await owner.verify_passkey_registration(ceremony.ticket, created)
            # Either refused outright or "not verified": never registered.
            assert isinstance(caught.value, PasskeyNotVerified) or caught.value.code == 400
            assert await owner.list_passkeys() == []

    run(scenario())


def test_a_passkey_answers_the_second_step(make_pool: object) -> None:
    pool: RunningPool = make_pool(passkey_second_factor=True)  # type: ignore[operator]
    email = f"{unique('pk')}@example.com"
    key = SoftAuthenticator()

    async def scenario() -> None:
        async with client_for(pool) as owner:
            await owner.register_by_email(email, PASSWORD, force_login=True)
            ceremony = await owner.passkey_registration_options()
            created = key.create(ceremony.options, _origin(pool, ceremony.rp_id))
            await owner.verify_passkey_registration(ceremony.ticket, created)

        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(email, PASSWORD)
            challenge = MfaChallenge.from_error(caught.value)
            assert challenge is not None
            assert "PASSKEY" in challenge.factors and challenge.passkey_enabled
            ceremony = await client.passkey_second_factor_options(challenge.mfa_token)
            asserted = key.get(ceremony.options, _origin(pool, ceremony.rp_id))
            user = await client.verify_passkey_second_factor(
                challenge.mfa_token, ceremony.ticket, asserted)
            assert user.email == email and client.token == user.token

    run(scenario())
