"""Access presenter against the demo user: role ``reader``, resources with actions, org tree
and the main department."""

from __future__ import annotations

from typing import Any

from authing_desktop.presenters.access import AccessPresenter
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import SignedInSession, settle


def test_demo_user_access(qtbot: Any, app_services: AppServices,
                          demo_account: SignedInSession) -> None:
    presenter = AccessPresenter(demo_account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert presenter.error == ""
    assert "default" in presenter.namespaces
    assert [role.code for role in presenter.roles] == ["reader"]
    resources = {r.code: (r.type, sorted(r.actions)) for r in presenter.resources}
    assert resources == {"menu_a": ("MENU", []), "menu_b": ("MENU", []),
                         "books:1": ("DATA", ["books:delete", "books:update"])}
    assert len(presenter.orgs) == 1
    assert presenter.orgs[0].path_to_members() == [["Demo Corp", "Engineering", "Platform Team"]]
    assert [(d.name, d.main) for d in presenter.departments] == [("Platform Team", True)]

    settle(qtbot, presenter.set_resource_type("DATA"))
    assert [r.code for r in presenter.resources] == ["books:1"]
    settle(qtbot, presenter.set_resource_type(None))
    assert len(presenter.resources) == 3

    checks: list[tuple[str, bool]] = []
    presenter.role_checked.connect(lambda code, held: checks.append((code, held)))
    assert settle(qtbot, presenter.check_role("reader")) is True
    assert settle(qtbot, presenter.check_role("admin")) is False
    assert checks == [("reader", True), ("admin", False)]
    assert presenter.check_role("  ") is None
    assert "roleCode" in presenter.field_errors

    settle(qtbot, presenter.set_namespace("elsewhere"))
    assert presenter.roles == [] and presenter.resources == []
    assert settle(qtbot, presenter.check_role("reader")) is False


def test_a_new_user_has_no_access(qtbot: Any, app_services: AppServices,
                                  account: SignedInSession) -> None:
    presenter = AccessPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert presenter.error == ""
    assert presenter.roles == [] and presenter.resources == []
    assert presenter.orgs == [] and presenter.departments == []
