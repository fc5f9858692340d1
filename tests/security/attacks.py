"""What the attack tests share: concurrent bursts over one HTTP client, a user with a second
factor, a fresh mfaToken per password sign-in, raw JSON bodies (lone surrogates included)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterable
from typing import Any

import httpx
import pyotp

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import GraphQLError, login_email, register_email
from tests.localpool.test_mfa import call, challenge_of, enrol_totp

TOTP_VERIFY = "/api/v2/mfa/totp/verify"


def raw_json(value: Any) -> bytes:
    """``value`` as JSON bytes, escaping everything (a lone surrogate stays ``\\ud800``)."""
    return json.dumps(value, ensure_ascii=True).encode("ascii")


def burst(pool: RunningPool, requests: Iterable[tuple[str, str, dict[str, Any]]],
          connections: int = 60) -> list[httpx.Response]:
    """Send every ``(method, path, httpx kwargs)`` at once; the responses in order."""
    async def run() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=connections)
        async with httpx.AsyncClient(base_url=pool.url, timeout=120, limits=limits) as client:
            return list(await asyncio.gather(*(
                client.request(method, path, **kwargs) for method, path, kwargs in requests)))

    return asyncio.run(run())


def graphql_codes(responses: Iterable[httpx.Response]) -> list[int]:
    """The Authing code of each GraphQL answer (200 for a success)."""
    codes = []
    for response in responses:
        body = response.json()
        codes.append(body["errors"][0]["message"]["code"] if body.get("errors") else 200)
    return codes


def wrong_totp(totp: pyotp.TOTP) -> str:
    """A 6-digit code valid in no step of the accepted window."""
    right = {totp.at(time.time() + offset) for offset in (-60, -30, 0, 30, 60)}
    return next(f"{n:06d}" for n in range(1, 100) if f"{n:06d}" not in right)


def mfa_user(pool: RunningPool) -> tuple[dict[str, Any], pyotp.TOTP, str]:
    """A new user with an authenticator: (the user, the authenticator, its recovery code)."""
    user = register_email(pool)
    totp, recovery = enrol_totp(pool, user["token"])
    return user, totp, recovery


def mfa_token(pool: RunningPool, email: str) -> str:
    """The mfaToken of a fresh password sign-in (the right password: a new challenge)."""
    error: GraphQLError = challenge_of(lambda: login_email(pool, email))
    assert error.code == 1635, error
    token: str = error.data["mfaToken"]
    return token


def verify_totp(pool: RunningPool, token: str, code: str) -> dict[str, Any]:
    """POST the sign-in TOTP with ``token`` (an mfaToken)."""
    return call(pool, "POST", TOTP_VERIFY, token, json={"totp": code})
