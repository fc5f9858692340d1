"""Step-up through the api layer (docs/step-up.md) against an embedded pool whose clock the test
moves: a 1650 refusal awaits the handler, the same request is retried once with the proof,
the proof is kept for the session's later sensitive calls, concurrent refusals share one
question, and a cancel lets the 1650 through."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingError
from authing_desktop.api.step_up import (
    REAUTH_REQUIRED,
    StepUpMethod,
    StepUpNeed,
    StepUpProof,
)
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.step_up import DEFAULT_MAX_AGE_S
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD
from tests.fixtures.pool import RunningPool, unique


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
