"""Shared pieces of the form pages: a centred, scrollable column of readable width, a page
title and a link-style button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

FORM_WIDTH = 480


def centered(content: QWidget) -> QScrollArea:
    """``content`` in a scroll area, horizontally centred at a readable width."""
    content.setMaximumWidth(FORM_WIDTH)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.addStretch(1)
    row.addWidget(content, 100)
    row.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own: a form is all fields, and a focused field scrolls into view.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(holder)
    return area


def title_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


def link_button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    # Styled by the theme (``QPushButton[link="true"]``): a widget-level style sheet would
    # make every re-parent and polish of the page several times slower.
    button.setProperty("link", True)
    return button


def combo_box(name: str) -> QComboBox:
    """A combo box named ``name``; its popup list ``<name>List`` (it is interactive too)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.view().setObjectName(f"{name}List")
    return combo


def name_popup(combo: QComboBox, accessible_name: str) -> None:
    """Give the combo and its popup list the same accessible name."""
    combo.setAccessibleName(accessible_name)
    combo.view().setAccessibleName(accessible_name)
