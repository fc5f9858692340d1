"""The fault matrix: every network fault on the sign-in, profile-save and bind-phone steps.

For each fault the same script runs the three steps through the real widgets: type the form,
turn the fault on, submit, then check that the page's error label says what happened in the
current language, the form still holds what was typed, the busy state ended, then turn the fault
off and submit again: it must succeed. Throughout: no crash report, no crash dialog, no error
logged, no exception in a Qt slot (pytest-qt fails the test on those), none in the event loop
(the ``qloop`` fixture fails on those).

Faults come from real sockets (`tests.flows.faults`); ``pool_stopped`` stops the local pool
process itself and starts it again on the same port and data dir.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QProgressBar, QWidget

from authing_desktop.api.user_messages import MALFORMED_ERROR, NETWORK_ERROR, TIMEOUT_ERROR
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.crash_handler import CrashHandler
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.services.session import SessionState
from authing_desktop.services.token_store import MemoryTokenStore
from authing_desktop.ui.main_window import MainWindow
from tests.fixtures.account_session import pool_client
from tests.fixtures.pool import RunningPool, start_pool
from tests.flows.faults import FaultServers, FaultTransport
from tests.flows.full_flow import Driver, latest_code, make_services, unique_phone

pytestmark = pytest.mark.gui

PASSWORD = "Fault-Passw0rd-1"

EXPECTED = {
    "refused": NETWORK_ERROR,
    "reset": NETWORK_ERROR,
    "tls": NETWORK_ERROR,
    "pool_stopped": NETWORK_ERROR,
    "timeout": TIMEOUT_ERROR,
    "bad_gateway": MALFORMED_ERROR,
    "truncated": MALFORMED_ERROR,
    "graphql_string": MALFORMED_ERROR,
}
# The zh_CN texts written out: the check must not pass by translating to English.
CHINESE = {
    NETWORK_ERROR: "无法连接服务器，请检查网络连接。",
    TIMEOUT_ERROR: "服务器响应超时，请重试。",
    MALFORMED_ERROR: "服务器返回了异常的响应，请稍后再试。",
}
CASES = [(fault, "en") for fault in EXPECTED] + [("reset", "zh_CN")]


@pytest.fixture(scope="module")
def fault_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultServers]:
    servers = FaultServers(tmp_path_factory.mktemp("faults")).start()
    try:
        yield servers
    finally:
        servers.stop()


class FaultSwitch:
    """Turns one fault on and off: a fault server, or the pool process itself."""

    def __init__(self, fault: str, transport: FaultTransport, pool: RunningPool) -> None:
        self.fault = fault
        self.transport = transport
        self.pool = pool

    def on(self) -> None:
        if self.fault == "pool_stopped":
            self.pool.stop()
        else:
            self.transport.fault = self.fault

    def off(self) -> None:
        if self.fault == "pool_stopped":
            _restart(self.pool)
        else:
            self.transport.fault = None


def _restart(pool: RunningPool) -> None:
    """The same pool again: same data dir, same port (clients keep their URL)."""
    port = int(pool.url.rsplit(":", 1)[1])
    again = start_pool(pool.data_dir, port=port, resend_interval=0, captcha_after=1)
    assert again.url == pool.url and again.app_id == pool.app_id
    # A new start has a new admin token.
    pool.child = again.child
    pool.admin_token = again.admin_token


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    lang = request.param
    installer = LanguageInstaller(qapp)
    installer.install(lang)
    try:
        yield lang
    finally:
        installer.install("en")
        QLocale.setDefault(QLocale(QLocale.Language.English))
        QCoreApplication.processEvents()


def _expected_text(fault: str, lang: str) -> str:
    source = EXPECTED[fault]
    if lang == "zh_CN":
        return CHINESE[source]
    return QCoreApplication.translate("AuthingError", source)


def _assert_failed_cleanly(d: Driver, page: QWidget, error_name: str, busy_name: str,
                           submit: QAbstractButton, expected: str,
                           kept: dict[str, str]) -> None:
    error = d.find(page, QLabel, error_name)
    d.wait_until(lambda: error.isVisible() and bool(error.text()), what="the error message")
    assert error.text() == expected
    busy = d.find(page, QProgressBar, busy_name)
    d.wait_until(lambda: not busy.isVisibleTo(page) and submit.isEnabled(),
                 what="the busy state to end")
    for name, text in kept.items():
        assert d.find(page, QLineEdit, name).text() == text, f"{name} lost what was typed"


@pytest.mark.parametrize(("fault", "language"), CASES, indirect=["language"],
                         ids=[f"{f}-{lang}" for f, lang in CASES])
def test_fault_on_sign_in_profile_save_and_bind_phone(
        qtbot: Any, qloop: Any, tmp_path: Path, flow_pool: RunningPool,
        fault_servers: FaultServers, caplog: pytest.LogCaptureFixture,
        fault: str, language: str) -> None:
    caplog.set_level(logging.INFO)
    d = Driver()
    paths = AppPaths.under(tmp_path / "app")
    crash = CrashHandler(paths.crash_dir)
    transport = FaultTransport(fault_servers)
    switch = FaultSwitch(fault, transport, flow_pool)
    services = make_services(paths, flow_pool, MemoryTokenStore(), crash,
                             http_transport=transport)
    expected = _expected_text(fault, language)
    email = f"fault-{fault}-{id(switch):x}@example.com"

    async def register() -> None:
        async with pool_client(flow_pool) as client:
            await client.register_by_email(email, PASSWORD)

    d.run(register())
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    try:
        # ---- sign-in
        page: Any = d.open_page(window, "signin")
        d.type_into(page, "signin.email", email)
        d.type_into(page, "signin.password", PASSWORD)
        submit = d.find(page, QAbstractButton, "signin.submit")
        switch.on()
        try:
            d.click(submit)
            d.wait_until(lambda: page.sign_in.presenter.idle, what="sign-in to give up")
            _assert_failed_cleanly(d, page, "signin.error", "signin.busy", submit, expected,
                                   {"signin.email": email, "signin.password": PASSWORD})
        finally:
            switch.off()
        d.click(submit)
        d.wait_until(lambda: services.session.state == SessionState.SIGNED_IN,
                     what="signed in on retry")

        # ---- profile save
        page = d.open_page(window, "profile")
        d.wait_until(lambda: page.presenter.loaded and not page.presenter.busy,
                     what="profile loaded")
        d.type_into(page, "profile.nickname", "Faulty")
        save = d.find(page, QAbstractButton, "profile.save")
        switch.on()
        try:
            d.click(save)
            _assert_failed_cleanly(d, page, "profile.error", "profile.busy", save, expected,
                                   {"profile.nickname": "Faulty"})
            assert page.presenter.dirty
        finally:
            switch.off()
        d.click(save)
        d.wait_until(lambda: not page.presenter.dirty and not page.presenter.busy,
                     what="profile saved on retry")
        assert services.session.user is not None
        assert services.session.user.nickname == "Faulty"

        # ---- bind phone
        page = d.open_page(window, "contacts")
        d.wait_until(lambda: not page.presenter.busy, what="contacts loaded")
        phone = unique_phone()
        d.type_into(page, "contacts.newPhone", phone)
        d.click_button(page, "contacts.sendPhoneCode")
        d.wait_until(lambda: not page.presenter.busy, what="code sent")
        code = latest_code(flow_pool, phone)
        d.type_into(page, "contacts.phoneCode", code)
        bind = d.find(page, QAbstractButton, "contacts.submitPhone")
        switch.on()
        try:
            d.click(bind)
            _assert_failed_cleanly(d, page, "contacts.error", "contacts.busy", bind, expected,
                                   {"contacts.newPhone": phone, "contacts.phoneCode": code})
        finally:
            switch.off()
        d.click(bind)
        value = d.find(page, QLabel, "contacts.phoneValue")
        d.wait_until(lambda: value.text() == phone, what="phone bound on retry")
        if fault != "pool_stopped":
            assert transport.faulted_requests >= 3
    finally:
        window.close()
        d.run(services.aclose())

    assert crash.reports == []
    assert window.crash_dialog is None
    problems = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert problems == [], [r.getMessage() for r in problems]
