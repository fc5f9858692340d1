"""Account self-service against the local pool: codes, resets, profile, password, phone,
email, security level, password strength, user existence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD, new_phone
from tests.fixtures.pool import RunningPool, unique


async def _signed_in(client: AuthenticationClient, username: str | None = None) -> str:
    """Register a fresh user with a token; returns its username."""
    name = username or unique("acct")
    await client.register_by_username(name, PASSWORD, force_login=True)
    return name


def test_send_codes_and_reject_bad_scenes(pool: RunningPool) -> None:
    email = f"{unique('mail')}@example.com"
    phone = new_phone()

    async def scenario() -> None:
        async with client_for(pool) as client:
            sms = await client.send_sms_code(phone)
            assert sms.code in (200, None)
            assert pool.latest_code(phone)
            mail = await client.send_email(email, "VERIFY_EMAIL")
            assert mail.code in (200, None)
            assert pool.latest_code(email, "VERIFY_EMAIL")
            with pytest.raises(AuthingArgumentError):
                await client.send_email(email, "FOO")
            # a second SMS within the resend interval: the SDK returns this, we raise
            with pytest.raises(AuthingError) as caught:
                await client.send_sms_code(phone)
            assert caught.value.code != 200

    run(scenario())


def test_reset_password_by_email_code(pool: RunningPool) -> None:
    email = f"{unique('rst')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_email(email, PASSWORD)
            await client.send_email(email, "RESET_PASSWORD")
            with pytest.raises(AuthingError) as caught:
                await client.reset_password_by_email_code(email, "000000", "N3w-pass-1")
            assert caught.value.code in (2001, 2300)
            message = await client.reset_password_by_email_code(
                email, pool.latest_code(email, "RESET_PASSWORD"), "N3w-pass-1")
            assert message.code in (200, None)
            assert (await client.login_by_email(email, "N3w-pass-1")).email == email
            with pytest.raises(AuthingError) as caught:  # the code is single-use
                await client.reset_password_by_email_code(
                    email, pool.latest_code(email, "RESET_PASSWORD"), "N3w-pass-2")
            assert caught.value.code in (2001, 2300)
            with pytest.raises(AuthingError) as caught:
                await client.reset_password_by_phone_code(new_phone(), "123456", "N3w-pass-2")
            assert caught.value.code in (2001, 2004, 2300)

    run(scenario())


def test_reset_password_by_phone_code(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool()
    phone = new_phone()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.send_sms_code(phone)
            await client.register_by_phone_code(phone, pool.latest_code(phone), PASSWORD)
            pool.advance_clock(61)  # past the resend interval
            await client.send_sms_code(phone)
            await client.reset_password_by_phone_code(phone, pool.latest_code(phone), "N3w-p4ss")
            assert (await client.login_by_phone_password(phone, "N3w-p4ss")).phone == phone

    run(scenario())


def test_update_profile(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            name = await _signed_in(client)
            token = client.token
            user = await client.update_profile({"nickname": "Nick", "givenName": "Given"})
            assert (user.nickname, user.given_name, user.username) == ("Nick", "Given", name)
            assert client.token == token  # a user without token never wipes it
            assert client.current_user is not None and client.current_user.nickname == "Nick"
            with pytest.raises(AuthingArgumentError):
                await client.update_profile({"password": "plaintext"})
            with pytest.raises(AuthingArgumentError):
                await client.update_profile({"lastIp": "1.2.3.4"})
            with pytest.raises(AuthingArgumentError):
                await client.update_profile({})
            other = unique("taken")
            await client.register_by_username(other, PASSWORD)
        async with client_for(pool) as client:
            await _signed_in(client)
            with pytest.raises(AuthingError) as caught:
                await client.update_profile({"username": other})
            assert caught.value.code in (2026, 2034)

    run(scenario())


def test_update_profile_without_cached_user_fetches_it_once(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as first:
            await _signed_in(first)
            token = first.token
        async with client_for(pool, token=token) as client:
            user = await client.update_profile({"nickname": "Later"})
            assert user.nickname == "Later" and client.token == token

    run(scenario())


def test_update_password(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            name = await _signed_in(client)
            with pytest.raises(AuthingError) as caught:
                await client.update_password("N3w-pass-9", "wrong-old")
            assert caught.value.code in (2203, 2333)
            with pytest.raises(AuthingError) as caught:
                await client.update_password("N3w-pass-9")
            assert caught.value.code == 2201
            user = await client.update_password("N3w-pass-9", PASSWORD)
            assert user.username == name and client.token
            assert (await client.login_by_username(name, "N3w-pass-9")).username == name

    run(scenario())


def test_update_password_without_old_for_a_passwordless_account(pool: RunningPool) -> None:
    phone = new_phone()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.send_sms_code(phone)
            await client.register_by_phone_code(phone, pool.latest_code(phone),
                                                force_login=True)
            user = await client.update_password("F1rst-pass")  # the SDK crashes here
            assert user.phone == phone
            assert (await client.login_by_phone_password(phone, "F1rst-pass")).phone == phone

    run(scenario())


def test_bind_update_unbind_phone_and_email(pool: RunningPool) -> None:
    # one code per destination: the pool allows one send per 60 s to each
    phone, phone2 = new_phone(), new_phone()
    email, email2, email3 = (f"{unique('b')}@example.com" for _ in range(3))

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_email(email, PASSWORD, force_login=True)
            token = client.token
            await client.send_sms_code(phone)
            user = await client.bind_phone(phone, pool.latest_code(phone))
            assert user.phone == phone and client.token == token
            await client.send_sms_code(phone2)
            with pytest.raises(AuthingError) as caught:
                await client.update_phone(phone2, "000000", phone, "000000")
            assert caught.value.code in (2001, 2300)
            await client.send_email(email2, "CHANGE_EMAIL")
            await client.send_email(email, "CHANGE_EMAIL")
            user = await client.update_email(
                email2, pool.latest_code(email2, "CHANGE_EMAIL"), email,
                pool.latest_code(email, "CHANGE_EMAIL"))
            assert user.email == email2 and client.token == token
            user = await client.unbind_phone()
            assert user.phone is None and client.token == token
            with pytest.raises(AuthingError) as caught:
                await client.unbind_email()  # the email is now the only way in
            assert caught.value.code == 2217
            assert client.current_user is not None and client.current_user.email == email2
        async with client_for(pool) as client:
            await _signed_in(client)
            await client.send_email(email3, "VERIFY_EMAIL")
            user = await client.bind_email(email3, pool.latest_code(email3, "VERIFY_EMAIL"))
            assert user.email == email3
            user = await client.unbind_email()  # the username still signs in
            assert user.email is None

    run(scenario())


def test_unbind_the_last_login_method_is_2217(pool: RunningPool) -> None:
    phone = new_phone()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.send_sms_code(phone)
            await client.register_by_phone_code(phone, pool.latest_code(phone),
                                                force_login=True)
            with pytest.raises(AuthingError) as caught:
                await client.unbind_phone()
            assert caught.value.code == 2217

    run(scenario())


def test_bind_a_taken_phone_is_2035(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _signed_in(client)
            with pytest.raises(AuthingError) as caught:
                await client.bind_phone("18800000000", "123456")
            assert caught.value.code in (2035, 2001)

    run(scenario())


def test_security_level_strength_and_existence(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            name = await _signed_in(client)
            level = await client.get_security_level()
            assert isinstance(level.score, int) and 0 <= level.score <= 100
            assert level.password is True and level.phone is False
            weak = await client.check_password_strength("1")
            strong = await client.check_password_strength("Zq8!vLp#2mW9xR")
            assert weak.valid is False and strong.valid is True
            assert await client.is_user_exists(user_name=name) is True
            assert await client.is_user_exists(email=f"{unique('no')}@example.com") is False
            assert await client.is_user_exists(phone="18800000000") is True
            with pytest.raises(AuthingArgumentError):
                await client.is_user_exists()
        async with client_for(pool) as anonymous:
            with pytest.raises(AuthingError) as caught:
                await anonymous.get_security_level()
            assert caught.value.code == 2020

    run(scenario())


def test_link_account_errors_are_raised(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _signed_in(client)
            assert client.token
            with pytest.raises(AuthingError):  # the SDK returns True here
                await client.link_account(client.token, "not-a-social-token")

    run(scenario())
