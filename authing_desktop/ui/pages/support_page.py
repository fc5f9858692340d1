"""The Support page: tools for support staff reproducing what a user did.

Tabs: the network inspector (every API call of this run, redacted), the local pool's outbox
(codes it "sent", polled while shown), connection profiles and accounts, and flow transcripts
(record, save, replay on a fresh local pool with a side-by-side diff of mismatches).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.base import Presenter
from authing_desktop.presenters.outbox import OutboxPresenter
from authing_desktop.presenters.profiles import ProfileForm, ProfilesPresenter, check_form
from authing_desktop.presenters.replay import ReplayPresenter
from authing_desktop.presenters.transcript import TranscriptPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.local_pool_routes import OutboxMessage
from authing_desktop.services.settings import Settings
from authing_desktop.ui.dialogs.profile_editor import ProfileEditor
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.inspector_panel import InspectorPanel
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.form_layout import busy_bar
from authing_desktop.ui.widgets.replay_diff import ReplayDiffView

if TYPE_CHECKING:  # the engine (and the api layer under it) loads with the first replay
    from authing_desktop.replay.engine import ReplayOutcome, ReplayReport

KEY = "support"
PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1
INSPECTOR_TAB, OUTBOX_TAB, PROFILES_TAB, TRANSCRIPT_TAB = range(4)


def _busy_bar(name: str, presenter: Presenter) -> QProgressBar:
    bar = busy_bar(f"{KEY}.{name}")
    presenter.busy_changed.connect(bar.setVisible)
    return bar


def _error_label(name: str, presenter: Presenter) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{KEY}.{name}")
    label.setWordWrap(True)
    set_tone(label, "error")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)

    def show(text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    presenter.error_changed.connect(show)
    return label


def _name_parts(table: QTableView, name: str) -> None:
    """Stable names for a table's headers (tests and accessibility tools find them)."""
    table.horizontalHeader().setObjectName(f"{KEY}.{name}Header")
    table.verticalHeader().setObjectName(f"{KEY}.{name}RowHeader")


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(f"{KEY}.{name}")
    return button


class SupportPage(QWidget):
    """Network inspector, outbox, profiles, transcripts and replay."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName(f"{KEY}.page")
        self.title_label = QLabel()
        self.title_label.setObjectName(f"{KEY}.title")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{KEY}.tabs")
        self.tabs.setUsesScrollButtons(False)
        for scroll in self.tabs.tabBar().findChildren(QToolButton):
            scroll.setObjectName(f"{KEY}.tabs{scroll.objectName() or 'Scroll'}")

        self.inspector = InspectorPanel(services.call_log)
        self.tabs.addTab(self.inspector, "")
        self.tabs.addTab(self._outbox_tab(), "")
        self.tabs.addTab(self._profiles_tab(), "")
        self.tabs.addTab(self._transcript_tab(), "")
        self.tabs.currentChanged.connect(lambda _index: self._update_outbox_polling())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self._show_profiles(services.settings.current)

    # ================================================================ outbox

    def _outbox_tab(self) -> QWidget:
        self.outbox = OutboxPresenter(self.services.connection, self.services.tasks, parent=self)
        self.outbox_status = QLabel()
        self.outbox_status.setObjectName(f"{KEY}.outboxStatus")
        self.outbox_status.setWordWrap(True)
        self.outbox_refresh = _button("outboxRefresh")
        self.outbox_refresh.clicked.connect(self.outbox.refresh)
        # A VERIFY_EMAIL mail's link opens in the system browser; tests replace this.
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        self.outbox_open_link = _button("outboxOpenLink")
        self.outbox_open_link.setEnabled(False)
        self.outbox_open_link.clicked.connect(self.open_outbox_link)
        self.outbox_table = QTableWidget(0, 6)
        self.outbox_table.setObjectName(f"{KEY}.outboxTable")
        self.outbox_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.outbox_table.verticalHeader().setVisible(False)
        self.outbox_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.outbox_table.horizontalHeader().setStretchLastSection(True)
        _name_parts(self.outbox_table, "outboxTable")
        top = QHBoxLayout()
        top.addWidget(self.outbox_status, 1)
        top.addWidget(self.outbox_open_link)
        top.addWidget(self.outbox_refresh)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(_busy_bar("outboxBusy", self.outbox))
        layout.addWidget(_error_label("outboxError", self.outbox))
        layout.addWidget(self.outbox_table, 1)
        self.outbox_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.outbox_table.itemSelectionChanged.connect(self._update_outbox_link)
        self.outbox_table.cellDoubleClicked.connect(lambda _row, _column:
                                                    self.open_outbox_link())
        self.outbox.messages_changed.connect(self._show_outbox)
        self.outbox.available_changed.connect(lambda _a: self._show_outbox_status())
        return tab

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

    def _update_outbox_polling(self) -> None:
        self.outbox.set_visible(self.isVisible() and self.tabs.currentIndex() == OUTBOX_TAB)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_outbox_polling()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.outbox.set_visible(False)

    # ================================================================ profiles

    def _profiles_tab(self) -> QWidget:
        services = self.services
        self.profiles = ProfilesPresenter(services.settings, services.session,
                                          services.token_store, services.tasks, parent=self)
        self.profile_list = QListWidget()
        self.profile_list.setObjectName(f"{KEY}.profileList")
        self.profile_list.currentItemChanged.connect(lambda _c, _p: self._update_buttons())
        self.profile_list.itemDoubleClicked.connect(lambda _item: self.use_profile())
        self.profile_add = _button("profileAdd")
        self.profile_add.clicked.connect(lambda: self.edit_profile(None))
        self.profile_edit = _button("profileEdit")
        self.profile_edit.clicked.connect(lambda: self.edit_profile(self.current_profile_id()))
        self.profile_remove = _button("profileRemove")
        self.profile_remove.clicked.connect(self.remove_profile)
        self.profile_use = _button("profileUse")
        self.profile_use.clicked.connect(self.use_profile)
        buttons = QVBoxLayout()
        for button in (self.profile_use, self.profile_add, self.profile_edit,
                       self.profile_remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.profile_list, 1)
        row.addLayout(buttons)

        self.accounts_box = QGroupBox()
        self.accounts_box.setObjectName(f"{KEY}.accountsBox")
        self.accounts = QComboBox()
        self.accounts.setObjectName(f"{KEY}.accounts")
        self.accounts.view().setObjectName(f"{KEY}.accountsList")
        self.account_use = _button("accountUse")
        self.account_use.clicked.connect(self.use_account)
        accounts_layout = QHBoxLayout(self.accounts_box)
        accounts_layout.addWidget(self.accounts, 1)
        accounts_layout.addWidget(self.account_use)

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row, 1)
        layout.addWidget(self.accounts_box)
        layout.addWidget(_busy_bar("profilesBusy", self.profiles))
        layout.addWidget(_error_label("profilesError", self.profiles))
        self.profiles.profiles_changed.connect(self._show_profiles)
        self.profiles.busy_changed.connect(lambda _busy: self._update_buttons())
        self.services.session.state_changed.connect(lambda _state: self._show_accounts())
        self.editor: ProfileEditor | None = None
        return tab

    def current_profile_id(self) -> str | None:
        item = self.profile_list.currentItem()
        return str(item.data(PROFILE_ROLE)) if item is not None else None

    def select_profile_row(self, profile_id: str) -> None:
        for row in range(self.profile_list.count()):
            if self.profile_list.item(row).data(PROFILE_ROLE) == profile_id:
                self.profile_list.setCurrentRow(row)
                return

    def _show_profiles(self, settings: Settings) -> None:
        current = self.current_profile_id()
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in settings.profiles:
            name = self.profiles.display_name(profile)
            where = self.tr("built-in local pool") if profile.is_local else profile.app_host
            active = profile.id == settings.selected_profile_id
            text = f"{name} — {where}" + (f"  ({self.tr('active')})" if active else "")
            item = QListWidgetItem(text)
            item.setData(PROFILE_ROLE, profile.id)
            if active:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.profile_list.addItem(item)
        self.profile_list.blockSignals(False)
        self.select_profile_row(current or settings.selected_profile_id)
        if self.profile_list.currentItem() is None and self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        self._show_accounts()
        self._update_buttons()

    def _show_accounts(self) -> None:
        accounts = self.profiles.accounts(self.profiles.selected_id)
        session = self.services.session
        self.accounts.clear()
        for account in accounts:
            self.accounts.addItem(account, account)
        if session.account in accounts:
            self.accounts.setCurrentIndex(accounts.index(session.account))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self.profiles.busy
        chosen = self.current_profile_id()
        self.profile_use.setEnabled(not busy and chosen is not None
                                    and chosen != self.profiles.selected_id)
        self.profile_edit.setEnabled(not busy and chosen is not None)
        self.profile_remove.setEnabled(not busy and chosen is not None
                                       and len(self.profiles.profiles) > 1)
        self.profile_add.setEnabled(not busy)
        self.account_use.setEnabled(not busy and self.accounts.count() > 0)

    def edit_profile(self, profile_id: str | None) -> ProfileEditor:
        """Open the editor (window-modal, not a nested loop); Save validates inline."""
        profile = self.profiles.settings.profile(profile_id) if profile_id else None
        form = ProfileForm.of(profile) if profile is not None else None
        editor = ProfileEditor(
            form, self,
            validate=lambda f: check_form(f, self.profiles.settings, profile_id)[1])
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.accepted.connect(lambda: self.profiles.run(
            self.profiles.save_profile(editor.form(), profile_id),
            name="support.profiles.save"))
        editor.finished.connect(lambda _r: editor.deleteLater())
        self.editor = editor
        editor.open()
        return editor

    def remove_profile(self) -> None:
        profile_id = self.current_profile_id()
        profile = self.profiles.settings.profile(profile_id) if profile_id else None
        if profile is None:
            return

        async def confirm_and_remove() -> None:
            text = self.tr("Remove the connection profile “{name}”? Its saved sign-ins are "
                           "deleted from the keychain.").format(
                               name=self.profiles.display_name(profile))
            answer = await ask(self, f"{KEY}.removeProfile", self.tr("Remove profile"), text,
                               [Choice("remove", self.tr("Remove"),
                                       QMessageBox.ButtonRole.DestructiveRole),
                                Choice("keep", self.tr("Keep"),
                                       QMessageBox.ButtonRole.RejectRole)],
                               default="keep")
            if answer == "remove":
                self.profiles.remove(profile.id)

        self.services.tasks.start(confirm_and_remove(), name="support.profiles.confirm")

    def use_profile(self) -> None:
        profile_id = self.current_profile_id()
        if profile_id is not None:
            self.profiles.select(profile_id)

    def use_account(self) -> None:
        account = self.accounts.currentData()
        if isinstance(account, str):
            self.profiles.select_account(account)

    # ================================================================ transcripts

    def _transcript_tab(self) -> QWidget:
        services = self.services
        self.transcript = TranscriptPresenter(services.transcripts, services.connection,
                                              services.tasks, parent=self)
        self.replayer = ReplayPresenter(services.tasks, services.warm_up, services.connection,
                                        parent=self)

        self.record_box = QGroupBox()
        self.record_box.setObjectName(f"{KEY}.recordBox")
        self.record = _button("record")
        self.record.clicked.connect(self.toggle_recording)
        self.record_status = QLabel()
        self.record_status.setObjectName(f"{KEY}.recordStatus")
        self.record_status.setWordWrap(True)
        self.save = _button("saveTranscript")
        self.save.clicked.connect(self.save_transcript)
        self.recover = _button("recoverTranscript")
        self.recover.clicked.connect(self.recover_journal)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record)
        record_row.addWidget(self.save)
        record_row.addWidget(self.recover)
        record_row.addStretch(1)
        record_layout = QVBoxLayout(self.record_box)
        record_layout.addLayout(record_row)
        record_layout.addWidget(self.record_status)
        record_layout.addWidget(_busy_bar("transcriptBusy", self.transcript))
        record_layout.addWidget(_error_label("transcriptError", self.transcript))

        self.replay_box = QGroupBox()
        self.replay_box.setObjectName(f"{KEY}.replayBox")
        self.replay_file = QLineEdit()
        self.replay_file.setObjectName(f"{KEY}.replayFile")
        self.replay_browse = _button("replayBrowse")
        self.replay_browse.clicked.connect(self.browse_replay_file)
        self.replay_pool = QLineEdit()
        self.replay_pool.setObjectName(f"{KEY}.replayPool")
        self.replay_button = _button("replay")
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
        _name_parts(self.replay_results, "replayResults")
        self.replay_summary = QLabel()
        self.replay_summary.setObjectName(f"{KEY}.replaySummary")
        self.diff = ReplayDiffView(KEY)
        self.diff.setVisible(False)
        replay_layout = QVBoxLayout(self.replay_box)
        replay_layout.addLayout(file_row)
        replay_layout.addLayout(pool_row)
        replay_layout.addWidget(_busy_bar("replayBusy", self.replayer))
        replay_layout.addWidget(_error_label("replayError", self.replayer))
        replay_layout.addWidget(self.replay_summary)
        replay_layout.addWidget(self.replay_results, 1)
        replay_layout.addWidget(self.diff, 1)

        tab = QWidget()
        layout = QVBoxLayout(tab)
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
        return tab

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
        default = self.services.paths.data_dir / "transcripts" / "flow.json"
        self._open_file_dialog(
            self.tr("Save transcript"), str(default), self.tr("Transcripts (*.json)"),
            QFileDialog.AcceptMode.AcceptSave, chosen)

    def choose_replay_file(self, chosen: Callable[[Path], object]) -> None:
        """Ask which transcript to replay; ``chosen`` gets the path (tests replace this)."""
        self._open_file_dialog(
            self.tr("Replay transcript"), str(self.services.paths.data_dir),
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

    # ================================================================ language

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Support"))
        for index, text in ((INSPECTOR_TAB, self.tr("Network inspector")),
                            (OUTBOX_TAB, self.tr("Outbox")),
                            (PROFILES_TAB, self.tr("Profiles")),
                            (TRANSCRIPT_TAB, self.tr("Transcript && replay"))):
            self.tabs.setTabText(index, text)
        self.tabs.setAccessibleName(self.tr("Support tools"))
        self.tabs.tabBar().setAccessibleName(self.tr("Support tools"))
        self.outbox_refresh.setText(self.tr("Refresh"))
        self.outbox_table.setHorizontalHeaderLabels([
            self.tr("Sent"), self.tr("Channel"), self.tr("To"), self.tr("Scene"),
            self.tr("Code"), self.tr("Link")])
        self.outbox_open_link.setText(self.tr("Open link"))
        self.outbox_open_link.setAccessibleName(self.tr("Open the verification link"))
        self.outbox_table.setAccessibleName(self.tr("Codes the local pool sent"))
        for table in (self.outbox_table, self.replay_results):
            table.horizontalHeader().setAccessibleName(self.tr("Columns"))
            table.verticalHeader().setAccessibleName(self.tr("Rows"))
        self.accounts.view().setAccessibleName(self.tr("Remembered accounts"))
        self._show_outbox_status()
        self.profile_list.setAccessibleName(self.tr("Connection profiles"))
        self.profile_use.setText(self.tr("Use"))
        self.profile_add.setText(self.tr("Add…"))
        self.profile_edit.setText(self.tr("Edit…"))
        self.profile_remove.setText(self.tr("Remove…"))
        for button in (self.profile_use, self.profile_add, self.profile_edit,
                       self.profile_remove, self.account_use, self.outbox_refresh):
            button.setAccessibleName(button.text().rstrip("…"))
        self.accounts_box.setTitle(self.tr("Remembered accounts of the active profile"))
        self.accounts.setAccessibleName(self.tr("Remembered accounts"))
        self.account_use.setText(self.tr("Sign in as"))
        self.account_use.setAccessibleName(self.tr("Sign in as"))
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
        self.inspector.retranslate()
        self._show_profiles(self.services.settings.current)
        self._show_recording()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _code(code: int | None) -> str:
    return "-" if code is None else str(code)
