"""Sign-in alerts end to end on the real session and pool (issue 21's "Done when"): the app is
signed in with two-step verification on; a second client signs in from "another device"
(Firefox on Windows, password + authenticator code); the watcher (a short injected interval)
shows the alert; "This wasn't me" runs the guided recovery through its dialog; then the other
session's token is refused, the old password fails, the old authenticator code fails, and the
login history shows all of it."""

from __future__ import annotations

import time
from typing import Any

import pyotp
import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel

from authing_desktop.presenters.secure_account import Step
from authing_desktop.services.alert_state import AlertState, entry_name
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.services.session import SessionState
from authing_desktop.ui.alerts_wiring import SignInAlerts, install_sign_in_alerts
from authing_desktop.ui.dialogs.secure_account_dialog import SecureAccountDialog
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.helpers import GraphQLError
from tests.localpool.test_mfa import call
from tests.localpool.test_self_service import login_as
from tests.ui.sign_in_support import NEW_PASSWORD, PASSWORD, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import type_named as _type
from tests.ui.test_beyond_v2_pages import _window

pytestmark = pytest.mark.gui

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0"
INTERVAL_S = 0.2  # the polling interval, short for the test (the app's is 5 minutes)


def other_device_sign_in(pool: RunningPool, email: str, password: str, code: str) -> str:
    """Sign in as "another device": password, then the authenticator's code; its token."""
    with pytest.raises(GraphQLError) as challenged:
        login_as(pool, email, agent=FIREFOX, password=password)
    assert challenged.value.code == 1635
    signed_in = call(pool, "POST", "/api/v2/mfa/totp/verify", challenged.value.data["mfaToken"],
                     headers={"user-agent": FIREFOX}, json={"totp": code})
    assert signed_in["code"] == 200, signed_in
    token: str = signed_in["data"]["token"]
    return token


def turn_on_two_step(qtbot: Any, services: AppServices) -> pyotp.TOTP:
    client = services.session.client
    enrollment = drive(qtbot, client.associate_mfa_authenticator())
    totp = pyotp.TOTP(enrollment.secret)
    drive(qtbot, client.confirm_associate_mfa_authenticator(totp.now()))
    return totp


def signed_in_with_alerts(qtbot: Any, services: AppServices,
                          email: str) -> tuple[Any, SignInAlerts, pyotp.TOTP]:
    LanguageInstaller(QApplication.instance()).install("en")
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    totp = turn_on_two_step(qtbot, services)
    window = _window(qtbot, services)
    alerts = install_sign_in_alerts(window, services, interval_s=INTERVAL_S)
    # The first poll seeds this app's own device: no alert about itself.
    with qtbot.waitSignal(alerts.watcher.polled, timeout=10_000):
        pass
    assert not alerts.panel.isVisible() and alerts.presenter.alerts == []
    return window, alerts, totp


def open_secure_dialog(qtbot: Any, alerts: SignInAlerts) -> SecureAccountDialog:
    _click(qtbot, alerts.panel, "alerts.notMe")
    qtbot.waitUntil(lambda: bool(alerts.secure_dialogs)
                    and alerts.secure_dialogs[0].isVisible(), timeout=10_000)
    dialog = alerts.secure_dialogs[0]
    qtbot.waitUntil(lambda: dialog.presenter.two_step_on is not None, timeout=10_000)
    return dialog


def test_another_device_alert_then_this_wasnt_me_locks_it_out(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    services = pool_services
    email = f"{unique('e2e')}@example.com"
    window, alerts, old_totp = signed_in_with_alerts(qtbot, services, email)

    # Another device signs in; the alert shows within the polling interval.
    theirs = other_device_sign_in(pool, email, PASSWORD, old_totp.at(time.time() + 30))
    qtbot.waitUntil(alerts.panel.isVisible, timeout=10_000)
    text = alerts.panel.text.text()
    assert alerts.panel.title.text() == "New sign-in to your account"
    assert "Firefox on Windows" in text and "127.0.0.1" in text and "Just now" in text
    assert alerts.panel.not_me.accessibleName() and alerts.panel.was_me.accessibleName()

    # "This wasn't me": the guided recovery.
    dialog = open_secure_dialog(qtbot, alerts)
    assert dialog.presenter.two_step_on is True
    assert "Firefox on Windows" in dialog.intro.text()
    assert "3. Replace your authenticator" in dialog.plan.text()
    # The current password is asked at the start (it confirms it is you, and the new password
    # needs it).
    assert dialog.focusWidget() is dialog.current_password.edit
    _click(qtbot, dialog, "secureAccount.signOut")
    qtbot.waitUntil(dialog.current_row.error.isVisible, timeout=10_000)
    assert dialog.presenter.step == Step.SIGN_OUT  # nothing was done without it
    # A slip is caught before anything is done: the password is the step-up proof for the
    # sign-out (docs/step-up.md), so the user is not asked for it twice.
    _type(qtbot, dialog, "secureAccount.currentPassword", "not-my-password-1")
    _click(qtbot, dialog, "secureAccount.signOut")
    # Under way: progress shows, and Cancel waits (the call's outcome would be unknown).
    assert dialog.busy.isVisible() and dialog.start_button.text() == "Signing out…"
    assert not dialog.cancel_buttons[Step.SIGN_OUT].isEnabled()
    qtbot.waitUntil(lambda: dialog.current_row.error.text()
                    == "That password is not right. Try again.", timeout=10_000)
    assert dialog.presenter.step == Step.SIGN_OUT
    assert call(pool, "GET", "/api/v2/users/me", theirs)["code"] == 200  # not yet
    _type(qtbot, dialog, "secureAccount.currentPassword", PASSWORD)
    _click(qtbot, dialog, "secureAccount.signOut")
    qtbot.waitUntil(lambda: dialog.presenter.step == Step.PASSWORD, timeout=10_000)
    assert call(pool, "GET", "/api/v2/users/me", theirs)["code"] == 2020  # already refused
    assert services.session.state == SessionState.SIGNED_IN  # this computer stays
    # The current password is not asked again.
    assert not dialog.password_form.rows["old"].isVisible()
    _type(qtbot, dialog, "secureAccount.newPassword", NEW_PASSWORD)
    _type(qtbot, dialog, "secureAccount.confirmPassword", NEW_PASSWORD)
    _click(qtbot, dialog, "secureAccount.changePassword")
    qtbot.waitUntil(lambda: dialog.presenter.step == Step.TWO_STEP, timeout=10_000)

    _click(qtbot, dialog, "secureAccount.resetTwoStep")
    qtbot.waitUntil(lambda: bool(dialog.enrol_dialogs) and dialog.enrol_dialogs[0].isVisible(),
                    timeout=10_000)
    enrol = dialog.enrol_dialogs[0]
    qtbot.waitUntil(lambda: enrol.secret.text() != "", timeout=10_000)
    new_totp = pyotp.TOTP(enrol.secret.text().replace(" ", ""))
    assert new_totp.secret != old_totp.secret
    _type(qtbot, enrol, "twoStep.code", new_totp.now())
    _click(qtbot, enrol, "twoStep.confirm")
    qtbot.waitUntil(lambda: enrol.recovery_code.isVisible(), timeout=10_000)
    assert len(enrol.recovery_code.text()) >= 20  # the new recovery code, shown once
    _click(qtbot, enrol, "twoStep.done")
    qtbot.waitUntil(lambda: dialog.presenter.step is None, timeout=10_000)
    summary = dialog.summary.text()
    assert "Signed out 1 other device." in summary
    assert "Password changed." in summary and "Two-step verification reset" in summary
    summary_label = dialog.findChild(QLabel, "secureAccount.summary")
    assert dialog.focusWidget() is summary_label  # read out first
    _click(qtbot, dialog, "secureAccount.close")
    qtbot.waitUntil(lambda: not alerts.secure_dialogs, timeout=10_000)
    qtbot.waitUntil(lambda: not alerts.panel.isVisible(), timeout=10_000)
    assert services.session.state == SessionState.SIGNED_IN

    # The other session's token is refused, the old password and the old code fail.
    assert call(pool, "GET", "/api/v2/users/me", theirs)["code"] == 2020
    with pytest.raises(GraphQLError) as old_password:
        login_as(pool, email, agent=FIREFOX, password=PASSWORD)
    assert old_password.value.code == 2333
    with pytest.raises(GraphQLError) as challenged:
        login_as(pool, email, agent=FIREFOX, password=NEW_PASSWORD)
    assert challenged.value.code == 1635
    refused = call(pool, "POST", "/api/v2/mfa/totp/verify", challenged.value.data["mfaToken"],
                   headers={"user-agent": FIREFOX}, json={"totp": old_totp.now()})
    assert refused["code"] == 6001  # a wrong authenticator code

    # The login history shows it all.
    history = drive(qtbot, services.session.client.get_login_history(limit=50)).items
    firefox = [e for e in history if e.user_agent == FIREFOX]
    assert any(e.success and e.second_factor == "totp" for e in firefox)  # their sign-in
    assert any(not e.success and e.code == 2333 for e in firefox)  # the old password
    assert any(not e.success and e.second_factor == "totp" for e in firefox)  # the old code
    window.close()


def test_it_was_me_trusts_the_device_and_cancel_keeps_the_alert(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    services = pool_services
    email = f"{unique('mine')}@example.com"
    window, alerts, totp = signed_in_with_alerts(qtbot, services, email)
    theirs = other_device_sign_in(pool, email, PASSWORD, totp.at(time.time() + 30))
    qtbot.waitUntil(alerts.panel.isVisible, timeout=10_000)

    # Cancelled before anything was done: nothing changed, the alert stays.
    dialog = open_secure_dialog(qtbot, alerts)
    _click(qtbot, dialog, "secureAccount.cancel.signOut")
    qtbot.waitUntil(lambda: dialog.presenter.step is None, timeout=10_000)
    assert "not signed out (cancelled)" in dialog.summary.text()
    assert "Password not changed (cancelled)" in dialog.summary.text()
    _click(qtbot, dialog, "secureAccount.close")
    qtbot.waitUntil(lambda: not alerts.secure_dialogs, timeout=10_000)
    assert alerts.panel.isVisible()
    assert call(pool, "GET", "/api/v2/users/me", theirs)["code"] == 200

    # "It was me": the alert goes and the device is known (a sign-in from it is not news).
    key = alerts.presenter.alerts[0].device_key
    _click(qtbot, alerts.panel, "alerts.itWasMe")
    qtbot.waitUntil(lambda: not alerts.panel.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not alerts.presenter.busy, timeout=10_000)
    user = services.session.user
    assert user is not None and user.id
    stored = drive(qtbot, services.token_store.get(services.connection.profile_id,
                                                   entry_name(user.id)))
    state = AlertState.decode(stored or "")
    assert state is not None and key in state.known and key not in state.alerted
    with qtbot.waitSignal(alerts.watcher.polled, timeout=10_000):
        pass
    assert alerts.presenter.alerts == [] and not alerts.panel.isVisible()
    window.close()


def test_alerts_off_stops_polling_and_sign_out_stops_it(
        qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    services = pool_services
    email = f"{unique('off')}@example.com"
    window, alerts, totp = signed_in_with_alerts(qtbot, services, email)
    other_device_sign_in(pool, email, PASSWORD, totp.at(time.time() + 30))
    qtbot.waitUntil(alerts.panel.isVisible, timeout=10_000)
    assert alerts.watcher.running
    window.show_page("security")
    page = window.page("security")
    box = _find(page, QCheckBox, "settings.alerts")
    qtbot.waitUntil(box.isVisible, timeout=10_000)
    box.click()
    qtbot.waitUntil(lambda: not services.settings.current.alerts, timeout=10_000)
    assert not alerts.watcher.running
    box.click()
    qtbot.waitUntil(lambda: alerts.watcher.running, timeout=10_000)
    drive(qtbot, services.session.sign_out())
    assert not alerts.watcher.running
    # An account's open alerts go with it.
    assert alerts.presenter.alerts == [] and not alerts.panel.isVisible()
    window.close()
