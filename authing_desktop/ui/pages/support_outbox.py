"""The Support page's Outbox tab: the codes the local pool "sent", polled while the tab is on
screen, with a verification mail's link to open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QDesktopServices, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.outbox import OutboxPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.local_pool_routes import OutboxMessage
from authing_desktop.ui.pages.support_widgets import (
    KEY,
    name_header_parts,
    named_button,
    presenter_busy_bar,
    presenter_error_label,
)


class OutboxTab(QWidget):
    """The local pool's outbox (``support.outbox*`` widgets)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outbox = OutboxPresenter(services.connection, services.tasks, parent=self)
        self.outbox_status = QLabel()
        self.outbox_status.setObjectName(f"{KEY}.outboxStatus")
        self.outbox_status.setWordWrap(True)
        self.outbox_refresh = named_button("outboxRefresh")
        self.outbox_refresh.clicked.connect(self.outbox.refresh)
        # A VERIFY_EMAIL mail's link opens in the system browser; tests replace this.
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        self.outbox_open_link = named_button("outboxOpenLink")
        self.outbox_open_link.setEnabled(False)
        self.outbox_open_link.clicked.connect(self.open_outbox_link)
        self.outbox_table = QTableWidget(0, 6)
        self.outbox_table.setObjectName(f"{KEY}.outboxTable")
        self.outbox_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.outbox_table.verticalHeader().setVisible(False)
        self.outbox_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.outbox_table.horizontalHeader().setStretchLastSection(True)
        name_header_parts(self.outbox_table, "outboxTable")
        top = QHBoxLayout()
        top.addWidget(self.outbox_status, 1)
        top.addWidget(self.outbox_open_link)
        top.addWidget(self.outbox_refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(presenter_busy_bar("outboxBusy", self.outbox))
        layout.addWidget(presenter_error_label("outboxError", self.outbox))
        layout.addWidget(self.outbox_table, 1)
        self.outbox_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.outbox_table.itemSelectionChanged.connect(self._update_outbox_link)
        self.outbox_table.cellDoubleClicked.connect(lambda _row, _column:
                                                    self.open_outbox_link())
        self.outbox.messages_changed.connect(self._show_outbox)
        self.outbox.available_changed.connect(lambda _a: self._show_outbox_status())
        self.retranslate()

    def _show_outbox(self, messages: list[OutboxMessage]) -> None:
        self.outbox_table.setRowCount(len(messages))
        for row, message in enumerate(messages):
            cells = (message.created_at.replace("T", " ")[:19], message.channel, message.to,
                     message.scene, message.code, message.link)
            for column, text in enumerate(cells):
                self.outbox_table.setItem(row, column, QTableWidgetItem(text))
        self._show_outbox_status()
        self._update_outbox_link()

    def outbox_link(self) -> str:
        """The selected message's verification link ("" when it has none)."""
        row = self.outbox_table.currentRow()
        messages = self.outbox.messages
        return messages[row].link if 0 <= row < len(messages) else ""

    def open_outbox_link(self) -> None:
        link = self.outbox_link()
        if link:  # http(s) only: `fetch_outbox` drops anything else
            self.open_url(QUrl(link))

    def _update_outbox_link(self) -> None:
        self.outbox_open_link.setEnabled(bool(self.outbox_link()))

    def _show_outbox_status(self) -> None:
        if not self.outbox.available:
            text = self.tr("The outbox exists only for the built-in local pool: other pools "
                           "really send their codes.")
        elif not self.outbox.messages:
            text = self.tr("No codes sent yet. Codes the local pool sends appear here.")
        else:
            text = self.tr("Codes the local pool sent, newest first (refreshed every 2 s).")
        self.outbox_status.setText(text)
        self.outbox_refresh.setEnabled(self.outbox.available)
        self.outbox_table.setEnabled(self.outbox.available)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.outbox.set_visible(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.outbox.set_visible(False)

    def retranslate(self) -> None:
        self.outbox_refresh.setText(self.tr("Refresh"))
        self.outbox_table.setHorizontalHeaderLabels([
            self.tr("Sent"), self.tr("Channel"), self.tr("To"), self.tr("Scene"),
            self.tr("Code"), self.tr("Link")])
        self.outbox_open_link.setText(self.tr("Open link"))
        self.outbox_open_link.setAccessibleName(self.tr("Open the verification link"))
        self.outbox_table.setAccessibleName(self.tr("Codes the local pool sent"))
        self.outbox_table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.outbox_table.verticalHeader().setAccessibleName(self.tr("Rows"))
        self.outbox_refresh.setAccessibleName(self.outbox_refresh.text().rstrip("…"))
        self._show_outbox_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
