"""The hosted pages' passkeys in a real headless Chromium with the DevTools virtual
authenticator, against the pool over loopback at ``http://localhost:<port>`` (RP id
``localhost``): sign in with the password on ``/passkeys``, add a passkey, then sign in to an
OIDC client with that passkey alone; a passkey removed from the account no longer signs in."""

from __future__ import annotations

from urllib.parse import urlencode

import httpx
import jwt
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.wait import WebDriverWait

from tests.fixtures.pool import RunningPool
from tests.hosted.browser import LoopbackClient, add_passkey_device
from tests.localpool.helpers import PASSWORD, register_email, unique_email

WAIT_S = 20


def localhost(pool: RunningPool) -> str:
    """The pool's URL with the name WebAuthn accepts (docs/passkeys.md)."""
    return pool.url.replace("://127.0.0.1:", "://localhost:")


def shown(driver: webdriver.Chrome, css: str) -> WebElement:
    """The element once it is displayed."""
    # A page that replaces its content (the passkey button's error) may drop the node between
    # finding it and reading its visibility; Chromium reports that as a generic inspector error
    # rather than a stale element, so both mean "look again".
    wait = WebDriverWait(driver, WAIT_S, ignored_exceptions=(StaleElementReferenceException,
                                                             WebDriverException))
    element: WebElement = wait.until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, css)))
    return element


def sign_in_with_password(driver: webdriver.Chrome, email: str) -> None:
    shown(driver, "#account").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button[value=sign_in]").click()


def authorize_url(pool: RunningPool, client: LoopbackClient) -> str:
    return f"{localhost(pool)}/oidc/auth?" + urlencode({
        "client_id": pool.app_id, "redirect_uri": client.redirect_uri, "response_type": "code",
        "scope": "openid profile email", "state": "st-passkey", "nonce": "n-passkey",
        "prompt": "login"})


def test_add_a_passkey_then_sign_in_with_it(pool: RunningPool, chromium: webdriver.Chrome,
                                            loopback_client: LoopbackClient) -> None:
    email = unique_email()
    user = register_email(pool, email)
    add_passkey_device(chromium)

    # Sign in on /passkeys with the password, then add a passkey.
    chromium.get(f"{localhost(pool)}/passkeys")
    sign_in_with_password(chromium, email)
    shown(chromium, "#passkey-name").send_keys("Test laptop")
    shown(chromium, "#passkey-add").click()
    notice = shown(chromium, ".notice")
    assert notice.text == "Passkey added: Test laptop."
    assert "Test laptop" in chromium.find_element(By.ID, "passkey-list").text
    stored = chromium.get_credentials()
    assert len(stored) == 1 and stored[0].rp_id == "localhost"
    assert stored[0].is_resident_credential

    # A new authorization that asks for a fresh sign-in: the passkey alone signs in.
    chromium.get(authorize_url(pool, loopback_client))
    shown(chromium, "#passkey-sign-in").click()
    WebDriverWait(chromium, WAIT_S).until(lambda _driver: loopback_client.received)
    query = loopback_client.received[-1]
    assert query["state"] == "st-passkey" and "error" not in query
    tokens = httpx.post(f"{pool.url}/oidc/token", timeout=10, data={
        "client_id": pool.app_id, "client_secret": pool.app_secret,
        "grant_type": "authorization_code", "code": query["code"],
        "redirect_uri": loopback_client.redirect_uri}).json()
    claims = jwt.decode(tokens["id_token"], options={"verify_signature": False})
    assert claims["sub"] == user["id"] and claims["nonce"] == "n-passkey"
    assert chromium.get_credentials()[0].sign_count >= 1

    # The pool's Gen-2 list shows the passkey as used; once removed it no longer signs in.
    headers = {"authorization": f"Bearer {user['token']}"}
    listed = httpx.get(f"{pool.url}/api/v3/webauthn/credentials", headers=headers,
                       timeout=10).json()
    assert listed["statusCode"] == 200, listed
    [item] = listed["data"]["list"]
    assert item["name"] == "Test laptop" and item["lastUsedAt"]
    removed = httpx.delete(f"{pool.url}/api/v3/webauthn/credentials/{item['credentialId']}",
                           headers=headers, timeout=10).json()
    assert removed["statusCode"] == 200 and removed["data"] == {"success": True}, removed
    chromium.get(authorize_url(pool, loopback_client))
    shown(chromium, "#passkey-sign-in").click()
    alert = shown(chromium, "p.error[role=alert]")
    assert "could not sign you in" in alert.text
    assert len(loopback_client.received) == 1
