"""The sign-in watcher against a real pool served from this process, on the pool's own clock (no
sleeps): the first poll seeds this app's device, another device's sign-in alerts once, the
cursor and dedupe keep it from repeating, "It was me" makes a device known, five failures
alert, a poll that cannot reach the pool is quiet, and the first look goes 7 days back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.localpool.clock import Clock
from authing_desktop.services.alert_state import AlertState, entry_name
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.sign_in_alerts import AlertKind, SignInAlert, SignInWatcher
from authing_desktop.services.token_store import MemoryTokenStore
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.flows.faults import FaultServers, FaultTransport
from tests.localpool.helpers import GraphQLError
from tests.localpool.test_self_service import CHROME, IPHONE, login_as
from tests.ui.sign_in_support import PASSWORD

DAY = 86_400.0


@pytest.fixture
def embedded(clocked_pool: Callable[..., RunningPool]) -> RunningPool:
    return clocked_pool()


@pytest.fixture
def transport(tmp_path: Path) -> Iterator[FaultTransport]:
    servers = FaultServers(tmp_path / "faults").start()
    try:
        yield FaultTransport(servers)
    finally:
        servers.stop()


@pytest.fixture
def services(qloop: Any, qtbot: Any, app_paths: AppPaths, embedded: RunningPool,
             transport: FaultTransport) -> Iterator[AppServices]:
    async def local_pool() -> RunningPool:
        return embedded

    made = AppServices.create(app_paths, token_store=MemoryTokenStore(), local_pool=local_pool,
                              http_transport=transport)
    made.settings.load()
    drive(qtbot, made.connection.wait_ready())
    # Polls only when the test says so (the automatic ones are the UI tests' business).
    drive(qtbot, made.settings.save(made.settings.current.with_alerts(alerts=False)))
    yield made
    drive(qtbot, made.aclose())


def _account(qtbot: Any, services: AppServices) -> str:
    email = f"{unique('alert')}@example.com"
    drive(qtbot, services.session.client.register_by_email(email, PASSWORD))
    sign_in(qtbot, services, email, PASSWORD)
    return email


def _watcher(services: AppServices, clock: Clock) -> tuple[SignInWatcher, list[SignInAlert]]:
    watcher = SignInWatcher(services.session, services.settings, services.token_store,
                            services.tasks, clock=clock.now)
    raised: list[SignInAlert] = []
    watcher.alert_raised.connect(raised.append)
    return watcher, raised


def _stored(qtbot: Any, services: AppServices) -> AlertState:
    user = services.session.user
    assert user is not None and user.id
    text = drive(qtbot, services.token_store.get(services.connection.profile_id,
                                                 entry_name(user.id)))
    assert text is not None
    state = AlertState.decode(text)
    assert state is not None
    return state


def test_another_device_alerts_once_and_it_was_me_makes_it_known(
        qtbot: Any, services: AppServices, embedded: RunningPool, clock: Clock) -> None:
    email = _account(qtbot, services)
    watcher, raised = _watcher(services, clock)
    assert drive(qtbot, watcher.poll()) == []  # this app's own sign-in is known
    seeded = _stored(qtbot, services)
    assert len(seeded.known) == 1 and "Authing Desktop" in seeded.known[0]
    assert seeded.cursor_ms > (clock.now() - 60) * 1000

    clock.advance(30)
    login_as(embedded, email, agent=CHROME, password=PASSWORD)
    alerts = drive(qtbot, watcher.poll())
    assert [a.kind for a in alerts] == [AlertKind.NEW_SIGN_IN] and raised == alerts
    alert = alerts[0]
    assert (alert.browser, alert.os, alert.client_ip) == ("Chrome", "Windows", "127.0.0.1")
    assert alert.at is not None and abs(alert.at.timestamp() - clock.now()) < 5
    assert _stored(qtbot, services).cursor_ms == int(alert.at.timestamp() * 1000)

    # The cursor's records come back (start is inclusive) and are dropped; the same device
    # signing in again is not news until the user answered.
    assert drive(qtbot, watcher.poll()) == []
    clock.advance(30)
    login_as(embedded, email, agent=CHROME, password=PASSWORD)
    assert drive(qtbot, watcher.poll()) == []

    drive(qtbot, watcher.mark_known(alert))
    assert alert.device_key in _stored(qtbot, services).known
    clock.advance(30)
    login_as(embedded, email, agent=IPHONE, password=PASSWORD)
    login_as(embedded, email, agent=CHROME, password=PASSWORD)
    alerts = drive(qtbot, watcher.poll())
    assert [(a.browser, a.os) for a in alerts] == [("Safari", "iOS")]
    assert len(raised) == 2


def test_five_failures_in_one_poll_alert_and_fewer_do_not(
        qtbot: Any, services: AppServices, embedded: RunningPool, clock: Clock) -> None:
    email = _account(qtbot, services)
    watcher, _raised = _watcher(services, clock)
    drive(qtbot, watcher.poll())

    def fail(times: int) -> None:
        for _ in range(times):
            clock.advance(1)
            with pytest.raises(GraphQLError):
                login_as(embedded, email, agent=CHROME, password="wrong-password-9")

    fail(4)
    assert drive(qtbot, watcher.poll()) == []
    clock.advance(3600)  # past any lock the failures brought
    fail(5)
    alerts = drive(qtbot, watcher.poll())
    assert [(a.kind, a.count) for a in alerts] == [(AlertKind.FAILED_ATTEMPTS, 5)]
    assert alerts[0].browser == "Chrome"


def test_a_poll_that_cannot_reach_the_pool_is_quiet_and_the_next_one_catches_up(
        qtbot: Any, services: AppServices, embedded: RunningPool, clock: Clock,
        transport: FaultTransport) -> None:
    email = _account(qtbot, services)
    watcher, raised = _watcher(services, clock)
    drive(qtbot, watcher.poll())
    before = _stored(qtbot, services)
    clock.advance(30)
    login_as(embedded, email, agent=CHROME, password=PASSWORD)

    transport.fault = "refused"  # the network is down
    assert drive(qtbot, watcher.poll()) == []
    transport.fault = "bad_gateway"  # a proxy in front of a dead pool
    assert drive(qtbot, watcher.poll()) == []
    transport.fault = None
    assert watcher.failures == 2 and raised == []
    assert _stored(qtbot, services) == before  # nothing moved
    assert not [m for m in services.bus.history if m.level == "error"]
    assert [a.browser for a in drive(qtbot, watcher.poll())] == ["Chrome"]
    assert watcher.failures == 0


def test_the_first_look_goes_seven_days_back(
        qtbot: Any, services: AppServices, embedded: RunningPool, clock: Clock) -> None:
    email = f"{unique('alert')}@example.com"
    drive(qtbot, services.session.client.register_by_email(email, PASSWORD))
    login_as(embedded, email, agent=CHROME, password=PASSWORD)  # 8 days before
    clock.advance(2 * DAY)
    login_as(embedded, email, agent=IPHONE, password=PASSWORD)  # 6 days before
    clock.advance(6 * DAY)
    sign_in(qtbot, services, email, PASSWORD)
    watcher, _raised = _watcher(services, clock)
    alerts = drive(qtbot, watcher.poll())
    assert [(a.browser, a.os) for a in alerts] == [("Safari", "iOS")]
