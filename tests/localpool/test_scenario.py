"""Scenario files (docs/scenarios.md): checked up front with every problem named, applied whole or
not at all, existing structure reused; the admin routes need the admin token."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from authing_desktop.localpool.identity import load_identity
from authing_desktop.localpool.scenario import ScenarioError, parse_scenario, read_scenario_file
from authing_desktop.localpool.scenario_apply import applied_before, apply_scenario
from authing_desktop.localpool.settings import load_settings
from authing_desktop.localpool.storage import Database
from tests.fixtures.pool import RunningPool, unique

DOCS_SCENARIO = Path(__file__).resolve().parents[2] / "docs" / "scenarios" / "forced-reset.toml"


def _problems(document: object) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(document, source="case.toml")
    assert str(caught.value).startswith("case.toml: ")
    return caught.value.problems


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "pool.sqlite3", workers=1)
    load_identity(database)
    return database


def _count(db: Database, table: str) -> int:
    return int(db.read(lambda conn: conn.execute(
        f"SELECT COUNT(*) FROM {table}").fetchone()[0]))  # noqa: S608 - a fixed name


def test_the_docs_example_reads() -> None:
    scenario = read_scenario_file(DOCS_SCENARIO)
    assert scenario.name == "forced-reset"
    (user,) = scenario.users
    assert user.reset_on_next_login and user.totp_secret and user.department == "tier-2"
    assert user.roles == (("default", "support-agent"),)
    assert user.password and user.password not in repr(user)
    assert user.totp_secret not in repr(user)


def test_every_problem_is_named_with_its_entry_and_the_fix() -> None:
    problems = _problems({
        "name": "case", "versoin": 1,
        "fields": [{"key": "source", "type": "TEXT"}],
        "orgs": [{"code": "acme", "name": "Acme", "departments": [
            {"code": "a", "name": "A", "parent": "b"}, {"code": "b", "name": "B", "parent": "a"},
            {"code": "c", "name": "C", "parent": "nowhere"}]}],
        "users": [{"emial": "x@example.com"},
                  {"email": "not-an-email", "password": "short",
                   "resetPasswordOnNextLogin": "yes", "totpSecret": "abc"},
                  {"username": "u1", "resetPasswordOnFirstLogin": True},
                  {"username": "u1", "roles": [3]}],
    })
    expected = [
        "unknown key 'versoin'; did you mean 'version'?",
        "fields[0]: 'type' must be one of",
        "orgs[0].departments[2]: 'parent' 'nowhere' is not a department of this organization",
        "orgs[0]: departments",
        "users[0]: unknown key 'emial'; did you mean 'email'?",
        "users[0]: needs an 'email', a 'username' or a 'phone'",
        "users[1] (not-an-email): 'email': invalid email address",
        "users[1] (not-an-email): 'password': the password must have at least 6 characters",
        "users[1] (not-an-email): 'resetPasswordOnNextLogin' must be true or false",
        "users[1] (not-an-email): 'totpSecret' must be a base32 secret",
        "users[2] (u1): a password reset needs a 'password'",
        "users[3] (u1): each of 'roles' is a role code",
        "users: two entries have the username 'u1'",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_unreadable_files_are_named(tmp_path: Path) -> None:
    toml = tmp_path / "broken.toml"
    toml.write_text("name = \n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^broken.toml: is not valid TOML"):
        read_scenario_file(toml)
    as_json = tmp_path / "broken.json"
    as_json.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^broken.json: must hold an object"):
        read_scenario_file(as_json)
    with pytest.raises(ScenarioError, match=r"^missing.toml: cannot be read"):
        read_scenario_file(tmp_path / "missing.toml")
    named = tmp_path / "from-the-file-name.json"
    named.write_text(json.dumps({"users": []}), encoding="utf-8")
    assert read_scenario_file(named).name == "from-the-file-name"


def test_a_problem_found_while_applying_changes_nothing(db: Database) -> None:
    users, roles = _count(db, "users"), _count(db, "roles")
    scenario = parse_scenario({
        "name": "late-problem",
        "settings": {"loginRequireEmailVerified": True},
        "roles": [{"code": "auditor"}],
        "users": [{"email": "fine@example.com", "password": "Fine-passw0rd",
                   "roles": ["auditor"]},
                  {"email": "bad@example.com", "customData": {"undefined": 1},
                   "roles": ["missing-role"], "department": "nowhere"}],
    })
    with pytest.raises(ScenarioError) as caught:
        apply_scenario(db, load_settings(None), scenario, source="late.json")
    message = str(caught.value)
    assert message.startswith("late.json: ")
    assert "users[1] (bad@example.com): custom field 'undefined' is not defined" in message
    assert (_count(db, "users"), _count(db, "roles")) == (users, roles)
    assert _count(db, "pool_policy") == 0
    assert not applied_before(db, scenario)


def test_existing_structure_is_reused_and_users_clash(db: Database) -> None:
    first = read_scenario_file(DOCS_SCENARIO)
    apply_scenario(db, load_settings(None), first)
    assert applied_before(db, first)
    nodes = _count(db, "org_nodes")
    second = parse_scenario({
        "name": "more", "roles": [{"code": "support-agent"}],
        "orgs": [{"code": "acme", "name": "Acme Ltd",
                  "departments": [{"code": "tier-2", "name": "Tier 2"},
                                  {"code": "tier-3", "name": "Tier 3", "parent": "tier-2"}]}],
        "users": [{"username": "second", "password": "Second-passw0rd",
                   "department": "tier-3", "roles": ["support-agent"]}]})
    applied = apply_scenario(db, load_settings(None), second)
    assert _count(db, "org_nodes") == nodes + 1
    assert applied.user_ids[0]
    with pytest.raises(ScenarioError, match="user already exists .start from a fresh pool"):
        apply_scenario(db, load_settings(None), first)


def test_the_admin_routes_need_the_admin_token(make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool()
    body = {"name": "route", "users": [{"username": unique("route"),
                                        "password": "Route-passw0rd", "blocked": True}]}
    for method, path in (("GET", "/_localpool/policy"), ("POST", "/_localpool/scenario")):
        refused = httpx.request(method, pool.url + path, json=body, timeout=10)
        assert refused.status_code == 401
    policy = httpx.get(pool.url + "/_localpool/policy", headers=pool.admin_headers,
                       timeout=10).json()["data"]
    assert policy["changePhoneStrategy"] == {"verifyOldPhone": True}
    assert policy["loginRequireEmailVerified"] is False
    assert "secret" not in policy and "jwtSecret" not in policy
    answer = httpx.post(pool.url + "/_localpool/scenario", headers=pool.admin_headers,
                        json=body, timeout=30).json()
    assert answer["code"] == 200 and answer["data"]["counts"]["users"] == 1
    body["users"][0]["emailVerified"] = True  # no email: refused with the entry named
    refused_body = httpx.post(pool.url + "/_localpool/scenario", headers=pool.admin_headers,
                              json=body, timeout=30).json()
    assert refused_body["code"] == 400
    assert refused_body["data"]["problems"] == [
        f"users[0] ({body['users'][0]['username']}): 'emailVerified' needs an 'email'"]
