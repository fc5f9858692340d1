"""The network inspector's model: the call log as a table, newest last, and the redacted
details of one call."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from authing_desktop.services.call_log import CallLog, LoggedCall

TIME, OPERATION, DURATION, CODE, MESSAGE = range(5)
COLUMNS = 5
CALL_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def outcome_text(call: LoggedCall) -> str:
    """``200``, the server's code, or ``-`` when no answer came."""
    return "-" if call.code is None else str(call.code)


def duration_text(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def pretty(value: Any) -> str:
    """Indented JSON of already redacted data."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=str)


def request_text(call: LoggedCall) -> str:
    head = f"{call.method} {call.path}"
    if call.kind == "graphql":
        head += f"  ({call.operation})"
    return f"{head}\n\n{pretty(call.variables)}"


def response_text(call: LoggedCall) -> str:
    status = f"HTTP {call.status}" if call.status is not None else \
        QCoreApplication.translate("Inspector", "no answer")
    message = f" - {call.message}" if call.message else ""
    return f"{status}, code {outcome_text(call)}{message}\n\n{pretty(call.response)}"


class CallTableModel(QAbstractTableModel):
    """Rows of the call log (oldest first), bounded like the log itself."""

    def __init__(self, call_log: CallLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._log = call_log
        self._calls: list[LoggedCall] = list(call_log.calls)
        call_log.added.connect(self._added)
        call_log.cleared.connect(self._cleared)

    def call(self, row: int) -> LoggedCall | None:
        return self._calls[row] if 0 <= row < len(self._calls) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._calls)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        call = self.call(index.row()) if index.isValid() else None
        if call is None:
            return None
        if role == CALL_ROLE:
            return call
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == TIME:
                return call.at.strftime("%H:%M:%S.") + f"{call.at.microsecond // 1000:03d}"
            if column == OPERATION:
                return call.operation
            if column == DURATION:
                return duration_text(call.duration)
            if column == CODE:
                return outcome_text(call)
            if column == MESSAGE:
                return call.message
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (DURATION, CODE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("Inspector", "Time"),
            QCoreApplication.translate("Inspector", "Operation"),
            QCoreApplication.translate("Inspector", "Duration"),
            QCoreApplication.translate("Inspector", "Code"),
            QCoreApplication.translate("Inspector", "Message"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def _added(self, call: LoggedCall) -> None:
        if len(self._calls) >= self._log.limit:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self._calls[0]
            self.endRemoveRows()
        row = len(self._calls)
        self.beginInsertRows(QModelIndex(), row, row)
        self._calls.append(call)
        self.endInsertRows()

    def _cleared(self) -> None:
        self.beginResetModel()
        self._calls = []
        self.endResetModel()


class CallFilterModel(QSortFilterProxyModel):
    """Filters the calls by operation, code or message (case-insensitive substring)."""

    def __init__(self, source: CallTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
