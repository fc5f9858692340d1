"""Replay a transcript from the GUI: a fresh local pool in a temporary directory (started in the
warm-up's worker thread: it imports the server stack), or a given pool URL; outcomes arrive one
by one, mismatches for the diff view."""

from __future__ import annotations

import asyncio
import importlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.presenters.base import Presenter
from authing_desktop.replay.transcript_file import TranscriptError, load_transcript
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.warm_up import WarmUp

if TYPE_CHECKING:
    from authing_desktop.replay.engine import ReplayOutcome, ReplayReport

TASK_NAME = "support.replay"


class ReplayPresenter(Presenter):
    """``started`` (number of calls), ``outcome_added`` (`ReplayOutcome`), ``finished``
    (`ReplayReport`)."""

    started = Signal(int)
    outcome_added = Signal(object)
    finished = Signal(object)

    def __init__(self, tasks: TaskRunner, warm_up: WarmUp,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._warm_up = warm_up
        self._report: ReplayReport | None = None

    @property
    def report(self) -> ReplayReport | None:
        return self._report

    def replay(self, path: Path, pool_url: str = "") -> None:
        if not self.busy:
            self.run(self._replay(path, pool_url.strip()), name=TASK_NAME)

    async def _replay(self, path: Path, pool_url: str) -> ReplayReport:
        try:
            transcript = load_transcript(path)
        except TranscriptError as error:
            raise UserFacingError(str(error)) from error
        self._report = None
        self.started.emit(len(transcript.calls))
        # The engine pulls in the api layer: imported with the first replay, by the warm-up.
        await self._warm_up.load_third_party()
        engine = await self._warm_up.add(
            lambda: importlib.import_module("authing_desktop.replay.engine"), first=True)
        report: ReplayReport
        try:
            if pool_url:
                target = await engine.read_target(pool_url)
                report = await engine.Replayer(transcript, target,
                                               on_outcome=self.outcome_added.emit).run()
            else:
                report = await self._on_fresh_pool(transcript)
        except engine.ReplayError as error:
            text = QCoreApplication.translate("Replay", "The replay could not run: {reason}")
            raise UserFacingError(text.format(reason=str(error))) from error
        self._report = report
        self.finished.emit(report)
        return report

    async def _on_fresh_pool(self, transcript: Any) -> ReplayReport:
        from authing_desktop.replay.engine import Replayer, ReplayTarget  # loaded by _replay

        loop = asyncio.get_running_loop()
        with tempfile.TemporaryDirectory(prefix="authing-replay-") as data_dir:
            pool = await self._warm_up.run_in_worker(lambda: _start_pool(Path(data_dir)))
            try:
                target = ReplayTarget(url=pool.url, user_pool_id=pool.user_pool_id,
                                      app_id=pool.app_id, public_key=pool.public_key)
                return await Replayer(transcript, target,
                                      on_outcome=self._emit_outcome).run()
            finally:
                await asyncio.shield(loop.run_in_executor(None, pool.stop))

    def _emit_outcome(self, outcome: ReplayOutcome) -> None:
        self.outcome_added.emit(outcome)


def _start_pool(data_dir: Path) -> Any:
    from authing_desktop.localpool.embedded import start_embedded_pool

    return start_embedded_pool(data_dir, demo=True, host="127.0.0.1", port=0)
