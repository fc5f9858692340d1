"""Custom data presenter against the local pool: typed round trip of ``school`` (string) and
``age`` (number), type checks, undefined keys, removal."""

from __future__ import annotations

from typing import Any

from authing_desktop.presenters.custom_data import NUMBER, STRING, CustomDataPresenter
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import SignedInSession, settle
from tests.fixtures.app_services import drive


def test_round_trip(qtbot: Any, app_services: AppServices, account: SignedInSession) -> None:
    presenter = CustomDataPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert presenter.fields == []

    assert settle(qtbot, presenter.set_value("school", STRING, "MIT")) is True
    assert settle(qtbot, presenter.set_value("age", NUMBER, "42")) is True
    school, age = presenter.field("school"), presenter.field("age")
    assert school is not None and (school.data_type, school.value) == ("STRING", "MIT")
    assert age is not None and (age.data_type, age.value) == ("NUMBER", 42)
    assert school.label == "School"
    # What the pool stored, read back through another call.
    assert drive(qtbot, account.client.get_udf_value()) == {"school": "MIT", "age": 42}

    assert settle(qtbot, presenter.remove("school")) is True
    assert [f.key for f in presenter.fields] == ["age"]


def test_type_and_key_errors(qtbot: Any, app_services: AppServices,
                             account: SignedInSession) -> None:
    presenter = CustomDataPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert settle(qtbot, presenter.set_value("age", NUMBER, "forty")) is False
    assert "number" in presenter.field_errors["value"]
    assert settle(qtbot, presenter.set_value("has space", STRING, "x")) is False
    assert "key" in presenter.field_errors
    # The pool checks the key and the type: an undefined key, a string for a number field.
    assert settle(qtbot, presenter.set_value("undefined_key", STRING, "x")) is None
    assert "not defined" in presenter.detail
    assert settle(qtbot, presenter.set_value("age", STRING, "x")) is None
    assert "NUMBER" in presenter.detail
    assert presenter.fields == []
