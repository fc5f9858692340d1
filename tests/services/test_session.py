"""The session over the local pool: adopt/remember, restore at start, revoked and expired
tokens, sign-out, the refresh timer, and the real keychain."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import keyring
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.profile import ConnectionProfile
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.session import SessionState, token_times
from authing_desktop.services.token_store import (
    KeyringTokenStore,
    MemoryTokenStore,
    backend_class_path,
    service_name,
)
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import DEMO_PASSWORD, connected_services

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


def _register(qtbot: Any, services: AppServices) -> str:
    email = f"{unique('s')}@example.com"
    drive(qtbot, services.session.client.register_by_email(email, DEMO_PASSWORD))
    return email


def _login(qtbot: Any, services: AppServices, email: str, *, remember: bool) -> Any:
    async def run() -> Any:
        user = await services.session.client.login_by_email(email, DEMO_PASSWORD)
        await services.session.adopt(user, remember=remember, account=email)
        return user

    return drive(qtbot, run())


def _revoke(qtbot: Any, pool: RunningPool, token: str) -> None:
    async def run() -> None:
        profile = ConnectionProfile(host=pool.url, user_pool_id=pool.user_pool_id,
                                    app_id=pool.app_id, public_key=pool.public_key)
        async with AuthenticationClient(profile, token=token) as other:
            await other.logout()

    drive(qtbot, run())


def test_adopt_with_remember_keeps_the_token_and_the_account(
        qtbot: Any, pool_services: AppServices) -> None:
    session = pool_services.session
    states: list[str] = []
    session.state_changed.connect(states.append)
    email = _register(qtbot, pool_services)
    user = _login(qtbot, pool_services, email, remember=True)
    assert states == [SessionState.SIGNED_IN]
    assert session.user is not None and session.user.id == user.id
    assert session.account == email and session.remembered
    profile_id = pool_services.connection.profile_id
    stored = drive(qtbot, pool_services.token_store.get(profile_id, email))
    assert stored == user.token
    assert session.remembered_accounts()[0] == email
    # The settings file holds the name, never the token.
    text = pool_services.settings.path.read_text()
    assert email in text and user.token not in text
    assert drive(qtbot, session.refresh_user()).id == user.id


def test_restart_restores_a_remembered_sign_in(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                               pool: RunningPool) -> None:
    store = MemoryTokenStore()
    first = connected_services(qtbot, app_paths, pool, store)
    email = _register(qtbot, first)
    user = _login(qtbot, first, email, remember=True)
    drive(qtbot, first.aclose())

    second = connected_services(qtbot, app_paths, pool, store)
    try:
        assert drive(qtbot, second.session.restore()) is True
        assert second.session.state == SessionState.SIGNED_IN
        assert second.session.user is not None and second.session.user.id == user.id
        assert second.session.client.token == user.token
    finally:
        drive(qtbot, second.aclose())


def test_without_remember_nothing_is_restored(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                              pool: RunningPool) -> None:
    store = MemoryTokenStore()
    first = connected_services(qtbot, app_paths, pool, store)
    email = _register(qtbot, first)
    _login(qtbot, first, email, remember=True)
    _login(qtbot, first, email, remember=False)  # the older keychain entry goes
    assert drive(qtbot, store.get(first.connection.profile_id, email)) is None
    drive(qtbot, first.aclose())
    second = connected_services(qtbot, app_paths, pool, store)
    try:
        expired: list[str] = []
        second.session.expired.connect(expired.append)
        assert drive(qtbot, second.session.restore()) is False
        assert second.session.state == SessionState.SIGNED_OUT and expired == []
        # Nor is it offered among the recent accounts.
        assert second.session.remembered_accounts() == ()
    finally:
        drive(qtbot, second.aclose())


def test_a_revoked_token_is_dropped_with_a_message(qtbot: Any, qloop: Any,
                                                   app_paths: AppPaths,
                                                   pool: RunningPool) -> None:
    store = MemoryTokenStore()
    first = connected_services(qtbot, app_paths, pool, store)
    email = _register(qtbot, first)
    user = _login(qtbot, first, email, remember=True)
    drive(qtbot, first.aclose())
    _revoke(qtbot, pool, user.token)

    second = connected_services(qtbot, app_paths, pool, store)
    try:
        expired: list[str] = []
        second.session.expired.connect(expired.append)
        assert drive(qtbot, second.session.restore()) is False
        assert second.session.state == SessionState.SIGNED_OUT
        assert len(expired) == 1 and "sign in again" in expired[0]
        assert drive(qtbot, store.get(second.connection.profile_id, email)) is None
    finally:
        drive(qtbot, second.aclose())


def test_sign_out_logs_out_on_the_server_and_forgets_the_token(
        qtbot: Any, pool_services: AppServices) -> None:
    session = pool_services.session
    email = _register(qtbot, pool_services)
    user = _login(qtbot, pool_services, email, remember=True)
    users: list[Any] = []
    session.user_changed.connect(users.append)
    drive(qtbot, session.sign_out())
    assert session.state == SessionState.SIGNED_OUT and session.user is None and users == [None]
    profile_id = pool_services.connection.profile_id
    assert drive(qtbot, pool_services.token_store.get(profile_id, email)) is None
    status = drive(qtbot, session.client.check_login_status(user.token))
    assert not status.logged_in
    # Signing out is "do not remember me": the account leaves the Recent list too.
    assert email not in session.remembered_accounts()


def test_sign_out_here_leaves_the_users_other_computers_signed_in(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    email = _register(qtbot, pool_services)
    other = drive(qtbot, pool_services.session.client.login_by_email(email, DEMO_PASSWORD))
    user = _login(qtbot, pool_services, email, remember=False)
    drive(qtbot, pool_services.session.sign_out())
    assert not drive(qtbot, pool_services.session.client.check_login_status(
        user.token)).logged_in
    # The other computer's session of the same user and app survives (only_self=1).
    assert drive(qtbot, pool_services.session.client.check_login_status(
        other.token)).logged_in


def test_the_token_is_refreshed_before_it_expires(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                                  pool: RunningPool) -> None:
    services = connected_services(qtbot, app_paths, pool)
    try:
        email = _register(qtbot, services)
        user = _login(qtbot, services, email, remember=True)
        times = token_times(user.token)
        assert times is not None
        # Pretend the token is about to expire: the refresh runs after the minimum delay.
        offset = times[1] - time.time() - 5
        services.session._clock = lambda: time.time() + offset
        services.session._schedule_refresh()
        profile_id = services.connection.profile_id
        qtbot.waitUntil(lambda: services.session.client.token != user.token, timeout=5000)
        new_token = services.session.client.token
        assert new_token
        qtbot.waitUntil(lambda: services.token_store._entries[(profile_id, email)] == new_token,
                        timeout=2000)
        assert drive(qtbot, services.session.client.check_login_status(new_token)).logged_in
    finally:
        drive(qtbot, services.aclose())


def test_token_times_reads_a_jwt_and_rejects_anything_else() -> None:
    import base64
    import json

    payload = base64.urlsafe_b64encode(json.dumps({"iat": 10, "exp": 70}).encode()).rstrip(b"=")
    assert token_times(f"x.{payload.decode()}.y") == (10.0, 70.0)
    assert token_times("opaque") is None
    assert token_times("a.b.c") is None


def test_the_local_pool_missing_is_a_clear_error(qtbot: Any, qloop: Any,
                                                 app_paths: AppPaths) -> None:
    async def no_pool() -> None:
        return None

    services = AppServices.create(app_paths, token_store=MemoryTokenStore(), local_pool=no_pool)
    services.settings.load()
    try:
        with pytest.raises(UserFacingError, match="not running"):
            drive(qtbot, services.connection.wait_ready())
        with pytest.raises(UserFacingError, match="Not connected"):
            _ = services.session.client
    finally:
        drive(qtbot, services.aclose())


def test_server_messages_follow_the_ui_language(qtbot: Any, pool_services: AppServices) -> None:
    connection = pool_services.connection
    connection.set_language("zh_CN")
    assert connection.client is not None and connection.client.lang == "zh-CN"
    connection.set_language("en")
    assert connection.client.lang == "en-US"


@pytest.mark.keychain
def test_remember_and_sign_out_in_the_real_keychain(qtbot: Any, qloop: Any, tmp_path: Path,
                                                    pool: RunningPool) -> None:
    backend = keyring.get_keyring()
    if backend_class_path(backend) != SECRET_SERVICE:
        message = f"keyring backend is {backend_class_path(backend)}, not the Secret Service"
        if os.environ.get("REQUIRE_SECRET_SERVICE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from authing_desktop.services.bus import MessageBus

    store = KeyringTokenStore(MessageBus())
    paths = AppPaths.under(tmp_path / "app")
    services = connected_services(qtbot, paths, pool, store)
    email = _register(qtbot, services)
    service = service_name(services.connection.profile_id)
    try:
        user = _login(qtbot, services, email, remember=True)
        assert not store.memory_only and store.backend_name == SECRET_SERVICE
        assert keyring.get_password(service, email) == user.token
        drive(qtbot, services.aclose())
        services = connected_services(qtbot, paths, pool, store)
        assert drive(qtbot, services.session.restore()) is True
        drive(qtbot, services.session.sign_out())
        assert keyring.get_password(service, email) is None
    finally:
        drive(qtbot, services.aclose())
        if keyring.get_password(service, email) is not None:
            keyring.delete_password(service, email)
