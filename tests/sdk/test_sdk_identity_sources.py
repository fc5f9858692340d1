"""Conformance of the identity sources and browser protocols: the OFFICIAL `authing==4.5.18`
SDK (one process, `sdk_runner.py`) runs LDAP / AD / sub-account logins, the first-login and
forced resets, the OIDC code exchange (codes obtained on the hosted page driven by httpx, one
per client authentication method), userinfo / introspection / revocation, CAS ticket
validation, session tracking, WeChat login and account linking against the local pool."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import httpx
import pytest

from tests.fixtures.pool import RunningPool, start_pool, unique
from tests.fixtures.slapd import ALICE, BOB, RunningSlapd
from tests.localpool.helpers import rest
from tests.localpool.hosted_page import redirect_query, sign_in
from tests.sdk.test_sdk_conformance import first_login_token, run_scenario

pytestmark = [pytest.mark.sdk, pytest.mark.ldap]

REDIRECT = "http://127.0.0.1:61000/callback"
SERVICE = "http://127.0.0.1:61001/app"
DEMO = ("demo@example.com", "passw0rd")


def _pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).decode().rstrip("=")


class Prepared:
    """What the scenario needs from browsers and the outbox, made before the SDK runs."""

    def __init__(self, pool: RunningPool) -> None:
        self.verifiers: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        with httpx.Client(timeout=10) as browser:
            for method in ("client_secret_post", "client_secret_basic", "none"):
                verifier, challenge = _pkce()
                params = {"client_id": pool.app_id, "redirect_uri": REDIRECT,
                          "response_type": "code", "scope": "openid profile email",
                          "state": method, "nonce": secrets.token_hex(6),
                          "code_challenge": challenge, "code_challenge_method": "S256"}
                url = f"{pool.url}/oidc/auth?{urlencode(params)}"
                # The first sign-in starts a browser session; later ones redirect at once.
                answer = (sign_in(browser, url, *DEMO) if not self.codes
                          else browser.get(url, follow_redirects=False))
                query = redirect_query(answer)
                assert query["state"] == method
                self.codes[method] = query["code"]
                self.verifiers[method] = verifier
            cas = browser.get(f"{pool.url}/cas-idp/{pool.app_id}?service={quote(SERVICE)}",
                              follow_redirects=False)
            self.ticket = redirect_query(cas)["ticket"]
        self.first_token = first_login_token(pool, "firstlogin@example.com")
        self.forced_token = first_login_token(pool, "expired@example.com")
        self.wechat = unique("wx")
        self.wechat_codes = [
            rest(pool, "POST", "/_localpool/wechat/code", json={"identity": self.wechat},
                 headers=pool.admin_headers)["data"]["code"] for _ in range(2)]


def call(step_id: str, method: str, *args: Any, client: str = "main",
         **kwargs: Any) -> dict[str, Any]:
    return {"id": step_id, "client": client, "call": method, "args": list(args),
            "kwargs": kwargs}


def options(step_id: str, client: str, **values: Any) -> dict[str, Any]:
    return {"id": step_id, "client": client, "options": values}


def build_steps(pool: RunningPool, prep: Prepared) -> list[dict[str, Any]]:
    oidc = {"secret": pool.app_secret, "redirect_uri": REDIRECT}
    steps = [
        # --- directory sources
        call("login_by_ldap", "login_by_ldap", ALICE.username, ALICE.password),
        call("ldap_wrong_password", "login_by_ldap", ALICE.username, "wrong", client="other"),
        options("ad_client", "ad", websocket_host=pool.url),
        call("login_by_ad", "login_by_ad", BOB.username, BOB.password, client="ad"),
        call("me_after_ad", "get_current_user", client="ad"),
        # --- sub-account, first-login and forced resets
        call("login_by_sub_account", "login_by_sub_account", "demo-sub", "passw0rd",
             client="sub"),
        call("reset_password_by_first_token", "reset_password_by_first_token",
             prep.first_token, "Fresh-pass1", client="other"),
        call("login_after_first", "login_by_email", "firstlogin@example.com", "Fresh-pass1",
             client="other"),
        call("reset_password_with_force_reset", "reset_password_with_force_reset",
             prep.forced_token, "passw0rd", "Fresh-pass2", client="other"),
        call("login_after_forced", "login_by_email", "expired@example.com", "Fresh-pass2",
             client="other"),
    ]
    for method in ("client_secret_post", "client_secret_basic", "none"):
        name = f"oidc_{method}"
        steps += [
            options(f"{name}_client", name, token_endpoint_auth_method=method,
                    introspection_endpoint_auth_method=method,
                    revocation_endpoint_auth_method=method, **oidc),
            call(f"code_{method}", "get_access_token_by_code", prep.codes[method],
                 prep.verifiers[method], client=name),
        ]
    access = {"$result": "code_client_secret_post", "path": ["access_token"]}
    steps += [
        call("userinfo", "get_user_info_by_access_token", access,
             client="oidc_client_secret_post"),
        call("introspect", "introspect_token", access, client="oidc_client_secret_basic"),
        call("revoke", "revoke_token", access, client="oidc_client_secret_basic"),
        call("introspect_revoked", "introspect_token", access,
             client="oidc_client_secret_post"),
        call("validate_id_token", "validate_token",
             id_token={"$result": "code_none", "path": ["id_token"]}),
        # a replayed code fails, and revokes what that code produced
        call("code_replayed", "get_access_token_by_code", prep.codes["client_secret_post"],
             prep.verifiers["client_secret_post"], client="oidc_client_secret_post"),
        # --- CAS
        call("validate_ticket_v2", "validate_ticket_v2", prep.ticket, SERVICE, "JSON"),
        call("validate_ticket_replayed", "validate_ticket_v2", prep.ticket, SERVICE, "JSON"),
        call("track_session", "track_session"),
        # --- WeChat and linking (the main client is ALICE, signed in over LDAP)
        # the newest code, from the outbox, like an SMS code
        call("wechat_login", "wechat_login",
             {"$code": {"to": prep.wechat, "scene": "WECHAT_LOGIN"}}, client="wechat"),
        call("wechat_reused", "wechat_login", prep.wechat_codes[1], client="wechat"),
        call("link_account", "link_account", {"$token": "main"},
             {"$result": "wechat_login", "path": ["data", "token"]}),
        call("me_after_link", "get_current_user"),
        call("wechat_after_link", "wechat_login", prep.wechat_codes[0], client="wechat"),
    ]
    return steps


@pytest.fixture(scope="module")
def identity_pool(slapd: RunningSlapd, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[RunningPool]:
    folder = tmp_path_factory.mktemp("sdkidpool")
    ldap, ad = folder / "ldap.json", folder / "ad.json"
    ldap.write_text(json.dumps(slapd.ldap_config().to_mapping()), encoding="utf-8")
    ad.write_text(json.dumps(slapd.ad_config().to_mapping()), encoding="utf-8")
    running = start_pool(folder / "data", ldap_config=ldap, ad_config=ad)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def prepared(identity_pool: RunningPool) -> Prepared:
    return Prepared(identity_pool)


@pytest.fixture(scope="module")
def results(identity_pool: RunningPool, prepared: Prepared) -> dict[str, Any]:
    return run_scenario(identity_pool, build_steps(identity_pool, prepared))


def ok(results: dict[str, Any], step: str) -> Any:
    outcome = results[step]
    assert outcome["ok"], f"{step}: {outcome}"
    return outcome["result"]


def failed(results: dict[str, Any], step: str) -> int:
    outcome = results[step]
    assert not outcome["ok"] and outcome["error"] == "AuthingException", outcome
    code: int = outcome["code"]
    return code


def test_ldap_and_ad_logins(results: dict[str, Any]) -> None:
    alice = ok(results, "login_by_ldap")
    assert alice["username"] == ALICE.username and alice["email"] == ALICE.email
    assert alice["token"] and alice["name"] == ALICE.name
    assert failed(results, "ldap_wrong_password") == 2333
    bob = ok(results, "login_by_ad")
    assert bob["username"] == BOB.username and bob["email"] == BOB.email and bob["token"]
    assert ok(results, "me_after_ad")["id"] == bob["id"]


def test_sub_account_and_password_resets(results: dict[str, Any]) -> None:
    assert ok(results, "login_by_sub_account")["username"] == "demo-sub"
    assert ok(results, "reset_password_by_first_token")["code"] == 200
    assert ok(results, "login_after_first")["email"] == "firstlogin@example.com"
    assert ok(results, "reset_password_with_force_reset")["code"] == 200
    assert ok(results, "login_after_forced")["token"]


def test_code_exchange_with_every_client_authentication(results: dict[str, Any],
                                                        identity_pool: RunningPool) -> None:
    subjects = set()
    for method in ("client_secret_basic", "none"):
        tokens = ok(results, f"code_{method}")
        assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 3600, tokens
        assert tokens["access_token"] and tokens["id_token"]
        me = rest(identity_pool, "GET", "/api/v2/users/me", token=tokens["id_token"])
        assert me["code"] == 200 and me["data"]["email"] == DEMO[0]
        subjects.add(me["data"]["id"])
    assert len(subjects) == 1
    # the SDK returns the raw body of a refused exchange; the replay revoked that code's tokens
    assert ok(results, "code_replayed")["error"] == "invalid_grant"
    replayed = ok(results, "code_client_secret_post")
    assert replayed["id_token"]
    me = rest(identity_pool, "GET", "/api/v2/users/me", token=replayed["id_token"])
    assert me["code"] == 2020


def test_userinfo_introspection_revocation(results: dict[str, Any]) -> None:
    info = ok(results, "userinfo")
    assert info["email"] == DEMO[0] and info["sub"]
    live = ok(results, "introspect")
    assert live["active"] is True and live["sub"] == info["sub"]
    assert ok(results, "revoke") == {}
    assert ok(results, "introspect_revoked") == {"active": False}
    assert ok(results, "validate_id_token")["sub"] == info["sub"]


def test_cas_and_session(results: dict[str, Any]) -> None:
    success = ok(results, "validate_ticket_v2")["serviceResponse"]["authenticationSuccess"]
    assert success["attributes"]["email"] == DEMO[0]
    failure = ok(results, "validate_ticket_replayed")["serviceResponse"]
    assert failure["authenticationFailure"]["code"] == "INVALID_TICKET"
    assert ok(results, "track_session") == {"session": None}  # the SDK sends no cookie


def test_wechat_login_and_link_account(results: dict[str, Any]) -> None:
    wechat = ok(results, "wechat_login")
    assert wechat["code"] == 200 and wechat["data"]["token"]
    assert wechat["data"]["identities"][0]["provider"] == "wechat"
    assert ok(results, "wechat_reused")["code"] == 2001
    assert ok(results, "link_account") is True
    alice = ok(results, "me_after_link")
    assert [i["provider"] for i in alice["identities"]] == ["ldap", "wechat"]
    after = ok(results, "wechat_after_link")
    assert after["code"] == 200 and after["data"]["id"] == alice["id"]
