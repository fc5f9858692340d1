"""The guided Security Checkup on the real session and pool: opened from the Security page (its
button, and the score gauge by keyboard), a user with problems walks through it and fixes
things in place (Enter on a fix, a device signed out, the password changed), the summary says
what changed and what still needs attention; a healthy account is green from start to end."""

from __future__ import annotations

from typing import Any

import httpx
import pyotp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from authing_desktop.presenters.checkup_steps import Step
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.ui.dialogs.security_checkup_dialog import SecurityCheckupDialog
from authing_desktop.ui.main_window import MainWindow
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.helpers import GraphQLError, login_email, rest
from tests.ui.page_states import tab_stops
from tests.ui.sign_in_support import (
    NEW_PASSWORD,
    PASSWORD,
    open_window,
    page_idle,
    register_email_account,
    unique_phone,
)
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import type_named as _type

pytestmark = pytest.mark.gui
STRONG = "Str0ng-Passw0rd-X"


def _open_checkup(qtbot: Any, window: MainWindow, *, by_gauge: bool = False
                  ) -> SecurityCheckupDialog:
    window.show_page("security")
    page = window.page("security")
    page_idle(qtbot, page)
    if by_gauge:
        gauge = page.gauge
        gauge.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(gauge, Qt.Key.Key_Return)
    else:
        _click(qtbot, page, "security.checkup")
    qtbot.waitUntil(lambda: bool(page.checkup_dialogs)
                    and page.checkup_dialogs[0].isVisible(), timeout=10_000)
    dialog: SecurityCheckupDialog = page.checkup_dialogs[0]
    qtbot.waitUntil(lambda: bool(dialog.presenter.steps) and not dialog.presenter.busy,
                    timeout=10_000)
    return dialog


def _idle(qtbot: Any, dialog: SecurityCheckupDialog) -> None:
    qtbot.wait(1)
    qtbot.waitUntil(lambda: not dialog.presenter.busy and not dialog.password.busy,
                    timeout=10_000)


def _go_to(qtbot: Any, dialog: SecurityCheckupDialog, step: Step) -> None:
    target = list(Step).index(step)
    while dialog.index < target:
        _click(qtbot, dialog, "checkup.next")
    while dialog.index > target:
        _click(qtbot, dialog, "checkup.back")
    assert dialog.pages.currentWidget() is dialog.panels[step]


def _reason(dialog: SecurityCheckupDialog, step: Step) -> str:
    return str(_find(dialog, QLabel, f"checkup.step.{step}.reason").text())


def test_a_user_with_problems_fixes_them_in_place_and_sees_the_summary(
        qtbot: Any, qapp: Any, pool_services: AppServices, pool: RunningPool) -> None:
    LanguageInstaller(qapp).install("en")
    email = f"{unique('chk')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    other = login_email(pool, email, PASSWORD)  # another device (another User-Agent)
    # The only second factor: text messages to one phone; no authenticator, no recovery code.
    client = pool_services.session.client
    phone = unique_phone()
    started = drive(qtbot, client.send_enroll_factor_request("SMS", phone=phone))
    drive(qtbot, client.enroll_factor("SMS", str(started.enrollment_token),
                                      pool.latest_code(phone)))
    window, _ = open_window(qtbot, pool_services)
    dialog = _open_checkup(qtbot, window)

    steps = _find(dialog, QListWidget, "checkup.steps")
    assert steps.count() == len(Step) + 1 and steps.currentRow() == 0
    amber = {s.step for s in dialog.presenter.steps if not s.ok}
    assert amber == {Step.CONTACTS, Step.RECOVERY_CODE, Step.SECOND_FACTOR, Step.PASSWORD,
                     Step.DEVICES, Step.ACTIVITY}
    assert "needs attention" in steps.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"{email} is not verified yet" in _reason(dialog, Step.CONTACTS)

    # Every control of every step has a name a screen reader says.
    for step in Step:
        dialog.go(list(Step).index(step))
        unnamed = [w.objectName() for w in tab_stops(dialog) if not w.accessibleName()]
        assert unnamed == [], step
    dialog.go(0)

    # Enter runs the step's one fix: the verification link goes out.
    fix = _find(dialog, QPushButton, "checkup.step.contacts.fix")
    assert fix.isVisible() and fix.isDefault() and fix.text() == "Send a verification link"
    qtbot.keyClick(fix, Qt.Key.Key_Return)
    _idle(qtbot, dialog)
    assert "We sent a link to" in _reason(dialog, Step.CONTACTS)
    assert any(m["to"] == email and m["scene"] == "VERIFY_EMAIL" for m in pool.outbox())
    assert fix.text() == "Send the link again"

    # The warning of a second factor on one phone without a recovery code.
    _go_to(qtbot, dialog, Step.SECOND_FACTOR)
    assert "only second step is on one phone" in _reason(dialog, Step.SECOND_FACTOR)
    assert _find(dialog, QPushButton, "checkup.step.secondFactor.fix").text() == \
        "Turn on two-step verification…"

    # The other device, signed out from its row: its token is dead at the pool.
    _go_to(qtbot, dialog, Step.DEVICES)
    _idle(qtbot, dialog)  # the last fix's re-check rebuilds the rows: click the new ones
    assert _reason(dialog, Step.DEVICES) == "1 other device signed in."
    _click(qtbot, dialog, "checkup.step.devices.fix.0")
    _idle(qtbot, dialog)
    assert _reason(dialog, Step.DEVICES) == "Only this device is signed in."
    assert rest(pool, "GET", "/api/v2/users/me", other["token"])["code"] == 2020
    assert "sign-in attempt" in _reason(dialog, Step.ACTIVITY)

    # The password, changed in place (Back to its step).
    _go_to(qtbot, dialog, Step.PASSWORD)
    assert _reason(dialog, Step.PASSWORD).startswith("Your password is easy to guess.")
    _type(qtbot, dialog, "checkup.step.password.oldPassword", PASSWORD)
    _type(qtbot, dialog, "checkup.step.password.newPassword", NEW_PASSWORD)
    _type(qtbot, dialog, "checkup.step.password.confirmPassword", NEW_PASSWORD + "x")
    _click(qtbot, dialog, "checkup.step.password.fix")
    _idle(qtbot, dialog)
    assert _find(dialog, QLabel, "checkup.step.password.confirmPasswordError").text()
    _type(qtbot, dialog, "checkup.step.password.confirmPassword", NEW_PASSWORD)
    _click(qtbot, dialog, "checkup.step.password.fix")
    qtbot.waitUntil(lambda: dialog.presenter.state_of(Step.PASSWORD).ok,  # type: ignore[union-attr]
                    timeout=10_000)
    _go_to(qtbot, dialog, Step.ACTIVITY)

    # The summary: what changed, plural-aware, and what is still open.
    _click(qtbot, dialog, "checkup.next")  # connections
    assert _find(dialog, QPushButton, "checkup.next").text() == "See the summary"
    _click(qtbot, dialog, "checkup.next")
    changed = _find(dialog, QLabel, "checkup.summary.changed").text()
    assert changed.splitlines() == ["✔ Changed your password",
                                    "✔ Sent a verification link to your email",
                                    "✔ Signed out 1 device"]
    still_open = _find(dialog, QLabel, "checkup.summary.open").text()
    assert "Second step at sign-in: Your only second step is on one phone" in still_open
    assert "Recovery code:" in still_open and "Password" not in still_open
    _click(qtbot, dialog, "checkup.next")  # Done
    page = window.page("security")
    qtbot.waitUntil(lambda: not page.checkup_dialogs, timeout=10_000)
    # At the pool: the new password passes (the second step, by text message, comes next).
    with pytest.raises(GraphQLError) as caught:
        login_email(pool, email, NEW_PASSWORD)
    assert caught.value.code == 1636


def test_a_healthy_account_is_green_and_the_gauge_opens_the_checkup_by_keyboard(
        qtbot: Any, qapp: Any, pool_services: AppServices, pool: RunningPool) -> None:
    LanguageInstaller(qapp).install("en")
    email = f"{unique('ok')}@example.com"
    register_email_account(qtbot, pool_services, email, STRONG)
    sign_in(qtbot, pool_services, email, STRONG)
    client = pool_services.session.client
    drive(qtbot, client.send_email(email, "VERIFY_EMAIL"))
    link = next(m["link"] for m in pool.outbox()
                if m["to"] == email and m["scene"] == "VERIFY_EMAIL")
    assert httpx.get(link, timeout=10).status_code == 200
    enrollment = drive(qtbot, client.associate_mfa_authenticator())
    drive(qtbot, client.confirm_associate_mfa_authenticator(
        pyotp.TOTP(enrollment.secret).now()))
    window, _ = open_window(qtbot, pool_services)
    dialog = _open_checkup(qtbot, window, by_gauge=True)

    assert all(s.ok for s in dialog.presenter.steps), dialog.presenter.steps
    assert _reason(dialog, Step.CONTACTS) == "Verified and ready to help you get back in."
    for step in Step:
        assert dialog.pages.currentWidget() is dialog.panels[step]
        assert not _find(dialog, QPushButton, f"checkup.step.{step}.fix").isVisible()
        # Nothing to fix: Enter goes on.
        assert _find(dialog, QPushButton, "checkup.next").isDefault()
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.index == dialog.last
    assert _find(dialog, QLabel, "checkup.summary.changed").text() == "Nothing was changed."
    assert _find(dialog, QLabel, "checkup.summary.open").text() == "Every step looks good."
    assert not _find(dialog, QLabel, "checkup.summary.openTitle").isVisible()
    _click(qtbot, dialog, "checkup.back")
    assert dialog.index == dialog.last - 1
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    page = window.page("security")
    qtbot.waitUntil(lambda: not page.checkup_dialogs, timeout=10_000)


def test_the_one_phone_warning_is_fixed_by_turning_on_the_authenticator_on_top(
        qtbot: Any, qapp: Any, pool_services: AppServices, pool: RunningPool) -> None:
    LanguageInstaller(qapp).install("en")
    email = f"{unique('chk2')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    client = pool_services.session.client
    phone = unique_phone()
    started = drive(qtbot, client.send_enroll_factor_request("SMS", phone=phone))
    drive(qtbot, client.enroll_factor("SMS", str(started.enrollment_token),
                                      pool.latest_code(phone)))
    window, _ = open_window(qtbot, pool_services)
    dialog = _open_checkup(qtbot, window)
    _go_to(qtbot, dialog, Step.SECOND_FACTOR)
    assert "only second step is on one phone" in _reason(dialog, Step.SECOND_FACTOR)

    # The existing enrolment dialog opens over the checkup; the step re-evaluates after it.
    _click(qtbot, dialog, "checkup.step.secondFactor.fix")
    qtbot.waitUntil(lambda: bool(dialog.enrol_dialogs) and dialog.enrol_dialogs[0].isVisible(),
                    timeout=10_000)
    enrol = dialog.enrol_dialogs[0]
    assert enrol.parent() is dialog
    qtbot.waitUntil(lambda: enrol.secret.text() != "", timeout=10_000)
    secret = enrol.secret.text().replace(" ", "")
    _type(qtbot, enrol, "twoStep.code", pyotp.TOTP(secret).now())
    _click(qtbot, enrol, "twoStep.confirm")
    qtbot.waitUntil(lambda: enrol.recovery_code.isVisible(), timeout=10_000)
    _click(qtbot, enrol, "twoStep.done")
    qtbot.waitUntil(lambda: not dialog.enrol_dialogs, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.presenter.state_of(Step.SECOND_FACTOR).ok,  # type: ignore[union-attr]
                    timeout=10_000)
    assert dialog.presenter.state_of(Step.RECOVERY_CODE).ok  # type: ignore[union-attr]
    assert _reason(dialog, Step.SECOND_FACTOR) == "Signing in asks for a second step."
    dialog.go(dialog.last)
    assert _find(dialog, QLabel, "checkup.summary.changed").text() == \
        "✔ Turned on two-step verification"


def test_this_wasnt_me_calls_the_wired_hook_else_opens_the_login_history(
        qtbot: Any, qapp: Any, pool_services: AppServices, pool: RunningPool) -> None:
    from authing_desktop.presenters.login_history import HistoryRow

    LanguageInstaller(qapp).install("en")
    email = f"{unique('chk3')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    login_email(pool, email, PASSWORD)  # a sign-in from another device
    window, _ = open_window(qtbot, pool_services)
    page = window.page("security")
    reported: list[HistoryRow] = []
    # A hook that did something at once (the real one calls back when its dialog did).
    page.wasnt_me = lambda row, done: (reported.append(row), done())
    dialog = _open_checkup(qtbot, window)
    _go_to(qtbot, dialog, Step.ACTIVITY)
    assert _reason(dialog, Step.ACTIVITY) == "1 sign-in attempt from another device."
    row = _find(dialog, QLabel, "checkup.step.activity.row.0.text").text()
    assert row.startswith("Signed in · ") and "127.0.0.1" in row
    button = _find(dialog, QPushButton, "checkup.step.activity.fix.0")
    assert button.text() == "This wasn't me" and button.accessibleName().startswith(
        "This wasn't me: Signed in")
    _click(qtbot, dialog, "checkup.step.activity.fix.0")
    assert len(reported) == 1 and reported[0].success and reported[0].ip == "127.0.0.1"
    _idle(qtbot, dialog)
    dialog.go(dialog.last)
    assert _find(dialog, QLabel, "checkup.summary.changed").text() == \
        "✔ Reported 1 sign-in that was not you"
    _click(qtbot, dialog, "checkup.close")
    qtbot.waitUntil(lambda: not page.checkup_dialogs, timeout=10_000)

    # Not wired: the Login history page, where the attempt can be looked at.
    page.wasnt_me = None
    dialog = _open_checkup(qtbot, window)
    _go_to(qtbot, dialog, Step.ACTIVITY)
    _click(qtbot, dialog, "checkup.step.activity.fix.0")
    qtbot.waitUntil(lambda: not page.checkup_dialogs, timeout=10_000)
    assert dialog.left_for == "history"
    qtbot.waitUntil(lambda: window.page("history").isVisible(), timeout=10_000)
