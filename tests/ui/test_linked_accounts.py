"""The Linked accounts page on the real session and pool (docs/linked-accounts.md): the list, the
empty state, linking in the "browser" (an injected opener that plays the browser with httpx:
it follows the link, submits the simulated provider's form and visits the app's loopback
listener), cancelling the wait, an outside account already linked to someone else, unlinking
(asked first) and the refusal when it is the only way in."""

from __future__ import annotations

import re
import threading
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.linked_accounts_page import LinkedAccountsPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.ui.sign_in_support import PASSWORD, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.test_beyond_v2_pages import _answer_question, _idle, _window

pytestmark = pytest.mark.gui


class ProviderBrowser:
    """An opener that signs in to the simulated provider as ``name`` in a thread (a real
    browser does not block the app's loop), then follows the redirect to the app. With
    ``name`` None it only records the URL (the user never finishes)."""

    def __init__(self, name: str | None) -> None:
        self.name = name
        self.opened: list[str] = []
        self.landed: httpx.Response | None = None
        self.failure: BaseException | None = None
        self.thread: threading.Thread | None = None

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        if self.name is not None:
            self.thread = threading.Thread(target=self._browse, args=(url,), daemon=True)
            self.thread.start()
        return True

    def _browse(self, url: str) -> None:
        try:
            with httpx.Client(timeout=10) as browser:
                started = browser.get(url)
                page = browser.get(httpx.URL(url).join(started.headers["location"]))
                state = re.search(r'name="state" value="([^"]+)"', page.text)
                action = re.search(r'<form method="post" action="([^"]+)"', page.text)
                assert state is not None and action is not None, page.text
                answer = browser.post(page.url.join(action.group(1)), data={
                    "state": state.group(1), "name": self.name, "action": "link"})
                self.landed = browser.get(answer.headers["location"])
        except BaseException as exc:  # reported to the test
            self.failure = exc

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join(10)
        if self.failure is not None:
            raise self.failure


def _page(qtbot: Any, services: AppServices) -> tuple[MainWindow, LinkedAccountsPage]:
    LanguageInstaller(QApplication.instance()).install("en")
    window = _window(qtbot, services)
    window.show_page("linkedAccounts")
    page = window.page("linkedAccounts")
    assert isinstance(page, LinkedAccountsPage)
    _idle(qtbot, page)
    return window, page


def _signed_in(qtbot: Any, services: AppServices, prefix: str) -> str:
    email = f"{unique(prefix)}@example.com"
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    return email


def _link(qtbot: Any, page: LinkedAccountsPage, services: AppServices, source: str,
          name: str) -> ProviderBrowser:
    browser = ProviderBrowser(name)
    services.account_linking.open_url = browser
    index = next(i for i, view in enumerate(page.source_views)
                 if view.row.identifier == source)
    _click(qtbot, page, f"linkedAccounts.source{index}.link")
    qtbot.waitUntil(lambda: bool(browser.opened), timeout=10_000)
    _idle(qtbot, page)
    browser.join()
    return browser


def test_empty_state_link_and_unlink(qtbot: Any, pool_services: AppServices) -> None:
    _signed_in(qtbot, pool_services, "linkui")
    _window_, page = _page(qtbot, pool_services)
    # Empty: icon, title, sentence and the action; both sources offered.
    assert page.empty.isVisible()
    assert _find(page, QLabel, "linkedAccounts.emptyTitle").text() == "No linked accounts"
    assert [v.title.text() for v in page.source_views] == ["WeChat", "Example OIDC"]
    _click(qtbot, page, "linkedAccounts.emptyAction")
    assert page.source_views[0].link.hasFocus()

    outside = unique("octo")
    browser = _link(qtbot, page, pool_services, "example-oidc", outside)
    assert browser.landed is not None and browser.landed.status_code == 200
    assert "close this tab" in browser.landed.text
    token = pool_services.session.client.token
    assert token and token not in browser.opened[0]
    # The call log (inspector, transcripts) kept the calls, not the token or the ticket.
    ticket = httpx.URL(browser.opened[0]).params["link_ticket"]
    logged = [c for c in pool_services.call_log.calls if "link-extidp" in c.path]
    assert logged and token not in repr(logged) and ticket not in repr(logged)
    assert page.error_label.text() == ""
    assert page.notice_label.text() == "Example OIDC is linked. You can now sign in with it too."
    assert not page.empty.isVisible() and len(page.account_views) == 1
    view = page.account_views[0]
    assert view.title.text() == "Example OIDC"
    assert view.details.text().startswith(f"{outside} · Linked ")
    assert [v.row.identifier for v in page.source_views] == ["wechat-pc"]
    assert not page.waiting.isVisible()

    # Unlink asks first; Cancel keeps it.
    _click(qtbot, page, "linkedAccounts.account0.unlink")
    _answer_question(qtbot, "linkedAccounts.unlinkConfirm.cancel")
    assert len(drive(qtbot, pool_services.session.client.get_identities())) == 1
    _click(qtbot, page, "linkedAccounts.account0.unlink")
    _answer_question(qtbot, "linkedAccounts.unlinkConfirm.unlink")
    qtbot.waitUntil(lambda: not page.account_views, timeout=10_000)
    _idle(qtbot, page)
    assert page.notice_label.text() == "Example OIDC is unlinked from your account."
    assert drive(qtbot, pool_services.session.client.get_identities()) == []


def test_link_cancelled_while_waiting(qtbot: Any, pool_services: AppServices) -> None:
    _signed_in(qtbot, pool_services, "linkcancel")
    _window_, page = _page(qtbot, pool_services)
    browser = ProviderBrowser(None)  # the user never finishes in the browser
    pool_services.account_linking.open_url = browser
    _click(qtbot, page, "linkedAccounts.source0.link")
    qtbot.waitUntil(lambda: page.waiting.isVisible(), timeout=10_000)
    assert _find(page, QLabel, "linkedAccounts.waitingText").text() == \
        "Finish in your browser…"
    qtbot.waitUntil(lambda: bool(browser.opened), timeout=10_000)  # the URL comes first
    assert len(browser.opened) == 1 and not page.source_views[0].link.isEnabled()
    _click(qtbot, page, "linkedAccounts.cancelLink")
    qtbot.waitUntil(lambda: not page.waiting.isVisible(), timeout=10_000)
    _idle(qtbot, page)
    focused = QApplication.focusWidget()  # the keyboard focus stays on the page
    assert focused is not None and page.isAncestorOf(focused)
    assert "Linking stopped" in page.notice_label.text()
    assert page.error_label.text() == "" and page.source_views[0].link.isEnabled()
    # Esc stops the wait too.
    _click(qtbot, page, "linkedAccounts.source1.link")
    qtbot.waitUntil(lambda: len(browser.opened) == 2, timeout=10_000)
    assert page.waiting.isVisible() and page.cancel_button.hasFocus()
    qtbot.keyClick(page.cancel_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.waiting.isVisible(), timeout=10_000)
    _idle(qtbot, page)
    assert drive(qtbot, pool_services.session.client.get_identities()) == []


def test_already_linked_to_another_user(qtbot: Any, pool_services: AppServices,
                                        pool: RunningPool) -> None:
    from tests.localpool.helpers import register_email
    from tests.localpool.test_account_linking import link

    outside = unique("taken")
    other = register_email(pool)
    assert link(pool, other["token"], "wechat-pc", outside)["success"] == "true"
    _signed_in(qtbot, pool_services, "linktaken")
    _window_, page = _page(qtbot, pool_services)
    _link(qtbot, page, pool_services, "wechat-pc", outside)
    assert page.error_label.text() == (
        "That WeChat account is already linked to another user. Unlink it there first, or "
        "sign in to WeChat with another account.")
    assert page.account_views == [] and len(page.source_views) == 2


def test_only_way_in_cannot_be_unlinked(qtbot: Any, pool_services: AppServices,
                                        pool: RunningPool) -> None:
    from tests.localpool.test_mfa import call

    issued = call(pool, "POST", "/_localpool/wechat/code", json={"identity": unique("wxonly")},
                  headers=pool.admin_headers)["data"]

    async def wechat_only() -> None:
        user = await pool_services.session.client.wechat_login(issued["code"])
        await pool_services.session.adopt(user, remember=False, account="wechat")

    drive(qtbot, wechat_only())
    _window_, page = _page(qtbot, pool_services)
    assert [v.title.text() for v in page.account_views] == ["WeChat"]
    assert not page.empty.isVisible()
    _click(qtbot, page, "linkedAccounts.account0.unlink")
    _answer_question(qtbot, "linkedAccounts.unlinkConfirm.unlink")
    qtbot.waitUntil(lambda: page.error_label.text() != "", timeout=10_000)
    assert page.error_label.text() == (
        "This is your only way to sign in. Add a password, phone or email first.")
    assert len(page.account_views) == 1
    assert _find(page, QPushButton, "linkedAccounts.account0.unlink").isEnabled()
