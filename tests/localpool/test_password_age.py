"""The password's age over HTTP: v3 ``get-profile`` carries ``passwordLastSetAt`` (the time of
the last set or change, docs/protocol.md, v3 self-service); null for an account without a
password."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from authing_desktop.localpool.clock import Clock
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import PASSWORD, encrypt, gql, register_email
from tests.localpool.test_mfa import call
from tests.localpool.test_profile import UPDATE_PASSWORD


def _set_at(pool: RunningPool, token: str) -> dt.datetime:
    profile = call(pool, "GET", "/api/v3/get-profile", token)
    assert profile["statusCode"] == 200, profile
    return dt.datetime.fromisoformat(profile["data"]["passwordLastSetAt"])


def test_get_profile_says_when_the_password_was_last_set(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    registered = dt.datetime.fromtimestamp(clock.now(), dt.UTC)
    assert abs(_set_at(pool, user["token"]) - registered) < dt.timedelta(seconds=1)

    clock.advance(10 * 86_400)
    changed = gql(pool, UPDATE_PASSWORD, {"newPassword": encrypt(pool, "N3w-Passw0rd!x"),
                                          "oldPassword": encrypt(pool, PASSWORD)},
                  user["token"])
    later = _set_at(pool, changed["token"] or user["token"])
    assert abs(later - registered - dt.timedelta(days=10)) < dt.timedelta(seconds=1)
