"""The Profile page on the real session: loads on show, edits through the widgets, Save sends
only what changed, Revert, the unsaved-changes question when leaving, avatar placeholder."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton

from authing_desktop.presenters import wording
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.profile_page import ProfilePage
from tests.fixtures.account_session import ACCOUNT_PASSWORD, pool_client
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.ui.sign_in_support import find_named as _find

pytestmark = pytest.mark.gui


def new_user(qtbot: Any, pool: RunningPool) -> str:
    email = f"{unique('p')}@example.com"

    async def register() -> None:
        async with pool_client(pool) as client:
            await client.register_by_email(email, ACCOUNT_PASSWORD)

    drive(qtbot, register())
    return email


def _window(qtbot: Any, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_signed_out_profile_says_so(qtbot: Any, pool_services: AppServices) -> None:
    page = ProfilePage(pool_services)
    qtbot.addWidget(page)
    page.show()
    assert page.placeholder.isVisible() and "Sign in" in page.placeholder.text()
    assert not page.scroll_area.isVisible()


def test_edit_save_reload_and_revert(qtbot: Any, pool_services: AppServices,
                                     pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    window = _window(qtbot, pool_services)
    window.show_page("profile")
    page = window.page("profile")
    assert isinstance(page, ProfilePage)
    qtbot.waitUntil(lambda: page.presenter.loaded and not page.presenter.busy)
    assert _find(page, QLabel, "profile.email").text() == email
    # The header's account fits its width (elided), and is read out whole.
    account = _find(window, QLabel, "shell.accountId")
    assert account.accessibleName() == email
    assert account.fontMetrics().horizontalAdvance(account.text()) <= account.width()
    assert account.text() == email or (account.text().endswith("…")
                                       and account.toolTip() == email)

    nickname = _find(page, QLineEdit, "profile.nickname")
    city = _find(page, QLineEdit, "profile.city")
    save = _find(page, QPushButton, "profile.save")
    assert not save.isEnabled() and not page.save_bar.isVisible()
    # The city is one of the "More details", folded until asked for.
    assert not city.isVisible()
    qtbot.mouseClick(_find(page, QPushButton, "profile.moreDetails"), Qt.MouseButton.LeftButton)
    assert city.isVisible()
    qtbot.keyClicks(nickname, "Grace")
    qtbot.keyClicks(city, "Arlington")
    gender = _find(page, QComboBox, "profile.gender")
    gender.setCurrentIndex(gender.findData("F"))
    assert save.isEnabled() and save.isVisible()  # pinned under the page while there are edits
    assert sorted(page.presenter.dirty_keys()) == ["city", "gender", "nickname"]
    save_icon = save.icon().cacheKey()
    # Through the native window, like a real click (QTest's widget overload skips it).
    handle = window.windowHandle()
    at = save.mapTo(window, save.rect().center())
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    # The button that started the call says so, until it ends.
    assert page.busy_mark.button is save and save.accessibleDescription() == "Working…"
    qtbot.waitUntil(lambda: not page.presenter.dirty and not page.presenter.busy)
    assert page.notice_label.text() == "Profile saved."
    assert not page.save_bar.isVisible()
    assert page.busy_mark.button is None and save.accessibleDescription() == ""
    assert save.icon().cacheKey() == save_icon

    user = pool_services.session.user
    assert user is not None and (user.nickname, user.city, user.gender) == \
        ("Grace", "Arlington", "F")

    # Refresh (F5) reloads from the pool; the editors show what it stored.
    city.clear()
    qtbot.keyClicks(city, "Elsewhere")
    page.presenter.revert()
    assert city.text() == "Arlington"
    reloads: list[int] = []
    page.presenter.values_reset.connect(lambda: reloads.append(1))
    nickname.setFocus()
    qtbot.keyClick(nickname, Qt.Key.Key_F5)
    assert page.busy_mark.button is None  # no button was pressed
    qtbot.waitUntil(lambda: bool(reloads) and not page.presenter.busy)
    assert nickname.text() == "Grace"

    # Invalid input: the error is inline and the typed value stays.
    birthdate = _find(page, QLineEdit, "profile.birthdate")
    qtbot.keyClicks(birthdate, "yesterday")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error_label.isVisible())
    assert "YYYY-MM-DD" in page.error_label.text()
    assert birthdate.text() == "yesterday"


def test_leaving_with_unsaved_edits_asks(qtbot: Any, pool_services: AppServices,
                                         pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    window = _window(qtbot, pool_services)
    window.show_page("profile")
    page = window.page("profile")
    assert isinstance(page, ProfilePage)
    qtbot.waitUntil(lambda: page.presenter.loaded and not page.presenter.busy)
    qtbot.keyClicks(_find(page, QLineEdit, "profile.company"), "Navy")

    def answer(name: str) -> None:
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "profile.unsaved.dialog")
                        is not None)
        box = window.findChild(QMessageBox, "profile.unsaved.dialog")
        qtbot.mouseClick(_find(box, QPushButton, f"profile.unsaved.{name}"),
                         Qt.MouseButton.LeftButton)

    window.show_page("security")
    assert window.current_page_key == "profile"  # kept until the user decides
    answer("cancel")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "profile.unsaved.dialog") is None)
    assert window.current_page_key == "profile" and page.presenter.dirty

    window.show_page("security")
    answer("save")
    qtbot.waitUntil(lambda: window.current_page_key == "security")
    assert pool_services.session.user is not None
    assert pool_services.session.user.company == "Navy"

    window.show_page("profile")
    qtbot.keyClicks(_find(page, QLineEdit, "profile.company"), " Yard")
    window.show_page("applications")
    answer("discard")
    qtbot.waitUntil(lambda: window.current_page_key == "applications")
    assert not page.presenter.dirty
    assert _find(page, QLineEdit, "profile.company").text() == "Navy"


def test_avatar_failure_shows_the_placeholder(qtbot: Any, pool_services: AppServices,
                                              pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    page = ProfilePage(pool_services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.presenter.loaded and not page.presenter.busy)
    photo = _find(page, QLineEdit, "profile.photo")
    assert not photo.isVisible()
    qtbot.mouseClick(_find(page, QPushButton, "profile.changePhoto"), Qt.MouseButton.LeftButton)
    assert photo.isVisible() and photo.hasFocus()
    photo.clear()
    qtbot.keyClicks(photo, f"{pool.url}/no-such-avatar.png")
    shown: list[bool] = []
    page.avatar.image_shown.connect(shown.append)
    qtbot.mouseClick(_find(page, QPushButton, "profile.save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown[-1] is False and not page.avatar.showing_image
    assert page.error_label.text() == ""
    assert page.avatar.pixmap() is not None and not page.avatar.pixmap().isNull()


def test_header_and_facts_in_words(qtbot: Any, pool_services: AppServices,
                                   pool: RunningPool) -> None:
    """The header names the user with verified badges; the facts are words and local times,
    never ISO timestamps or protocol names; each value is read out with its caption."""
    sign_in(qtbot, pool_services, "demo@example.com")
    page = ProfilePage(pool_services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.presenter.loaded and not page.presenter.busy)
    assert _find(page, QLabel, "profile.displayName").text() == "Demo"
    assert _find(page, QLabel, "profile.account").text() == "demo@example.com"
    assert _find(page, QLabel, "profile.emailBadge").text() == "Verified"
    assert _find(page, QLabel, "profile.phoneBadge").text() == "Verified"
    assert _find(page, QLabel, "profile.phone").text() == "18800000000"
    facts = {name: _find(page, QLabel, f"profile.{name}").text()
             for name in ("userId", "createdAt", "lastLogin", "loginsCount", "registerSource")}
    assert facts["registerSource"] == "Signed up with email"
    for name in ("createdAt", "lastLogin"):
        assert facts[name] and facts[name] != "—", name
        assert not re.search(r"\d{4}-\d{2}-\d{2}T|\+00:00", facts[name]), facts[name]
    # Recent times are relative, on the presenter's clock.
    last = wording.moment(page.presenter.facts.last_login)
    assert last is not None
    page.presenter.clock = lambda: last + dt.timedelta(minutes=5, seconds=10)
    LanguageInstaller(QCoreApplication.instance()).install("en")  # English plural forms
    page.retranslate()
    assert _find(page, QLabel, "profile.lastLogin").text() == "5 minutes ago"
    created = _find(page, QLabel, "profile.createdAt")
    assert created.text() and created.accessibleName() == f"Created: {created.text()}"

    qtbot.mouseClick(_find(page, QPushButton, "profile.copyUserId"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == facts["userId"]
