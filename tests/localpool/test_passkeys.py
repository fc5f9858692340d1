"""Passkeys on the pool over loopback HTTP with the software authenticator (docs/passkeys.md):
registration, passwordless sign-in, and every refusal the ceremony owes (counter, origin, RP
id, removed key, spent or expired challenge, another account's key)."""

from __future__ import annotations

from collections.abc import Callable

from authing_desktop.localpool.passkey_policy import TICKET_LIFETIME_S, user_handle
from tests.fixtures.pool import RunningPool
from tests.localpool.helpers import register_email, rest
from tests.passkeys.pool_calls import (
    finish_registration,
    finish_sign_in,
    ok,
    passkey_sign_in,
    passkeys_of,
    register_passkey,
    start_registration,
    start_sign_in,
    v3,
    webauthn_origin,
)
from tests.passkeys.soft_authenticator import SoftAuthenticator, gen1_authentication_credential


def _refused(body: dict, why: str) -> None:
    assert body["statusCode"] == 200, body
    assert body["data"] == {"verified": False}, body
    assert why in body["message"], body


def test_register_list_and_sign_in(pool: RunningPool) -> None:
    user = register_email(pool)
    options, ticket = start_registration(pool, user["token"])
    assert options["rp"]["id"] == "localhost"
    assert options["user"]["id"] == user_handle(user["id"])
    assert options["attestation"] == "none" and options["excludeCredentials"] == []
    assert [p["alg"] for p in options["pubKeyCredParams"]] == [-7, -257]
    key = SoftAuthenticator()
    created = key.create(options, webauthn_origin(pool))
    answer = ok(finish_registration(pool, user["token"], ticket, created, name="Desk key",
                                    authenticatorCode="fingerprint"))
    assert answer["verified"] is True and answer["credentialId"] == created["id"]
    [listed] = passkeys_of(pool, user["token"])
    assert listed["credentialId"] == created["id"] and listed["id"] == answer["id"]
    assert listed["name"] == "Desk key" and listed["authenticatorCode"] == "fingerprint"
    assert listed["transports"] == ["usb"] and listed["createdAt"]
    assert listed["lastUsedAt"] is None and listed["aaguid"]

    options, ticket = start_sign_in(pool)
    assert options["rpId"] == "localhost" and options["allowCredentials"] == []
    signed_in = ok(finish_sign_in(pool, ticket, key.get(options, webauthn_origin(pool))))
    assert signed_in["verified"] is True
    tokens = signed_in["tokenSet"]
    assert tokens["token_type"] == "Bearer" and tokens["expire_in"] > 0
    me = rest(pool, "GET", "/api/v2/users/me", tokens["id_token"])
    assert me["code"] == 200 and me["data"]["id"] == user["id"]
    assert passkeys_of(pool, tokens["id_token"])[0]["lastUsedAt"]
    history = ok(v3(pool, "GET", "/api/v3/get-my-login-history", tokens["access_token"]))
    newest = history["list"][0]
    assert newest["loginMethod"] == "loginByPasskey" and newest["success"] is True


def test_a_key_registered_twice_is_excluded(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    credential = register_passkey(pool, user["token"], key)
    options, _ = start_registration(pool, user["token"])
    assert [item["id"] for item in options["excludeCredentials"]] == [credential]


def test_counter_replay_and_clones_are_refused(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    twin = key.clone()
    assert ok(passkey_sign_in(pool, key))["verified"] is True
    assert ok(passkey_sign_in(pool, key))["verified"] is True
    _refused(passkey_sign_in(pool, key, sign_count=2), "sign count")
    _refused(passkey_sign_in(pool, twin), "sign count")  # the clone reports 1
    assert ok(passkey_sign_in(pool, key, sign_count=10))["verified"] is True


def test_an_authenticator_without_a_counter_keeps_working(pool: RunningPool) -> None:
    user = register_email(pool)
    synced = SoftAuthenticator(counter_step=0, backed_up=True, transports=("internal",))
    register_passkey(pool, user["token"], synced)
    for _ in range(2):
        assert ok(passkey_sign_in(pool, synced))["verified"] is True
    assert passkeys_of(pool, user["token"])[0]["name"] == "Passkey on this device"


def test_wrong_origins_are_refused(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    options, ticket = start_registration(pool, user["token"])
    _refused(finish_registration(pool, user["token"], ticket,
                                 SoftAuthenticator().create(options, "https://evil.example")),
             "origin")
    register_passkey(pool, user["token"], key)
    for origin in ("https://evil.example", pool.url, "http://sub.localhost"):
        _refused(passkey_sign_in(pool, key, origin=origin), "origin")
    # Any port of http://localhost is the pool's (docs/passkeys.md).
    assert ok(passkey_sign_in(pool, key, origin="http://localhost:1"))["verified"] is True


def test_wrong_rp_id_is_refused(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    options, ticket = start_registration(pool, user["token"])
    _refused(finish_registration(pool, user["token"], ticket,
                                 SoftAuthenticator().create(options, webauthn_origin(pool),
                                                            rp_id="evil.example")), "RP ID")
    register_passkey(pool, user["token"], key)
    _refused(passkey_sign_in(pool, key, rp_id="evil.example"), "RP ID")


def test_presence_is_required_and_verification_as_requested(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator(supports_uv=False)
    register_passkey(pool, user["token"], key)
    # The pool asks for user verification as "preferred": a key without a PIN is accepted.
    assert ok(passkey_sign_in(pool, key))["verified"] is True
    _refused(passkey_sign_in(pool, key, user_present=False), "not present")


def test_spent_and_stale_challenges_are_refused(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    options, ticket = start_sign_in(pool)
    asserted = key.get(options, webauthn_origin(pool))
    assert ok(finish_sign_in(pool, ticket, asserted))["verified"] is True
    again = finish_sign_in(pool, ticket, asserted)
    assert again["statusCode"] == 400 and again["message"] == "ticket invalid or expired"
    # An answer to an old challenge under a new ticket.
    _, fresh_ticket = start_sign_in(pool)
    _refused(finish_sign_in(pool, fresh_ticket, key.get(options, webauthn_origin(pool))),
             "challenge")
    # A ticket is single use even when its answer was wrong.
    options, ticket = start_sign_in(pool)
    _refused(finish_sign_in(pool, ticket, key.get(options, "https://evil.example")), "origin")
    retry = finish_sign_in(pool, ticket, key.get(options, webauthn_origin(pool)))
    assert retry["statusCode"] == 400
    # A registration ticket is no sign-in ticket.
    _, registration_ticket = start_registration(pool, user["token"])
    wrong_kind = finish_sign_in(pool, registration_ticket,
                                key.get(start_sign_in(pool)[0], webauthn_origin(pool)))
    assert wrong_kind["statusCode"] == 400


def test_an_expired_challenge_is_refused(clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool()
    user = register_email(pool)
    key = SoftAuthenticator()
    options, ticket = start_registration(pool, user["token"])
    pool.advance_clock(TICKET_LIFETIME_S + 1)
    late = finish_registration(pool, user["token"], ticket,
                               SoftAuthenticator().create(options, webauthn_origin(pool)))
    assert late["statusCode"] == 400 and late["message"] == "ticket invalid or expired"
    register_passkey(pool, user["token"], key)
    options, ticket = start_sign_in(pool)
    pool.advance_clock(TICKET_LIFETIME_S + 1)
    late = finish_sign_in(pool, ticket, key.get(options, webauthn_origin(pool)))
    assert late["statusCode"] == 400 and late["message"] == "ticket invalid or expired"
    assert ok(passkey_sign_in(pool, key))["verified"] is True


def test_a_removed_key_is_refused(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    credential = register_passkey(pool, user["token"], key)
    assert ok(passkey_sign_in(pool, key))["verified"] is True
    removed = ok(v3(pool, "POST", f"/remove-credential/{credential}", user["token"], json={}))
    assert removed == {"success": True}
    assert passkeys_of(pool, user["token"]) == []
    gone = passkey_sign_in(pool, key)
    assert gone["statusCode"] == 404, gone
    again = v3(pool, "POST", f"/remove-credential/{credential}", user["token"], json={})
    assert again["statusCode"] == 404


def test_a_key_is_bound_to_its_account(pool: RunningPool) -> None:
    ann, bob = register_email(pool), register_email(pool)
    key = SoftAuthenticator()
    credential = register_passkey(pool, ann["token"], key)
    # Bob cannot see, rename, check or remove Ann's key, nor finish her registration.
    assert passkeys_of(pool, bob["token"]) == []
    assert v3(pool, "POST", f"/remove-credential/{credential}", bob["token"],
              json={})["statusCode"] == 404
    assert v3(pool, "PUT", f"/credentials/{credential}", bob["token"],
              json={"name": "mine"})["statusCode"] == 404
    assert ok(v3(pool, "POST", "/check-valid-credentials-by-credIds", bob["token"],
                 json={"credentialIds": [credential]})) == []
    options, ticket = start_registration(pool, ann["token"])
    stolen = finish_registration(pool, bob["token"], ticket,
                                 SoftAuthenticator().create(options, webauthn_origin(pool)))
    assert stolen["statusCode"] == 400
    # An assertion claiming Bob's user handle with Ann's key.
    _refused(passkey_sign_in(pool, key, user_handle=user_handle(bob["id"])), "another account")
    signed_in = ok(passkey_sign_in(pool, key))
    me = rest(pool, "GET", "/api/v2/users/me", signed_in["tokenSet"]["id_token"])
    assert me["data"]["id"] == ann["id"]


def test_rename_check_and_the_sdk_placeholder(pool: RunningPool) -> None:
    user = register_email(pool)
    first = register_passkey(pool, user["token"], SoftAuthenticator(), name="Old name")
    second = register_passkey(pool, user["token"], SoftAuthenticator())
    renamed = v3(pool, "PUT", f"/credentials/{first}", user["token"], json={"name": " Blue "})
    assert ok(renamed) == {"success": True}
    assert [item["name"] for item in passkeys_of(pool, user["token"])] == ["Blue",
                                                                          "Security key"]
    for bad in ({"name": "x" * 65}, {"name": "a\nb"}, {"name": 5}):
        assert v3(pool, "PUT", f"/credentials/{first}", user["token"],
                  json=bad)["statusCode"] == 400
    assert v3(pool, "PUT", f"/credentials/{first}", user["token"],
              json={})["statusCode"] == 400
    valid = ok(v3(pool, "POST", "/check-valid-credentials-by-credIds", user["token"],
                  json={"credentialIds": [first, "nope", second + "=="]}))
    assert valid == [first, second + "=="]
    # The SDKs send the literal "{credentialID}" path; GA sends the id in the body.
    removed = v3(pool, "POST", "/remove-credential/%7BcredentialID%7D", user["token"],
                 json={"credentialID": second})
    assert ok(removed) == {"success": True}
    assert [item["credentialId"] for item in passkeys_of(pool, user["token"])] == [first]
    unauthenticated = v3(pool, "POST", "/page-authenticator-device", json={})
    assert unauthenticated["statusCode"] == 401 and unauthenticated["apiCode"] == 2020


def test_malformed_bodies_are_400(pool: RunningPool) -> None:
    user = register_email(pool)
    key = SoftAuthenticator()
    register_passkey(pool, user["token"], key)
    options, ticket = start_sign_in(pool)
    good = gen1_authentication_credential(key.get(options, webauthn_origin(pool)))
    broken = [None, [], {**good, "type": "other"}, {**good, "rawId": "AAAA"},
              {**good, "id": "!!"}, {**good, "response": {"signature": "AA"}},
              {**good, "response": {**good["response"], "clientDataJSON": "bm90IGpzb24"}}]
    for credential in broken:
        answer = v3(pool, "POST", "/authentication",
                    json={"ticket": ticket, "authenticationCredential": credential})
        assert answer["statusCode"] == 400, (credential, answer)
    # The ticket survived the malformed bodies; padding and extra keys are tolerated.
    padded = {**good, "id": good["id"] + "=", "clientExtensionResults": {}}
    assert ok(v3(pool, "POST", "/authentication", json={
        "ticket": ticket, "authenticationCredential": padded,
        "authenticatorAttachment": "platform"}))["verified"] is True
