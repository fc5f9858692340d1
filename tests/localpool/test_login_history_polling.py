"""The local pool honours the sign-in alerts' polling contract (docs/protocol.md, "Sign-in
alerts") over HTTP: newest first, ``start``/``end`` inclusive in ms, ``limit`` capped at 50, and
the revocations "This wasn't me" relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import GraphQLError, register_email
from tests.localpool.test_mfa import call
from tests.localpool.test_self_service import CHROME, IPHONE, login_as

HISTORY = "/api/v3/get-my-login-history"


def _ms(login_at: str) -> int:
    return int(dt.datetime.fromisoformat(login_at).timestamp() * 1000)


def test_history_is_newest_first_with_inclusive_bounds_and_a_capped_limit(
        pool: RunningPool) -> None:
    user = register_email(pool)
    email = user["email"]
    for agent in (CHROME, IPHONE):
        login_as(pool, email, agent=agent)
    with pytest.raises(GraphQLError) as refused:
        login_as(pool, email, agent=CHROME, password="not-the-password-1")
    assert refused.value.code == 2333
    token = login_as(pool, email)["token"]
    for _ in range(49):  # 53 records in all: more than one capped page
        login_as(pool, email)
    full = call(pool, "GET", f"{HISTORY}?limit=500", token)
    assert full["statusCode"] == 200, full  # a larger limit is capped, not refused
    items = full["data"]["list"]
    assert full["data"]["totalCount"] == 53 and len(items) == 50
    stamps = [_ms(item["loginAt"]) for item in items]
    assert stamps == sorted(stamps, reverse=True)  # newest first
    rest = call(pool, "GET", f"{HISTORY}?limit=50&page=2", token)["data"]["list"]
    assert len(rest) == 3 and rest[-1]["success"] is True  # the oldest: the Chrome sign-in
    assert rest[-1]["parsedUserAgent"]["browser"] == "Chrome"
    failed = rest[0]
    assert failed["success"] is False and failed["parsedUserAgent"]["browser"] == "Chrome"

    # start and end are inclusive, in milliseconds of loginAt.
    at = _ms(failed["loginAt"])
    window = call(pool, "GET", f"{HISTORY}?start={at}&end={at}&limit=50", token)["data"]
    assert failed in window["list"]
    assert all(_ms(item["loginAt"]) == at for item in window["list"])
    later = call(pool, "GET", f"{HISTORY}?start={at + 1000}&limit=50", token)["data"]
    assert failed not in later["list"]
    assert call(pool, "GET", f"{HISTORY}?limit=0", token)["statusCode"] == 400


def test_revoking_another_device_refuses_its_token(pool: RunningPool) -> None:
    user = register_email(pool)
    email = user["email"]
    mine = login_as(pool, email)["token"]
    theirs = login_as(pool, email, agent=CHROME)["token"]
    devices = call(pool, "GET", "/api/v3/mydevices/list?limit=50", mine)["data"]
    other = [d for d in devices if d["device"]["browser"] == "Chrome"]
    assert len(other) == 1 and other[0]["online"]
    assert call(pool, "POST", "/api/v3/mydevices/revoke-session", mine,
                json={"deviceId": other[0]["device"]["deviceId"]})["statusCode"] == 200
    assert call(pool, "GET", "/api/v2/users/me", theirs)["code"] == 2020
    assert call(pool, "GET", "/api/v2/users/me", mine)["code"] == 200
