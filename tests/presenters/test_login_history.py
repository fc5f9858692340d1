"""Login history against the local pool: failed and successful attempts newest first, the
result filter, paging, the time range, and attempts per day for the chart."""

from __future__ import annotations

import datetime as dt
from typing import Any

from authing_desktop.api.errors import AuthingError
from authing_desktop.presenters.login_history import (
    HistoryRow,
    LoginHistoryPresenter,
    day_counts,
)
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import ACCOUNT_PASSWORD, SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool


def _row(when: dt.datetime, success: bool) -> HistoryRow:
    return HistoryRow(when, success, 200 if success else 2333, "", "", "", "", "", "")


def test_day_counts_fill_every_day() -> None:
    utc = dt.UTC
    rows = [_row(dt.datetime(2025, 3, 2, 10, tzinfo=utc), True),
            _row(dt.datetime(2025, 3, 2, 11, tzinfo=utc), False),
            _row(dt.datetime(2025, 3, 4, 9, tzinfo=utc), False),
            _row(dt.datetime(2025, 2, 1, 9, tzinfo=utc), True)]  # before the span
    counts = day_counts(rows, dt.date(2025, 3, 1), dt.date(2025, 3, 4), utc)
    assert [(c.day.day, c.succeeded, c.failed) for c in counts] == [
        (1, 0, 0), (2, 1, 1), (3, 0, 0), (4, 0, 1)]


def test_history_in_order_with_filters_paging_and_chart(
        qtbot: Any, app_services: AppServices, account: SignedInSession,
        pool: RunningPool) -> None:
    # account signed in once (a success); add: failure, success, failure.
    other = pool_client(pool)
    try:
        for password in ("Wrong-pass-1", ACCOUNT_PASSWORD, "Wrong-pass-2"):
            try:
                drive(qtbot, other.login_by_email(account.account, password))
            except AuthingError as error:
                assert error.code == 2333
    finally:
        drive(qtbot, other.aclose())

    presenter = LoginHistoryPresenter(account, app_services.tasks, page_size=3,
                                      zone=dt.UTC)
    pages: list[Any] = []
    presenter.page_changed.connect(pages.append)
    page = settle(qtbot, presenter.load())
    assert page is not None and page.total == 4 and page.pages == 2 and page.page == 1
    assert [r.success for r in page.rows] == [False, True, False]
    times = [r.time for r in page.rows]
    assert all(times) and times == sorted(times, reverse=True)  # type: ignore[type-var]
    assert page.rows[0].error and page.rows[0].code == 2333
    assert page.rows[1].method == "loginByEmail" and page.rows[1].ip == "127.0.0.1"
    assert "Authing Desktop" in page.rows[1].device

    page = settle(qtbot, presenter.next_page())
    assert page is not None and page.page == 2 and [r.success for r in page.rows] == [True]
    assert settle(qtbot, presenter.next_page()).page == 2  # type: ignore[union-attr]
    assert settle(qtbot, presenter.previous_page()).page == 1  # type: ignore[union-attr]

    # The chart counts today's attempts.
    today = dt.datetime.now(dt.UTC).date()
    assert len(presenter.chart) == 30 and presenter.chart[-1].day == today
    assert (presenter.chart[-1].succeeded, presenter.chart[-1].failed) == (2, 2)

    failed = settle(qtbot, presenter.set_filters(False, 7))
    assert failed is not None and failed.total == 2
    assert not any(r.success for r in failed.rows)
    assert len(presenter.chart) == 7
    assert (presenter.chart[-1].succeeded, presenter.chart[-1].failed) == (0, 2)
    succeeded = settle(qtbot, presenter.set_filters(True, 0))
    assert succeeded is not None and succeeded.total == 2
    assert all(r.success for r in succeeded.rows)

    # A range that ends before the attempts finds nothing.
    late = LoginHistoryPresenter(
        account, app_services.tasks,
        clock=lambda: dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
    empty = settle(qtbot, late.load())
    assert empty is not None and empty.total == 0 and empty.rows == () and empty.pages == 1
    assert sum(c.succeeded + c.failed for c in late.chart) == 0
    assert len(pages) >= 5


def test_an_attempt_from_a_registered_device_is_named_by_its_system(
        qtbot: Any, app_services: AppServices, account: SignedInSession) -> None:
    # The sign-in was recorded under a device made from the User-Agent (no system in it);
    # registering this computer tells the system, and the history says it too.
    drive(qtbot, account.client.create_device("history-device", name="Work laptop",
                                              os="Windows 11"))
    presenter = LoginHistoryPresenter(account, app_services.tasks)
    page = settle(qtbot, presenter.load())
    assert page is not None and page.rows
    latest = page.rows[0]
    assert latest.success and latest.system == "Windows 11"
    assert latest.browser == "Authing Desktop" and latest.kind == "laptop"
    assert "Unknown" not in latest.device
