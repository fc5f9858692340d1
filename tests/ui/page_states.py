"""Every state of every page worth walking (accessibility and keyboard tests): the sign-in form
with each method, sign-up and recovery with each method, the signed-in view, each account page
signed out and signed in (custom data with each value editor), and each tab of Support.

``walk_states(qtbot, window, services)`` yields ``(name, root)``: the state is on display and
``root`` is the widget whose tree the state shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from authing_desktop.presenters.recover import RecoverMethod
from authing_desktop.presenters.sign_in import Method
from authing_desktop.presenters.sign_up import SignUpMethod
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages import PAGES, Section
from authing_desktop.ui.pages.sign_in_page import SignInPage
from tests.fixtures.pool_services import sign_in

ACCOUNT_PAGES = [spec.key for spec in PAGES if spec.section is Section.ACCOUNT]
OTHER_PAGES = [spec.key for spec in PAGES
               if spec.section is not Section.ACCOUNT and spec.key != "signin"]


def open_window(qtbot: Any, services: AppServices) -> MainWindow:
    """The main window, shown and active (keyboard focus works only in the active window)."""
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _settle(qtbot: Any) -> None:
    QCoreApplication.processEvents()
    qtbot.wait(1)


def _wait_loaded(qtbot: Any, page: QWidget) -> None:
    presenters = getattr(page, "_presenters", [])
    qtbot.waitUntil(lambda: not any(p.busy for p in presenters), timeout=10_000)


def walk_states(qtbot: Any, window: MainWindow,
                services: AppServices) -> Iterator[tuple[str, QWidget]]:
    page = window.page("signin")
    assert isinstance(page, SignInPage)
    window.show_page("signin")
    for method in Method:
        page.show_sign_in()
        page.sign_in.select_method(method)
        _settle(qtbot)
        yield f"signin/{method.value}", page
    for signup_method in SignUpMethod:
        page.show_sign_up()
        page.sign_up.select_method(signup_method)
        _settle(qtbot)
        yield f"signup/{signup_method.value}", page
    for recover_method in RecoverMethod:
        page.show_recover()
        page.recover.select_method(recover_method)
        _settle(qtbot)
        yield f"recover/{recover_method.value}", page
    page.show_sign_in()

    for key in ACCOUNT_PAGES:
        window.show_page(key)
        _settle(qtbot)
        yield f"{key}/signed-out", window.page(key)

    for key in OTHER_PAGES:
        window.show_page(key)
        _settle(qtbot)
        other = window.page(key)
        tabs = other.findChildren(QTabWidget)
        if not tabs:
            yield key, other
        for tab_widget in tabs:
            for index in range(tab_widget.count()):
                tab_widget.setCurrentIndex(index)
                _settle(qtbot)
                yield f"{key}/tab{index}", other

    sign_in(qtbot, services, "demo@example.com")
    window.show_page("signin")
    qtbot.waitUntil(lambda: page.current_view is page.signed_in)
    yield "signin/signed-in", page
    for key in ACCOUNT_PAGES:
        window.show_page(key)
        account_page = window.page(key)
        _settle(qtbot)
        _wait_loaded(qtbot, account_page)
        if key == "customData":
            combo = account_page.type_combo  # type: ignore[attr-defined]
            for index in range(combo.count()):
                combo.setCurrentIndex(index)
                _settle(qtbot)
                yield f"{key}/signed-in/{combo.itemData(index)}", account_page
        else:
            yield f"{key}/signed-in", account_page
        if key == "profile":
            # Unsaved edits enable Save and Revert.
            editor = account_page.editors["nickname"]  # type: ignore[attr-defined]
            qtbot.keyClicks(editor, "x")
            assert account_page.presenter.dirty  # type: ignore[attr-defined]
            yield f"{key}/signed-in/edited", account_page
            account_page.presenter.revert()  # type: ignore[attr-defined]


def focusable(widget: QWidget) -> bool:
    """Takes keyboard focus by Tab itself (not through a focus proxy)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def tab_stops(root: QWidget) -> list[QWidget]:
    """The visible, enabled widgets under ``root`` that Tab should reach."""
    return [w for w in root.findChildren(QWidget)
            if focusable(w) and w.isVisible() and w.isEnabled()]
