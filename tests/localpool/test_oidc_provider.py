"""The pool as an OIDC provider: discovery, JWKS, the hosted sign-in page (CSRF, escaping,
cancel, single sign-on), authorization code + PKCE, the token endpoint's client
authentication, tokens per spec section 4, userinfo, introspection, revocation, logout."""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import urlencode

import httpx
import jwt
import pytest

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import PASSWORD, register_email, rest
from tests.localpool.hosted_page import (
    open_page,
    post_form,
    read_form,
    redirect_query,
    sign_in,
)

REDIRECT = "http://127.0.0.1:53682/callback"


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).decode().rstrip("=")


def authorize_url(pool: RunningPool, **overrides: str | None) -> str:
    params: dict[str, str | None] = {
        "client_id": pool.app_id, "redirect_uri": REDIRECT, "response_type": "code",
        "scope": "openid profile email phone", "state": "st-" + secrets.token_hex(4),
        "nonce": "n-" + secrets.token_hex(4)}
    params.update(overrides)
    return f"{pool.url}/oidc/auth?" + urlencode({k: v for k, v in params.items() if v is not None})


def get_code(pool: RunningPool, email: str, **overrides: str | None) -> dict[str, str]:
    """Sign in on the hosted page in a fresh browser; the redirect's query (code, state)."""
    with httpx.Client(timeout=10) as browser:
        return redirect_query(sign_in(browser, authorize_url(pool, **overrides), email,
                                      PASSWORD))


def token_call(pool: RunningPool, **form: str) -> httpx.Response:
    return httpx.post(f"{pool.url}/oidc/token", data=form, timeout=10)


def exchange(pool: RunningPool, code: str, verifier: str | None = None,
             redirect_uri: str = REDIRECT, secret: bool = False) -> httpx.Response:
    form = {"client_id": pool.app_id, "grant_type": "authorization_code", "code": code,
            "redirect_uri": redirect_uri}
    if verifier is not None:
        form["code_verifier"] = verifier
    if secret:
        form["client_secret"] = pool.app_secret
    return token_call(pool, **form)


def basic(pool: RunningPool, secret: str | None = None) -> dict[str, str]:
    raw = f"{pool.app_id}:{secret or pool.app_secret}".encode()
    return {"authorization": "Basic " + base64.b64encode(raw).decode()}


# ------------------------------------------------------------------------- metadata
def test_discovery_and_jwks(pool: RunningPool) -> None:
    meta = httpx.get(f"{pool.url}/oidc/.well-known/openid-configuration", timeout=10).json()
    assert meta["issuer"] == f"{pool.url}/oidc"
    assert meta["authorization_endpoint"] == f"{pool.url}/oidc/auth"
    assert meta["token_endpoint"] == f"{pool.url}/oidc/token"
    assert meta["jwks_uri"] == f"{pool.url}/oidc/.well-known/jwks.json"
    assert meta["end_session_endpoint"] == f"{pool.url}/oidc/session/end"
    assert set(meta["token_endpoint_auth_methods_supported"]) == {
        "client_secret_post", "client_secret_basic", "none"}
    assert "S256" in meta["code_challenge_methods_supported"]
    keys = httpx.get(meta["jwks_uri"], timeout=10).json()["keys"]
    assert len(keys) == 1 and keys[0]["kty"] == "RSA" and keys[0]["alg"] == "RS256"
    assert keys[0]["kid"] and "d" not in keys[0]  # public only


# ------------------------------------------------------------------------- the code flow
def test_code_flow_with_pkce_and_the_tokens(pool: RunningPool) -> None:
    user = register_email(pool)
    verifier, challenge = pkce()
    query = get_code(pool, user["email"], code_challenge=challenge,
                     code_challenge_method="S256", nonce="nonce-1", state="state-1")
    assert query["state"] == "state-1" and query["code"]
    answer = exchange(pool, query["code"], verifier)  # public client: "none" + PKCE
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 3600
    assert "refresh_token" not in tokens

    # access_token: RS256 with a kid from the JWKS; claims of spec section 4
    jwks = jwt.PyJWKClient(f"{pool.url}/oidc/.well-known/jwks.json")
    header = jwt.get_unverified_header(tokens["access_token"])
    assert header["alg"] == "RS256" and header["kid"]
    access = jwt.decode(tokens["access_token"],
                        jwks.get_signing_key_from_jwt(tokens["access_token"]).key,
                        algorithms=["RS256"], audience=pool.app_id)
    assert access["sub"] == user["id"] and access["iss"] == f"{pool.url}/oidc"
    assert access["exp"] - access["iat"] == 3600 and access["jti"]
    assert access["scope"] == "openid profile email phone"

    # id_token: HS256 with the app secret, nonce and at_hash
    claims = jwt.decode(tokens["id_token"], pool.app_secret, algorithms=["HS256"],
                        audience=pool.app_id)
    assert claims["sub"] == user["id"] and claims["nonce"] == "nonce-1"
    at_hash = base64.urlsafe_b64encode(
        hashlib.sha256(tokens["access_token"].encode()).digest()[:16]).decode().rstrip("=")
    assert claims["at_hash"] == at_hash and claims["email"] == user["email"]

    # the id_token is a session token of the app
    me = rest(pool, "GET", "/api/v2/users/me", token=tokens["id_token"])
    assert me["code"] == 200 and me["data"]["id"] == user["id"]
    assert me["data"]["token"] == tokens["id_token"]

    # userinfo, GET and POST, limited to the scope
    bearer = {"authorization": f"Bearer {tokens['access_token']}"}
    got = httpx.get(f"{pool.url}/oidc/me", headers=bearer, timeout=10).json()
    posted = httpx.post(f"{pool.url}/oidc/me", headers=bearer, timeout=10).json()
    assert got == posted and got["sub"] == user["id"] and got["email"] == user["email"]
    assert "address" not in got and "phone_number" in got

    # introspection (client_secret_post) and revocation (client_secret_basic, JSON body)
    secret = {"client_id": pool.app_id, "client_secret": pool.app_secret}
    live = httpx.post(f"{pool.url}/oidc/token/introspection",
                      data={**secret, "token": tokens["access_token"]}, timeout=10).json()
    assert live["active"] is True and live["sub"] == user["id"]
    assert live["scope"] == "openid profile email phone"
    revoked = httpx.post(f"{pool.url}/oidc/token/revocation", headers=basic(pool),
                         data={"token": tokens["access_token"]}, timeout=10)
    assert revoked.status_code == 200 and revoked.json() == {}
    dead = httpx.post(f"{pool.url}/oidc/token/introspection",
                      data={**secret, "token": tokens["access_token"]}, timeout=10).json()
    assert dead == {"active": False}
    assert httpx.get(f"{pool.url}/oidc/me", headers=bearer, timeout=10).status_code == 401
    checked = httpx.get(f"{pool.url}/api/v2/oidc/validate_token",
                        params={"id_token": tokens["id_token"]}, timeout=10).json()
    assert checked["sub"] == user["id"] and checked["nonce"] == "nonce-1"


def test_a_code_is_single_use_and_a_replay_revokes_its_tokens(pool: RunningPool) -> None:
    user = register_email(pool)
    verifier, challenge = pkce()
    code = get_code(pool, user["email"], code_challenge=challenge,
                    code_challenge_method="S256")["code"]
    first = exchange(pool, code, verifier)
    assert first.status_code == 200
    replay = exchange(pool, code, verifier)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"
    id_token = first.json()["id_token"]
    assert rest(pool, "GET", "/api/v2/users/me", token=id_token)["code"] == 2020


@pytest.mark.parametrize(("case", "expected"), [
    ("wrong_verifier", "invalid_grant"),
    ("missing_verifier", "invalid_grant"),
    ("plain_against_s256", "invalid_grant"),
    ("other_redirect_uri", "invalid_grant"),
    ("wrong_secret", "invalid_client"),
    ("other_client", "invalid_client"),
])
def test_pkce_and_binding_rules(pool: RunningPool, case: str, expected: str) -> None:
    user = register_email(pool)
    verifier, challenge = pkce()
    code = get_code(pool, user["email"], code_challenge=challenge,
                    code_challenge_method="S256")["code"]
    form = {"client_id": pool.app_id, "grant_type": "authorization_code", "code": code,
            "redirect_uri": REDIRECT, "code_verifier": verifier}
    if case == "wrong_verifier":
        form["code_verifier"] = pkce()[0]
    elif case == "missing_verifier":
        del form["code_verifier"]
    elif case == "plain_against_s256":
        form["code_verifier"] = challenge  # the challenge itself, as `plain` would send
    elif case == "other_redirect_uri":
        form["redirect_uri"] = "http://127.0.0.1:1/callback"
    elif case == "wrong_secret":
        form["client_secret"] = "not-the-secret"
    else:
        form["client_id"] = "someone-else"
    answer = token_call(pool, **form)
    assert answer.json()["error"] == expected, answer.text
    assert answer.status_code == (401 if expected == "invalid_client" else 400)


def test_client_authentication_methods(pool: RunningPool) -> None:
    user = register_email(pool)
    # none without PKCE is refused; confidential clients may skip PKCE
    bare = get_code(pool, user["email"])["code"]
    refused = exchange(pool, bare)
    assert refused.status_code == 400 and "PKCE" in refused.json()["error_description"]
    posted = exchange(pool, get_code(pool, user["email"])["code"], secret=True)
    assert posted.status_code == 200 and posted.json()["id_token"]
    verifier, challenge = pkce()
    code = get_code(pool, user["email"], code_challenge=challenge, code_challenge_method="S256")
    answer = httpx.post(f"{pool.url}/oidc/token", headers=basic(pool), timeout=10, data={
        "grant_type": "authorization_code", "code": code["code"], "redirect_uri": REDIRECT,
        "code_verifier": verifier})
    assert answer.status_code == 200 and answer.json()["access_token"]
    wrong = httpx.post(f"{pool.url}/oidc/token", headers=basic(pool, "nope"), timeout=10,
                       data={"grant_type": "authorization_code", "code": "x",
                             "redirect_uri": REDIRECT})
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"


# ------------------------------------------------------------------------- the request
@pytest.mark.parametrize("redirect_uri", [
    "http://127.0.0.1:1234/callback", "http://[::1]:8/cb", "http://localhost:65000/x?y=1"])
def test_loopback_redirects_on_any_port(pool: RunningPool, redirect_uri: str) -> None:
    with httpx.Client(timeout=10) as browser:
        page = open_page(browser, authorize_url(pool, redirect_uri=redirect_uri))
        read_form(page)
        cancelled = post_form(browser, read_form(page), action="cancel")
    location = cancelled.headers["location"]
    assert location.startswith(redirect_uri)
    assert redirect_query(cancelled)["error"] == "access_denied"


@pytest.mark.parametrize("redirect_uri", [
    "https://evil.example/callback", "http://127.0.0.1.evil.example/cb",
    "https://127.0.0.1:8443/cb", "http://user@127.0.0.1:1/cb", None])
def test_other_redirects_are_refused_without_redirecting(pool: RunningPool,
                                                         redirect_uri: str | None) -> None:
    answer = httpx.get(authorize_url(pool, redirect_uri=redirect_uri), timeout=10)
    assert answer.status_code == 400 and "location" not in answer.headers
    assert "redirect_uri" in answer.text


def test_request_errors(pool: RunningPool) -> None:
    unknown = httpx.get(authorize_url(pool, client_id="nobody"), timeout=10)
    assert unknown.status_code == 400 and "location" not in unknown.headers
    token = httpx.get(authorize_url(pool, response_type="token", state="s1"), timeout=10)
    assert redirect_query(token) == {"error": "unsupported_response_type",
                                     "error_description": "only response_type=code is supported",
                                     "state": "s1"}
    no_openid = redirect_query(httpx.get(authorize_url(pool, scope="profile"), timeout=10))
    assert no_openid["error"] == "invalid_scope"
    bad_method = redirect_query(httpx.get(authorize_url(
        pool, code_challenge=pkce()[1], code_challenge_method="S512"), timeout=10))
    assert bad_method["error"] == "invalid_request"


# ------------------------------------------------------------------------- the page
def test_csrf_token_is_required_and_bound_to_the_cookie(pool: RunningPool) -> None:
    user = register_email(pool)
    url = authorize_url(pool)
    credentials = {"account": user["email"], "password": PASSWORD}
    with httpx.Client(timeout=10) as browser, httpx.Client(timeout=10) as other:
        form = read_form(open_page(browser, url))
        assert browser.cookies.get("localpool_csrf")
        missing = browser.post(form.action, data={"action": "sign_in", **credentials})
        assert missing.status_code == 403 and "location" not in missing.headers
        wrong = post_form(browser, form, csrf_token=form.csrf_token[:-2] + "00",
                          **credentials)
        assert wrong.status_code == 403
        # a token made for another browser's cookie is useless here
        foreign = read_form(open_page(other, url))
        assert post_form(browser, foreign, **credentials).status_code == 403
        # and without the cookie, the page's own token is refused too
        no_cookie = httpx.post(form.action, timeout=10, data={
            "csrf_token": form.csrf_token, "action": "sign_in", **credentials})
        assert no_cookie.status_code == 403
        assert redirect_query(post_form(browser, form, **credentials))["code"]


def test_page_escapes_what_it_echoes_and_reports_wrong_passwords(pool: RunningPool) -> None:
    hostile = '"><script>alert(1)</script>'
    url = authorize_url(pool, state=hostile)
    with httpx.Client(timeout=10) as browser:
        page = open_page(browser, url)
        assert "<script>" not in page.text
        assert page.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        answer = post_form(browser, read_form(page), account=hostile, password="wrong-pass")
        assert answer.status_code == 401 and "Wrong account or password" in answer.text
        assert "<script>" not in answer.text and "&lt;script&gt;" in answer.text
        # the state survives the round trip, exactly
        user = register_email(pool)
        done = post_form(browser, read_form(answer), account=user["email"], password=PASSWORD)
        assert redirect_query(done)["state"] == hostile


def test_captcha_after_repeated_failures(pool: RunningPool) -> None:
    user = register_email(pool)
    with httpx.Client(timeout=10) as browser:
        page = open_page(browser, authorize_url(pool))
        for _ in range(3):
            page = post_form(browser, read_form(page), account=user["email"], password="nope")
        required = post_form(browser, read_form(page), account=user["email"], password=PASSWORD)
        assert "picture" in required.text and 'src="/api/v2/security/captcha' in required.text


def test_single_sign_on_prompt_and_session_end(pool: RunningPool) -> None:
    user = register_email(pool)
    with httpx.Client(timeout=10) as browser:
        first = redirect_query(sign_in(browser, authorize_url(pool), user["email"], PASSWORD))
        again = browser.get(authorize_url(pool, state="sso"), follow_redirects=False)
        assert redirect_query(again)["state"] == "sso"  # no form: the browser session
        forced = browser.get(authorize_url(pool, prompt="login"), follow_redirects=False)
        read_form(forced)
        session = browser.get(f"{pool.url}/cas/session").json()
        assert session["session"]["userId"] == user["id"]
        assert session["userInfo"]["email"] == user["email"]
        tokens = exchange(pool, first["code"], secret=True).json()
        end = browser.get(f"{pool.url}/oidc/session/end", follow_redirects=False, params={
            "id_token_hint": tokens["id_token"], "post_logout_redirect_uri": REDIRECT,
            "state": "bye"})
        assert redirect_query(end) == {"state": "bye"}
        assert browser.get(f"{pool.url}/cas/session").json() == {"session": None}
        assert rest(pool, "GET", "/api/v2/users/me", token=tokens["id_token"])["code"] == 2020
        read_form(browser.get(authorize_url(pool), follow_redirects=False))
    with httpx.Client(timeout=10) as fresh:
        none = fresh.get(authorize_url(pool, prompt="none", state="p"), follow_redirects=False)
        assert redirect_query(none)["error"] == "login_required"
        elsewhere = fresh.get(f"{pool.url}/oidc/session/end", params={
            "post_logout_redirect_uri": "https://evil.example/"}, follow_redirects=False)
        assert elsewhere.status_code == 200 and "signed out" in elsewhere.text


def test_forced_reset_accounts_are_sent_to_the_app(pool: RunningPool) -> None:
    with httpx.Client(timeout=10) as browser:
        answer = sign_in(browser, authorize_url(pool), "expired@example.com", "passw0rd")
    assert answer.status_code == 200 and "new password" in answer.text
    assert "location" not in answer.headers



def test_registered_redirects_match_exactly() -> None:
    from authing_desktop.localpool.browser_state import redirect_allowed

    registered = ("https://app.example/callback",)
    assert redirect_allowed("https://app.example/callback", registered)
    assert not redirect_allowed("https://app.example/callback/x", registered)
    assert not redirect_allowed("https://app.example/callback?x=1", registered)
    assert not redirect_allowed("http://app.example/callback", registered)
    assert redirect_allowed("http://127.0.0.1:9/any/path?q=1", ())
    assert not redirect_allowed("http://127.0.0.1:9/cb#frag", ())
    assert not redirect_allowed("http://127.0.0.1:99999/cb", ())
