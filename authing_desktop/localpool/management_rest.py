"""The management API's REST routes (docs/pool-admin.md): ``GET /api/v2/users/{id}``,
``GET`` / ``POST /api/v2/applications``, ``GET`` / ``DELETE /api/v2/applications/{id}`` and
``GET /api/v2/userpools/detail``. Each answers Authing's ``{code, message, data}`` with HTTP 200
and needs the management token (2020 without it, 1001 for a user's login token)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.rest_api import caller_of, envelope, guarded, json_body
from authing_desktop.localpool.storage import Database


class ManagementRoutes:
    """The REST handlers of the management API, bound to one pool (registered after the
    end-user routes, so that ``users/me`` stays the end user's)."""

    def __init__(self, features: PoolFeatures, db: Database) -> None:
        self.features = features
        self.db = db

    def routes(self) -> list[Route]:
        """Every management REST route."""
        return [
            Route("/api/v2/users/{user_id}", guarded(self.user_detail), methods=["GET"]),
            Route("/api/v2/applications", guarded(self.applications), methods=["GET"]),
            Route("/api/v2/applications", guarded(self.create_application), methods=["POST"]),
            Route("/api/v2/applications/{app_id}", guarded(self.application),
                  methods=["GET"]),
            Route("/api/v2/applications/{app_id}", guarded(self.delete_application),
                  methods=["DELETE"]),
            Route("/api/v2/userpools/detail", guarded(self.userpool), methods=["GET"]),
        ]

    async def user_detail(self, request: Request) -> Response:
        """A user, with ``customData`` (a list) for ``?with_custom_data=1``."""
        with_custom_data = request.query_params.get("with_custom_data", "0") not in ("0", "")
        user = await self.db.run(self.features.user_admin.detail, caller_of(request),
                                 request.path_params["user_id"], with_custom_data)
        return envelope(user)

    async def applications(self, request: Request) -> Response:
        """The pool's applications, paged (page, limit)."""
        params = request.query_params
        data = await self.db.run(self.features.pool_admin.applications, caller_of(request),
                                 params.get("page", "1"), params.get("limit", "10"))
        return envelope(data)

    async def create_application(self, request: Request) -> Response:
        """A new application from ``{name, identifier, redirectUris, logo}`` (the token is
        checked before the body is read)."""
        caller = caller_of(request)
        await self.db.run(self.features.management.require, caller)
        body = await json_body(request)
        data = await self.db.run(self.features.pool_admin.create_application, caller, body)
        return envelope(data, "application created")

    async def application(self, request: Request) -> Response:
        """One application (404 when none)."""
        data = await self.db.run(self.features.pool_admin.application, caller_of(request),
                                 request.path_params["app_id"])
        return envelope(data)

    async def delete_application(self, request: Request) -> Response:
        """Delete an application (the pool's own stays)."""
        await self.db.run(self.features.pool_admin.delete_application, caller_of(request),
                          request.path_params["app_id"])
        return envelope(None, "application deleted")

    async def userpool(self, request: Request) -> Response:
        """The user pool and its policy."""
        return envelope(await self.db.run(self.features.pool_admin.userpool,
                                          caller_of(request)))
