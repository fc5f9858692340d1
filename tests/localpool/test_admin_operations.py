"""The admin operations (`admin_users`, `admin_structure`, `pool_policy`) written straight into a
pool's database, as `pool admin` and scenario files do, then seen over HTTP by the end-user
API of a pool served on that database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest

from authing_desktop.localpool import admin_structure, admin_users, pool_policy
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.data_dir import create_private_file, prepare_data_dir
from authing_desktop.localpool.embedded import EmbeddedPool, start_embedded_pool
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import load_identity
from authing_desktop.localpool.settings import DATABASE_FILE, PoolSettings
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.tokens import TokenService
from tests.fixtures.clocked_pool import as_running_pool
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import (
    LOGIN_USERNAME,
    PASSWORD,
    GraphQLError,
    encrypt,
    gql,
    login_email,
    rest,
)
from tests.localpool.test_access import DEPARTMENTS, ROLES, UDV

Setup = Callable[[Database], Any]


@pytest.fixture
def prepared_pool(tmp_path: Path) -> Iterator[Callable[[Setup], tuple[RunningPool, Any]]]:
    """``prepare(setup)``: run ``setup(db)`` on a new pool database, then serve that database;
    the pool and what ``setup`` returned."""
    started: list[EmbeddedPool] = []

    def prepare(setup: Setup) -> tuple[RunningPool, Any]:
        data_dir = tmp_path / f"pool{len(started)}"
        prepare_data_dir(data_dir)
        create_private_file(data_dir / DATABASE_FILE)
        db = Database(data_dir / DATABASE_FILE, workers=1)
        try:
            load_identity(db)
            made = setup(db)
        finally:
            db.close()
        embedded = start_embedded_pool(data_dir, demo=False)
        started.append(embedded)
        return as_running_pool(embedded, data_dir), made

    try:
        yield prepare
    finally:
        for embedded in started:
            embedded.stop()


def test_users_in_every_state_sign_in_as_prepared(
        prepared_pool: Callable[[Setup], tuple[RunningPool, Any]]) -> None:
    clock = Clock()
    secret = pyotp.random_base32()

    def setup(db: Database) -> dict[str, str]:
        def run(conn: Any) -> dict[str, str]:
            admin_structure.define_udf(conn, "USER", "school", "STRING", "School")
            return {
                "plain": admin_users.create_user(conn, clock, {
                    "email": "Plain@Example.com", "password": PASSWORD, "emailVerified": True,
                    "nickname": "Plain"}, custom_data={"school": "pku"}),
                "first": admin_users.create_user(conn, clock, {
                    "username": "first-login", "password": PASSWORD,
                    "resetPasswordOnFirstLogin": True}),
                "next": admin_users.create_user(conn, clock, {
                    "email": "next@example.com", "password": PASSWORD,
                    "resetPasswordOnNextLogin": True}),
                "blocked": admin_users.create_user(conn, clock, {
                    "email": "blocked@example.com", "password": PASSWORD, "blocked": True}),
                "totp": admin_users.create_user(conn, clock, {
                    "phone": "13900000001", "phoneVerified": True, "password": PASSWORD,
                    "email": "totp@example.com", "totpSecret": secret.lower()}),
            }
        return db.write(run)

    pool, ids = prepared_pool(setup)
    user = login_email(pool, "plain@example.com")
    assert user["id"] == ids["plain"] and user["emailVerified"] is True
    assert user["nickname"] == "Plain" and user["registerSource"] == ["import:manual"]
    values = gql(pool, UDV, {"targetType": "USER", "targetId": user["id"]}, token=user["token"])
    assert values == [{"key": "school", "dataType": "STRING", "value": "pku", "label": "School"}]

    with pytest.raises(GraphQLError) as first:
        gql(pool, LOGIN_USERNAME, {"input": {"username": "first-login",
                                             "password": encrypt(pool, PASSWORD)}})
    assert first.value.code == 1639 and first.value.data["token"]
    for email, code in (("next@example.com", 2058), ("blocked@example.com", 2005),
                        ("totp@example.com", 1635)):
        with pytest.raises(GraphQLError) as refused:
            login_email(pool, email)
        assert refused.value.code == code, email
    with pytest.raises(GraphQLError) as challenge:
        login_email(pool, "totp@example.com")
    answer = rest(pool, "POST", "/api/v2/mfa/totp/verify", challenge.value.data["mfaToken"],
                  json={"totp": pyotp.TOTP(secret).now()})
    assert answer["code"] == 200 and answer["data"]["id"] == ids["totp"]


def test_update_delete_find_list_and_search(
        prepared_pool: Callable[[Setup], tuple[RunningPool, Any]]) -> None:
    clock = Clock()

    def setup(db: Database) -> dict[str, Any]:
        def run(conn: Any) -> dict[str, Any]:
            alice = admin_users.create_user(conn, clock, {"email": "alice@example.com",
                                                          "password": PASSWORD})
            bob = admin_users.create_user(conn, clock, {"username": "bob", "nickname": "Bobby",
                                                        "externalId": "ext-bob"})
            gone = admin_users.create_user(conn, clock, {"phone": "13900000002"})
            outcome: dict[str, Any] = {"alice": alice, "bob": bob}
            for fields, code in (({"email": "ALICE@example.com"}, 2026),
                                 ({"username": "bob"}, 2034),
                                 ({"email": "x@example.com", "password": "short"}, 2029),
                                 ({"email": "y@example.com", "colour": "red"}, 2231),
                                 ({"nickname": "no identifier"}, 2231),
                                 ({"email": "z@example.com", "totpSecret": "not base32!"},
                                  2231)):
                with pytest.raises(PoolError) as refused:
                    admin_users.create_user(conn, clock, fields)
                assert refused.value.code == code, fields
            with pytest.raises(PoolError) as bound:
                admin_users.update_user(conn, clock, bob, {"email": "alice@example.com"})
            assert bound.value.code == 2200
            admin_users.update_user(conn, clock, bob, {"email": "bob@example.com",
                                                       "password": "N3w-password",
                                                       "emailVerified": True})
            admin_users.delete_user(conn, gone)
            with pytest.raises(PoolError) as missing:
                admin_users.delete_user(conn, gone)
            assert missing.value.code == 2004
            found = admin_users.find_user(conn, email="BOB@example.com")
            outcome["found"] = found["id"] if found else None
            outcome["by_external"] = admin_users.find_user(conn, external_id="ext-bob")["id"]
            outcome["nobody"] = admin_users.find_user(conn, username="nobody")
            total, rows = admin_users.list_users(conn, 1, 1)
            outcome["listed"] = (total, [row["id"] for row in rows])
            total, rows = admin_users.search_users(conn, "BBY")
            outcome["searched"] = (total, [row["id"] for row in rows])
            return outcome
        return db.write(run)

    pool, made = prepared_pool(setup)
    assert made["found"] == made["bob"] == made["by_external"] and made["nobody"] is None
    assert made["listed"] == (2, [made["bob"]])  # newest first
    assert made["searched"] == (1, [made["bob"]])
    bob = login_email(pool, "bob@example.com", "N3w-password")
    assert bob["id"] == made["bob"] and bob["emailVerified"] is True


def test_roles_orgs_applications_and_a_minted_token(
        prepared_pool: Callable[[Setup], tuple[RunningPool, Any]]) -> None:
    clock = Clock()

    def setup(db: Database) -> dict[str, Any]:
        identity = load_identity(db)
        tokens = TokenService(identity, lifetime=3600, issuer="http://127.0.0.1", clock=clock)

        def run(conn: Any) -> dict[str, Any]:
            user = admin_users.create_user(conn, clock, {"email": "member@example.com"})
            admin_structure.create_role(conn, clock, "editor", description="Edits")
            admin_structure.create_role(conn, clock, "chief", parent_code="editor")
            with pytest.raises(PoolError) as taken:
                admin_structure.create_role(conn, clock, "editor")
            assert taken.value.code == 2026
            with pytest.raises(PoolError) as unknown:
                admin_structure.assign_roles(conn, ["nope"], [user])
            assert unknown.value.code == 404
            admin_structure.assign_roles(conn, ["chief", "editor"], [user])
            admin_structure.revoke_roles(conn, ["editor"], [user])
            org = admin_structure.create_org(conn, clock, "Acme", code="acme")
            team = admin_structure.add_node(conn, clock, org, "Team", code="team")
            other = admin_structure.add_node(conn, clock, org, "Other", parent_node_id=team)
            admin_structure.add_members(conn, clock, team, [user])
            admin_structure.add_members(conn, clock, other, [user])
            view = admin_structure.org_view(conn, org, identity.user_pool_id)
            assert [node["depth"] for node in view["nodes"]] == [0, 1, 2]
            assert view["rootNode"]["name"] == "Acme"
            app = admin_structure.create_application(conn, clock, "Wiki", "wiki",
                                                     ["https://wiki.example.com/cb"])
            with pytest.raises(PoolError):
                admin_structure.create_application(conn, clock, "Wiki 2", "wiki")
            admin_structure.delete_application(conn, app, identity.app_id)
            admin_structure.create_application(conn, clock, "Portal", "portal")
            token = admin_structure.mint_login_token(conn, tokens, user).token
            return {"user": user, "team": team, "token": token}
        return db.write(run)

    pool, made = prepared_pool(setup)
    token = made["token"]
    me = rest(pool, "GET", "/api/v2/users/me", token)
    assert me["code"] == 200 and me["data"]["id"] == made["user"]
    roles = gql(pool, ROLES, {"id": made["user"]}, token=token)["roles"]
    assert [(r["code"], r["parent"]["code"]) for r in roles["list"]] == [("chief", "editor")]
    departments = gql(pool, DEPARTMENTS, {"id": made["user"]}, token=token)["departments"]
    main = [d["department"]["id"] for d in departments["list"] if d["isMainDepartment"]]
    assert main == [made["team"]] and departments["totalCount"] == 2
    apps = rest(pool, "GET", "/api/v2/users/me/applications/allowed", token)["data"]
    assert [a["name"] for a in apps["list"]] == ["Authing Desktop", "Portal"]


def test_policy_defaults_follow_the_settings_until_changed(tmp_path: Path) -> None:
    data_dir = tmp_path / "pool"
    prepare_data_dir(data_dir)
    db = Database(data_dir / DATABASE_FILE, workers=1)
    settings = PoolSettings(captcha_after=4, token_lifetime=7200)
    try:
        identity = load_identity(db)
        policy = db.read(lambda conn: pool_policy.current_policy(conn, settings))
        assert policy.login_fail_check == pool_policy.FailCheck(True, 900, 4)
        assert policy.token_expires_after == 7200 and not policy.register_disabled
        changed = db.write(lambda conn: pool_policy.update_policy(conn, settings, {
            "registerDisabled": True, "loginFailCheck": {"limit": 2},
            "changeEmailStrategy": {"verifyOldEmail": True}, "tokenExpiresAfter": None}))
        assert changed.register_disabled and changed.verify_old_email
        assert changed.login_fail_check == pool_policy.FailCheck(True, 900, 2)
        for bad in ({"name": "x"}, {"loginFailStrategy": "sms"}, {"verifyCodeLength": 2},
                    {"loginFailCheck": {"limit": 0}}, {"whitelist": {"smsEnabled": True}},
                    {"registerDisabled": "yes"}):
            with pytest.raises(PoolError) as refused:
                db.write(lambda conn, bad=bad: pool_policy.update_policy(conn, settings, bad))
            assert refused.value.code == 2231, bad
        later = PoolSettings(captcha_after=4, token_lifetime=60)
        view = db.read(lambda conn: pool_policy.policy_view(
            conn, later, user_pool_id=identity.user_pool_id, secret="s"))
        assert view["tokenExpiresAfter"] == 60  # not changed by the admin: the settings'
        assert view["loginFailCheck"] == {"enabled": True, "timeInterval": 900, "limit": 2}
        assert view["registerDisabled"] is True and view["jwtSecret"] == "******"
        assert identity.user_pool_secret and len(identity.user_pool_secret) == 32
    finally:
        db.close()
