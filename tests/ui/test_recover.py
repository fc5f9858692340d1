"""Forgotten password through the widgets: by email code and by SMS code, then back on the
sign-in page with the account filled in."""

from __future__ import annotations

from typing import Any

import pytest

from authing_desktop.presenters.recover import RecoverMethod
from authing_desktop.presenters.sign_in import Method
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.ui.sign_in_support import (
    NEW_PASSWORD,
    PASSWORD,
    choose,
    click,
    open_window,
    register_email_account,
    type_into,
    unique_phone,
    wait_idle,
)

pytestmark = pytest.mark.gui


def _finish(qtbot: Any, services: AppServices, page: Any, code: str) -> None:
    recover = page.recover
    type_into(qtbot, recover.code, code)
    type_into(qtbot, recover.password.edit, NEW_PASSWORD)
    type_into(qtbot, recover.confirm.edit, NEW_PASSWORD)
    click(qtbot, recover.submit)
    qtbot.waitUntil(lambda: page.current_view is page.sign_in, timeout=10_000)
    view = page.sign_in
    assert "password was changed" in view.status.notice.text()
    assert view.password.text() == ""
    type_into(qtbot, view.password.edit, NEW_PASSWORD)
    click(qtbot, view.submit)
    qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)


def test_recover_by_email(qtbot: Any, pool: RunningPool, pool_services: AppServices) -> None:
    email = f"{unique('rec')}@example.com"
    register_email_account(qtbot, pool_services, email)
    _window, page = open_window(qtbot, pool_services)
    type_into(qtbot, page.sign_in.email, email)
    click(qtbot, page.sign_in.forgot)
    recover = page.recover
    assert page.current_view is recover and recover.email.text() == email
    click(qtbot, recover.send_code)
    wait_idle(qtbot, recover.presenter)
    assert not recover.send_code.isEnabled()
    _finish(qtbot, pool_services, page, pool.latest_code(email, "RESET_PASSWORD"))
    assert page.sign_in.email.text() == email


def test_recover_by_sms(qtbot: Any, pool: RunningPool, pool_services: AppServices) -> None:
    phone = unique_phone()
    # A phone given at registration (no code sent yet, so the pool's resend interval is free).
    drive(qtbot, pool_services.session.client.register_by_username(
        unique("rec"), PASSWORD, profile={"phone": phone}))
    _window, page = open_window(qtbot, pool_services)
    page.show_recover()
    recover = page.recover
    choose(recover.method, RecoverMethod.PHONE)
    type_into(qtbot, recover.phone, phone)
    click(qtbot, recover.send_code)
    wait_idle(qtbot, recover.presenter)
    assert "Resend in" in recover.send_code.text()
    _finish(qtbot, pool_services, page, pool.latest_code(phone))
    assert page.sign_in.presenter.method is Method.PHONE_PASSWORD
    assert page.sign_in.phone.text() == phone


def test_wrong_code_keeps_the_form(qtbot: Any, pool: RunningPool,
                                   pool_services: AppServices) -> None:
    email = f"{unique('rec')}@example.com"
    register_email_account(qtbot, pool_services, email)
    _window, page = open_window(qtbot, pool_services)
    page.show_recover()
    recover = page.recover
    type_into(qtbot, recover.email, email)
    click(qtbot, recover.send_code)
    wait_idle(qtbot, recover.presenter)
    wrong = "000000" if pool.latest_code(email) != "000000" else "111111"
    type_into(qtbot, recover.code, wrong)
    type_into(qtbot, recover.password.edit, NEW_PASSWORD)
    type_into(qtbot, recover.confirm.edit, NEW_PASSWORD)
    click(qtbot, recover.submit)
    wait_idle(qtbot, recover.presenter)
    assert recover.status.error.text() == "The verification code is wrong."
    assert recover.password.text() == NEW_PASSWORD and page.current_view is recover
