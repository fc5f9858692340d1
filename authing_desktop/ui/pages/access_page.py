"""The Access page: roles per namespace with a has-role check, authorized resources (type
filter, actions), organizations as trees and departments with the main one marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from authing_desktop.presenters.access import (
    RESOURCE_TYPES,
    AccessPresenter,
    DepartmentRow,
    OrgTreeNode,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.pages.account_base import AccountPage, show_text, status_label
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.field_row import FieldRow

if TYPE_CHECKING:
    from collections.abc import Iterator

    from authing_desktop.api.models import Resource, Role

KEY = "access"
LIST_HEIGHT = 150


class AccessPage(AccountPage):
    """Access: your roles, your organizations and the resources you may use."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = AccessPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        p = self.presenter

        # ---- namespace
        self.namespace = QComboBox()
        self.namespace.setObjectName(f"{KEY}.namespace")
        self.namespace.setEditable(True)
        self.namespace.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = self.namespace.lineEdit()
        assert edit is not None
        edit.setObjectName(f"{KEY}.namespaceEdit")
        self.namespace.view().setObjectName(f"{KEY}.namespaceList")
        self.namespace.addItem(p.namespace)
        self.namespace.activated.connect(lambda _i: self._apply_namespace())
        edit.returnPressed.connect(self._apply_namespace)
        self.namespace_caption = QLabel()
        self.namespace_caption.setBuddy(self.namespace)
        self.namespace_row = FieldRow(KEY, "namespace", self.namespace)
        top = QHBoxLayout()
        top.addWidget(self.namespace_caption)
        top.addWidget(self.namespace_row, 1)
        self.body.addLayout(top)

        yield
        # ---- roles
        self.roles_box = Card(f"{KEY}.rolesBox", icon="shield-check")
        self.roles = QListWidget()
        self.roles.setObjectName(f"{KEY}.roles")
        self.roles.setMaximumHeight(LIST_HEIGHT)
        self.role_code = QLineEdit()
        self.role_code.setObjectName(f"{KEY}.roleCode")
        self.role_code.returnPressed.connect(self._check_role)
        self.check_button = QPushButton()
        self.check_button.setObjectName(f"{KEY}.checkRole")
        self.check_button.clicked.connect(self._check_role)
        self.role_result = status_label(f"{KEY}.roleResult")
        check = QHBoxLayout()
        check.addWidget(self.role_code, 1)
        check.addWidget(self.check_button)
        self.role_row = FieldRow(KEY, "roleCode", QWidget())
        check_form = QFormLayout()
        self.check_caption = QLabel()
        check_form.addRow(self.check_caption, check)
        roles_layout = self.roles_box.body
        roles_layout.addWidget(self.roles)
        roles_layout.addLayout(check_form)
        roles_layout.addWidget(self.role_result)
        roles_layout.addWidget(self.role_row)

        yield
        # ---- resources
        self.resources_box = Card(f"{KEY}.resourcesBox", icon="key-round")
        self.resource_type = QComboBox()
        self.resource_type.setObjectName(f"{KEY}.resourceType")
        self.resource_type.view().setObjectName(f"{KEY}.resourceTypeList")
        self.resource_type.addItem("", None)
        for kind in RESOURCE_TYPES:
            self.resource_type.addItem(kind, kind)
        self.resource_type.activated.connect(
            lambda _i: p.set_resource_type(self.resource_type.currentData()))
        self.type_caption = QLabel()
        self.type_caption.setBuddy(self.resource_type)
        self.resources = QTreeWidget()
        self.resources.setObjectName(f"{KEY}.resources")
        self.resources.setRootIsDecorated(False)
        self.resources.setColumnCount(3)
        self.resources.setMaximumHeight(LIST_HEIGHT + 30)
        self.resources.header().setObjectName(f"{KEY}.resourcesHeader")
        # Half the page wide: no sideways scrolling, a long list of actions is elided (the
        # tooltip has it whole).
        self.resources.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resources.header().setStretchLastSection(True)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.type_caption)
        filter_row.addWidget(self.resource_type)
        filter_row.addStretch(1)
        resources_layout = self.resources_box.body
        resources_layout.addLayout(filter_row)
        resources_layout.addWidget(self.resources)

        yield
        # ---- organizations and departments
        self.orgs_box = Card(f"{KEY}.orgsBox", icon="building-2")
        self.orgs = QTreeWidget()
        self.orgs.setObjectName(f"{KEY}.orgs")
        self.orgs.setHeaderHidden(True)
        self.orgs.header().setObjectName(f"{KEY}.orgsHeader")
        self.orgs.setMaximumHeight(LIST_HEIGHT + 30)
        self.orgs_box.body.addWidget(self.orgs)
        self.departments_box = Card(f"{KEY}.departmentsBox", icon="users")
        self.departments = QListWidget()
        self.departments.setObjectName(f"{KEY}.departments")
        self.departments.setMaximumHeight(LIST_HEIGHT + 30)
        # A long department path wraps rather than scrolling sideways.
        self.departments.setWordWrap(True)
        self.departments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.departments.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.departments_box.body.addWidget(self.departments)

        yield
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.roles_box, 0, 0)
        grid.addWidget(self.resources_box, 0, 1)
        grid.addWidget(self.orgs_box, 1, 0)
        grid.addWidget(self.departments_box, 1, 1)
        self.body.addLayout(grid)
        self.body.addStretch(1)

        p.namespaces_changed.connect(self._show_namespaces)
        p.roles_changed.connect(self._show_roles)
        p.resources_changed.connect(self._show_resources)
        p.orgs_changed.connect(self._show_orgs)
        p.departments_changed.connect(self._show_departments)
        p.role_checked.connect(self._show_role_check)
        p.field_errors_changed.connect(self._show_field_errors)
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        show_text(self.role_result, "")
        self.presenter.load()

    def _apply_namespace(self) -> None:
        if not self.presenter.busy:
            show_text(self.role_result, "")
            self.presenter.set_namespace(self.namespace.currentText())

    def _check_role(self) -> None:
        if not self.presenter.busy:
            self.presenter.check_role(self.role_code.text())

    # ------------------------------------------------------------------ binding

    def _show_namespaces(self, namespaces: list[str]) -> None:
        current = self.presenter.namespace
        self.namespace.blockSignals(True)
        self.namespace.clear()
        self.namespace.addItems(namespaces)
        self.namespace.setCurrentText(current)
        self.namespace.blockSignals(False)

    def _show_roles(self, roles: list[Role]) -> None:
        self.roles.clear()
        for role in roles:
            text = role.code or ""
            if role.description:
                text += f" — {role.description}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, role.code)
            self.roles.addItem(item)
        if not roles:
            self.roles.addItem(self.tr("No roles in this namespace."))

    def _show_resources(self, resources: list[Resource]) -> None:
        self.resources.clear()
        for resource in resources:
            actions = ", ".join(resource.actions) or self.tr("(all)")
            item = QTreeWidgetItem([resource.code or "", resource.type or "", actions])
            item.setToolTip(2, actions)
            item.setData(0, Qt.ItemDataRole.UserRole, resource.code)
            self.resources.addTopLevelItem(item)
        for column in range(2):
            self.resources.resizeColumnToContents(column)

    def _show_orgs(self, trees: list[OrgTreeNode]) -> None:
        self.orgs.clear()

        def add(node: OrgTreeNode, parent: QTreeWidget | QTreeWidgetItem) -> None:
            text = self.tr("{name}  (you)").format(name=node.name) if node.member else node.name
            item = QTreeWidgetItem(parent, [text])
            item.setData(0, Qt.ItemDataRole.UserRole, node.name)
            if node.member:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            for child in node.children:
                add(child, item)

        for tree in trees:
            add(tree, self.orgs)
        self.orgs.expandAll()
        if not trees:
            QTreeWidgetItem(self.orgs, [self.tr("You are in no organization.")])

    def _show_departments(self, rows: list[DepartmentRow]) -> None:
        self.departments.clear()
        for row in rows:
            text = row.path or row.name
            if row.main:
                text = self.tr("{name} (main department)").format(name=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.name)
            if row.main:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.departments.addItem(item)
        if not rows:
            self.departments.addItem(self.tr("You are in no department."))

    def _show_role_check(self, code: str, held: bool) -> None:
        text = (self.tr("You hold the role {code} in {namespace}.") if held
                else self.tr("You do not hold the role {code} in {namespace}."))
        show_text(self.role_result, text.format(code=code, namespace=self.presenter.namespace))

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self.namespace_row.set_error(errors.get("namespace", ""))
        self.role_row.set_error(errors.get("roleCode", ""))

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Access"),
                               self.tr("Sign in to see your roles, organizations and the "
                                       "resources you may use."),
                               self.tr("What you may do: your roles, the resources granted "
                                       "to you, and where you belong."))
        self.namespace_caption.setText(self.tr("Namespace"))
        self.namespace.setAccessibleName(self.tr("Namespace"))
        edit = self.namespace.lineEdit()
        if edit is not None:
            edit.setAccessibleName(self.tr("Namespace"))
        self.namespace.view().setAccessibleName(self.tr("Known namespaces"))
        self.roles_box.set_texts(self.tr("Roles"))
        self.roles.setAccessibleName(self.tr("Your roles"))
        self.check_caption.setText(self.tr("Check a role"))
        self.role_code.setPlaceholderText(self.tr("Role code"))
        self.role_code.setAccessibleName(self.tr("Role code to check"))
        self.check_button.setText(self.tr("Check"))
        self.check_button.setAccessibleName(self.tr("Check whether you hold this role"))
        self.resources_box.set_texts(self.tr("Authorized resources"))
        self.type_caption.setText(self.tr("Type"))
        self.resource_type.setItemText(0, self.tr("All types"))
        self.resource_type.setAccessibleName(self.tr("Resource type"))
        self.resource_type.view().setAccessibleName(self.tr("Resource types"))
        self.resources.setHeaderLabels([self.tr("Resource"), self.tr("Type"),
                                        self.tr("Actions")])
        self.resources.setAccessibleName(self.tr("Authorized resources"))
        self.resources.header().setAccessibleName(self.tr("Columns"))
        self.orgs.header().setAccessibleName(self.tr("Columns"))
        self.orgs_box.set_texts(self.tr("Organizations"))
        self.orgs.setAccessibleName(self.tr("Your organizations"))
        self.departments_box.set_texts(self.tr("Departments"))
        self.departments.setAccessibleName(self.tr("Your departments"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
