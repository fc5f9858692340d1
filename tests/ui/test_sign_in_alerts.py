"""Sign-in alert flows on the real session and pool, beyond the end-to-end test: an account
without two-step verification (no step 3) with a skipped step, failed attempts next to a new
sign-in (two alerts, "Dismiss"), the settings card (no tray here: the option is disabled with
its reason; "start at login" writes and removes the XDG entry), closing to the tray and
opening the window at the alert."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel

from authing_desktop.presenters.secure_account import Outcome, Step
from authing_desktop.services import autostart
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.ui.alerts_wiring import install_sign_in_alerts
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.helpers import GraphQLError
from tests.localpool.test_mfa import call
from tests.localpool.test_self_service import CHROME, login_as
from tests.ui.sign_in_support import PASSWORD, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import type_named as _type
from tests.ui.test_beyond_v2_pages import _window
from tests.ui.test_sign_in_alerts_e2e import INTERVAL_S, open_secure_dialog

pytestmark = pytest.mark.gui


def _signed_in(qtbot: Any, services: AppServices, prefix: str,
               interval_s: float = INTERVAL_S) -> tuple[Any, Any, str]:
    LanguageInstaller(QApplication.instance()).install("en")
    email = f"{unique(prefix)}@example.com"
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    window = _window(qtbot, services)
    alerts = install_sign_in_alerts(window, services, interval_s=interval_s, first_delay_s=0)
    with qtbot.waitSignal(alerts.watcher.polled, timeout=10_000):
        pass
    return window, alerts, email


def test_without_two_step_there_are_two_steps_and_a_skip_is_said(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    window, alerts, email = _signed_in(qtbot, pool_services, "skip")
    theirs = login_as(pool, email, agent=CHROME, password=PASSWORD)["token"]
    qtbot.waitUntil(alerts.panel.isVisible, timeout=10_000)
    assert "Chrome on Windows" in alerts.panel.text.text()

    dialog = open_secure_dialog(qtbot, alerts)
    assert dialog.presenter.two_step_on is False
    assert dialog.presenter.steps == (Step.SIGN_OUT, Step.PASSWORD)
    assert "3." not in dialog.plan.text()
    _type(qtbot, dialog, "secureAccount.currentPassword", PASSWORD)
    _click(qtbot, dialog, "secureAccount.signOut")
    qtbot.waitUntil(lambda: dialog.presenter.step == Step.PASSWORD, timeout=10_000)
    assert call(pool, "GET", "/api/v2/users/me", theirs)["code"] == 2020
    assert _find(dialog, QLabel, "secureAccount.passwordIntro").isVisible()
    _click(qtbot, dialog, "secureAccount.skipPassword")
    qtbot.waitUntil(lambda: dialog.presenter.step is None, timeout=10_000)
    outcomes = [outcome for outcome, _text in dialog.presenter.summary()]
    assert outcomes == [Outcome.DONE, Outcome.SKIPPED, Outcome.NOT_NEEDED]
    summary = dialog.summary.text()
    assert "Password not changed (skipped)" in summary
    assert "Two-step verification is off" in summary
    _click(qtbot, dialog, "secureAccount.close")
    # Something was done: the alert is answered.
    qtbot.waitUntil(lambda: not alerts.panel.isVisible(), timeout=10_000)
    # The password still works (skipped).
    assert login_as(pool, email, agent=CHROME, password=PASSWORD)["token"]
    window.close()


def test_failed_attempts_and_a_new_sign_in_make_two_alerts(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    # One poll for all of it (the next timed one is an hour away): started below.
    window, alerts, email = _signed_in(qtbot, pool_services, "fail", interval_s=3600)
    login_as(pool, email, agent=CHROME, password=PASSWORD)
    for _ in range(5):
        with pytest.raises(GraphQLError):
            login_as(pool, email, agent=CHROME, password="not-my-password-2")
    with qtbot.waitSignal(alerts.watcher.polled, timeout=10_000):
        alerts.watcher.poll_soon()
    qtbot.waitUntil(alerts.panel.isVisible, timeout=10_000)
    assert alerts.panel.title.text() == "5 failed sign-in attempts on your account"
    assert "someone may be guessing your password" in alerts.panel.text.text()
    assert alerts.panel.was_me.text() == "Dismiss"
    assert alerts.panel.more.isVisible()
    assert alerts.panel.more.text() == "1 more alert after this one"
    _click(qtbot, alerts.panel, "alerts.itWasMe")
    # The sign-in's alert comes next, with its own answers.
    assert alerts.panel.title.text() == "New sign-in to your account"
    assert alerts.panel.was_me.text() == "It was me" and not alerts.panel.more.isVisible()
    assert "Chrome on Windows" in alerts.panel.text.text()
    window.close()


def test_settings_card_tray_reason_and_start_at_login_entry(
        qtbot: Any, pool_services: AppServices, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    window, alerts, _email = _signed_in(qtbot, pool_services, "prefs")
    window.show_page("security")
    page = window.page("security")
    assert isinstance(page, SecurityPage)
    card = page.alert_settings
    page.scroll_area.ensureWidgetVisible(card)
    tray = _find(card, QCheckBox, "settings.trayAfterClose")
    reason = _find(card, QLabel, "settings.trayAfterCloseReason")
    assert not tray.isEnabled() and reason.isVisible()  # offscreen: no system tray
    assert "no system tray" in reason.text()
    assert _find(card, QCheckBox, "settings.alerts").isChecked()

    login = _find(card, QCheckBox, "settings.startAtLogin")
    assert login.isEnabled() and not login.isChecked()
    login.click()
    qtbot.waitUntil(lambda: pool_services.settings.current.start_at_login, timeout=10_000)
    entry = tmp_path / "xdg" / "autostart" / "authing-desktop.desktop"
    assert entry.is_file() and autostart.installed(entry)
    assert "Exec=" in entry.read_text(encoding="utf-8") and login.isChecked()
    qtbot.waitUntil(login.isEnabled, timeout=10_000)
    login.click()
    qtbot.waitUntil(lambda: not pool_services.settings.current.start_at_login, timeout=10_000)
    assert not entry.exists()

    # Without a tray, the saved "keep watching" choice does not keep the window.
    assert window.close_to_tray is not None and not window.close_to_tray()
    window.close()


def test_closing_to_the_tray_keeps_watching_and_the_alert_opens_the_window(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    window, alerts, email = _signed_in(qtbot, pool_services, "tray")
    window.close_to_tray = lambda: True  # as with a tray and the setting on
    window.close()
    assert not window.isVisible() and window.workspace is not None
    assert alerts.watcher.running
    login_as(pool, email, agent=CHROME, password=PASSWORD)
    qtbot.waitUntil(lambda: bool(alerts.presenter.alerts), timeout=10_000)
    alerts.open_window()  # what clicking the tray message does
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert alerts.panel.isVisible()
    assert window.focusWidget() is alerts.panel.not_me
    window.close_to_tray = None
    window.close()
    assert not window.isVisible()


# Offscreen Qt has no tray; building the icon anyway logs that its platform lacks one.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_tray_message_says_the_device_and_clicking_it_opens_the_window(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    from PySide6.QtGui import QIcon, QPixmap

    from authing_desktop.ui.tray import AlertTray

    window, alerts, email = _signed_in(qtbot, pool_services, "traymsg")
    picture = QPixmap(16, 16)
    picture.fill()
    quits: list[bool] = []
    tray = AlertTray(alerts.presenter, QIcon(picture), alerts.open_window,
                     lambda: quits.append(True), parent=window)
    shown: list[tuple[str, str]] = []
    # The desktop draws the message; what the app hands it is what matters here.
    tray.icon.showMessage = lambda title, text, *_args: shown.append((title, text))  # type: ignore[method-assign]
    window.hide()
    login_as(pool, email, agent=CHROME, password=PASSWORD)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    title, text = shown[0]
    assert title == "New sign-in to your account"
    assert text.startswith("Chrome on Windows at 127.0.0.1 (") and text.endswith("Was this you?")
    assert "ago" not in text  # a date and time in the locale's format, not a relative time
    assert not window.isVisible()
    tray.icon.messageClicked.emit()
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert alerts.panel.isVisible() and window.focusWidget() is alerts.panel.not_me
    assert tray.open_action.text() == "&Open Authing Desktop"
    tray.quit_action.trigger()
    assert quits == [True]
    tray.hide()
    window.close()


def test_the_checkups_this_wasnt_me_opens_the_guided_recovery_over_the_checkup(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    from authing_desktop.presenters.checkup_steps import Step
    from tests.ui.test_security_checkup import _go_to, _open_checkup

    window, alerts, email = _signed_in(qtbot, pool_services, "chkalert")
    login_as(pool, email, agent=CHROME, password=PASSWORD)
    checkup = _open_checkup(qtbot, window)
    _go_to(qtbot, checkup, Step.ACTIVITY)
    _click(qtbot, checkup, "checkup.step.activity.fix.0")
    qtbot.waitUntil(lambda: bool(alerts.secure_dialogs)
                    and alerts.secure_dialogs[0].isVisible(), timeout=10_000)
    dialog = alerts.secure_dialogs[0]
    assert dialog.parent() is checkup  # on top of the checkup, which stays open
    assert "Chrome on Windows" in _find(dialog, QLabel, "secureAccount.intro").text()
    _click(qtbot, dialog, "secureAccount.cancel.signOut")  # stops: the summary says so
    qtbot.waitUntil(lambda: dialog.presenter.step is None, timeout=10_000)
    _click(qtbot, dialog, "secureAccount.close")
    qtbot.waitUntil(lambda: not alerts.secure_dialogs, timeout=10_000)
    assert checkup.isVisible()
    assert not checkup.presenter.changes  # nothing was done: nothing is reported
    checkup.reject()
    window.close()
