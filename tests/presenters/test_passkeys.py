"""The passkey rows of the Security page: kinds from the transports, times in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from authing_desktop.api.passkeys import Passkey
from authing_desktop.presenters.passkeys import kind_of, row_of
from tests.presenters.test_wording import english  # noqa: F401 - a fixture

NOW = dt.datetime(2026, 5, 4, 12, 0, tzinfo=dt.UTC)


def _key(**wire: Any) -> Passkey:
    return Passkey.from_wire({"credentialId": "abc", **wire})


@pytest.mark.parametrize(("wire", "kind"), [
    ({"transports": ["usb"]}, "securityKey"),
    ({"transports": ["nfc", "usb"], "authenticatorCode": "fingerprint"}, "securityKey"),
    ({"transports": ["internal"], "authenticatorCode": "fingerprint"}, "fingerprint"),
    ({"transports": ["internal"], "authenticatorCode": "other"}, "device"),
    ({"transports": ["hybrid"]}, "phone"),
    ({}, "passkey"),
])
def test_kinds_come_from_the_transports(wire: dict[str, Any], kind: str) -> None:
    assert kind_of(_key(**wire)) == kind


def test_rows_say_kind_and_times_in_words(english: None) -> None:  # noqa: F811
    fresh = row_of(_key(transports=["usb"], createdAt="2026-05-01T08:00:00Z"), lambda: NOW)
    assert (fresh.name, fresh.kind_text, fresh.icon) == ("Security key", "Security key", "usb")
    assert fresh.last_used == "Not used yet" and fresh.added
    used = row_of(_key(name=" Desk ", lastUsedAt="2026-05-04T11:55:00Z"), lambda: NOW)
    assert used.name == "Desk" and used.last_used == "Last used: 5 minutes ago"


def test_a_list_item_without_credential_id_is_refused() -> None:
    from authing_desktop.api.errors import MalformedResponse

    with pytest.raises(MalformedResponse):
        Passkey.from_wire({"name": "x"})
