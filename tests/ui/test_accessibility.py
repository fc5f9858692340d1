"""Accessibility: in every state of every page (sign-in with each method, sign-up, recovery,
each account page signed out and in, support), every control that takes keyboard focus has an
accessible name, and screen readers get the same name through Qt's accessibility interface."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget

from authing_desktop.services.app_services import AppServices
from tests.ui.page_states import focusable, open_window, walk_states

pytestmark = pytest.mark.gui


def _describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r}"


def _unnamed(root: QWidget, skip: QWidget | None = None) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not focusable(widget) or (skip is not None and skip.isAncestorOf(widget)):
            continue
        name = widget.accessibleName()
        interface = QAccessible.queryAccessibleInterface(widget)
        spoken = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name or not spoken:
            missing.append(_describe(widget))
    return missing


def test_every_focusable_control_has_an_accessible_name(
        qtbot: Any, pool_services: AppServices) -> None:
    window = open_window(qtbot, pool_services)
    missing: dict[str, list[str]] = {}
    states = 0
    for state, root in walk_states(qtbot, window, pool_services):
        states += 1
        unnamed = _unnamed(root)
        if unnamed:
            missing[state] = unnamed
    # The shell around the pages: navigation, banner, status bar.
    pool_services.bus.warning("x")
    shell = _unnamed(window, skip=window.stack)
    assert states >= 20
    assert missing == {}
    assert shell == []


def _silent_values(root: QWidget) -> list[str]:
    """Visible labels showing text that a screen reader would not read out."""
    silent = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        interface = QAccessible.queryAccessibleInterface(label)
        spoken = " ".join(interface.text(kind) for kind in (
            QAccessible.Text.Name, QAccessible.Text.Value, QAccessible.Text.Description)
        ) if interface is not None else ""
        shown = re.sub(r"<[^>]+>", "", label.text()).replace("&", "").strip()
        if not spoken.strip() or (label.accessibleName() and shown not in spoken):
            # No name at all, or a name that leaves out the value shown.
            silent.append(f"{label.objectName()!r}: {label.text()[:40]!r}")
    return silent


def test_every_displayed_value_is_read_out(qtbot: Any, pool_services: AppServices) -> None:
    """Values on screen (the profile's facts, badges, states) reach a screen reader: a label
    given an accessible name that leaves its text out would be announced empty."""
    window = open_window(qtbot, pool_services)
    silent: dict[str, list[str]] = {}
    for state, root in walk_states(qtbot, window, pool_services):
        found = _silent_values(root)
        if found:
            silent[state] = found
    assert silent == {}


def test_menus_are_named_and_reachable_by_mnemonic(
        qtbot: Any, app_services: AppServices) -> None:
    window = open_window(qtbot, app_services)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&View", "&Help"]
    for menu in (window.view_menu, window.view_menu.language_menu, window.view_menu.theme_menu,
                 window.help_menu):
        assert menu.title().count("&") == 1, menu.title()
        for action in menu.actions():
            assert action.isSeparator() or action.text(), menu.objectName()


def test_controls_that_need_more_than_a_name_are_described(
        qtbot: Any, app_services: AppServices) -> None:
    """Screen readers read the description (Qt falls back to the tool tip) after the name."""
    window = open_window(qtbot, app_services)
    sign_in = window.page("signin").sign_in  # type: ignore[attr-defined]
    profile = window.page("profile")
    described = {
        "remember me": sign_in.remember,
        "show password": sign_in.password.toggle,
        "local pool badge": sign_in.local_badge,
        "refresh": profile.refresh_button,  # type: ignore[attr-defined]
        "save profile": profile.save_button,  # type: ignore[attr-defined]
        "dismiss banner": window.banner.close_button,
    }
    for what, widget in described.items():
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None, what
        assert interface.text(QAccessible.Text.Description), what
