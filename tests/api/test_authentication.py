"""Register, login, session and logout operations against the local pool."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from authing_desktop.api.models import User
from tests.api.support import client_for, run
from tests.fixtures.pool import RunningPool, unique

PASSWORD = "Passw0rd!2024"
DEMO_PASSWORD = "passw0rd"


def new_phone() -> str:
    return "139" + "".join(random.choice("0123456789") for _ in range(8))


def test_register_by_email_without_login_leaves_the_session_alone(pool: RunningPool) -> None:
    email = f"{unique('reg')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as client:
            demo = await client.login_by_username("demo", DEMO_PASSWORD)
            registered = await client.register_by_email(
                email, PASSWORD, profile={"nickname": "Reg"}, custom_data={"school": "ucla"})
            assert isinstance(registered, User)
            assert registered.email == email and registered.nickname == "Reg"
            assert registered.token is None
            # the SDK would now hold token None; we stay signed in as demo
            assert client.token == demo.token
            assert client.current_user is not None and client.current_user.id == demo.id
            assert (await client.get_current_user()).id == demo.id

    run(scenario())


def test_register_with_force_login_signs_in(pool: RunningPool) -> None:
    username = unique("reg")

    async def scenario() -> None:
        async with client_for(pool) as client:
            user = await client.register_by_username(username, PASSWORD, force_login=True)
            assert user.username == username and user.token
            assert client.token == user.token
            assert (await client.get_current_user()).username == username

    run(scenario())


def test_register_duplicate_username_is_2026(pool: RunningPool) -> None:
    username = unique("dup")

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_username(username, PASSWORD)
            with pytest.raises(AuthingError) as caught:
                await client.register_by_username(username, PASSWORD)
            assert caught.value.code in (2026, 2034)

    run(scenario())


def test_register_and_login_by_phone_code(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool()
    phone = new_phone()

    async def scenario() -> None:
        async with client_for(pool) as client:
            sent = await client.send_sms_code(phone)
            assert sent.code in (200, None)
            user = await client.register_by_phone_code(
                phone, pool.latest_code(phone), generate_token=True)
            assert user.phone == phone and client.token == user.token
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.login_by_phone_code(phone, "000000", client_ip="10.9.8.9")
            assert caught.value.code in (2001, 2300)
            assert client.token is None
            pool.advance_clock(61)  # past the resend interval
            await client.send_sms_code(phone)
            user = await client.login_by_phone_code(phone, pool.latest_code(phone))
            assert user.phone == phone and client.token == user.token

    run(scenario())


@pytest.mark.parametrize("how", ["email", "username", "phone"])
def test_password_logins(pool: RunningPool, how: str) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            if how == "email":
                user = await client.login_by_email("demo@example.com", DEMO_PASSWORD)
            elif how == "username":
                user = await client.login_by_username("demo", DEMO_PASSWORD)
            else:
                user = await client.login_by_phone_password("18800000000", DEMO_PASSWORD)
            assert user.username == "demo" and user.token
            assert client.token == user.token and client.current_user == user

    run(scenario())


def test_wrong_password_and_unknown_user(pool: RunningPool) -> None:
    username = unique("wrong")

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_username(username, PASSWORD)
            with pytest.raises(AuthingError) as caught:
                await client.login_by_username(username, "not-the-password",
                                               client_ip="10.9.8.7")
            assert caught.value.code == 2333
            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(f"{unique('nobody')}@example.com", PASSWORD,
                                            client_ip="10.9.8.8")
            assert caught.value.code in (2004, 2333)
            assert client.token is None

    run(scenario())


def test_login_rejects_bad_arguments_before_sending(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingArgumentError):
                await client.login_by_username("", PASSWORD)
            with pytest.raises(AuthingArgumentError):
                await client.login_by_username("demo", "")
            with pytest.raises(AuthingArgumentError):
                await client.login_by_email("demo@example.com", PASSWORD,
                                            custom_data=["not", "a", "dict"])  # type: ignore[arg-type]
            with pytest.raises(AuthingArgumentError):
                await client.login_by_email("demo@example.com", "x" * 300)

    run(scenario())


def test_current_user_login_status_and_refresh(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            user = await client.login_by_username("demo", DEMO_PASSWORD)
            me = await client.get_current_user()
            assert me.id == user.id and me.token == user.token
            assert (await client.check_logged_in()).id == user.id
            status = await client.check_login_status()
            assert status.logged_in and status.user_id == user.id
            bad = await client.check_login_status("not-a-token")
            assert not bad.logged_in and bad.code == 2207
            refreshed = await client.refresh_token()
            assert refreshed.token and refreshed.token != user.token
            assert client.token == refreshed.token
            # the cached user follows the token; users/me is not needed for that
            assert client.current_user is not None
            assert client.current_user.token == refreshed.token
            assert (await client.get_current_user()).id == user.id
            assert client.token == refreshed.token

    run(scenario())


def test_restore_session_from_a_stored_token(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as first:
            token = (await first.login_by_username("demo", DEMO_PASSWORD)).token
        async with client_for(pool, token=token) as client:
            assert client.current_user is None
            me = await client.get_current_user()
            assert me.username == "demo" and client.token == token

    run(scenario())


def test_logout_revokes_the_token(pool: RunningPool) -> None:
    username = unique("out")

    async def scenario() -> None:
        async with client_for(pool) as client:
            user = await client.register_by_username(username, PASSWORD, force_login=True)
            token = user.token
            assert await client.logout() is True
            assert client.token is None and client.current_user is None
            with pytest.raises(AuthingError) as caught:
                await client.get_current_user(token)
            assert caught.value.code == 2020
            assert client.token is None
            status = await client.check_login_status(token)
            assert status.code != 200 and not status.logged_in
            assert await client.logout() is True  # nothing to end: no request

    run(scenario())


def test_logout_ends_only_this_session_of_the_user(pool: RunningPool) -> None:
    username = unique("out")

    async def scenario() -> None:
        async with client_for(pool) as elsewhere, client_for(pool) as here:
            await elsewhere.register_by_username(username, PASSWORD, force_login=True)
            await here.login_by_username(username, PASSWORD)
            assert await here.logout() is True
            me = await elsewhere.get_current_user()  # the other computer stays signed in
            assert me.username == username

    run(scenario())


def test_users_me_without_a_token_is_2020(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.get_current_user()
            assert caught.value.code == 2020

    run(scenario())
