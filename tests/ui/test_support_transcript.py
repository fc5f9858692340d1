"""Done-when of the support tools: a flow recorded in the GUI (sign-up -> sign-in with captcha
-> bind phone -> change password -> sign-out, all through the pages), saved from the Support
page, free of secrets, and replayed with identical outcome codes: by the CLI on a fresh pool,
and by the page's own Replay action."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget, QWidget

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.support_page import TRANSCRIPT_TAB, SupportPage
from tests.fixtures.pool import RunningPool, unique
from tests.ui.sign_in_support import click, open_window, type_into, unique_phone, wait_idle
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import page_idle as _idle

pytestmark = pytest.mark.gui

PASSWORD = "Gui-Fl0w-Passw0rd"
NEW_PASSWORD = "Gui-N3w-Passw0rd!"
WRONG = "Wr0ng-Passw0rd1"


def support_page(window: MainWindow) -> SupportPage:
    window.show_page("support")
    page = window.page("support")
    assert isinstance(page, SupportPage)
    return page


def gui_flow(qtbot: Any, window: MainWindow, services: AppServices,
             pool: RunningPool) -> dict[str, str]:
    signin = window.page("signin")
    email = f"{unique('gui')}@example.com"
    phone = unique_phone()

    # Sign up.
    window.show_page("signin")
    click(qtbot, signin.sign_in.sign_up)
    signup = signin.sign_up
    type_into(qtbot, signup.email, email)
    type_into(qtbot, signup.password.edit, PASSWORD)
    type_into(qtbot, signup.confirm.edit, PASSWORD)
    qtbot.waitUntil(lambda: signup.strength.verdict.pool_ok is not None, timeout=5000)
    click(qtbot, signup.submit)
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)
    # Signing in opens Profile, which loads the user: let that call finish first, or the
    # recording's order depends on which of it and the sign-out answers first.
    qtbot.waitUntil(lambda: not any(t.get_name() == "profile.load" for t in services.tasks.tasks),
                    timeout=10_000)
    window.show_page("signin")
    click(qtbot, signin.signed_in.sign_out)
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_OUT, timeout=10_000)

    # Three wrong passwords, then the right one needs the captcha.
    view = signin.sign_in
    type_into(qtbot, view.email, email)
    for _ in range(3):
        type_into(qtbot, view.password.edit, WRONG)
        click(qtbot, view.submit)
        wait_idle(qtbot, view.presenter)
        assert view.status.error.isVisible()
    type_into(qtbot, view.password.edit, PASSWORD)
    click(qtbot, view.submit)
    wait_idle(qtbot, view.presenter)
    assert view.captcha.isVisible()
    answer = pool.latest_captcha()
    type_into(qtbot, view.captcha.edit, answer)
    click(qtbot, view.submit)
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)
    token = services.session.client.token or ""

    # Bind a phone with the code from the outbox.
    window.show_page("contacts")
    contacts = window.page("contacts")
    _idle(qtbot, contacts)
    type_into(qtbot, _find(contacts, QLineEdit, "contacts.newPhone"), phone)
    click(qtbot, _find(contacts, QPushButton, "contacts.sendPhoneCode"))
    _idle(qtbot, contacts)
    code = pool.latest_code(phone)
    type_into(qtbot, _find(contacts, QLineEdit, "contacts.phoneCode"), code)
    click(qtbot, _find(contacts, QPushButton, "contacts.submitPhone"))
    qtbot.waitUntil(lambda: _find(contacts, QLabel, "contacts.phoneValue").text() == phone,
                    timeout=10_000)

    # Change the password.
    window.show_page("security")
    security = window.page("security")
    _idle(qtbot, security)
    type_into(qtbot, _find(security, QLineEdit, "security.oldPassword"), PASSWORD)
    type_into(qtbot, _find(security, QLineEdit, "security.newPassword"), NEW_PASSWORD)
    type_into(qtbot, _find(security, QLineEdit, "security.confirmPassword"), NEW_PASSWORD)
    click(qtbot, _find(security, QPushButton, "security.changePassword"))
    qtbot.waitUntil(lambda: security.notice_label.text() == "Your password was changed.",
                    timeout=10_000)
    # The page reloads the security level after the change: signing out while that request
    # is in flight would make its outcome a race, which no replay can reproduce.
    _idle(qtbot, security)

    # Sign out.
    window.show_page("signin")
    click(qtbot, signin.signed_in.sign_out)
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_OUT, timeout=10_000)
    _idle(qtbot, view)
    return {"email": email, "phone": phone, "code": code, "captcha": answer, "token": token}


def assert_clean(text: str, values: dict[str, str]) -> None:
    for secret in (PASSWORD, NEW_PASSWORD, WRONG, values["email"], values["phone"],
                   values["email"].split("@")[0], values["token"]):
        assert secret not in text, secret
    for short in (values["code"], values["captcha"]):
        assert f'"{short}"' not in text, short
    assert "eyJ" not in text


def test_gui_flow_recorded_saved_clean_and_replayed(
        qtbot: Any, pool_services: AppServices, pool: RunningPool, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _signin = open_window(qtbot, pool_services)
    page = support_page(window)
    tab = page.transcript_tab
    record = _find(page, QPushButton, "support.record")
    record_status = _find(page, QLabel, "support.recordStatus")
    save = _find(page, QPushButton, "support.saveTranscript")
    page.tabs.setCurrentIndex(TRANSCRIPT_TAB)
    click(qtbot, record)
    qtbot.waitUntil(lambda: tab.transcript.recording, timeout=5000)
    assert record.text() == "Stop recording"

    values = gui_flow(qtbot, window, pool_services, pool)

    page = support_page(window)
    assert "call(s) so far" in record_status.text()
    click(qtbot, record)
    assert not tab.transcript.recording and save.isEnabled()
    path = tmp_path / "gui-flow.json"
    monkeypatch.setattr(tab, "choose_save_path", lambda chosen: chosen(path))
    click(qtbot, save)
    assert path.exists() and record_status.text() == f"Saved to {path}."
    text = path.read_text(encoding="utf-8")
    assert_clean(text, values)
    calls = json.loads(text)["calls"]
    names = [c["operation"] for c in calls]
    for expected in ("registerByEmail", "loginByEmail", "/api/v2/sms/send", "bindPhone",
                     "updatePassword", "/api/v2/logout"):
        assert any(expected in name for name in names), (expected, names)
    assert [c["code"] for c in calls if c["operation"] == "loginByEmail"][-2:] == [2000, 200]
    # The inspector shows the same session, redacted too.
    assert page.inspector.model.rowCount() >= len(calls)

    # The CLI replays it on a fresh pool with the same outcome codes.
    result = subprocess.run(
        [sys.executable, "-m", "authing_desktop", "replay", str(path)],
        capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == f"{len(calls)}/{len(calls)} outcome codes match."

    # So does the page's Replay action (a fresh embedded pool in this process).
    assert _find(page, QLineEdit, "support.replayFile").text() == str(path)
    click(qtbot, _find(page, QPushButton, "support.replay"))
    qtbot.waitUntil(lambda: tab.replayer.report is not None, timeout=60_000)
    qtbot.waitUntil(lambda: not tab.replayer.busy, timeout=10_000)
    report = tab.replayer.report
    assert report is not None and report.all_match, [
        (o.operation, o.original_code, o.replayed_code) for o in report.mismatches]
    assert _find(page, QTableWidget, "support.replayResults").rowCount() == len(calls)
    assert (_find(page, QLabel, "support.replaySummary").text()
            == f"{len(calls)} of {len(calls)} outcome codes match.")
    assert not _find(page, QWidget, "support.diff").isVisible()
