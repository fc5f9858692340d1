"""Live language switch from the View menu: every built page and the shell re-set their texts
at once (no English left in Chinese, and back), typed input survives, the choice is saved and
``x-authing-lang`` follows; "System language" follows the system locale again."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTreeWidget,
    QWidget,
)

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller, UiLanguage, choose_language
from authing_desktop.services.resource_files import resource_path
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages import PAGES
from tests.fixtures.pool_services import sign_in
from tests.ui.page_states import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def english_after(qapp: Any) -> Iterator[None]:
    yield
    LanguageInstaller(qapp).install("en")
    QLocale.setDefault(QLocale(QLocale.Language.English))
    QCoreApplication.processEvents()


def _translations() -> dict[str, str]:
    """English source -> Chinese, for every string whose translation differs."""
    tree = ET.parse(resource_path("i18n", "authing_desktop_zh_CN.ts"))  # noqa: S314 - ours
    pairs = {}
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and translation != source and "%n" not in source:
            pairs[source] = translation
    return pairs


def _texts(root: QWidget) -> dict[str, str]:
    """Every text the user (or a screen reader) gets from ``root``'s widgets and menus."""
    found: dict[str, str] = {}

    def add(where: str, text: str) -> None:
        if text:
            found[f"{where} {text!r}"] = text

    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}:{widget.objectName()}"
        add(where, widget.accessibleName())
        add(where, widget.accessibleDescription())
        add(where, widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(where, widget.text())
        if isinstance(widget, QLineEdit):
            add(where, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(where, widget.title())
        if isinstance(widget, QComboBox):
            for row in range(widget.count()):
                add(where, widget.itemText(row))
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                add(where, widget.item(row).text().strip())
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(header.columnCount()):
                add(where, header.text(column))
        if isinstance(widget, QMenu):
            add(where, widget.title())
            for action in widget.actions():
                add(where, action.text())
    return found


def _stale(window: MainWindow, stale_texts: set[str]) -> list[str]:
    return sorted(where for where, text in _texts(window).items() if text in stale_texts)


def test_switching_retranslates_everything_and_keeps_input(
        qtbot: Any, qapp: Any, pool_services: AppServices, english_after: None) -> None:
    language = UiLanguage(qapp, pool_services.settings, pool_services.connection)
    assert language.language == choose_language("")
    LanguageInstaller(qapp).install("en")  # the test machine's locale may be anything
    window = open_window(qtbot, pool_services)
    for spec in PAGES:  # build every page
        window.show_page(spec.key)
    sign_in_view = window.page("signin").sign_in  # type: ignore[attr-defined]
    window.show_page("signin")
    sign_in_view.email.setText("typed@example.com")
    sign_in_view.password.setText("half-typed")
    profile = window.page("profile")
    client = pool_services.connection.client
    assert client is not None and client.lang == "en-US"

    translations = _translations()
    assert _stale(window, set(translations.values())) == []

    window.view_menu.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: language.language == "zh_CN")
    QCoreApplication.processEvents()
    assert window.nav.item(0).text() == "登录"
    assert sign_in_view.title.text() == "登录"
    assert window.view_menu.title() != "&View"
    # Typed input and state survive.
    assert sign_in_view.email.text() == "typed@example.com"
    assert sign_in_view.password.text() == "half-typed"
    assert window.page("profile") is profile
    # No English text left anywhere (pages, shell, menus).
    assert _stale(window, set(translations)) == []
    # Server messages follow, on the live connection.
    assert client.lang == "zh-CN"
    qtbot.waitUntil(lambda: _saved_language(pool_services) == "zh_CN")
    assert window.view_menu.language_actions["zh_CN"].isChecked()

    # Signed in, the account pages load their data: still Chinese.
    sign_in(qtbot, pool_services, "demo@example.com")
    window.show_page("security")
    qtbot.waitUntil(lambda: window.page("security").presenter.overview is not None)  # type: ignore[attr-defined]
    assert _stale(window, set(translations)) == []

    window.view_menu.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: language.language == "en")
    QCoreApplication.processEvents()
    assert window.nav.item(0).text() == "Sign in"
    assert _stale(window, set(translations.values())) == []
    assert client.lang == "en-US"
    assert sign_in_view.email.text() == "typed@example.com"

    # "System language" is remembered as "" and follows the system locale.
    window.view_menu.language_actions[""].trigger()
    qtbot.waitUntil(lambda: _saved_language(pool_services) == "")
    assert language.language == choose_language("")


def test_the_saved_language_applies_at_start(
        qtbot: Any, qapp: Any, app_services: AppServices, english_after: None) -> None:
    from tests.fixtures.app_services import drive

    drive(qtbot, app_services.settings.save(
        app_services.settings.current.with_language("zh_CN")))
    UiLanguage(qapp, app_services.settings, app_services.connection)
    window = open_window(qtbot, app_services)
    assert window.nav.item(0).text() == "登录"
    assert window.view_menu.language_actions["zh_CN"].isChecked()
    # A connection made after the switch starts in Chinese too.
    assert app_services.connection._server_lang == "zh-CN"  # noqa: SLF001 - no client yet


def _saved_language(services: AppServices) -> str | None:
    path = services.settings.path
    if not path.exists():
        return None
    return str(json.loads(path.read_text(encoding="utf-8")).get("language"))
