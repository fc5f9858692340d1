"""Applications presenter against the local pool: paging, client-side search, safe URLs."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from authing_desktop.presenters.applications import (
    DOMAIN_ROLE,
    PROTOCOL_ROLE,
    URL_ROLE,
    ApplicationsPresenter,
    app_url,
)
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import SignedInSession, settle


def _names(presenter: ApplicationsPresenter) -> list[str]:
    view = presenter.visible
    return [view.data(view.index(row, 0)) for row in range(view.rowCount())]


def test_paging_and_search(qtbot: Any, app_services: AppServices,
                           account: SignedInSession) -> None:
    presenter = ApplicationsPresenter(account, app_services.tasks, page_size=2)
    settle(qtbot, presenter.load())
    assert presenter.loaded_count == 2 and presenter.total_count == 3 and presenter.has_more
    assert settle(qtbot, presenter.load_more()) == 1
    assert presenter.loaded_count == 3 and not presenter.has_more
    names = _names(presenter)
    assert {"Demo Portal", "Demo Wiki"} <= set(names)

    model = presenter.model
    wiki = next(model.index(r, 0) for r in range(model.rowCount())
                if model.data(model.index(r, 0)) == "Demo Wiki")
    assert model.data(wiki, PROTOCOL_ROLE) == "OIDC"
    assert model.data(wiki, DOMAIN_ROLE) == "demo-wiki.localhost"
    assert model.data(wiki, URL_ROLE) == "https://demo-wiki.localhost"
    assert model.data(wiki, Qt.ItemDataRole.ToolTipRole) == "The team wiki (demo)"

    presenter.set_search("wiki")
    assert _names(presenter) == ["Demo Wiki"]
    presenter.set_search("EMPLOYEE portal")  # description, any case
    assert _names(presenter) == ["Demo Portal"]
    presenter.set_search("nothing like this")
    assert _names(presenter) == []
    presenter.set_search("")
    assert len(_names(presenter)) == 3

    # Refresh starts over at page 1.
    settle(qtbot, presenter.load())
    assert presenter.loaded_count == 2 and presenter.pages_loaded == 1


@pytest.mark.parametrize(("domain", "url"), [
    ("app.example.com", "https://app.example.com"),
    ("http://app.example.com/x", "http://app.example.com/x"),
    ("HTTPS://APP.example.com", "HTTPS://APP.example.com"),
    ("javascript:alert(1)", None),
    ("file:///etc/passwd", None),
    ("ftp://x.example", None),
    ("", None),
    (None, None),
    ("https://", None),
    ("a b.example", None),
    ("app.example.com:8443/x", "https://app.example.com:8443/x"),
    ("mailto:someone@example.com", None),
])
def test_only_web_addresses_are_opened(domain: str | None, url: str | None) -> None:
    assert app_url(domain) == url
