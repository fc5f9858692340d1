"""Screenshots of every account page (and the link dialog) in English and Chinese, signed in
as the demo user: ``docs/screenshots/account-<page>_<lang>.png``."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from tests.fixtures.pool_services import sign_in
from tests.screenshot_helper import THEMES, capture

pytestmark = pytest.mark.gui

PAGES = ("profile", "security", "contacts", "applications", "access", "customData")


def test_account_page_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices) -> None:
    sign_in(qtbot, pool_services, "demo@example.com")
    written = []
    for key in PAGES:
        def prepare(widget: QWidget, key: str = key) -> None:
            assert isinstance(widget, MainWindow)
            widget.show_page(key)
            page = widget.page(key)
            qtbot.wait(1)
            qtbot.waitUntil(lambda: not page.presenter.busy, timeout=10_000)  # type: ignore[attr-defined]
            assert page.error_label.text() == ""  # type: ignore[attr-defined]

        written += capture(qtbot, qapp, f"account-{key}", lambda: MainWindow(pool_services),
                           prepare=prepare, size=DEFAULT_SIZE, themes=THEMES)
    assert len(written) == 2 * len(THEMES) * len(PAGES)
    assert all(path.stat().st_size > 10_000 for path in written)
