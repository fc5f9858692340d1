"""The Profile page: a header card (photo you can change, name, account, verified badges), the
common fields in a card, the rest under "More details", the account's facts in words, linking
another account; Save (only what changed) and Revert pinned under the page while there are
unsaved changes, and a question before leaving with them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from authing_desktop.presenters.link_account import LinkAccountPresenter
from authing_desktop.presenters.profile import (
    COMMON_GROUP,
    FIELDS,
    FIELDS_BY_KEY,
    GENDERS,
    GROUPS,
    PHOTO,
    ProfileFacts,
    ProfileField,
    ProfilePresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.link_account_dialog import run_link_account
from authing_desktop.ui.dialogs.unsaved_changes import DISCARD, SAVE, ask_unsaved_changes
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import CONTENT_WIDTH, AccountPage
from authing_desktop.ui.pages.profile_cards import (
    FACTS,
    Editor,
    FieldGrid,
    MoreDetails,
    ProfileHeader,
    SaveBar,
    card_frame,
    name_value,
    sub_heading,
    value_label,
)
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.form_layout import chain_tab_order

KEY = "profile"
HINTS = {"date": "YYYY-MM-DD", "locale": "zh-CN", "zone": "Asia/Shanghai",
         "url": "https://"}


class ProfilePage(AccountPage):
    """Profile: your name, nickname, photo and other profile details, to view and edit."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = ProfilePresenter(services.session, services.tasks, services.avatars,
                                          parent=self)
        self.bind(self.presenter)
        self._saving = False
        self.editors: dict[str, Editor] = {}
        self.captions: dict[str, QLabel] = {}

        # ---- header: photo, name, account, verified badges
        self.header = ProfileHeader(services.tasks)
        self.avatar = self.header.avatar
        photo = self._editor(FIELDS_BY_KEY[PHOTO])
        assert isinstance(photo, QLineEdit)
        self.header.set_photo_editor(photo)
        self.editors[PHOTO] = photo
        self.captions[PHOTO] = self.header.photo_caption
        self.header.change_photo.toggled.connect(self._show_photo_row)
        self.body.addWidget(self.header)

        yield
        # ---- the common fields
        self.common_card, common_layout = card_frame(f"{KEY}.commonCard")
        self.common_title = sub_heading(f"{KEY}.commonCard.title")
        self.common_grid = FieldGrid(f"{KEY}.grid.{COMMON_GROUP}", self._editor)
        self.common_grid.add_section(self._fields(COMMON_GROUP))
        self._adopt_grid(self.common_grid)
        common_layout.addWidget(self.common_title)
        common_layout.addWidget(self.common_grid)
        self.body.addWidget(self.common_card)

        yield
        # ---- the rest, folded
        self.more = MoreDetails()
        self.group_titles: dict[str, QLabel] = {}
        more_grid = FieldGrid(f"{KEY}.grid.more", self._editor)
        for group in GROUPS:
            if group.key == COMMON_GROUP:
                continue
            title = sub_heading(f"{KEY}.group.{group.key}")
            self.group_titles[group.key] = title
            more_grid.add_section(self._fields(group.key), title)
            yield
        self._adopt_grid(more_grid)
        self.more.sections.addWidget(more_grid)
        self.body.addWidget(self.more)

        yield
        # ---- what the account is (read-only, in words)
        self.facts_card = Card(f"{KEY}.accountCard", icon="id-card")
        self.facts: dict[str, QLabel] = {}
        self.fact_labels: dict[str, QLabel] = {}
        facts_grid = QGridLayout()
        facts_grid.setHorizontalSpacing(12)
        for index, name in enumerate(FACTS):
            caption = QLabel()
            value = value_label(f"{KEY}.{name}")
            self.fact_labels[name] = caption
            self.facts[name] = value
            row, column = divmod(index, 2)
            facts_grid.addWidget(caption, row, column * 2)
            facts_grid.addWidget(value, row, column * 2 + 1)
        facts_grid.setColumnStretch(1, 1)
        facts_grid.setColumnStretch(3, 1)
        self.copy_id = QPushButton(icon("copy"), "")
        self.copy_id.setObjectName(f"{KEY}.copyUserId")
        self.copy_id.clicked.connect(self.copy_user_id)
        self.facts_card.body.addLayout(facts_grid)
        self.facts_card.add_action(self.copy_id)
        self.body.addWidget(self.facts_card)

        yield
        # ---- linked accounts
        self.link_card = Card(f"{KEY}.linkCard", icon="link")
        self.link_button = QPushButton()
        self.link_button.setObjectName(f"{KEY}.link")
        self.link_button.clicked.connect(self.open_link_dialog)
        self.link_card.add_action(self.link_button)
        self.body.addWidget(self.link_card)
        self.body.addStretch(1)
        self.link_presenter: LinkAccountPresenter | None = None

        yield
        # ---- save / revert, pinned under the scrolling content while there are changes
        self.save_bar = SaveBar()
        self.save_bar.setMaximumWidth(CONTENT_WIDTH)
        self.save_bar.setVisible(False)
        self.save_button = self.save_bar.save_button
        self.revert_button = self.save_bar.revert_button
        self.dirty_label = self.save_bar.dirty_label
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.presenter.revert)
        outer = self.layout()
        assert outer is not None
        outer.addWidget(self.save_bar)
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)

        order: list[QWidget] = [self.refresh_button, self.scroll_area, self.header.change_photo,
                                photo]
        order += [self.editors[f.key] for f in FIELDS if f.group == COMMON_GROUP
                  and f.key != PHOTO]
        order.append(self.more.toggle)
        order += [self.editors[f.key] for g in GROUPS if g.key != COMMON_GROUP
                  for f in FIELDS if f.group == g.key]
        order += [self.copy_id, self.link_button, self.revert_button, self.save_button]
        chain_tab_order(order)

        self.presenter.values_reset.connect(self._fill_editors)
        self.presenter.dirty_changed.connect(self._show_dirty)
        self.presenter.facts_changed.connect(self._show_facts)
        self.presenter.avatar_changed.connect(self.avatar.set_image_data)
        self.presenter.saved.connect(lambda _keys: self.notify(self.tr("Profile saved.")))
        self.presenter.busy_changed.connect(self._show_busy)
        self.presenter.error_changed.connect(self._open_for_error)
        self._fill_editors()
        self._show_dirty(False)
        self.retranslate()
        self._apply_state()

    @staticmethod
    def _fields(group: str) -> list[ProfileField]:
        return [f for f in FIELDS if f.group == group and f.key != PHOTO]

    def _adopt_grid(self, grid: FieldGrid) -> None:
        self.editors.update(grid.editors)
        self.captions.update(grid.captions)

    def _editor(self, field: ProfileField) -> Editor:
        key, kind = field.key, field.kind
        editor: Editor
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
            self._saving = True
            self.presenter.save()
            self._show_busy(self.presenter.busy)

    def copy_user_id(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self.presenter.facts.user_id and clipboard is not None:
            clipboard.setText(self.presenter.facts.user_id)
            self.notify(self.tr("User ID copied."))

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
        self.save_button.setEnabled(dirty and not self.presenter.busy)
        self.revert_button.setEnabled(dirty and not self.presenter.busy)
        self.save_bar.setVisible(dirty and self.signed_in)
        if dirty and not self.header.change_photo.isChecked() and PHOTO in \
                self.presenter.dirty_keys():
            self.header.change_photo.setChecked(True)  # an edited photo address stays in view

    def _show_busy(self, busy: bool) -> None:
        if not busy:
            self._saving = False
        saving = busy and self._saving
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))
        self._show_dirty(self.presenter.dirty)

    def _open_for_error(self, text: str) -> None:
        """A refused edit may be in a folded field: open "More details" so it can be seen."""
        folded = [k for k in self.presenter.dirty_keys()
                  if FIELDS_BY_KEY[k].group != COMMON_GROUP]
        if text and folded:
            self.more.set_open(True)

    def _show_photo_row(self, shown: bool) -> None:
        self.header.photo_row.setVisible(shown)
        if shown:
            self.editors[PHOTO].setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_state(self) -> None:
        super()._apply_state()
        if hasattr(self, "save_bar"):
            self.save_bar.setVisible(self.presenter.dirty and self.signed_in)

    def _show_facts(self, facts: ProfileFacts) -> None:
        dash = "—"
        template = self.tr("{label}: {value}")
        texts = self.presenter.fact_texts()
        for name, value in texts.items():
            name_value(self.facts[name], self.fact_labels[name].text(), value or dash, template)
        self.copy_id.setEnabled(bool(facts.user_id))
        header = self.header
        header.name_label.setText(facts.display_name or dash)
        header.name_label.setAccessibleName(template.format(
            label=self.tr("Name"), value=facts.display_name or dash))
        account = facts.account if facts.account != facts.display_name else ""
        header.account_label.setText(account)
        header.account_label.setVisible(bool(account))
        header.account_label.setAccessibleName(template.format(
            label=self.tr("Account"), value=account))
        for kind, value, verified in (("email", facts.email, facts.email_verified),
                                      ("phone", facts.phone, facts.phone_verified)):
            header.show_contact(kind, value, verified, self._contact_texts(kind, template))
        name = self.presenter.values.get("nickname") or self.presenter.values.get("name") \
            or facts.email or "?"
        self.avatar.set_initials(name)

    def _contact_texts(self, kind: str, template: str) -> dict[str, str]:
        if kind == "email":
            return {"caption": self.tr("Email"), "none": self.tr("No email address"),
                    "verified": self.tr("Verified"), "unverified": self.tr("Not verified"),
                    "template": template}
        return {"caption": self.tr("Phone"), "none": self.tr("No phone number"),
                "verified": self.tr("Verified"), "unverified": self.tr("Not verified"),
                "template": template}

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(
            self.tr("Profile"), self.tr("Sign in to see and edit your profile."),
            self.tr("How you appear to the apps you sign in to: your name, photo and details."))
        captions = {"userId": self.tr("User ID"), "createdAt": self.tr("Created"),
                    "lastLogin": self.tr("Last sign-in"), "loginsCount": self.tr("Sign-ins"),
                    "registerSource": self.tr("Signed up")}
        for name, caption in captions.items():
            self.fact_labels[name].setText(caption)
        self.facts_card.set_texts(self.tr("Account"))
        self.copy_id.setText(self.tr("Copy user ID"))
        self.copy_id.setAccessibleName(self.tr("Copy the user ID"))
        self.avatar.setAccessibleName(self.tr("Profile photo"))
        self.header.change_photo.setText(self.tr("Change photo"))
        self.header.change_photo.setAccessibleName(self.tr("Change the profile photo"))
        self.header.change_photo.setToolTip(self.tr(
            "Enter the web address of a picture, then Save"))
        self.common_title.setText(QCoreApplication.translate(
            "ProfileFields", next(g.title for g in GROUPS if g.key == COMMON_GROUP)))
        for key, title in self.group_titles.items():
            title.setText(QCoreApplication.translate(
                "ProfileFields", next(g.title for g in GROUPS if g.key == key)))
        self.more.toggle.setText(self.tr("More details"))
        self.more.toggle.setAccessibleName(self.tr("More details"))
        self.more.toggle.setToolTip(self.tr("Show or hide the other profile fields"))
        self.more.summary.setText(self.tr(
            "Other names, address, language and region, device"))
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
        self.save_button.setAccessibleName(self.tr("Save the changed fields"))
        self.save_button.setToolTip(self.tr("Send only the fields you changed (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))
        self.revert_button.setAccessibleName(self.tr("Undo the unsaved changes"))
        self.dirty_label.setText(self.tr("You have unsaved changes."))
        self.link_card.set_texts(self.tr("Linked accounts"), self.tr(
            "Have a second account in this user pool? Merge it into this one."))
        self.link_button.setText(self.tr("Link another account…"))
        self.link_button.setAccessibleName(self.tr("Link another account"))
        self._show_busy(self.presenter.busy)
        if self.presenter.loaded:
            self._show_facts(self.presenter.facts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
