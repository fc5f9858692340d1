"""The access view model: roles (per namespace, with a has-role check), authorized resources
(namespace + type filter, with their actions), organizations as trees built from the
``list_orgs`` paths, and departments with the main one marked."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import AccountSession
from authing_desktop.services.tasks import TaskRunner

if TYPE_CHECKING:
    from authing_desktop.api.models import OrgNode, Resource, Role, UserDepartment

DEFAULT_NAMESPACE = "default"
RESOURCE_TYPES = ("DATA", "API", "MENU", "UI", "BUTTON")


class AccessAction(StrEnum):
    """The intents this presenter runs (their task names: a newer one of a name cancels the
    older)."""

    LOAD = "access.load"
    NAMESPACE = "access.namespace"
    RESOURCES = "access.resources"
    HAS_ROLE = "access.hasRole"


@dataclass
class OrgTreeNode:
    """One node of an organization tree; ``member`` marks the nodes the user belongs to."""

    id: str
    name: str
    code: str = ""
    member: bool = False
    children: list[OrgTreeNode] = field(default_factory=list)

    def path_to_members(self) -> list[list[str]]:
        """Names from this node down to each member node (for tests and tooltips)."""
        here = [self.name]
        paths = [here] if self.member else []
        for child in self.children:
            paths += [here + rest for rest in child.path_to_members()]
        return paths


def org_trees(paths: list[list[OrgNode]]) -> list[OrgTreeNode]:
    """Merge root-to-user paths into one tree per organization. Each path starts with the
    org item itself (``type == "org"``), then the nodes from the root down; the last node is
    where the user is a member."""
    roots: dict[str, OrgTreeNode] = {}
    for path in paths:
        nodes = [node for node in path if node.type != "org"]
        if not nodes:
            continue
        org_id = nodes[0].org_id or (path[0].id if path else "") or ""
        parent: OrgTreeNode | None = None
        for depth, node in enumerate(nodes):
            node_id = node.id or f"{org_id}:{depth}:{node.name}"
            if parent is None:
                current = roots.get(org_id)
                if current is None:
                    current = roots[org_id] = OrgTreeNode(node_id, node.name or "",
                                                          node.code or "")
            else:
                current = next((c for c in parent.children if c.id == node_id), None)
                if current is None:
                    current = OrgTreeNode(node_id, node.name or "", node.code or "")
                    parent.children.append(current)
            parent = current
        if parent is not None:
            parent.member = True
    return list(roots.values())


@dataclass(frozen=True)
class DepartmentRow:
    name: str
    path: str
    main: bool
    joined_at: str


def department_rows(departments: list[UserDepartment]) -> list[DepartmentRow]:
    rows = []
    for membership in departments:
        department = membership.department
        if department is None:
            continue
        path = " / ".join(department.name_path or [department.name or ""])
        rows.append(DepartmentRow(department.name or department.code or department.id or "",
                                  path, bool(membership.is_main_department),
                                  membership.joined_at or ""))
    rows.sort(key=lambda row: (not row.main, row.path))
    return rows


class AccessPresenter(AccountPresenter):
    """Views bind ``roles_changed`` (list of Role), ``namespaces_changed`` (list of str),
    ``resources_changed`` (list of Resource), ``orgs_changed`` (list of OrgTreeNode),
    ``departments_changed`` (list of DepartmentRow) and ``role_checked`` (code, held)."""

    roles_changed = Signal(list)
    namespaces_changed = Signal(list)
    resources_changed = Signal(list)
    orgs_changed = Signal(list)
    departments_changed = Signal(list)
    role_checked = Signal(str, bool)

    def __init__(self, session: AccountSession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(session, tasks, parent)
        self.namespace = DEFAULT_NAMESPACE
        self.resource_type: str | None = None
        self.namespaces: list[str] = [DEFAULT_NAMESPACE]
        self.roles: list[Role] = []
        self.resources: list[Resource] = []
        self.orgs: list[OrgTreeNode] = []
        self.departments: list[DepartmentRow] = []

    def load(self) -> asyncio.Task[None]:
        """Everything at once (first show, Refresh)."""
        return self.start(self._load_all(), name=AccessAction.LOAD)

    def set_namespace(self, namespace: str) -> asyncio.Task[None] | None:
        namespace = namespace.strip()
        if not namespace:
            self.set_field_errors({"namespace": self.tr("Please enter a namespace.")})
            return None
        self.namespace = namespace
        return self.start(self._load_namespace(), name=AccessAction.NAMESPACE)

    def set_resource_type(self, resource_type: str | None) -> asyncio.Task[None]:
        if resource_type is not None and resource_type not in RESOURCE_TYPES:
            raise ValueError(f"unknown resource type {resource_type!r}")
        self.resource_type = resource_type
        return self.start(self._load_resources(), name=AccessAction.RESOURCES)

    def check_role(self, code: str) -> asyncio.Task[bool | None] | None:
        code = code.strip()
        if not code:
            self.set_field_errors({"roleCode": self.tr("Please enter a role code.")})
            return None
        self.set_field_errors({})
        return self.start(self._check_role(code), name=AccessAction.HAS_ROLE)

    async def _load_all(self) -> None:
        client = self._session.client
        all_roles, paths, departments = await asyncio.gather(
            client.list_roles(None), client.list_orgs(), client.list_departments())
        namespaces = sorted({role.namespace for role in all_roles.items if role.namespace}
                            | {DEFAULT_NAMESPACE, self.namespace})
        self.namespaces = namespaces
        self.namespaces_changed.emit(namespaces)
        self.orgs = org_trees(paths)
        self.orgs_changed.emit(self.orgs)
        self.departments = department_rows(departments.items)
        self.departments_changed.emit(self.departments)
        await self._load_namespace()

    async def _load_namespace(self) -> None:
        self.set_field_errors({})
        client = self._session.client
        roles, resources = await asyncio.gather(
            client.list_roles(self.namespace),
            client.list_authorized_resources(self.namespace, self.resource_type))
        self.roles = roles.items
        self.roles_changed.emit(self.roles)
        self.resources = resources.items
        self.resources_changed.emit(self.resources)

    async def _load_resources(self) -> None:
        resources = await self._session.client.list_authorized_resources(
            self.namespace, self.resource_type)
        self.resources = resources.items
        self.resources_changed.emit(self.resources)

    async def _check_role(self, code: str) -> bool:
        held = await self._session.client.has_role(code, self.namespace)
        self.role_checked.emit(code, held)
        return held
