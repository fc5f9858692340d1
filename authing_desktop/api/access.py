"""What the signed-in user may access: roles, resources, applications, orgs, departments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from authing_desktop.api import graphql_documents as gql
from authing_desktop.api.client_core import ClientCore, optional_text, require_text
from authing_desktop.api.errors import AuthingArgumentError, AuthingError, MalformedResponse
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.api.models import (
    Application,
    OrgNode,
    Page,
    Resource,
    Role,
    UserDepartment,
    org_paths,
    page_of,
)

APPLICATIONS_PATH = "/api/v2/users/me/applications/allowed"
ORGS_PATH = "/api/v2/users/me/orgs"
RESOURCE_TYPES = ("DATA", "API", "MENU", "UI", "BUTTON")


def _positive(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise AuthingArgumentError(f"{name} must be a positive integer")
    return value


class AccessOperations(ClientCore):
    """Roles, authorized resources, allowed applications, organizations and departments."""

    async def _user_field(self, operation: Operation, field: str, **variables: Any) -> Any:
        """``user(id) { <field> }`` for the signed-in user; a null user is the server saying
        the account is gone."""
        value = await self._authed_graphql(
            operation, {"id": await self._current_user_id(), **variables})
        if value is None:
            raise AuthingError(500, "user not exists")
        if not isinstance(value, Mapping):
            raise MalformedResponse("user is not an object")
        return value.get(field)

    async def list_roles(self, namespace: str | None = None) -> Page[Role]:
        """The roles the user holds (in ``namespace``, else every namespace)."""
        roles = await self._user_field(gql.GET_USER_ROLES, "roles",
                                       namespace=optional_text("namespace", namespace))
        return page_of(Role, roles)

    async def has_role(self, code: str, namespace: str | None = None) -> bool:
        """Whether the user holds the role ``code``."""
        code = require_text("code", code)
        return any(role.code == code for role in (await self.list_roles(namespace)).items)

    async def list_authorized_resources(self, namespace: str,
                                        resource_type: str | None = None) -> Page[Resource]:
        """The resources the user is authorized for (directly or inherited) in
        ``namespace``, optionally of one type (DATA, API, MENU, UI, BUTTON)."""
        if resource_type is not None and resource_type not in RESOURCE_TYPES:
            raise AuthingArgumentError(
                f"resource_type must be one of {', '.join(RESOURCE_TYPES)}")
        resources = await self._user_field(
            gql.LIST_USER_AUTHORIZED_RESOURCES, "authorizedResources",
            namespace=require_text("namespace", namespace), resourceType=resource_type)
        return page_of(Resource, resources)

    async def list_departments(self) -> Page[UserDepartment]:
        """The user's departments (the inner page; the SDK returns the wrapping user)."""
        departments = await self._user_field(gql.GET_USER_DEPARTMENTS, "departments")
        return page_of(UserDepartment, departments)

    async def list_applications(self, page: int = 1, limit: int = 10) -> Page[Application]:
        """One page of the applications the user may use."""
        data = await self._authed_rest("GET", APPLICATIONS_PATH, params={
            "page": str(_positive("page", page)), "limit": str(_positive("limit", limit))})
        return page_of(Application, data)

    async def list_orgs(self) -> list[list[OrgNode]]:
        """The user's organization paths, each from the org root down to the user's node."""
        return org_paths(await self._authed_rest("GET", ORGS_PATH))
