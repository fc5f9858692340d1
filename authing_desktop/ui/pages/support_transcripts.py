"""The Support page's Transcript & replay tab: record this run's calls as a redacted flow
transcript, save it, and replay one on a fresh local pool with a side-by-side diff of
mismatches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.replay import ReplayPresenter
from authing_desktop.presenters.transcript import TranscriptPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.folders import documents_folder
from authing_desktop.ui.pages.support_widgets import (
    KEY,
    name_header_parts,
    named_button,
    presenter_busy_bar,
    presenter_error_label,
)
from authing_desktop.ui.widgets.replay_diff import ReplayDiffView

if TYPE_CHECKING:  # the engine (and the api layer under it) loads with the first replay
    from authing_desktop.replay.engine import ReplayOutcome, ReplayReport


class TranscriptTab(QWidget):
    """Flow transcript and replay (``support.record*``, ``support.replay*`` widgets)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.transcript = TranscriptPresenter(services.transcripts, services.connection,
                                              services.tasks, parent=self,
                                              local_pool_admin=services.local_pool_admin)
        self.replayer = ReplayPresenter(services.tasks, services.warm_up, services.connection,
                                        parent=self)

        self.record_box = QGroupBox()
        self.record_box.setObjectName(f"{KEY}.recordBox")
        self.record = named_button("record")
        self.record.clicked.connect(self.toggle_recording)
        self.record_status = QLabel()
        self.record_status.setObjectName(f"{KEY}.recordStatus")
        self.record_status.setWordWrap(True)
        self.save = named_button("saveTranscript")
        self.save.clicked.connect(self.save_transcript)
        self.recover = named_button("recoverTranscript")
        self.recover.clicked.connect(self.recover_journal)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record)
        record_row.addWidget(self.save)
        record_row.addWidget(self.recover)
        record_row.addStretch(1)
        record_layout = QVBoxLayout(self.record_box)
        record_layout.addLayout(record_row)
        record_layout.addWidget(self.record_status)
        record_layout.addWidget(presenter_busy_bar("transcriptBusy", self.transcript))
        record_layout.addWidget(presenter_error_label("transcriptError", self.transcript))

        self.replay_box = QGroupBox()
        self.replay_box.setObjectName(f"{KEY}.replayBox")
        self.replay_file = QLineEdit()
        self.replay_file.setObjectName(f"{KEY}.replayFile")
        self.replay_browse = named_button("replayBrowse")
        self.replay_browse.clicked.connect(self.browse_replay_file)
        self.replay_pool = QLineEdit()
        self.replay_pool.setObjectName(f"{KEY}.replayPool")
        self.replay_button = named_button("replay")
        self.replay_button.clicked.connect(self.start_replay)
        file_row = QHBoxLayout()
        file_row.addWidget(self.replay_file, 1)
        file_row.addWidget(self.replay_browse)
        pool_row = QHBoxLayout()
        pool_row.addWidget(self.replay_pool, 1)
        pool_row.addWidget(self.replay_button)
        self.replay_results = QTableWidget(0, 4)
        self.replay_results.setObjectName(f"{KEY}.replayResults")
        self.replay_results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.replay_results.verticalHeader().setVisible(False)
        self.replay_results.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.replay_results.horizontalHeader().setStretchLastSection(True)
        name_header_parts(self.replay_results, "replayResults")
        self.replay_summary = QLabel()
        self.replay_summary.setObjectName(f"{KEY}.replaySummary")
        self.diff = ReplayDiffView(KEY)
        self.diff.setVisible(False)
        replay_layout = QVBoxLayout(self.replay_box)
        replay_layout.addLayout(file_row)
        replay_layout.addLayout(pool_row)
        replay_layout.addWidget(presenter_busy_bar("replayBusy", self.replayer))
        replay_layout.addWidget(presenter_error_label("replayError", self.replayer))
        replay_layout.addWidget(self.replay_summary)
        replay_layout.addWidget(self.replay_results, 1)
        replay_layout.addWidget(self.diff, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.record_box)
        layout.addWidget(self.replay_box, 1)
        self.transcript.recording_changed.connect(lambda _r: self._show_recording())
        self.transcript.count_changed.connect(lambda _n: self._show_recording())
        self.transcript.finished.connect(self._show_recording)
        self.transcript.saved.connect(self._transcript_saved)
        self.transcript.busy_changed.connect(lambda _b: self._show_recording())
        self.replayer.started.connect(self._replay_started)
        self.replayer.outcome_added.connect(self._replay_outcome)
        self.replayer.finished.connect(self._replay_finished)
        self.replayer.busy_changed.connect(
            lambda busy: self.replay_button.setEnabled(not busy))
        self._saved_path = ""
        self.retranslate()

    def toggle_recording(self) -> None:
        if self.transcript.recording:
            self.transcript.stop()
        else:
            self._saved_path = ""
            self.transcript.start()

    def choose_save_path(self, chosen: Callable[[Path], object]) -> None:
        """Ask where to save the transcript; ``chosen`` gets the path (tests replace this).
        The dialog is opened with ``open()``: a static ``getSaveFileName`` would spin a nested
        event loop under the qasync tasks."""
        default = Path(documents_folder()) / "flow.json"
        self._open_file_dialog(
            self.tr("Save transcript"), str(default), self.tr("Transcripts (*.json)"),
            QFileDialog.AcceptMode.AcceptSave, chosen)

    def choose_replay_file(self, chosen: Callable[[Path], object]) -> None:
        """Ask which transcript to replay; ``chosen`` gets the path (tests replace this)."""
        self._open_file_dialog(
            self.tr("Replay transcript"), documents_folder(),
            self.tr("Transcripts (*.json *.jsonl)"), QFileDialog.AcceptMode.AcceptOpen, chosen)

    def _open_file_dialog(self, title: str, start: str, name_filter: str,
                          mode: QFileDialog.AcceptMode, chosen: Callable[[Path], object]) -> None:
        dialog = QFileDialog(self, title, start, name_filter)
        dialog.setObjectName(f"{KEY}.fileDialog")
        dialog.setAcceptMode(mode)
        if mode == QFileDialog.AcceptMode.AcceptOpen:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: chosen(Path(name)) if name else None)
        dialog.open()

    def save_transcript(self) -> None:
        self.choose_save_path(self.transcript.save)

    def recover_journal(self) -> None:
        journals = self.transcript.pending_journals()
        if journals and self.transcript.recover(journals[0]):
            self._show_recording()

    def browse_replay_file(self) -> None:
        self.choose_replay_file(lambda path: self.replay_file.setText(str(path)))

    def start_replay(self) -> None:
        text = self.replay_file.text().strip()
        if not text:
            self.replayer.set_error(self.tr("Choose a transcript file to replay."))
            return
        self.replayer.replay(Path(text), self.replay_pool.text())

    def _transcript_saved(self, path: str) -> None:
        self._saved_path = path
        if not self.replay_file.text().strip():
            self.replay_file.setText(path)
        self._show_recording()

    def _show_recording(self) -> None:
        recording = self.transcript.recording
        self.record.setText(self.tr("Stop recording") if recording
                            else self.tr("Start recording"))
        self.record.setAccessibleName(self.record.text())
        self.record.setEnabled(not self.transcript.busy)
        document = self.transcript.document
        self.save.setEnabled(not recording and document is not None)
        journals = [] if recording else self.transcript.pending_journals()
        self.recover.setVisible(bool(journals))
        if recording:
            text = self.tr("Recording… {count} call(s) so far. Secrets are replaced as they "
                           "are recorded.").format(count=self.services.transcripts.count)
        elif self._saved_path:
            text = self.tr("Saved to {path}.").format(path=self._saved_path)
        elif document is not None:
            text = self.tr("Recorded {count} call(s). Save the transcript to keep or replay "
                           "it.").format(count=len(document["calls"]))
        elif journals:
            text = self.tr("An unfinished recording was found (the app stopped while "
                           "recording). Recover it to save it.")
        else:
            text = self.tr("Record what you do, then save it as a redacted transcript.")
        self.record_status.setText(text)

    def _replay_started(self, count: int) -> None:
        self.replay_results.setRowCount(0)
        self.diff.setVisible(False)
        self.replay_summary.setText(self.tr("Replaying {count} call(s) on a fresh local "
                                            "pool…").format(count=count)
                                    if not self.replay_pool.text().strip() else
                                    self.tr("Replaying {count} call(s)…").format(count=count))

    def _replay_outcome(self, outcome: ReplayOutcome) -> None:
        row = self.replay_results.rowCount()
        self.replay_results.insertRow(row)
        cells = (str(outcome.index), outcome.operation, _code(outcome.original_code),
                 _code(outcome.replayed_code))
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if not outcome.matches:
                item.setForeground(Qt.GlobalColor.red)
            self.replay_results.setItem(row, column, item)

    def _replay_finished(self, report: ReplayReport) -> None:
        matching = len(report.outcomes) - len(report.mismatches)
        self.replay_summary.setText(self.tr("{matching} of {total} outcome codes match.")
                                    .format(matching=matching, total=len(report.outcomes)))
        self.diff.set_outcomes(report.outcomes)
        self.diff.setVisible(not report.all_match)

    def retranslate(self) -> None:
        self.record_box.setTitle(self.tr("Flow transcript"))
        self.save.setText(self.tr("Save…"))
        self.save.setAccessibleName(self.tr("Save transcript"))
        self.recover.setText(self.tr("Recover"))
        self.recover.setAccessibleName(self.tr("Recover the unfinished recording"))
        self.replay_box.setTitle(self.tr("Replay"))
        self.replay_file.setPlaceholderText(self.tr("Transcript file"))
        self.replay_file.setAccessibleName(self.tr("Transcript file"))
        self.replay_browse.setText(self.tr("Browse…"))
        self.replay_browse.setAccessibleName(self.tr("Choose a transcript"))
        self.replay_pool.setPlaceholderText(
            self.tr("Pool URL (empty: a fresh local pool)"))
        self.replay_pool.setAccessibleName(self.tr("Pool to replay on"))
        self.replay_button.setText(self.tr("Replay"))
        self.replay_button.setAccessibleName(self.tr("Replay the transcript"))
        self.replay_results.setHorizontalHeaderLabels([
            "#", self.tr("Operation"), self.tr("Original"), self.tr("Replayed")])
        self.replay_results.setAccessibleName(self.tr("Replay outcomes"))
        self.replay_results.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.replay_results.verticalHeader().setAccessibleName(self.tr("Rows"))
        self._show_recording()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _code(code: int | None) -> str:
    return "-" if code is None else str(code)
