"""The user's custom data: UDF values (udv, setUdv, setUdvBatch, removeUdv, User.customData)
and the pool's field definitions (udf)."""

from __future__ import annotations

import sqlite3
from typing import Any

from authing_desktop.localpool import errors, udf
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.users import Caller


class CustomData:
    """A signed-in user's own custom data and the pool's definitions."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    def _own_target(self, caller: Caller, target_type: str, target_id: str) -> None:
        auth = self.core.authenticate(caller)
        if target_type != udf.USER or target_id != auth.user["id"]:
            raise PoolError(errors.NO_PERMISSION, "you can only access your own custom data")

    def list_udv(self, caller: Caller, target_type: str, target_id: str) -> list[dict[str, Any]]:
        """udv(targetType, targetId)."""
        self._own_target(caller, target_type, target_id)
        return self.core.read(lambda conn: udf.values(conn, udf.USER, target_id))

    def set_udv(self, caller: Caller, target_type: str, target_id: str,
                items: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """setUdv / setUdvBatch: JSON-text values, all or nothing."""
        self._own_target(caller, target_type, target_id)
        now = self.core.clock.now()

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            prepared = [(key, udf.prepare_json(conn, udf.USER, key, text)) for key, text in items]
            for key, value in prepared:
                udf.store(conn, udf.USER, target_id, key, value, now)
            return udf.values(conn, udf.USER, target_id)

        return self.core.write(run)

    def remove_udv(self, caller: Caller, target_type: str, target_id: str,
                   key: str) -> list[dict[str, Any]]:
        """removeUdv."""
        self._own_target(caller, target_type, target_id)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            udf.remove(conn, udf.USER, target_id, key)
            return udf.values(conn, udf.USER, target_id)

        return self.core.write(run)

    def udf_definitions(self, caller: Caller, target_type: str) -> list[dict[str, Any]]:
        """The pool's custom field definitions. USER definitions are public (a registration
        form shows them before anyone signs in; they hold no values); the other target types
        need a signed-in caller (2020 otherwise)."""
        if target_type != udf.USER:
            self.core.authenticate(caller)
        return self.core.read(lambda conn: udf.definitions(conn, target_type))

    def of_user(self, user_id: str) -> list[dict[str, Any]]:
        """The user's UDF values (User.customData)."""
        return self.core.read(lambda conn: udf.values(conn, udf.USER, user_id))
