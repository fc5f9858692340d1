"""Pages built ahead of use (ui/page_warm_up.py): after a sign-in every account page is built,
in parts, and each is painted off screen in bands, one warm-up step per band, on one reused
canvas that is dropped once the pages are built. A page built in parts is whole before it is
shown or switches language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QPushButton, QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.page_warm_up import PAINT_BAND, PageWarmUp
from authing_desktop.ui.pages import Section
from authing_desktop.ui.pages.account_base import AccountPage, parts_deferred
from authing_desktop.ui.pages.profile_page import ProfilePage
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.account_session import ACCOUNT_PASSWORD
from tests.fixtures.pool import RunningPool
from tests.fixtures.pool_services import sign_in
from tests.ui.test_account_profile import new_user

pytestmark = pytest.mark.gui


def test_pages_are_painted_ahead_in_bands_a_step_each(
        qtbot: Any, pool_services: AppServices, pool: RunningPool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bands: dict[str, list[int]] = {}
    canvas_heights: set[int] = set()
    painting = False
    original = PageWarmUp._paint_ahead

    def spy(self: PageWarmUp, widget: QWidget, top: int) -> None:
        nonlocal painting
        assert not painting, "a band painted inside another band's step"
        painting = True
        try:
            original(self, widget, top)
        finally:
            painting = False
        if not widget.isVisible():
            bands.setdefault(widget.objectName(), []).append(top)
            assert self._canvas is not None
            canvas_heights.add(round(self._canvas.height() / self._canvas.devicePixelRatio()))

    monkeypatch.setattr(PageWarmUp, "_paint_ahead", spy)
    window = MainWindow(pool_services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    workspace = window.workspace
    assert workspace is not None
    workspace.warm_up.user_started()  # what the first key or click does
    sign_in(qtbot, pool_services, new_user(qtbot, pool), ACCOUNT_PASSWORD)
    qtbot.waitUntil(lambda: not window.warming_up, timeout=20_000)

    account = [key for key, spec in workspace.specs.items() if spec.section is Section.ACCOUNT]
    assert set(account) <= set(workspace.built_pages)
    assert all(page.built for page in workspace.built_pages.values()
               if isinstance(page, AccountPage))
    hidden = [page for key, page in workspace.built_pages.items()
              if key in account and not page.isVisible()]
    assert hidden, "no page was left to build ahead"
    for page in hidden:
        assert bands.get(page.objectName()) == list(range(0, page.height(), PAINT_BAND)), \
            page.objectName()
    assert canvas_heights == {PAINT_BAND}
    # The pages' height depends on their width (wrapped text); the stack's never does, so a
    # relayout does not ask every page how tall it would be.
    assert any(page.hasHeightForWidth() for page in hidden)
    assert not workspace.stack.hasHeightForWidth()
    assert workspace.warm_up._canvas is None, "the canvas outlived the warm-up"


def test_a_page_built_in_parts_is_whole_before_it_is_shown_or_switches_language(
        qtbot: Any, pool_services: AppServices) -> None:
    with parts_deferred() as pending:
        page = SecurityPage(pool_services)
    qtbot.addWidget(page)
    assert pending == [page] and not page.built
    assert page.build_next_part()
    assert not page.built
    assert page.findChild(QPushButton, "security.changePassword") is None
    page.show()
    assert page.built
    assert page.findChild(QPushButton, "security.changePassword") is not None

    with parts_deferred() as pending:
        other = ProfilePage(pool_services)
    qtbot.addWidget(other)
    assert not other.built
    QCoreApplication.sendEvent(other, QEvent(QEvent.Type.LanguageChange))
    assert other.built
    assert other.findChild(QPushButton, "profile.link") is not None

    made_now = SecurityPage(pool_services)  # outside the warm-up: whole at once
    qtbot.addWidget(made_now)
    assert made_now.built
