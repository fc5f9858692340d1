"""Step-up before sensitive changes, over HTTP (docs/step-up.md): a session whose sign-in is
older than the pool's ``stepUpMaxAge`` is refused (1650) on every guarded route until it shows
a live proof from ``POST /api/v3/stepup/verify``; proofs are guess-limited, expire, and belong
to one user's one session. The pool's clock is moved, never slept on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.step_up import (
    DEFAULT_MAX_AGE_S,
    PROOF_LIFETIME_S,
    STEP_UP_CHANNEL,
    STEP_UP_HEADER,
)
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    PASSWORD,
    REGISTER_PHONE,
    GraphQLError,
    encrypt,
    gql,
    management_token,
    register_email,
    send_sms,
    unique_phone,
)
from tests.localpool.policy_helpers import set_policy
from tests.localpool.test_mfa import call, enrol_totp
from tests.localpool.test_self_service import login_as

STALE = DEFAULT_MAX_AGE_S + 1
REAUTH = 1650


def stale(pool: RunningPool, clock: Clock) -> None:
    """Age every session past the step-up window."""
    clock.advance(STALE)
    assert pool.clock is clock


def step_up(pool: RunningPool, token: str, **body: Any) -> dict[str, Any]:
    """POST stepup/verify; the v3 envelope."""
    return call(pool, "POST", "/api/v3/stepup/verify", token,
                json=body or {"method": "PASSWORD", "password": PASSWORD})


def proof(pool: RunningPool, token: str, **body: Any) -> str:
    answer = step_up(pool, token, **body)
    assert answer["statusCode"] == 200, answer
    assert answer["data"]["tokenExpiresIn"] == PROOF_LIFETIME_S
    token_value: str = answer["data"]["stepupToken"]
    return token_value


def refused(answer: dict[str, Any]) -> bool:
    """A 1650 in either envelope."""
    if "statusCode" in answer:
        return answer["statusCode"] == 403 and answer.get("apiCode") == REAUTH
    return answer.get("code") == REAUTH


def with_proof(step_up_token: str) -> dict[str, str]:
    return {STEP_UP_HEADER: step_up_token}


# A guarded call: (method, path, json body or None) and the answer it gets once past the gate
# (the gate comes first, so that answer shows the proof was taken): the v3 statusCode, or the
# v2 code.
Route = tuple[str, str, dict[str, Any] | None]
GUARDED: list[tuple[str, str, dict[str, Any] | None, int]] = [
    ("POST", "/api/v3/reset-factor", {"factorId": "no-such-factor"}, 404),
    ("GET", "/api/v3/webauthn/registration", None, 200),
    ("POST", "/api/v3/webauthn/remove-credential/no-such-key", {}, 404),
    ("POST", "/api/v3/webauthn/remove-credentials-by-authenticator-code", {}, 200),
    ("POST", "/api/v3/webauthn/registration/initialize", {}, 200),
    ("DELETE", "/api/v3/webauthn/credentials/no-such-key", None, 404),
    ("POST", "/api/v3/unlink-extidp", {"extIdpId": "no-such-source"}, 404),
    ("GET", "/api/v2/logout?only_self=false", None, 200),
    ("GET", "/api/v2/logout?app_id=another-app", None, 200),
]


def passed_with(answer: dict[str, Any]) -> Any:
    """The answer's status once past the gate (v3 statusCode, v2 code)."""
    return answer.get("statusCode", answer.get("code"))


def send(pool: RunningPool, route: tuple[Any, ...], token: str,
         headers: dict[str, str] | None = None) -> dict[str, Any]:
    """One guarded call (a `Route`, or a `GUARDED` row: its expected answer is not sent)."""
    method, path, body = route[:3]
    kwargs: dict[str, Any] = {"headers": headers or {}}
    if body is not None:
        kwargs["json"] = body
    return call(pool, method, path, token, **kwargs)


@pytest.mark.parametrize(("method", "path", "body", "expected"), GUARDED,
                         ids=[f"{m} {p}" for m, p, _, _ in GUARDED])
def test_guarded_route_needs_a_recent_proof(method: str, path: str,
                                            body: dict[str, Any] | None, expected: int,
                                            clocked_pool: Callable[..., RunningPool],
                                            clock: Clock) -> None:
    route: Route = (method, path, body)
    pool = clocked_pool()
    user = register_email(pool)
    fresh = send(pool, route, user["token"])
    # Just signed in: the sign-in is the proof.
    assert not refused(fresh) and passed_with(fresh) == expected, fresh
    user = register_email(pool)
    stale(pool, clock)
    assert refused(send(pool, route, user["token"]))
    answer = send(pool, route, user["token"], with_proof(proof(pool, user["token"])))
    assert not refused(answer) and passed_with(answer) == expected, answer


def test_second_factor_removal_v2_and_v3(clocked_pool: Callable[..., RunningPool],
                                         clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    enrol_totp(pool, user["token"])
    stale(pool, clock)
    path = "/api/v2/mfa/totp/associate"
    assert call(pool, "DELETE", path, user["token"])["code"] == REAUTH
    factors = call(pool, "GET", "/api/v3/list-enrolled-factors", user["token"])["data"]
    assert [factor["factorType"] for factor in factors] == ["OTP"]  # nothing changed
    token = proof(pool, user["token"])
    assert call(pool, "DELETE", path, user["token"],
                headers=with_proof(token))["code"] == 200
    assert call(pool, "GET", "/api/v3/list-enrolled-factors", user["token"])["data"] == []


def test_proof_by_authenticator_code_and_its_guess_limit(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool(second_factor_lockout_after=3)
    user = register_email(pool)
    totp, _ = enrol_totp(pool, user["token"])
    stale(pool, clock)
    wrong = step_up(pool, user["token"], method="TOTP", totp="000000")
    assert wrong["statusCode"] == 403 and wrong["apiCode"] == 6001
    step_up(pool, user["token"], method="TOTP", totp="000001")
    locked = step_up(pool, user["token"], method="TOTP", totp="000002")
    assert locked["apiCode"] == 6001 and "locked" in locked["message"]
    right = step_up(pool, user["token"], method="TOTP", totp=totp.at(clock.now()))
    assert right["apiCode"] == 2005  # locked: even the right code is refused


def test_wrong_passwords_are_guess_limited(clocked_pool: Callable[..., RunningPool],
                                           clock: Clock) -> None:
    pool = clocked_pool(lockout_after=3, lockout_seconds=600)
    user = register_email(pool)
    stale(pool, clock)
    codes = [step_up(pool, user["token"], method="PASSWORD", password="wrong-guess")["apiCode"]
             for _ in range(3)]
    assert codes == [2006, 2006, 2057]  # the third one locks
    locked = step_up(pool, user["token"])  # the right password, while locked
    assert locked["statusCode"] == 403 and locked["apiCode"] == 2005
    assert refused(send(pool, GUARDED[0], user["token"]))


def test_proof_by_sms_and_email_code(clocked_pool: Callable[..., RunningPool],
                                     clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    stale(pool, clock)
    sent = call(pool, "POST", "/api/v3/send-email", json={
        "email": user["email"], "channel": STEP_UP_CHANNEL})
    assert sent["statusCode"] == 200, sent
    code = next(item["code"] for item in pool.outbox() if item["to"] == user["email"])
    assert step_up(pool, user["token"], method="EMAIL_PASSCODE",
                   passCode="999999" if code != "999999" else "999998")["apiCode"] == 2001
    token = proof(pool, user["token"], method="EMAIL_PASSCODE", passCode=code)
    assert not refused(send(pool, GUARDED[0], user["token"], with_proof(token)))
    no_phone = step_up(pool, user["token"], method="PHONE_PASSCODE", passCode="123456")
    assert no_phone["statusCode"] == 400


def test_proof_expires_and_is_bound_to_its_user_and_session(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    alice = register_email(pool)
    alice_laptop = login_as(pool, alice["email"], device="laptop")
    bob = register_email(pool)
    stale(pool, clock)
    token = proof(pool, alice["token"])
    route = GUARDED[0]
    # Reusable within its life (the app keeps it for the next sensitive call).
    assert not refused(send(pool, route, alice["token"], with_proof(token)))
    assert not refused(send(pool, route, alice["token"], with_proof(token)))
    assert refused(send(pool, route, bob["token"], with_proof(token)))  # another user
    assert refused(send(pool, route, alice_laptop["token"], with_proof(token)))  # session
    assert refused(send(pool, route, alice["token"], with_proof("made-up")))
    clock.advance(PROOF_LIFETIME_S)
    assert refused(send(pool, route, alice["token"], with_proof(token)))  # expired


def test_a_refresh_proves_nothing(clocked_pool: Callable[..., RunningPool],
                                  clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    stale(pool, clock)
    renewed = gql(pool, "mutation { refreshToken { token } }", token=user["token"])["token"]
    assert refused(send(pool, GUARDED[0], renewed))


def test_own_sign_out_and_own_device_need_no_proof(clocked_pool: Callable[..., RunningPool],
                                                   clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    laptop = login_as(pool, user["email"], device="laptop")
    phone = login_as(pool, user["email"], device="phone")
    other = login_as(pool, user["email"], device="other")
    stale(pool, clock)
    path = "/api/v3/mydevices/revoke-session"
    assert refused(call(pool, "POST", path, laptop["token"], json={"deviceId": "phone"}))
    assert call(pool, "GET", "/api/v2/users/me", phone["token"])["code"] == 200
    ok = call(pool, "POST", path, laptop["token"], json={"deviceId": "phone"},
              headers=with_proof(proof(pool, laptop["token"])))
    assert ok["statusCode"] == 200
    assert call(pool, "GET", "/api/v2/users/me", phone["token"])["code"] == 2020
    assert call(pool, "POST", path, laptop["token"], json={"deviceId": "laptop"})[
        "statusCode"] == 200
    # only_self and the SDK's logout (app_id of its own application) stay free.
    assert call(pool, "GET", "/api/v2/logout?only_self=1", user["token"])["code"] == 200
    assert call(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}", other["token"])[
        "code"] == 200


def test_account_deletion_v2_password_and_contacts(clocked_pool: Callable[..., RunningPool],
                                                   clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    stale(pool, clock)
    delete = ("DELETE", "/api/v2/users/delete", None)
    assert refused(send(pool, delete, user["token"]))
    unbind = "mutation { unbindEmail { id email } }"
    with pytest.raises(GraphQLError) as caught:
        gql(pool, unbind, token=user["token"])
    assert caught.value.code == REAUTH
    # The old password is the proof of a password change: no step-up.
    changed = gql(pool, "mutation p($n: String!, $o: String) { updatePassword(newPassword: $n,"
                        " oldPassword: $o) { id } }",
                  {"n": encrypt(pool, "N3w-secret-pass"), "o": encrypt(pool, PASSWORD)},
                  token=user["token"])
    assert changed["id"] == user["id"]
    token = proof(pool, user["token"], method="PASSWORD", password="N3w-secret-pass")
    assert send(pool, delete, user["token"], with_proof(token))["code"] == 200


def test_email_change_without_the_old_address_code_needs_a_proof(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    set_policy(pool, changeEmailStrategy={"verifyOldEmail": False})
    user = register_email(pool)
    stale(pool, clock)
    answer = call(pool, "POST", "/api/v3/verify-update-email-request", user["token"], json={
        "verifyMethod": "EMAIL_PASSCODE",
        "emailPassCodePayload": {"newEmail": "new@example.com", "newEmailPassCode": "123456"}})
    assert refused(answer)


def test_the_policy_sets_the_window_and_zero_turns_it_off(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    set_policy(pool, stepUpMaxAge=30)
    clock.advance(31)
    assert refused(send(pool, GUARDED[0], user["token"]))
    set_policy(pool, stepUpMaxAge=0)
    assert not refused(send(pool, GUARDED[0], user["token"]))


def test_the_admin_sets_the_window_through_the_management_api(
        clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool()  # its own pool: the policy changes
    token = management_token(pool)
    update = ("mutation u($input: UpdateUserpoolInput!) { updateUserpool(input: $input)"
              " { stepUpMaxAge } }")
    assert gql(pool, update, {"input": {"stepUpMaxAge": 120}},
               token=token) == {"stepUpMaxAge": 120}
    with pytest.raises(GraphQLError) as caught:
        gql(pool, update, {"input": {"stepUpMaxAge": -1}}, token=token)
    assert caught.value.code == 2231


def test_stepup_verify_validates_its_input(pool: RunningPool) -> None:
    user = register_email(pool)
    assert step_up(pool, user["token"], method="FACE")["statusCode"] == 400
    assert step_up(pool, user["token"], method="PASSWORD")["apiCode"] == 2231
    assert call(pool, "POST", "/api/v3/stepup/verify", json={
        "method": "PASSWORD", "password": PASSWORD})["statusCode"] == 401


def test_v2_unlink_and_first_contact_binding(clocked_pool: Callable[..., RunningPool],
                                             clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    stale(pool, clock)
    body = {"primaryUserToken": user["token"], "provider": "github"}
    assert refused(call(pool, "POST", "/api/v2/users/unlink", json=body))
    token = proof(pool, user["token"])
    passed = call(pool, "POST", "/api/v2/users/unlink", json=body, headers=with_proof(token))
    assert passed["code"] not in (200, REAUTH)  # through the gate: no such identity
    bind = ("mutation b($p: String!, $c: String!) { bindPhone(phone: $p, phoneCode: $c)"
            " { id } }")
    with pytest.raises(GraphQLError) as caught:
        gql(pool, bind, {"p": unique_phone(), "c": "123456"}, token=user["token"])
    assert caught.value.code == REAUTH


def test_setting_a_first_password_needs_a_proof(clocked_pool: Callable[..., RunningPool],
                                                clock: Clock) -> None:
    pool = clocked_pool()
    phone = unique_phone()
    send_sms(pool, phone)
    user = gql(pool, REGISTER_PHONE, {"input": {
        "phone": phone, "code": pool.latest_code(phone), "forceLogin": True}})
    assert user["token"]
    stale(pool, clock)
    update = "mutation p($n: String!) { updatePassword(newPassword: $n) { id } }"
    with pytest.raises(GraphQLError) as caught:
        gql(pool, update, {"n": encrypt(pool, "F1rst-password")}, token=user["token"])
    assert caught.value.code == REAUTH
