"""The replay engine on the real pool: markers become consistent values (passwords, codes from
the outbox, tokens and ids learned from answers), wrong answers stay wrong, and the captcha
reader reads the pool's images. The pool is started the replay's way (`PoolProcess`): its
ready line gives the admin token the outbox needs."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from authing_desktop.pool_process import PoolEndpoint, PoolProcess
from authing_desktop.replay.engine import Replayer, ReplayReport, fresh_target
from authing_desktop.replay.transcript_file import (
    Transcript,
    transcript_document,
    transcript_header,
)
from tests.ui.sign_in_support import unique_phone


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PoolEndpoint]:
    started = PoolProcess(tmp_path_factory.mktemp("replay") / "pool")
    try:
        yield started.start()
    finally:
        started.stop()


def call(operation: str, code: int, variables: dict[str, Any], response: Any = None, *,
         kind: str = "graphql", method: str = "POST", path: str = "/graphql/v2",
         authorization: str | None = None) -> dict[str, Any]:
    return {"t": 0.0, "kind": kind, "operation": operation, "method": method, "path": path,
            "duration": 0.01, "code": code, "message": "", "status": 200,
            "authorization": authorization, "variables": variables, "response": response}


def replay(pool: PoolEndpoint, calls: list[dict[str, Any]]) -> ReplayReport:
    head = transcript_header(app_version="t", pool_version="unknown", language="en-US",
                             ui_language="en", profile={"kind": "local", "app_id": "rec-app",
                                                        "user_pool_id": "rec-pool"})
    transcript = Transcript(transcript_document(head, calls, 1.0))

    async def run() -> ReplayReport:
        return await Replayer(transcript, fresh_target(pool)).run()

    return asyncio.run(run())


def codes(report: ReplayReport) -> list[tuple[int | None, int | None]]:
    return [(o.original_code, o.replayed_code) for o in report.outcomes]


def test_markers_are_replayed_consistently(pool: PoolEndpoint) -> None:
    phone_marker = f"[phone-1]{unique_phone()[-4:]}"
    user = {"id": "rec-user-1", "token": "[token-1]", "phone": phone_marker}
    report = replay(pool, [
        call("/api/v2/sms/send", 200, {"phone": phone_marker}, {"code": 200, "message": ""},
             kind="rest", path="/api/v2/sms/send"),
        # A wrong code (only ever answered 2001) is wrong again; the right one comes from the
        # outbox of the replayed phone number.
        call("registerByPhoneCode", 2001, {"input": {
            "phone": phone_marker, "code": "[code-1]", "password": "[password-1+rsa]"}}),
        call("registerByPhoneCode", 200, {"input": {
            "phone": phone_marker, "code": "[code-2]", "password": "[password-1+rsa]"}},
             {"data": {"registerByPhoneCode": {**user, "token": None}}}),
        # The same password marker: the same replay password (plain here, encrypted above).
        call("checkPasswordStrength", 200, {"password": "[password-1]"},
             {"data": {"checkPasswordStrength": {"valid": True}}}),
        call("loginByPhonePassword", 200, {"input": {
            "phone": phone_marker, "password": "[password-1+rsa]"}},
             {"data": {"loginByPhonePassword": user}}),
        call("loginByPhonePassword", 2333, {"input": {
            "phone": phone_marker, "password": "[password-2+rsa]"}}),
        # The token learned from the sign-in's answer authorises later calls.
        call("/api/v2/users/me", 200, {}, {"code": 200, "data": user}, kind="rest",
             method="GET", path="/api/v2/users/me", authorization="[token-1]"),
        call("checkLoginStatus", 200, {"token": "[token-1]"},
             {"data": {"checkLoginStatus": {"code": 200, "status": True}}}),
        # The recording pool's app id becomes the replay pool's.
        call("/api/v2/logout", 200, {"app_id": "rec-app"}, {"code": 200}, kind="rest",
             method="GET", path="/api/v2/logout", authorization="[token-1]"),
        call("/api/v2/users/me", 2020, {}, {"code": 2020}, kind="rest", method="GET",
             path="/api/v2/users/me", authorization="[token-1]"),
    ])
    assert codes(report) == [(o.original_code, o.original_code) for o in report.outcomes], \
        codes(report)
    assert report.all_match and report.created_users == 0


def test_users_signed_in_without_signing_up_are_recreated(pool: PoolEndpoint) -> None:
    email = "[email-1]@example.com"
    report = replay(pool, [
        call("loginByEmail", 2333, {"input": {"email": email, "password": "[password-1+rsa]"}}),
        call("loginByEmail", 200, {"input": {"email": email, "password": "[password-2+rsa]"}},
             {"data": {"loginByEmail": {"id": "x", "token": "[token-1]"}}}),
        call("loginByUsername", 2004, {"input": {"username": "nobody-at-all",
                                                 "password": "[password-3+rsa]"}}),
    ])
    assert report.all_match, codes(report)
    assert report.created_users == 1  # the email account; the unknown username stays unknown


def test_a_differing_outcome_is_reported_with_both_sides(pool: PoolEndpoint) -> None:
    report = replay(pool, [call("/api/v2/users/me", 200, {}, {"code": 200, "data": {"id": "a"}},
                                kind="rest", method="GET", path="/api/v2/users/me")])
    assert not report.all_match
    (outcome,) = report.mismatches
    assert (outcome.original_code, outcome.replayed_code) == (200, 2020)
    assert outcome.original_response == {"code": 200, "data": {"id": "a"}}
    assert outcome.replayed_response["code"] == 2020


def test_a_request_answered_after_a_sign_out_it_preceded_is_replayed_before_it(
        pool: PoolEndpoint) -> None:
    """Calls are recorded as they end: a page's refresh sent just before signing out may be
    answered (as signed in) after the sign-out; the replay sends them as they were sent."""
    email = "[email-1]@example.com"
    user = {"id": "x", "token": "[token-1]"}
    refresh = call("/api/v2/users/me", 200, {}, {"code": 200, "data": user}, kind="rest",
                   method="GET", path="/api/v2/users/me", authorization="[token-1]")
    logout = call("/api/v2/logout", 200, {"app_id": "rec-app"}, {"code": 200}, kind="rest",
                  method="GET", path="/api/v2/logout", authorization="[token-1]")
    report = replay(pool, [
        {**call("registerByEmail", 200, {"input": {"email": email,
                                                   "password": "[password-1+rsa]"}}), "t": 1.0},
        {**call("loginByEmail", 200, {"input": {"email": email, "password": "[password-1+rsa]"}},
                {"data": {"loginByEmail": user}}), "t": 2.0},
        {**logout, "t": 3.10, "duration": 0.05},  # sent at 3.05
        {**refresh, "t": 3.20, "duration": 0.20},  # sent at 3.00: before the sign-out
    ])
    assert report.all_match, codes(report)
    assert [o.index for o in report.outcomes] == [1, 2, 4, 3]
