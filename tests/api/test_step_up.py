"""Step-up through the api layer (docs/step-up.md) against an embedded pool whose clock the test
moves: a 1650 refusal awaits the handler, the same request is retried once with the proof,
the proof is kept for the session's later sensitive calls, concurrent refusals share one
question, and a cancel lets the 1650 through."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pyotp
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingError
from authing_desktop.api.step_up import (
    LOGOUT_PATH,
    REAUTH_REQUIRED,
    StepUpMethod,
    StepUpNeed,
    StepUpProof,
    sensitive_call,
)
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.step_up import DEFAULT_MAX_AGE_S
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD
from tests.fixtures.pool import RunningPool, unique
from tests.localpool.policy_helpers import set_policy


class PasswordAnswers:
    """A handler that answers with the password (``give`` False: the user cancels), and
    records what it was asked for."""

    def __init__(self, client: AuthenticationClient, *, give: bool = True) -> None:
        self.client = client
        self.give = give
        self.asked: list[StepUpNeed] = []

    async def __call__(self, need: StepUpNeed) -> StepUpProof | None:
        self.asked.append(need)
        await asyncio.sleep(0)  # the question takes a while: other calls may queue
        if not self.give:
            return None
        return await self.client.verify_step_up(StepUpMethod.PASSWORD, password=PASSWORD,
                                                token=need.bearer)


async def _stale_account(client: AuthenticationClient, clock: Clock) -> None:
    email = f"{unique('stepup')}@example.com"
    await client.register_by_email(email, PASSWORD)
    await client.login_by_email(email, PASSWORD)
    clock.advance(DEFAULT_MAX_AGE_S + 1)


def test_refusal_asks_once_retries_and_keeps_the_proof(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await _stale_account(client, clock)
            answers = PasswordAnswers(client)
            client.transport.step_up.handler = answers
            with pytest.raises(AuthingError) as caught:  # the gate passed: no such factor
                await client.reset_factor("no-such-factor")
            assert caught.value.code == 404
            assert [need.action for need in answers.asked] == ["/api/v3/reset-factor"]
            assert answers.asked[0].bearer == client.token
            # Kept for the next sensitive calls of this session: no second question.
            with pytest.raises(AuthingError) as caught:
                await client.reset_factor("another")
            assert caught.value.code == 404 and len(answers.asked) == 1

    run(scenario())


def test_concurrent_refusals_share_one_question(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await _stale_account(client, clock)
            answers = PasswordAnswers(client)
            client.transport.step_up.handler = answers
            results = await asyncio.gather(
                client.reset_factor("one"), client.reset_factor("two"),
                return_exceptions=True)
            assert [getattr(result, "code", None) for result in results] == [404, 404]
            assert len(answers.asked) == 1

    run(scenario())


def test_a_cancel_lets_the_refusal_through_and_nothing_is_kept(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await _stale_account(client, clock)
            answers = PasswordAnswers(client, give=False)
            client.transport.step_up.handler = answers
            with pytest.raises(AuthingError) as caught:
                await client.reset_factor("no-such-factor")
            assert caught.value.code == REAUTH_REQUIRED
            with pytest.raises(AuthingError):
                await client.reset_factor("no-such-factor")
            assert len(answers.asked) == 2  # nothing kept: asked again
            # Without a handler the refusal comes as it is.
            client.transport.step_up.handler = None
            with pytest.raises(AuthingError) as caught:
                await client.reset_factor("no-such-factor")
            assert caught.value.code == REAUTH_REQUIRED

    run(scenario())


def test_a_kept_proof_goes_with_its_own_session_only(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await _stale_account(client, clock)
            first = client.token
            proof = await client.verify_step_up(StepUpMethod.PASSWORD, password=PASSWORD)
            assert proof.expires_in == 300 and proof.token
            assert client.transport.step_up.header_for(first)
            user = client.current_user
            assert user is not None and user.email
            await client.login_by_email(user.email, PASSWORD)  # a new session
            assert client.token != first
            assert client.transport.step_up.header_for(client.token) == {}

    run(scenario())


def test_sensitive_calls_the_app_guards_itself() -> None:
    assert sensitive_call("DELETE", "/api/v2/mfa/totp/associate", None)
    assert not sensitive_call("POST", "/api/v2/mfa/totp/associate", None)  # turning it on
    assert sensitive_call("POST", "/api/v3/webauthn/remove-credential/abc", {})
    assert sensitive_call("GET", LOGOUT_PATH, {"only_self": "false"}, "app1")
    assert not sensitive_call("GET", LOGOUT_PATH, {"only_self": "1", "app_id": "app1"}, "app1")
    assert not sensitive_call("GET", LOGOUT_PATH, {"app_id": "app1"}, "app1")
    assert sensitive_call("GET", LOGOUT_PATH, {"app_id": "app2"}, "app1")
    assert sensitive_call("POST", "updatePassword", {"newPassword": "x"})
    assert not sensitive_call("POST", "updatePassword", {"newPassword": "x", "oldPassword": "y"})
    assert sensitive_call("POST", "updateEmail", {"email": "a@b.c", "emailCode": "1"})
    assert not sensitive_call("POST", "updateEmail", {"email": "a@b.c", "oldEmailCode": "2"})
    assert sensitive_call("POST", "unbindPhone", None)
    assert not sensitive_call("GET", "/api/v3/get-security-info", None)


class ReconfirmAnswers(PasswordAnswers):
    """Answers the way the app does against a pool without ``stepup/verify``."""

    async def __call__(self, need: StepUpNeed) -> StepUpProof | None:
        self.asked.append(need)
        if not self.give:
            return None
        user = self.client.current_user
        assert user is not None and user.email
        return await self.client.reconfirm_password(user.email, PASSWORD, token=need.bearer)


def test_against_a_pool_that_does_not_enforce_the_app_asks_first(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    set_policy(pool, stepUpMaxAge=0)  # the pool lets everything through, like the cloud

    async def scenario() -> None:
        async with client_for(pool) as client:
            await _stale_account(client, clock)
            enrollment = await client.associate_mfa_authenticator()
            await client.confirm_associate_mfa_authenticator(
                pyotp.TOTP(str(enrollment.secret)).at(clock.now()))
            steps = client.transport.step_up
            steps.enforce_locally = True
            answers = ReconfirmAnswers(client, give=False)
            steps.handler = answers
            with pytest.raises(AuthingError) as caught:
                await client.delete_mfa_authenticator()
            assert caught.value.code == REAUTH_REQUIRED
            assert len(await client.list_enrolled_factors()) == 1  # nothing was sent
            assert len(answers.asked) == 1  # reads are not asked about

            answers.give = True
            assert await client.delete_mfa_authenticator() is True
            assert await client.list_enrolled_factors() == []
            assert len(answers.asked) == 2
            with pytest.raises(AuthingError) as caught:  # recent now: not asked again
                await client.reset_factor("no-such-factor")
            assert caught.value.code == 404 and len(answers.asked) == 2

    run(scenario())


def test_the_password_re_check(clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()

    async def scenario() -> None:
        async with client_for(pool) as client:
            await _stale_account(client, clock)
            user = client.current_user
            assert user is not None and user.email
            session = client.token
            with pytest.raises(AuthingError) as caught:
                await client.reconfirm_password(user.email, "not-the-password")
            assert caught.value.code == 2333
            proof = await client.reconfirm_password(user.email, PASSWORD)
            assert proof.token == "" and client.transport.step_up.recent(session)
            assert client.token == session  # the session is the same one
            # An account with a second factor: the challenge shows the password was right.
            enrollment = await client.associate_mfa_authenticator()
            await client.confirm_associate_mfa_authenticator(
                pyotp.TOTP(str(enrollment.secret)).at(clock.now()))
            client.transport.step_up.forget()
            await client.reconfirm_password(user.email, PASSWORD)
            assert client.transport.step_up.recent(session)

    run(scenario())
