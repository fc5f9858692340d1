"""A browser sign-in's refresh token in the session, against a real pool process whose clock
the test moves (``--adjustable-clock``): kept in the keychain entry beside the login token,
used to renew the session once the login token has expired (at restore, and when an account
page finds it dead), rotated on every renewal, and revoked by the sign-out."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from authing_desktop.replay.transcript_file import transcript_header
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.browser_flow import SystemBrowserSignIn
from authing_desktop.services.session import SessionState
from authing_desktop.services.stored_sign_in import StoredSignIn
from authing_desktop.services.token_store import MemoryTokenStore
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool
from tests.fixtures.pool_services import connected_services
from tests.localpool.helpers import register_email
from tests.services.test_browser_flow import FakeBrowser

DAY = 86_400


def browser_sign_in(qtbot: Any, services: AppServices, email: str) -> None:
    """The system-browser sign-in, remembered, the way the sign-in page does it."""
    browser = FakeBrowser(email)

    async def run() -> None:
        client = await services.connection.wait_ready()
        signed_in = await SystemBrowserSignIn(browser).sign_in(client)
        await services.session.adopt(signed_in.user, remember=True, account=email,
                                     refresh_token=signed_in.refresh_token)

    drive(qtbot, run())
    browser.join()


def signed_in_by_browser(qtbot: Any, app_paths: AppPaths, pool: RunningPool,
                        store: MemoryTokenStore) -> tuple[AppServices, str]:
    """A new user, signed in through the browser and remembered in ``store``."""
    email = register_email(pool)["email"]
    services = connected_services(qtbot, app_paths, pool, store)
    browser_sign_in(qtbot, services, email)
    return services, email


def stored(qtbot: Any, services: AppServices, email: str) -> StoredSignIn | None:
    secret = drive(qtbot, services.token_store.get(services.connection.profile_id, email))
    return StoredSignIn.decode(secret)


def refused(pool: RunningPool, refresh_token: str) -> bool:
    answer = httpx.post(f"{pool.url}/oidc/token", timeout=10, data={
        "client_id": pool.app_id, "grant_type": "refresh_token",
        "refresh_token": refresh_token})
    return answer.status_code == 400 and answer.json()["error"] == "invalid_grant"


def restarted(qtbot: Any, app_paths: AppPaths, pool: RunningPool, store: MemoryTokenStore,
              ) -> tuple[AppServices, list[str]]:
    services = connected_services(qtbot, app_paths, pool, store)
    expired: list[str] = []
    services.session.expired.connect(expired.append)
    return services, expired


def test_an_expired_session_is_renewed_through_the_refresh_token(
        qtbot: Any, qloop: Any, app_paths: AppPaths, make_pool: Callable[..., RunningPool],
) -> None:
    pool = make_pool()
    store = MemoryTokenStore()
    first, email = signed_in_by_browser(qtbot, app_paths, pool, store)
    entry = stored(qtbot, first, email)
    assert entry is not None and entry.refresh_token
    assert entry.token == first.session.client.token
    assert entry.refresh_token not in repr(entry) and entry.token not in repr(entry)
    drive(qtbot, first.aclose())

    # Two weeks and a day later the login token has expired: the restore renews it.
    pool.advance_clock(15 * DAY)
    second, expired = restarted(qtbot, app_paths, pool, store)
    try:
        status = drive(qtbot, second.session.client.check_login_status(entry.token))
        assert status.code == 2206 and not status.logged_in
        assert drive(qtbot, second.session.restore()) is True
        assert second.session.state == SessionState.SIGNED_IN and expired == []
        renewed = stored(qtbot, second, email)
        assert renewed is not None and renewed.token == second.session.client.token
        assert renewed.token != entry.token and renewed.refresh_token != entry.refresh_token
        assert drive(qtbot, second.session.refresh_user()).email == email

        # Later an account page finds the login token expired: renewed, still signed in.
        pool.advance_clock(15 * DAY)
        drive(qtbot, second.session.expire("Your sign-in has expired."))
        assert second.session.state == SessionState.SIGNED_IN and expired == []
        again = stored(qtbot, second, email)
        assert again is not None and again.token == second.session.client.token
        assert again.refresh_token not in (None, renewed.refresh_token)
        assert drive(qtbot, second.session.refresh_user()).email == email

        # Signing out revokes the refresh token on the pool and leaves none in the keychain.
        drive(qtbot, second.session.sign_out())
        assert stored(qtbot, second, email) is None
        assert again.refresh_token is not None and refused(pool, again.refresh_token)
    finally:
        drive(qtbot, second.aclose())


def test_a_renewed_token_keeps_the_sessions_last_proof(
        qtbot: Any, qloop: Any, app_paths: AppPaths, make_pool: Callable[..., RunningPool],
) -> None:
    # Against Authing cloud the app applies the step-up rule itself, from the proof it keeps
    # per token: a renewal continues the session, it must not make the user prove it again.
    services, _ = signed_in_by_browser(qtbot, app_paths, make_pool(), MemoryTokenStore())
    try:
        keeper = services.session.client.transport.step_up
        first = services.session.client.token
        assert keeper.recent(first)
        drive(qtbot, services.session.expire("Your sign-in has expired."))  # renewed in place
        renewed = services.session.client.token
        assert services.session.state == SessionState.SIGNED_IN and renewed != first
        assert keeper.recent(renewed) and services.session.step_up.recent()
        drive(qtbot, services.session.sign_out())
        assert not keeper.recent(renewed)
    finally:
        drive(qtbot, services.aclose())


def test_a_refused_refresh_token_asks_for_a_new_sign_in(
        qtbot: Any, qloop: Any, app_paths: AppPaths, make_pool: Callable[..., RunningPool],
) -> None:
    pool = make_pool()
    store = MemoryTokenStore()
    first, email = signed_in_by_browser(qtbot, app_paths, pool, store)
    entry = stored(qtbot, first, email)
    drive(qtbot, first.aclose())
    assert entry is not None and entry.refresh_token

    # Both tokens outlived: the refresh token (30 days) too.
    pool.advance_clock(31 * DAY)
    second, expired = restarted(qtbot, app_paths, pool, store)
    try:
        assert drive(qtbot, second.session.restore()) is False
        assert second.session.state == SessionState.SIGNED_OUT
        assert len(expired) == 1 and "expired" in expired[0]
        assert stored(qtbot, second, email) is None
    finally:
        drive(qtbot, second.aclose())


def test_renewals_never_spend_a_refresh_token_twice(
        qtbot: Any, qloop: Any, app_paths: AppPaths, make_pool: Callable[..., RunningPool],
) -> None:
    pool = make_pool()
    services, email = signed_in_by_browser(qtbot, app_paths, pool, MemoryTokenStore())
    try:
        pool.advance_clock(15 * DAY)
        session = services.session

        async def two_at_once() -> None:
            await asyncio.gather(session.expire("expired"), session.expire("expired"))

        drive(qtbot, two_at_once())
        # One renewal ran; the other found the new token (a replay would have revoked both).
        assert session.state == SessionState.SIGNED_IN
        assert drive(qtbot, session.refresh_user()).email == email
    finally:
        drive(qtbot, services.aclose())



def test_no_log_transcript_or_call_record_keeps_a_refresh_token(
        qtbot: Any, qloop: Any, app_paths: AppPaths, make_pool: Callable[..., RunningPool],
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    pool = make_pool()
    email = register_email(pool)["email"]
    store = MemoryTokenStore()
    services = connected_services(qtbot, app_paths, pool, store)
    try:
        services.transcripts.start(transcript_header(
            app_version="t", pool_version="local", language="en-US", ui_language="en",
            profile={"kind": "local"}))
        browser_sign_in(qtbot, services, email)
        first = stored(qtbot, services, email)
        pool.advance_clock(15 * DAY)
        drive(qtbot, services.session.expire("expired"))  # renewed through the refresh token
        second = stored(qtbot, services, email)
        drive(qtbot, services.session.sign_out())  # revokes it
        document = services.transcripts.stop()
    finally:
        drive(qtbot, services.aclose())
    assert first is not None and second is not None
    secrets = [first.refresh_token, second.refresh_token, first.token, second.token]
    assert all(secrets) and first.refresh_token != second.refresh_token
    calls = [call.path for call in services.call_log.calls]
    assert calls.count("/oidc/token") == 2 and "/oidc/token/revocation" in calls
    recorded = json.dumps(document) + repr(services.call_log.calls) + caplog.text
    recorded += (pool.data_dir / "pool.log").read_text()
    for secret in secrets:
        assert secret and secret not in recorded
