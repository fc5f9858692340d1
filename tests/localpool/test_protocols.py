"""The browser-protocol endpoints with bogus codes, tickets and login tokens (the full flows:
`test_oidc_provider.py`, `test_cas_wechat_link.py`)."""

from __future__ import annotations

import httpx

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import register_email


def test_token_endpoint_rejects_grants(pool: RunningPool) -> None:
    form = {"client_id": pool.app_id, "client_secret": pool.app_secret,
            "grant_type": "authorization_code", "code": "bogus", "redirect_uri": "http://x/cb"}
    answer = httpx.post(f"{pool.url}/oidc/token", data=form, timeout=10)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"
    wrong = httpx.post(f"{pool.url}/oauth/token", data={**form, "client_secret": "nope"},
                       timeout=10)
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"


def test_userinfo_introspection_revocation_with_a_login_token(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    bad = httpx.post(f"{pool.url}/oidc/me", headers={"authorization": "Bearer bogus"},
                     timeout=10)
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_token"
    info = httpx.post(f"{pool.url}/oidc/me", headers={"authorization": f"Bearer {token}"},
                      timeout=10).json()
    assert info["sub"] == user["id"] and info["email"] == user["email"]
    credentials = {"client_id": pool.app_id, "client_secret": pool.app_secret}
    live = httpx.post(f"{pool.url}/oidc/token/introspection",
                      data={**credentials, "token": token}, timeout=10).json()
    assert live["active"] is True and live["sub"] == user["id"]
    claims = httpx.get(f"{pool.url}/api/v2/oidc/validate_token", params={"id_token": token},
                       timeout=10).json()
    assert claims["sub"] == user["id"]
    revoked = httpx.post(f"{pool.url}/oidc/token/revocation",
                         data={**credentials, "token": token}, timeout=10)
    assert revoked.status_code == 200 and revoked.json() == {}
    dead = httpx.post(f"{pool.url}/oidc/token/introspection",
                      data={**credentials, "token": token}, timeout=10).json()
    assert dead == {"active": False}
    assert httpx.get(f"{pool.url}/api/v2/oidc/validate_token", params={"id_token": token},
                     timeout=10).json()["code"] == 400


def test_cas_and_social(pool: RunningPool) -> None:
    validate = httpx.get(f"{pool.url}/cas-idp/{pool.app_id}/serviceValidate",
                         params={"ticket": "ST-1", "service": "http://s", "format": "JSON"},
                         timeout=10).json()
    assert validate["serviceResponse"]["authenticationFailure"]["code"] == "INVALID_TICKET"
    assert httpx.get(f"{pool.url}/cas/session", timeout=10).json() == {"session": None}
    social = httpx.get(
        f"{pool.url}/connection/social/wechat:mobile/{pool.user_pool_id}/callback",
        params={"code": "bogus"}, timeout=10).json()
    assert social["code"] == 2001 and "wechat" in social["message"].lower()
