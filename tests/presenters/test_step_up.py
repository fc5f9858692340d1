"""The step-up presenter against an embedded pool (docs/step-up.md): the proofs it offers follow
the account, wrong answers are said on the field, the guess limit is said in words, and a
right password gives a proof that the pool accepts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from authing_desktop.api.step_up import StepUpNeed
from authing_desktop.presenters.step_up import (
    EXPORT_ACTION,
    StepUpChoice,
    StepUpPresenter,
    purpose_of,
)
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import ACCOUNT_PASSWORD, SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique


async def _signed_in(pool: RunningPool) -> SignedInSession:
    client = pool_client(pool)
    email = f"{unique('stepp')}@example.com"
    await client.register_by_email(email, ACCOUNT_PASSWORD)
    user = await client.login_by_email(email, ACCOUNT_PASSWORD)
    return SignedInSession(client, user, email, ACCOUNT_PASSWORD)


def test_purposes_are_worded() -> None:
    assert purpose_of("/api/v3/reset-factor") == "Turn off two-step verification"
    assert purpose_of("/api/v3/webauthn/remove-credential/x") == "Add or remove a passkey"
    assert purpose_of("unbindPhone") == "Change your phone number"
    assert purpose_of(EXPORT_ACTION) == "Export your data"
    assert purpose_of("/api/v3/something-new") == "Make a sensitive change to your account"


def test_choices_wrong_answers_lock_and_proof(
        qtbot: Any, qloop: Any, app_services: AppServices,
        clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(lockout_after=3, lockout_seconds=600)
    session = drive(qtbot, _signed_in(pool))
    try:
        client = session.client
        presenter = StepUpPresenter(session, app_services.tasks,
                                    StepUpNeed("/api/v3/reset-factor", str(client.token)))
        assert settle(qtbot, presenter.load()) is True
        assert presenter.choices() == (StepUpChoice.PASSWORD, StepUpChoice.EMAIL)
        assert settle(qtbot, presenter.confirm(StepUpChoice.TOTP, "123456")) is False
        assert presenter.field_errors == {
            "code": "This way is not available for your account."}
        assert settle(qtbot, presenter.confirm(StepUpChoice.PASSWORD, " ")) is False
        assert presenter.field_errors == {"password": "Please enter your password."}

        for _ in range(2):
            assert settle(qtbot, presenter.confirm(StepUpChoice.PASSWORD, "wrong-one")) is False
            assert presenter.field_errors == {
                "password": "That password is not right. Try again."}
        assert settle(qtbot, presenter.confirm(StepUpChoice.PASSWORD, "wrong-one")) is False
        assert presenter.field_errors["password"].startswith("Too many wrong tries")
        assert presenter.proof is None

        other = drive(qtbot, _signed_in(pool))  # another account is not locked
        try:
            fresh = StepUpPresenter(other, app_services.tasks,
                                    StepUpNeed("/api/v3/reset-factor", str(other.client.token)))
            with qtbot.waitSignal(fresh.proven, timeout=10_000):
                fresh.confirm(StepUpChoice.PASSWORD, ACCOUNT_PASSWORD)
            assert fresh.proof is not None and fresh.proof.expires_in == 300
            # The client keeps it for the session's sensitive calls.
            assert other.client.transport.step_up.header_for(other.client.token)
        finally:
            drive(qtbot, other.client.aclose())
    finally:
        drive(qtbot, session.client.aclose())


def test_against_a_remote_pool_the_password_sign_in_is_re_run(
        qtbot: Any, qloop: Any, app_services: AppServices,
        clocked_pool: Callable[..., RunningPool]) -> None:
    session = drive(qtbot, _signed_in(clocked_pool()))
    try:
        client = session.client
        client.transport.step_up.enforce_locally = True  # as for an Authing cloud profile
        presenter = StepUpPresenter(session, app_services.tasks,
                                    StepUpNeed("/api/v3/reset-factor", str(client.token)))
        assert settle(qtbot, presenter.load()) is True
        assert presenter.choices() == (StepUpChoice.PASSWORD,)
        assert settle(qtbot, presenter.confirm(StepUpChoice.PASSWORD, "wrong-one")) is False
        assert presenter.field_errors == {"password": "That password is not right. Try again."}
        assert settle(qtbot, presenter.confirm(StepUpChoice.PASSWORD, ACCOUNT_PASSWORD)) is True
        assert presenter.proof is not None and presenter.proof.token == ""
        assert client.transport.step_up.recent(client.token)
    finally:
        drive(qtbot, session.client.aclose())
