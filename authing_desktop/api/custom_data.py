"""The signed-in user's custom data (user-defined fields, "UDF"/"UDV")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from authing_desktop.api import graphql_documents as gql
from authing_desktop.api.client_core import ClientCore, require_text
from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.api.models import UdfDefinition, UdfValue

TARGET_USER = "USER"


def _iso(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def encode_udv_value(value: Any) -> str:
    """A value as the JSON text the server stores (dates as quoted ISO strings), encoded
    like the SDK so the wire stays identical."""
    try:
        return json.dumps(value, default=_iso)
    except (TypeError, ValueError) as exc:
        raise AuthingArgumentError("custom data values must be JSON-serialisable") from exc


def _udv_list(value: Any) -> list[UdfValue]:
    if not isinstance(value, list):
        raise MalformedResponse("udv list is not a list")
    return [UdfValue.from_wire(item) for item in value]


def _udf_list(value: Any) -> list[UdfDefinition]:
    if not isinstance(value, list):
        raise MalformedResponse("udf list is not a list")
    return [UdfDefinition.from_wire(item) for item in value]


class CustomDataOperations(ClientCore):
    """Read and write the signed-in user's user-defined field values."""

    async def _udv_call(self, operation: Operation, **variables: Any) -> list[UdfValue]:
        target = {"targetType": TARGET_USER, "targetId": await self._current_user_id()}
        return _udv_list(await self._authed_graphql(operation, {**target, **variables}))

    async def list_udf_definitions(self, target_type: str = TARGET_USER) -> list[UdfDefinition]:
        """The fields the pool defines for ``target_type`` (``udf``; the local pool answers
        anyone for USER, Authing may refuse an end user's token: callers fall back)."""
        target = require_text("target_type", target_type).upper()
        # With the session token when there is one (a registration form has none yet).
        return _udf_list(await self._authed_graphql(gql.UDF, {"targetType": target}))

    async def get_udf_value(self) -> dict[str, Any]:
        """All custom data as ``{key: typed value}``."""
        return {item.key or "": item.value for item in await self._udv_call(gql.UDV)}

    async def list_udv(self) -> list[UdfValue]:
        """All custom data as typed entries (deprecated SDK name, kept for parity)."""
        return await self._udv_call(gql.UDV)

    async def set_udf_value(self, data: Mapping[str, Any]) -> bool:
        """Set several fields at once; each must have been defined by an admin."""
        if not isinstance(data, Mapping) or not data:
            raise AuthingArgumentError("data must be a non-empty dict")
        udv_list = [{"key": require_text("key", key), "value": encode_udv_value(value)}
                    for key, value in data.items()]
        await self._udv_call(gql.SET_UDV_BATCH, udvList=udv_list)
        return True

    async def remove_udf_value(self, key: str) -> bool:
        """Remove one field's value."""
        await self._udv_call(gql.REMOVE_UDV, key=require_text("key", key))
        return True

    async def set_udv(self, key: str, value: Any) -> list[UdfValue]:
        """Set one field; returns the user's values after the change."""
        return await self._udv_call(gql.SET_UDV, key=require_text("key", key),
                                    value=encode_udv_value(value))

    async def remove_udv(self, key: str) -> list[UdfValue]:
        """Remove one field; returns the remaining values."""
        return await self._udv_call(gql.REMOVE_UDV, key=require_text("key", key))
