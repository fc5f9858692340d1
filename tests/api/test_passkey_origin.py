"""The desktop's WebAuthn origin choices (`api.passkey_origin`, docs/passkeys.md) and the Gen-1
bodies built from python-fido2's JSON (`api.passkeys`)."""

from __future__ import annotations

import pytest
from fido2.rpid import verify_rp_id

from authing_desktop.api.errors import AuthingArgumentError
from authing_desktop.api.passkey_origin import PasskeyOrigin
from authing_desktop.api.passkeys import PasskeyCeremony, authentication_dto, registration_dto


@pytest.mark.parametrize(("host", "origin"), [
    ("http://127.0.0.1:8765", "http://localhost:8765"),
    ("http://[::1]:8765", "http://localhost:8765"),
    ("http://localhost:9000", "http://localhost:9000"),
    ("https://pool.example.com", "https://pool.example.com"),
])
def test_local_pool_origin_is_the_pool_with_ip_literals_as_localhost(host: str,
                                                                     origin: str) -> None:
    choice = PasskeyOrigin(host=host, local_pool=True)
    assert choice.origin("localhost") == origin
    assert choice.second_factor_available


def test_local_pool_origin_passes_python_fido2s_rp_id_check() -> None:
    origin = PasskeyOrigin(host="http://127.0.0.1:8765", local_pool=True).origin("localhost")
    assert verify_rp_id("localhost", origin)
    # The reason for the rewrite: the IP origin itself is refused.
    assert not verify_rp_id("127.0.0.1", "http://127.0.0.1:8765")


def test_cloud_origin_is_https_of_the_rp_id_and_has_no_passkey_second_step() -> None:
    choice = PasskeyOrigin(host="https://core.authing.cn", local_pool=False)
    assert choice.origin("Example.authing.cn") == "https://example.authing.cn"
    assert choice.origin(None) == "https://core.authing.cn"
    assert not choice.second_factor_available


def test_ceremony_reads_the_rp_id_of_either_options_shape() -> None:
    creation = PasskeyCeremony({"challenge": "x", "rp": {"id": "localhost", "name": "p"}}, "t")
    request = PasskeyCeremony({"challenge": "x", "rpId": "example.com"}, "t")
    assert (creation.rp_id, request.rp_id) == ("localhost", "example.com")
    assert "t" not in repr(creation).replace("PasskeyCeremony", "")


L3_REGISTRATION = {
    "id": "cred", "rawId": "cred", "type": "public-key", "authenticatorAttachment":
    "cross-platform", "clientExtensionResults": {},
    "response": {"attestationObject": "att", "clientDataJSON": "cdj",
                 "transports": ["usb", "nfc"]},
}
L3_ASSERTION = {
    "id": "cred", "rawId": "cred", "type": "public-key", "clientExtensionResults": {},
    "response": {"authenticatorData": "ad", "clientDataJSON": "cdj", "signature": "sig",
                 "userHandle": "uh"},
}


def test_gen1_bodies_copy_only_the_dto_keys() -> None:
    assert registration_dto(L3_REGISTRATION) == {
        "id": "cred", "rawId": "cred", "type": "public-key",
        "response": {"attestationObject": "att", "clientDataJSON": "cdj"},
        "transports": ["usb", "nfc"]}
    assert authentication_dto(L3_ASSERTION) == {
        "id": "cred", "rawId": "cred", "type": "public-key",
        "response": {"authenticatorData": "ad", "clientDataJSON": "cdj", "signature": "sig",
                     "userHandle": "uh"}}
    without_handle = {**L3_ASSERTION, "response": {
        k: v for k, v in L3_ASSERTION["response"].items() if k != "userHandle"}}
    assert "userHandle" not in authentication_dto(without_handle)["response"]


def test_gen1_bodies_refuse_an_incomplete_credential() -> None:
    with pytest.raises(AuthingArgumentError):
        registration_dto({"id": "c", "rawId": "c", "type": "public-key",
                          "response": {"clientDataJSON": "x"}})
    with pytest.raises(AuthingArgumentError):
        authentication_dto({"id": "c", "type": "public-key", "response": {}})
