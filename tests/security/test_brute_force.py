"""Brute force on every secret: each has a guess limit per account that holds when the guesses
arrive all at once.

- password: the captcha after `captcha_after` failures and the lock after `lockout_after`, also
  for 60 parallel guesses; updatePassword's old password and the deletion proof share the
  account's limit (40 parallel deletion guesses: no more than the limit evaluated);
- second factor: per user, across fresh mfaTokens and every factor (TOTP, recovery code, SMS);
  the right code is refused while locked; the lock ends after `lockout_seconds`;
- SMS / email codes: a code dies after `max_code_attempts` guesses, however parallel;
- sending codes: a pool-wide limit per window, whatever the destination.
"""

from __future__ import annotations

from collections.abc import Callable

from authing_desktop.localpool.clock import Clock
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    LOGIN_EMAIL,
    LOGIN_PHONE_CODE,
    PASSWORD,
    encrypt,
    error_code,
    gql,
    register_email,
    send_sms,
    unique_phone,
)
from tests.localpool.test_mfa import _enrol_target, call
from tests.security.attacks import (
    TOTP_VERIFY,
    burst,
    graphql_codes,
    mfa_token,
    mfa_user,
    verify_totp,
    wrong_totp,
)

UPDATE_PASSWORD = ("mutation updatePassword($newPassword: String!, $oldPassword: String) {"
                   " updatePassword(newPassword: $newPassword, oldPassword: $oldPassword)"
                   " { id } }")
LOCKED = 2005


# ------------------------------------------------------------------ passwords
def test_captcha_threshold_holds_for_sixty_parallel_wrong_passwords(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    wrong = encrypt(pool, "Wrong-pass1")
    body = {"query": LOGIN_EMAIL, "variables": {"input": {"email": email, "password": wrong}}}
    codes = graphql_codes(burst(pool, [("POST", "/graphql/v2", {"json": body})] * 60))
    # Exactly `captcha_after` (3) guesses were evaluated; every other one met the captcha.
    assert sorted(codes) == [2000] * 57 + [2333] * 3


def test_right_passwords_sent_at_once_all_sign_in(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    body = {"query": LOGIN_EMAIL,
            "variables": {"input": {"email": email, "password": encrypt(pool, PASSWORD)}}}
    # The guesses wait for each other at the captcha threshold instead of meeting it.
    assert graphql_codes(burst(pool, [("POST", "/graphql/v2", {"json": body})] * 12)) == [
        200] * 12


def test_update_password_old_password_guesses_lock_the_account(fast_pool: RunningPool) -> None:
    pool = fast_pool  # lockout_after: 10
    user = register_email(pool)
    new = encrypt(pool, "N3w-password")

    def update(old: str) -> int:
        return error_code(pool, UPDATE_PASSWORD, {"newPassword": new,
                                                  "oldPassword": encrypt(pool, old)},
                          token=user["token"])

    assert [update("Wrong-pass1") for _ in range(10)] == [2203] * 10
    assert update(PASSWORD) == LOCKED  # even the right one, while locked
    # The same account limit: its password sign-in is locked too.
    assert error_code(pool, LOGIN_EMAIL, {"input": {
        "email": user["email"], "password": encrypt(pool, PASSWORD)}}) == LOCKED


def test_forty_parallel_deletion_proofs_evaluate_no_more_than_the_limit(
        fast_pool: RunningPool) -> None:
    pool = fast_pool  # lockout_after: 10
    user = register_email(pool)
    body = {"verifyMethod": "PASSWORD", "passwordPayload": {"password": "Wrong-pass1"}}
    headers = {"authorization": f"Bearer {user['token']}"}
    answers = burst(pool, [("POST", "/api/v3/verify-delete-account-request",
                            {"json": body, "headers": headers})] * 40)
    codes = sorted(answer.json().get("apiCode") for answer in answers)
    assert codes == [2005] * 30 + [2006] * 10


# ------------------------------------------------------------------ second factor
def test_second_factor_guesses_are_limited_per_user_across_mfa_tokens(
        pool: RunningPool) -> None:
    user, totp, recovery = mfa_user(pool)
    wrong = wrong_totp(totp)
    # Every correct password mints a fresh mfaToken: the limit is the user's, not the token's.
    answers = [verify_totp(pool, mfa_token(pool, user["email"]), wrong)["code"]
               for _ in range(6)]
    assert answers == [6001] * 5 + [LOCKED]
    token = mfa_token(pool, user["email"])
    locked = verify_totp(pool, token, totp.now())
    assert locked["code"] == LOCKED and locked["data"]["retryAfter"] > 0
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", token,
                json={"recoveryCode": recovery})["code"] == LOCKED
    # The lock is in the user's login history, with the factor that met it.
    history = call(pool, "GET", "/api/v3/get-my-login-history?limit=50",
                   user["token"])["data"]["list"]
    refused = [item for item in history if item["code"] == LOCKED]
    assert refused and {item["secondFactor"] for item in refused} == {"totp", "recovery_code"}
    assert all("locked" in item["errorMessage"] for item in refused)


def test_parallel_second_factor_guesses_evaluate_no_more_than_the_limit(
        pool: RunningPool) -> None:
    user, totp, _ = mfa_user(pool)
    wrong = wrong_totp(totp)
    tokens = [mfa_token(pool, user["email"]) for _ in range(4)]
    requests = [("POST", TOTP_VERIFY, {"json": {"totp": wrong},
                                       "headers": {"authorization": f"Bearer {token}"}})
                for token in tokens for _ in range(5)]
    codes = [answer.json()["code"] for answer in burst(pool, requests)]
    assert codes.count(6001) == 5
    assert set(codes) <= {6001, LOCKED, 2021}


def test_every_factor_counts_towards_one_lock(fast_pool: RunningPool) -> None:
    pool = fast_pool
    user, totp, recovery = mfa_user(pool)
    phone = unique_phone()
    _enrol_target(pool, user["token"], "SMS", {"phoneNumber": phone}, phone)
    wrong_recovery = "0000-0000-0000-0000-0000-0000"
    assert verify_totp(pool, mfa_token(pool, user["email"]), wrong_totp(totp))["code"] == 6001
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token(pool, user["email"]),
                json={"recoveryCode": wrong_recovery})["code"] == 6002
    for _ in range(3):
        send_sms(pool, phone)
        code = pool.latest_code(phone)
        wrong = "000000" if code != "000000" else "111111"
        answer = call(pool, "POST", "/api/v2/applications/mfa/sms/verify",
                      mfa_token(pool, user["email"]), json={"phone": phone, "code": wrong})
        assert answer["code"] == 2001
    assert "locked" in answer["message"]  # the fifth wrong answer says what follows
    send_sms(pool, phone)
    assert call(pool, "POST", "/api/v2/applications/mfa/sms/verify",
                mfa_token(pool, user["email"]),
                json={"phone": phone, "code": pool.latest_code(phone)})["code"] == LOCKED


def test_second_factor_lock_ends_after_lockout_seconds(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool(second_factor_lockout_after=2, lockout_seconds=300)
    user, totp, _ = mfa_user(pool)
    wrong = wrong_totp(totp)
    assert [verify_totp(pool, mfa_token(pool, user["email"]), wrong)["code"]
            for _ in range(3)] == [6001, 6001, LOCKED]
    clock.advance(240)
    # The pool checks a TOTP at its own time: the authenticator shows the code of that time.
    assert verify_totp(pool, mfa_token(pool, user["email"]),
                       totp.at(clock.now()))["code"] == LOCKED
    clock.advance(61)
    signed_in = verify_totp(pool, mfa_token(pool, user["email"]), totp.at(clock.now()))
    assert signed_in["code"] == 200 and signed_in["data"]["token"]


# ------------------------------------------------------------------ codes
def test_a_code_dies_after_its_guesses_even_in_parallel(fast_pool: RunningPool) -> None:
    pool = fast_pool
    phone = unique_phone()
    send_sms(pool, phone)
    code = pool.latest_code(phone)
    guesses = [f"{n:06d}" for n in range(100) if f"{n:06d}" != code][:30]
    requests = [("POST", "/graphql/v2", {"json": {"query": LOGIN_PHONE_CODE, "variables": {
        "input": {"phone": phone, "code": guess}}}}) for guess in guesses]
    assert set(graphql_codes(burst(pool, requests))) == {2001}
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": phone, "code": code}}) == 2001


def test_the_pool_sends_no_more_than_its_code_limit_per_window(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool(code_send_limit=5, code_send_window=60, resend_interval=0)
    phones = [unique_phone() for _ in range(60)]
    answers = [answer.json() for answer in burst(pool, [
        ("POST", "/api/v2/sms/send", {"json": {"phone": phone}}) for phone in phones])]
    sent = [a for a in answers if a["code"] == 200]
    refused = [a for a in answers if a["code"] == 2080]
    assert len(sent) == 5 and len(refused) == 55
    assert all(0 < a["data"]["retryAfter"] <= 60 for a in refused)
    assert len(pool.outbox()) == 5
    clock.advance(61)
    assert send_sms(pool, unique_phone())["code"] == 200
    assert gql(pool, "query { checkPasswordStrength(password: \"x\") { valid } }") == {
        "valid": False}  # the pool itself is fine
