"""The recovery code on the Security page, on the real session and pool: the card says when
the code was made (in the user's locale), "Regenerate…" asks first (with the authenticator's
current code), shows the new code once, and the old code is dead at the pool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyotp
import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from authing_desktop.presenters.wording import local_date_time
from authing_desktop.services.app_services import AppServices
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import sign_in
from tests.localpool.helpers import login_email
from tests.localpool.test_mfa import call, challenge_of
from tests.ui.sign_in_support import PASSWORD, open_window, page_idle, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import type_named as _type

pytestmark = pytest.mark.gui


def enrol(qtbot: Any, services: AppServices) -> tuple[pyotp.TOTP, str]:
    """Turn the authenticator on through the client: (the authenticator, its recovery code)."""
    client = services.session.client
    enrollment = drive(qtbot, client.associate_mfa_authenticator())
    totp = pyotp.TOTP(enrollment.secret)
    drive(qtbot, client.confirm_associate_mfa_authenticator(totp.now()))
    return totp, enrollment.recovery_code


def test_regenerate_shows_the_new_code_once_and_the_old_one_dies(
        qtbot: Any, pool_services: AppServices, pool: RunningPool, tmp_path: Path) -> None:
    email = f"{unique('rc')}@example.com"
    register_email_account(qtbot, pool_services, email)
    sign_in(qtbot, pool_services, email, PASSWORD)
    totp, old = enrol(qtbot, pool_services)
    window, _ = open_window(qtbot, pool_services)
    window.show_page("security")
    page = window.page("security")
    page_idle(qtbot, page)
    presenter = page.recovery.presenter
    qtbot.waitUntil(lambda: presenter.exists is True, timeout=10_000)
    made = local_date_time(presenter.state.created_at)
    assert made and presenter.made == made
    state = _find(page, QLabel, "security.method.recovery.state")
    qtbot.waitUntil(lambda: made in state.text(), timeout=10_000)
    regenerate = _find(page, QPushButton, "security.method.recovery.regenerate")
    assert regenerate.isVisible() and regenerate.accessibleName()

    # It asks first: nothing changes until the authenticator's code is given.
    _click(qtbot, page, "security.method.recovery.regenerate")
    qtbot.waitUntil(lambda: bool(page.recovery.dialogs)
                    and page.recovery.dialogs[0].isVisible(), timeout=10_000)
    dialog = page.recovery.dialogs[0]
    assert _find(dialog, QLabel, "recoveryCode.warning").text()
    _type(qtbot, dialog, "recoveryCode.code", "12ab")
    _click(qtbot, dialog, "recoveryCode.make")
    qtbot.waitUntil(lambda: _find(dialog, QLabel, "recoveryCode.codeError").isVisible(),
                    timeout=10_000)
    assert not dialog.made
    _type(qtbot, dialog, "recoveryCode.code", totp.now())
    _click(qtbot, dialog, "recoveryCode.make")
    qtbot.waitUntil(lambda: dialog.new_code.isVisible(), timeout=10_000)
    fresh = dialog.new_code.text()
    assert fresh and fresh != old
    assert _find(dialog, QPushButton, "recoveryCode.copyRecoveryCode").isVisible()
    assert _find(dialog, QPushButton, "recoveryCode.saveRecoveryCode").isVisible()
    # Print: a save dialog opened without blocking, then the kit written where chosen.
    _click(qtbot, dialog, "recoveryCode.printKit")
    picker = dialog.kit_printer.file_dialog
    assert picker is not None
    qtbot.waitUntil(picker.isVisible, timeout=10_000)
    kit_file = tmp_path / "kit.pdf"
    picker.fileSelected.emit(str(kit_file))
    picker.reject()
    status = _find(dialog, QLabel, "recoveryCode.recoveryCodeStatus")
    qtbot.waitUntil(lambda: str(kit_file) in status.text(), timeout=10_000)  # written off-thread
    assert kit_file.read_bytes().startswith(b"%PDF")
    kit = presenter.kit()
    user = pool_services.session.user
    assert user is not None and kit.code == fresh and kit.account
    assert kit.contacts == ((email,) if user.email_verified else ())
    _click(qtbot, dialog, "recoveryCode.done")
    qtbot.waitUntil(lambda: not page.recovery.dialogs, timeout=10_000)
    assert presenter.new_code == ""  # forgotten once the dialog closed
    assert "old one no longer works" in _find(page, QLabel, "security.notice").text()

    # The call log (inspector, transcripts) kept the call, not the code.
    logged = [call for call in pool_services.call_log.calls if "recovery-code" in call.path]
    assert logged and fresh not in repr(logged) and fresh.replace("-", "") not in repr(logged)
    assert not [p for p in tmp_path.iterdir() if p.name != "kit.pdf"]

    # At the pool: the old code is refused at the second step, the new one passes.
    mfa_token = challenge_of(lambda: login_email(pool, email, PASSWORD)).data["mfaToken"]
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                json={"recoveryCode": old})["code"] == 6002
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                json={"recoveryCode": fresh})["code"] == 200
