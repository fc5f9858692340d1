"""What users read: in every state of every page (signed out and in, with the demo account's
data), no visible text holds a protocol name (``loginByEmail``, ``basic:email``, a route, a
wire field) or a raw timestamp (``2026-11-24T10:33:22+00:00``); and at the default window size
nothing scrolls sideways and no button is cut short.

The Support tools are exempt from the wording rule: they exist to show support staff the calls
themselves (routes and codes are their content)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import DEFAULT_SIZE
from tests.ui.page_states import open_window, walk_states

pytestmark = pytest.mark.gui

PROTOCOL = re.compile(
    r"\b(?:loginBy\w+|registerBy\w+|(?:basic|social|import):[\w-]+|captchaCode|mfaToken"
    r"|access_token|id_token|user_pool_id|userPoolId)\b|/api/v\d|/graphql|\bGET /|\bPOST /")
# A machine's date and time (ISO 8601, with or without "T", seconds or zone), not a locale's.
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for each text a user can see under ``root``."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str) -> None:
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName()!r}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.text() or widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        elif isinstance(widget, QTableWidget):
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    add(widget, item.text() if item is not None else "")
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                add(widget, widget.item(row).text())
        elif isinstance(widget, QTreeWidget):
            for index in range(widget.topLevelItemCount()):
                node = widget.topLevelItem(index)
                assert node is not None
                for column in range(node.columnCount()):
                    add(widget, node.text(column))
    return found


def test_no_protocol_names_or_raw_timestamps_on_screen(
        qtbot: Any, pool_services: AppServices) -> None:
    window = open_window(qtbot, pool_services)
    offending: dict[str, list[str]] = {}
    states = 0
    for state, root in walk_states(qtbot, window, pool_services):
        if state.startswith("support"):
            continue
        states += 1
        bad = [f"{where}: {text!r}" for where, text in visible_texts(root)
               if PROTOCOL.search(text) or TIMESTAMP.search(text)]
        if bad:
            offending[state] = bad
    assert states >= 20
    assert offending == {}


def _sideways(root: QWidget) -> list[str]:
    scrolled = []
    for area in root.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.maximum() > 0:
            scrolled.append(f"{type(area).__name__} {area.objectName()!r} by {bar.maximum()}px")
    return scrolled


def _cut_short(root: QWidget) -> list[str]:
    cut = []
    for button in root.findChildren(QAbstractButton):
        needed = button.minimumSizeHint().width()
        if button.isVisible() and button.text() and button.width() < needed:
            cut.append(f"{button.objectName()!r} {button.width()} < {needed}")
    return cut


def test_nothing_scrolls_sideways_or_is_cut_at_the_default_size(
        qtbot: Any, pool_services: AppServices) -> None:
    window = open_window(qtbot, pool_services)
    window.resize(DEFAULT_SIZE)
    problems: dict[str, list[str]] = {}
    for state, root in walk_states(qtbot, window, pool_services):
        window.resize(DEFAULT_SIZE)  # walk_states' window may have been resized
        qtbot.wait(1)
        found = _sideways(root) + _cut_short(root)
        # Tables' columns: each wide enough for its header (no "Sta…" for "Status").
        for view in root.findChildren(QAbstractItemView):
            if isinstance(view, QTableWidget) and view.isVisible():
                header = view.horizontalHeader()
                for column in range(view.columnCount()):
                    if header.isSectionHidden(column):
                        continue
                    if header.sectionSize(column) < header.sectionSizeHint(column):
                        found.append(f"{view.objectName()!r} column {column} clipped")
        if found:
            problems[state] = found
    assert problems == {}
