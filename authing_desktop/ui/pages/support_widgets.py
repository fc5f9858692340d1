"""Widgets the Support page's tabs share: each named ``support.<name>`` (tests and tools find
them by name); a busy bar and an error label follow their presenter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QTableView

from authing_desktop.presenters.base import Presenter
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.form_layout import busy_bar

KEY = "support"


def presenter_busy_bar(name: str, presenter: Presenter) -> QProgressBar:
    bar = busy_bar(f"{KEY}.{name}")
    presenter.busy_changed.connect(bar.setVisible)
    return bar


def presenter_error_label(name: str, presenter: Presenter) -> QLabel:
    label = QLabel()
    label.setObjectName(f"{KEY}.{name}")
    label.setWordWrap(True)
    set_tone(label, "error")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)

    def show(text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    presenter.error_changed.connect(show)
    return label


def name_header_parts(table: QTableView, name: str) -> None:
    """Stable names for a table's headers (tests and accessibility tools find them)."""
    table.horizontalHeader().setObjectName(f"{KEY}.{name}Header")
    table.verticalHeader().setObjectName(f"{KEY}.{name}RowHeader")


def named_button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(f"{KEY}.{name}")
    return button
