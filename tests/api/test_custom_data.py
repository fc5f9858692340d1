"""User-defined field values against the local pool (demo UDFs: school STRING, age NUMBER,
source STRING)."""

from __future__ import annotations

import pytest

from authing_desktop.api.client import AuthenticationClient
from authing_desktop.api.errors import AuthingArgumentError, AuthingError
from tests.api.support import client_for, run
from tests.api.test_authentication import PASSWORD
from tests.fixtures.pool import RunningPool, unique


async def _fresh_user(client: AuthenticationClient) -> None:
    await client.register_by_username(unique("udf"), PASSWORD, force_login=True)


def test_set_get_and_remove_values(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _fresh_user(client)
            assert await client.get_udf_value() == {}
            assert await client.set_udf_value({"school": "加州大学", "age": 22}) is True
            assert await client.get_udf_value() == {"school": "加州大学", "age": 22}
            values = await client.set_udv("source", "web")
            assert {v.key: v.value for v in values} == {
                "school": "加州大学", "age": 22, "source": "web"}
            assert {v.key: v.data_type for v in values}["age"] == "NUMBER"
            listed = await client.list_udv()
            assert sorted(v.key or "" for v in listed) == ["age", "school", "source"]
            remaining = await client.remove_udv("source")
            assert "source" not in {v.key for v in remaining}
            assert await client.remove_udf_value("age") is True
            assert await client.get_udf_value() == {"school": "加州大学"}

    run(scenario())


def test_undefined_key_and_bad_arguments(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await _fresh_user(client)
            with pytest.raises(AuthingError):
                await client.set_udv(unique("undefined"), "x")
            with pytest.raises(AuthingArgumentError):
                await client.set_udf_value({})
            with pytest.raises(AuthingArgumentError):
                await client.set_udv("school", object())

    run(scenario())


def test_custom_data_given_at_registration(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            await client.register_by_username(unique("udf"), PASSWORD, force_login=True,
                                              custom_data={"school": "ucla", "age": 30})
            assert await client.get_udf_value() == {"school": "ucla", "age": 30}

    run(scenario())


def test_custom_data_needs_a_session(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.get_udf_value()
            assert caught.value.code == 2020

    run(scenario())


def test_list_udf_definitions(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            # USER definitions are public on the local pool (registration forms need them).
            anonymous = await client.list_udf_definitions()
            await _fresh_user(client)
            definitions = await client.list_udf_definitions("USER")
            assert definitions == anonymous
            by_key = {d.key: d for d in definitions}
            assert {"school", "age", "source"} <= set(by_key)
            assert (by_key["school"].data_type, by_key["school"].label) == ("STRING", "School")
            assert (by_key["age"].data_type, by_key["age"].label) == ("NUMBER", "Age")
            assert by_key["age"].target_type == "USER"
            assert by_key["age"].raw["key"] == "age"
            with pytest.raises(AuthingArgumentError):
                await client.list_udf_definitions("")

    run(scenario())


def test_udf_definitions_of_other_targets_need_a_session(pool: RunningPool) -> None:
    async def scenario() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.list_udf_definitions("ROLE")
            assert caught.value.code == 2020
            await _fresh_user(client)
            assert await client.list_udf_definitions("ROLE") == []

    run(scenario())
