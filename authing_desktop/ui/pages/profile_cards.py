"""The Profile page's cards: the header (photo, name, account, verified badges, Change photo),
the read-only account facts, a two-column grid of editable fields, the collapsible "More
details" card and the bar that holds Save and Revert while there are unsaved changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.profile import ProfileField
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_badge, set_kind, set_tone
from authing_desktop.ui.widgets.avatar_view import AvatarView

KEY = "profile"
FACTS = ("userId", "createdAt", "lastLogin", "loginsCount", "registerSource")
Editor = QLineEdit | QComboBox


def value_label(name: str) -> QLabel:
    """A selectable value (its accessible name is set with the value: `name_value`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def name_value(label: QLabel, caption: str, value: str, template: str) -> None:
    """Show ``value`` and let a screen reader say the caption with it (``template`` has
    ``{label}`` and ``{value}``: the language decides the punctuation)."""
    label.setText(value)
    label.setAccessibleName(template.format(label=caption, value=value))


class ProfileHeader(QFrame):
    """Who this is: the photo (``profile.avatar``) with Change photo under it, the name
    (``profile.displayName``), the account (``profile.account``), email and phone with their
    verified badges (``profile.email``/``emailBadge``, ``profile.phone``/``phoneBadge``), and
    the photo address editor (``photo_row``, shown by Change photo)."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.headerCard")
        self.setProperty("card", True)
        self.avatar = AvatarView(f"{KEY}.avatar", tasks, size=80)
        self.change_photo = QPushButton(icon("camera"), "")
        self.change_photo.setObjectName(f"{KEY}.changePhoto")
        self.change_photo.setCheckable(True)
        set_kind(self.change_photo, "quiet")
        picture = QVBoxLayout()
        picture.setSpacing(6)
        picture.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignHCenter)
        picture.addWidget(self.change_photo, 0, Qt.AlignmentFlag.AlignHCenter)
        picture.addStretch(1)

        self.name_label = value_label(f"{KEY}.displayName")
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.account_label = value_label(f"{KEY}.account")
        set_tone(self.account_label, "note")
        self.contacts: dict[str, tuple[QLabel, QLabel]] = {}
        who = QVBoxLayout()
        who.setSpacing(4)
        who.addWidget(self.name_label)
        who.addWidget(self.account_label)
        who.addSpacing(4)
        for kind, icon_name in (("email", "mail"), ("phone", "phone")):
            glyph = QLabel()
            glyph.setPixmap(icon(icon_name).pixmap(QSize(16, 16)))
            value = value_label(f"{KEY}.{kind}")
            badge = QLabel()
            badge.setObjectName(f"{KEY}.{kind}Badge")
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(glyph)
            row.addWidget(value)
            row.addWidget(badge)
            row.addStretch(1)
            who.addLayout(row)
            self.contacts[kind] = (value, badge)
        who.addStretch(1)

        self.photo_caption = QLabel()
        self.photo_row = QWidget()
        self.photo_row.setObjectName(f"{KEY}.photoRow")
        photo_layout = QHBoxLayout(self.photo_row)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_caption)
        self._photo_layout = photo_layout
        self.photo_row.setVisible(False)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addLayout(picture)
        top.addLayout(who, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.photo_row)

    def set_photo_editor(self, editor: QLineEdit) -> None:
        self.photo_caption.setBuddy(editor)
        self._photo_layout.addWidget(editor, 1)

    def show_contact(self, kind: str, value: str, verified: bool, texts: dict[str, str]) -> None:
        """``texts``: ``caption``, ``none`` (no such contact), ``verified``, ``unverified`` and
        the ``template`` of `name_value`."""
        label, badge = self.contacts[kind]
        set_tone(label, "" if value else "note")
        name_value(label, texts["caption"], value or texts["none"], texts["template"])
        badge.setVisible(bool(value))
        badge.setText(texts["verified"] if verified else texts["unverified"])
        set_badge(badge, "ok" if verified else "warning")
        badge.setAccessibleName(badge.text())


class FieldGrid(QWidget):
    """Editable fields in two columns of caption + editor, filled row by row (reading order
    and Tab order agree), in sections that may have a heading; the columns line up across the
    sections."""

    def __init__(self, name: str, make_editor: Callable[[ProfileField], Editor],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._make_editor = make_editor
        self.editors: dict[str, Editor] = {}
        self.captions: dict[str, QLabel] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(8)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(3, 1)
        self._rows = 0

    def add_section(self, fields: Iterable[ProfileField], heading: QLabel | None = None) -> None:
        if heading is not None:
            if self._rows:
                self._grid.setRowMinimumHeight(self._rows, 6)  # air above the heading
                self._rows += 1
            self._grid.addWidget(heading, self._rows, 0, 1, 4)
            self._rows += 1
        first = self._rows
        for index, field in enumerate(fields):
            editor = self._make_editor(field)
            caption = QLabel()
            caption.setBuddy(editor)
            row, column = divmod(index, 2)
            self._grid.addWidget(caption, first + row, column * 2)
            self._grid.addWidget(editor, first + row, column * 2 + 1)
            self.captions[field.key] = caption
            self.editors[field.key] = editor
            self._rows = first + row + 1


def card_frame(name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setProperty("card", True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 14, 16, 14)
    layout.setSpacing(8)
    return frame, layout


def sub_heading(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("heading", "card")
    return label


class MoreDetails(QFrame):
    """A card that opens and closes: its header button (``profile.moreDetails``, checkable)
    shows or hides ``content`` (``profile.moreContent``); ``summary`` says what is inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.moreCard")
        self.setProperty("card", True)
        self.toggle = QPushButton(icon("chevron-right"), "")
        self.toggle.setObjectName(f"{KEY}.moreDetails")
        self.toggle.setCheckable(True)
        set_kind(self.toggle, "quiet")
        self.toggle.setProperty("heading", "card")
        self.summary = QLabel()
        self.summary.setObjectName(f"{KEY}.moreSummary")
        self.summary.setWordWrap(True)
        set_tone(self.summary, "note")
        self.content = QWidget()
        self.content.setObjectName(f"{KEY}.moreContent")
        self.sections = QVBoxLayout(self.content)
        self.sections.setContentsMargins(8, 4, 0, 0)
        self.content.setVisible(False)
        heading = QHBoxLayout()
        heading.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        heading.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 16, 12)
        layout.addLayout(heading)
        layout.addWidget(self.content)
        self.toggle.toggled.connect(self.set_open)

    @property
    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_open(self, shown: bool) -> None:
        if self.toggle.isChecked() != shown:
            self.toggle.setChecked(shown)  # comes back here through toggled
            return
        self.toggle.setIcon(icon("chevron-down" if shown else "chevron-right"))
        self.content.setVisible(shown)
        self.summary.setVisible(not shown)


class SaveBar(QFrame):
    """Pinned under the page's scrolling content, shown while there are unsaved changes: the
    note (``profile.dirty``), Revert (``profile.revert``) and Save (``profile.save``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.saveBar")
        self.setProperty("card", True)
        self.dirty_label = QLabel()
        self.dirty_label.setObjectName(f"{KEY}.dirty")
        set_tone(self.dirty_label, "warning")
        self.revert_button = QPushButton(icon("undo-2"), "")
        self.revert_button.setObjectName(f"{KEY}.revert")
        self.save_button = QPushButton(icon("save", QPalette.ColorRole.HighlightedText), "")
        self.save_button.setObjectName(f"{KEY}.save")
        set_kind(self.save_button, "primary")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.dirty_label, 1)
        layout.addWidget(self.revert_button)
        layout.addWidget(self.save_button)

