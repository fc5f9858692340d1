"""v3 self-service through the api layer against the local pool: devices and sessions (a
session revoked from another client is really signed out), sign out everywhere, login history
with filters and paging, signed-in apps, account deletion, identities and security info."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD
from tests.fixtures.pool import RunningPool, unique


def test_revoke_a_session_from_another_client(pool: RunningPool) -> None:
    email = f"{unique('dev')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as laptop, client_for(pool) as other, \
                client_for(pool) as third:
            await laptop.register_by_email(email, PASSWORD)
            await laptop.login_by_email(email, PASSWORD)
            registered = await laptop.create_device("laptop-1", name="Work laptop",
                                                    os="Linux")
            assert registered.current is True and registered.device is not None
            assert registered.device.name == "Work laptop"
            await other.login_by_email(email, PASSWORD)
            devices = await laptop.list_my_devices()
            by_id = {d.device_id: d for d in devices}
            assert by_id["laptop-1"].current is True
            others = [d for d in devices if d.device_id != "laptop-1"]
            assert len(others) == 1 and others[0].online and not others[0].current
            assert others[0].device is not None
            assert others[0].device.browser == "Authing Desktop"
            assert others[0].last_ip == "127.0.0.1" and others[0].last_login_time

            await laptop.revoke_device_session(str(others[0].device_id))
            with pytest.raises(AuthingError) as caught:
                await other.get_current_user()
            assert caught.value.code == 2020
            assert (await laptop.get_current_user()).email == email

            await third.login_by_email(email, PASSWORD)
            await third.create_device("third-1")
            await other.login_by_email(email, PASSWORD)
            assert await laptop.sign_out_other_devices() == 2
            for client in (other, third):
                with pytest.raises(AuthingError):
                    await client.get_current_user()
            assert (await laptop.get_current_user()).email == email
            with pytest.raises(AuthingError) as caught:
                await laptop.revoke_device_session("no-such-device")
            assert caught.value.code == 404
            await laptop.unbind_device(str(others[0].device_id))
            assert [d.device_id for d in await laptop.list_all_my_devices()].count(
                others[0].device_id) == 0

            await other.login_by_email(email, PASSWORD)
            apps = await laptop.get_logged_in_apps()
            assert [app.app_id for app in apps] == [pool.app_id] and apps[0].active
            assert await laptop.sign_out_everywhere() is True
            assert laptop.token is None
            with pytest.raises(AuthingError):
                await other.get_current_user()

    run(scenario())


def test_signed_in_apps_with_last_access_and_sign_out_of_one_app(pool: RunningPool) -> None:
    from authing_desktop.api.self_service_models import parse_time

    email = f"{unique('apps')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as laptop, client_for(pool) as other:
            await laptop.register_by_email(email, PASSWORD)
            await laptop.login_by_email(email, PASSWORD)
            await other.login_by_email(email, PASSWORD)
            (app,) = await laptop.get_logged_in_apps()
            assert app.app_id == pool.app_id and app.active
            last = parse_time(app.last_access_time)
            assert last is not None and abs(last - dt.datetime.now(dt.UTC)) < dt.timedelta(
                minutes=5)
            with pytest.raises(AuthingArgumentError):
                await laptop.sign_out_of_app("")
            assert await laptop.sign_out_of_app(pool.app_id) is True
            for client in (laptop, other):  # every computer, this one too (its own app)
                with pytest.raises(AuthingError) as caught:
                    await client.get_current_user()
                assert caught.value.code == 2020

    run(scenario())


def test_login_history_in_order_with_filters_and_paging(pool: RunningPool) -> None:
    email = f"{unique('hist')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_email(email, PASSWORD)
            started = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=2)
            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(email, "Wrong-pass-1")
            assert caught.value.code == 2333
            await client.login_by_email(email, PASSWORD)
            with pytest.raises(AuthingError):
                await client.login_by_email(email, "Wrong-pass-2")
            await client.login_by_email(email, PASSWORD)

            history = await client.get_login_history()
            assert history.total_count == 4
            assert [entry.success for entry in history.items] == [True, False, True, False]
            times = [entry.login_time for entry in history.items if entry.login_time]
            assert len(times) == 4 and times == sorted(times, reverse=True)
            newest = history.items[0]
            assert newest.login_method == "loginByEmail" and newest.code == 200
            assert newest.parsed_user_agent is not None
            assert newest.parsed_user_agent.browser == "Authing Desktop"
            assert history.items[1].code == 2333 and history.items[1].error_message

            failed = await client.get_login_history(success=False)
            assert failed.total_count == 2 and not any(e.success for e in failed.items)
            page2 = await client.get_login_history(page=2, limit=3)
            assert page2.total_count == 4 and len(page2.items) == 1
            assert page2.items[0].login_at == history.items[3].login_at
            later = await client.get_login_history(
                start=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
            assert later.total_count == 0 and later.items == []
            window = await client.get_login_history(start=started,
                                                    end=dt.datetime.now(dt.UTC))
            assert window.total_count == 4
            with pytest.raises(AuthingArgumentError):
                await client.get_login_history(start=dt.datetime(2024, 1, 1))  # naive
            with pytest.raises(AuthingArgumentError):
                await client.get_login_history(limit=51)

    run(scenario())


def test_delete_account_then_sign_in_finds_no_user(pool: RunningPool) -> None:
    email = f"{unique('del')}@example.com"
    by_code = f"{unique('del')}@example.com"

    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_email(email, PASSWORD, force_login=True)
            with pytest.raises(AuthingError) as caught:
                await client.verify_delete_account_by_password("Not-my-pass-1")
            assert caught.value.code == 2006
            ticket = await client.verify_delete_account_by_password(PASSWORD)
            assert ticket.token_expires_in == 60
            assert ticket.delete_account_token and ticket.delete_account_token not in repr(ticket)
            old_token = client.token
            assert await client.delete_account(ticket.delete_account_token) is True
            assert client.token is None and client.current_user is None
            with pytest.raises(AuthingError) as caught:
                await client.get_current_user(old_token)
            assert caught.value.code == 2020
            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(email, PASSWORD)
            assert caught.value.code == 2004

            await client.register_by_email(by_code, PASSWORD, force_login=True)
            await client.send_delete_account_email(by_code)
            code = pool.latest_code(by_code, "CHANNEL_DELETE_ACCOUNT")
            ticket = await client.verify_delete_account_by_email(code)
            with pytest.raises(AuthingError):  # a used code does not prove twice
                await client.verify_delete_account_by_email(code)
            await client.delete_account(str(ticket.delete_account_token))
            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(by_code, PASSWORD)
            assert caught.value.code == 2004

    run(scenario())


def test_identities_security_info_and_v3_errors(pool: RunningPool) -> None:
    name = unique("wx")
    code = httpx.post(f"{pool.url}/_localpool/wechat/code", json={"identity": name},
                      headers=pool.admin_headers, timeout=10).json()["data"]["code"]

    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.get_security_info()
            assert caught.value.code == 2020  # the v3 apiCode
            await client.wechat_login(code)
            identities = await client.get_identities()
            assert [(i.provider, i.ext_idp_id) for i in identities] == [
                ("wechat", "wechat:mobile")]
            assert identities[0].user_info_in_idp["nickname"] == name
            with pytest.raises(AuthingError) as caught:
                await client.unlink_identity("wechat:mobile")
            assert caught.value.code == 2217
            info = await client.get_security_info()
            level = await client.get_security_level()
            assert info.security_score == level.score
            assert info.mfa_enrolled is False and info.password_set is False

    run(scenario())
