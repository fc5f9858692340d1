"""Screenshots of sign-in alerts for the README (light and dark, English and Chinese): the
in-window alert (``alerts-card-*``), the "Secure your account" dialog's first step
(``alerts-secure-*``) and the settings card on the Security page (``alerts-settings-*``).

The alert is real: another device signs in before each window's watcher takes its first look
(the watcher's stored state is dropped in between, so that every window alerts afresh)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWidget

from authing_desktop.presenters import wording
from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.secure_account import SecureAccountPresenter
from authing_desktop.services.alert_state import entry_name
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.alerts_wiring import SignInAlerts, install_sign_in_alerts
from authing_desktop.ui.dialogs.secure_account_dialog import SecureAccountDialog
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.test_self_service import login_as
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account
from tests.ui.test_sign_in_alerts_e2e import FIREFOX

pytestmark = pytest.mark.gui

HOUR_S = 3600.0  # one look per window is all a screenshot needs


def test_sign_in_alert_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices,
                                   pool: RunningPool) -> None:
    services = pool_services
    email = f"{unique('alertshot')}@example.com"
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    login_as(pool, email, agent=FIREFOX, password=PASSWORD)
    user = services.session.user
    assert user is not None and user.id
    installed: dict[int, SignInAlerts] = {}

    def window() -> MainWindow:
        # A fresh look for each window: the first one of an account seeds and alerts.
        drive(qtbot, services.token_store.delete(services.connection.profile_id,
                                                 entry_name(user.id)))
        made = MainWindow(services)
        installed[id(made)] = install_sign_in_alerts(made, services, interval_s=HOUR_S,
                                                          first_delay_s=0)
        return made

    def with_alert(widget: QWidget) -> SignInAlerts:
        alerts = installed[id(widget)]
        qtbot.waitUntil(alerts.panel.isVisible, timeout=10_000)
        return alerts

    def security(widget: QWidget) -> SecurityPage:
        assert isinstance(widget, MainWindow)
        widget.show_page("security")
        page = widget.page("security")
        assert isinstance(page, SecurityPage)
        qtbot.waitUntil(lambda: not any(p.busy for p in page._presenters), timeout=10_000)
        return page

    def alert_card(widget: QWidget) -> None:
        with_alert(widget)
        security(widget)

    def settings_card(widget: QWidget) -> None:
        alerts = with_alert(widget)
        alerts.presenter.dismiss(alerts.presenter.alerts[0])
        page = security(widget)
        card = page.alert_settings
        top = card.mapTo(page.content, QPoint(0, 0)).y()
        page.scroll_area.verticalScrollBar().setValue(top - 200)

    written = capture(qtbot, qapp, "alerts-card", window, prepare=alert_card,
                      size=DEFAULT_SIZE, themes=THEMES)
    written += capture(qtbot, qapp, "alerts-settings", window, prepare=settings_card,
                       size=DEFAULT_SIZE, themes=THEMES)

    def secure_dialog() -> SecureAccountDialog:
        presenter = SecureAccountPresenter(services.session, services.tasks)
        strength = PasswordStrengthPresenter(services.connection, services.tasks,
                                             parent=presenter)
        made = SecureAccountDialog(presenter, strength, wording.device("Firefox", "Windows"))
        presenter.setParent(made)
        return made

    def first_step(widget: QWidget) -> None:
        assert isinstance(widget, SecureAccountDialog)
        widget.begin()
        qtbot.waitUntil(lambda: widget.presenter.two_step_on is not None, timeout=10_000)
        widget.adjustSize()

    written += capture(qtbot, qapp, "alerts-secure", secure_dialog, prepare=first_step,
                       size=QSize(560, 300), themes=THEMES)
    assert len(written) == 3 * 2 * len(THEMES)
    assert all(path.stat().st_size > 5_000 for path in written)
