"""The LDAP / AD identity source against a real OpenLDAP slapd (tests/fixtures/slapd.py)."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from authing_desktop.localpool.directory import verify_user
from authing_desktop.localpool.directory_config import (
    DirectoryConfig,
    DirectoryConfigError,
    DirectoryEntry,
    DirectoryError,
    DirectoryInvalidCredentials,
    DirectoryNotConfigured,
    DirectoryUnavailable,
)
from authing_desktop.localpool.errors import PoolError
from tests.fixtures.slapd import (
    ALICE,
    BOB,
    CAROL,
    QBERT,
    TWIN_A,
    UPNONLY,
    WEI,
    DirectoryUser,
    RunningSlapd,
)

pytestmark = pytest.mark.ldap


def _entry_uuid(slapd: RunningSlapd, dn: str) -> str:
    connection = slapd.admin_connection()
    try:
        connection.search(dn, "(objectClass=*)", search_scope="BASE", attributes=["entryUUID"])
        return str(connection.response[0]["raw_attributes"]["entryUUID"][0].decode())
    finally:
        connection.unbind()


def _expected(slapd: RunningSlapd, user: DirectoryUser) -> DirectoryEntry:
    return DirectoryEntry(
        dn=user.dn,
        external_id=_entry_uuid(slapd, user.dn),
        username=user.username,
        email=user.email,
        phone=user.phone,
        name=user.name,
    )


def _rejected(config: DirectoryConfig, username: str, password: str) -> DirectoryError:
    with pytest.raises(DirectoryError) as caught:
        verify_user(config, username, password)
    error = caught.value
    for secret in (password, config.bind_password):
        if secret:
            assert secret not in str(error)
            assert secret not in repr(error.as_message())
    return error


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port whose TCP handshake succeeds (kernel backlog) but that never answers LDAP."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])


# ---------------------------------------------------------------- LDAP mapping


def test_ldap_login_by_uid_maps_the_entry(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ldap_config(), "alice", ALICE.password)
    assert entry == _expected(slapd, ALICE)
    # entryUUID, not the DN: it survives renames
    assert entry.external_id != entry.dn and len(entry.external_id) == 36


def test_ldap_login_by_mail_finds_the_same_entry(slapd: RunningSlapd) -> None:
    by_uid = verify_user(slapd.ldap_config(), "alice", ALICE.password)
    by_mail = verify_user(slapd.ldap_config(), "  Alice@Example.com ", ALICE.password)
    assert by_mail == by_uid


def test_ldap_mapping_falls_back_to_mobile_and_cn(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ldap_config(), "carol", CAROL.password)
    assert (entry.phone, entry.name) == (CAROL.phone, CAROL.name)
    assert entry == _expected(slapd, CAROL)


def test_ldap_non_ascii_name_and_password(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ldap_config(), "zhangwei", WEI.password)
    assert entry.name == "张伟"
    assert entry == _expected(slapd, WEI)


def test_filter_metacharacters_in_a_real_uid_match_literally(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ldap_config(), "q*bert", QBERT.password)
    assert (entry.dn, entry.username) == (QBERT.dn, "q*bert")


# ---------------------------------------------------------------- AD mapping


def test_ad_login_by_sam_account_name(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ad_config(), "bbuilder", BOB.password)
    assert entry == _expected(slapd, BOB)
    assert (entry.username, entry.email, entry.phone, entry.name) == (
        "bbuilder",
        "bob@example.com",
        "+1 555 0100",
        "Bob the Builder",
    )


def test_ad_login_by_user_principal_name(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ad_config(), "Bob.Builder@corp.example.com", BOB.password)
    # the username is the directory's sAMAccountName, whatever the user typed
    assert entry == _expected(slapd, BOB)


def test_ad_username_from_upn_when_sam_account_name_is_missing(slapd: RunningSlapd) -> None:
    entry = verify_user(slapd.ad_config(), UPNONLY.upn or "", UPNONLY.password)
    assert entry.username == "una"
    assert entry == _expected(slapd, UPNONLY)


def test_ad_filter_does_not_find_plain_ldap_users(slapd: RunningSlapd) -> None:
    error = _rejected(slapd.ad_config(), "alice", ALICE.password)
    assert isinstance(error, DirectoryInvalidCredentials)


# ---------------------------------------------------------------- credentials


def test_wrong_password_and_unknown_user_look_the_same(
    slapd: RunningSlapd, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = _rejected(slapd.ldap_config(), "alice", "not-" + ALICE.password)
    unknown = _rejected(slapd.ldap_config(), "nobody-here", ALICE.password)
    for error in (wrong, unknown):
        assert type(error) is DirectoryInvalidCredentials
        assert error.code == 2333
    assert wrong.as_message() == unknown.as_message()
    assert wrong.as_message() == {"code": 2333, "message": "Wrong username or password."}
    assert ALICE.password not in caplog.text
    assert slapd.bind_password not in caplog.text


def test_errors_are_pool_errors_with_an_envelope(slapd: RunningSlapd) -> None:
    error = _rejected(slapd.ldap_config(), "alice", "nope")
    assert isinstance(error, PoolError)
    assert error.as_message() == {"code": 2333, "message": "Wrong username or password."}


def test_parallel_verifications_from_worker_threads(slapd: RunningSlapd) -> None:
    def attempt(index: int) -> str:
        user = (ALICE, BOB)[index % 2]
        config = slapd.ldap_config() if user is ALICE else slapd.ad_config()
        password = user.password if index % 3 else "wrong-" + user.password
        try:
            return verify_user(config, user.username, password).dn
        except DirectoryInvalidCredentials:
            return "rejected"

    with ThreadPoolExecutor(max_workers=8) as workers:
        results = list(workers.map(attempt, range(24)))
    expected = ["rejected" if index % 3 == 0 else (ALICE, BOB)[index % 2].dn for index in range(24)]
    assert results == expected


def test_ad_wrong_password(slapd: RunningSlapd) -> None:
    error = _rejected(slapd.ad_config(), "bbuilder", ALICE.password)
    assert isinstance(error, DirectoryInvalidCredentials)


@pytest.mark.parametrize(
    ("username", "password"),
    [("alice", ""), ("", ALICE.password), ("   ", ALICE.password), ("", "")],
)
def test_empty_input_is_rejected_before_any_network_call(
    slapd: RunningSlapd, closed_port: int, username: str, password: str
) -> None:
    # A dead server would give DirectoryUnavailable if the connector touched the network.
    config = slapd.ldap_config(url=f"ldap://127.0.0.1:{closed_port}")
    error = _rejected(config, username, password)
    assert type(error) is DirectoryInvalidCredentials
    assert error.code == 2333
    assert "required" in error.message


def test_empty_password_for_a_real_user_on_a_live_server(slapd: RunningSlapd) -> None:
    for username in ("alice", "bbuilder"):
        with pytest.raises(DirectoryInvalidCredentials):
            verify_user(slapd.ldap_config(), username, "")
        with pytest.raises(DirectoryInvalidCredentials):
            verify_user(slapd.ad_config(), username, "")


@pytest.mark.parametrize(
    "username",
    ["*)(uid=*", "*", "ali*", "*)(|(uid=*", "alice)(|(uid=*)", "alice\\", "al\\2a", "\x00alice"],
)
def test_filter_injection_matches_nobody(slapd: RunningSlapd, username: str) -> None:
    # Unescaped, "ali*" alone would match exactly alice and then sign in with her password.
    for config in (slapd.ldap_config(), slapd.ad_config()):
        error = _rejected(config, username, ALICE.password)
        assert type(error) is DirectoryInvalidCredentials


def test_ambiguous_match_is_refused_even_with_the_right_password(slapd: RunningSlapd) -> None:
    error = _rejected(slapd.ldap_config(), "twins@example.com", TWIN_A.password)
    assert type(error) is DirectoryInvalidCredentials
    assert verify_user(slapd.ldap_config(), "twin-a", TWIN_A.password).dn == TWIN_A.dn


def test_over_long_input_is_rejected(slapd: RunningSlapd) -> None:
    with pytest.raises(DirectoryInvalidCredentials):
        verify_user(slapd.ldap_config(), "a" * 257, ALICE.password)
    with pytest.raises(DirectoryInvalidCredentials):
        verify_user(slapd.ldap_config(), "alice", "p" * 1025)


# ---------------------------------------------------------------- server and settings trouble


def test_not_configured() -> None:
    with pytest.raises(DirectoryNotConfigured) as caught:
        verify_user(None, "alice", ALICE.password)
    assert caught.value.as_message() == {
        "code": 404,
        "message": "No LDAP identity source is configured for this user pool.",
    }
    assert "Active Directory" in DirectoryNotConfigured("ad").message


def test_server_down_is_unavailable(slapd: RunningSlapd, closed_port: int) -> None:
    config = slapd.ldap_config(url=f"ldap://127.0.0.1:{closed_port}")
    started = time.monotonic()
    error = _rejected(config, "alice", ALICE.password)
    assert type(error) is DirectoryUnavailable
    assert error.code == 1000
    assert time.monotonic() - started < 2


def test_server_that_never_answers_times_out(slapd: RunningSlapd, silent_port: int) -> None:
    config = slapd.ldap_config(url=f"ldap://127.0.0.1:{silent_port}", timeout_s=0.3)
    started = time.monotonic()
    error = _rejected(config, "alice", ALICE.password)
    assert type(error) is DirectoryUnavailable
    assert time.monotonic() - started < 2


def test_ldaps_against_a_plain_ldap_port_is_unavailable(slapd: RunningSlapd) -> None:
    config = slapd.ldap_config(url=f"ldaps://127.0.0.1:{slapd.port}", timeout_s=1)
    error = _rejected(config, "alice", ALICE.password)
    assert type(error) is DirectoryUnavailable


def test_rejected_service_account_is_unavailable_not_bad_credentials(
    slapd: RunningSlapd, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    config = slapd.ldap_config(bind_password="wrong-service-secret")
    error = _rejected(config, "alice", ALICE.password)
    assert type(error) is DirectoryUnavailable
    assert "service account" in error.message
    assert "wrong-service-secret" not in caplog.text
    assert ALICE.password not in caplog.text


def test_anonymous_service_bind_cannot_search_this_directory(slapd: RunningSlapd) -> None:
    # The seeded ACLs let anonymous clients authenticate but not read, like most directories.
    config = slapd.ldap_config(bind_dn="", bind_password="")
    error = _rejected(config, "alice", ALICE.password)
    # slapd hides the unreadable base entry itself (noSuchObject)
    assert type(error) is DirectoryUnavailable
    assert "base DN" in error.message


def test_missing_base_dn_is_unavailable(slapd: RunningSlapd) -> None:
    config = slapd.ldap_config(base_dn="ou=nowhere,dc=example,dc=com")
    error = _rejected(config, "alice", ALICE.password)
    assert type(error) is DirectoryUnavailable
    assert "base DN" in error.message


def test_narrower_base_dn_hides_other_subtrees(slapd: RunningSlapd) -> None:
    config = slapd.ldap_config(base_dn=slapd.corp_dn)
    assert type(_rejected(config, "alice", ALICE.password)) is DirectoryInvalidCredentials
    assert verify_user(slapd.ad_config(base_dn=slapd.corp_dn), "bbuilder", BOB.password).dn == (
        BOB.dn
    )


# ---------------------------------------------------------------- DirectoryConfig


def _mapping(**changes: Any) -> dict[str, Any]:
    mapping: dict[str, Any] = {
        "kind": "ldap",
        "url": "ldap://directory.example.com:389",
        "bind_dn": "cn=reader,dc=example,dc=com",
        "bind_password": "s3rvice-Secret",
        "base_dn": "dc=example,dc=com",
        "user_filter": "(|(uid={username})(mail={username}))",
        "timeout_s": 5.0,
    }
    mapping.update(changes)
    return {key: value for key, value in mapping.items() if value is not ...}


def test_config_round_trips_through_its_mapping() -> None:
    config = DirectoryConfig.from_mapping(_mapping())
    assert DirectoryConfig.from_mapping(config.to_mapping()) == config
    assert config.to_mapping()["bind_password"] == "s3rvice-Secret"
    shown = config.to_mapping(include_password=False)
    assert "bind_password" not in shown and shown["has_bind_password"] is True
    ad = DirectoryConfig.from_mapping(
        _mapping(
            kind="ad",
            url="ldaps://dc1.corp.example.com",
            bind_dn="svc-authing@corp.example.com",  # AD accepts a UPN as bind name
            user_filter="(&(objectCategory=person)(sAMAccountName={username}))",
            timeout_s=3,
        )
    )
    assert ad.kind == "ad" and ad.timeout_s == 3.0
    anonymous = DirectoryConfig.from_mapping(_mapping(bind_dn=..., bind_password=...))
    assert (anonymous.bind_dn, anonymous.bind_password) == ("", "")


def test_repr_hides_the_bind_password(slapd: RunningSlapd) -> None:
    config = DirectoryConfig.from_mapping(_mapping())
    for text in (repr(config), str(config), repr(slapd.ldap_config()), repr(slapd)):
        assert "s3rvice-Secret" not in text
        assert slapd.bind_password not in text
    assert "bind_password" not in repr(config)


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"kind": "kerberos"}, "kind"),
        ({"url": "http://directory.example.com"}, "ldap://"),
        ({"url": "directory.example.com:389"}, "ldap://"),
        ({"url": ""}, "url"),
        ({"url": "ldap://"}, "host"),
        ({"url": "ldap://directory.example.com:99999"}, "url"),
        ({"url": "ldap://admin:pw@directory.example.com"}, "credentials"),
        ({"url": "ldap://directory.example.com/dc=example,dc=com?uid"}, "scheme://host"),
        ({"base_dn": ""}, "base_dn"),
        ({"base_dn": "   "}, "base_dn"),
        ({"base_dn": "not a dn"}, "base_dn"),
        ({"base_dn": ...}, "base_dn"),
        ({"bind_dn": "not a dn"}, "bind_dn"),
        ({"bind_password": ""}, "bind_password is required"),
        ({"bind_dn": "", "bind_password": "x"}, "bind_dn is required"),
        ({"bind_password": 1234}, "bind_password"),
        ({"user_filter": "(uid=alice)"}, "{username}"),
        ({"user_filter": "uid={username}"}, "valid LDAP filter"),
        ({"user_filter": "(|(uid={username})(mail={username})"}, "valid LDAP filter"),
        ({"timeout_s": 0}, "timeout_s"),
        ({"timeout_s": -1}, "timeout_s"),
        ({"timeout_s": float("nan")}, "timeout_s"),
        ({"timeout_s": 1000}, "timeout_s"),
        ({"timeout_s": "5"}, "timeout_s"),
        ({"timeout_s": True}, "timeout_s"),
        ({"surprise": 1}, "unknown"),
    ],
)
def test_invalid_config_is_rejected(changes: dict[str, Any], complaint: str) -> None:
    with pytest.raises(DirectoryConfigError) as caught:
        DirectoryConfig.from_mapping(_mapping(**changes))
    assert complaint in caught.value.message
    assert caught.value.code == 400
    assert isinstance(caught.value, ValueError)
    assert "s3rvice-Secret" not in str(caught.value)


def test_invalid_config_is_rejected_on_direct_construction_too() -> None:
    with pytest.raises(DirectoryConfigError):
        DirectoryConfig(
            kind="ldap",
            url="ldap://directory.example.com",
            bind_dn="",
            bind_password="",
            base_dn="dc=example,dc=com",
            user_filter="(uid=alice)",
        )
    with pytest.raises(DirectoryConfigError):
        DirectoryConfig.from_mapping(["not", "a", "mapping"])  # type: ignore[arg-type]


def test_username_is_escaped_in_the_filter() -> None:
    config = DirectoryConfig.from_mapping(_mapping(user_filter="(uid={username})"))
    assert config.user_filter_for("*)(uid=*") == "(uid=\\2a\\29\\28uid=\\2a)"
    assert config.user_filter_for("a\\b\x00") == "(uid=a\\5cb\\00)"
