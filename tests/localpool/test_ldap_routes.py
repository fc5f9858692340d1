"""LDAP and AD sign-in through the pool's routes against a REAL slapd: the pool started with
``--ldap-config`` / ``--ad-config`` files, entries imported on first login and updated on later
ones, wrong credentials 2333, local accounts never taken over; and the app's API client."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ldap3 import MODIFY_REPLACE

from authing_desktop.api.errors import AuthingError
from tests.api.support import client_for, run
from tests.fixtures.pool import RunningPool, start_pool, unique
from tests.fixtures.slapd import ALICE, BOB, CAROL, UPNONLY, RunningSlapd, ssha
from tests.localpool.helpers import PASSWORD, REGISTER_USERNAME, encrypt, gql, rest

pytestmark = pytest.mark.ldap


def _config_file(path: Path, mapping: dict[str, Any]) -> Path:
    path.write_text(json.dumps(mapping), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ldap_pool(slapd: RunningSlapd, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[RunningPool]:
    """A demo pool with both directory sources on the session's slapd."""
    folder = tmp_path_factory.mktemp("ldappool")
    ldap = _config_file(folder / "ldap.json", slapd.ldap_config().to_mapping())
    ad_mapping = slapd.ad_config().to_mapping()
    del ad_mapping["kind"]  # the section's kind is implied
    ad = _config_file(folder / "ad.json", ad_mapping)
    running = start_pool(folder / "data", ldap_config=ldap, ad_config=ad)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def dora(slapd: RunningSlapd) -> Iterator[dict[str, str]]:
    """A directory user of this test only (added, then deleted), free to modify."""
    uid = unique("dora")
    dn = f"uid={uid},{slapd.people_dn}"
    password = "Dora-pw-8"
    admin = slapd.admin_connection()
    admin.add(dn, ["inetOrgPerson"], {
        "uid": uid, "cn": "Dora Explorer", "sn": "Explorer", "userPassword": ssha(password),
        "mail": f"{uid}@example.com", "telephoneNumber": "+33 1 23 45 67 89",
        "displayName": "Dora Explorer"})
    try:
        yield {"dn": dn, "uid": uid, "password": password}
    finally:
        admin.delete(dn)
        admin.unbind()


def ldap_login(pool: RunningPool, username: str, password: str,
               kind: str = "ldap") -> dict[str, Any]:
    return rest(pool, "POST", f"/api/v2/{kind}/verify-user",
                json={"username": username, "password": password})


def test_first_login_imports_later_logins_update(ldap_pool: RunningPool, slapd: RunningSlapd,
                                                 dora: dict[str, str]) -> None:
    first = ldap_login(ldap_pool, dora["uid"], dora["password"])
    assert first["code"] == 200, first
    user = first["data"]
    assert user["username"] == dora["uid"] and user["email"] == f"{dora['uid']}@example.com"
    assert user["phone"] == "+33123456789" and user["name"] == "Dora Explorer"
    assert user["token"] and user["registerSource"] == ["enterprise:ldap"]
    assert [i["provider"] for i in user["identities"]] == ["ldap"]
    me = rest(ldap_pool, "GET", "/api/v2/users/me", token=user["token"])
    assert me["code"] == 200 and me["data"]["id"] == user["id"]

    admin = slapd.admin_connection()
    try:
        admin.modify(dora["dn"], {"displayName": [(MODIFY_REPLACE, ["Dora the Explorer"])],
                                  "mail": [(MODIFY_REPLACE, [f"new-{dora['uid']}@example.com"])]})
    finally:
        admin.unbind()
    # by mail this time: the filter takes uid or mail, the identity is the entry's entryUUID
    second = ldap_login(ldap_pool, f"new-{dora['uid']}@example.com", dora["password"])
    assert second["code"] == 200, second
    updated = second["data"]
    assert updated["id"] == user["id"] and updated["name"] == "Dora the Explorer"
    assert updated["email"] == f"new-{dora['uid']}@example.com"
    assert updated["loginsCount"] == 2 and updated["token"] != user["token"]


def test_wrong_credentials_are_2333(ldap_pool: RunningPool) -> None:
    assert ldap_login(ldap_pool, ALICE.username, "not-her-password")["code"] == 2333
    assert ldap_login(ldap_pool, "nobody-here", "whatever")["code"] == 2333
    assert ldap_login(ldap_pool, BOB.username, "wrong", kind="ad")["code"] == 2333
    assert ldap_login(ldap_pool, ALICE.username, "")["code"] == 2333
    missing = rest(ldap_pool, "POST", "/api/v2/ldap/verify-user", json={"username": "x"})
    assert missing["code"] == 2231


def test_ad_login_by_account_name_or_principal_name(ldap_pool: RunningPool) -> None:
    by_sam = ldap_login(ldap_pool, BOB.username, BOB.password, kind="ad")
    assert by_sam["code"] == 200, by_sam
    bob = by_sam["data"]
    assert (bob["username"], bob["email"], bob["name"]) == (BOB.username, BOB.email, BOB.name)
    assert bob["phone"] == "+15550100" and bob["registerSource"] == ["enterprise:ad"]
    by_upn = ldap_login(ldap_pool, BOB.upn or "", BOB.password, kind="ad")["data"]
    assert by_upn["id"] == bob["id"]
    una = ldap_login(ldap_pool, UPNONLY.upn or "", UPNONLY.password, kind="ad")["data"]
    assert una["username"] == UPNONLY.username


def test_a_directory_never_takes_over_a_local_account(ldap_pool: RunningPool) -> None:
    # A local account holding CAROL's email: the directory user gets its own account.
    local = gql(ldap_pool, REGISTER_USERNAME, {"input": {
        "username": unique("local"), "password": encrypt(ldap_pool, PASSWORD),
        "profile": {"email": CAROL.email}, "forceLogin": True}})
    assert local["email"] == CAROL.email
    carol = ldap_login(ldap_pool, CAROL.username, CAROL.password)["data"]
    assert carol["id"] != local["id"] and carol["email"] is None
    assert carol["username"] == CAROL.username and carol["name"] == CAROL.name
    assert carol["phone"] == "+8613900000002"  # from `mobile`


def test_api_client_ldap_and_ad(ldap_pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(ldap_pool, websocket_host=ldap_pool.url) as client:
            alice = await client.login_by_ldap(ALICE.username, ALICE.password)
            assert alice.username == ALICE.username and alice.token == client.token
            assert (await client.get_current_user()).id == alice.id
            bob = await client.login_by_ad(BOB.username, BOB.password)
            assert bob.email == BOB.email and client.token == bob.token
            with pytest.raises(AuthingError) as caught:
                await client.login_by_ldap(ALICE.username, "wrong")
            assert caught.value.code == 2333

    run(scenario())


def test_no_source_configured_is_a_clear_error(pool: RunningPool) -> None:
    for kind in ("ldap", "ad"):
        body = ldap_login(pool, ALICE.username, ALICE.password, kind=kind)
        assert body["code"] == 404 and "no LDAP" in body["message"]
        assert "source configured" in body["message"]

    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.login_by_ldap(ALICE.username, ALICE.password)
            assert caught.value.code == 404 and client.token is None

    run(scenario())


def _serve_fails(data_dir: Path, *flags: str) -> str:
    """Run ``pool serve`` expecting it to refuse to start; the reason it tells its starter (its
    one stdout line), then its log (stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "authing_desktop", "pool", "serve", "--port", "0",
         "--data-dir", str(data_dir), *flags],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1, done
    (line,) = done.stdout.splitlines()
    failed = json.loads(line)
    assert failed["event"] == "failed", failed
    return f"{failed['reason']}\n{done.stderr}"


def test_a_bad_directory_file_stops_the_pool(tmp_path: Path) -> None:
    bad = _config_file(tmp_path / "ldap.json", {"url": "http://not-ldap", "base_dn": "dc=x",
                                                "user_filter": "(uid={username})",
                                                "bind_dn": "cn=a,dc=x",
                                                "bind_password": "s3cret-bind"})
    stderr = _serve_fails(tmp_path / "data", "--ldap-config", str(bad))
    assert "ldap://" in stderr and "s3cret-bind" not in stderr
    wrong_kind = _config_file(tmp_path / "ad.json", {
        "kind": "ldap", "url": "ldap://127.0.0.1:1", "base_dn": "dc=x",
        "user_filter": "(uid={username})"})
    assert "ad section" in _serve_fails(tmp_path / "data", "--ad-config", str(wrong_kind))
    assert "cannot read" in _serve_fails(tmp_path / "data", "--ldap-config",
                                         str(tmp_path / "missing.json"))


def test_sources_in_the_settings_file(slapd: RunningSlapd, tmp_path: Path) -> None:
    from authing_desktop.localpool.settings import SETTINGS_FILE, load_settings

    ad = slapd.ad_config().to_mapping()
    del ad["kind"]
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({
        "ldap": slapd.ldap_config().to_mapping(), "ad": ad,
        "redirect_uris": ["https://app.example/callback"]}), encoding="utf-8")
    settings = load_settings(tmp_path)
    assert settings.ldap == slapd.ldap_config() and settings.ad == slapd.ad_config()
    assert settings.redirect_uris == ("https://app.example/callback",)
    assert "bind_password" not in repr(settings) and slapd.bind_password not in repr(settings)
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"ldap": "ldap://x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="directory settings"):
        load_settings(tmp_path)
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"redirect_uris": ["ftp://x"]}),
                                          encoding="utf-8")
    with pytest.raises(ValueError, match="redirect_uris"):
        load_settings(tmp_path)
