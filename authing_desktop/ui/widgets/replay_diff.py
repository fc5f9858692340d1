"""Side by side: a replayed call that ended differently from the original (both redacted)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the engine (and the api layer under it) loads with the first replay
    from authing_desktop.replay.engine import ReplayOutcome

OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1


def _side(code: int | None, message: str, response: Any) -> str:
    head = f"code {'-' if code is None else code}" + (f" - {message}" if message else "")
    body = json.dumps(response, ensure_ascii=False, indent=2, default=str)
    return f"{head}\n\n{body}"


class ReplayDiffView(QWidget):
    """The mismatching calls in a list; the selected one's original and replayed outcome in two
    columns (``<key>.diffList``, ``<key>.diffOriginal``, ``<key>.diffReplayed``)."""

    def __init__(self, key: str = "support", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.diff")
        self.title = QLabel()
        self.title.setObjectName(f"{key}.diffTitle")
        self.list = QListWidget()
        self.list.setObjectName(f"{key}.diffList")
        self.list.currentItemChanged.connect(lambda item, _prev: self._show(item))
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.original = QPlainTextEdit()
        self.original.setObjectName(f"{key}.diffOriginal")
        self.replayed = QPlainTextEdit()
        self.replayed.setObjectName(f"{key}.diffReplayed")
        columns = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.original, self.replayed):
            view.setReadOnly(True)
            view.setFont(fixed)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            columns.addWidget(view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(columns)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self._count = 0
        self.retranslate()

    def set_outcomes(self, outcomes: list[ReplayOutcome]) -> None:
        """Show the mismatches among ``outcomes`` (the first one selected)."""
        self.list.clear()
        mismatches = [o for o in outcomes if not o.matches]
        self._count = len(mismatches)
        for outcome in mismatches:
            item = QListWidgetItem(f"{outcome.index}. {outcome.operation}")
            item.setData(OUTCOME_ROLE, outcome)
            self.list.addItem(item)
        if mismatches:
            self.list.setCurrentRow(0)
        else:
            self.original.clear()
            self.replayed.clear()
        self.retranslate()

    def _show(self, item: QListWidgetItem | None) -> None:
        from authing_desktop.replay.engine import ReplayOutcome  # loaded: outcomes exist

        outcome = item.data(OUTCOME_ROLE) if item is not None else None
        if not isinstance(outcome, ReplayOutcome):
            return
        self.original.setPlainText(_side(outcome.original_code, outcome.original_message,
                                         outcome.original_response))
        self.replayed.setPlainText(_side(outcome.replayed_code, outcome.replayed_message,
                                         outcome.replayed_response))

    def retranslate(self) -> None:
        self.title.setText(self.tr("{count} call(s) ended differently").format(
            count=self._count) if self._count else self.tr("All replayed calls matched."))
        self.list.setAccessibleName(self.tr("Calls that ended differently"))
        self.original.setAccessibleName(self.tr("Original outcome"))
        self.original.setPlaceholderText(self.tr("Original"))
        self.replayed.setAccessibleName(self.tr("Replayed outcome"))
        self.replayed.setPlaceholderText(self.tr("Replayed"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
