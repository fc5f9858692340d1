"""The pool policy's sign-in settings take effect at the next request (docs/pool-admin.md):
unverified emails, the captcha and the lock after failures, the token lifetime, the periodic
password change. Each test also turns its setting off again and sees the old behaviour."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import jwt

from authing_desktop.localpool import admin_users
from authing_desktop.localpool.clock import Clock
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    CHECK_STATUS,
    LOGIN_EMAIL,
    LOGIN_USERNAME,
    PASSWORD,
    GraphQLError,
    encrypt,
    error_code,
    gql,
    login_email,
    register_email,
    unique_email,
)
from tests.localpool.policy_helpers import on_pool_database, set_policy

FORCED = ("mutation resetPasswordByForceResetToken($token: String!, $oldPassword: String!,"
          " $newPassword: String!) { resetPasswordByForceResetToken(token: $token,"
          " oldPassword: $oldPassword, newPassword: $newPassword) { message code } }")
DAY = 86_400


def fail(pool: RunningPool, email: str, **extra: object) -> int:
    return error_code(pool, LOGIN_EMAIL, {"input": {
        "email": email, "password": encrypt(pool, "Wrong-pass1"), **extra}})


def login_code(pool: RunningPool, email: str, **extra: object) -> int:
    """The code of a sign-in with the right password (200 when it signs in)."""
    try:
        login_email(pool, email, **extra)
    except GraphQLError as exc:
        return exc.code
    return 200


def captcha(pool: RunningPool, client_ip: str) -> str:
    response = httpx.get(f"{pool.url}/api/v2/security/captcha", params={"clientIp": client_ip},
                         timeout=10)
    assert response.status_code == 200
    return pool.latest_captcha(client_ip)


def test_unverified_emails_may_not_sign_in_once_required(
        clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    assert user["emailVerified"] is False and login_code(pool, user["email"]) == 200
    set_policy(pool, loginRequireEmailVerified=True)
    assert login_code(pool, user["email"]) == 2022
    # Only the email sign-in: the same account by username still signs in.
    username = "verify" + user["id"][-8:]
    gql(pool, "mutation updateUser($input: UpdateUserInput!) { updateUser(input: $input)"
              " { id } }", {"input": {"username": username}}, token=user["token"])
    assert gql(pool, LOGIN_USERNAME, {"input": {
        "username": username, "password": encrypt(pool, PASSWORD)}})["id"] == user["id"]
    assert fail(pool, user["email"]) == 2333  # a wrong password still says so first
    set_policy(pool, emailVerifiedDefault=True)
    verified = register_email(pool)
    assert verified["emailVerified"] is True and login_code(pool, verified["email"]) == 200
    set_policy(pool, loginRequireEmailVerified=False)
    assert login_code(pool, user["email"]) == 200


def test_email_verified_default(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool()
    assert register_email(pool)["emailVerified"] is False
    set_policy(pool, emailVerifiedDefault=True)
    assert register_email(pool)["emailVerified"] is True
    set_policy(pool, emailVerifiedDefault=False)
    assert register_email(pool)["emailVerified"] is False


def test_captcha_after_the_policys_failures_from_one_address(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    ip = "203.0.113.9"
    set_policy(pool, loginFailCheck={"enabled": True, "timeInterval": 60, "limit": 2},
               loginFailStrategy="captcha")
    victims = [register_email(pool)["email"] for _ in range(3)]
    assert [fail(pool, victims[0], clientIp=ip), fail(pool, victims[1], clientIp=ip)] == [
        2333, 2333]
    assert login_code(pool, victims[2], clientIp=ip) == 2000
    assert login_code(pool, victims[2], clientIp=ip, captchaCode="0000"
                      if captcha(pool, ip) != "0000" else "1111") == 2001
    assert login_code(pool, victims[2], clientIp=ip, captchaCode=captcha(pool, ip)) == 200
    assert login_code(pool, victims[2], clientIp="203.0.113.10") == 200  # another address
    # Failures age out after the policy's window (the accounts count too: fresh ones here).
    others = [register_email(pool)["email"] for _ in range(2)]
    assert [fail(pool, other, clientIp=ip) for other in others] == [2333, 2333]
    assert login_code(pool, victims[2], clientIp=ip) == 2000
    clock.advance(61)
    assert login_code(pool, victims[2], clientIp=ip) == 200
    # Turned off: no captcha, however many failures.
    set_policy(pool, loginFailCheck={"enabled": False, "timeInterval": 60, "limit": 2})
    assert [fail(pool, others[0], clientIp=ip) for _ in range(4)] == [2333] * 4
    assert login_code(pool, victims[2], clientIp=ip) == 200


def test_block_account_locks_after_the_policys_wrong_passwords(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    set_policy(pool, loginPasswordFailCheck={"enabled": True, "timeInterval": 120, "limit": 3},
               loginFailStrategy="block-account")
    email = register_email(pool)["email"]
    # No captcha with "block-account": the third wrong password locks the account.
    assert [fail(pool, email) for _ in range(3)] == [2333, 2333, 2057]
    assert login_code(pool, email) == 2005
    clock.advance(119)
    assert login_code(pool, email) == 2005
    clock.advance(2)  # the lock lasts the policy's timeInterval
    assert login_code(pool, email) == 200
    set_policy(pool, loginPasswordFailCheck={"enabled": False, "timeInterval": 120,
                                             "limit": 3})
    assert [fail(pool, email) for _ in range(12)] == [2333] * 12
    assert login_code(pool, email) == 200


def test_token_lifetime_follows_the_policy(clocked_pool: Callable[..., RunningPool],
                                           clock: Clock) -> None:
    pool = clocked_pool()
    email = register_email(pool)["email"]

    def lifetime(token: str) -> int:
        claims = jwt.decode(token, options={"verify_signature": False})
        return int(claims["exp"]) - int(claims["iat"])

    assert lifetime(login_email(pool, email)["token"]) == 1_209_600
    set_policy(pool, tokenExpiresAfter=120)
    token = login_email(pool, email)["token"]
    assert lifetime(token) == 120
    clock.advance(121)
    assert gql(pool, CHECK_STATUS, {"token": token})["code"] == 2206
    set_policy(pool, tokenExpiresAfter=1_209_600)
    assert lifetime(login_email(pool, email)["token"]) == 1_209_600


def test_periodic_password_change(clocked_pool: Callable[..., RunningPool],
                                  clock: Clock) -> None:
    pool = clocked_pool()
    email = register_email(pool)["email"]
    set_policy(pool, passwordUpdatePolicy={"enabled": True, "forcedCycle": 30,
                                           "differenceCycle": 0})
    assert login_code(pool, email) == 200
    clock.advance(31 * DAY)
    try:
        login_email(pool, email)
        raise AssertionError("an old password signed in")
    except GraphQLError as exc:
        assert exc.code == 2058 and exc.data["token"]
        token = exc.data["token"]
    set_policy(pool, passwordUpdatePolicy={"enabled": False, "forcedCycle": 30,
                                           "differenceCycle": 0})
    assert login_code(pool, email) == 200
    set_policy(pool, passwordUpdatePolicy={"enabled": True, "forcedCycle": 30,
                                           "differenceCycle": 0})
    assert login_code(pool, email) == 2058
    gql(pool, FORCED, {"token": token, "oldPassword": encrypt(pool, PASSWORD),
                       "newPassword": encrypt(pool, "N3w-password")})
    # The new password is young again.
    assert login_email(pool, email, password="N3w-password")["token"]


def test_policy_reads_need_no_restart_of_a_pool_process(
        make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(demo=False)
    email = unique_email()
    set_policy(pool, registerDisabled=True)
    assert error_code(pool, "mutation registerByEmail($input: RegisterByEmailInput!) {"
                            " registerByEmail(input: $input) { id } }",
                      {"input": {"email": email, "password": encrypt(pool, PASSWORD)}}) == 2031
    set_policy(pool, registerDisabled=False)
    assert register_email(pool, email)["email"] == email


def test_blocked_users_and_the_one_off_forced_reset(
        clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    email = user["email"]

    def update(**changes: object) -> None:
        on_pool_database(pool, lambda conn, clock: admin_users.update_user(
            conn, clock, user["id"], changes))

    update(blocked=True)
    assert login_code(pool, email) == 2005
    assert fail(pool, email) == 2333  # a wrong password is still only wrong
    update(blocked=False)
    assert login_code(pool, email) == 200
    update(resetPasswordOnNextLogin=True)
    try:
        login_email(pool, email)
        raise AssertionError("a forced reset signed in")
    except GraphQLError as exc:
        assert exc.code == 2058
        token = exc.data["token"]
    gql(pool, FORCED, {"token": token, "oldPassword": encrypt(pool, PASSWORD),
                       "newPassword": encrypt(pool, "N3w-password")})
    assert login_email(pool, email, password="N3w-password")["token"]  # once only


def test_an_admins_new_password_is_young(clocked_pool: Callable[..., RunningPool],
                                         clock: Clock) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    set_policy(pool, passwordUpdatePolicy={"enabled": True, "forcedCycle": 1,
                                           "differenceCycle": 0})
    clock.advance(2 * DAY)
    assert login_code(pool, user["email"]) == 2058
    on_pool_database(pool, lambda conn, now: admin_users.update_user(
        conn, now, user["id"], {"password": "Adm1n-set-pass"}))
    assert login_email(pool, user["email"], password="Adm1n-set-pass")["token"]
