"""Pages built ahead of use (ui/page_warm_up.py): after a sign-in every account page is built,
and each is painted off screen in bands, one warm-up step per band, on one reused canvas that
is dropped once the pages are built."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.page_warm_up import PAINT_BAND, PageWarmUp
from authing_desktop.ui.pages import Section
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
    hidden = [page for key, page in workspace.built_pages.items()
              if key in account and not page.isVisible()]
    assert hidden, "no page was left to build ahead"
    for page in hidden:
        assert bands.get(page.objectName()) == list(range(0, page.height(), PAINT_BAND)), \
            page.objectName()
    assert canvas_heights == {PAINT_BAND}
    assert workspace.warm_up._canvas is None, "the canvas outlived the warm-up"
