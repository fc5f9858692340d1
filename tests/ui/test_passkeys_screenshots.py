"""Screenshots of the passkey screens for the README (light and dark, English and Chinese):
``docs/screenshots/passkeys-<screen>-<theme>_<lang>.png`` for the Security page's keys, the add
dialog waiting for the touch, and the second step offering the key. The software authenticator
stands in for the USB key."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWidget

from authing_desktop.api.errors import AuthingError
from authing_desktop.api.self_service_models import MfaChallenge
from authing_desktop.presenters.passkeys import PasskeysPresenter
from authing_desktop.presenters.second_factor import Factor, SecondFactorPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.passkey_dialog import PasskeyDialog
from authing_desktop.ui.dialogs.second_factor_dialog import SecondFactorDialog
from authing_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from authing_desktop.ui.pages.security_page import SecurityPage
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import connected_services, sign_in
from tests.fixtures.soft_key_client import SoftKeys
from tests.screenshot_helper import THEMES, capture
from tests.ui.sign_in_support import PASSWORD, register_email_account

pytestmark = pytest.mark.gui

DIALOG_SIZE = QSize(520, 240)


def _account_with_keys(qtbot: Any, services: AppServices, soft: SoftKeys,
                       names: tuple[str, ...]) -> str:
    services.passkeys.keys.client_factory = soft
    email = f"{unique('pk')}@example.com"
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    for name in names:
        soft.authenticator = type(soft.authenticator)()  # one physical key each
        drive(qtbot, services.passkeys.add(services.session.client, name))
    return email


def test_passkey_screenshots(qtbot: Any, qapp: Any, pool_services: AppServices) -> None:
    soft = SoftKeys()
    _account_with_keys(qtbot, pool_services, soft, ("Spare key (drawer)", "Blue USB key"))
    # The last key signs in once: its "last used" is filled.
    user = drive(qtbot, pool_services.passkeys.sign_in(pool_services.session.client))
    drive(qtbot, pool_services.session.adopt(user, remember=False, account=user.email or ""))

    def keys(widget: QWidget) -> None:
        assert isinstance(widget, MainWindow)
        widget.show_page("security")
        page = widget.page("security")
        assert isinstance(page, SecurityPage)
        qtbot.waitUntil(lambda: page.passkeys.loaded and not page.passkeys.busy
                        and not page.presenter.busy, timeout=10_000)
        qtbot.waitUntil(lambda: len(page.passkeys_card.rows) == 2)
        # The passkey line of "Ways to sign in" at the top, the keys' card under it.
        top = page.methods.cards["passkey"].mapTo(page.content, QPoint(0, 0)).y()
        page.scroll_area.verticalScrollBar().setValue(top - 8)
        assert page.error_label.text() == ""

    written = capture(qtbot, qapp, "passkeys-security", lambda: MainWindow(pool_services),
                      prepare=keys, size=DEFAULT_SIZE, themes=THEMES)

    # The add dialog, waiting for the touch.
    soft.hold = threading.Event()
    dialogs: list[PasskeyDialog] = []

    def add_dialog() -> QWidget:
        presenter = PasskeysPresenter(pool_services.session, pool_services.tasks,
                                      pool_services.passkeys)
        dialogs.append(PasskeyDialog(presenter))
        return dialogs[-1]

    def waiting(widget: QWidget) -> None:
        assert isinstance(widget, PasskeyDialog)
        soft.waiting.clear()
        widget.name.setText("Blue USB key")
        widget.do_submit()
        qtbot.waitUntil(soft.waiting.is_set, timeout=10_000)
        qtbot.waitUntil(lambda: widget.touch.text() == widget.tr("Touch your security key now."),
                        timeout=5000)

    written += capture(qtbot, qapp, "passkeys-add", add_dialog, prepare=waiting,
                       size=DIALOG_SIZE, themes=THEMES)
    # Closing the dialog stopped the key each time.
    qtbot.waitUntil(lambda: not pool_services.passkeys.keys.busy, timeout=5000)
    assert all(d.presenter.idle for d in dialogs)
    assert len(written) == 2 * 2 * len(THEMES)
    assert all(path.stat().st_size > 5_000 for path in written)


def test_second_step_screenshot(qtbot: Any, qapp: Any, qloop: Any, app_paths: Any,
                                make_pool: Any) -> None:
    pool: RunningPool = make_pool(passkey_second_factor=True)
    services = connected_services(qtbot, app_paths, pool)
    try:
        email = _account_with_keys(qtbot, services, SoftKeys(), ("Blue USB key",))
        drive(qtbot, services.session.sign_out())
        client = services.session.client
        with pytest.raises(AuthingError) as caught:
            drive(qtbot, client.login_by_email(email, PASSWORD))
        challenge = MfaChallenge.from_error(caught.value)
        assert challenge is not None

        def dialog() -> QWidget:
            presenter = SecondFactorPresenter(client, challenge, services.tasks,
                                              passkeys=services.passkeys)
            assert Factor.SECURITY_KEY in presenter.factors
            return SecondFactorDialog(presenter)

        written = capture(qtbot, qapp, "passkeys-second-step", dialog, size=DIALOG_SIZE,
                          themes=THEMES)
        assert len(written) == 2 * len(THEMES)
    finally:
        drive(qtbot, services.aclose())
