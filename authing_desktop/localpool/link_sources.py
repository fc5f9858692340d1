"""The outside identity sources a user of the local pool may link to their account
(docs/linked-accounts.md): a simulated WeChat (PC, QR-code) connection and a simulated outside
OIDC provider. Both are pages of the pool itself: the tester types the outside account's name
and the pool derives that account's stable ids from it, the way the WeChat mobile simulation
does (`identity_sources`).

Which of them a pool offers is the ``link_sources`` setting (both by default).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

WECHAT_PC = "wechat-pc"
EXAMPLE_OIDC = "example-oidc"


@dataclass(frozen=True)
class LinkSource:
    """One linkable source, shaped after the v3 ``ExtIdpInfoDto``: ``identifier`` is the
    connection identifier the app passes, ``ext_idp_id`` what unlinking takes (and what the
    identity rows keep as their connection), ``provider`` the rows' provider."""

    identifier: str
    ext_idp_id: str
    conn_type: str
    ext_idp_type: str
    provider: str
    name: str
    name_en: str
    desc: str
    desc_en: str


SOURCES: dict[str, LinkSource] = {
    WECHAT_PC: LinkSource(
        identifier=WECHAT_PC, ext_idp_id="wechat:pc", conn_type="wechat:pc",
        ext_idp_type="wechat", provider="wechat", name="微信", name_en="WeChat",
        desc="使用微信扫码登录（本地模拟）", desc_en="Sign in with WeChat (simulated locally)"),
    EXAMPLE_OIDC: LinkSource(
        identifier=EXAMPLE_OIDC, ext_idp_id="oidc:example-oidc", conn_type="oidc",
        ext_idp_type="oidc", provider="oidc", name="示例 OIDC", name_en="Example OIDC",
        desc="外部 OpenID Connect 身份源（本地模拟）",
        desc_en="An outside OpenID Connect provider (simulated locally)"),
}
DEFAULT_LINK_SOURCES: tuple[str, ...] = (WECHAT_PC, EXAMPLE_OIDC)


def check_link_sources(value: Any) -> tuple[str, ...]:
    """The ``link_sources`` setting: a list of known source identifiers."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError("link_sources must be a list of source identifiers")
    unknown = [v for v in value if v not in SOURCES]
    if unknown:
        raise ValueError(f"link_sources: unknown source {unknown[0]!r}"
                         f" (known: {', '.join(SOURCES)})")
    return tuple(dict.fromkeys(value))


def extidp_view(source: LinkSource, issuer: str, app_id: str) -> dict[str, Any]:
    """The source as ``get-application-enabled-extidps`` lists it (``ExtIdpInfoDto``)."""
    query = urlencode({"ext_idp_conn_identifier": source.identifier, "app_id": app_id})
    return {"identifier": source.identifier, "extIdpId": source.ext_idp_id,
            "type": source.conn_type, "extIdpType": source.ext_idp_type,
            "bindUrl": f"{issuer}/api/v3/link-extidp?{query}", "name": source.name,
            "name_en": source.name_en, "desc": source.desc, "desc_en": source.desc_en,
            "logo": ""}


@dataclass(frozen=True)
class OutsideAccount:
    """The outside account a tester signed in as: the row's external id, the WeChat openid
    (None elsewhere) and the profile the identity row keeps."""

    external_id: str
    openid: str | None
    profile: dict[str, Any]


def outside_account(source: LinkSource, name: str, pool_secret: str) -> OutsideAccount:
    """The simulated account ``name`` of ``source``: the same name always gives the same ids.
    WeChat ids are the WeChat mobile simulation's (one WeChat account has one unionid)."""
    def derived(label: str) -> str:
        return hmac.new(pool_secret.encode(), f"{label}:{name}".encode(),
                        hashlib.sha256).hexdigest()[:28]

    if source.provider == "wechat":
        profile: dict[str, Any] = {
            "openid": "o" + derived("wechat-openid"), "unionid": "u" + derived("wechat-unionid"),
            "nickname": name, "headimgurl": None, "sex": 0, "country": "CN"}
        return OutsideAccount(profile["unionid"], profile["openid"], profile)
    subject = derived(f"oidc-{source.identifier}")
    return OutsideAccount(subject, None, {"sub": subject, "name": name,
                                          "preferred_username": name})
