"""Replay a transcript from the GUI: a fresh local pool process in a temporary directory
(`temporary_pool`: started and stopped off the UI thread), or a given pool URL;
outcomes arrive one by one, mismatches for the diff view. A given URL that is the app's own
local pool gets that pool's admin token (its outbox needs it); another pool's token is not
known here. A transcript that names a scenario gets it applied on the fresh pool first, from
the file of that name next to the transcript (docs/scenarios.md)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.api.local_pool_admin import LocalPoolRouteError
from authing_desktop.pool_process import PoolStartError, temporary_pool
from authing_desktop.presenters.base import Presenter
from authing_desktop.replay.scenario_setup import (
    ReplayScenario,
    ScenarioMissing,
    apply_to,
    scenario_for,
)
from authing_desktop.replay.transcript_file import TranscriptError, load_transcript
from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.warm_up import ModuleGroup, WarmUp

if TYPE_CHECKING:
    from authing_desktop.replay.engine import ReplayOutcome, ReplayReport
    from authing_desktop.services.connection import Connection

TASK_NAME = "support.replay"


class ReplayPresenter(Presenter):
    """``started`` (number of calls), ``outcome_added`` (`ReplayOutcome`), ``finished``
    (`ReplayReport`)."""

    started = Signal(int)
    outcome_added = Signal(object)
    finished = Signal(object)

    def __init__(self, tasks: TaskRunner, warm_up: WarmUp, connection: Connection | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(tasks, parent)
        self._warm_up = warm_up
        self._connection = connection
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
        try:
            scenario = scenario_for(transcript, path)
        except ScenarioMissing as error:
            name = (transcript.scenario or {}).get("name", "")
            raise UserFacingError(QCoreApplication.translate(
                "Replay", "This flow was recorded with the scenario “{name}”. Put its file "
                "({name}.toml or {name}.json) next to the transcript, or in a “scenarios” "
                "folder beside it, and replay again.").format(name=name)) from error
        except LocalPoolRouteError as error:
            text = QCoreApplication.translate(
                "Replay", "The scenario of this transcript cannot be used: {reason}")
            raise UserFacingError(text.format(reason=str(error))) from error
        self._report = None
        self.started.emit(len(transcript.calls))
        # The engine pulls in the api layer: imported with the first replay, by the warm-up.
        await self._warm_up.load_modules(ModuleGroup.API)
        engine = await self._warm_up.add(
            lambda: importlib.import_module("authing_desktop.replay.engine"), first=True)
        report: ReplayReport
        try:
            if pool_url:
                target = await engine.read_target(pool_url,
                                                  admin_token=self._admin_token_for(pool_url))
                report = await engine.Replayer(transcript, target,
                                               on_outcome=self.outcome_added.emit,
                                               scenario=scenario).run()
            else:
                report = await self._on_fresh_pool(transcript, scenario)
        except engine.OutboxRefused as error:
            raise UserFacingError(QCoreApplication.translate(
                "Replay", "That pool did not let the replay read the codes it sent: only this "
                "app's own local pool, or a fresh one, can be used. Leave the pool address empty "
                "to replay on a fresh pool.")) from error
        except (engine.ReplayError, PoolStartError) as error:
            text = QCoreApplication.translate("Replay", "The replay could not run: {reason}")
            raise UserFacingError(text.format(reason=str(error))) from error
        self._report = report
        self.finished.emit(report)
        return report

    def _admin_token_for(self, pool_url: str) -> str:
        """The app's own local pool's admin token when ``pool_url`` is that pool, else ""."""
        connection = self._connection
        client = connection.client if connection is not None else None
        if connection is None or client is None or not connection.is_local_pool:
            return ""
        if client.profile.host.rstrip("/").lower() != pool_url.rstrip("/").lower():
            return ""
        return connection.local_pool_admin_token

    async def _on_fresh_pool(self, transcript: Any,
                             scenario: ReplayScenario | None) -> ReplayReport:
        from authing_desktop.replay.engine import Replayer, fresh_target  # loaded by _replay

        async with temporary_pool() as endpoint:
            target = fresh_target(endpoint)
            if scenario is not None:
                await apply_to(target, scenario)
            return await Replayer(transcript, target, on_outcome=self._emit_outcome,
                                  scenario=scenario).run()

    def _emit_outcome(self, outcome: ReplayOutcome) -> None:
        self.outcome_added.emit(outcome)
