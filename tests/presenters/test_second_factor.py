"""The second-factor step of sign-in against the local pool: TOTP, the recovery code (the new
one works, the old one not), SMS and email codes through `SecondFactorPresenter`, and the
sign-in presenter handing every method's challenge to it (password and phone-code sign-in)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingError
from authing_desktop.api.models import User
from authing_desktop.api.self_service_models import MfaChallenge
from authing_desktop.presenters.second_factor import (
    Factor,
    SecondFactorPresenter,
    mask_email,
    mask_phone,
)
from authing_desktop.presenters.sign_in import Method, SignInForm, SignInPresenter
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.browser_sign_in import UnavailableBrowserSignIn
from authing_desktop.services.session import SessionState
from tests.fixtures.account_session import pool_client
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, start_pool, unique
from tests.fixtures.pool_services import connected_services

PASSWORD = "passw0rd"


@pytest.fixture(scope="module")
def fast_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPool]:
    """A pool that sends codes to one phone back to back (this module sends several)."""
    running = start_pool(Path(tmp_path_factory.mktemp("sfpool")), demo=False,
                         resend_interval=0)
    try:
        yield running
    finally:
        running.stop()


def _phone() -> str:
    import random

    return "139" + "".join(random.choices("0123456789", k=8))


async def _register_with_totp(pool: RunningPool, email: str,
                              phone: str | None = None) -> tuple[pyotp.TOTP, str]:
    async with pool_client(pool) as owner:
        await owner.register_by_email(email, PASSWORD, force_login=True)
        if phone:
            await owner.send_sms_code(phone)
            await owner.bind_phone(phone, pool.latest_code(phone))
        enrollment = await owner.associate_mfa_authenticator()
        totp = pyotp.TOTP(str(enrollment.secret))
        await owner.confirm_associate_mfa_authenticator(totp.now())
        return totp, str(enrollment.recovery_code)


async def _challenge(client: AuthenticationClient, email: str) -> MfaChallenge:
    with pytest.raises(AuthingError) as caught:
        await client.login_by_email(email, PASSWORD)
    challenge = MfaChallenge.from_error(caught.value)
    assert challenge is not None
    return challenge


def _settle(qtbot: Any, task: Any) -> Any:
    qtbot.waitUntil(task.done, timeout=10_000)
    return task.result()


def test_masks() -> None:
    assert mask_phone("13800138000") == "138****8000"
    assert mask_email("demo@example.com") == "d***@example.com"
    assert mask_email("nobody") == "nobody"


def test_totp_and_recovery_codes(qtbot: Any, app_services: AppServices,
                                 pool: RunningPool) -> None:
    email = f"{unique('sf')}@example.com"
    totp, recovery = drive(qtbot, _register_with_totp(pool, email))
    client = pool_client(pool)
    try:
        challenge = drive(qtbot, _challenge(client, email))
        step = SecondFactorPresenter(client, challenge, app_services.tasks)
        assert step.factors == (Factor.TOTP, Factor.RECOVERY)
        assert step.account == email and step.destination() == ""
        with pytest.raises(ValueError):
            step.set_factor(Factor.SMS)
        assert _settle(qtbot, step.start(step.verify("12 34"), name="v")) is None
        assert step.field_errors == {"code": "The code has 6 digits."}
        wrong = "000000" if totp.now() != "000000" else "111111"
        assert _settle(qtbot, step.start(step.verify(wrong), name="v")) is None
        assert step.field_errors == {"code": "The authenticator code is wrong."}
        done: list[User] = []
        step.completed.connect(done.append)
        user = _settle(qtbot, step.start(step.verify(totp.now()), name="v"))
        assert user is not None and user.email == email and user.token
        assert done == [user] and step.new_recovery_code == ""

        # The recovery code signs in once and hands out the next one.
        challenge = drive(qtbot, _challenge(client, email))
        step = SecondFactorPresenter(client, challenge, app_services.tasks)
        step.set_factor(Factor.RECOVERY)
        assert _settle(qtbot, step.start(step.verify(""), name="v")) is None
        assert step.field_errors == {"code": "Please enter your recovery code."}
        user = _settle(qtbot, step.start(step.verify(recovery), name="v"))
        assert user is not None and user.token
        fresh = step.new_recovery_code
        assert fresh and fresh != recovery

        challenge = drive(qtbot, _challenge(client, email))
        step = SecondFactorPresenter(client, challenge, app_services.tasks)
        step.set_factor(Factor.RECOVERY)
        assert _settle(qtbot, step.start(step.verify(recovery), name="v")) is None
        assert step.field_errors == {"code": "The recovery code is wrong."}
        assert _settle(qtbot, step.start(step.verify(fresh), name="v")) is not None

        # A challenge cannot be answered again: it is dead, said once, and stays dead.
        dead: list[str] = []
        step.challenge_dead.connect(dead.append)
        step.user = None
        step.set_factor(Factor.TOTP)
        assert _settle(qtbot, step.start(step.verify(totp.now()), name="v")) is None
        assert step.dead and dead == [
            "The two-step sign-in has expired. Please sign in again."]
        assert step.error == dead[0]
    finally:
        drive(qtbot, client.aclose())


def test_sms_and_email_second_factors(qtbot: Any, qloop: Any, app_paths: AppPaths,
                                      fast_pool: RunningPool) -> None:
    pool = fast_pool
    email = f"{unique('sf')}@example.com"
    phone = _phone()
    second_email = f"{unique('sf2')}@example.com"

    async def enrol() -> None:
        async with pool_client(pool) as owner:
            await owner.register_by_email(email, PASSWORD, force_login=True)
            started = await owner.send_enroll_factor_request("SMS", phone=phone)
            await owner.enroll_factor("SMS", str(started.enrollment_token),
                                      pool.latest_code(phone))
            started = await owner.send_enroll_factor_request("EMAIL", email=second_email)
            await owner.enroll_factor("EMAIL", str(started.enrollment_token),
                                      pool.latest_code(second_email))

    services = connected_services(qtbot, app_paths, pool)
    client = pool_client(pool)
    try:
        drive(qtbot, enrol())
        challenge = drive(qtbot, _challenge(client, email))
        step = SecondFactorPresenter(client, challenge, services.tasks)
        assert step.factors == (Factor.SMS, Factor.EMAIL)
        assert step.destination() == mask_phone(phone)
        assert _settle(qtbot, step.start(step.send_code(), name="s")) is True
        assert step.cooldown.active and mask_phone(phone) in step.notice
        assert _settle(qtbot, step.start(step.send_code(), name="s")) is False  # cooling down
        code = pool.latest_code(phone)
        wrong = "000000" if code != "000000" else "111111"
        assert _settle(qtbot, step.start(step.verify(wrong), name="v")) is None
        assert step.field_errors == {"code": "The verification code is wrong."}
        user = _settle(qtbot, step.start(step.verify(code), name="v"))
        assert user is not None and user.email == email

        challenge = drive(qtbot, _challenge(client, email))
        step = SecondFactorPresenter(client, challenge, services.tasks)
        step.set_factor(Factor.EMAIL)
        assert step.destination() == mask_email(second_email)
        assert _settle(qtbot, step.start(step.send_code(), name="s")) is True
        user = _settle(qtbot, step.start(
            step.verify(pool.latest_code(second_email)), name="v"))
        assert user is not None and user.email == email
    finally:
        drive(qtbot, client.aclose())
        drive(qtbot, services.aclose())


class TypingAsker:
    """Answers the second step like a user would: picks a factor and types a code."""

    def __init__(self, answer: Callable[[SecondFactorPresenter], tuple[Factor, str]] | None):
        self.answer = answer
        self.asked: list[tuple[Factor, ...]] = []

    async def ask_second_factor(self, presenter: SecondFactorPresenter) -> User | None:
        self.asked.append(presenter.factors)
        if self.answer is None:
            return None
        factor, code = self.answer(presenter)
        presenter.set_factor(factor)
        return await presenter.verify(code)


class NoReset:
    async def ask_new_password(self, *args: Any) -> None:
        raise AssertionError("no reset expected")


def test_sign_in_presenter_hands_every_method_to_the_second_step(
        qtbot: Any, qloop: Any, app_paths: AppPaths, fast_pool: RunningPool) -> None:
    pool = fast_pool
    pool_services = connected_services(qtbot, app_paths, pool)
    try:
        _sign_in_methods(qtbot, pool_services, pool)
    finally:
        drive(qtbot, pool_services.aclose())


def _sign_in_methods(qtbot: Any, pool_services: AppServices, pool: RunningPool) -> None:
    email = f"{unique('sf')}@example.com"
    phone = _phone()
    totp, recovery = drive(qtbot, _register_with_totp(pool, email, phone))
    asker = TypingAsker(lambda _p: (Factor.TOTP, totp.now()))
    presenter = SignInPresenter(pool_services.session, NoReset(), UnavailableBrowserSignIn(),
                                second_factor=asker)

    user = _settle(qtbot, presenter.start(presenter.submit(SignInForm(
        method=Method.EMAIL, email=email, password=PASSWORD)), name="s"))
    assert user is not None and pool_services.session.state == SessionState.SIGNED_IN
    assert asker.asked == [(Factor.TOTP, Factor.RECOVERY)]
    assert pool_services.session.account == email
    drive(qtbot, pool_services.session.sign_out())

    # The phone-code method is challenged the same way (answered with the recovery code: a
    # TOTP is accepted once, and the one above may still be the current one).
    asker.answer = lambda _p: (Factor.RECOVERY, recovery)
    drive(qtbot, pool_services.session.client.send_sms_code(phone))
    user = _settle(qtbot, presenter.start(presenter.submit(SignInForm(
        method=Method.PHONE_CODE, phone=phone, code=pool.latest_code(phone))), name="s"))
    assert user is not None and user.email == email and len(asker.asked) == 2
    drive(qtbot, pool_services.session.sign_out())

    # Giving up leaves the user signed out, with a note.
    asker.answer = None
    assert _settle(qtbot, presenter.start(presenter.submit(SignInForm(
        method=Method.EMAIL, email=email, password=PASSWORD)), name="s")) is None
    assert presenter.notice == "Sign-in stopped: the second step was not completed."
    assert pool_services.session.state == SessionState.SIGNED_OUT

    # Without an asker the challenge is an ordinary error.
    plain = SignInPresenter(pool_services.session, NoReset(), UnavailableBrowserSignIn())
    assert _settle(qtbot, plain.start(plain.submit(SignInForm(
        method=Method.EMAIL, email=email, password=PASSWORD)), name="s")) is None
    assert plain.error == "Multi-factor authentication is required."
