"""The admin side of the app's own local pool, for the Support page's "Local pool" tab: its
user-pool settings, applying a scenario file (docs/scenarios.md), and creating a user in a
given state (a one-user scenario). Only for the local profile: a remote pool's admin token is
never known here, so nothing of this reaches a remote pool.

The last scenario file applied in this run is remembered (in memory only: its passwords are
test data, but still never written anywhere), so that a flow recorded afterwards can name it
(`TranscriptPresenter`) and a replay can set the pool up the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from authing_desktop.api.local_pool_admin import (
    AppliedScenario,
    LocalPoolAccessDenied,
    apply_scenario,
    fetch_policy,
    read_scenario_document,
)

if TYPE_CHECKING:
    import httpx

    from authing_desktop.services.connection import Connection

# The name of the one-user scenarios the form sends (docs/scenarios.md).
FORM_SCENARIO = "support-user"


class LocalPoolUnavailable(LocalPoolAccessDenied):
    """The active profile is not the app's own local pool (or it is not running yet)."""


class LocalPoolAdmin(QObject):
    """``applied_changed`` carries the `AppliedScenario` of the last scenario file applied."""

    applied_changed = Signal(object)

    def __init__(self, connection: Connection, *,
                 http_transport: httpx.AsyncBaseTransport | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._connection = connection
        self._http = http_transport
        self._applied: AppliedScenario | None = None
        self._applied_to = ""  # the pool URL the scenario went to

    @property
    def available(self) -> bool:
        """Whether the active profile is the local pool (the tab shows only then)."""
        return self._connection.is_local_pool

    def applied_scenario(self, url: str) -> AppliedScenario | None:
        """The last scenario file applied to the pool at ``url`` in this run, or None."""
        if self._applied is None or self._applied_to.rstrip("/") != url.rstrip("/"):
            return None
        return self._applied

    async def policy(self) -> dict[str, Any]:
        url, token = await self._pool()
        return await fetch_policy(url, admin_token=token, http=self._http)

    async def apply_file(self, path: Path) -> AppliedScenario:
        """Read ``path`` and apply it (`ScenarioFileError`, `ScenarioRefused`)."""
        document = read_scenario_document(path)
        url, token = await self._pool()
        applied = await apply_scenario(url, document, admin_token=token, http=self._http)
        self._applied, self._applied_to = applied, url
        self.applied_changed.emit(applied)
        return applied

    async def create_user(self, user: dict[str, Any]) -> AppliedScenario:
        """Create one user in the state ``user`` describes (the scenario file's ``users``
        keys)."""
        url, token = await self._pool()
        return await apply_scenario(url, {"name": FORM_SCENARIO, "users": [user]},
                                    admin_token=token, http=self._http)

    async def _pool(self) -> tuple[str, str]:
        if not self.available:
            raise LocalPoolUnavailable("the active profile is not the local pool")
        client = await self._connection.wait_ready()
        token = self._connection.local_pool_admin_token
        if not token:
            raise LocalPoolUnavailable("the local pool's admin token is not known")
        return client.profile.host, token
