"""Drive the pool's hosted sign-in page with httpx in place of a browser: read the form and
its CSRF token, post credentials (or cancel), and read where the page redirects."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx

_FORM_RE = re.compile(r'<form method="post" action="([^"]*)">')
_CSRF_RE = re.compile(r'name="csrf_token" value="([^"]*)"')


@dataclass(frozen=True)
class SignInForm:
    """The page's form: where it posts and its CSRF token."""

    action: str
    csrf_token: str


def read_form(page: httpx.Response) -> SignInForm:
    """The form of a sign-in page (fails the test when the page has none)."""
    assert page.status_code in (200, 401), page.text
    assert page.headers["content-type"].startswith("text/html")
    action = _FORM_RE.search(page.text)
    token = _CSRF_RE.search(page.text)
    assert action and token, page.text
    return SignInForm(urljoin(str(page.url), html.unescape(action.group(1))),
                      html.unescape(token.group(1)))


def open_page(browser: httpx.Client, url: str) -> httpx.Response:
    """GET a sign-in URL without following redirects."""
    return browser.get(url, follow_redirects=False)


def post_form(browser: httpx.Client, form: SignInForm, **fields: str) -> httpx.Response:
    """POST the form with ``fields`` (plus its CSRF token unless given)."""
    data = {"csrf_token": form.csrf_token, "action": "sign_in", **fields}
    return browser.post(form.action, data=data, follow_redirects=False)


def sign_in(browser: httpx.Client, url: str, account: str, password: str) -> httpx.Response:
    """Open ``url``, post the credentials; the page's answer (a redirect on success)."""
    form = read_form(open_page(browser, url))
    return post_form(browser, form, account=account, password=password)


def redirect_query(response: httpx.Response) -> dict[str, str]:
    """The query of a redirect's Location."""
    assert response.status_code in (302, 303), (response.status_code, response.text)
    location = response.headers["location"]
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}
