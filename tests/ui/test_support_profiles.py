"""Connection profiles on the Support page with two real pools: add (validated inline), switch
(each profile restores its own remembered sign-in from its own keychain entries), switch
account, remove (signed out, its entries deleted). Once more on the real Secret Service."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton

from authing_desktop.api.models import User
from authing_desktop.presenters.profiles import ProfileForm
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.session import SessionState
from authing_desktop.services.settings import LOCAL_PROFILE_ID
from authing_desktop.services.token_store import MemoryTokenStore, TokenStore
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.pages.support_page import PROFILES_TAB, SupportPage
from authing_desktop.ui.pages.support_profiles import ProfilesTab
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import connected_services
from tests.ui.sign_in_support import click_named, type_into
from tests.ui.sign_in_support import find_named as _find

pytestmark = pytest.mark.gui

PASSWORD = "Pr0file-Passw0rd"


def sign_in_remembered(qtbot: Any, services: AppServices, email: str,
                       register: bool = True) -> User:
    async def run() -> User:
        client = await services.connection.wait_ready()
        if register:
            await client.register_by_email(email, PASSWORD)
        user = await client.login_by_email(email, PASSWORD)
        await services.session.adopt(user, remember=True, account=email)
        return user

    return drive(qtbot, run())


def open_profiles(qtbot: Any, services: AppServices) -> ProfilesTab:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("support")
    page = window.page("support")
    assert isinstance(page, SupportPage)
    page.tabs.setCurrentIndex(PROFILES_TAB)
    return page.profiles_tab


def add_remote_profile(qtbot: Any, tab: ProfilesTab, pool: RunningPool, name: str) -> str:
    click_named(qtbot, tab, "support.profileAdd")
    editor = tab.editor
    assert editor is not None and editor.isVisible()
    type_into(qtbot, editor.name, name)
    # Invalid first: errors inline, the dialog stays.
    type_into(qtbot, editor.app_host, "ftp://pool.example")
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.rows["appHost"].error.text().startswith("Enter the app's address")
    assert editor.rows["appId"].error.text() == "Enter the app id or the user pool id (or both)."
    type_into(qtbot, editor.app_host, pool.url)
    type_into(qtbot, editor.app_id, pool.app_id)
    type_into(qtbot, editor.user_pool_id, pool.user_pool_id)
    editor.public_key.setPlainText(pool.public_key)
    qtbot.mouseClick(editor.buttons.button(editor.buttons.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(p.name == name for p in tab.profiles.profiles), timeout=5000)
    qtbot.waitUntil(lambda: not tab.profiles.busy)
    profile = next(p for p in tab.profiles.profiles if p.name == name)
    assert profile.app_host == pool.url and profile.public_key == pool.public_key.strip()
    return profile.id


def show(tab: ProfilesTab) -> None:
    """Back to the Support page (signing in or out routes the window elsewhere)."""
    window = tab.window()
    assert isinstance(window, MainWindow)
    window.show_page("support")


def use(qtbot: Any, tab: ProfilesTab, services: AppServices, profile_id: str) -> None:
    show(tab)
    tab.select_profile_row(profile_id)
    click_named(qtbot, tab, "support.profileUse")
    qtbot.waitUntil(lambda: services.settings.current.selected_profile_id == profile_id)
    qtbot.wait(1)
    qtbot.waitUntil(lambda: not tab.profiles.busy, timeout=10_000)


def remove(qtbot: Any, tab: ProfilesTab, profile_id: str) -> None:
    show(tab)
    tab.select_profile_row(profile_id)
    click_named(qtbot, tab, "support.profileRemove")
    qtbot.waitUntil(lambda: tab.findChild(QMessageBox, "support.removeProfile.dialog")
                    is not None)
    box = tab.findChild(QMessageBox, "support.removeProfile.dialog")
    qtbot.mouseClick(box.findChild(QPushButton, "support.removeProfile.remove"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.profiles.settings.profile(profile_id) is None,
                    timeout=10_000)
    qtbot.waitUntil(lambda: not tab.profiles.busy)


def switching_scenario(qtbot: Any, app_paths: AppPaths, pool_a: RunningPool,
                       pool_b: RunningPool, store: TokenStore) -> None:
    services = connected_services(qtbot, app_paths, pool_a, token_store=store)
    try:
        alice = f"{unique('pa')}@example.com"
        sign_in_remembered(qtbot, services, alice)
        tab = open_profiles(qtbot, services)
        b_id = add_remote_profile(qtbot, tab, pool_b, "Pool B")
        assert drive(qtbot, store.get(LOCAL_PROFILE_ID, alice))

        # To B: A's session ends here, its keychain entry stays.
        use(qtbot, tab, services, b_id)
        assert services.session.state == SessionState.SIGNED_OUT
        assert drive(qtbot, store.get(LOCAL_PROFILE_ID, alice))
        bob = f"{unique('pb')}@example.com"
        user_b = sign_in_remembered(qtbot, services, bob)
        assert services.session.client.profile.host == pool_b.url
        assert drive(qtbot, store.get(b_id, bob)) == user_b.token
        assert drive(qtbot, store.get(LOCAL_PROFILE_ID, bob)) is None
        accounts = _find(tab, QComboBox, "support.accounts")
        assert accounts.currentText() == bob

        # Back to A: restored from A's own entry, no password typed.
        use(qtbot, tab, services, LOCAL_PROFILE_ID)
        qtbot.waitUntil(lambda: services.session.state == SessionState.SIGNED_IN, timeout=10_000)
        assert services.session.account == alice
        assert services.session.client.profile.host == pool_a.url

        # A second account on A, then switch between the two from the accounts box.
        carol = f"{unique('pc')}@example.com"
        sign_in_remembered(qtbot, services, carol)
        assert [accounts.itemText(i) for i in range(accounts.count())] == [
            carol, alice]
        show(tab)
        accounts.setCurrentIndex(1)
        click_named(qtbot, tab, "support.accountUse")
        qtbot.waitUntil(lambda: services.session.account == alice
                        and services.session.state == SessionState.SIGNED_IN, timeout=10_000)
        assert drive(qtbot, store.get(LOCAL_PROFILE_ID, carol))  # kept for switching back

        # Removing B deletes B's entries only.
        remove(qtbot, tab, b_id)
        assert drive(qtbot, store.get(b_id, bob)) is None
        assert drive(qtbot, store.get(LOCAL_PROFILE_ID, alice))
        assert services.session.state == SessionState.SIGNED_IN  # B was not the active profile
        # Removing the active profile signs out and deletes its entries.
        spare = drive(qtbot, tab.profiles.save_profile(ProfileForm(
            name="Spare", kind="remote", app_host=pool_b.url, app_id=pool_b.app_id)))
        assert spare is not None and spare.id.startswith("spare-")
        remove(qtbot, tab, LOCAL_PROFILE_ID)
        assert services.session.state == SessionState.SIGNED_OUT
        for account in (alice, carol):
            assert drive(qtbot, store.get(LOCAL_PROFILE_ID, account)) is None
        assert services.settings.current.selected_profile_id == spare.id
        # The last profile stays.
        assert not _find(tab, QPushButton, "support.profileRemove").isEnabled()
    finally:
        drive(qtbot, services.aclose())


def test_switching_profiles_and_accounts_keeps_separate_keychain_entries(
        qtbot: Any, qloop: Any, app_paths: AppPaths, make_pool: Any) -> None:
    switching_scenario(qtbot, app_paths, make_pool(), make_pool(), MemoryTokenStore())


@pytest.mark.keychain
def test_switching_profiles_on_the_real_keychain(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                                 pool: RunningPool, make_pool: Any) -> None:
    import keyring

    from authing_desktop.services.bus import MessageBus
    from authing_desktop.services.token_store import KeyringTokenStore, backend_class_path

    backend = keyring.get_keyring()
    if backend_class_path(backend) != "keyring.backends.SecretService.Keyring":
        import os

        if os.environ.get("REQUIRE_SECRET_SERVICE") == "1":
            pytest.fail("no Secret Service (REQUIRE_SECRET_SERVICE=1)")
        pytest.skip("no Secret Service keychain here")
    store = KeyringTokenStore(MessageBus(), backend)
    switching_scenario(qtbot, app_paths, pool, make_pool(), store)
    assert not store.memory_only
