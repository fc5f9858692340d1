"""The link-account dialog from the Profile page: opened with open() (no nested loop), the
secondary sign-in, the data-loss warning, and the pool's refusal shown plainly."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.link_account_dialog import LinkAccountDialog
from authing_desktop.ui.pages.profile_page import ProfilePage
from tests.fixtures.account_session import ACCOUNT_PASSWORD
from tests.fixtures.pool import RunningPool
from tests.fixtures.pool_services import sign_in
from tests.ui.test_account_profile import new_user

pytestmark = pytest.mark.gui


def test_link_dialog(qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    token = pool_services.session.client.token
    page = ProfilePage(pool_services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.presenter.loaded and not page.presenter.busy)

    qtbot.mouseClick(page.findChild(QPushButton, "profile.link"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(LinkAccountDialog) is not None)
    dialog = page.findChild(LinkAccountDialog)
    qtbot.waitUntil(dialog.isVisible)
    method = dialog.findChild(QComboBox, "linkAccount.method")
    method.setCurrentIndex(method.findData("username"))
    assert dialog.account_label.text() == "Username"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "linkAccount.account"), "demo")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "linkAccount.password"), "passw0rd")
    qtbot.keyClick(dialog.findChild(QLineEdit, "linkAccount.password"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.stages.currentIndex() == 1)
    assert "demo" in dialog.findChild(QLabel, "linkAccount.summary").text()
    assert "cannot be undone" in dialog.findChild(QLabel, "linkAccount.warning").text()
    assert dialog.findChild(QLineEdit, "linkAccount.password").text() == ""
    assert pool_services.session.client.token == token  # the session is untouched

    qtbot.mouseClick(dialog.findChild(QPushButton, "linkAccount.link"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.error.text()  # the local pool has no social identities: refused
    assert dialog.detail.text().startswith("Server says: ")  # the pool's own words
    assert dialog.stages.currentIndex() == 1

    qtbot.mouseClick(dialog.findChild(QPushButton, "linkAccount.close"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.link_presenter is not None
                    and page.link_presenter._client is None)  # secondary client closed
    assert page.notice_label.text() == ""
