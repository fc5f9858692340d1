"""Screenshots of the Applications page's "Signed-in apps" card for the README (light and dark,
English and Chinese): ``docs/screenshots/signed-in-apps-<theme>_<lang>.png``."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from authing_desktop.ui.pages.applications_page import ApplicationsPage
from tests.fixtures.pool import unique
from tests.fixtures.pool_services import sign_in
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account

pytestmark = pytest.mark.gui


def test_signed_in_apps_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices) -> None:
    email = f"{unique('appshot')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)

    def card(widget: QWidget) -> None:
        assert isinstance(widget, MainWindow)
        widget.show_page("applications")
        page = widget.page("applications")
        assert isinstance(page, ApplicationsPage)
        qtbot.waitUntil(lambda: not any(p.busy for p in page._presenters)
                        and bool(page.signed_in_presenter.rows), timeout=10_000)
        page.signed_in_card.list.setCurrentRow(0)
        # The open list's title at the top: the two lists and which is which.
        top = page.open_title.mapTo(page.content, QPoint(0, 0)).y()
        page.scroll_area.verticalScrollBar().setValue(top - 8)
        assert page.error_label.text() == ""

    written = capture(qtbot, qapp, "signed-in-apps", lambda: MainWindow(pool_services),
                      prepare=card, size=DEFAULT_SIZE, themes=THEMES)
    assert len(written) == 2 * len(THEMES)
    assert all(path.stat().st_size > 5_000 for path in written)
