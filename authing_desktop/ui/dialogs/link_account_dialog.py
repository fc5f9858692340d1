"""Link another account into the signed-in one: sign in to it here, read the warning, link.

Opened with ``open()`` and awaited through `run_link_account` (never ``exec()``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.link_account import (
    CONFIRM,
    EMAIL,
    LINKED,
    PHONE,
    USERNAME,
    LinkAccountPresenter,
)
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.theme import set_callout, set_tone
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import busy_bar
from authing_desktop.ui.widgets.password_field import PasswordField

KEY = "linkAccount"


class LinkAccountDialog(QDialog):
    """Three stages: sign in to the other account, confirm (with the data-loss warning), done."""

    def __init__(self, presenter: LinkAccountPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)

        self.intro = QLabel()
        self.intro.setObjectName(f"{KEY}.intro")
        self.intro.setWordWrap(True)
        self.method = QComboBox()
        self.method.setObjectName(f"{KEY}.method")
        self.method.view().setObjectName(f"{KEY}.methodList")
        for method in (EMAIL, USERNAME, PHONE):
            self.method.addItem("", method)
        self.account = QLineEdit()
        self.account.setObjectName(f"{KEY}.account")
        self.account_row = FieldRow(KEY, "account", self.account)
        self.password = PasswordField(KEY, "password", "")
        self.password_row = FieldRow(KEY, "password", self.password)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName(f"{KEY}.signIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.form = QFormLayout()
        self.method_label = QLabel()
        self.account_label = QLabel()
        self.password_label = QLabel()
        self.form.addRow(self.method_label, self.method)
        self.form.addRow(self.account_label, self.account_row)
        self.form.addRow(self.password_label, self.password_row)
        sign_in_page = QWidget()
        sign_in_layout = QVBoxLayout(sign_in_page)
        sign_in_layout.addWidget(self.intro)
        sign_in_layout.addLayout(self.form)
        sign_in_layout.addWidget(self.sign_in_button, 0, Qt.AlignmentFlag.AlignRight)

        self.summary = QLabel()
        self.summary.setObjectName(f"{KEY}.summary")
        self.summary.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName(f"{KEY}.warning")
        self.warning.setWordWrap(True)
        set_callout(self.warning, "warning")
        self.back_button = QPushButton()
        self.back_button.setObjectName(f"{KEY}.back")
        self.back_button.clicked.connect(presenter.back)
        self.link_button = QPushButton()
        self.link_button.setObjectName(f"{KEY}.link")
        self.link_button.clicked.connect(self._link)
        confirm_page = QWidget()
        confirm_layout = QVBoxLayout(confirm_page)
        confirm_layout.addWidget(self.summary)
        confirm_layout.addWidget(self.warning)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addStretch(1)
        confirm_buttons.addWidget(self.back_button)
        confirm_buttons.addWidget(self.link_button)
        confirm_layout.addLayout(confirm_buttons)
        confirm_layout.addStretch(1)

        self.done_label = QLabel()
        self.done_label.setObjectName(f"{KEY}.done")
        self.done_label.setWordWrap(True)
        done_page = QWidget()
        QVBoxLayout(done_page).addWidget(self.done_label)

        self.stages = QStackedWidget()
        self.stages.setObjectName(f"{KEY}.stages")
        self.stages.addWidget(sign_in_page)
        self.stages.addWidget(confirm_page)
        self.stages.addWidget(done_page)

        self.busy = busy_bar(f"{KEY}.busy")
        self.error = QLabel()
        self.error.setObjectName(f"{KEY}.error")
        self.error.setWordWrap(True)
        set_tone(self.error, "error")
        self.error.setVisible(False)
        self.detail = QLabel()
        self.detail.setObjectName(f"{KEY}.errorDetail")
        self.detail.setWordWrap(True)
        self.detail.setVisible(False)
        self.close_button = QPushButton()
        self.close_button.setObjectName(f"{KEY}.close")
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stages)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.detail)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)

        presenter.stage_changed.connect(self._show_stage)
        presenter.busy_changed.connect(self._busy)
        presenter.error_changed.connect(lambda text: _show(self.error, text))
        presenter.detail_changed.connect(
            lambda text: _show(self.detail, self.tr("Server says: {text}").format(text=text)
                               if text and text != presenter.error else ""))
        presenter.field_errors_changed.connect(self._field_errors)
        self.method.currentIndexChanged.connect(lambda _i: self._retranslate_account())
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Link another account"))
        self.intro.setText(self.tr(
            "Sign in to the account you want to merge into the one you are signed in with."))
        texts = {EMAIL: self.tr("Email and password"), USERNAME: self.tr("Username and password"),
                 PHONE: self.tr("Phone number and password")}
        for row in range(self.method.count()):
            self.method.setItemText(row, texts[str(self.method.itemData(row))])
        self.method.setAccessibleName(self.tr("Sign-in method of the other account"))
        self.method.view().setAccessibleName(self.tr("Sign-in methods"))
        self.method_label.setText(self.tr("Sign in with"))
        self.password_label.setText(self.tr("Password"))
        self.password.edit.setAccessibleName(self.tr("Password of the other account"))
        self.password.retranslate()
        self.sign_in_button.setText(self.tr("Sign in to the other account"))
        self.sign_in_button.setAccessibleName(self.sign_in_button.text())
        self.warning.setText(self.tr(
            "Warning: linking merges the other account into this one. The other account's "
            "own profile, custom data, roles and sign-in methods are not kept, and it can no "
            "longer be used on its own. This cannot be undone."))
        self.back_button.setText(self.tr("Use another account"))
        self.back_button.setAccessibleName(self.back_button.text())
        self.link_button.setText(self.tr("Link the accounts"))
        self.link_button.setAccessibleName(self.link_button.text())
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close this dialog"))
        self.done_label.setText(self.tr("The accounts are linked."))
        self._retranslate_account()

    def _retranslate_account(self) -> None:
        method = self.method.currentData()
        label = {EMAIL: self.tr("Email"), USERNAME: self.tr("Username"),
                 PHONE: self.tr("Phone number")}.get(str(method), "")
        self.account_label.setText(label)
        self.account.setAccessibleName(label)

    def _sign_in(self) -> None:
        if self.presenter.busy:
            return
        self.presenter.sign_in(str(self.method.currentData()), self.account.text(),
                               self.password.text())

    def _link(self) -> None:
        if not self.presenter.busy:
            self.presenter.link()

    def _show_stage(self, stage: str) -> None:
        index = {CONFIRM: 1, LINKED: 2}.get(stage, 0)
        self.stages.setCurrentIndex(index)
        user = self.presenter.secondary
        if stage == CONFIRM and user is not None:
            name = user.username or user.email or user.phone or user.id
            self.summary.setText(self.tr("Signed in as {name}. Link it into your account?")
                                 .format(name=name))
            self.link_button.setFocus()
        if stage == LINKED:
            self.close_button.setFocus()
        else:
            self.password.setText("")

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.sign_in_button.setEnabled(not busy)
        self.link_button.setEnabled(not busy)

    def _field_errors(self, errors: dict[str, str]) -> None:
        self.account_row.set_error(errors.get("account", ""))
        self.password_row.set_error(errors.get("password", ""))


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


async def run_link_account(presenter: LinkAccountPresenter, parent: QWidget | None) -> bool:
    """Show the dialog until it is closed; True when the accounts were linked."""
    dialog = LinkAccountDialog(presenter, parent)
    try:
        await open_and_wait(dialog)
        return presenter.stage == LINKED
    finally:
        await presenter.close()
