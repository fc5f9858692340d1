"""The Login history page (``history.*``): attempts per day as a small chart, and the attempts
as a data list that fits the window (when, the result with an icon, how in words, the device
in words with its IP, and why a failure failed) with result and time-range filters and
paging."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from authing_desktop.api.error_codes import ErrorGroup, in_group
from authing_desktop.presenters import wording
from authing_desktop.presenters.login_history import (
    RANGES,
    DayCount,
    HistoryPage,
    HistoryRow,
    LoginHistoryPresenter,
    failure_reason,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import AccountPage
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.attempts_chart import AttemptsChart
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.form_layout import combo_box, name_popup

KEY = "history"
# The result filter: item data -> the presenter's ``success``.
RESULTS: dict[str, bool | None] = {"all": None, "succeeded": True, "failed": False}
# Columns of the attempts list; How and Details share what is left and wrap.
WHEN, RESULT, METHOD, DEVICE, DETAILS = range(5)


class LoginHistoryPage(AccountPage):
    """Login history."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = LoginHistoryPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)

        self.result = combo_box(f"{KEY}.result")
        for value in RESULTS:
            self.result.addItem("", value)
        self.range = combo_box(f"{KEY}.range")
        for days in RANGES:
            self.range.addItem("", days)
        self.range.setCurrentIndex(self.range.findData(self.presenter.days))
        self.result_label = QLabel()
        self.result_label.setBuddy(self.result)
        self.range_label = QLabel()
        self.range_label.setBuddy(self.range)
        filters = QHBoxLayout()
        filters.addWidget(self.result_label)
        filters.addWidget(self.result)
        filters.addSpacing(16)
        filters.addWidget(self.range_label)
        filters.addWidget(self.range)
        filters.addStretch(1)

        yield
        self.chart_card = Card(f"{KEY}.chartCard", icon="activity")
        self.chart_title = self.chart_card.title
        self.chart = AttemptsChart(f"{KEY}.chart")
        self.chart_card.body.addWidget(self.chart)

        yield
        self.attempts_card = Card(f"{KEY}.attemptsCard", icon="rotate-ccw-clock")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName(f"{KEY}.table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.horizontalHeader().setObjectName(f"{KEY}.tableHeader")
        self.table.verticalHeader().setObjectName(f"{KEY}.rowHeader")
        self.table.setCornerButtonEnabled(False)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setIconSize(QSize(16, 16))
        # Never wider than the page: the last columns share the width left and wrap.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in (WHEN, RESULT, DEVICE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (METHOD, DETAILS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.empty = QLabel()
        self.empty.setObjectName(f"{KEY}.empty")
        self.empty.setVisible(False)
        set_tone(self.empty, "note")
        self.previous = QPushButton(icon("arrow-left"), "")
        self.previous.setObjectName(f"{KEY}.previous")
        self.next = QPushButton(icon("chevron-right"), "")
        self.next.setObjectName(f"{KEY}.next")
        self.next.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after the text
        self.page_label = QLabel()
        self.page_label.setObjectName(f"{KEY}.pageLabel")
        self.page_label.setWordWrap(True)
        paging = QHBoxLayout()
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.previous)
        paging.addWidget(self.next)
        self.attempts_card.body.addWidget(self.table, 1)
        self.attempts_card.body.addWidget(self.empty)
        self.attempts_card.body.addLayout(paging)

        yield
        self.body.addLayout(filters)
        self.body.addWidget(self.chart_card)
        self.body.addWidget(self.attempts_card, 1)

        self.result.currentIndexChanged.connect(self._filters_changed)
        self.range.currentIndexChanged.connect(self._filters_changed)
        self.previous.clicked.connect(self.presenter.previous_page)
        self.next.clicked.connect(self.presenter.next_page)
        self.presenter.page_changed.connect(self._show_page)
        self.presenter.chart_changed.connect(self._show_chart)
        self.presenter.busy_changed.connect(self._update_paging)
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()

    def set_result_filter(self, success: bool | None) -> None:
        key = next(k for k, v in RESULTS.items() if v is success)
        self.result.setCurrentIndex(self.result.findData(key))

    def set_range(self, days: int) -> None:
        self.range.setCurrentIndex(self.range.findData(days))

    def _filters_changed(self, _index: int) -> None:
        if self.signed_in:
            self.presenter.set_filters(RESULTS[self.result.currentData()],
                                       self.range.currentData())

    # ------------------------------------------------------------------ binding

    def _result(self, row: HistoryRow) -> tuple[str, str]:
        """The result in words and its icon."""
        if row.success:
            return self.tr("Succeeded"), "circle-check"
        if in_group(row.code, ErrorGroup.MFA_REQUIRED):
            return self.tr("Second step asked"), "shield-alert"
        return self.tr("Failed"), "circle-x"

    def _cells(self, row: HistoryRow) -> list[str]:
        how = wording.sign_in_method(row.method)
        if row.second_factor:
            how = self.tr("{method}, then {factor}").format(
                method=how, factor=wording.second_factor(row.second_factor))
        device = wording.device(row.browser, row.system)
        if row.ip:
            device = self.tr("{device}\nIP {address}").format(device=device, address=row.ip)
        details = "" if row.success else failure_reason(row.code)
        return [wording.when(row.time), self._result(row)[0], how, device, details]

    def _show_page(self, page: HistoryPage) -> None:
        self.table.setRowCount(len(page.rows))
        for index, row in enumerate(page.rows):
            cells = self._cells(row)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
                self.table.setItem(index, column, item)
            result = self.table.item(index, RESULT)
            device = self.table.item(index, DEVICE)
            when = self.table.item(index, WHEN)
            if result is not None:
                result.setIcon(icon(self._result(row)[1]))
            if device is not None:
                device.setIcon(icon(row.kind))
            if when is not None:
                when.setToolTip(wording.local_date_time(row.time))
            details = self.table.item(index, DETAILS)
            if details is not None and row.error:
                details.setToolTip(self.tr("The server said: {text}").format(text=row.error))
        self.table.resizeRowsToContents()
        self.empty.setVisible(not page.rows)
        self.table.setVisible(bool(page.rows))
        self._update_paging()

    def _show_chart(self, counts: list[DayCount]) -> None:
        self.chart.set_counts(counts)
        succeeded = sum(c.succeeded for c in counts)
        failed = sum(c.failed for c in counts)
        self.chart.setAccessibleDescription(self.tr(
            "{succeeded} successful and {failed} failed sign-ins over {days} days.").format(
                succeeded=wording.count(succeeded), failed=wording.count(failed),
                days=wording.count(len(counts))))

    def _update_paging(self, _busy: object = None) -> None:
        page = self.presenter.page
        busy = self.presenter.busy
        self.previous.setEnabled(not busy and page.page > 1)
        self.next.setEnabled(not busy and page.page < page.pages)
        self.page_label.setText(self.tr("Page {page} of {pages} · %n attempt(s)", "",
                                        page.total).format(page=wording.count(page.page),
                                                           pages=wording.count(page.pages)))
        self.page_label.setAccessibleName(self.page_label.text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()  # wrapped cells need new heights at a new width

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Login history"),
                               self.tr("Sign in to see when and where your account was used."),
                               self.tr("When and from where someone tried to sign in to your "
                                       "account, and whether it worked."))
        results = {"all": self.tr("All attempts"), "succeeded": self.tr("Successful"),
                   "failed": self.tr("Failed")}
        for index in range(self.result.count()):
            self.result.setItemText(index, results[self.result.itemData(index)])
        ranges = {7: self.tr("Last 7 days"), 30: self.tr("Last 30 days"),
                  90: self.tr("Last 90 days"), 0: self.tr("All time")}
        for index in range(self.range.count()):
            self.range.setItemText(index, ranges[self.range.itemData(index)])
        self.result_label.setText(self.tr("Show"))
        self.range_label.setText(self.tr("Period"))
        name_popup(self.result, self.tr("Which attempts to show"))
        name_popup(self.range, self.tr("Period"))
        self.chart_card.set_texts(self.tr("Attempts per day"))
        self.chart.set_legend(self.tr("Succeeded"), self.tr("Failed"))
        self.chart.setAccessibleName(self.tr("Sign-in attempts per day"))
        self.attempts_card.set_texts(self.tr("Sign-in attempts"))
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Result"), self.tr("How"), self.tr("Device"),
            self.tr("Details")])
        self.table.setAccessibleName(self.tr("Sign-in attempts"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.table.verticalHeader().setAccessibleName(self.tr("Rows"))
        self.empty.setText(self.tr("No sign-in attempts in this period."))
        self.previous.setText(self.tr("Previous"))
        self.previous.setAccessibleName(self.tr("Previous page"))
        self.next.setText(self.tr("Next"))
        self.next.setAccessibleName(self.tr("Next page"))
        self._update_paging()
        if self.presenter.page.rows:
            self._show_page(self.presenter.page)
        if self.presenter.chart:
            self._show_chart(self.presenter.chart)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
