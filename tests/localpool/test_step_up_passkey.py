"""A passkey as a step-up proof, over HTTP with the software authenticator (docs/step-up.md,
method ``PASSKEY``): options bound to the signed-in user, the assertion checked like a sign-in's
(single-use challenge, origin, the key must be the caller's, the passkey guess limit), and the
hosted ``/passkeys`` page refusing to add a key for a browser that signed in too long ago. The
pool's clock is moved, never slept on."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.step_up import PROOF_LIFETIME_S
from tests.fixtures.pool import RunningPool
from tests.hosted.test_passkey_browser import localhost
from tests.localpool.helpers import PASSWORD, register_email
from tests.localpool.hosted_page import read_form
from tests.localpool.test_step_up import (
    GUARDED,
    refused,
    send,
    stale,
    step_up,
    with_proof,
)
from tests.passkeys.pool_calls import (
    ok,
    passkeys_of,
    register_passkey,
    v3,
    webauthn_origin,
)
from tests.passkeys.soft_authenticator import SoftAuthenticator, gen1_authentication_credential

OPTIONS = "/api/v3/stepup/passkey-options"


def passkey_options(pool: RunningPool, token: str) -> tuple[dict[str, Any], str]:
    data = ok(v3(pool, "GET", OPTIONS, token))
    return data["authenticationOptions"], data["ticket"]


def passkey_step_up(pool: RunningPool, token: str, ticket: str,
                    asserted: dict[str, Any]) -> dict[str, Any]:
    return step_up(pool, token, method="PASSKEY", ticket=ticket,
                   authenticationCredential=gen1_authentication_credential(asserted))


def with_key(pool: RunningPool) -> tuple[dict[str, Any], SoftAuthenticator, str]:
    """A new account with a passkey registered while its sign-in is fresh."""
    user = register_email(pool)
    key = SoftAuthenticator()
    return user, key, register_passkey(pool, user["token"], key)


def test_an_old_session_proves_itself_with_its_passkey(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    user, key, credential_id = with_key(pool)
    stale(pool, clock)
    assert refused(send(pool, GUARDED[0], user["token"]))
    options, ticket = passkey_options(pool, user["token"])
    assert [item["id"] for item in options["allowCredentials"]] == [credential_id]
    answer = passkey_step_up(pool, user["token"], ticket,
                             key.get(options, webauthn_origin(pool)))
    assert answer["statusCode"] == 200, answer
    assert answer["data"]["tokenExpiresIn"] == PROOF_LIFETIME_S
    proof = answer["data"]["stepupToken"]
    removed = v3(pool, "DELETE", f"/credentials/{credential_id}", user["token"],
                 headers=with_proof(proof))
    assert removed["statusCode"] == 200, removed  # a guarded change, passed with the proof
    assert passkeys_of(pool, user["token"]) == []
    assert refused(send(pool, GUARDED[0], user["token"]))  # without the proof: still old


def test_an_account_without_a_passkey_gets_no_options(pool: RunningPool) -> None:
    user = register_email(pool)
    answer = v3(pool, "GET", OPTIONS, user["token"])
    assert answer["statusCode"] == 404, answer
    assert v3(pool, "GET", OPTIONS)["statusCode"] != 200  # no token: nobody to bind it to


def test_another_users_key_is_refused(pool: RunningPool) -> None:
    alice, _alice_key, _ = with_key(pool)
    _bob, bob_key, bob_credential = with_key(pool)
    options, ticket = passkey_options(pool, alice["token"])
    asserted = bob_key.get(options, webauthn_origin(pool), credential_id=bob_credential,
                           user_handle=None)
    answer = passkey_step_up(pool, alice["token"], ticket, asserted)
    assert answer["statusCode"] != 200 and "stepupToken" not in (answer.get("data") or {})
    assert "not registered to this account" in answer["message"]


def test_a_replayed_challenge_is_refused(pool: RunningPool) -> None:
    user, key, _ = with_key(pool)
    options, ticket = passkey_options(pool, user["token"])
    asserted = key.get(options, webauthn_origin(pool))
    assert passkey_step_up(pool, user["token"], ticket, asserted)["statusCode"] == 200
    replayed = passkey_step_up(pool, user["token"], ticket, asserted)
    assert replayed["statusCode"] == 400 and "ticket" in replayed["message"], replayed
    # A fresh ticket with the old answer: its challenge is not the ticket's.
    _options, new_ticket = passkey_options(pool, user["token"])
    old_answer = passkey_step_up(pool, user["token"], new_ticket, asserted)
    assert old_answer["statusCode"] != 200, old_answer


def test_a_wrong_origin_is_refused(pool: RunningPool) -> None:
    user, key, _ = with_key(pool)
    options, ticket = passkey_options(pool, user["token"])
    asserted = key.get(options, "https://evil.example")
    answer = passkey_step_up(pool, user["token"], ticket, asserted)
    assert answer["statusCode"] != 200, answer
    assert answer["apiCode"] == 2333 and "origin" in answer["message"]


def test_answers_that_do_not_verify_are_guess_limited(
        clocked_pool: Callable[..., RunningPool]) -> None:
    pool = clocked_pool(second_factor_lockout_after=2)
    user, key, _ = with_key(pool)

    def answer(origin: str) -> dict[str, Any]:
        options, ticket = passkey_options(pool, user["token"])
        return passkey_step_up(pool, user["token"], ticket, key.get(options, origin))

    assert answer("https://evil.example")["apiCode"] == 2333
    locking = answer("https://evil.example")
    assert locking["apiCode"] == 2333 and "locked" in locking["message"], locking
    right = answer(webauthn_origin(pool))
    assert right["apiCode"] == 2005, right  # locked: even the right key is refused


def test_the_ticket_is_bound_to_the_user_who_asked(pool: RunningPool) -> None:
    alice, alice_key, _ = with_key(pool)
    bob = register_email(pool)
    options, ticket = passkey_options(pool, alice["token"])
    asserted = alice_key.get(options, webauthn_origin(pool))
    stolen = passkey_step_up(pool, bob["token"], ticket, asserted)
    assert stolen["statusCode"] == 400, stolen


_SIGN_IN_AGAIN = re.compile(r'<p id="passkey-sign-in-again">([^<]*)</p>')


def test_hosted_page_adds_a_passkey_only_after_a_recent_sign_in(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool()
    email = register_email(pool)["email"]
    with httpx.Client(base_url=localhost(pool), timeout=10) as browser:
        form = read_form(browser.get("/passkeys"))
        browser.post("/passkeys", data={"csrf_token": form.csrf_token, "action": "sign_in",
                                        "account": email, "password": PASSWORD})
        fresh = browser.get("/passkeys").text
        assert 'id="passkey-add"' in fresh and not _SIGN_IN_AGAIN.search(fresh)
        stale(pool, clock)
        page = browser.get("/passkeys").text
        said = _SIGN_IN_AGAIN.search(page)
        assert said and "confirm it&#x27;s you" in said.group(1)
        assert "sign in again" in said.group(1)
        assert 'id="passkey-add"' not in page
        token = re.findall(r'name="csrf_token" value="([^"]*)"', fresh)[0]  # still valid
        options = browser.post("/passkeys/options", json={},
                               headers={"x-csrf-token": token}).json()
        assert options["apiCode"] == 1650 and "sign in again" in options["message"], options
        posted = browser.post("/passkeys", data={"csrf_token": token, "action": "add",
                                                 "credential": "{}"})
        assert "sign in again" in posted.text and "Passkey added" not in posted.text
