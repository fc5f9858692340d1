"""Roles, resources, applications, orgs and departments of the demo user."""

from __future__ import annotations

import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from tests.api.support import client_for, run
from tests.api.test_authentication import DEMO_PASSWORD, PASSWORD
from tests.fixtures.pool import RunningPool, unique


async def _demo(client: AuthenticationClient) -> None:
    await client.login_by_username("demo", DEMO_PASSWORD)


def test_roles(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _demo(client)
            roles = await client.list_roles()
            assert roles.total_count >= 1
            assert "reader" in {role.code for role in roles.items}
            assert all(role.namespace for role in roles.items)
            assert (await client.list_roles("default")).total_count >= 1
            assert await client.has_role("reader") is True
            assert await client.has_role("reader", "default") is True
            assert await client.has_role("no-such-role") is False

    run(scenario())


def test_authorized_resources(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _demo(client)
            page = await client.list_authorized_resources("default")
            by_code = {resource.code: resource for resource in page.items}
            assert {"menu_a", "menu_b", "books:1"} <= set(by_code)
            assert by_code["menu_a"].type == "MENU"
            assert by_code["books:1"].type == "DATA"
            assert set(by_code["books:1"].actions) == {"books:delete", "books:update"}
            menus = await client.list_authorized_resources("default", "MENU")
            assert {r.type for r in menus.items} == {"MENU"}
            with pytest.raises(AuthingArgumentError):
                await client.list_authorized_resources("default", "FOLDER")

    run(scenario())


def test_applications(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _demo(client)
            page = await client.list_applications()
            assert page.total_count >= 3 and len(page.items) >= 3
            assert all(app.id and app.name for app in page.items)
            first = await client.list_applications(page=1, limit=1)
            second = await client.list_applications(page=2, limit=1)
            assert len(first.items) == len(second.items) == 1
            assert first.items[0].id != second.items[0].id
            with pytest.raises(AuthingArgumentError):
                await client.list_applications(page=0)

    run(scenario())


def test_orgs_and_departments(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _demo(client)
            paths = await client.list_orgs()
            assert paths and len(paths[0]) == 4  # the org, then its three levels of nodes
            org, *nodes = paths[0]
            assert org.type == "org" and org.id and org.root_node_id == nodes[0].id
            assert [node.depth for node in nodes] == [0, 1, 2]
            assert all(node.type == "node" and node.name for node in nodes)
            departments = await client.list_departments()
            assert departments.total_count >= 1
            membership = departments.items[0]
            assert membership.department is not None and membership.department.name
            assert membership.department.id == paths[0][-1].id

    run(scenario())


def test_a_new_user_has_no_access(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_username(unique("acc"), PASSWORD, force_login=True)
            assert (await client.list_roles()).items == []
            assert await client.has_role("reader") is False
            assert (await client.list_authorized_resources("default")).items == []
            assert await client.list_orgs() == []
            assert (await client.list_departments()).items == []
        async with client_for(pool) as anonymous:
            for call in (anonymous.list_orgs, anonymous.list_applications, anonymous.list_roles):
                with pytest.raises(AuthingError) as caught:
                    await call()
                assert caught.value.code == 2020

    run(scenario())
