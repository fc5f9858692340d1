"""Screenshots of the Linked accounts page for the README (light and dark, English and
Chinese): ``docs/screenshots/linked-accounts-<theme>_<lang>.png``: one linked account and one
source that can still be linked."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from authing_desktop.ui.pages.linked_accounts_page import LinkedAccountsPage
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.test_account_linking import link
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account

pytestmark = pytest.mark.gui


def test_linked_accounts_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices,
                                     pool: RunningPool) -> None:
    email = f"{unique('linkshot')}@example.com"
    register_email_account(qtbot, pool_services, email)
    user = sign_in(qtbot, pool_services, email, PASSWORD)
    assert user.token is not None
    assert link(pool, user.token, "example-oidc", "octocat")["success"] == "true"

    def page_shown(widget: QWidget) -> None:
        assert isinstance(widget, MainWindow)
        widget.show_page("linkedAccounts")
        page = widget.page("linkedAccounts")
        assert isinstance(page, LinkedAccountsPage)
        qtbot.waitUntil(lambda: not page.presenter.busy and bool(page.account_views),
                        timeout=10_000)
        assert page.error_label.text() == ""
        assert len(page.source_views) == 1

    written = capture(qtbot, qapp, "linked-accounts", lambda: MainWindow(pool_services),
                      prepare=page_shown, size=DEFAULT_SIZE, themes=THEMES)
    assert len(written) == 2 * len(THEMES)
    assert all(path.stat().st_size > 5_000 for path in written)
