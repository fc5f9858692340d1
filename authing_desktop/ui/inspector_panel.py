"""The network inspector: every API call of this run in a table (time, operation, duration,
code, message) and the selected call's request and response, redacted. A page tab and a dock
widget (`InspectorDock`) both use it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.inspector import (
    CALL_ROLE,
    MESSAGE,
    CallFilterModel,
    CallTableModel,
    request_text,
    response_text,
)
from authing_desktop.services.call_log import CallLog, LoggedCall

KEY = "support"
FAILED_COLOUR = QColor(198, 40, 40)


class _ColouredCalls(CallFilterModel):
    """Failed calls in red (colour is the view's business, not the presenter's)."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            call = super().data(index, CALL_ROLE)
            if isinstance(call, LoggedCall) and not call.ok:
                return FAILED_COLOUR
        return super().data(index, role)


class InspectorPanel(QWidget):
    """Calls table + filter + clear, and the selected call's details."""

    def __init__(self, call_log: CallLog, parent: QWidget | None = None,
                 *, key: str = KEY) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.inspector")
        self.call_log = call_log
        self.model = CallTableModel(call_log, self)
        self.proxy = _ColouredCalls(self.model, self)

        self.filter = QLineEdit()
        self.filter.setObjectName(f"{key}.inspectorFilter")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{key}.inspectorCount")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName(f"{key}.inspectorClear")
        self.clear_button.clicked.connect(call_log.clear)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.clear_button)

        self.table = QTableView()
        self.table.setObjectName(f"{key}.inspectorTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (arrow keys move between rows), so the keyboard is never stuck.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setObjectName(f"{key}.inspectorTableHeader")
        self.table.verticalHeader().setObjectName(f"{key}.inspectorTableRowHeader")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_details(current))

        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.request_view = QPlainTextEdit()
        self.request_view.setObjectName(f"{key}.inspectorRequest")
        self.response_view = QPlainTextEdit()
        self.response_view.setObjectName(f"{key}.inspectorResponse")
        for view in (self.request_view, self.response_view):
            view.setReadOnly(True)
            view.setFont(fixed)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(self.request_view)
        details.addWidget(self.response_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(lambda: self._show_details(QModelIndex()))
        self.model.rowsRemoved.connect(self._update_count)
        self.retranslate()
        self._update_count()

    @property
    def selected_call(self) -> LoggedCall | None:
        index = self.table.currentIndex()
        call = self.proxy.data(index, CALL_ROLE) if index.isValid() else None
        return call if isinstance(call, LoggedCall) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _rows_inserted(self) -> None:
        self._update_count()
        # Follow the newest call unless the user is looking at an older one.
        if self.selected_call is None:
            self.table.scrollToBottom()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{count} calls").format(count=self.model.rowCount()))

    def _show_details(self, index: QModelIndex) -> None:
        call = self.proxy.data(index, CALL_ROLE) if index.isValid() else None
        if not isinstance(call, LoggedCall):
            self.request_view.clear()
            self.response_view.clear()
            return
        self.request_view.setPlainText(request_text(call))
        self.response_view.setPlainText(response_text(call))

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter by operation, code or message"))
        self.filter.setAccessibleName(self.tr("Filter calls"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(self.tr("Clear the call list"))
        self.table.setAccessibleName(self.tr("API calls of this session"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.table.verticalHeader().setAccessibleName(self.tr("Rows"))
        self.request_view.setAccessibleName(self.tr("Request (redacted)"))
        self.request_view.setPlaceholderText(self.tr("Select a call to see its request."))
        self.response_view.setAccessibleName(self.tr("Response (redacted)"))
        self.response_view.setPlaceholderText(self.tr("…and its response."))
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class InspectorDock(QDockWidget):
    """The inspector as a dockable panel of the main window."""

    def __init__(self, call_log: CallLog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shell.inspectorDock")
        self.panel = InspectorPanel(call_log, self, key="shell.inspectorDock")
        self.setWidget(self.panel)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Network inspector"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
