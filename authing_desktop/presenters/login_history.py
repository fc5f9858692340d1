"""The login history view model: my sign-in attempts, newest first, filtered by result and time
range, a page at a time; and attempts per day (successes and failures) for the chart.

An attempt names its device by id; the system of a device this app registered is known only
from the device list (the sign-in's own User-Agent does not carry it), so a load reads that
list too and describes each attempt's device as the Devices page does."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.devices import UNKNOWN, DeviceRow, device_rows, find_device
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import LoginHistoryEntry

PAGE_SIZE = 10
RANGES = (7, 30, 90, 0)  # days; 0: all time
CHART_DAYS_ALL_TIME = 30  # the chart's span when the range is "all time"
CHART_PAGE_SIZE = 50
CHART_MAX_PAGES = 10  # at most 500 attempts counted: enough for a glance

Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class HistoryAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "history.load"


@dataclass(frozen=True)
class HistoryRow:
    """One attempt, ready to show."""

    time: dt.datetime | None
    success: bool
    code: int | None
    method: str
    second_factor: str
    app: str
    ip: str
    device: str
    error: str
    browser: str = ""  # the browser or program, "" when unknown
    system: str = ""  # the operating system, "" when unknown
    kind: str = "laptop"  # an icon name (`wording.device_kind`)


@dataclass(frozen=True)
class HistoryPage:
    rows: tuple[HistoryRow, ...]
    page: int
    pages: int
    total: int


@dataclass(frozen=True)
class DayCount:
    """Attempts on one local calendar day."""

    day: dt.date
    succeeded: int
    failed: int


def _known(value: str | None) -> str:
    text = (value or "").strip()
    return "" if text == UNKNOWN else text


def history_row(entry: LoginHistoryEntry, devices: list[DeviceRow] | None = None) -> HistoryRow:
    """``entry`` ready to show; ``devices`` (the Devices page's rows) fill in what its
    User-Agent leaves unknown."""
    from authing_desktop.presenters.wording import device_kind

    agent = entry.parsed_user_agent
    browser = _known(agent.browser) if agent else ""
    system = _known(agent.os) if agent else ""
    known = find_device(devices or [], entry.device_id)
    if known is not None:
        browser, system = browser or known.browser, system or known.os
    device = " · ".join(p for p in (browser, system) if p)
    return HistoryRow(
        time=entry.login_time, success=bool(entry.success), code=entry.code,
        method=entry.login_method or "", second_factor=entry.second_factor or "",
        app=entry.app_name or "", ip=entry.client_ip or "",
        device=device or (entry.user_agent or ""),
        error="" if entry.success else (entry.error_message or ""),
        browser=browser, system=system,
        kind=known.kind if known is not None else device_kind(
            system, agent.device if agent else None))


def day_counts(rows: list[HistoryRow], first: dt.date, last: dt.date,
               zone: dt.tzinfo | None = None) -> list[DayCount]:
    """Attempts per local day from ``first`` to ``last`` (every day, zeros included)."""
    counts: dict[dt.date, list[int]] = {}
    day = first
    while day <= last:
        counts[day] = [0, 0]
        day += dt.timedelta(days=1)
    for row in rows:
        if row.time is None:
            continue
        local = row.time.astimezone(zone).date()
        if local in counts:
            counts[local][0 if row.success else 1] += 1
    return [DayCount(day, ok, failed) for day, (ok, failed) in counts.items()]


class LoginHistoryPresenter(AccountPresenter):
    """``page_changed`` carries a `HistoryPage`; ``chart_changed`` the `DayCount` list.
    ``success`` (None: all, True, False) and ``days`` (`RANGES`) filter both."""

    page_changed = Signal(object)
    chart_changed = Signal(object)

    def __init__(self, session: AccountSession, tasks: TaskRunner, *,
                 page_size: int = PAGE_SIZE, clock: Clock = _now,
                 zone: dt.tzinfo | None = None, parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self._page_size = page_size
        self._clock = clock
        self._zone = zone
        self.success: bool | None = None
        self.days = RANGES[1]
        self.page = HistoryPage((), 1, 1, 0)
        self.chart: list[DayCount] = []
        self.devices: list[DeviceRow] = []

    # ---------------------------------------------------------------- intents

    def load(self) -> asyncio.Task[HistoryPage | None]:
        """Page 1 and the chart, with the current filters."""
        return self.start(self._load(1, chart=True), name=HistoryAction.LOAD)

    def set_filters(self, success: bool | None, days: int) -> asyncio.Task[HistoryPage | None]:
        if days not in RANGES:
            raise ValueError(f"days must be one of {RANGES}")
        self.success, self.days = success, days
        return self.load()

    def go_to(self, page: int) -> asyncio.Task[HistoryPage | None]:
        page = max(1, min(page, self.page.pages))
        return self.start(self._load(page, chart=False), name=HistoryAction.LOAD)

    def next_page(self) -> asyncio.Task[HistoryPage | None]:
        return self.go_to(self.page.page + 1)

    def previous_page(self) -> asyncio.Task[HistoryPage | None]:
        return self.go_to(self.page.page - 1)

    # -------------------------------------------------------------- internals

    def _window(self) -> tuple[dt.datetime | None, dt.datetime]:
        now = self._clock()
        start = now - dt.timedelta(days=self.days) if self.days else None
        return start, now

    async def _load_devices(self) -> None:
        from authing_desktop.api.errors import ApiError

        try:
            self.devices = device_rows(await self._session.client.list_all_my_devices())
        except ApiError:  # the history is still worth showing with the User-Agent's words
            self.devices = []

    async def _load(self, page: int, *, chart: bool) -> HistoryPage:
        start, end = self._window()
        client = self._session.client
        if chart or not self.devices:
            await self._load_devices()
        result = await client.get_login_history(page=page, limit=self._page_size,
                                                success=self.success, start=start, end=end)
        pages = max(1, -(-result.total_count // self._page_size))
        rows = tuple(history_row(e, self.devices) for e in result.items)
        self.page = HistoryPage(rows, page, pages,
                                result.total_count)
        self.page_changed.emit(self.page)
        if chart:
            await self._load_chart(start, end)
        return self.page

    async def _load_chart(self, start: dt.datetime | None, end: dt.datetime) -> None:
        span = self.days or CHART_DAYS_ALL_TIME
        chart_start = start or end - dt.timedelta(days=span)
        client = self._session.client
        rows: list[HistoryRow] = []
        for page in range(1, CHART_MAX_PAGES + 1):
            batch = await client.get_login_history(page=page, limit=CHART_PAGE_SIZE,
                                                   success=self.success, start=chart_start,
                                                   end=end)
            rows += [history_row(e) for e in batch.items]
            if len(batch.items) < CHART_PAGE_SIZE or len(rows) >= batch.total_count:
                break
        last = end.astimezone(self._zone).date()
        first = last - dt.timedelta(days=span - 1)
        self.chart = day_counts(rows, first, last, self._zone)
        self.chart_changed.emit(self.chart)


def failure_reason(code: int | None) -> str:
    """Why an attempt failed, in the user's words (the server's own message is English and
    sometimes technical: it goes to the tooltip)."""
    from PySide6.QtCore import QCoreApplication

    from authing_desktop.api.error_codes import ErrorCode, ErrorGroup, in_group
    from authing_desktop.api.user_messages import CONTEXT, USER_MESSAGES

    if in_group(code, ErrorGroup.MFA_REQUIRED):
        return QCoreApplication.translate(
            "LoginHistory", "The password was right; the second step was asked for.")
    if in_group(code, ErrorGroup.WRONG_PASSWORD):
        code = ErrorCode.WRONG_PASSWORD  # one wording for every "wrong password" code
    text = USER_MESSAGES.get(code) if code is not None else None
    if text is None:
        return QCoreApplication.translate("LoginHistory", "The sign-in was refused.")
    return QCoreApplication.translate(CONTEXT, text)
