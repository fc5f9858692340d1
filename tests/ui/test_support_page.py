"""The Support page's network inspector and outbox viewer on the real pool."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

from authing_desktop.api.errors import AuthingError
from authing_desktop.presenters.inspector import CODE, OPERATION
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.settings import PoolProfile
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.support_page import INSPECTOR_TAB, OUTBOX_TAB, SupportPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.ui.sign_in_support import click, click_named, type_into, unique_phone
from tests.ui.sign_in_support import find_named as _find

pytestmark = pytest.mark.gui

PASSWORD = "Insp3ct-Passw0rd"


def open_support(qtbot: Any, services: AppServices) -> SupportPage:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("support")
    page = window.page("support")
    assert isinstance(page, SupportPage)
    return page


def test_inspector_lists_calls_and_shows_them_redacted(
        qtbot: Any, pool_services: AppServices) -> None:
    page = open_support(qtbot, pool_services)
    page.tabs.setCurrentIndex(INSPECTOR_TAB)
    panel = page.inspector
    before = panel.model.rowCount()
    email = f"{unique('insp')}@example.com"
    client = pool_services.session.client

    async def calls() -> None:
        await client.register_by_email(email, PASSWORD)
        with contextlib.suppress(AuthingError):
            await client.login_by_email(email, "Not-the-passw0rd")
        await client.login_by_email(email, PASSWORD)

    drive(qtbot, calls())
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 3)
    rows = range(before, before + 3)
    assert [panel.proxy.index(r, OPERATION).data() for r in rows] == [
        "registerByEmail", "loginByEmail", "loginByEmail"]
    assert [panel.proxy.index(r, CODE).data() for r in rows] == ["200", "2333", "200"]
    assert panel.proxy.index(before + 1, CODE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.count_label.text() == f"{before + 3} calls"

    panel.select_row(before + 2)
    request = panel.request_view.toPlainText()
    response = panel.response_view.toPlainText()
    assert request.startswith("POST /graphql/v2  (loginByEmail)")
    assert '"password": "[redacted]"' in request
    assert f'"email": "{email[0]}***@example.com"' in request
    assert response.startswith("HTTP 200, code 200")
    assert '"token": "[redacted]"' in response
    for secret in (PASSWORD, email, client.token or "-"):
        assert secret not in request + response

    # Filter, then clear.
    type_into(qtbot, panel.filter, "register")
    assert panel.proxy.rowCount() >= 1
    assert all(panel.proxy.index(r, OPERATION).data() == "registerByEmail"
               for r in range(panel.proxy.rowCount()))
    panel.filter.clear()
    click(qtbot, panel.clear_button)
    assert panel.model.rowCount() == 0 and panel.request_view.toPlainText() == ""
    assert panel.count_label.text() == "0 calls"


def test_inspector_is_bounded(qtbot: Any, pool_services: AppServices) -> None:
    from authing_desktop.presenters.inspector import CallTableModel
    from authing_desktop.services.call_log import CallLog

    log = CallLog(limit=3)
    model = CallTableModel(log)
    client = pool_services.session.client
    client.observer = log.record
    for _ in range(5):
        drive(qtbot, client.check_password_strength("Some-Passw0rd"))
    assert len(log.calls) == 3 and model.rowCount() == 3
    assert [c.number for c in log.calls] == [3, 4, 5]
    assert [model.call(r).number for r in range(3)] == [3, 4, 5]  # type: ignore[union-attr]
    pool_services.call_log.attach(client)


def test_outbox_shows_codes_live_and_only_for_the_local_pool(
        qtbot: Any, pool_services: AppServices, pool: RunningPool,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import authing_desktop.presenters.outbox as outbox_module

    page = open_support(qtbot, pool_services)
    outbox = page.outbox_tab.outbox
    table = _find(page, QTableWidget, "support.outboxTable")
    status = _find(page, QLabel, "support.outboxStatus")
    page.tabs.setCurrentIndex(OUTBOX_TAB)
    assert outbox.polling
    phone = unique_phone()
    drive(qtbot, pool_services.session.client.send_sms_code(phone))
    # Refreshed by the 2 s poll, no click needed; newest first.
    qtbot.waitUntil(lambda: table.rowCount() > 0
                    and table.item(0, 2).text() == phone, timeout=5000)
    assert table.item(0, 4).text() == pool.latest_code(phone)
    assert table.item(0, 1).text() == "sms"
    assert "newest first" in status.text()
    # The poll goes to its own HTTP client: the inspector does not fill up with it.
    assert not any(c.path == "/_localpool/outbox" for c in pool_services.call_log.calls)

    # Another tab: no polling.
    page.tabs.setCurrentIndex(0)
    assert not outbox.polling
    page.tabs.setCurrentIndex(OUTBOX_TAB)
    assert outbox.polling

    # A remote profile has no outbox.
    remote = PoolProfile(id="remote-x", name="Remote", kind="remote",
                         app_host="https://example.authing.cn", app_id="app1")
    settings = pool_services.settings.current.with_profile(remote).with_selected("remote-x")
    drive(qtbot, pool_services.settings.save(settings))
    assert not outbox.available and not outbox.polling
    assert "only for the built-in local pool" in status.text()
    assert not _find(page, QPushButton, "support.outboxRefresh").isEnabled()
    assert outbox_module.POLL_INTERVAL_MS == 2000


def test_outbox_shows_and_opens_the_verification_link(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    page = open_support(qtbot, pool_services)
    opened: list[str] = []
    page.outbox_tab.open_url = lambda url: opened.append(url.toString())  # not the browser
    table = _find(page, QTableWidget, "support.outboxTable")
    page.tabs.setCurrentIndex(OUTBOX_TAB)
    email = f"{unique('verify')}@example.com"
    drive(qtbot, pool_services.session.client.send_email(email, "VERIFY_EMAIL"))
    qtbot.waitUntil(lambda: table.rowCount() > 0
                    and table.item(0, 2).text() == email, timeout=5000)
    link = table.item(0, 5).text()
    assert link.startswith(f"{pool.url}/_localpool/verify-email?token=")
    table.selectRow(0)
    click_named(qtbot, page, "support.outboxOpenLink")
    assert opened == [link]
    # A message without a link: nothing to open.
    phone = unique_phone()
    drive(qtbot, pool_services.session.client.send_sms_code(phone))
    qtbot.waitUntil(lambda: table.item(0, 2).text() == phone, timeout=5000)
    table.selectRow(0)
    assert table.item(0, 5).text() == ""
    assert not _find(page, QPushButton, "support.outboxOpenLink").isEnabled()


def test_support_page_speaks_chinese(qtbot: Any, qapp: Any,
                                     pool_services: AppServices) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from authing_desktop.services.language import LanguageInstaller

    page = open_support(qtbot, pool_services)
    installer = LanguageInstaller(qapp)
    try:
        installer.install("zh_CN")
        QCoreApplication.processEvents()
        assert page.tabs.tabText(INSPECTOR_TAB) == "网络检查器"
        assert page.inspector.model.headerData(
            OPERATION, Qt.Orientation.Horizontal) == "操作"
    finally:
        installer.install("en")
        QLocale.setDefault(QLocale(QLocale.Language.English))
        QCoreApplication.processEvents()
    assert page.tabs.tabText(INSPECTOR_TAB) == "Network inspector"


def test_title_bar_switches_profile_and_docks_the_inspector(
        qtbot: Any, pool_services: AppServices) -> None:
    from PySide6.QtWidgets import QComboBox

    from authing_desktop.ui.inspector_panel import InspectorDock

    page = open_support(qtbot, pool_services)
    window = page.window()
    assert isinstance(window, MainWindow)
    combo = window.findChild(QComboBox, "shell.profileSwitch")
    assert combo is not None and combo.isVisible() and combo.currentText() == "Local pool"
    remote = PoolProfile(id="remote-y", name="Remote Y", kind="remote",
                         app_host="https://example.authing.cn", app_id="app1")
    drive(qtbot, pool_services.settings.save(pool_services.settings.current.with_profile(remote)))
    assert [combo.itemText(i) for i in range(combo.count())] == ["Local pool", "Remote Y"]
    combo.activated.emit(1)
    qtbot.waitUntil(lambda: pool_services.settings.current.selected_profile_id == "remote-y")
    assert combo.currentText() == "Remote Y"

    action = window.support_tools.inspector_action
    assert action in window.view_menu.actions()
    action.trigger()
    dock = window.findChild(InspectorDock, "shell.inspectorDock")
    assert dock is not None and dock.isVisible() and action.isChecked()
    assert dock.panel.model.rowCount() == page.inspector.model.rowCount()
    action.trigger()
    assert not dock.isVisible() and not action.isChecked()
