"""The Security page: the security score as a gauge, a checklist whose open items lead to the
page that fixes them, and changing the password (old password, strength meter, the pool's
policy verdict)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.security import (
    SECURITY_PAGE,
    SecurityOverview,
    SecurityPresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.account_base import AccountPage, section_title
from authing_desktop.ui.pages.registry import PageSpec, Section
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.password_field import PasswordField
from authing_desktop.ui.widgets.score_gauge import ScoreGauge

KEY = "security"
DONE_STYLE = "color: #2e7d32;"
OPEN_STYLE = "color: #c62828;"


def _page_exists(key: str) -> bool:
    from authing_desktop.ui.pages import PAGES  # the registry imports this module

    return any(spec.key == key for spec in PAGES)


class SecurityPage(AccountPage):
    """Security: score, checklist and password change."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.presenter = SecurityPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        self.strength = PasswordStrengthPresenter(services.connection, services.tasks,
                                                  parent=self)

        self.gauge = ScoreGauge(f"{KEY}.score")
        self.checklist_title = section_title(f"{KEY}.checklistTitle")
        self.checklist = QGridLayout()
        self.checklist.setColumnStretch(3, 1)
        self.check_rows: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}
        checklist_box = QVBoxLayout()
        checklist_box.addWidget(self.checklist_title)
        checklist_box.addLayout(self.checklist)
        checklist_box.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.gauge, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(16)
        top.addLayout(checklist_box, 1)
        self.body.addLayout(top)

        self.password_box = QGroupBox()
        self.password_box.setObjectName(f"{KEY}.passwordBox")
        self.old_password = PasswordField(KEY, "oldPassword", "")
        self.new_password = PasswordField(KEY, "newPassword", "", self.strength)
        self.confirm_password = PasswordField(KEY, "confirmPassword", "")
        self.rows = {"old": FieldRow(KEY, "oldPassword", self.old_password),
                     "new": FieldRow(KEY, "newPassword", self.new_password),
                     "confirm": FieldRow(KEY, "confirmPassword", self.confirm_password)}
        self.captions = {name: QLabel() for name in self.rows}
        form = QFormLayout()
        for name, row in self.rows.items():
            form.addRow(self.captions[name], row)
        self.change_button = QPushButton()
        self.change_button.setObjectName(f"{KEY}.changePassword")
        self.change_button.clicked.connect(self.change_password)
        for field in (self.old_password, self.new_password, self.confirm_password):
            field.edit.returnPressed.connect(self.change_password)
        box_layout = QVBoxLayout(self.password_box)
        box_layout.addLayout(form)
        box_layout.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignRight)
        self.body.addSpacing(12)
        self.body.addWidget(self.password_box)
        self.body.addStretch(1)

        self.presenter.overview_changed.connect(self._show_overview)
        self.presenter.field_errors_changed.connect(self._show_field_errors)
        self.presenter.password_changed.connect(self._password_changed)
        self.presenter.busy_changed.connect(lambda busy: self.change_button.setEnabled(not busy))
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()

    def change_password(self) -> None:
        if self.signed_in and not self.presenter.busy:
            self.presenter.change_password(self.old_password.text(), self.new_password.text(),
                                           self.confirm_password.text())

    def fix(self, target: str) -> None:
        """Go where an open checklist item is fixed."""
        if target == SECURITY_PAGE:
            field = self.old_password if self.presenter.has_password else self.new_password
            self.scroll_area.ensureWidgetVisible(self.password_box)
            field.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        show_page = getattr(self.window(), "show_page", None)
        if show_page is not None:
            show_page(target)

    def _fix_item(self, key: str) -> None:
        overview = self.presenter.overview
        item = next((i for i in overview.items if i.key == key), None) if overview else None
        if item is not None:
            self.fix(item.target)

    # ------------------------------------------------------------------ binding

    def _show_overview(self, overview: SecurityOverview) -> None:
        self.gauge.set_score(overview.score)
        for row, item in enumerate(overview.items):
            if item.key not in self.check_rows:
                mark, text, button = QLabel(), QLabel(), QPushButton()
                mark.setObjectName(f"{KEY}.check.{item.key}.state")
                text.setObjectName(f"{KEY}.check.{item.key}")
                button.setObjectName(f"{KEY}.fix.{item.key}")
                button.setFlat(True)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setStyleSheet("QPushButton { color: palette(link); text-align: left; }")
                button.clicked.connect(lambda _checked=False, k=item.key: self._fix_item(k))
                self.checklist.addWidget(mark, row, 0)
                self.checklist.addWidget(text, row, 1)
                self.checklist.addWidget(button, row, 2)
                self.check_rows[item.key] = (mark, text, button)
            mark, text, button = self.check_rows[item.key]
            mark.setText("✔" if item.done else "✘")
            mark.setStyleSheet(DONE_STYLE if item.done else OPEN_STYLE)
            title = QCoreApplication.translate("SecurityChecklist", item.title)
            advice = QCoreApplication.translate("SecurityChecklist", item.advice)
            state = self.tr("done") if item.done else self.tr("to do")
            text.setText(title)
            text.setAccessibleName(f"{title}: {state}")
            fixable = not item.done and (item.target == SECURITY_PAGE
                                         or _page_exists(item.target))
            button.setVisible(fixable)
            button.setText(advice + " →")
            button.setAccessibleName(advice)
            if not item.done and not fixable:
                text.setToolTip(self.tr("Not available in this version yet."))
        self.gauge.setAccessibleName(self.tr("Security score"))

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.set_error(errors.get(name, ""))

    def _password_changed(self) -> None:
        for field in (self.old_password, self.new_password, self.confirm_password):
            field.setText("")
        self.notify(self.tr("Your password was changed."))

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Security"),
                               self.tr("Sign in to see your security level and change your "
                                       "password."))
        self.gauge.caption = self.tr("of 100")
        self.gauge.setAccessibleName(self.tr("Security score"))
        self.checklist_title.setText(self.tr("Checklist"))
        self.password_box.setTitle(self.tr("Change password"))
        texts = {"old": self.tr("Current password"), "new": self.tr("New password"),
                 "confirm": self.tr("Repeat the new password")}
        fields = {"old": self.old_password, "new": self.new_password,
                  "confirm": self.confirm_password}
        for name, text in texts.items():
            self.captions[name].setText(text)
            fields[name].edit.setAccessibleName(text)
            fields[name].retranslate()
        self.change_button.setText(self.tr("Change password"))
        self.change_button.setAccessibleName(self.tr("Change the password"))
        if self.presenter.overview is not None:
            self._show_overview(self.presenter.overview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


PAGE = PageSpec(
    key=KEY,
    section=Section.ACCOUNT,
    title=lambda: QCoreApplication.translate("SecurityPage", "Security"),
    build=SecurityPage,
)
