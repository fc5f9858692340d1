"""The change-password fields (current, new with its strength meter, repeated), as the
Security page, the Security Checkup and "This wasn't me" show them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.password_field import PasswordField


class PasswordForm(QWidget):
    """``<prefix>.oldPassword`` / ``.newPassword`` / ``.confirmPassword`` in ``rows`` (keys
    "old", "new", "confirm") with their ``captions``; errors by those keys."""

    def __init__(self, prefix: str, strength: PasswordStrengthPresenter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.old = PasswordField(prefix, "oldPassword", "")
        self.new = PasswordField(prefix, "newPassword", "", strength)
        self.confirm = PasswordField(prefix, "confirmPassword", "")
        self.rows = {"old": FieldRow(prefix, "oldPassword", self.old),
                     "new": FieldRow(prefix, "newPassword", self.new),
                     "confirm": FieldRow(prefix, "confirmPassword", self.confirm)}
        self.captions = {key: QLabel() for key in self.rows}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for key, row in self.rows.items():
            form.addRow(self.captions[key], row)
        self.retranslate()

    def fields(self) -> tuple[PasswordField, PasswordField, PasswordField]:
        return self.old, self.new, self.confirm

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, row in self.rows.items():
            row.set_error(errors.get(key, ""))

    def set_has_password(self, has: bool) -> None:
        """Without a password there is no current one to ask."""
        self.rows["old"].setVisible(has)
        self.captions["old"].setVisible(has)

    def clear(self) -> None:
        for field in self.fields():
            field.setText("")

    def retranslate(self) -> None:
        texts = {"old": self.tr("Current password"), "new": self.tr("New password"),
                 "confirm": self.tr("Repeat the new password")}
        for (key, text), field in zip(texts.items(), self.fields(), strict=True):
            self.captions[key].setText(text)
            field.edit.setAccessibleName(text)
            field.retranslate()
