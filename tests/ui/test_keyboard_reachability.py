"""Full keyboard use: in every state of every page, pressing Tab (offscreen, on whatever has
the focus) reaches every visible, enabled control that takes focus, in reading order (top to
bottom, left to right; a group box is read as one block), and never gets stuck."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QScrollArea, QWidget

from authing_desktop.services.app_services import AppServices
from tests.ui.page_states import open_window, tab_stops, walk_states

pytestmark = pytest.mark.gui

MAX_PRESSES = 200
MAX_STAY = 8


def _name(widget: QWidget | None) -> str:
    return "-" if widget is None else f"{type(widget).__name__}:{widget.objectName()}"


def tab_cycle(qtbot: Any, start: QWidget) -> list[QWidget]:
    """Focus ``start``, press Tab until the focus comes back to it; the widgets in between."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus, timeout=1000)
    seen = [start]
    stay = 0
    for _ in range(MAX_PRESSES):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is start:  # round (or the start is the only stop)
            return seen
        if after is current:
            # A date edit moves through its sections first, then on.
            stay += 1
            assert stay < MAX_STAY, f"Tab is stuck on {_name(current)}"
            continue
        stay = 0
        assert after not in seen, f"Tab cycles without coming back: {_name(after)}"
        seen.append(after)
    raise AssertionError(f"no full cycle in {MAX_PRESSES} presses")


def _block(widget: QWidget, root: QWidget) -> QRect:
    """Where ``widget`` sits for reading order: its outermost group box or card under
    ``root``, else itself; in window coordinates."""
    block = widget
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QGroupBox) or parent.property("card"):
            block = parent
        parent = parent.parentWidget()
    top_left = block.mapTo(block.window(), QPoint(0, 0))
    return QRect(top_left, block.size())


def reads_before(later: QRect, earlier: QRect) -> bool:
    """True when ``later`` comes before ``earlier`` in reading order (strictly above it, or on
    the same line and to its left)."""
    if later.bottom() < earlier.top():
        return True
    same_line = later.top() <= earlier.bottom() and earlier.top() <= later.bottom()
    return same_line and later.right() < earlier.left()


def test_tab_reaches_every_control_in_reading_order(
        qtbot: Any, pool_services: AppServices) -> None:
    window = open_window(qtbot, pool_services)
    unreached: dict[str, list[str]] = {}
    out_of_order: dict[str, list[str]] = {}
    states = reached = 0
    for state, root in walk_states(qtbot, window, pool_services):
        states += 1
        expected = tab_stops(root)  # none on an account page while signed out
        reached += len(expected)
        cycle = tab_cycle(qtbot, window.nav)
        missing = [_name(w) for w in expected if w not in cycle]
        if missing:
            unreached[state] = missing
        on_page = [w for w in cycle if root.isAncestorOf(w)]
        # Read the page from its top: Tab scrolled a long page down as it went, which would put
        # its first controls above the scroll area they are in.
        for area in root.findChildren(QScrollArea):
            area.verticalScrollBar().setValue(0)
        wrong = [f"{_name(a)} -> {_name(b)}" for a, b in zip(on_page, on_page[1:], strict=False)
                 if a.isVisible() and reads_before(_block(b, root), _block(a, root))]
        if wrong:
            out_of_order[state] = wrong
    assert states >= 20 and reached > 200
    assert unreached == {}
    assert out_of_order == {}


def test_the_shell_is_in_the_cycle(qtbot: Any, app_services: AppServices) -> None:
    window = open_window(qtbot, app_services)
    app_services.bus.warning("Something to dismiss")
    cycle = tab_cycle(qtbot, window.nav)
    assert window.banner.close_button in cycle
    sign_in = window.page("signin").sign_in  # type: ignore[attr-defined]
    assert cycle.index(sign_in.method) < cycle.index(sign_in.email) < cycle.index(
        sign_in.password.edit) < cycle.index(sign_in.submit)
    # Backtab walks the same cycle backwards.
    qtbot.keyClick(window.nav, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is cycle[-1]
