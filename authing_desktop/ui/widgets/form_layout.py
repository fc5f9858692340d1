"""Shared pieces of the form pages: a centred, scrollable column of readable width, a page
title, a link-style button, the one-time-code entry, a labelled form and its Tab order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QWidget,
)

from authing_desktop.presenters.code_cooldown import CodeCooldown
from authing_desktop.ui.theme import set_kind
from authing_desktop.ui.widgets.code_button import CodeButton
from authing_desktop.ui.widgets.field_row import FieldRow

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


def line_edit(name: str) -> QLineEdit:
    """An empty text field named ``name`` (``<page>.<field>``)."""
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


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


def code_entry(key: str, cooldown: CodeCooldown,
               max_length: int = 12) -> tuple[QLineEdit, CodeButton, QWidget]:
    """A one-time-code field ``<key>.code`` with its send button ``<key>.sendCode`` (counting
    down with ``cooldown``) beside it; the third item is the box holding both."""
    code = QLineEdit()
    code.setObjectName(f"{key}.code")
    code.setMaxLength(max_length)
    send = CodeButton(f"{key}.sendCode", cooldown)
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(code, 1)
    row.addWidget(send)
    return code, send, box


def app_code_field(key: str) -> tuple[QLabel, QLineEdit, FieldRow]:
    """The field ``<key>.code`` for the code an authenticator app shows, its label (the field
    its buddy) and its row with the inline error under it."""
    label = QLabel()
    code = QLineEdit()
    code.setObjectName(f"{key}.code")
    code.setMaxLength(8)
    code.setPlaceholderText("123456")
    label.setBuddy(code)
    return label, code, FieldRow(key, "code", code)


def labelled_form(rows: Mapping[str, QWidget]) -> tuple[QFormLayout, dict[str, QLabel]]:
    """A form with one labelled row per item of ``rows`` (in order); each label is the buddy
    of its field (a `FieldRow`'s editor), for its mnemonic. The labels are returned by key,
    without text: the page's retranslate sets it."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    labels: dict[str, QLabel] = {}
    for key, field in rows.items():
        label = QLabel()
        label.setBuddy(field.editor if isinstance(field, FieldRow) else field)
        form.addRow(label, field)
        labels[key] = label
    return form, labels


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def busy_bar(name: str) -> QProgressBar:
    """A thin moving bar named ``name``, hidden until shown for a request in flight.

    Its place is kept while hidden: showing and hiding it then only repaints it, where a bar
    that came and went would lay out the whole page again both times, at every load."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 0)  # indeterminate
    bar.setTextVisible(False)
    bar.setMaximumHeight(4)
    policy = bar.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    bar.setSizePolicy(policy)
    bar.setVisible(False)
    return bar


def action_row(key: str, action: str, *, kind: str = "primary",
               default_cancel: bool = False) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """A dialog's bottom row: Cancel (``<key>.cancel``), then its action (``<key>.<action>``,
    styled ``kind``), right-aligned. Enter presses the action, or Cancel with
    ``default_cancel`` (for an action that cannot be undone). Texts are the caller's."""
    act, cancel = QPushButton(), QPushButton()
    act.setObjectName(f"{key}.{action}")
    set_kind(act, kind)
    cancel.setObjectName(f"{key}.cancel")
    (cancel if default_cancel else act).setDefault(True)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(act)
    return act, cancel, row
