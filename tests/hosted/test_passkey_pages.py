"""The server side of the hosted pages' passkeys, driven with httpx and the software
authenticator in place of a browser (the browser itself: test_passkey_browser): what the pages
carry (script, CSP, the localhost twin), a passkey sign-in posted to the page, ``/passkeys``
with its options endpoint, and the refusals (CSRF, no session, a bad answer)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from authing_desktop.localpool.hosted_passkey_script import SCRIPT_PATH
from tests.fixtures.pool import RunningPool
from tests.hosted.test_passkey_browser import localhost
from tests.localpool.helpers import PASSWORD, gql, management_token, register_email
from tests.localpool.hosted_page import read_form, redirect_query
from tests.passkeys.pool_calls import ok, register_passkey, webauthn_origin
from tests.passkeys.soft_authenticator import SoftAuthenticator

REDIRECT = "http://127.0.0.1:53682/callback"
_ALERT_RE = re.compile(r'<p class="error" role="alert">([^<]*)</p>')
_CSRF_RE = re.compile(r'name="csrf_token" value="([^"]*)"')
_NOTICE_RE = re.compile(r'<p class="notice" role="status">([^<]*)</p>')


@pytest.fixture
def browser(pool: RunningPool) -> Iterator[httpx.Client]:
    """A cookie jar on the pool's localhost origin."""
    with httpx.Client(base_url=localhost(pool), timeout=10) as client:
        yield client


def authorize_path(pool: RunningPool) -> str:
    return "/oidc/auth?" + urlencode({
        "client_id": pool.app_id, "redirect_uri": REDIRECT, "response_type": "code",
        "scope": "openid", "state": "s1"})


def passkey_post(browser: httpx.Client, path: str, key: SoftAuthenticator, pool: RunningPool,
                 **overrides: str) -> httpx.Response:
    """Open ``path``, take request options like the page's script, post the assertion."""
    form = read_form(browser.get(path))
    started = ok(browser.post("/api/v3/webauthn/login/initialize", json={}).json())
    asserted = key.get(started["publicKey"], webauthn_origin(pool))
    fields = {"csrf_token": form.csrf_token, "action": "passkey",
              "credential": json.dumps(asserted), "ticket": started["ticket"], **overrides}
    return browser.post(path, data=fields, follow_redirects=False)


def test_pages_carry_the_script_under_a_strict_policy(pool: RunningPool,
                                                      browser: httpx.Client) -> None:
    page = browser.get(authorize_path(pool))
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert 'id="passkey-sign-in" hidden' in page.text
    assert f'<script src="{SCRIPT_PATH}" defer></script>' in page.text
    script = browser.get(SCRIPT_PATH)
    assert script.status_code == 200 and script.headers["content-type"].startswith(
        "text/javascript")
    assert "navigator.credentials.get" in script.text
    assert "navigator.credentials.create" in script.text

    # At 127.0.0.1 WebAuthn cannot work (RP id localhost): the page links to its twin.
    direct = httpx.get(f"{pool.url}{authorize_path(pool)}", timeout=10)
    assert 'id="passkey-sign-in"' not in direct.text
    twin = f"{localhost(pool)}{authorize_path(pool)}".replace("&", "&amp;")
    assert f'<a href="{twin}">open this page at localhost</a>' in direct.text


def test_passkey_sign_in_on_the_hosted_page(pool: RunningPool, browser: httpx.Client) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    signed_in = passkey_post(browser, authorize_path(pool), key, pool)
    query = redirect_query(signed_in)
    assert query["state"] == "s1" and query["code"]
    tokens = httpx.post(f"{pool.url}/oidc/token", timeout=10, data={
        "client_id": pool.app_id, "client_secret": pool.app_secret, "code": query["code"],
        "grant_type": "authorization_code", "redirect_uri": REDIRECT}).json()
    userinfo = httpx.get(f"{pool.url}/oidc/me", timeout=10, headers={
        "authorization": f"Bearer {tokens['access_token']}"}).json()
    assert userinfo["sub"] == user["id"]


def test_hosted_passkey_refusals(pool: RunningPool, browser: httpx.Client) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    forged = passkey_post(browser, authorize_path(pool), key, pool, csrf_token="1.2.3")
    assert forged.status_code == 403
    garbled = passkey_post(browser, authorize_path(pool), key, pool, credential="{not json")
    alert = _ALERT_RE.search(garbled.text)
    assert garbled.status_code == 200 and alert and "could not sign you in" in alert.group(1)
    spent = passkey_post(browser, authorize_path(pool), key, pool, ticket="spent-ticket")
    assert spent.status_code == 200 and _ALERT_RE.search(spent.text)
    unregistered = SoftAuthenticator()  # made a credential, never finished registering it
    options = ok(httpx.post(f"{pool.url}/api/v3/webauthn/registration/initialize", json={},
                            headers={"authorization": f"Bearer {user['token']}"}).json())
    unregistered.create(options["publicKey"], webauthn_origin(pool))
    stranger = passkey_post(browser, authorize_path(pool), unregistered, pool)
    assert stranger.status_code == 200 and _ALERT_RE.search(stranger.text)
    assert "location" not in stranger.headers


def test_passkeys_page_adds_a_passkey(pool: RunningPool, browser: httpx.Client) -> None:
    email = register_email(pool)["email"]
    page = browser.get("/passkeys")
    form = read_form(page)
    assert browser.post("/passkeys/options", json={}).json()["statusCode"] == 401
    signed_in = browser.post("/passkeys", follow_redirects=False, data={
        "csrf_token": form.csrf_token, "action": "sign_in", "account": email,
        "password": PASSWORD})
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/passkeys"
    manage = browser.get("/passkeys")
    assert "No passkey on this account yet." in manage.text and email in manage.text
    token = _CSRF_RE.findall(manage.text)[0]

    unguarded = browser.post("/passkeys/options", json={}).json()
    assert unguarded["statusCode"] == 403, unguarded
    options = browser.post("/passkeys/options", json={},
                           headers={"x-csrf-token": token}).json()
    created = SoftAuthenticator().create(ok(options)["publicKey"], webauthn_origin(pool))
    added = browser.post("/passkeys", data={"csrf_token": token, "action": "add",
                                            "name": "Kitchen key",
                                            "credential": json.dumps(created)})
    notice = _NOTICE_RE.search(added.text)
    assert notice and notice.group(1) == "Passkey added: Kitchen key."
    assert "<strong>Kitchen key</strong>" in added.text

    replayed = browser.post("/passkeys", data={"csrf_token": token, "action": "add",
                                               "credential": json.dumps(created)})
    assert _ALERT_RE.search(replayed.text) and not _NOTICE_RE.search(replayed.text)
    forged = browser.post("/passkeys", data={"csrf_token": "1.2.3", "action": "add",
                                             "credential": json.dumps(created)})
    assert forged.status_code == 403


def test_adding_needs_a_session(pool: RunningPool, browser: httpx.Client) -> None:
    token = read_form(browser.get("/passkeys")).csrf_token
    refused = browser.post("/passkeys", data={"csrf_token": token, "action": "add",
                                              "credential": "{}"})
    alert = _ALERT_RE.search(refused.text)
    assert alert and "sign in again" in alert.group(1)
    assert 'name="password"' in refused.text


def _admin(pool: RunningPool, query: str, variables: dict[str, Any]) -> None:
    """What an admin does to the account while its browser session lives (management API)."""
    gql(pool, query, variables, token=management_token(pool))


BLOCK_USER = ("mutation updateUser($id: String, $input: UpdateUserInput!) {"
              " updateUser(id: $id, input: $input) { id } }")
DELETE_USER = "mutation deleteUser($id: String!) { deleteUser(id: $id) { code } }"


def test_a_session_outlives_neither_a_block_nor_the_account(pool: RunningPool,
                                                            browser: httpx.Client) -> None:
    user = register_email(pool)
    form = read_form(browser.get("/passkeys"))
    browser.post("/passkeys", data={"csrf_token": form.csrf_token, "action": "sign_in",
                                    "account": user["email"], "password": PASSWORD})
    token = _CSRF_RE.findall(browser.get("/passkeys").text)[0]
    _admin(pool, BLOCK_USER, {"id": user["id"], "input": {"blocked": True}})
    blocked = browser.post("/passkeys/options", json={}, headers={"x-csrf-token": token})
    assert blocked.json()["statusCode"] == 403 and blocked.json()["apiCode"] == 2005
    _admin(pool, DELETE_USER, {"id": user["id"]})
    gone = browser.get("/passkeys")
    alert = _ALERT_RE.search(gone.text)
    assert alert and "sign in again" in alert.group(1) and 'name="password"' in gone.text
    assert browser.post("/passkeys/options", json={},
                        headers={"x-csrf-token": token}).json()["statusCode"] == 401
