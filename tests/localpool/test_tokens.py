"""users/me, logout, checkLoginStatus and refreshToken (spec section 4)."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import CHECK_STATUS, gql, login_email, register_email, rest

REFRESH = "mutation refreshToken($id: String) { refreshToken(id: $id) { token iat exp } }"


def test_users_me_carries_the_token(pool: RunningPool) -> None:
    user = register_email(pool)
    me = rest(pool, "GET", "/api/v2/users/me", token=user["token"])
    assert me["code"] == 200
    assert me["data"]["id"] == user["id"] and me["data"]["token"] == user["token"]
    assert me["data"]["tokenExpiredAt"] and me["data"]["password"] is None
    bare = httpx.get(f"{pool.url}/api/v2/users/me", headers={"authorization": user["token"]},
                     timeout=10).json()
    assert bare["data"]["id"] == user["id"]


def test_users_me_without_or_with_bad_token_is_2020(pool: RunningPool) -> None:
    assert rest(pool, "GET", "/api/v2/users/me")["code"] == 2020
    assert rest(pool, "GET", "/api/v2/users/me", token="garbage")["code"] == 2020
    forged = register_email(pool)["token"][:-4] + "AAAA"
    assert rest(pool, "GET", "/api/v2/users/me", token=forged)["code"] == 2020


def test_logout_revokes_the_token(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    assert gql(pool, CHECK_STATUS, {"token": token})["code"] == 200
    assert rest(pool, "GET", f"/api/v2/logout?app_id={pool.app_id}", token=token)["code"] == 200
    assert rest(pool, "GET", "/api/v2/users/me", token=token)["code"] == 2020
    status = gql(pool, CHECK_STATUS, {"token": token})
    assert status["code"] == 2207 and status["status"] is False
    assert rest(pool, "GET", "/api/v2/logout", token=token)["code"] == 2020


def test_check_login_status_shapes(pool: RunningPool) -> None:
    user = register_email(pool)
    valid = gql(pool, CHECK_STATUS, {"token": user["token"]})
    assert valid["status"] is True and valid["exp"] - valid["iat"] == 1_209_600
    assert valid["data"] == {"id": user["id"], "userPoolId": pool.user_pool_id,
                             "arn": f"arn:cn:authing:{pool.user_pool_id}:user:{user['id']}"}
    for token in (None, "not.a.jwt"):
        status = gql(pool, CHECK_STATUS, {"token": token})
        assert status == {"code": 2207, "message": status["message"], "status": False,
                          "exp": None, "iat": None, "data": None}


def test_refresh_token_rotates(pool: RunningPool) -> None:
    user = login_email(pool, register_email(pool)["email"])
    fresh = gql(pool, REFRESH, None, token=user["token"])
    assert fresh["token"] != user["token"] and fresh["exp"] - fresh["iat"] == 1_209_600
    me = rest(pool, "GET", "/api/v2/users/me", token=fresh["token"])
    assert me["data"]["token"] == fresh["token"]
    assert rest(pool, "GET", "/api/v2/users/me", token=user["token"])["code"] == 2020
    try:
        gql(pool, REFRESH, None, token=user["token"])
    except AssertionError as exc:
        assert getattr(exc, "code", None) == 2020
    else:
        raise AssertionError("a revoked token must not refresh")


def test_expired_token(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(token_lifetime=60, demo=False)
    user = register_email(pool)
    assert rest(pool, "GET", "/api/v2/users/me", token=user["token"])["code"] == 200
    pool.advance_clock(61)
    assert rest(pool, "GET", "/api/v2/users/me", token=user["token"])["code"] == 2206
    status = gql(pool, CHECK_STATUS, {"token": user["token"]})
    assert status["code"] == 2206 and status["status"] is False
