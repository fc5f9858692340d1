"""User-defined fields (UDF definitions) and their per-user values (UDV).

Values arrive as JSON text (the SDK JSON-encodes every value) and are stored as the text the SDK
expects back (docs/protocol.md, GraphQL operations): STRING/SELECT raw without quotes,
NUMBER/BOOLEAN/OBJECT
as JSON, DATETIME as epoch milliseconds or an ISO string.
"""

from __future__ import annotations

import json
import math
import sqlite3
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError

USER = "USER"
MAX_VALUE_LENGTH = 16_384


def definition(conn: sqlite3.Connection, target_type: str, key: str) -> sqlite3.Row:
    """The definition of ``key`` (400 when the pool defines no such field)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM udf_definitions WHERE target_type = ? AND key = ?", (target_type, key)
    ).fetchone()
    if row is None:
        raise PoolError(
            errors.BAD_ARGUMENT,
            f"custom field {key!r} is not defined for {target_type}; define it first",
        )
    return row


def _decode(text: str, data_type: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        if data_type in ("STRING", "SELECT", "DATETIME"):
            return text  # tolerate a raw (not JSON-encoded) string
        raise PoolError(errors.BAD_ARGUMENT, f"value is not valid JSON for {data_type}") from None


def encode_value(key: str, data_type: str, value: Any) -> str:
    """The stored text for a decoded ``value`` of ``data_type`` (400 when it does not fit)."""
    def wrong() -> PoolError:
        return PoolError(errors.BAD_ARGUMENT, f"custom field {key!r} expects a {data_type} value")

    if data_type in ("STRING", "SELECT"):
        if not isinstance(value, str):
            raise wrong()
        stored = value
    elif data_type == "NUMBER":
        if isinstance(value, bool) or not isinstance(value, int | float):
            if isinstance(value, str):
                try:
                    value = json.loads(value)
                except ValueError:
                    raise wrong() from None
                return encode_value(key, data_type, value)
            raise wrong()
        if isinstance(value, float) and not math.isfinite(value):
            raise wrong()
        stored = json.dumps(value)
    elif data_type == "BOOLEAN":
        if not isinstance(value, bool):
            raise wrong()
        stored = json.dumps(value)
    elif data_type == "DATETIME":
        if isinstance(value, bool) or not isinstance(value, int | float | str) or value == "":
            raise wrong()
        stored = str(int(value)) if isinstance(value, int | float) else value
    elif data_type == "OBJECT":
        if not isinstance(value, dict | list):
            raise wrong()
        stored = json.dumps(value, ensure_ascii=False)
    else:  # pragma: no cover - the table's CHECK constraint forbids other types
        raise wrong()
    if len(stored) > MAX_VALUE_LENGTH:
        raise PoolError(errors.BAD_ARGUMENT, f"custom field {key!r} value is too long")
    return stored


def prepare_json(conn: sqlite3.Connection, target_type: str, key: str, text: str) -> str:
    """Validate a JSON-text value (setUdv/setUdvBatch) and return the text to store."""
    row = definition(conn, target_type, key)
    return encode_value(key, row["data_type"], _decode(text, row["data_type"]))


def prepare_raw(conn: sqlite3.Connection, target_type: str, key: str, value: Any) -> str:
    """Validate an already decoded value (register ``params``) and return the text to store."""
    row = definition(conn, target_type, key)
    return encode_value(key, row["data_type"], value)


def parse_params(params: Any) -> list[tuple[str, Any]]:
    """The ``(key, value)`` pairs of a register or login input's ``params`` (the SDK's
    ``custom_data``: a JSON string of ``[{"key", "value"}]``); 400 when malformed."""
    if not params:
        return []
    if not isinstance(params, str):
        raise PoolError(errors.BAD_ARGUMENT, "params must be a JSON string")
    try:
        decoded = json.loads(params)
    except ValueError:
        raise PoolError(errors.BAD_ARGUMENT, "params must be a JSON string") from None
    if not isinstance(decoded, list):
        raise PoolError(errors.BAD_ARGUMENT, "params must be a JSON list of {key, value}")
    pairs = []
    for item in decoded:
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            raise PoolError(errors.BAD_ARGUMENT, "params items must be {key, value}")
        pairs.append((item["key"], item.get("value")))
    return pairs


def prepare_params(conn: sqlite3.Connection, params: Any) -> list[tuple[str, str]]:
    """A user's ``params`` checked against the USER definitions: the ``(key, text)`` pairs
    to store (400 for an undefined key or a value of the wrong type)."""
    return [(key, prepare_raw(conn, USER, key, value)) for key, value in parse_params(params)]


def store(conn: sqlite3.Connection, target_type: str, target_id: str, key: str,
          value: str, now: float) -> None:
    """Upsert one value (``now``: the pool's clock)."""
    conn.execute(
        "INSERT INTO udf_values(target_type, target_id, key, value, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT(target_type, target_id, key)"
        " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        (target_type, target_id, key, value, now),
    )


def remove(conn: sqlite3.Connection, target_type: str, target_id: str, key: str) -> None:
    """Delete one value (the key must be defined)."""
    definition(conn, target_type, key)
    conn.execute(
        "DELETE FROM udf_values WHERE target_type = ? AND target_id = ? AND key = ?",
        (target_type, target_id, key),
    )


def values(conn: sqlite3.Connection, target_type: str, target_id: str) -> list[dict[str, Any]]:
    """Every value set on the target: ``[{key, dataType, value, label}]``."""
    rows = conn.execute(
        "SELECT v.key, d.data_type, v.value, d.label FROM udf_values v"
        " JOIN udf_definitions d ON d.target_type = v.target_type AND d.key = v.key"
        " WHERE v.target_type = ? AND v.target_id = ? ORDER BY v.key",
        (target_type, target_id),
    ).fetchall()
    return [{"key": r["key"], "dataType": r["data_type"], "value": r["value"],
             "label": r["label"]} for r in rows]


def definitions(conn: sqlite3.Connection, target_type: str) -> list[dict[str, Any]]:
    """The pool's field definitions for ``target_type``."""
    rows = conn.execute(
        "SELECT * FROM udf_definitions WHERE target_type = ? ORDER BY key", (target_type,)
    ).fetchall()
    return [{"targetType": r["target_type"], "key": r["key"], "dataType": r["data_type"],
             "label": r["label"], "options": r["options"]} for r in rows]


def define(conn: sqlite3.Connection, target_type: str, key: str, data_type: str,
           label: str | None = None) -> None:
    """Create a definition if missing (idempotent)."""
    conn.execute(
        "INSERT OR IGNORE INTO udf_definitions(target_type, key, data_type, label)"
        " VALUES (?, ?, ?, ?)",
        (target_type, key, data_type, label),
    )
