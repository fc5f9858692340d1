"""The local admin routes of the Support page and the replay tool (admin token: `local_access`):

- ``GET /_localpool/policy``: the user-pool settings (``UpdateUserpoolInput`` keys and values;
  the pool's secret is not among them);
- ``POST /_localpool/scenario``: apply the scenario in the JSON body (docs/scenarios.md). It
  answers ``{name, counts, users: [{entry, id}]}``, or ``{code: 400, message, data: {problems}}``
  and then nothing changed.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.pool_policy import POLICY_KEYS, policy_view
from authing_desktop.localpool.request_bodies import MAX_BODY_BYTES, read_json
from authing_desktop.localpool.rest_api import envelope, guarded
from authing_desktop.localpool.scenario import ScenarioError, parse_scenario
from authing_desktop.localpool.scenario_apply import apply_scenario
from authing_desktop.localpool.storage import Database

POLICY_PATH = "/_localpool/policy"
SCENARIO_PATH = "/_localpool/scenario"


class LocalAdminRoutes:
    """The two routes, bound to one pool."""

    def __init__(self, features: PoolFeatures, db: Database) -> None:
        self.core = features.core
        self.db = db

    def routes(self) -> list[Route]:
        return [Route(POLICY_PATH, guarded(self.policy), methods=["GET"]),
                Route(SCENARIO_PATH, guarded(self.scenario), methods=["POST"])]

    async def policy(self, request: Request) -> Response:
        """The pool's settings now."""
        identity = self.core.identity
        view = await self.db.run(self.db.read, lambda conn: policy_view(
            conn, self.core.settings, user_pool_id=identity.user_pool_id, secret=""))
        return envelope({key: view[key] for key in POLICY_KEYS})

    async def scenario(self, request: Request) -> Response:
        """Check and apply the scenario in the body, whole or not at all."""
        body = await read_json(request, MAX_BODY_BYTES)
        try:
            scenario = parse_scenario(body, source="scenario")
            applied = await self.db.run(apply_scenario, self.db, self.core.settings,
                                        scenario, source=scenario.name)
        except ScenarioError as error:
            raise PoolError(errors.BAD_ARGUMENT, str(error),
                            {"problems": error.problems}) from error
        return envelope(applied.view(scenario), f"scenario {scenario.name} applied")
