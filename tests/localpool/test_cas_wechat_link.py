"""CAS sign-in (hosted page, tickets, serviceValidate in JSON and XML, the SSO session),
the simulated WeChat mobile connection, and account linking; over plain HTTP and through the
app's async API client."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from authing_desktop.api.errors import AuthingError
from tests.api.support import client_for, run
from tests.fixtures.pool import RunningPool, start_pool, unique
from tests.localpool.helpers import PASSWORD, register_email, rest
from tests.localpool.hosted_page import open_page, read_form, redirect_query, sign_in

SERVICE = "http://127.0.0.1:8765/app?x=1"


def cas_url(pool: RunningPool, service: str = SERVICE, app_id: str | None = None) -> str:
    return f"{pool.url}/cas-idp/{app_id or pool.app_id}?service={quote(service, safe='')}"


def validate(pool: RunningPool, ticket: str, service: str = SERVICE,
             fmt: str = "JSON") -> httpx.Response:
    return httpx.get(f"{pool.url}/cas-idp/{pool.app_id}/serviceValidate", timeout=10,
                     params={"ticket": ticket, "service": service, "format": fmt})


def wechat_code(pool: RunningPool, identity: str) -> str:
    body = rest(pool, "POST", "/_localpool/wechat/code", json={"identity": identity},
                headers=pool.admin_headers)
    assert body["code"] == 200, body
    code: str = body["data"]["code"]
    return code


def wechat_login(pool: RunningPool, code: str, pool_id: str | None = None,
                 connection: str = "wechat:mobile") -> dict[str, Any]:
    return rest(pool, "GET",
                f"/connection/social/{connection}/{pool_id or pool.user_pool_id}/callback",
                params={"code": code})


# ------------------------------------------------------------------------- CAS
def test_cas_sign_in_ticket_and_session(pool: RunningPool) -> None:
    user = register_email(pool)
    with httpx.Client(timeout=10) as browser:
        answer = sign_in(browser, cas_url(pool), user["email"], PASSWORD)
        assert answer.headers["location"].startswith(SERVICE + "&ticket=ST-")
        ticket = redirect_query(answer)["ticket"]
        assert validate(pool, ticket, "http://127.0.0.1:8765/other").json()[
            "serviceResponse"]["authenticationFailure"]["code"] == "INVALID_SERVICE"
        # the ticket died with that attempt: a new one comes at once (browser session)
        again = browser.get(cas_url(pool), follow_redirects=False)
        ticket = redirect_query(again)["ticket"]
        success = validate(pool, ticket).json()["serviceResponse"]["authenticationSuccess"]
        assert success["user"] == user["id"]
        assert success["attributes"]["email"] == user["email"]
        replay = validate(pool, ticket).json()["serviceResponse"]["authenticationFailure"]
        assert replay["code"] == "INVALID_TICKET"

        xml_ticket = redirect_query(browser.get(cas_url(pool), follow_redirects=False))["ticket"]
        xml = validate(pool, xml_ticket, fmt="XML")
        assert xml.headers["content-type"].startswith("application/xml")
        assert f"<cas:user>{user['id']}</cas:user>" in xml.text
        assert f"<cas:email>{user['email']}</cas:email>" in xml.text

        session = browser.get(f"{pool.url}/cas/session").json()
        assert session["session"]["userId"] == user["id"]
        assert session["userInfo"]["id"] == user["id"] and session["userInfo"]["token"] is None
        out = browser.get(f"{pool.url}/cas-idp/logout", params={"url": SERVICE},
                          follow_redirects=False)
        assert out.status_code == 302 and out.headers["location"] == SERVICE
        assert browser.get(f"{pool.url}/cas/session").json() == {"session": None}
        read_form(browser.get(cas_url(pool), follow_redirects=False))


def test_cas_refusals(pool: RunningPool) -> None:
    unknown = httpx.get(cas_url(pool, app_id="nope"), timeout=10)
    assert unknown.status_code == 404 and "location" not in unknown.headers
    foreign = httpx.get(cas_url(pool, service="https://evil.example/"), timeout=10)
    assert foreign.status_code == 400 and "location" not in foreign.headers
    assert httpx.get(f"{pool.url}/cas-idp/{pool.app_id}", timeout=10).status_code == 400
    failure = validate(pool, "ST-nothing", fmt="XML")
    assert 'code="INVALID_TICKET"' in failure.text
    with httpx.Client(timeout=10) as browser:
        page = open_page(browser, cas_url(pool))
        form = read_form(page)
        cancelled = browser.post(form.action, follow_redirects=False,
                                 data={"csrf_token": form.csrf_token, "action": "cancel"})
        assert cancelled.headers["location"] == SERVICE  # back, without a ticket


def test_cas_through_the_api_client(pool: RunningPool) -> None:
    user = register_email(pool)
    with httpx.Client(timeout=10) as browser:
        ticket = redirect_query(sign_in(browser, cas_url(pool), user["email"], PASSWORD))[
            "ticket"]

    async def scenario() -> None:
        async with client_for(pool) as client:
            answer = await client.validate_ticket_v2(ticket, SERVICE)
            assert answer["serviceResponse"]["authenticationSuccess"]["user"] == user["id"]
            assert await client.track_session() == {"session": None}  # no browser cookie

    run(scenario())


# ------------------------------------------------------------------------- WeChat
def test_wechat_code_signs_in_or_creates_the_linked_user(pool: RunningPool) -> None:
    identity = unique("wx")
    code = wechat_code(pool, identity)
    sent = [m for m in pool.outbox() if m["to"] == identity]
    assert sent and sent[0]["channel"] == "wechat" and sent[0]["code"] == code
    first = wechat_login(pool, code)
    assert first["code"] == 200, first
    user = first["data"]
    assert user["token"] and user["nickname"] == identity and user["unionid"]
    assert [(i["provider"], i["userIdInIdp"]) for i in user["identities"]] == [
        ("wechat", user["unionid"])]
    assert user["registerSource"] == ["social:wechat"]
    assert wechat_login(pool, code)["code"] == 2001  # single use
    second = wechat_login(pool, wechat_code(pool, identity))["data"]
    assert second["id"] == user["id"] and second["token"] != user["token"]
    me = rest(pool, "GET", "/api/v2/users/me", token=second["token"])
    assert me["data"]["id"] == user["id"]


def test_wechat_refusals(pool: RunningPool) -> None:
    bad = rest(pool, "POST", "/_localpool/wechat/code", json={"identity": "<b>"},
               headers=pool.admin_headers)
    assert bad["code"] == 400
    code = wechat_code(pool, unique("wx"))
    assert wechat_login(pool, code, pool_id="000000000000000000000000")["code"] == 2224
    assert wechat_login(pool, code, connection="qq:mobile")["code"] == 400
    assert wechat_login(pool, code)["code"] == 200  # the refusals did not burn it


def test_wechat_code_expires(tmp_path: Path) -> None:
    short = start_pool(tmp_path / "short", demo=False, code_lifetime=60,
                       authorization_code_lifetime=60)
    try:
        code = wechat_code(short, unique("wx"))
        with httpx.Client(timeout=10) as browser:
            user = register_email(short)
            ticket = redirect_query(sign_in(browser, cas_url(short), user["email"], PASSWORD))[
                "ticket"]
        short.advance_clock(61)
        assert wechat_login(short, code)["code"] == 2300
        failure = validate(short, ticket).json()["serviceResponse"]["authenticationFailure"]
        assert failure["code"] == "INVALID_TICKET"
    finally:
        short.stop()


def test_wechat_login_through_the_api_client(pool: RunningPool) -> None:
    identity = unique("wx")
    code = wechat_code(pool, identity)

    async def scenario() -> None:
        async with client_for(pool) as client:
            user = await client.wechat_login(code, state="s1")
            assert user.token and client.token == user.token and user.nickname == identity
            assert (await client.get_current_user()).id == user.id
            with pytest.raises(AuthingError) as caught:
                await client.wechat_login(code)
            assert caught.value.code == 2001

    run(scenario())


# ------------------------------------------------------------------------- linking
def test_link_moves_identities_and_deletes_the_secondary(pool: RunningPool) -> None:
    primary = register_email(pool)
    identity = unique("wx")
    social = wechat_login(pool, wechat_code(pool, identity))["data"]
    linked = rest(pool, "POST", "/api/v2/users/link", json={
        "primaryUserToken": primary["token"], "secondaryUserToken": social["token"]})
    assert linked["code"] == 200, linked
    assert rest(pool, "GET", "/api/v2/users/me", token=social["token"])["code"] == 2020
    me = rest(pool, "GET", "/api/v2/users/me", token=primary["token"])["data"]
    assert [i["provider"] for i in me["identities"]] == ["wechat"]
    assert me["unionid"] == social["unionid"]
    # the WeChat account now signs in as the primary account
    again = wechat_login(pool, wechat_code(pool, identity))["data"]
    assert again["id"] == primary["id"] and again["email"] == primary["email"]

    # conflicts
    other = wechat_login(pool, wechat_code(pool, unique("wx")))["data"]
    taken = rest(pool, "POST", "/api/v2/users/link", json={
        "primaryUserToken": again["token"], "secondaryUserToken": other["token"]})
    assert taken["code"] == 2213
    plain = register_email(pool)
    nothing = rest(pool, "POST", "/api/v2/users/link", json={
        "primaryUserToken": other["token"], "secondaryUserToken": plain["token"]})
    assert nothing["code"] == 2214
    assert rest(pool, "POST", "/api/v2/users/link", json={
        "primaryUserToken": other["token"], "secondaryUserToken": other["token"]})["code"] == 2215
    assert rest(pool, "POST", "/api/v2/users/link", json={
        "primaryUserToken": "bogus", "secondaryUserToken": other["token"]})["code"] == 2020
    assert rest(pool, "POST", "/api/v2/users/link", json={})["code"] == 2231

    # unlink: fine for the primary (it has a password), refused for a WeChat-only account
    unlinked = rest(pool, "POST", "/api/v2/users/unlink", json={
        "primaryUserToken": again["token"], "provider": "wechat"})
    assert unlinked["code"] == 200
    me = rest(pool, "GET", "/api/v2/users/me", token=again["token"])["data"]
    assert me["identities"] == [] and me["unionid"] is None
    assert rest(pool, "POST", "/api/v2/users/unlink", json={
        "primaryUserToken": again["token"], "provider": "wechat"})["code"] == 2216
    assert rest(pool, "POST", "/api/v2/users/unlink", json={
        "primaryUserToken": other["token"], "provider": "wechat"})["code"] == 2217


def test_link_through_the_api_client(pool: RunningPool) -> None:
    primary = register_email(pool)
    social = wechat_login(pool, wechat_code(pool, unique("wx")))["data"]

    async def scenario() -> None:
        async with client_for(pool, token=primary["token"]) as client:
            assert await client.link_account(primary["token"], social["token"]) is True
            with pytest.raises(AuthingError) as caught:
                await client.link_account(primary["token"], social["token"])
            assert caught.value.code == 2020  # the secondary account is gone
            assert await client.unlink_account(primary["token"], "wechat") is True
            with pytest.raises(AuthingError) as caught:
                await client.unlink_account(primary["token"], "wechat")
            assert caught.value.code == 2216

    run(scenario())


def test_sign_in_page_accepts_username_and_phone(pool: RunningPool) -> None:
    with httpx.Client(timeout=10) as browser:
        by_name = sign_in(browser, cas_url(pool), "demo", "passw0rd")
    with httpx.Client(timeout=10) as browser:
        by_phone = sign_in(browser, cas_url(pool), "18800000000", "passw0rd")
    for answer in (by_name, by_phone):
        ticket = redirect_query(answer)["ticket"]
        success = validate(pool, ticket).json()["serviceResponse"]["authenticationSuccess"]
        assert success["attributes"]["username"] == "demo"
