"""The hosted pages run no script but the pool's own, and their passkey calls need this
browser's CSRF token (docs/local-pool-security.md, docs/passkeys.md)."""

from __future__ import annotations

import httpx

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import PASSWORD, register_email
from tests.localpool.hosted_page import open_page, read_form
from tests.localpool.test_oidc_provider import authorize_url


def _script_policy(response: httpx.Response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_hosted_pages_allow_only_the_pools_own_script(pool: RunningPool) -> None:
    localhost = pool.url.replace("://127.0.0.1:", "://localhost:")
    pages = [authorize_url(pool), f"{pool.url}/passkeys", f"{localhost}/passkeys",
             f"{pool.url}/cas-idp/{pool.app_id}?service=http://127.0.0.1:9/",
             f"{pool.url}/oidc/session/end"]
    for url in pages:
        response = httpx.get(url, timeout=10)
        policy = _script_policy(response)
        assert policy["default-src"] == "'none'", url
        assert policy["script-src"] == "'self'" and policy["connect-src"] == "'self'", url
        assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'", url
        assert "<script>" not in response.text, url  # only <script src="..."> of the pool


def test_passkey_calls_need_this_browsers_csrf_token(pool: RunningPool) -> None:
    localhost = pool.url.replace("://127.0.0.1:", "://localhost:")
    email = register_email(pool)["email"]
    with httpx.Client(base_url=localhost, timeout=10) as browser, \
            httpx.Client(base_url=localhost, timeout=10) as other:
        form = read_form(open_page(browser, "/passkeys"))
        assert browser.post("/passkeys", follow_redirects=False, data={
            "csrf_token": form.csrf_token, "action": "sign_in", "account": email,
            "password": PASSWORD}).status_code == 303
        foreign = read_form(open_page(other, "/passkeys")).csrf_token
        for token in (None, "", foreign, "1.2.3"):
            headers = {} if token is None else {"x-csrf-token": token}
            answer = browser.post("/passkeys/options", json={}, headers=headers).json()
            assert answer["statusCode"] == 403 and "publicKey" not in str(answer), token
            added = browser.post("/passkeys", data={"csrf_token": token or "", "action": "add",
                                                    "credential": "{}"})
            assert added.status_code == 403, token
        passkey = browser.post(authorize_url(pool).replace(pool.url, ""), data={
            "csrf_token": foreign, "action": "passkey", "credential": "{}", "ticket": "t"})
        assert passkey.status_code == 403
