"""Sign in with the system browser, end to end: `SystemBrowserSignIn` with an opener that
plays the browser with httpx against the pool's hosted sign-in page (GET the authorize URL,
read the form and its CSRF token, post, follow the redirect to the app's loopback listener);
plus the listener's own rules and the clear errors (state mismatch, cancel, timeout)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.loopback_redirect import (
    LoopbackRedirectListener,
    RedirectCancelled,
    RedirectStateMismatch,
    RedirectTimeout,
)
from authing_desktop.services.browser_flow import SystemBrowserSignIn
from authing_desktop.services.browser_sign_in import BrowserSignIn
from authing_desktop.services.errors import UserFacingError
from tests.api.support import client_for, profile_for, run
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import PASSWORD, register_email
from tests.localpool.hosted_page import post_form, read_form


class FakeBrowser:
    """An opener that drives the hosted page in a thread (like a real browser, it must not
    block the app's event loop), then visits wherever the page redirects."""

    def __init__(self, account: str = "", password: str = PASSWORD, *,
                 action: str = "sign_in",
                 tamper: Callable[[str], str] | None = None) -> None:
        self.account = account
        self.password = password
        self.action = action
        self.tamper = tamper
        self.opened: list[str] = []
        self.callback: httpx.Response | None = None
        self.failure: BaseException | None = None
        self._thread: threading.Thread | None = None

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        self._thread = threading.Thread(target=self._browse, args=(url,), daemon=True)
        self._thread.start()
        return True

    def _browse(self, url: str) -> None:
        try:
            with httpx.Client(timeout=10) as browser:
                form = read_form(browser.get(url))
                answer = post_form(browser, form, action=self.action, account=self.account,
                                   password=self.password)
                location = answer.headers["location"]
                self.callback = browser.get(self.tamper(location) if self.tamper else location)
        except BaseException as exc:  # reported to the test
            self.failure = exc

    def join(self) -> None:
        if self._thread is not None:
            self._thread.join(10)
        if self.failure is not None:
            raise self.failure


def with_state(location: str, state: str) -> str:
    parts = urlsplit(location)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["state"] = state
    return urlunsplit(parts._replace(query=urlencode(query)))


def test_browser_sign_in_round_trip(pool: RunningPool) -> None:
    user = register_email(pool)
    browser = FakeBrowser(user["email"])
    flow: BrowserSignIn = SystemBrowserSignIn(browser)

    async def scenario() -> None:
        async with client_for(pool) as client:
            result = await flow.sign_in(client)
            signed_in = result.user
            assert signed_in.id == user["id"] and signed_in.email == user["email"]
            assert signed_in.token and client.token == signed_in.token
            assert (await client.get_current_user()).id == user["id"]
            # a fresh client restored from that token acts as the user
            async with client_for(pool, token=signed_in.token) as restored:
                assert (await restored.check_logged_in()).id == user["id"]
            # offline access was asked for: a refresh token renews the sign-in, and is
            # kept out of repr (logs, crash reports)
            assert result.refresh_token and result.refresh_token not in repr(result)
            renewed = await client.get_new_access_token_by_refresh_token(result.refresh_token)
            assert renewed.id_token and renewed.refresh_token != result.refresh_token
            async with client_for(pool, token=renewed.id_token) as again:
                assert (await again.check_logged_in()).id == user["id"]
            await client.revoke_token(renewed.refresh_token or "")
            async with client_for(pool, token=renewed.id_token) as revoked:
                assert not (await revoked.check_login_status()).logged_in

    run(scenario())
    browser.join()
    assert browser.callback is not None and browser.callback.status_code == 200
    assert "close this tab" in browser.callback.text
    query = parse_qs(urlsplit(browser.opened[0]).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert "offline_access" in query["scope"][0].split() and query["prompt"] == ["consent"]
    assert query["redirect_uri"][0].startswith("http://127.0.0.1:")
    assert query["redirect_uri"][0].endswith("/callback")
    assert len(query["state"][0]) >= 32 and query["state"] != query["nonce"]


def test_state_mismatch_is_refused(pool: RunningPool) -> None:
    user = register_email(pool)
    browser = FakeBrowser(user["email"], tamper=lambda loc: with_state(loc, "forged"))

    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(UserFacingError, match="different sign-in attempt"):
                await SystemBrowserSignIn(browser).sign_in(client)
            assert client.token is None

    run(scenario())
    browser.join()
    assert browser.callback is not None and browser.callback.status_code == 400


def test_cancel_in_the_browser(pool: RunningPool) -> None:
    browser = FakeBrowser(action="cancel")

    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(UserFacingError, match="cancelled"):
                await SystemBrowserSignIn(browser).sign_in(client)

    run(scenario())
    browser.join()
    assert browser.callback is not None and "cancelled" in browser.callback.text


def test_timeout_and_a_browser_that_cannot_open(pool: RunningPool) -> None:
    opened: list[str] = []

    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(UserFacingError, match="too long"):
                await SystemBrowserSignIn(lambda url: opened.append(url) is None,
                                          timeout=0.3).sign_in(client)
            with pytest.raises(UserFacingError, match="Could not open"):
                await SystemBrowserSignIn(lambda url: False).sign_in(client)

    run(scenario())
    assert len(opened) == 1
    # the listener is gone: the late browser finds nobody
    redirect_uri = parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]
    with pytest.raises(httpx.ConnectError):
        httpx.get(redirect_uri, params={"code": "late", "state": "x"}, timeout=2)


def test_a_connection_without_an_oidc_app(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with AuthenticationClient(profile_for(pool, protocol="cas")) as client:
            with pytest.raises(UserFacingError, match="OIDC application"):
                await SystemBrowserSignIn(lambda url: True).sign_in(client)

    run(scenario())


# ------------------------------------------------------------------------- the listener
async def _listener_case(query: dict[str, str], state: str = "s-1") -> str:
    async with LoopbackRedirectListener(state) as listener, \
            httpx.AsyncClient(timeout=5) as browser:
        favicon = await browser.get(listener.redirect_uri.replace("/callback", "/favicon.ico"))
        assert favicon.status_code == 404  # does not end the wait
        posted = await browser.post(listener.redirect_uri)
        assert posted.status_code == 405
        answer = await browser.get(listener.redirect_uri, params=query)
        assert answer.headers["cache-control"] == "no-store"
        try:
            return await listener.wait(1)
        finally:
            late = await browser.get(listener.redirect_uri, params=query)
            assert late.status_code == 409


def test_listener_outcomes() -> None:
    assert run(_listener_case({"code": "abc", "state": "s-1"})) == "abc"
    with pytest.raises(RedirectStateMismatch):
        run(_listener_case({"code": "abc", "state": "other"}))
    with pytest.raises(RedirectStateMismatch):
        run(_listener_case({"code": "abc"}))
    with pytest.raises(RedirectCancelled):
        run(_listener_case({"error": "access_denied", "state": "s-1"}))


def test_listener_timeout_and_garbage() -> None:
    async def scenario() -> None:
        async with LoopbackRedirectListener("s") as listener:
            port = int(urlsplit(listener.redirect_uri).port or 0)
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"NONSENSE\r\n\r\n")
            await writer.drain()
            assert (await reader.read()).startswith(b"HTTP/1.1 400")
            writer.close()
            with pytest.raises(RedirectTimeout):
                await listener.wait(0.2)

    run(scenario())
