"""Two-step verification on the Security page against the local pool: enrol (secret, URI,
recovery code after confirmation), a wrong code said inline, sign-in then challenged, disable."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest

from authing_desktop.api.errors import AuthingError
from authing_desktop.api.self_service_models import MfaChallenge
from authing_desktop.presenters.two_step import TwoStepPresenter, secret_groups
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import ACCOUNT_PASSWORD, SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool


def test_secret_groups() -> None:
    assert secret_groups("ABCDEFGHIJ") == "ABCD EFGH IJ"


def test_enrol_confirm_and_disable(qtbot: Any, app_services: AppServices,
                                   account: SignedInSession, pool: RunningPool) -> None:
    presenter = TwoStepPresenter(account, app_services.tasks)
    states: list[bool] = []
    presenter.enabled_changed.connect(states.append)
    assert settle(qtbot, presenter.load()) is False
    assert states == [False]

    # Confirming before starting is refused without a request.
    assert settle(qtbot, presenter.confirm("123456")) is False
    assert presenter.field_errors == {"code": "Start again: the set-up was closed."}

    enrollment = settle(qtbot, presenter.begin())
    assert enrollment is not None and presenter.enrollment is enrollment
    secret = presenter.secret
    assert presenter.otpauth_uri.startswith("otpauth://totp/") and secret
    assert presenter.recovery_code == ""  # not before it is confirmed
    totp = pyotp.TOTP(secret)

    assert settle(qtbot, presenter.confirm("12345")) is False
    assert presenter.field_errors == {"code": "The code has 6 digits."}
    wrong = "000000" if totp.now() != "000000" else "111111"
    assert settle(qtbot, presenter.confirm(wrong)) is False
    assert presenter.field_errors["code"].startswith("This code does not match.")
    assert presenter.enabled is False

    enrolled: list[bool] = []
    presenter.enrolled.connect(lambda: enrolled.append(True))
    assert settle(qtbot, presenter.confirm(totp.now())) is True
    assert enrolled == [True] and states == [False, True]
    recovery = presenter.recovery_code
    assert recovery and recovery == enrollment.recovery_code
    presenter.forget_enrollment()
    assert presenter.secret == "" and presenter.recovery_code == ""

    async def challenged() -> MfaChallenge | None:
        async with pool_client(pool) as other:
            try:
                await other.login_by_email(account.account, ACCOUNT_PASSWORD)
            except AuthingError as error:
                return MfaChallenge.from_error(error)
            return None

    challenge = drive(qtbot, challenged())
    assert challenge is not None and challenge.factors == ["OTP"]

    assert settle(qtbot, presenter.disable()) is True
    assert states == [False, True, False]
    assert drive(qtbot, challenged()) is None
    assert settle(qtbot, presenter.load()) is False

    # Disabling twice is an error the page shows.
    assert settle(qtbot, presenter.disable()) is None
    assert presenter.error


@pytest.mark.parametrize("code", ["", "  "])
def test_empty_code(qtbot: Any, app_services: AppServices, account: SignedInSession,
                    code: str) -> None:
    presenter = TwoStepPresenter(account, app_services.tasks)
    settle(qtbot, presenter.begin())
    assert settle(qtbot, presenter.confirm(code)) is False
    assert presenter.field_errors == {"code": "Please enter the 6-digit code from your app."}
