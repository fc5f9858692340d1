"""The Support page's "Local pool" tab (``support.localPool*`` widgets): the pool's settings in
words, applying a scenario file, and creating a user in a given state (docs/scenarios.md). The
Support page shows the tab only while the active profile is the local pool."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.local_pool import LocalPoolPresenter, SettingRow, UserForm
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.folders import documents_folder
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import CONTENT_WIDTH, show_text, status_label
from authing_desktop.ui.pages.support_widgets import KEY, presenter_busy_bar
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.password_field import PasswordField

NAME = f"{KEY}.localPool"


def _edit(field: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(f"{NAME}{field}")
    return edit


def _check(field: str) -> QCheckBox:
    box = QCheckBox()
    box.setObjectName(f"{NAME}{field}")
    return box


class LocalPoolTab(QWidget):
    """Settings, scenario and new-user cards over one message place."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self.presenter = LocalPoolPresenter(services.local_pool_admin, services.tasks,
                                            parent=self)
        self.file_dialog: QFileDialog | None = None
        self._loaded = False

        self.purpose = QLabel()
        self.purpose.setObjectName(f"{NAME}Purpose")
        self.purpose.setWordWrap(True)
        set_tone(self.purpose, "note")
        self.purpose.setContentsMargins(6, 0, 6, 0)  # off the tab frame, like the cards' text
        self.error = status_label(f"{NAME}Error", "error")
        self.notice = status_label(f"{NAME}Notice", "ok")

        self.settings_card = Card(f"{NAME}SettingsCard", icon="settings")
        self.settings_grid = QGridLayout()
        self.settings_grid.setHorizontalSpacing(24)
        self.settings_grid.setVerticalSpacing(6)
        self.settings_grid.setColumnStretch(1, 1)
        self.settings_card.body.addLayout(self.settings_grid)
        self.setting_labels: list[QLabel] = []
        self.settings_empty = QLabel()
        self.settings_empty.setObjectName(f"{NAME}SettingsEmpty")
        set_tone(self.settings_empty, "note")
        self.settings_card.body.addWidget(self.settings_empty)
        self.refresh_button = QPushButton(icon("refresh-cw"), "")
        self.refresh_button.setObjectName(f"{NAME}Refresh")
        set_kind(self.refresh_button, "quiet")
        self.settings_card.add_action(self.refresh_button)

        self.scenario_card = Card(f"{NAME}ScenarioCard", icon="file-text")
        self.scenario_label = QLabel()
        self.scenario_file = _edit("ScenarioFile")
        self.scenario_label.setBuddy(self.scenario_file)
        self.browse = QPushButton(icon("search"), "")
        self.browse.setObjectName(f"{NAME}Browse")
        row = QHBoxLayout()
        row.addWidget(self.scenario_label)
        row.addWidget(self.scenario_file, 1)
        row.addWidget(self.browse)
        self.scenario_card.body.addLayout(row)
        self.apply_button = QPushButton(icon("play", QPalette.ColorRole.HighlightedText), "")
        self.apply_button.setObjectName(f"{NAME}Apply")
        set_kind(self.apply_button, "primary")
        self.scenario_card.add_action(self.apply_button)

        self.user_card = Card(f"{NAME}UserCard", icon="user-plus")
        self.email = _edit("Email")
        self.phone = _edit("Phone")
        self.username = _edit("Username")
        self.password = PasswordField(KEY, "localPoolPassword", "")
        self.totp_secret = _edit("TotpSecret")
        self.user_labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, editor in zip(self.user_labels, (self.email, self.phone, self.username,
                                                    self.password.edit, self.totp_secret),
                                 strict=True):
            label.setBuddy(editor)
            form.addRow(label, self.password if editor is self.password.edit else editor)
        self.user_card.body.addLayout(form)
        self.email_verified = _check("EmailVerified")
        self.phone_verified = _check("PhoneVerified")
        self.first_login_reset = _check("FirstLoginReset")
        self.forced_reset = _check("ForcedReset")
        self.blocked = _check("Blocked")
        self.state_boxes = (self.email_verified, self.phone_verified, self.first_login_reset,
                            self.forced_reset, self.blocked)
        states = QGridLayout()
        states.setHorizontalSpacing(24)
        for number, box in enumerate(self.state_boxes):
            states.addWidget(box, number // 2, number % 2)
        self.user_card.body.addLayout(states)
        self.create_button = QPushButton(icon("user-plus", QPalette.ColorRole.HighlightedText), "")
        self.create_button.setObjectName(f"{NAME}Create")
        set_kind(self.create_button, "primary")
        self.user_card.add_action(self.create_button)

        content = QWidget()
        content.setObjectName(f"{NAME}Content")
        content.setMaximumWidth(CONTENT_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(12)
        for card in (self.settings_card, self.scenario_card, self.user_card):
            column.addWidget(card)
        column.addStretch(1)
        holder = QWidget()
        centring = QHBoxLayout(holder)
        centring.setContentsMargins(0, 0, 0, 0)
        centring.addWidget(content, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName(f"{NAME}Scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.purpose)
        layout.addWidget(presenter_busy_bar("localPoolBusy", self.presenter))
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.scroll_area, 1)

        self.refresh_button.clicked.connect(self.presenter.refresh)
        self.browse.clicked.connect(self.pick_file)
        self.apply_button.clicked.connect(self.apply_scenario)
        self.scenario_file.returnPressed.connect(self.apply_scenario)
        self.create_button.clicked.connect(self.create_user)
        self.presenter.settings_changed.connect(self._show_settings)
        self.presenter.error_changed.connect(lambda text: show_text(self.error, text))
        self.presenter.notice_changed.connect(lambda text: show_text(self.notice, text))
        self.presenter.busy_changed.connect(self._show_busy)
        self.presenter.user_created.connect(self._clear_form)
        self.retranslate()

    # ------------------------------------------------------------------ actions

    def pick_file(self) -> None:
        typed = self.scenario_file.text().strip()
        start = str(Path(typed).parent) if typed and Path(typed).parent.is_dir() \
            else documents_folder()
        dialog = QFileDialog(self, self.tr("Apply which scenario?"), start,
                             self.tr("Scenario files (*.toml *.json)"))
        dialog.setObjectName(f"{NAME}FileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.scenario_file.setText)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def apply_scenario(self) -> None:
        self.presenter.apply_file(self.scenario_file.text())

    def create_user(self) -> None:
        self.presenter.create_user(UserForm(
            email=self.email.text(), phone=self.phone.text(), username=self.username.text(),
            password=self.password.text(), email_verified=self.email_verified.isChecked(),
            phone_verified=self.phone_verified.isChecked(),
            reset_on_first_login=self.first_login_reset.isChecked(),
            reset_on_next_login=self.forced_reset.isChecked(),
            blocked=self.blocked.isChecked(), totp_secret=self.totp_secret.text()))

    def _clear_form(self) -> None:
        for edit in (self.email, self.phone, self.username, self.totp_secret):
            edit.clear()
        self.password.setText("")
        for box in self.state_boxes:
            box.setChecked(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded and self.presenter.available:
            self._loaded = True
            self.presenter.refresh()

    # ------------------------------------------------------------------ binding

    def _show_settings(self, rows: list[SettingRow]) -> None:
        for old in self.setting_labels:
            self.settings_grid.removeWidget(old)
            old.deleteLater()
        self.setting_labels = []
        for number, row in enumerate(rows):
            label = QLabel(row.label)
            value = QLabel(row.value)
            value.setObjectName(f"{NAME}Setting.{row.key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(f"{row.label}: {row.value}")
            self.settings_grid.addWidget(label, number, 0, Qt.AlignmentFlag.AlignTop)
            self.settings_grid.addWidget(value, number, 1, Qt.AlignmentFlag.AlignTop)
            self.setting_labels += [label, value]
        self.settings_empty.setVisible(not rows)

    def _show_busy(self, busy: bool) -> None:
        action = self.presenter.action if busy else ""
        self.apply_button.setText(self.tr("Applying…") if action == "apply" else self.tr("Apply"))
        self.create_button.setText(self.tr("Creating…") if action == "create"
                            else self.tr("Create user"))
        for button in (self.apply_button, self.create_button, self.refresh_button, self.browse):
            button.setEnabled(not busy)

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.purpose.setText(self.tr(
            "Set the local pool up the way an Authing admin would, to reproduce what a user "
            "meets: see its settings, apply a scenario file, or create a user in a given "
            "state."))
        self.settings_card.set_texts(self.tr("Pool settings"), self.tr(
            "What the local pool's admin settings make users meet. A scenario file changes "
            "them."))
        self.settings_empty.setText(self.tr("The settings appear once the local pool answers."))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setIconSize(QSize(16, 16))
        self.refresh_button.setAccessibleName(self.tr("Read the pool settings again"))
        self.scenario_card.set_texts(self.tr("Apply a scenario"), self.tr(
            "A scenario file (TOML or JSON) describes custom fields, roles, departments, "
            "applications, settings and users in their states. It is checked first and "
            "applied whole, or not at all."))
        self.scenario_label.setText(self.tr("File"))
        self.scenario_file.setAccessibleName(self.tr("Scenario file"))
        self.scenario_file.setPlaceholderText(self.tr("forced-reset.toml"))
        self.browse.setText(self.tr("Browse…"))
        self.browse.setAccessibleName(self.tr("Choose the scenario file"))
        self.apply_button.setAccessibleName(self.tr("Apply the scenario"))
        self.user_card.set_texts(self.tr("Create a user"), self.tr(
            "A user in the state you pick, for example one who must change the password at "
            "the next sign-in. An email, a phone number or a username is required."))
        for label, text in zip(self.user_labels, (
                self.tr("Email"), self.tr("Phone"), self.tr("Username"), self.tr("Password"),
                self.tr("Authenticator secret")), strict=True):
            label.setText(text)
        for edit, name in ((self.email, self.tr("Email of the new user")),
                           (self.phone, self.tr("Phone number of the new user")),
                           (self.username, self.tr("Username of the new user")),
                           (self.password.edit, self.tr("Password of the new user")),
                           (self.totp_secret, self.tr(
                               "Authenticator secret of the new user (base32)"))):
            edit.setAccessibleName(name)
        self.totp_secret.setPlaceholderText(self.tr("Optional: turns two-step sign-in on"))
        for box, text in ((self.email_verified, self.tr("Email is verified")),
                          (self.phone_verified, self.tr("Phone number is verified")),
                          (self.first_login_reset,
                           self.tr("Must set a new password at the first sign-in")),
                          (self.forced_reset,
                           self.tr("Must change the password at the next sign-in")),
                          (self.blocked, self.tr("Blocked: cannot sign in"))):
            box.setText(text)
            box.setAccessibleName(text)
        self.create_button.setAccessibleName(self.tr("Create the user"))
        self.password.retranslate()
        self.scroll_area.setAccessibleName(self.tr("Local pool"))
        self._show_busy(self.presenter.busy)
        self.presenter.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
