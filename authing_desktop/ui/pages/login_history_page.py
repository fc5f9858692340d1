"""The Login history page (``history.*``): attempts per day as a small chart, and a table of
attempts (time, result, method, second factor, IP, device, error) with result and time-range
filters and paging. Failures stand out in red."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush
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
from authing_desktop.presenters.login_history import (
    RANGES,
    DayCount,
    HistoryPage,
    LoginHistoryPresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.account_base import AccountPage, section_title
from authing_desktop.ui.pages.devices_page import local_time
from authing_desktop.ui.widgets.attempts_chart import FAILED_COLOUR, AttemptsChart
from authing_desktop.ui.widgets.form_layout import combo_box, name_popup

KEY = "history"
# The result filter: item data -> the presenter's ``success``.
RESULTS: dict[str, bool | None] = {"all": None, "succeeded": True, "failed": False}


class LoginHistoryPage(AccountPage):
    """Login history."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
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

        self.chart_title = section_title(f"{KEY}.chartTitle")
        self.chart = AttemptsChart(f"{KEY}.chart")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName(f"{KEY}.table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.horizontalHeader().setObjectName(f"{KEY}.tableHeader")
        self.table.verticalHeader().setObjectName(f"{KEY}.rowHeader")
        self.table.setCornerButtonEnabled(False)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(260)
        self.empty = QLabel()
        self.empty.setObjectName(f"{KEY}.empty")
        self.empty.setVisible(False)
        self.previous = QPushButton()
        self.previous.setObjectName(f"{KEY}.previous")
        self.next = QPushButton()
        self.next.setObjectName(f"{KEY}.next")
        self.page_label = QLabel()
        self.page_label.setObjectName(f"{KEY}.pageLabel")
        paging = QHBoxLayout()
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.previous)
        paging.addWidget(self.next)

        self.body.addLayout(filters)
        self.body.addWidget(self.chart_title)
        self.body.addWidget(self.chart)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.empty)
        self.body.addLayout(paging)

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

    def _show_page(self, page: HistoryPage) -> None:
        self.table.setRowCount(len(page.rows))
        failed_brush = QBrush(FAILED_COLOUR)
        for index, row in enumerate(page.rows):
            result = self.tr("✔ Succeeded") if row.success else self.tr("✘ Failed")
            if not row.success and in_group(row.code, ErrorGroup.MFA_REQUIRED):
                result = self.tr("✘ Second step asked")
            cells = [local_time(row.time), result, row.method, row.second_factor, row.ip,
                     row.device, row.error]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not row.success:
                    item.setForeground(failed_brush)
                self.table.setItem(index, column, item)
        self.empty.setVisible(not page.rows)
        self._update_paging()

    def _show_chart(self, counts: list[DayCount]) -> None:
        self.chart.set_counts(counts)
        succeeded = sum(c.succeeded for c in counts)
        failed = sum(c.failed for c in counts)
        self.chart.setAccessibleDescription(self.tr(
            "{succeeded} successful and {failed} failed sign-ins over {days} days.").format(
                succeeded=succeeded, failed=failed, days=len(counts)))

    def _update_paging(self, _busy: object = None) -> None:
        page = self.presenter.page
        busy = self.presenter.busy
        self.previous.setEnabled(not busy and page.page > 1)
        self.next.setEnabled(not busy and page.page < page.pages)
        self.page_label.setText(self.tr("Page {page} of {pages} · {total} attempt(s)").format(
            page=page.page, pages=page.pages, total=page.total))

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Login history"),
                               self.tr("Sign in to see when and where your account was used."))
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
        self.chart_title.setText(self.tr("Attempts per day"))
        self.chart.set_legend(self.tr("Succeeded"), self.tr("Failed"))
        self.chart.setAccessibleName(self.tr("Sign-in attempts per day"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Result"), self.tr("Method"), self.tr("Second step"),
            self.tr("IP address"), self.tr("Device"), self.tr("Error")])
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
