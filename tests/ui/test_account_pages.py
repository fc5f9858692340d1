"""The Security, Phone & email, Applications, Access and Custom data pages on the real
session: widgets typed into and clicked, results read from the pool."""

from __future__ import annotations

import random
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItemIterator,
)

from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.access_page import AccessPage
from authing_desktop.ui.pages.applications_page import ApplicationsPage
from authing_desktop.ui.pages.contacts_page import ContactsPage
from authing_desktop.ui.pages.custom_data_page import CustomDataPage
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.account_session import ACCOUNT_PASSWORD
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool
from tests.fixtures.pool_services import sign_in
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import page_idle as _idle
from tests.ui.sign_in_support import type_named as _type
from tests.ui.test_account_profile import new_user

pytestmark = pytest.mark.gui


def _page(qtbot: Any, services: AppServices, key: str) -> Any:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(key)
    page = window.page(key)
    _idle(qtbot, page)
    return page


def new_phone() -> str:
    return "139" + "".join(random.choices("0123456789", k=8))


def test_security_page_score_checklist_and_password(qtbot: Any, pool_services: AppServices,
                                                    pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    page = _page(qtbot, pool_services, "security")
    assert isinstance(page, SecurityPage)
    assert page.gauge.score == 50
    assert _find(page, QPushButton, "security.fix.phone").isVisible()
    assert not _find(page, QPushButton, "security.fix.email").isVisible()
    # The ways to sign in: each card with its state in words and a badge (the authenticator's
    # state comes with its own call).
    qtbot.waitUntil(lambda: page.two_step.enabled is not None, timeout=10_000)
    assert _find(page, QLabel, "security.method.password.badge").text() == "Weak"
    assert _find(page, QLabel, "security.method.code.state").text() == \
        "Sign in with a code sent to your email."
    assert _find(page, QLabel, "security.method.recovery.badge").text() == "Off"
    assert _find(page, QPushButton, "security.enableTwoStep").isVisible()
    assert _find(page, QLabel, "security.method.authenticator.badge").accessibleName() == \
        "Authenticator app: Off"

    # Wrong current password: said inline, fields kept.
    _type(qtbot, page, "security.oldPassword", "not-the-password1")
    _type(qtbot, page, "security.newPassword", "Much-Str0nger-Passw0rd")
    _type(qtbot, page, "security.confirmPassword", "Much-Str0nger-Passw0rd")
    _click(qtbot, page, "security.changePassword")
    _idle(qtbot, page)
    assert page.error_label.text() == "The current password is wrong."
    assert _find(page, QLineEdit, "security.newPassword").text()

    _type(qtbot, page, "security.oldPassword", ACCOUNT_PASSWORD)
    _click(qtbot, page, "security.changePassword")
    qtbot.waitUntil(lambda: page.gauge.score == 60)
    assert page.notice_label.text() == "Your password was changed."
    assert _find(page, QLineEdit, "security.oldPassword").text() == ""
    assert not _find(page, QPushButton, "security.fix.strongPassword").isVisible()

    # An open item leads to the page that fixes it.
    _click(qtbot, page, "security.fix.phone")
    assert page.window().current_page_key == "contacts"
    page.window().show_page("security")
    _click(qtbot, page, "security.method.code.action")
    assert page.window().current_page_key == "contacts"


def test_contacts_page_bind_wrong_code_and_last_method(qtbot: Any, pool_services: AppServices,
                                                       pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    page = _page(qtbot, pool_services, "contacts")
    assert isinstance(page, ContactsPage)
    assert _find(page, QLabel, "contacts.emailValue").text() == email
    assert _find(page, QLabel, "contacts.emailBadge").text() == "Not verified"
    assert _find(page, QLabel, "contacts.phoneValue").text() == "None"
    assert _find(page, QPushButton, "contacts.verifyEmail").isVisible()
    assert not _find(page, QPushButton, "contacts.unbindPhone").isVisible()

    phone = new_phone()
    _type(qtbot, page, "contacts.newPhone", phone)
    _click(qtbot, page, "contacts.sendPhoneCode")
    _idle(qtbot, page)
    send = _find(page, QPushButton, "contacts.sendPhoneCode")
    assert not send.isEnabled() and "Resend in" in send.text()
    assert "outbox" in page.notice_label.text()

    _type(qtbot, page, "contacts.phoneCode", "000000")
    _click(qtbot, page, "contacts.submitPhone")
    _idle(qtbot, page)
    assert page.error_label.text() == "The verification code is wrong."

    _type(qtbot, page, "contacts.phoneCode", pool.latest_code(phone))
    _click(qtbot, page, "contacts.submitPhone")
    qtbot.waitUntil(lambda: _find(page, QLabel, "contacts.phoneValue").text() == phone)
    assert _find(page, QLabel, "contacts.phoneBadge").text() == "Verified"
    assert page.notice_label.text() == "Your phone number is bound."
    assert _find(page, QPushButton, "contacts.submitPhone").text() == "Change phone"
    assert _find(page, QLineEdit, "contacts.phoneCode").text() == ""

    # Remove the phone, confirmed in a question box; then the email is the last method.
    def confirm(answer: str) -> None:
        qtbot.waitUntil(lambda: page.findChild(QMessageBox, "contacts.unbind.dialog")
                        is not None)
        box = page.findChild(QMessageBox, "contacts.unbind.dialog")
        qtbot.mouseClick(_find(box, QPushButton, f"contacts.unbind.{answer}"),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.findChild(QMessageBox, "contacts.unbind.dialog") is None)
        _idle(qtbot, page)

    _click(qtbot, page, "contacts.unbindPhone")
    confirm("keep")
    assert _find(page, QLabel, "contacts.phoneValue").text() == phone
    _click(qtbot, page, "contacts.unbindPhone")
    confirm("remove")
    qtbot.waitUntil(lambda: _find(page, QLabel, "contacts.phoneValue").text() == "None")

    _click(qtbot, page, "contacts.unbindEmail")
    confirm("remove")
    assert page.error_label.text() == \
        "This is your only way to sign in, so it cannot be removed."
    assert _find(page, QLabel, "contacts.emailValue").text() == email

    _click(qtbot, page, "contacts.verifyEmail")
    _idle(qtbot, page)
    notice = page.notice_label.text()
    assert "verification email was sent" in notice and "Open the link in the email" in notice
    assert "outbox" in notice  # where the link appears on the local pool
    # Authing verifies through the link in the mail: the local pool's outbox shows it.
    link = next(m["link"] for m in pool.outbox()
                if m["to"] == email and m["scene"] == "VERIFY_EMAIL")
    assert httpx.get(link, timeout=10).status_code == 200
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _find(page, QLabel, "contacts.emailBadge").text() == "Verified")
    assert pool_services.session.user is not None and pool_services.session.user.email_verified
    assert not _find(page, QPushButton, "contacts.verifyEmail").isVisible()
    assert httpx.get(link, timeout=10).status_code == 400  # once only


def test_applications_page_paging_search_and_open(qtbot: Any, pool_services: AppServices,
                                                  pool: RunningPool) -> None:
    sign_in(qtbot, pool_services, "demo@example.com")
    window = MainWindow(pool_services)
    qtbot.addWidget(window)
    page = window.page("applications")
    assert isinstance(page, ApplicationsPage)
    page.presenter.page_size = 2
    opened: list[QUrl] = []
    page.open_url = opened.append
    window.show()
    window.show_page("applications")
    _idle(qtbot, page)
    assert page.cards.rowCount() == 2
    assert _find(page, QLabel, "applications.count").text() == "2 of 3"
    _click(qtbot, page, "applications.more")
    _idle(qtbot, page)
    assert page.cards.rowCount() == 3
    assert not _find(page, QPushButton, "applications.more").isVisible()

    qtbot.keyClicks(_find(page, QLineEdit, "applications.search"), "wiki")
    assert page.cards.rowCount() == 1
    first = page.cards.index(0, 0)
    assert first.data().splitlines() == ["Demo Wiki", "The team wiki (demo) · OIDC"]
    assert first.data(Qt.ItemDataRole.DecorationRole) is not None
    page.list.setCurrentIndex(first)
    _click(qtbot, page, "applications.open")
    assert [url.toString() for url in opened] == ["https://demo-wiki.localhost"]

    _type(qtbot, page, "applications.search", "zzz")
    assert page.cards.rowCount() == 0
    assert "No loaded application" in _find(page, QLabel, "applications.empty").text()


def _tree_texts(tree: QTreeWidget) -> list[str]:
    texts = []
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        texts.append(iterator.value().text(0))
        iterator += 1
    return texts


def test_access_page_shows_the_demo_users_access(qtbot: Any, pool_services: AppServices) -> None:
    sign_in(qtbot, pool_services, "demo@example.com")
    page = _page(qtbot, pool_services, "access")
    assert isinstance(page, AccessPage)
    roles = _find(page, QListWidget, "access.roles")
    assert [roles.item(r).data(Qt.ItemDataRole.UserRole) for r in range(roles.count())] == \
        ["reader"]
    resources = _find(page, QTreeWidget, "access.resources")
    rows = {resources.topLevelItem(r).text(0): (resources.topLevelItem(r).text(1),
                                                resources.topLevelItem(r).text(2))
            for r in range(resources.topLevelItemCount())}
    assert rows == {"menu_a": ("MENU", "(all)"), "menu_b": ("MENU", "(all)"),
                    "books:1": ("DATA", "books:delete, books:update")}
    orgs = _find(page, QTreeWidget, "access.orgs")
    assert _tree_texts(orgs) == ["Demo Corp", "Engineering", "Platform Team  (you)"]
    departments = _find(page, QListWidget, "access.departments")
    assert departments.item(0).text().endswith("(main department)")
    assert "Platform Team" in departments.item(0).text()

    kind = _find(page, QComboBox, "access.resourceType")
    kind.setCurrentIndex(kind.findData("DATA"))
    kind.activated.emit(kind.currentIndex())
    qtbot.waitUntil(lambda: resources.topLevelItemCount() == 1)
    assert resources.topLevelItem(0).text(0) == "books:1"

    _type(qtbot, page, "access.roleCode", "reader")
    _click(qtbot, page, "access.checkRole")
    qtbot.waitUntil(lambda: _find(page, QLabel, "access.roleResult").isVisible())
    assert _find(page, QLabel, "access.roleResult").text() == \
        "You hold the role reader in default."


def test_custom_data_page_round_trip(qtbot: Any, pool_services: AppServices,
                                     pool: RunningPool) -> None:
    email = new_user(qtbot, pool)
    sign_in(qtbot, pool_services, email, ACCOUNT_PASSWORD)
    page = _page(qtbot, pool_services, "customData")
    assert isinstance(page, CustomDataPage)
    fields = _find(page, QTreeWidget, "customData.fields")
    kind = _find(page, QComboBox, "customData.type")
    key = _find(page, QLineEdit, "customData.key")

    def items() -> dict[str, Any]:
        return {fields.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole):
                fields.topLevelItem(r) for r in range(fields.topLevelItemCount())}

    def rows() -> dict[str, tuple[str, str]]:
        return {key: (item.text(0), item.text(1)) for key, item in items().items()}

    # Every defined field is listed by its label with the value, none set yet; the type and
    # the key are in the tooltip; no key to type in.
    assert rows() == {"age": ("Age", "Not set"), "school": ("School", "Not set"),
                      "source": ("Source", "Not set")}
    assert items()["age"].toolTip(0) == "Number, key age"
    assert fields.columnCount() == 2
    assert not _find(page, QPushButton, "customData.new").isVisible()

    def select(field_key: str) -> None:
        fields.setCurrentItem(items()[field_key])

    select("school")
    assert key.text() == "school" and key.isReadOnly() and not kind.isEnabled()
    assert page.value_stack.currentWidget() is _find(page, QLineEdit, "customData.stringValue")
    assert not _find(page, QPushButton, "customData.remove").isEnabled()
    _type(qtbot, page, "customData.stringValue", "Tsinghua")
    _click(qtbot, page, "customData.set")
    qtbot.waitUntil(lambda: rows()["school"][1] == "Tsinghua")
    assert page.notice_label.text() == "Your School was saved."
    assert page.editor_box.title.text() == "School"

    select("age")
    assert page.value_stack.currentWidget() is _find(page, QLineEdit, "customData.numberValue")
    _type(qtbot, page, "customData.numberValue", "thirty")
    _click(qtbot, page, "customData.set")
    _idle(qtbot, page)
    assert "number" in _find(page, QLabel, "customData.valueError").text()
    _type(qtbot, page, "customData.numberValue", "30")
    _click(qtbot, page, "customData.set")
    qtbot.waitUntil(lambda: rows()["age"][1] == "30")
    assert drive(qtbot, pool_services.session.client.get_udf_value()) == \
        {"school": "Tsinghua", "age": 30}

    # Selecting a set field prefills its editor; Remove deletes the value, the field stays.
    select("source")
    assert _find(page, QLineEdit, "customData.stringValue").text() == ""
    select("school")
    assert _find(page, QLineEdit, "customData.stringValue").text() == "Tsinghua"
    _click(qtbot, page, "customData.remove")
    qtbot.waitUntil(lambda: rows()["school"][1] == "Not set")
    assert drive(qtbot, pool_services.session.client.get_udf_value()) == {"age": 30}
    assert page.notice_label.text() == "Your School was removed."
