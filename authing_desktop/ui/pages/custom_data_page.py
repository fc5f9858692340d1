"""The Custom data page: a list of every field the pool defines (its label and your value)
beside a card that edits the selected one with a typed editor per data type (text, number,
yes/no, date and time): set and remove.

When the pool will not list its definitions (a cloud pool may refuse that to end users), only
fields with a value are listed and another field is added by typing its key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QDateTime, QEvent, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from authing_desktop.presenters.custom_data import (
    BOOLEAN,
    DATETIME,
    EDITABLE_TYPES,
    NUMBER,
    SELECT,
    STRING,
    CustomDataPresenter,
    CustomField,
    display_text,
    editor_type,
)
from authing_desktop.presenters.wording import local_date_time
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.account_base import AccountPage
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.field_row import FieldRow

KEY = "customData"
ROW_HEIGHT = 30  # list rows with room to read and click


class CustomDataPage(AccountPage):
    """Custom data: extra fields your organization keeps on your account."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = CustomDataPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)

        self.hint = QLabel()
        self.hint.setObjectName(f"{KEY}.hint")
        self.hint.setWordWrap(True)
        set_tone(self.hint, "note")
        self.fields = QTreeWidget()
        self.fields.setObjectName(f"{KEY}.fields")
        self.fields.setRootIsDecorated(False)
        self.fields.setColumnCount(2)
        self.fields.setUniformRowHeights(True)
        self.fields.setAlternatingRowColors(True)
        self.fields.setMinimumHeight(200)
        self.fields.header().setObjectName(f"{KEY}.fieldsHeader")
        # The name column fits its longest label, the value takes the rest: nothing clipped.
        self.fields.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.fields.header().setStretchLastSection(True)
        self.fields.currentItemChanged.connect(lambda item, _prev: self._edit(item))

        yield
        self.editor_box = Card(f"{KEY}.editor", icon="pencil")
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName(f"{KEY}.key")
        self.key_row = FieldRow(KEY, "key", self.key_edit)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName(f"{KEY}.type")
        self.type_combo.view().setObjectName(f"{KEY}.typeList")
        for data_type in EDITABLE_TYPES:
            self.type_combo.addItem("", data_type)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._show_editor())
        self.string_value = QLineEdit()
        self.string_value.setObjectName(f"{KEY}.stringValue")
        self.number_value = QLineEdit()
        self.number_value.setObjectName(f"{KEY}.numberValue")
        self.boolean_value = QCheckBox()
        self.boolean_value.setObjectName(f"{KEY}.booleanValue")
        self.datetime_value = QDateTimeEdit(QDateTime.currentDateTime())
        self.datetime_value.setObjectName(f"{KEY}.datetimeValue")
        self.datetime_value.setCalendarPopup(True)
        self.value_stack = QStackedWidget()
        self.value_stack.setObjectName(f"{KEY}.valueEditor")
        self.value_editors = {STRING: self.string_value, NUMBER: self.number_value,
                              BOOLEAN: self.boolean_value, DATETIME: self.datetime_value}
        for editor in self.value_editors.values():
            self.value_stack.addWidget(editor)
        self.value_row = FieldRow(KEY, "value", self.value_stack)
        for edit in (self.key_edit, self.string_value, self.number_value):
            edit.returnPressed.connect(self.set_value)

        yield
        self.key_caption, self.type_caption, self.value_caption = QLabel(), QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.key_caption, self.key_row)
        form.addRow(self.type_caption, self.type_combo)
        form.addRow(self.value_caption, self.value_row)
        self.new_button = QPushButton()
        self.new_button.setObjectName(f"{KEY}.new")
        self.new_button.clicked.connect(self.new_field)
        set_kind(self.new_button, "quiet")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName(f"{KEY}.remove")
        set_kind(self.remove_button, "danger")
        self.remove_button.clicked.connect(self.remove_value)
        self.set_button = QPushButton()
        self.set_button.setObjectName(f"{KEY}.set")
        set_kind(self.set_button, "primary")
        self.set_button.clicked.connect(self.set_value)
        self.editor_box.body.addLayout(form)
        self.editor_box.action_row.insertWidget(0, self.new_button)
        self.editor_box.add_action(self.remove_button)
        self.editor_box.add_action(self.set_button)

        yield
        # The list and the editor side by side: the list stays short (name and value).
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addWidget(self.fields, 2)
        columns.addWidget(self.editor_box, 3, Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(self.hint)
        self.body.addLayout(columns)
        self.body.addStretch(1)

        self.presenter.fields_changed.connect(self._show_fields)
        self.presenter.field_errors_changed.connect(self._show_field_errors)
        self.presenter.saved.connect(self._saved)
        self.presenter.removed.connect(self._removed)
        self.presenter.busy_changed.connect(self._busy)
        self._show_editor()
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()

    def new_field(self) -> None:
        self.fields.setCurrentItem(None)  # type: ignore[call-overload]
        self.key_edit.clear()
        self.key_edit.setReadOnly(False)
        self.type_combo.setEnabled(True)
        self._clear_values()
        self.key_edit.setFocus()
        self._title_editor()
        self._update_remove()

    def _clear_values(self) -> None:
        self.string_value.clear()
        self.number_value.clear()
        self.boolean_value.setChecked(False)
        self.datetime_value.setDateTime(QDateTime.currentDateTime())

    def set_value(self) -> None:
        if not self.signed_in or self.presenter.busy:
            return
        data_type = str(self.type_combo.currentData())
        value: object
        if data_type == BOOLEAN:
            value = self.boolean_value.isChecked()
        elif data_type == DATETIME:
            value = self.datetime_value.dateTime().toPython()
            if isinstance(value, dt.datetime):
                value = value.astimezone()
        elif data_type == NUMBER:
            value = self.number_value.text()
        else:
            value = self.string_value.text()
        self.presenter.set_value(self.key_edit.text(), data_type, value)

    def remove_value(self) -> None:
        key = self.key_edit.text().strip()
        field = self.presenter.field(key)
        if self.signed_in and not self.presenter.busy and field is not None and field.is_set:
            self.presenter.remove(key)

    # ------------------------------------------------------------------ binding

    def _show_fields(self, fields: list[CustomField]) -> None:
        current = self.key_edit.text().strip()
        self.fields.blockSignals(True)
        self.fields.clear()
        selected: QTreeWidgetItem | None = None
        for field in fields:
            value = self._value_text(field) if field.is_set else self.tr("Not set")
            item = QTreeWidgetItem([field.label or field.key, value])
            item.setData(0, Qt.ItemDataRole.UserRole, field.key)
            item.setSizeHint(1, QSize(0, ROW_HEIGHT))  # the value column stretches anyway
            tip = self.tr("{type}, key {key}").format(type=self._type_text(field.data_type),
                                                     key=field.key)
            item.setToolTip(0, tip)
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            if not field.is_set:
                item.setForeground(1, self.palette().placeholderText())
            self.fields.addTopLevelItem(item)
            if field.key == current:
                self.fields.setCurrentItem(item)
                selected = item
        self.fields.blockSignals(False)
        known = self.presenter.definitions_known
        self.new_button.setVisible(not known)
        if known and selected is None and fields:
            # Every field is listed: start on the first one, ready to edit.
            first = self.fields.topLevelItem(0)
            if first is not None:
                self.fields.setCurrentItem(first)
        self._show_hint()
        self._update_remove()

    def _saved(self, key: str) -> None:
        self.notify(self.tr("Your {field} was saved.").format(field=self._name(key)))
        self._edit(self.fields.currentItem())  # the editor shows what the pool now holds

    def _removed(self, key: str) -> None:
        self.notify(self.tr("Your {field} was removed.").format(field=self._name(key)))
        self._edit(self.fields.currentItem())

    def _title_editor(self) -> None:
        """The card is titled by the field it edits (a new one while the key is typed)."""
        field = self.presenter.field(self.key_edit.text().strip())
        selected = self.fields.currentItem() is not None
        if field is not None and selected:
            self.editor_box.set_texts(field.label or field.key)
        elif not selected and not self.key_edit.isReadOnly():
            self.editor_box.set_texts(self.tr("New field"))
        else:
            self.editor_box.set_texts(self.tr("Edit a value"))

    def _name(self, key: str) -> str:
        field = self.presenter.field(key)
        return (field.label if field is not None and field.label else key)

    def _value_text(self, field: CustomField) -> str:
        if isinstance(field.value, bool):
            return self.tr("Yes") if field.value else self.tr("No")
        if isinstance(field.value, dt.datetime):
            return local_date_time(field.value)
        return display_text(field.value)

    def _edit(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        field = self.presenter.field(str(item.data(0, Qt.ItemDataRole.UserRole)))
        if field is None:
            return
        self.key_edit.setText(field.key)
        self._title_editor()
        # A defined field's key and type are the pool's: only its value is edited.
        self.key_edit.setReadOnly(field.defined)
        self.type_combo.setEnabled(not field.defined)
        edited_as = editor_type(field.data_type) or STRING
        index = self.type_combo.findData(edited_as)
        if index >= 0:
            self.type_combo.setCurrentIndex(index)
        self._clear_values()
        if field.is_set:
            self._prefill(edited_as, field)
        self.set_button.setEnabled(editor_type(field.data_type) is not None
                                   and not self.presenter.busy)
        self._update_remove()

    def _prefill(self, edited_as: str, field: CustomField) -> None:
        if edited_as == BOOLEAN:
            self.boolean_value.setChecked(bool(field.value))
        elif edited_as == DATETIME and isinstance(field.value, dt.datetime):
            self.datetime_value.setDateTime(
                QDateTime.fromSecsSinceEpoch(int(field.value.timestamp())))
        elif edited_as == NUMBER:
            self.number_value.setText(display_text(field.value))
        else:
            self.string_value.setText(display_text(field.value))

    def _show_editor(self) -> None:
        data_type = str(self.type_combo.currentData())
        editor = self.value_editors.get(data_type, self.string_value)
        self.value_stack.setCurrentWidget(editor)

    def _update_remove(self) -> None:
        field = self.presenter.field(self.key_edit.text().strip())
        self.remove_button.setEnabled(
            field is not None and field.is_set and not self.presenter.busy)

    def _show_hint(self) -> None:
        if self.presenter.definitions_known:
            self.hint.setText(self.tr(
                "These are the fields your organization defined. Select one to set or remove "
                "your value."))
        else:
            self.hint.setText(self.tr(
                "Listed are the fields that have a value. To fill in another field your "
                "organization defined, type its key and choose its type."))

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self.key_row.set_error(errors.get("key", "") or errors.get("type", ""))
        self.value_row.set_error(errors.get("value", ""))

    def _busy(self, busy: bool) -> None:
        self.set_button.setEnabled(not busy)
        self._update_remove()

    def _type_text(self, data_type: str) -> str:
        texts = {STRING: self.tr("Text"), NUMBER: self.tr("Number"),
                 BOOLEAN: self.tr("Yes / no"), DATETIME: self.tr("Date and time"),
                 SELECT: self.tr("Choice"), "OBJECT": self.tr("Structured data")}
        return texts.get(data_type, data_type)

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Custom data"),
                               self.tr("Sign in to see the extra fields your organization "
                                       "keeps on your account."),
                               self.tr("Extra details your organization keeps on your "
                                       "account."))
        self._show_hint()
        self.fields.setHeaderLabels([self.tr("Field"), self.tr("Your value")])
        self.fields.setAccessibleName(self.tr("Custom data values"))
        self.fields.header().setAccessibleName(self.tr("Columns"))
        self._title_editor()
        self.key_caption.setText(self.tr("Key"))
        self.key_edit.setAccessibleName(self.tr("Field key"))
        self.type_caption.setText(self.tr("Type"))
        self.type_combo.setAccessibleName(self.tr("Data type"))
        self.type_combo.view().setAccessibleName(self.tr("Data types"))
        for row in range(self.type_combo.count()):
            self.type_combo.setItemText(row, self._type_text(str(self.type_combo.itemData(row))))
        self.value_caption.setText(self.tr("Value"))
        self.string_value.setAccessibleName(self.tr("Text value"))
        self.number_value.setAccessibleName(self.tr("Number value"))
        self.number_value.setPlaceholderText("42")
        self.boolean_value.setText(self.tr("Yes"))
        self.boolean_value.setAccessibleName(self.tr("Yes or no value"))
        self.datetime_value.setAccessibleName(self.tr("Date and time value"))
        # The user's locale's way of writing a date and time (the language may have changed).
        self.datetime_value.setDisplayFormat(
            QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.new_button.setText(self.tr("New field"))
        self.new_button.setAccessibleName(self.tr("Start a new field"))
        self.remove_button.setText(self.tr("Remove value"))
        self.remove_button.setAccessibleName(self.tr("Remove this field's value"))
        self.set_button.setText(self.tr("Save value"))
        self.set_button.setAccessibleName(self.tr("Save this field's value"))
        self._show_fields(self.presenter.fields)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
