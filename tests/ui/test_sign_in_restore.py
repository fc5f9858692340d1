"""Restart with a remembered sign-in: the account pages open without typing; a revoked token
brings the sign-in page with a short message. Plus the README screenshots."""

from __future__ import annotations

from typing import Any

import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.profile import ConnectionProfile
from authing_desktop.presenters.sign_in import Method
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.services.token_store import MemoryTokenStore
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import connected_services
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, open_window

pytestmark = pytest.mark.gui


def _remembered_login(qtbot: Any, app_paths: AppPaths, pool: RunningPool,
                      store: MemoryTokenStore) -> tuple[str, str]:
    first = connected_services(qtbot, app_paths, pool, store)
    email = f"{unique('rs')}@example.com"

    async def run() -> str:
        client = first.session.client
        await client.register_by_email(email, PASSWORD)
        user = await client.login_by_email(email, PASSWORD)
        await first.session.adopt(user, remember=True, account=email)
        return str(user.token)

    token = drive(qtbot, run())
    drive(qtbot, first.aclose())
    return email, token


def test_restart_opens_the_account_pages(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                         pool: RunningPool) -> None:
    store = MemoryTokenStore()
    email, _token = _remembered_login(qtbot, app_paths, pool, store)
    services = connected_services(qtbot, app_paths, pool, store)
    try:
        window, page = open_window(qtbot, services)
        assert window.current_page_key == "signin"
        services.tasks.start(services.session.restore(), name="session.restore")  # as app.py
        qtbot.waitUntil(lambda: window.current_page_key == "profile", timeout=10_000)
        assert services.session.state == SessionState.SIGNED_IN
        assert services.session.account == email
        assert page.current_view is page.signed_in
    finally:
        drive(qtbot, services.aclose())


def test_a_revoked_token_brings_the_sign_in_page_with_a_message(
        qtbot: Any, qloop: Any, app_paths: AppPaths, pool: RunningPool) -> None:
    store = MemoryTokenStore()
    email, token = _remembered_login(qtbot, app_paths, pool, store)

    async def revoke() -> None:
        profile = ConnectionProfile(host=pool.url, user_pool_id=pool.user_pool_id,
                                    app_id=pool.app_id, public_key=pool.public_key)
        async with AuthenticationClient(profile, token=token) as other:
            await other.logout()

    drive(qtbot, revoke())
    services = connected_services(qtbot, app_paths, pool, store)
    try:
        window, page = open_window(qtbot, services)
        view = page.sign_in
        assert view.accounts.isVisible() and view.accounts.findData(email) >= 0
        task = services.tasks.start(services.session.restore(), name="session.restore")
        qtbot.waitUntil(task.done, timeout=10_000)
        assert services.session.state == SessionState.SIGNED_OUT
        assert window.current_page_key == "signin"
        assert view.message.isVisible() and "sign in again" in view.message.text()
        # Picking the remembered account fills the form.
        view.accounts.setCurrentIndex(view.accounts.findData(email))
        view.accounts.activated.emit(view.accounts.currentIndex())
        assert view.presenter.method is Method.EMAIL and view.email.text() == email
    finally:
        drive(qtbot, services.aclose())


def test_screenshots_of_sign_in_and_sign_up(qtbot: Any, qapp: Any,
                                            pool_services: AppServices) -> None:
    def window() -> MainWindow:
        return MainWindow(pool_services)

    def sign_up(widget: Any) -> None:
        widget.page("signin").show_sign_up()

    paths = capture(qtbot, qapp, "signin", window, themes=THEMES, size=DEFAULT_SIZE)
    paths += capture(qtbot, qapp, "signup", window, prepare=sign_up, themes=THEMES,
                     size=DEFAULT_SIZE)
    paths += capture(qtbot, qapp, "support", window, prepare=lambda w: w.show_page("support"),
                     themes=THEMES, size=DEFAULT_SIZE)
    assert [p.name for p in paths] == [
        f"{page}-{theme}_{language}.png" for page in ("signin", "signup", "support")
        for theme in THEMES for language in ("en", "zh_CN")]
    for path in paths:
        assert path.stat().st_size > 10_000
