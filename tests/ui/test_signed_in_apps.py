"""The "Signed-in apps" card of the Applications page on the real session and pool: the list
with the last access, and "Sign out of this app everywhere" (asked first; it signs out the
user's other computers and, for this app, this one)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.ui.pages.applications_page import ApplicationsPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.ui.sign_in_support import PASSWORD, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.test_beyond_v2_pages import _answer_question, _idle, _window

pytestmark = pytest.mark.gui


def test_signed_in_apps_list_and_sign_out_of_the_app_everywhere(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    from tests.fixtures.account_session import pool_client

    email = f"{unique('apps')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    other = pool_client(pool)
    try:
        drive(qtbot, other.login_by_email(email, PASSWORD))
        window = _window(qtbot, pool_services)
        window.show_page("applications")
        page = window.page("applications")
        assert isinstance(page, ApplicationsPage)
        _idle(qtbot, page)
        # The page says which list is which.
        assert _find(page, QLabel, "applications.openTitle").text() == \
            "Applications you can open"
        card = page.signed_in_card
        assert card.title.text() == "Signed-in apps"
        rows = page.signed_in_presenter.rows
        assert [row.app_id for row in rows] == [pool.app_id]
        assert rows[0].active and rows[0].this_app and rows[0].last_access is not None
        text = card.list.item(0).text()
        assert "Signed in" in text and "This app" in text and "Last access: Just now" in text
        assert not card.sign_out_button.isEnabled()  # nothing selected
        card.list.setCurrentRow(0)
        assert card.sign_out_button.isEnabled()

        # Asked first: Cancel changes nothing.
        _click(qtbot, page, "applications.signOutApp")
        _answer_question(qtbot, "applications.signOutAppConfirm.cancel")
        assert drive(qtbot, other.get_current_user()).email == email
        assert pool_services.session.state == SessionState.SIGNED_IN

        # Confirmed: the other computer's session ends, and this one (it is this app).
        _click(qtbot, page, "applications.signOutApp")
        _answer_question(qtbot, "applications.signOutAppConfirm.signOut")
        qtbot.waitUntil(lambda: pool_services.session.state == SessionState.SIGNED_OUT,
                        timeout=10_000)
        with pytest.raises(Exception) as caught:
            drive(qtbot, other.get_current_user())
        assert getattr(caught.value, "code", None) == 2020
    finally:
        drive(qtbot, other.aclose())
