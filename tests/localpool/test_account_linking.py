"""Linking outside accounts on the local pool over HTTP (docs/linked-accounts.md): the enabled
sources, generate-link-extidp-url, the browser steps (a real HTTP client following the
redirects and submitting the simulated provider's form), identities, unlinking."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from authing_desktop.localpool.account_linking import LINK_LIFETIME_S
from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import login_email, register_email
from tests.localpool.test_mfa import call

TARGET = "http://127.0.0.1:9/linked?attempt=abc"


def link_url(pool: RunningPool, token: str, identifier: str, *,
             target_url: str | None = TARGET, **extra: str) -> dict[str, Any]:
    """generate-link-extidp-url's envelope."""
    params = {"ext_idp_conn_identifier": identifier, "app_id": pool.app_id, "id_token": token,
              **extra}
    if target_url is not None:
        params.update(need_url_redirect="1", target_url=target_url)
    return call(pool, "GET", "/api/v3/generate-link-extidp-url", params=params)


def open_provider(browser: httpx.Client, url: str) -> tuple[httpx.Response, str]:
    """Follow the link to the provider's page: the page and its form's state."""
    started = browser.get(url)
    assert started.status_code == 302, started.text
    page = browser.get(started.headers["location"])
    assert page.status_code == 200, page.text
    state = re.search(r'name="state" value="([^"]+)"', page.text)
    assert state is not None
    return page, state.group(1)


def submit(browser: httpx.Client, page: httpx.Response, state: str, name: str,
           action: str = "link") -> httpx.Response:
    form = re.search(r'<form method="post" action="([^"]+)"', page.text)
    assert form is not None
    return browser.post(form.group(1), data={"state": state, "name": name, "action": action})


def link(pool: RunningPool, token: str, identifier: str, name: str) -> dict[str, str]:
    """Link ``name`` of ``identifier`` in a fresh browser; the query sent to the target."""
    url = link_url(pool, token, identifier)["data"]["url"]
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        page, state = open_provider(browser, url)
        answer = submit(browser, page, state, name)
    assert answer.status_code == 302
    location = answer.headers["location"]
    assert location.startswith("http://127.0.0.1:9/linked?attempt=abc&")
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


def test_enabled_sources_in_both_languages(pool: RunningPool) -> None:
    answer = call(pool, "GET", "/api/v3/get-application-enabled-extidps")
    assert answer["statusCode"] == 200
    sources = {s["identifier"]: s for s in answer["data"]}
    assert set(sources) == {"wechat-pc", "example-oidc"}
    wechat = sources["wechat-pc"]
    assert (wechat["type"], wechat["extIdpType"], wechat["extIdpId"]) == (
        "wechat:pc", "wechat", "wechat:pc")
    assert (wechat["name"], wechat["name_en"]) == ("微信", "WeChat")
    assert sources["example-oidc"]["extIdpType"] == "oidc"
    assert sources["example-oidc"]["name_en"] == "Example OIDC"
    assert call(pool, "GET", "/api/v3/get-application-enabled-extidps?app_id=nope")[
        "statusCode"] == 404


def test_link_list_and_unlink(pool: RunningPool) -> None:
    user = register_email(pool)
    token = user["token"]
    generated = link_url(pool, token, "example-oidc")
    assert generated["statusCode"] == 200
    url = generated["data"]["url"]
    assert url.startswith(f"{pool.url}/api/v3/link-extidp?") and token not in url
    name = unique("octo")
    result = link(pool, token, "example-oidc", name)
    assert result["success"] == "true" and result["attempt"] == "abc"
    identities = call(pool, "GET", "/api/v3/get-identities", token)["data"]
    assert [(i["provider"], i["extIdpId"]) for i in identities] == [
        ("oidc", "oidc:example-oidc")]
    assert identities[0]["userInfoInIdp"]["name"] == name and identities[0]["createdAt"]
    # The same name is the same outside account: linking it again is a no-op success.
    assert link(pool, token, "example-oidc", name)["success"] == "true"
    assert len(call(pool, "GET", "/api/v3/get-identities", token)["data"]) == 1
    # WeChat too, then unlink one source.
    assert link(pool, token, "wechat-pc", unique("wx"))["success"] == "true"
    providers = {i["provider"] for i in call(pool, "GET", "/api/v3/get-identities", token)[
        "data"]}
    assert providers == {"oidc", "wechat"}
    unlinked = call(pool, "POST", "/api/v3/unlink-extidp", token,
                    json={"extIdpId": "oidc:example-oidc"})
    assert unlinked["statusCode"] == 200
    left = call(pool, "GET", "/api/v3/get-identities", token)["data"]
    assert [i["extIdpId"] for i in left] == ["wechat:pc"]
    missing = call(pool, "POST", "/api/v3/unlink-extidp", token,
                   json={"extIdpId": "oidc:example-oidc"})
    assert (missing["statusCode"], missing["apiCode"]) == (404, 2216)
    assert call(pool, "POST", "/api/v3/unlink-extidp", token, json={})["statusCode"] == 400


def test_already_linked_to_another_user(pool: RunningPool) -> None:
    name = unique("shared")
    first = register_email(pool)
    assert link(pool, first["token"], "wechat-pc", name)["success"] == "true"
    second = register_email(pool)
    result = link(pool, second["token"], "wechat-pc", name)
    assert result["success"] == "false" and result["errCode"] == "2215"
    assert "another user" in result["errMsg"]
    assert call(pool, "GET", "/api/v3/get-identities", second["token"])["data"] == []


def test_opener_page_without_target(pool: RunningPool) -> None:
    user = register_email(pool)
    url = link_url(pool, user["token"], "example-oidc", target_url=None)["data"]["url"]
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        page, state = open_provider(browser, url)
        assert "Sign in to Example OIDC as:" in page.text
        assert page.headers["x-frame-options"] == "DENY"
        done = submit(browser, page, state, "opener-" + unique())
        assert done.status_code == 200 and "The account is linked" in done.text
        block = re.search(r'id="link-result">(.*?)</script>', done.text)
        assert block is not None
        posted = json.loads(block.group(1))
        assert posted["success"] is True and posted["identities"][0]["provider"] == "oidc"
        assert browser.get("/api/v3/link-extidp/opener.js").text.count("postMessage") == 1


def test_name_is_validated_and_escaped(pool: RunningPool) -> None:
    user = register_email(pool)
    user = login_email(pool, user["email"])  # a session recent enough to link (step-up)
    url = link_url(pool, user["token"], "example-oidc")["data"]["url"]
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        page, state = open_provider(browser, url)
        bad = submit(browser, page, state, '<script>"x"</script>')
        assert bad.status_code == 400 and "<script>\"x\"" not in bad.text
        assert "&lt;script&gt;" in bad.text
        # The state survives a typing mistake.
        assert submit(browser, page, state, "fixed-" + unique()).status_code == 302


def test_cancel_at_the_provider(pool: RunningPool) -> None:
    user = register_email(pool)
    url = link_url(pool, user["token"], "wechat-pc")["data"]["url"]
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        page, state = open_provider(browser, url)
        answer = submit(browser, page, state, "", action="cancel")
    query = parse_qs(urlsplit(answer.headers["location"]).query)
    assert query["success"] == ["false"]
    assert call(pool, "GET", "/api/v3/get-identities", user["token"])["data"] == []


def test_bad_reused_and_expired_states(pool: RunningPool) -> None:
    user = register_email(pool)
    user = login_email(pool, user["email"])  # a session recent enough to link (step-up)
    url = link_url(pool, user["token"], "example-oidc")["data"]["url"]
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        page, state = open_provider(browser, url)
        # The ticket is single use.
        again = browser.get(url)
        assert again.status_code == 400 and "already used" in again.text
        # A state from another browser (no cookie) is refused.
        with httpx.Client(base_url=pool.url, timeout=30) as other:
            stolen = other.post(urlsplit(str(page.url)).path,
                                data={"state": state, "name": "thief", "action": "link"})
            assert stolen.status_code == 403
        # A made-up state, and a form from another site.
        assert submit(browser, page, "x" * 43, "someone").status_code == 400
        foreign = browser.post(urlsplit(str(page.url)).path, headers={
            "origin": "https://evil.example"}, data={"state": state, "name": "a"})
        assert foreign.status_code == 403
        assert submit(browser, page, state, "once-" + unique()).status_code == 302
        reused = submit(browser, page, state, "twice-" + unique())
        assert reused.status_code == 400 and "already used" in reused.text
    assert len(call(pool, "GET", "/api/v3/get-identities", user["token"])["data"]) == 1


def test_expired_ticket_and_state(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool()  # its own clock: the shared pool's time stays the wall clock's
    user = register_email(pool)
    url = link_url(pool, user["token"], "example-oidc")["data"]["url"]
    pool.advance_clock(LINK_LIFETIME_S + 1)
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        late_ticket = browser.get(url)
        assert late_ticket.status_code == 400 and "expired" in late_ticket.text
    user = login_email(pool, user["email"])  # a session recent enough to link (step-up)
    url = link_url(pool, user["token"], "example-oidc")["data"]["url"]
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        page, state = open_provider(browser, url)
        pool.advance_clock(LINK_LIFETIME_S + 1)
        late = submit(browser, page, state, "late-" + unique())
        assert late.status_code == 400 and "expired" in late.text
    assert call(pool, "GET", "/api/v3/get-identities", user["token"])["data"] == []


def test_bad_id_token_and_inputs(pool: RunningPool) -> None:
    user = register_email(pool)
    refused = link_url(pool, "not-a-token", "example-oidc")
    assert (refused["statusCode"], refused["apiCode"]) == (401, 2020)
    assert link_url(pool, user["token"], "github")["statusCode"] == 404
    assert link_url(pool, user["token"], "example-oidc",
                    target_url="https://evil.example/x")["statusCode"] == 400
    missing = call(pool, "GET", "/api/v3/generate-link-extidp-url", params={
        "ext_idp_conn_identifier": "example-oidc", "app_id": pool.app_id})
    assert (missing["statusCode"], missing["apiCode"]) == (400, 2231)
    assert link_url(pool, user["token"], "example-oidc", target_url=None,
                    need_form_post="1")["statusCode"] == 400
    assert link_url(pool, user["token"], "example-oidc", app_id="nope")["statusCode"] == 404
    # The older form of link-extidp takes the id_token itself.
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        bad = browser.get("/api/v3/link-extidp", params={
            "ext_idp_conn_identifier": "example-oidc", "app_id": pool.app_id,
            "id_token": "not-a-token"})
        assert bad.status_code == 401
        good = browser.get("/api/v3/link-extidp", params={
            "ext_idp_conn_identifier": "example-oidc", "app_id": pool.app_id,
            "id_token": user["token"]})
        assert good.status_code == 302 and "/connections/simulated/example-oidc/" in \
            good.headers["location"]


def test_last_way_in_cannot_be_unlinked(pool: RunningPool) -> None:
    name = "only-" + unique()
    issued = call(pool, "POST", "/_localpool/wechat/code", json={"identity": name},
                  headers=pool.admin_headers)
    signed_in = call(pool, "GET", f"/connection/social/wechat:mobile/{pool.user_pool_id}"
                     f"/callback?code={issued['data']['code']}")
    token = signed_in["data"]["token"]
    refused = call(pool, "POST", "/api/v3/unlink-extidp", token,
                   json={"extIdpId": "wechat:mobile"})
    assert (refused["statusCode"], refused["apiCode"]) == (422, 2217)
    # A second linked account is another way in: then the first may go.
    assert link(pool, token, "example-oidc", "way-" + unique())["success"] == "true"
    assert call(pool, "POST", "/api/v3/unlink-extidp", token,
                json={"extIdpId": "wechat:mobile"})["statusCode"] == 200
    last = call(pool, "POST", "/api/v3/unlink-extidp", token,
                json={"extIdpId": "oidc:example-oidc"})
    assert last["apiCode"] == 2217


def test_a_linked_wechat_account_signs_in(pool: RunningPool) -> None:
    user = register_email(pool)
    name = unique("wxin")
    assert link(pool, user["token"], "wechat-pc", name)["success"] == "true"
    # The WeChat mobile sign-in of the same WeChat account reaches the same user.
    issued = call(pool, "POST", "/_localpool/wechat/code", json={"identity": name},
                  headers=pool.admin_headers)
    signed_in = call(pool, "GET", f"/connection/social/wechat:mobile/{pool.user_pool_id}"
                     f"/callback?code={issued['data']['code']}")
    assert signed_in["data"]["id"] == user["id"]


def test_linking_needs_a_recent_proof(clocked_pool: Callable[..., RunningPool]) -> None:
    """Linking adds a way into the account: an old session needs a step-up proof
    (docs/step-up.md), in the header of generate-link-extidp-url; the browser's direct
    link-extidp?id_token= form cannot carry one, so it needs a recent sign-in."""
    from authing_desktop.localpool.step_up import DEFAULT_MAX_AGE_S, STEP_UP_HEADER
    from tests.localpool.test_step_up import proof, refused

    pool = clocked_pool()
    user = register_email(pool)
    pool.advance_clock(DEFAULT_MAX_AGE_S + 1)
    assert refused(link_url(pool, user["token"], "example-oidc"))
    with httpx.Client(base_url=pool.url, timeout=30) as browser:
        direct = browser.get("/api/v3/link-extidp", params={
            "ext_idp_conn_identifier": "example-oidc", "app_id": pool.app_id,
            "id_token": user["token"], "target_url": TARGET})
        assert direct.status_code == 403 and "/connections/" not in direct.headers.get(
            "location", "")
    params = {"ext_idp_conn_identifier": "example-oidc", "app_id": pool.app_id,
              "id_token": user["token"], "need_url_redirect": "1", "target_url": TARGET}
    answer = call(pool, "GET", "/api/v3/generate-link-extidp-url", params=params,
                  headers={STEP_UP_HEADER: proof(pool, user["token"])})
    assert answer["statusCode"] == 200 and answer["data"]["url"], answer
