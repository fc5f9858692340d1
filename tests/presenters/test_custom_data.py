"""Custom data presenter against the local pool: typed round trip of ``school`` (string) and
``age`` (number), type checks, undefined keys, removal."""

from __future__ import annotations

import json
from typing import Any

import httpx

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.presenters.custom_data import NUMBER, STRING, CustomDataPresenter
from authing_desktop.services.app_services import AppServices
from tests.fixtures.account_session import (
    ACCOUNT_PASSWORD,
    SignedInSession,
    pool_client,
    settle,
)
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique


def test_round_trip(qtbot: Any, app_services: AppServices, account: SignedInSession) -> None:
    presenter = CustomDataPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    # Every field the demo pool defines, none set yet.
    assert presenter.definitions_known
    assert {f.key: (f.data_type, f.label) for f in presenter.fields} == {
        "age": ("NUMBER", "Age"), "school": ("STRING", "School"), "source": ("STRING", "Source")}
    assert all(f.defined and not f.is_set and f.value is None for f in presenter.fields)

    assert settle(qtbot, presenter.set_value("school", STRING, "MIT")) is True
    assert settle(qtbot, presenter.set_value("age", NUMBER, "42")) is True
    school, age = presenter.field("school"), presenter.field("age")
    assert school is not None and (school.data_type, school.value) == ("STRING", "MIT")
    assert age is not None and (age.data_type, age.value) == ("NUMBER", 42)
    assert school.label == "School"
    # What the pool stored, read back through another call.
    assert drive(qtbot, account.client.get_udf_value()) == {"school": "MIT", "age": 42}

    assert settle(qtbot, presenter.remove("school")) is True
    assert [f.key for f in presenter.fields if f.is_set] == ["age"]
    school = presenter.field("school")
    assert school is not None and school.defined and not school.is_set
    assert drive(qtbot, account.client.get_udf_value()) == {"age": 42}


def test_type_and_key_errors(qtbot: Any, app_services: AppServices,
                             account: SignedInSession) -> None:
    presenter = CustomDataPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert settle(qtbot, presenter.set_value("age", NUMBER, "forty")) is False
    assert "number" in presenter.field_errors["value"]
    assert settle(qtbot, presenter.set_value("has space", STRING, "x")) is False
    assert "key" in presenter.field_errors
    # The pool checks the key: an undefined one is refused with its text as the detail.
    assert settle(qtbot, presenter.set_value("undefined_key", STRING, "x")) is None
    assert "not defined" in presenter.detail
    # A defined field is checked by its definition's type, whatever the editor says.
    assert settle(qtbot, presenter.set_value("age", STRING, "x")) is False
    assert "number" in presenter.field_errors["value"]
    assert not any(f.is_set for f in presenter.fields)


def test_a_defined_field_keeps_its_type(qtbot: Any, app_services: AppServices,
                                        account: SignedInSession) -> None:
    presenter = CustomDataPresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    # The definition says NUMBER: the editor's type does not override it.
    assert settle(qtbot, presenter.set_value("age", STRING, "7")) is True
    assert drive(qtbot, account.client.get_udf_value()) == {"age": 7}


class _RefusingDefinitions(httpx.AsyncBaseTransport):
    """The real pool, except that the ``udf`` query is refused the way a cloud pool may refuse
    it to an end user (the local pool lists USER definitions to anyone)."""

    def __init__(self) -> None:
        self._pool = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/graphql/v2" and \
                json.loads(request.content).get("query", "").startswith("query udf("):
            return httpx.Response(200, json={"errors": [{"message": {
                "code": 403, "message": "no permission to read udf"}}], "data": None})
        return await self._pool.handle_async_request(request)

    async def aclose(self) -> None:
        await self._pool.aclose()


def test_without_definitions_falls_back_to_set_values(
        qtbot: Any, app_services: AppServices, pool: RunningPool) -> None:
    client = AuthenticationClient(pool_client(pool).profile, http_transport=_RefusingDefinitions())

    async def sign_up() -> SignedInSession:
        email = f"{unique('udfcloud')}@example.com"
        await client.register_by_email(email, ACCOUNT_PASSWORD,
                                       custom_data={"school": "ucla"})
        user = await client.login_by_email(email, ACCOUNT_PASSWORD)
        return SignedInSession(client, user, email, ACCOUNT_PASSWORD)

    session = drive(qtbot, sign_up())
    try:
        presenter = CustomDataPresenter(session, app_services.tasks)
        settle(qtbot, presenter.load())
        assert not presenter.definitions_known
        assert presenter.error == "" and presenter.detail == ""
        assert [(f.key, f.value, f.defined) for f in presenter.fields] == \
            [("school", "ucla", False)]
        # A key typed in, as before; the pool checks the type.
        assert settle(qtbot, presenter.set_value("age", STRING, "x")) is None
        assert "NUMBER" in presenter.detail
        assert settle(qtbot, presenter.set_value("age", NUMBER, "3")) is True
        assert [f.key for f in presenter.fields] == ["age", "school"]
    finally:
        drive(qtbot, client.aclose())
