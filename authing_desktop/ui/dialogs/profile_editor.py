"""Add or edit a connection profile: the local pool, or a remote pool's app host, app id, user
pool id and optional password-encryption public key; errors inline under each field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.profiles import LOCAL, REMOTE, ProfileForm
from authing_desktop.ui.widgets.field_row import FieldRow

KEY = "support.profileEditor"


class ProfileEditor(QDialog):
    """``form()`` is what was typed. Save asks ``validate`` (errors per field) and closes only
    when there are none; the errors show inline under their fields."""

    def __init__(self, form: ProfileForm | None = None, parent: QWidget | None = None, *,
                 validate: Callable[[ProfileForm], dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(KEY)
        self._validate = validate
        self.name = QLineEdit()
        self.name.setObjectName(f"{KEY}.name")
        self.kind = QComboBox()
        self.kind.setObjectName(f"{KEY}.kind")
        self.kind.addItem("", LOCAL)
        self.kind.addItem("", REMOTE)
        self.app_host = QLineEdit()
        self.app_host.setObjectName(f"{KEY}.appHost")
        self.app_id = QLineEdit()
        self.app_id.setObjectName(f"{KEY}.appId")
        self.user_pool_id = QLineEdit()
        self.user_pool_id.setObjectName(f"{KEY}.userPoolId")
        self.public_key = QPlainTextEdit()
        self.public_key.setObjectName(f"{KEY}.publicKey")
        self.public_key.setMaximumHeight(90)
        self.rows = {
            "name": FieldRow(KEY, "name", self.name),
            "kind": FieldRow(KEY, "kind", self.kind),
            "appHost": FieldRow(KEY, "appHost", self.app_host),
            "appId": FieldRow(KEY, "appId", self.app_id),
            "userPoolId": FieldRow(KEY, "userPoolId", self.user_pool_id),
            "publicKey": FieldRow(KEY, "publicKey", self.public_key),
        }
        self.captions = {field: QLabel() for field in self.rows}
        layout = QFormLayout()
        for field, row in self.rows.items():
            layout.addRow(self.captions[field], row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName(f"{KEY}.buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        main = QVBoxLayout(self)
        main.addLayout(layout)
        main.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        if form is not None:
            self.name.setText(form.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(form.kind)))
            self.app_host.setText(form.app_host)
            self.app_id.setText(form.app_id)
            self.user_pool_id.setText(form.user_pool_id)
            self.public_key.setPlainText(form.public_key)
        else:
            self.kind.setCurrentIndex(self.kind.findData(REMOTE))
        self.retranslate()
        self._kind_changed()

    def form(self) -> ProfileForm:
        return ProfileForm(
            name=self.name.text(), kind=str(self.kind.currentData()),
            app_host=self.app_host.text(), app_id=self.app_id.text(),
            user_pool_id=self.user_pool_id.text(), public_key=self.public_key.toPlainText())

    def accept(self) -> None:
        errors = self._validate(self.form()) if self._validate is not None else {}
        self.show_errors(errors)
        if not errors:
            super().accept()

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, row in self.rows.items():
            row.set_error(errors.get(field, ""))

    def _kind_changed(self) -> None:
        remote = self.kind.currentData() == REMOTE
        for field in ("appHost", "appId", "userPoolId", "publicKey"):
            self.rows[field].setEnabled(remote)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connection profile"))
        self.kind.setItemText(0, self.tr("Local pool (built in)"))
        self.kind.setItemText(1, self.tr("Remote Authing user pool"))
        texts = {
            "name": self.tr("Name"), "kind": self.tr("Kind"), "appHost": self.tr("App host"),
            "appId": self.tr("App ID"), "userPoolId": self.tr("User pool ID"),
            "publicKey": self.tr("Public key (optional)"),
        }
        for field, text in texts.items():
            self.captions[field].setText(text)
            self.rows[field].editor.setAccessibleName(text)
        self.app_host.setPlaceholderText("https://example.authing.cn")
        self.public_key.setPlaceholderText("-----BEGIN PUBLIC KEY-----")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
