"""`AccountLinking` and the api calls under it against the pool, without Qt widgets: the sources
as models, the link URL, a browser that cannot open, no opener at all, and the loopback
listener's answer for another attempt."""

from __future__ import annotations

import httpx
import pytest

from authing_desktop.api.errors import AuthingArgumentError
from authing_desktop.api.link_redirect import LinkResultListener
from authing_desktop.services.account_linking import AccountLinking
from authing_desktop.services.errors import UserFacingError
from tests.api.support import client_for, profile_for, run
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import register_email


def test_sources_and_link_url(pool: RunningPool) -> None:
    user = register_email(pool)

    async def scenario() -> None:
        async with client_for(pool, token=user["token"]) as client:
            sources = await client.get_application_enabled_ext_idps()
            wechat = next(s for s in sources if s.identifier == "wechat-pc")
            assert (wechat.ext_idp_id, wechat.ext_idp_type, wechat.name, wechat.name_en) == (
                "wechat:pc", "wechat", "微信", "WeChat")
            url = await client.generate_link_ext_idp_url(
                "wechat-pc", target_url="http://127.0.0.1:9/linked?state=s")
            assert url.startswith(f"{pool.url}/api/v3/link-extidp?")
            assert user["token"] not in url
        async with client_for(pool) as signed_out:
            with pytest.raises(AuthingArgumentError):
                await signed_out.generate_link_ext_idp_url("wechat-pc")
        async with client_for(pool, token=user["token"], app_id="") as no_app:
            with pytest.raises(AuthingArgumentError):
                await no_app.generate_link_ext_idp_url("wechat-pc")

    run(scenario())
    assert profile_for(pool).app_id == pool.app_id


def test_browser_problems_are_said_plainly(pool: RunningPool) -> None:
    user = register_email(pool)
    opened: list[str] = []

    def cannot_open(url: str) -> bool:
        opened.append(url)
        return False

    async def scenario() -> None:
        async with client_for(pool, token=user["token"]) as client:
            with pytest.raises(UserFacingError, match="cannot open a browser"):
                await AccountLinking(None).link(client, "wechat-pc")
            with pytest.raises(UserFacingError, match="Could not open"):
                await AccountLinking(cannot_open).link(client, "wechat-pc")
            assert await client.get_identities() == []

    run(scenario())
    assert len(opened) == 1 and httpx.URL(opened[0]).params.get("link_ticket")


def test_a_foreign_answer_is_refused() -> None:
    async def scenario() -> None:
        async with LinkResultListener("ours") as listener:
            async with httpx.AsyncClient(timeout=5) as browser:
                refused = await browser.get(listener.redirect_uri,
                                            params={"state": "theirs", "success": "true"})
                assert refused.status_code == 400 and "does not belong" in refused.text
            with pytest.raises(Exception, match="another linking attempt"):
                await listener.wait(5)
        async with LinkResultListener("ours") as listener:
            async with httpx.AsyncClient(timeout=5) as browser:
                done = await browser.get(listener.target_url + "&success=false&errCode=2215")
                assert done.status_code == 200 and "close this tab" in done.text
            assert await listener.wait(5) == "2215"

    run(scenario())
