"""The Profile page: avatar and read-only facts, every editable field in groups, Save (only
what changed) and Revert, a question before leaving with unsaved edits, and linking another
account."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.link_account import LinkAccountPresenter
from authing_desktop.presenters.profile import (
    FIELDS,
    GENDERS,
    GROUPS,
    ProfileFacts,
    ProfilePresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.link_account_dialog import run_link_account
from authing_desktop.ui.dialogs.unsaved_changes import DISCARD, SAVE, ask_unsaved_changes
from authing_desktop.ui.pages.account_base import AccountPage, section_title
from authing_desktop.ui.widgets.avatar_view import AvatarView

KEY = "profile"
HINTS = {"date": "YYYY-MM-DD", "locale": "zh-CN", "zone": "Asia/Shanghai",
         "url": "https://"}


class ProfilePage(AccountPage):
    """Profile: your name, nickname, photo and other profile details, to view and edit."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.presenter = ProfilePresenter(services.session, services.tasks, services.avatars,
                                          parent=self)
        self.bind(self.presenter)

        # ---- avatar and facts
        self.avatar = AvatarView(f"{KEY}.avatar", services.tasks)
        self.facts: dict[str, QLabel] = {}
        self.fact_labels: dict[str, QLabel] = {}
        facts_grid = QGridLayout()
        for row, name in enumerate(("userId", "email", "phone", "createdAt", "lastLogin",
                                    "loginsCount", "registerSource")):
            caption = QLabel()
            value = QLabel()
            value.setObjectName(f"{KEY}.{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[name] = caption
            self.facts[name] = value
            facts_grid.addWidget(caption, row // 2, (row % 2) * 2)
            facts_grid.addWidget(value, row // 2, (row % 2) * 2 + 1)
        facts_grid.setColumnStretch(1, 1)
        facts_grid.setColumnStretch(3, 1)
        top = QHBoxLayout()
        top.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(facts_grid, 1)
        self.body.addLayout(top)

        # ---- editable fields, grouped
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        self.groups: dict[str, QGroupBox] = {}
        columns = QGridLayout()
        for index, group in enumerate(GROUPS):
            box = QGroupBox()
            box.setObjectName(f"{KEY}.group.{group.key}")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in (f for f in FIELDS if f.group == group.key):
                editor = self._editor(field.key, field.kind)
                caption = QLabel()
                caption.setBuddy(editor)
                self.captions[field.key] = caption
                self.editors[field.key] = editor
                form.addRow(caption, editor)
            self.groups[group.key] = box
            columns.addWidget(box, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(columns)

        # ---- save / revert
        self.save_button = QPushButton()
        self.save_button.setObjectName(f"{KEY}.save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.setObjectName(f"{KEY}.revert")
        self.revert_button.clicked.connect(self.presenter.revert)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)
        self.dirty_label = QLabel()
        self.dirty_label.setObjectName(f"{KEY}.dirty")
        actions = QHBoxLayout()
        actions.addWidget(self.dirty_label)
        actions.addStretch(1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)
        self.body.addLayout(actions)

        # ---- linked accounts
        self.link_title = section_title(f"{KEY}.linkTitle")
        self.link_text = QLabel()
        self.link_text.setObjectName(f"{KEY}.linkText")
        self.link_text.setWordWrap(True)
        self.link_button = QPushButton()
        self.link_button.setObjectName(f"{KEY}.link")
        self.link_button.clicked.connect(self.open_link_dialog)
        link_box = QVBoxLayout()
        link_box.addWidget(self.link_title)
        link_box.addWidget(self.link_text)
        link_box.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addSpacing(12)
        self.body.addLayout(link_box)
        self.body.addStretch(1)
        self.link_presenter: LinkAccountPresenter | None = None

        self.presenter.values_reset.connect(self._fill_editors)
        self.presenter.dirty_changed.connect(self._show_dirty)
        self.presenter.facts_changed.connect(self._show_facts)
        self.presenter.avatar_changed.connect(self.avatar.set_image_data)
        self.presenter.saved.connect(lambda _keys: self.notify(self.tr("Profile saved.")))
        self._fill_editors()
        self._show_dirty(False)
        self.retranslate()
        self._apply_state()

    def _editor(self, key: str, kind: str) -> QLineEdit | QComboBox:
        editor: QLineEdit | QComboBox
        if kind == "gender":
            combo = QComboBox()
            for code in GENDERS:
                combo.addItem("", code)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, k=key: self.presenter.set_value(k, str(c.currentData())))
            combo.view().setObjectName(f"{KEY}.{key}List")
            editor = combo
        else:
            line = QLineEdit()
            line.setPlaceholderText(HINTS.get(kind, ""))
            line.textEdited.connect(lambda text, k=key: self.presenter.set_value(k, text))
            line.returnPressed.connect(self.save)
            editor = line
        editor.setObjectName(f"{KEY}.{key}")
        return editor

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()

    def save(self) -> None:
        if self.signed_in and not self.presenter.busy:
            self.presenter.save()

    def may_leave(self, target: str) -> bool:
        """False while there are unsaved edits: asks, then shows ``target`` itself."""
        if not self.signed_in or not self.presenter.dirty:
            return True
        if not self.services.tasks.closed:
            self.services.tasks.start(self._ask_and_leave(target), name="profile.leave")
        return False

    async def _ask_and_leave(self, target: str) -> None:
        answer = await ask_unsaved_changes(self, KEY)
        if answer == SAVE:
            await self.presenter.save()
            if self.presenter.dirty:  # not saved (invalid input, refused): stay
                return
        elif answer == DISCARD:
            self.presenter.revert()
        else:
            return
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is not None:
            show_page(target)

    def open_link_dialog(self) -> None:
        if not self.signed_in or self.services.tasks.closed:
            return
        self.link_presenter = LinkAccountPresenter(self.session, self.services.tasks,
                                                   parent=self)
        self.services.tasks.start(self._link(self.link_presenter), name="profile.link")

    async def _link(self, presenter: LinkAccountPresenter) -> None:
        if await run_link_account(presenter, self):
            self.notify(self.tr("The accounts are linked."))

    # ------------------------------------------------------------------ binding

    def _fill_editors(self) -> None:
        for key, editor in self.editors.items():
            value = self.presenter.values[key]
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                index = editor.findData(value)
                editor.setCurrentIndex(index if index >= 0 else 0)
            elif editor.text() != value:
                editor.setText(value)
                editor.setCursorPosition(0)
            editor.blockSignals(False)

    def _show_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.dirty_label.setText(self.tr("Unsaved changes") if dirty else "")

    def _show_facts(self, facts: ProfileFacts) -> None:
        dash = "—"
        count = "" if facts.logins_count is None else str(facts.logins_count)
        values = {"userId": facts.user_id, "email": facts.email, "phone": facts.phone,
                  "createdAt": facts.created_at, "lastLogin": facts.last_login,
                  "loginsCount": count, "registerSource": ", ".join(facts.register_source)}
        for name, value in values.items():
            self.facts[name].setText(value or dash)
        name = self.presenter.values.get("nickname") or self.presenter.values.get("name") \
            or facts.email or "?"
        self.avatar.set_initials(name)

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Profile"),
                               self.tr("Sign in to see and edit your profile."))
        # A fixed size (room for the text): the first edit shows the note without laying out
        # the whole page again (a label that changes size relayouts every row above it).
        metrics = self.dirty_label.fontMetrics()
        self.dirty_label.setFixedSize(
            metrics.horizontalAdvance(self.tr("Unsaved changes")) + 8, metrics.height() + 4)
        captions = {"userId": self.tr("User ID"), "email": self.tr("Email"),
                    "phone": self.tr("Phone"), "createdAt": self.tr("Created"),
                    "lastLogin": self.tr("Last sign-in"), "loginsCount": self.tr("Sign-ins"),
                    "registerSource": self.tr("Signed up through")}
        for name, caption in captions.items():
            self.fact_labels[name].setText(caption)
            self.facts[name].setAccessibleName(caption)
        self.avatar.setAccessibleName(self.tr("Profile photo"))
        for group in GROUPS:
            self.groups[group.key].setTitle(
                QCoreApplication.translate("ProfileFields", group.title))
        for field in FIELDS:
            label = QCoreApplication.translate("ProfileFields", field.label)
            self.captions[field.key].setText(label)
            self.editors[field.key].setAccessibleName(label)
        genders = {"": self.tr("Not set"), "M": self.tr("Male"), "F": self.tr("Female"),
                   "U": self.tr("Not specified")}
        gender = self.editors["gender"]
        if isinstance(gender, QComboBox):
            for row in range(gender.count()):
                gender.setItemText(row, genders[str(gender.itemData(row))])
            gender.view().setAccessibleName(self.tr("Genders"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the changed fields"))
        self.save_button.setToolTip(self.tr("Send only the fields you changed (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setAccessibleName(self.tr("Undo the unsaved changes"))
        self.link_title.setText(self.tr("Linked accounts"))
        self.link_text.setText(self.tr(
            "Have a second account in this user pool? Merge it into this one."))
        self.link_button.setText(self.tr("Link another account…"))
        self.link_button.setAccessibleName(self.tr("Link another account"))
        self._show_dirty(self.presenter.dirty)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
