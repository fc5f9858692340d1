"""The software authenticator's answers verify with py_webauthn as a browser's would, and it
refuses what a real authenticator refuses; the pool's relying-party rules (docs/passkeys.md)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from webauthn import verify_authentication_response, verify_registration_response
from webauthn.helpers.exceptions import InvalidAuthenticationResponse

from authing_desktop.localpool.passkey_ceremonies import (
    AUTHENTICATE,
    Ceremony,
    Refused,
    verify_assertion,
)
from authing_desktop.localpool.passkey_policy import (
    RelyingParty,
    creation_options,
    relying_party,
    request_options,
    user_handle,
    user_handle_matches,
)
from tests.passkeys.soft_authenticator import (
    CredentialExcluded,
    NoCredential,
    SoftAuthenticator,
    Unsupported,
    b64url,
    from_b64url,
)

ORIGIN = "http://localhost:8080"
RP = RelyingParty(id="localhost", name="Test", origin=ORIGIN)
CHALLENGE = b"c" * 32


def _registered(key: SoftAuthenticator, **options: Any) -> tuple[dict[str, Any], Any]:
    created = key.create(creation_options(RP, CHALLENGE, user_id="u1", user_name="ann",
                                          display_name="Ann", exclude=[]), ORIGIN, **options)
    verified = verify_registration_response(credential=created, expected_challenge=CHALLENGE,
                                            expected_rp_id="localhost", expected_origin=ORIGIN)
    return created, verified


def test_registration_and_assertion_verify_with_py_webauthn() -> None:
    key = SoftAuthenticator()
    created, verified = _registered(key)
    assert verified.fmt == "none" and verified.user_verified
    client_data = json.loads(from_b64url(created["response"]["clientDataJSON"]))
    assert client_data == {"type": "webauthn.create", "challenge": b64url(CHALLENGE),
                           "origin": ORIGIN, "crossOrigin": False}
    asserted = key.get(request_options(RP, CHALLENGE, []), ORIGIN)
    assert asserted["id"] == created["id"]
    assert asserted["response"]["userHandle"] == user_handle("u1")
    result = verify_authentication_response(
        credential=asserted, expected_challenge=CHALLENGE, expected_rp_id="localhost",
        expected_origin=ORIGIN,
        credential_public_key=verified.credential_public_key,
        credential_current_sign_count=0)
    assert result.new_sign_count == 1 and result.user_verified


def test_counters_flags_and_clones() -> None:
    key = SoftAuthenticator(supports_uv=False)
    created, verified = _registered(key)
    assert not verified.user_verified
    options = request_options(RP, CHALLENGE, [])
    twin = key.clone()
    key.get(options, ORIGIN)
    key.get(options, ORIGIN)
    assert key.credential(created["id"]).sign_count == 2
    assert twin.credential(created["id"]).sign_count == 0  # a clone lags behind
    replay = twin.get(options, ORIGIN)
    with pytest.raises(InvalidAuthenticationResponse, match="sign count"):
        verify_authentication_response(
            credential=replay, expected_challenge=CHALLENGE, expected_rp_id="localhost",
            expected_origin=ORIGIN,
            credential_public_key=verified.credential_public_key,
            credential_current_sign_count=2)
    assert key.get(options, ORIGIN, sign_count=41)["id"] == created["id"]
    assert key.credential(created["id"]).sign_count == 41


def test_refusals_of_the_authenticator() -> None:
    key = SoftAuthenticator()
    created, _ = _registered(key)
    with pytest.raises(CredentialExcluded):
        key.create(creation_options(RP, CHALLENGE, user_id="u1", user_name="a", display_name="a",
                                    exclude=[{"id": created["id"], "type": "public-key"}]),
                   ORIGIN)
    with pytest.raises(NoCredential):
        key.get(request_options(RelyingParty("example.com", "x", "https://example.com"),
                                CHALLENGE, []), "https://example.com")
    with pytest.raises(NoCredential):
        key.get(request_options(RP, CHALLENGE, [{"id": b64url(b"other"),
                                                 "type": "public-key"}]), ORIGIN)
    options = creation_options(RP, CHALLENGE, user_id="u1", user_name="a", display_name="a",
                               exclude=[])
    options["pubKeyCredParams"] = [{"alg": -257, "type": "public-key"}]
    with pytest.raises(Unsupported):
        key.create(options, ORIGIN)


def test_the_pools_relying_party_and_origins() -> None:
    loopback = relying_party("http://127.0.0.1:8080", "Pool")
    assert (loopback.id, loopback.origin) == ("localhost", "http://localhost:8080")
    assert relying_party("http://[::1]:9000", "").id == "localhost"
    for origin in ("http://localhost:8080", "HTTP://LOCALHOST:8080", "http://localhost:5173",
                   "http://localhost", "https://localhost"):
        assert loopback.accepts_origin(origin), origin
    for origin in ("http://127.0.0.1:8080", "https://evil.example", "http://localhost.evil",
                   "http://sub.localhost:8080", "http://localhost:8080/path", "null", None, 7,
                   "http://user@localhost:8080", "ftp://localhost"):
        assert not loopback.accepts_origin(origin), origin
    named = relying_party("http://pool.example.test:8443", "Pool")
    assert (named.id, named.origin) == ("pool.example.test", "http://pool.example.test:8443")
    assert named.accepts_origin("https://pool.example.test")
    assert not named.accepts_origin("http://localhost:8443")
    assert not named.accepts_origin("http://pool.example.test:9999")


def test_user_handles_in_both_encodings() -> None:
    handle = user_handle("5f3a")
    assert from_b64url(handle) == b"5f3a"
    assert user_handle_matches(None, "5f3a") and user_handle_matches(handle, "5f3a")
    assert user_handle_matches(b64url(handle.encode()), "5f3a")  # the Android client's form
    assert not user_handle_matches(user_handle("other"), "5f3a")


def test_user_verification_is_enforced_when_required() -> None:
    key = SoftAuthenticator()
    _, verified = _registered(key)
    public_key = verified.credential_public_key
    required = Ceremony(kind=AUTHENTICATE, ticket="t", rp=RP, challenge=CHALLENGE,
                        user_id=None, user_verification="required")
    options = request_options(RP, CHALLENGE, [])
    with pytest.raises(Refused, match="User verification is required"):
        verify_assertion(required, key.get(options, ORIGIN, user_verified=False), public_key, 0)
    assert verify_assertion(required, key.get(options, ORIGIN), public_key, 1).user_verified
