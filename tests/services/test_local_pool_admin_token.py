"""The local pool's admin token on the app side: read from the pool's ready line, sent (only)
to its admin-only routes, a refusal told in the user's words, and never in a log, the network
inspector, a transcript or a crash report."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import pytest

from authing_desktop.pool_process import PoolEndpoint, PoolStartError, parse_ready
from authing_desktop.presenters.outbox import OutboxPresenter
from authing_desktop.redaction import redact, redact_text
from authing_desktop.replay.transcript_file import transcript_header
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.crash_report import build_report
from authing_desktop.services.local_pool_routes import (
    OUTBOX_PATH,
    LocalPoolAccessDenied,
    fetch_outbox,
    fetch_pool_version,
)
from authing_desktop.services.token_store import MemoryTokenStore
from tests.fixtures.app_services import drive
from tests.services.local_pool_stub import local_pool_stub

TOKEN = "Zq3vK9-adminTOKEN-x7Lw2pR8sN4mT6yU1oE5aB0c"
SECRET = "app-secret-4f9a8b7c6d5e4f3a2b1c"
MESSAGE = {"channel": "sms", "to": "+8613912345678", "scene": "LOGIN", "code": "482913",
           "createdAt": "2030-01-01T00:00:00Z"}


def _ready(**extra: Any) -> bytes:
    line = {"event": "ready", "url": "http://127.0.0.1:5000", "user_pool_id": "p1",
            "app_id": "a1", "app_secret": SECRET, "public_key": "-----BEGIN PUBLIC KEY-----",
            **extra}
    return json.dumps(line).encode() + b"\n"


def test_the_ready_line_gives_the_admin_token_and_no_repr_shows_it() -> None:
    endpoint = parse_ready(_ready(admin_token=TOKEN))
    assert endpoint.admin_token == TOKEN and endpoint.url == "http://127.0.0.1:5000"
    assert TOKEN not in repr(endpoint) and SECRET not in repr(endpoint)
    assert parse_ready(_ready()).admin_token == ""  # a pool from before the token
    for bad in ("", 42, None):
        with pytest.raises(PoolStartError) as caught:
            parse_ready(_ready(admin_token=bad))
        assert SECRET not in str(caught.value)
    with pytest.raises(PoolStartError) as caught:
        parse_ready(_ready(admin_token=TOKEN, event="started"))
    assert TOKEN not in str(caught.value) and SECRET not in str(caught.value)


def test_the_outbox_gets_the_token_and_the_info_route_does_not() -> None:
    async def scenario(url: str) -> tuple[list[Any], str]:
        return await fetch_outbox(url, admin_token=TOKEN), await fetch_pool_version(url)

    with local_pool_stub(TOKEN, [MESSAGE]) as stub:
        messages, version = asyncio.run(scenario(stub.url))
    assert [m.code for m in messages] == ["482913"] and version == "stub"
    assert stub.authorizations(OUTBOX_PATH) == [f"Bearer {TOKEN}"]
    assert stub.authorizations("/_localpool/info") == [None]  # no secret where none is needed


@pytest.mark.parametrize("token", ["", "not-the-token"])
def test_a_refused_token_is_access_denied(token: str) -> None:
    with local_pool_stub(TOKEN, [MESSAGE]) as stub, pytest.raises(LocalPoolAccessDenied):
        asyncio.run(fetch_outbox(stub.url, admin_token=token))


def _services(qtbot: Any, paths: AppPaths, endpoint: PoolEndpoint) -> AppServices:
    async def local_pool() -> PoolEndpoint:
        return endpoint

    services = AppServices.create(paths, token_store=MemoryTokenStore(), local_pool=local_pool)
    services.settings.load()
    drive(qtbot, services.connection.wait_ready())
    return services


def _endpoint(url: str, token: str) -> PoolEndpoint:
    return PoolEndpoint(url=url, user_pool_id="stub-pool", app_id="stub-app", app_secret=SECRET,
                        public_key="", admin_token=token)


def test_the_outbox_viewer_sends_the_launched_pools_token_and_nothing_keeps_it(
        qtbot: Any, qloop: Any, app_paths: AppPaths, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with local_pool_stub(TOKEN, [MESSAGE]) as stub:
        services = _services(qtbot, app_paths, _endpoint(stub.url, TOKEN))
        try:
            assert services.connection.local_pool_admin_token == TOKEN
            services.transcripts.start(transcript_header(
                app_version="t", pool_version="stub", language="en-US", ui_language="en",
                profile={"kind": "local"}))
            presenter = OutboxPresenter(services.connection, services.tasks)
            presenter.refresh()
            qtbot.waitUntil(lambda: bool(presenter.messages), timeout=5000)
            document = services.transcripts.stop()
            assert stub.authorizations(OUTBOX_PATH) == [f"Bearer {TOKEN}"]
            assert presenter.error == ""
            # The poll bypasses the connection's client: no call record, so no inspector entry
            # and no transcript line, and no log line quotes the token.
            assert not services.call_log.calls
            assert TOKEN not in json.dumps(document)
            assert TOKEN not in caplog.text
        finally:
            drive(qtbot, services.aclose())


def test_a_refused_outbox_is_told_in_the_users_words(
        qtbot: Any, qloop: Any, app_paths: AppPaths) -> None:
    with local_pool_stub(TOKEN, [MESSAGE]) as stub:
        services = _services(qtbot, app_paths, _endpoint(stub.url, "a-stale-token"))
        try:
            presenter = OutboxPresenter(services.connection, services.tasks)
            presenter.refresh()
            qtbot.waitUntil(lambda: bool(presenter.error), timeout=5000)
        finally:
            drive(qtbot, services.aclose())
    assert presenter.error.startswith("The local user pool did not let this app read its outbox")
    assert "Restart Authing Desktop" in presenter.error
    assert "_localpool" not in presenter.error and "401" not in presenter.error
    assert not presenter.messages


def test_no_admin_token_before_the_connection_is_ready(qtbot: Any, qloop: Any,
                                                        app_services: AppServices) -> None:
    assert app_services.connection.local_pool_admin_token == ""


def test_redaction_hides_the_token_wherever_it_could_be_written() -> None:
    header = f"Bearer {TOKEN}"
    assert TOKEN not in redact_text(f"GET /_localpool/outbox Authorization: {header}")
    assert TOKEN not in str(redact({"headers": {"Authorization": header}}))
    assert TOKEN not in str(redact({"admin_token": TOKEN}))
    ready = _ready(admin_token=TOKEN).decode()
    assert TOKEN not in redact_text(ready) and SECRET not in redact_text(ready)
    try:
        raise LocalPoolAccessDenied("the local pool did not accept this app's admin token")
    except LocalPoolAccessDenied as error:
        report = build_report(error, where="test", context={"authorization": header})
    assert TOKEN not in report.text
