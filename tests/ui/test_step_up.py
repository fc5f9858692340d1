"""Confirming it's you (docs/step-up.md), on the real session and an embedded pool whose clock
the test moves past the step-up window: turning off two-step verification on the Security
page opens the step-up dialog; a wrong password is said in the dialog, the right one lets the
change through; cancelling leaves two-step on and says why. The data export asks too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.step_up import DEFAULT_MAX_AGE_S
from authing_desktop.presenters.step_up import StepUpChoice
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.ui.dialogs.step_up_dialog import StepUpDialog
from authing_desktop.ui.main_window import MainWindow
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.fixtures.pool_services import connected_services, sign_in
from tests.ui.sign_in_support import PASSWORD, register_email_account
from tests.ui.sign_in_support import click_named as _click
from tests.ui.sign_in_support import find_named as _find
from tests.ui.sign_in_support import type_named as _type
from tests.ui.test_accessibility import _unnamed
from tests.ui.test_beyond_v2_pages import _answer_question, _idle, _window

pytestmark = pytest.mark.gui


@pytest.fixture
def stepped_pool(clocked_pool: Callable[..., RunningPool]) -> RunningPool:
    return clocked_pool()


@pytest.fixture
def stepped(qloop: Any, qtbot: Any, app_paths: AppPaths,
            stepped_pool: RunningPool) -> Iterator[AppServices]:
    LanguageInstaller(QApplication.instance()).install("en")  # type: ignore[arg-type]
    services = connected_services(qtbot, app_paths, stepped_pool)
    yield services
    drive(qtbot, services.aclose())


async def _turn_on_two_step(services: AppServices, clock: Clock) -> str:
    """Enrol an authenticator; its secret."""
    client = services.session.client
    enrollment = await client.associate_mfa_authenticator()
    secret = str(enrollment.secret)
    await client.confirm_associate_mfa_authenticator(pyotp.TOTP(secret).at(clock.now()))
    return secret


def _signed_in_with_two_step(qtbot: Any, services: AppServices,
                             clock: Clock) -> tuple[MainWindow, str]:
    email = f"{unique('stepup')}@example.com"
    register_email_account(qtbot, services, email)
    sign_in(qtbot, services, email, PASSWORD)
    secret = drive(qtbot, _turn_on_two_step(services, clock))
    window = _window(qtbot, services)
    window.show_page("security")
    page = window.page("security")
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.disableTwoStep").isVisible(),
                    timeout=10_000)
    clock.advance(DEFAULT_MAX_AGE_S + 1)  # the sign-in is no longer a recent proof
    return window, secret


def _step_up_dialog(qtbot: Any, window: MainWindow) -> StepUpDialog:
    qtbot.waitUntil(lambda: window.step_up.dialog is not None
                    and window.step_up.dialog.isVisible(), timeout=10_000)
    dialog = window.step_up.dialog
    assert isinstance(dialog, StepUpDialog)
    return dialog


def test_turning_off_two_step_asks_for_the_password(qtbot: Any, stepped: AppServices,
                                                    clock: Clock) -> None:
    window, secret = _signed_in_with_two_step(qtbot, stepped, clock)
    page = window.page("security")
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    dialog = _step_up_dialog(qtbot, window)
    assert "Turn off two-step verification" in _find(dialog, QLabel, "stepUp.purpose").text()
    qtbot.waitUntil(lambda: dialog.method.count() == 3, timeout=10_000)  # + TOTP, email
    assert [dialog.method.itemData(i) for i in range(dialog.method.count())] == [
        StepUpChoice.PASSWORD, StepUpChoice.TOTP, StepUpChoice.EMAIL]

    _type(qtbot, dialog, "stepUp.password", "not-the-password")
    _click(qtbot, dialog, "stepUp.confirm")
    error = _find(dialog, QLabel, "stepUp.passwordError")
    qtbot.waitUntil(lambda: error.text() == "That password is not right. Try again.",
                    timeout=10_000)
    assert dialog.isVisible()

    _type(qtbot, dialog, "stepUp.password", PASSWORD)
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: window.step_up.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.enableTwoStep").isVisible(),
                    timeout=10_000)
    assert drive(qtbot, stepped.session.client.list_enrolled_factors()) == []


def test_cancelling_leaves_two_step_on_and_says_why(qtbot: Any, stepped: AppServices,
                                                    clock: Clock) -> None:
    window, secret = _signed_in_with_two_step(qtbot, stepped, clock)
    page = window.page("security")
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    dialog = _step_up_dialog(qtbot, window)
    _click(qtbot, dialog, "stepUp.cancel")
    qtbot.waitUntil(lambda: window.step_up.dialog is None, timeout=10_000)
    error = _find(page, QLabel, "security.error")
    qtbot.waitUntil(lambda: "confirm it's you" in error.text(), timeout=10_000)
    assert error.isVisible()
    assert _find(page, QPushButton, "security.disableTwoStep").isVisible()
    assert len(drive(qtbot, stepped.session.client.list_enrolled_factors())) == 1


def test_an_authenticator_code_confirms_and_the_proof_is_kept(qtbot: Any, stepped: AppServices,
                                                              clock: Clock) -> None:
    window, secret = _signed_in_with_two_step(qtbot, stepped, clock)
    page = window.page("security")
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    dialog = _step_up_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.method.count() == 3, timeout=10_000)
    for choice in (StepUpChoice.EMAIL, StepUpChoice.PASSWORD, StepUpChoice.TOTP):
        dialog.choose(choice)
        assert _unnamed(dialog) == [], choice  # every focusable control is named
    assert _find(dialog, QPushButton, "stepUp.sendCode").isHidden()
    _type(qtbot, dialog, "stepUp.code", pyotp.TOTP(secret).at(clock.now()))
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: window.step_up.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.enableTwoStep").isVisible(),
                    timeout=10_000)
    # The proof is kept for the session's next sensitive call: no second question.
    drive(qtbot, _turn_on_two_step(stepped, clock))
    assert drive(qtbot, stepped.session.client.delete_mfa_authenticator()) is True
    assert window.step_up.dialog is None


def test_export_asks_when_the_last_proof_is_old(qtbot: Any, stepped: AppServices,
                                                clock: Clock, tmp_path: Path) -> None:
    target = tmp_path / "export"
    target.mkdir()
    email = f"{unique('export')}@example.com"
    register_email_account(qtbot, stepped, email)
    sign_in(qtbot, stepped, email, PASSWORD)
    window = _window(qtbot, stepped)
    window.show_page("yourData")
    page = window.page("yourData")
    _idle(qtbot, page)
    stepped.session.step_up.proven_at = 0.0  # signed in long ago, as the session sees it
    task = page.presenter.export(target)
    dialog = _step_up_dialog(qtbot, window)
    assert "Export your data" in _find(dialog, QLabel, "stepUp.purpose").text()
    _click(qtbot, dialog, "stepUp.cancel")
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() is None and not list(target.iterdir())
    assert "confirm it's you" in page.presenter.error

    task = page.presenter.export(target)
    dialog = _step_up_dialog(qtbot, window)
    _type(qtbot, dialog, "stepUp.password", PASSWORD)
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(task.done, timeout=20_000)
    assert task.result() is not None and list(target.iterdir())


def test_an_email_code_confirms(qtbot: Any, stepped: AppServices, clock: Clock,
                               stepped_pool: RunningPool) -> None:
    window, _secret = _signed_in_with_two_step(qtbot, stepped, clock)
    page = window.page("security")
    _click(qtbot, page, "security.disableTwoStep")
    _answer_question(qtbot, "security.disableTwoStepConfirm.turnOff")
    dialog = _step_up_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.method.count() == 3, timeout=10_000)
    dialog.choose(StepUpChoice.EMAIL)
    _click(qtbot, dialog, "stepUp.sendCode")
    notice = _find(dialog, QLabel, "stepUp.notice")
    user = stepped.session.user
    assert user is not None and user.email
    qtbot.waitUntil(lambda: str(user.email) in notice.text(), timeout=10_000)
    _type(qtbot, dialog, "stepUp.code", stepped_pool.latest_code(str(user.email)))
    _click(qtbot, dialog, "stepUp.confirm")
    qtbot.waitUntil(lambda: window.step_up.dialog is None, timeout=10_000)
    qtbot.waitUntil(lambda: _find(page, QPushButton, "security.enableTwoStep").isVisible(),
                    timeout=10_000)


def test_this_wasnt_me_takes_its_current_password_as_the_proof(
        qtbot: Any, stepped: AppServices, stepped_pool: RunningPool, clock: Clock) -> None:
    """The guided recovery asks the current password first; with an old session that
    password is the step-up proof for signing out the other devices: no second question."""
    from authing_desktop.presenters.secure_account import Outcome, SecureAccountPresenter, Step
    from tests.fixtures.account_session import settle
    from tests.localpool.test_mfa import call
    from tests.localpool.test_self_service import CHROME, login_as

    email = f"{unique('notme')}@example.com"
    register_email_account(qtbot, stepped, email)
    sign_in(qtbot, stepped, email, PASSWORD)
    theirs = login_as(stepped_pool, email, agent=CHROME, password=PASSWORD)["token"]
    clock.advance(DEFAULT_MAX_AGE_S + 1)
    asked: list[object] = []

    class Asker:
        async def ask_step_up(self, need: object) -> None:
            asked.append(need)

    stepped.session.step_up.set_asker(Asker())
    presenter = SecureAccountPresenter(stepped.session, stepped.tasks)
    assert settle(qtbot, presenter.load())
    assert settle(qtbot, presenter.sign_out_others("not-the-password")) is None
    assert presenter.field_errors and Step.SIGN_OUT not in presenter.results  # said, not done
    assert settle(qtbot, presenter.sign_out_others(PASSWORD)) == 1
    assert asked == []
    assert presenter.results[Step.SIGN_OUT].outcome == Outcome.DONE
    assert call(stepped_pool, "GET", "/api/v2/users/me", theirs)["code"] == 2020
