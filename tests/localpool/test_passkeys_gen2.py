"""The Gen-2 WebAuthn routes (docs/passkeys.md, "Hosted page and Gen-2 routes") over loopback
HTTP with the software authenticator: registration without a ticket, passkey sign-in with the
token set as ``data``, the paged list, delete; and what they refuse."""

from __future__ import annotations

from typing import Any

from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import register_email, rest
from tests.passkeys.pool_calls import ok, register_passkey, v3, webauthn_origin
from tests.passkeys.soft_authenticator import SoftAuthenticator


def gen2_register(pool: RunningPool, token: str, key: SoftAuthenticator,
                  **extra: Any) -> dict[str, Any]:
    """initialize + finalize with ``key``; the finalize envelope."""
    options = ok(v3(pool, "POST", "/registration/initialize", token, json={}))["publicKey"]
    created = key.create(options, webauthn_origin(pool))
    return v3(pool, "POST", "/registration/finalize", token, json={**created, **extra})


def gen2_sign_in(pool: RunningPool, key: SoftAuthenticator,
                 **get_options: Any) -> tuple[dict[str, Any], str]:
    """initialize + finalize with ``key``; the finalize envelope and the ticket it spent."""
    started = ok(v3(pool, "POST", "/login/initialize", json={}))
    asserted = key.get(started["publicKey"], get_options.pop("origin", webauthn_origin(pool)),
                       **get_options)
    body = v3(pool, "POST", "/login/finalize",
              json={"credential": asserted, "ticket": started["ticket"]})
    return body, started["ticket"]


def test_register_list_sign_in_and_delete(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    started = ok(v3(pool, "POST", "/registration/initialize", user["token"]))
    assert set(started) == {"publicKey"}  # no ticket in Gen-2 registration
    assert started["publicKey"]["rp"]["id"] == "localhost"
    answer = ok(gen2_register(pool, user["token"], key, name="Phone"))
    assert answer["verified"] is True and answer["credentialId"] == key.credentials[0].id
    register_passkey(pool, user["token"], SoftAuthenticator(), name="Spare")  # a Gen-1 one

    listed = ok(v3(pool, "GET", "/credentials?page=1&limit=10", user["token"]))
    assert listed["totalCount"] == 2 and [i["name"] for i in listed["list"]] == ["Phone", "Spare"]
    second = ok(v3(pool, "GET", "/credentials?page=2&limit=1", user["token"]))
    assert second["totalCount"] == 2 and [i["name"] for i in second["list"]] == ["Spare"]

    body, ticket = gen2_sign_in(pool, key)
    tokens = ok(body)
    assert tokens["token_type"] == "Bearer" and tokens["expire_in"] > 0
    assert "openid" in tokens["scope"].split()
    me = rest(pool, "GET", "/api/v2/users/me", tokens["id_token"])
    assert me["data"]["id"] == user["id"]
    again = v3(pool, "POST", "/login/finalize", json={
        "credential": key.get({"challenge": "AAAA", "rpId": "localhost"},
                              webauthn_origin(pool)), "ticket": ticket})
    assert again["statusCode"] == 400 and "ticket" in again["message"]

    removed = ok(v3(pool, "DELETE", f"/credentials/{answer['credentialId']}", user["token"]))
    assert removed == {"success": True}
    body, _ticket = gen2_sign_in(pool, key)
    assert body["statusCode"] == 404, body
    gone = v3(pool, "DELETE", f"/credentials/{answer['credentialId']}", user["token"])
    assert gone["statusCode"] == 404, gone


def test_sign_in_refusals(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    ok(gen2_register(pool, user["token"], key))
    body, _ticket = gen2_sign_in(pool, key, origin="http://evil.example:8080")
    assert body["statusCode"] == 200 and body["data"] == {"verified": False}, body
    assert "origin" in body["message"]
    body, _ticket = gen2_sign_in(pool, key, rp_id="evil.example")
    assert body["data"] == {"verified": False}, body
    missing = v3(pool, "POST", "/login/finalize", json={"ticket": "x"})
    assert missing["statusCode"] == 400, missing
    not_json = v3(pool, "POST", "/login/initialize", content=b"[1]",
                  headers={"content-type": "application/json"})
    assert not_json["statusCode"] == 400, not_json


def test_registration_is_bound_to_its_user_and_single_use(pool: RunningPool) -> None:
    alice, bob = register_email(pool), register_email(pool)
    options = ok(v3(pool, "POST", "/registration/initialize", alice["token"]))["publicKey"]
    created = SoftAuthenticator().create(options, webauthn_origin(pool))
    stolen = v3(pool, "POST", "/registration/finalize", bob["token"], json=created)
    assert stolen["statusCode"] == 400 and "ticket" in stolen["message"], stolen
    assert ok(v3(pool, "POST", "/registration/finalize", alice["token"], json=created))[
        "verified"] is True
    replayed = v3(pool, "POST", "/registration/finalize", alice["token"], json=created)
    assert replayed["statusCode"] == 400, replayed
    assert ok(v3(pool, "GET", "/credentials", bob["token"]))["totalCount"] == 0
    foreign = v3(pool, "DELETE", f"/credentials/{created['id']}", bob["token"])
    assert foreign["statusCode"] == 404, foreign


def test_token_and_input_checks(pool: RunningPool) -> None:
    for method, path in (("POST", "/registration/initialize"),
                         ("POST", "/registration/finalize"), ("GET", "/credentials"),
                         ("DELETE", "/credentials/abc")):
        body = v3(pool, method, path, json={} if method == "POST" else None)
        assert body["statusCode"] == 401 and body["apiCode"] == 2020, (path, body)
    user = register_email(pool)
    for query in ("limit=0", "limit=101", "page=0", "page=x"):
        body = v3(pool, "GET", f"/credentials?{query}", user["token"])
        assert body["statusCode"] == 400, (query, body)
    bad = v3(pool, "POST", "/registration/finalize", user["token"], json={"id": "AA"})
    assert bad["statusCode"] == 400, bad
    long_name = gen2_register(pool, user["token"], SoftAuthenticator(), name="n" * 65)
    assert long_name["statusCode"] == 400, long_name
