"""Start/stop a flow recording and save it; what is kept is already redacted."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

from authing_desktop import __version__
from authing_desktop.presenters.base import Presenter
from authing_desktop.replay.transcript_file import (
    UNKNOWN_POOL_VERSION,
    TranscriptError,
    load_transcript,
    transcript_header,
)
from authing_desktop.services.connection import Connection
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.local_pool_admin import LocalPoolAdmin
from authing_desktop.services.local_pool_routes import fetch_pool_version
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.transcript import TranscriptRecorder


class TranscriptAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    START = "support.transcript.start"


class TranscriptPresenter(Presenter):
    """``recording_changed`` (bool), ``count_changed`` (calls so far), ``finished`` (a
    recording stopped: there is a document to save), ``saved`` (the path written)."""

    recording_changed = Signal(bool)
    count_changed = Signal(int)
    finished = Signal()
    saved = Signal(str)

    def __init__(self, recorder: TranscriptRecorder, connection: Connection, tasks: TaskRunner,
                 parent: QObject | None = None, *,
                 local_pool_admin: LocalPoolAdmin | None = None) -> None:
        super().__init__(tasks, parent)
        self._recorder = recorder
        self._connection = connection
        self._local_pool_admin = local_pool_admin
        self._document: dict[str, Any] | None = None
        recorder.recording_changed.connect(self.recording_changed)
        recorder.recorded.connect(self.count_changed)

    @property
    def recording(self) -> bool:
        return self._recorder.recording

    @property
    def document(self) -> dict[str, Any] | None:
        """The last finished recording (redacted), until saved or replaced."""
        return self._document

    def pending_journals(self) -> list[Path]:
        return self._recorder.pending_journals()

    def start(self) -> None:
        if not self.recording and not self.busy:
            self.run(self._start(), name=TranscriptAction.START)

    def stop(self) -> None:
        if self.recording:
            self._document = self._recorder.stop()
            self.finished.emit()

    def save(self, path: Path) -> bool:
        """Write the finished recording to ``path``; an inline error when it cannot."""
        self.clear_error()
        if self._document is None:
            self.set_error(QCoreApplication.translate("Transcript", "Nothing recorded yet."))
            return False
        try:
            self._recorder.save(self._document, path)
        except OSError as error:
            text = QCoreApplication.translate("Transcript", "Could not save {name}: {reason}")
            self.set_error(text.format(name=path.name,
                                       reason=error.strerror or type(error).__name__))
            return False
        self.saved.emit(str(path))
        return True

    def recover(self, journal: Path) -> bool:
        """Take a crash-left journal as the finished recording (to save it)."""
        self.clear_error()
        try:
            self._document = dict(load_transcript(journal).document)
        except TranscriptError as error:
            self.set_error(str(error))
            return False
        journal.unlink(missing_ok=True)
        self.finished.emit()
        return True

    async def _start(self) -> None:
        profile = self._connection.profile
        pool_version = UNKNOWN_POOL_VERSION
        app_id = user_pool_id = ""
        lang = "en-US"
        scenario = None
        client = self._connection.client
        if client is None:
            try:
                client = await self._connection.wait_ready()
            except UserFacingError:
                client = None  # record anyway: the calls will come once connected
        if client is not None:
            lang = client.lang
            app_id = client.profile.app_id or ""
            user_pool_id = client.profile.user_pool_id or ""
            if profile.is_local:
                pool_version = await fetch_pool_version(client.profile.host)
                if self._local_pool_admin is not None:
                    # A scenario support staff applied: the replay sets the pool up the same.
                    scenario = self._local_pool_admin.applied_scenario(client.profile.host)
        ui_language = "zh_CN" if QLocale().name().startswith("zh") else "en"
        self._recorder.start(transcript_header(
            app_version=__version__, pool_version=pool_version, language=lang,
            ui_language=ui_language,
            profile={"kind": profile.kind, "app_id": app_id, "user_pool_id": user_pool_id}),
            scenario=scenario)
