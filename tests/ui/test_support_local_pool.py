"""The Support page's "Local pool" tab on a fresh pool: the settings in words, applying a scenario
file (one message place, the busy button, the pool's problems named), creating a user in a given
state; hidden for a remote profile. Screenshots for the README (light and dark, en and zh_CN)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from authing_desktop.api.errors import AuthingError
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.services.settings import PoolProfile
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from authing_desktop.ui.pages.support_page import LOCAL_POOL_TAB, SupportPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool
from tests.fixtures.pool_services import connected_services
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import click, type_into

pytestmark = pytest.mark.gui

DOCS_SCENARIO = Path(__file__).resolve().parents[2] / "docs" / "scenarios" / "forced-reset.toml"
KEY = "support.localPool"


@pytest.fixture
def fresh_services(qloop: Any, qtbot: Any, app_paths: AppPaths,
                   make_pool: Callable[..., RunningPool]) -> Iterator[AppServices]:
    """Services on a pool of their own: scenarios change the pool's settings."""
    services = connected_services(qtbot, app_paths, make_pool())
    yield services
    drive(qtbot, services.aclose())


def _open(qtbot: Any, services: AppServices) -> SupportPage:
    LanguageInstaller(QCoreApplication.instance()).install("en")  # English plural forms
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(DEFAULT_SIZE)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("support")
    page = window.page("support")
    assert isinstance(page, SupportPage)
    page.tabs.setCurrentIndex(LOCAL_POOL_TAB)
    tab = page.local_pool_tab
    qtbot.waitUntil(lambda: bool(tab.presenter.rows), timeout=10_000)
    return page


def _idle(qtbot: Any, tab: Any) -> None:
    qtbot.waitUntil(lambda: not tab.presenter.busy, timeout=10_000)


def _setting(page: SupportPage, key: str) -> str:
    label = page.findChild(QLabel, f"{KEY}Setting.{key}")
    assert label is not None, key
    assert label.text() in label.accessibleName()  # the value is read out
    return str(label.text())


def test_settings_scenario_and_new_user(qtbot: Any, fresh_services: AppServices,
                                        tmp_path: Path) -> None:
    page = _open(qtbot, fresh_services)
    tab = page.local_pool_tab
    assert page.tabs.isTabVisible(LOCAL_POOL_TAB)
    assert page.tabs.tabText(LOCAL_POOL_TAB) == "Local pool"
    assert _setting(page, "loginRequireEmailVerified") == "No"
    assert _setting(page, "changePhoneStrategy") == "Yes"
    assert _setting(page, "tokenExpiresAfter") == "14 days"
    assert _setting(page, "loginFailCheck").startswith("After 3 failures within")

    # A bad file: the pool's problems, named; nothing changed.
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"name": "bad", "settings": {"loginRequireEmailVerified": True},
                               "users": [{"email": "x@example.com",
                                          "roles": ["no-such-role"]}]}), encoding="utf-8")
    type_into(qtbot, tab.scenario_file, str(bad))
    click(qtbot, tab.apply_button)
    assert tab.apply_button.text() == "Applying…" and not tab.apply_button.isEnabled()
    _idle(qtbot, tab)
    assert tab.error.isVisible() and not tab.notice.isVisible()
    assert tab.error.text().startswith("The local pool did not accept bad.json; nothing was "
                                       "changed.")
    assert "users[0] (x@example.com): the role 'no-such-role' of namespace 'default' does " \
        "not exist" in tab.error.text()
    assert tab.apply_button.text() == "Apply" and tab.apply_button.isEnabled()
    click(qtbot, tab.refresh_button)
    _idle(qtbot, tab)
    assert _setting(page, "loginRequireEmailVerified") == "No"

    # The docs scenario: one notice replaces the error; the settings show its changes.
    type_into(qtbot, tab.scenario_file, str(DOCS_SCENARIO))
    click(qtbot, tab.apply_button)
    _idle(qtbot, tab)
    assert not tab.error.isVisible() and tab.notice.isVisible()
    assert tab.notice.text().startswith(
        "Applied the scenario “forced-reset” from forced-reset.toml: 1 user, 1 custom field, "
        "1 role, 3 organizations and departments, 1 application, 3 settings")
    qtbot.waitUntil(lambda: _setting(page, "loginRequireEmailVerified") == "Yes")
    applied = fresh_services.local_pool_admin.applied_scenario(
        fresh_services.connection.client.profile.host)  # type: ignore[union-attr]
    assert applied is not None and applied.name == "forced-reset"

    # A user in a given state: must change the password at the next sign-in.
    assert not tab.forced_reset.isChecked()
    type_into(qtbot, tab.email, "made-in-the-panel@example.com")
    type_into(qtbot, tab.password.edit, "Panel-passw0rd")
    tab.email_verified.setChecked(True)
    tab.forced_reset.setChecked(True)
    click(qtbot, tab.create_button)
    assert tab.create_button.text() == "Creating…"
    _idle(qtbot, tab)
    assert tab.notice.text() == "Created the user made-in-the-panel@example.com."
    assert tab.email.text() == "" and not tab.forced_reset.isChecked()
    with pytest.raises(AuthingError) as caught:
        drive(qtbot, fresh_services.session.client.login_by_email(
            "made-in-the-panel@example.com", "Panel-passw0rd"))
    assert caught.value.code == 2058

    # Without an identifier the form says what is missing, before any call.
    click(qtbot, tab.create_button)
    assert tab.error.text() == "Enter an email, a phone number or a username for the user."


def test_the_tab_exists_only_for_the_local_pool(qtbot: Any, fresh_services: AppServices) -> None:
    page = _open(qtbot, fresh_services)
    remote = PoolProfile(id="remote-z", name="Remote", kind="remote",
                         app_host="https://example.authing.cn", app_id="app1")
    settings = fresh_services.settings.current.with_profile(remote).with_selected("remote-z")
    drive(qtbot, fresh_services.settings.save(settings))
    assert not page.tabs.isTabVisible(LOCAL_POOL_TAB)
    assert not fresh_services.local_pool_admin.available
    local = fresh_services.settings.current.with_selected(
        next(p.id for p in fresh_services.settings.current.profiles if p.is_local))
    drive(qtbot, fresh_services.settings.save(local))
    assert page.tabs.isTabVisible(LOCAL_POOL_TAB)


def test_local_pool_tab_screenshots(qtbot: Any, qapp: Any,
                                    fresh_services: AppServices) -> None:
    drive(qtbot, fresh_services.local_pool_admin.apply_file(DOCS_SCENARIO))

    def prepare(widget: QWidget) -> None:
        assert isinstance(widget, MainWindow)
        widget.show_page("support")
        page = widget.page("support")
        assert isinstance(page, SupportPage)
        page.tabs.setCurrentIndex(LOCAL_POOL_TAB)
        tab = page.local_pool_tab
        qtbot.waitUntil(lambda: bool(tab.presenter.rows) and not tab.presenter.busy,
                        timeout=10_000)
        tab.scenario_file.setText("forced-reset.toml")

    def new_user(widget: QWidget) -> None:
        prepare(widget)
        assert isinstance(widget, MainWindow)
        page = widget.page("support")
        assert isinstance(page, SupportPage)
        tab = page.local_pool_tab
        tab.email.setText("new.user@example.com")
        tab.password.setText("Example-passw0rd")
        tab.email_verified.setChecked(True)
        tab.first_login_reset.setChecked(True)
        qtbot.wait(1)  # laid out: the scroll range is known
        bar = tab.scroll_area.verticalScrollBar()
        bar.setValue(bar.maximum())

    paths = capture(qtbot, qapp, "support-localpool", lambda: MainWindow(fresh_services),
                    prepare=prepare, size=DEFAULT_SIZE, themes=THEMES)
    paths += capture(qtbot, qapp, "support-localpool-user", lambda: MainWindow(fresh_services),
                     prepare=new_user, size=DEFAULT_SIZE, themes=THEMES)
    assert [p.name for p in paths] == [
        f"{name}-{theme}_{language}.png" for name in ("support-localpool",
                                                      "support-localpool-user")
        for theme in THEMES for language in ("en", "zh_CN")]
    assert all(path.stat().st_size > 10_000 for path in paths)
