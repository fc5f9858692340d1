"""The recovery code's state and its regeneration ([local] routes, docs/protocol.md "Recovery
code state"), over loopback HTTP: the old code dies at once, the new one passes the second step
of a sign-in."""

from __future__ import annotations

import datetime as dt
import re

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import login_email, register_email
from tests.localpool.test_mfa import call, challenge_of, enrol_totp

ROUTE = "/api/v2/mfa/totp/recovery-code"


def test_state_regenerate_old_code_refused_new_code_signs_in(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    assert call(pool, "GET", ROUTE, token) == {
        "code": 200, "message": "", "data": {"exists": False, "createdAt": None}}
    assert call(pool, "POST", ROUTE, token, json={"totp": "123456"})["code"] == 404

    totp, old = enrol_totp(pool, token)
    state = call(pool, "GET", ROUTE, token)["data"]
    assert state["exists"] is True
    made = dt.datetime.fromisoformat(state["createdAt"])
    assert abs(made.timestamp() - dt.datetime.now(dt.UTC).timestamp()) < 120
    assert old not in str(state)

    # The fresh proof: a login token alone is not enough.
    assert call(pool, "POST", ROUTE, token, json={})["code"] == 6003
    assert call(pool, "POST", ROUTE, token, json={"totp": "12345"})["code"] == 6001
    assert call(pool, "POST", ROUTE, json={"totp": totp.now()})["code"] != 200
    answer = call(pool, "POST", ROUTE, token, json={"totp": totp.now()})
    assert answer["code"] == 200, answer
    fresh = answer["data"]["recoveryCode"]
    assert re.fullmatch(r"([0-9a-f]{4}-){5}[0-9a-f]{4}", fresh) and fresh != old
    assert dt.datetime.fromisoformat(answer["data"]["createdAt"]) >= made
    again = call(pool, "GET", ROUTE, token)["data"]
    assert again == {"exists": True, "createdAt": answer["data"]["createdAt"]}
    # The same authenticator code is not accepted twice.
    assert call(pool, "POST", ROUTE, token, json={"totp": totp.now()})["code"] == 6001

    mfa_token = challenge_of(lambda: login_email(pool, user["email"])).data["mfaToken"]
    assert call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                json={"recoveryCode": old})["code"] == 6002
    signed_in = call(pool, "POST", "/api/v2/mfa/totp/recovery", mfa_token,
                     json={"recoveryCode": fresh})
    assert signed_in["code"] == 200 and signed_in["data"]["id"] == user["id"]
    assert signed_in["recoveryCode"] not in (fresh, old)
    # The authenticator itself still stands: the pool still lists it.
    factors = call(pool, "GET", "/api/v3/list-enrolled-factors", token)["data"]
    assert [factor["factorType"] for factor in factors] == ["OTP"]


def test_wrong_codes_count_toward_the_second_factor_lock(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    totp, _ = enrol_totp(pool, token)
    codes = [call(pool, "POST", ROUTE, token, json={"totp": "00000" + str(i)})["code"]
             for i in range(6)]
    assert codes[-1] == 2005, codes
    assert call(pool, "POST", ROUTE, token, json={"totp": totp.now()})["code"] == 2005
