"""Flow recording: the calls of the call log, redacted as they happen, saved as a transcript.

Each call is redacted (with the recording's `Pseudonyms`) the moment it is reported; only the
redacted entry is kept, and it is appended at once to a journal file next to the app's state.
So a crash mid-recording leaves a redacted partial transcript (`pending_journals`; the replay
CLI reads it too), and there is never a secret waiting in memory to be written. `stop` returns
the finished document and removes the journal; `save` writes it.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from authing_desktop.redaction import Pseudonyms
from authing_desktop.replay.transcript_file import (
    JOURNAL_SUFFIX,
    scenario_header,
    transcript_document,
    transcript_entry,
    write_transcript,
)
from authing_desktop.services.call_log import CallLog

if TYPE_CHECKING:
    from authing_desktop.api.local_pool_admin import AppliedScenario
    from authing_desktop.api.transport import CallRecord

log = logging.getLogger("authing_desktop.transcript")

Clock = Callable[[], float]


class TranscriptRecorder(QObject):
    """Start/stop recording the call log into a transcript. ``recording_changed`` carries the
    state, ``recorded`` the number of calls so far."""

    recording_changed = Signal(bool)
    recorded = Signal(int)

    def __init__(self, call_log: CallLog, journal_dir: Path, *,
                 host: Callable[[], str] = lambda: "", clock: Clock = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call_log = call_log
        self._journal_dir = journal_dir
        self._host = host
        self._clock = clock
        self._header: dict[str, Any] | None = None
        self._entries: list[dict[str, Any]] = []
        self._pseudonyms: Pseudonyms | None = None
        self._journal: IO[str] | None = None
        self._journal_path: Path | None = None
        self._started = 0.0

    @property
    def recording(self) -> bool:
        return self._header is not None

    @property
    def count(self) -> int:
        return len(self._entries)

    @property
    def journal_path(self) -> Path | None:
        """Where the recording in progress is journaled."""
        return self._journal_path

    def start(self, header: Mapping[str, Any],
              scenario: AppliedScenario | None = None) -> None:
        """Begin a recording (``header`` from `transcript_header`); ``scenario``: the one
        applied to the pool before, named in the header (`scenario_header`)."""
        if self.recording:
            raise RuntimeError("already recording")
        pseudonyms = Pseudonyms()
        if scenario is not None:
            users = scenario.document.get("users")
            header = {**header, "scenario": scenario_header(
                scenario.name, scenario.digest, users if isinstance(users, list) else [],
                pseudonyms)}
        self._journal_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self._journal_dir / f"flow-{stamp}-{os.getpid()}{JOURNAL_SUFFIX}"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self._journal = os.fdopen(descriptor, "w", encoding="utf-8")
        self._journal_path = path
        self._header = dict(header)
        self._write_line(self._header)
        self._entries = []
        self._pseudonyms = pseudonyms
        self._started = self._clock()
        self._call_log.add_listener(self)
        self.recording_changed.emit(True)

    def stop(self) -> dict[str, Any]:
        """End the recording; the finished transcript document (the journal is removed)."""
        if self._header is None:
            raise RuntimeError("not recording")
        document = transcript_document(self._header, self._entries,
                                       self._clock() - self._started)
        self._finish(remove_journal=True)
        return document

    def discard(self) -> None:
        """Drop a recording in progress (quitting)."""
        if self.recording:
            self._finish(remove_journal=True)

    @staticmethod
    def save(document: Mapping[str, Any], path: Path) -> None:
        write_transcript(path, document)

    def pending_journals(self) -> list[Path]:
        """Journals a crash left behind (newest first), not the one being written."""
        if not self._journal_dir.is_dir():
            return []
        found = [p for p in self._journal_dir.glob(f"*{JOURNAL_SUFFIX}")
                 if p != self._journal_path]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    # ------------------------------------------------------------ CallListener

    def call_finished(self, record: CallRecord) -> None:
        if self._pseudonyms is None:
            return
        entry = transcript_entry(record, t=self._clock() - self._started, host=self._host(),
                                 pseudonyms=self._pseudonyms)
        self._entries.append(entry)
        self._write_line(entry)
        self.recorded.emit(len(self._entries))

    def password_encrypted(self, transport_form: str, plain: str) -> None:
        if self._pseudonyms is not None:
            self._pseudonyms.alias(transport_form, plain)

    # ------------------------------------------------------------ internals

    def _write_line(self, value: Mapping[str, Any]) -> None:
        if self._journal is None:
            return
        try:
            self._journal.write(json.dumps(value, ensure_ascii=False) + "\n")
            self._journal.flush()  # a crash must not lose what was recorded so far
        except OSError as error:
            log.warning("transcript journal write failed (%s)", type(error).__name__)

    def _finish(self, *, remove_journal: bool) -> None:
        self._call_log.remove_listener(self)
        if self._journal is not None:
            self._journal.close()
        if remove_journal and self._journal_path is not None:
            self._journal_path.unlink(missing_ok=True)
        self._journal = None
        self._journal_path = None
        self._header = None
        self._pseudonyms = None
        self._entries = []
        self.recording_changed.emit(False)
