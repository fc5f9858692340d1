"""Pool identity, storage set-up, transport envelopes and the GraphQL schema surface."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import post_graphql, rest

INTROSPECTION = """query IntrospectionQuery { __schema { queryType { name } mutationType { name }
 types { name kind fields { name args { name type { kind name ofType { kind name } } } } } } }"""


def test_ready_line_and_well_known_key(pool: RunningPool) -> None:
    assert pool.url.startswith("http://127.0.0.1:")
    assert len(pool.user_pool_id) == 24 and len(pool.app_id) == 24 and pool.app_secret
    body = rest(pool, "GET", "/api/v2/.well-known")
    assert body["code"] == 200
    assert body["publicKey"] == body["data"]["publicKey"] == pool.public_key
    key = serialization.load_pem_public_key(pool.public_key.encode())
    assert isinstance(key, rsa.RSAPublicKey) and key.key_size >= 2048
    assert pool.public_key.startswith("-----BEGIN PUBLIC KEY-----")


def test_identity_persists_across_restart(make_pool: Callable[..., RunningPool]) -> None:
    first = make_pool(demo=False)
    data_dir = first.data_dir
    first.stop()
    assert first.process.returncode == 0  # SIGTERM is a clean stop
    assert "Traceback" not in first.log_path.read_text()
    second = make_pool(demo=False, data_dir=data_dir)
    assert (second.user_pool_id, second.app_id, second.app_secret, second.public_key) == (
        first.user_pool_id, first.app_id, first.app_secret, first.public_key)
    assert second.url != "" and second.process.poll() is None


def test_database_is_wal_with_schema_version(pool: RunningPool) -> None:
    conn = sqlite3.connect(pool.data_dir / "pool.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
        assert versions and versions == sorted(versions)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == max(versions)
    finally:
        conn.close()
    info = rest(pool, "GET", "/_localpool/info")
    assert info["data"]["userPoolId"] == pool.user_pool_id
    assert info["data"]["schemaVersion"] == max(versions)
    assert "secret" not in str(info).lower()


def test_unknown_route_and_method_answer_json(pool: RunningPool) -> None:
    missing = httpx.get(f"{pool.url}/api/v2/nothing-here", timeout=10)
    assert missing.status_code == 404 and missing.json()["code"] == 404
    wrong_method = httpx.delete(f"{pool.url}/api/v2/users/me", timeout=10)
    assert wrong_method.status_code == 405 and wrong_method.json()["code"] == 405
    get_graphql = httpx.get(f"{pool.url}/graphql/v2", timeout=10)
    assert get_graphql.headers["content-type"].startswith("application/json")


def test_graphql_errors_are_objects_for_parse_and_validation(pool: RunningPool) -> None:
    for query in ("mutation {", "query { noSuchField }",
                  "mutation sendEmail($email: String!, $scene: EmailScene!) {"
                  " sendEmail(email: $email, scene: $scene) { message code } }"):
        body = post_graphql(pool, query, {"email": "a@example.com", "scene": "FOO"})
        assert body["data"] is None
        message = body["errors"][0]["message"]
        assert isinstance(message, dict) and message["code"] == 400 and message["message"]
    raw = httpx.post(f"{pool.url}/graphql/v2", content=b"not json",
                     headers={"content-type": "application/json"}, timeout=10)
    assert raw.status_code == 200
    assert raw.json()["errors"][0]["message"]["code"] == 400


def test_introspection_describes_the_sdk_surface(pool: RunningPool) -> None:
    body = post_graphql(pool, INTROSPECTION)
    schema = body["data"]["__schema"]
    types = {t["name"]: t for t in schema["types"]}
    mutations = {f["name"] for f in types["Mutation"]["fields"]}
    assert {"registerByEmail", "loginBySubAccount", "resetPasswordByFirstLoginToken",
            "resetPasswordByForceResetToken", "setUdvBatch", "removeUdv", "refreshToken",
            "unbindEmail"} <= mutations
    queries = {f["name"] for f in types["Query"]["fields"]}
    assert {"checkLoginStatus", "checkPasswordStrength", "udv", "user",
            "isUserExists"} <= queries
    user_fields = {f["name"] for f in types["User"]["fields"]}
    assert {"roles", "departments", "authorizedResources", "token", "externalId"} <= user_fields
    # A second identical introspection is served from the cache, byte for byte.
    assert post_graphql(pool, INTROSPECTION) == body


def test_selections_are_honoured(pool: RunningPool) -> None:
    body = post_graphql(pool, "query { checkPasswordStrength(password: \"abc\") { valid } }")
    assert body == {"data": {"checkPasswordStrength": {"valid": False}}}
