"""The shell: it opens, navigation switches pages, the banner shows bus messages (also those
sent before the window existed), widgets are named, Chinese renders."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.bus import Level
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.services.token_store import KeyringTokenStore
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages import PAGES

pytestmark = pytest.mark.gui

NAV_TEXTS = ["Sign in", "Account", "Profile", "Security", "Linked accounts", "Phone & email",
             "Applications", "Access", "Custom data", "Devices and sessions", "Login history",
             "Your data", "Support tools", "Support"]


def _window(qtbot: Any, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _click_nav(qtbot: Any, window: MainWindow, text: str) -> None:
    nav = window.nav
    item = next(nav.item(r) for r in range(nav.count()) if nav.item(r).text().strip() == text)
    rect = nav.visualItemRect(item)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_shell_opens_on_sign_in(qtbot: Any, app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    nav = window.nav
    assert [nav.item(r).text().strip() for r in range(nav.count())] == NAV_TEXTS
    assert window.current_page_key == "signin"
    assert window.stack.currentWidget().objectName() == "signin.page"
    assert "Local pool" in window.profile_label.text()
    qtbot.waitUntil(lambda: window.painted)


def test_navigation_switches_pages(qtbot: Any, app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    seen: list[str] = []
    window.page_changed.connect(seen.append)
    for spec in PAGES:
        window.show_page(spec.key)
        assert window.stack.currentWidget().objectName() == f"{spec.key}.page"
        # Each page says what it is: a real page's title, or a placeholder's description.
        labels = [window.stack.currentWidget().findChild(QLabel, f"{spec.key}.{name}")
                  for name in ("placeholder", "title")]
        assert any(label is not None and label.text() for label in labels), spec.key
    assert [key for key in seen if key != "signin"] == [spec.key for spec in PAGES][1:]
    # Pages are built once and kept.
    window.show_page("profile")
    first = window.stack.currentWidget()
    window.show_page("support")
    window.show_page("profile")
    assert window.stack.currentWidget() is first


def test_signed_out_the_account_pages_say_why_they_do_not_open(
        qtbot: Any, app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    nav = window.nav
    account_items = [nav.item(row) for row in range(nav.count())
                     if nav.item(row).text() in NAV_TEXTS[2:11]]
    assert len(account_items) == 9
    for item in account_items:
        assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
        assert item.toolTip() == "Sign in to open this page."
        assert not item.icon().isNull()
    _click_nav(qtbot, window, "Profile")
    assert window.current_page_key == "signin"
    # Headings are not pages either; Support opens while signed out.
    _click_nav(qtbot, window, "Support tools")
    assert window.current_page_key == "signin"
    _click_nav(qtbot, window, "Support")
    assert window.current_page_key == "support"
    header = window.findChild(QLabel, "shell.accountName")
    assert header is not None and header.text() == "Not signed in"


def test_keyboard_navigation(qtbot: Any, app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # skips the heading and the signed-out pages
    assert window.current_page_key == "support"


def test_banner_shows_messages_sent_before_and_after_the_window(
        qtbot: Any, app_services: AppServices) -> None:
    app_services.bus.warning("Sent before the window existed")
    window = _window(qtbot, app_services)
    banner = window.banner
    assert banner.isVisible()
    assert banner.text_label.text() == "Sent before the window existed"
    assert banner.property("level") == "warning"

    app_services.bus.info("Just so you know")  # less severe: waits behind the warning
    assert banner.text_label.text() == "Sent before the window existed"
    assert banner.more_label.text() == "+1 more"
    app_services.bus.error("Could not save token=abc123")
    assert banner.text_label.text() == "Could not save token=[redacted]"
    assert banner.property("level") == "error"

    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert banner.text_label.text() == "Sent before the window existed"
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert banner.text_label.text() == "Just so you know"
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()


def test_a_keyed_message_replaces_its_predecessor(qtbot: Any, app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    app_services.bus.info("Starting the pool", key="pool")
    app_services.bus.info("Pool ready", key="pool")
    assert window.banner.text_label.text() == "Pool ready"
    assert window.banner.more_label.text() == ""


def test_information_hides_itself(qtbot: Any, app_services: AppServices,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("authing_desktop.ui.message_banner.INFO_TIMEOUT_MS", 50)
    window = _window(qtbot, app_services)
    app_services.bus.info("Saved")
    assert window.banner.isVisible()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=2000)


def test_no_keychain_notice_reaches_the_banner(qtbot: Any, qloop: Any, app_paths: Any) -> None:
    import keyring
    from keyring.backends import fail

    from tests.fixtures.app_services import drive

    services = AppServices.create(app_paths)
    assert isinstance(services.token_store, KeyringTokenStore)
    services.settings.load()
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        window = _window(qtbot, services)
        drive(qtbot, services.token_store.open())
        assert services.token_store.memory_only
        assert window.banner.current is not None
        assert window.banner.current.level is Level.WARNING
        assert "No system keychain available" in window.banner.text_label.text()
    finally:
        keyring.set_keyring(previous)
        drive(qtbot, services.aclose())


def test_pool_status_shows_in_the_status_bar(qtbot: Any, app_services: AppServices) -> None:
    from authing_desktop.services.pool_launcher import PoolStatus

    window = _window(qtbot, app_services)
    app_services.pool_launcher.status_changed.emit(PoolStatus.STARTING)
    assert window.pool_status_label.text() == "Local pool: starting…"
    app_services.pool_launcher.status_changed.emit(PoolStatus.FAILED)
    assert window.pool_status_label.text() == "Local pool: failed"


def _interactive(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QPlainTextEdit)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds)
            and w.objectName() not in ("qt_scrollarea_viewport",)
            and not w.objectName().startswith("qt_")]


def test_interactive_widgets_have_stable_and_accessible_names(
        qtbot: Any, app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    for spec in PAGES:
        window.show_page(spec.key)
    app_services.bus.info("x")
    widgets = _interactive(window)
    assert any(isinstance(w, QListWidget) for w in widgets)
    for widget in widgets:
        name = widget.objectName()
        assert "." in name, f"{type(widget).__name__} without a '<page>.<field>' objectName"
        assert widget.accessibleName(), f"{name} has no accessible name"


def _ink(image: QImage) -> int:
    background = QColor(image.pixel(0, 0))
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if QColor(image.pixel(x, y)) != background)


def test_chinese_renders_in_an_offscreen_grab(qtbot: Any, qapp: Any,
                                              app_services: AppServices) -> None:
    installer = LanguageInstaller(qapp)
    try:
        installer.install("zh_CN")
        window = _window(qtbot, app_services)
        nav = window.nav
        assert nav.item(0).text() == "登录"
        assert nav.item(2).text().strip() == "个人资料"
        assert window.pool_status_label.text() == "" or "本地" in window.pool_status_label.text()
        # Two different characters must give two different glyphs: missing-glyph boxes
        # ("tofu") all look alike.
        images = []
        for text in ("账", "号", "\U000f0000"):  # the last is a private-use code point: tofu
            label = QLabel(text)
            qtbot.addWidget(label)
            font = label.font()
            font.setPointSize(28)
            label.setFont(font)
            label.adjustSize()
            images.append(label.grab().toImage())
        assert _ink(images[0]) > 20 and _ink(images[1]) > 20
        assert images[0] != images[1]
        grab = window.grab()
        assert not grab.isNull()
    finally:
        installer.install("en")
        QLocale.setDefault(QLocale(QLocale.Language.English))
        QCoreApplication.processEvents()


def test_language_switch_retranslates_the_shell(qtbot: Any, qapp: Any,
                                                app_services: AppServices) -> None:
    window = _window(qtbot, app_services)
    installer = LanguageInstaller(qapp)
    try:
        installer.install("zh_CN")
        QCoreApplication.processEvents()
        assert window.nav.item(1).text() == "账号"
    finally:
        installer.install("en")
        QLocale.setDefault(QLocale(QLocale.Language.English))
        QCoreApplication.processEvents()
    assert window.nav.item(1).text() == "Account"




def test_the_bare_shell_paints_first_then_takes_its_services(
        qtbot: Any, app_services: AppServices) -> None:
    # The composition root's first stage: a "Starting…" note, no services yet.
    window = MainWindow()
    qtbot.addWidget(window)
    painted: list[float] = []
    ready: list[float] = []
    window.first_painted.connect(painted.append)
    window.ready_painted.connect(ready.append)
    window.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    assert not window.attached and ready == []
    starting = window.findChild(QLabel, "shell.starting")
    assert starting is not None and window.centralWidget() is starting
    assert starting.text() == "Starting…"

    window.open(app_services)
    assert window.attached and window.current_page_key == "signin"
    assert [window.nav.item(row).text().strip() for row in range(window.nav.count())] == NAV_TEXTS
    qtbot.waitUntil(lambda: window.findChild(QLabel, "shell.starting") is None)
    qtbot.waitUntil(lambda: bool(ready), timeout=5000)
    assert ready[0] >= painted[0]
    window.show_page("security")
    assert window.current_page_key == "security"


def test_the_app_icon_has_every_size_without_reading_the_files(qapp: Any) -> None:
    from PySide6.QtCore import QSize

    from authing_desktop.app import _app_icon

    sizes = _app_icon().availableSizes()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert QSize(size, size) in sizes
