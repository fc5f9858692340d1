"""Walking the JSON of recorded and replayed calls: every string, strings at the same place in
two documents, and a session token in an answer (`replay.engine`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def strings(value: Any) -> Iterator[str]:
    """Every string in ``value`` (a JSON document)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def parallel_strings(recorded: Any, actual: Any, key: str = "") -> Iterator[tuple[str, str, str]]:
    """(normalised key, recorded, actual) for strings at the same place in both."""
    if isinstance(recorded, str) and isinstance(actual, str):
        yield key, recorded, actual
    elif isinstance(recorded, dict) and isinstance(actual, dict):
        for name, item in recorded.items():
            if name in actual:
                yield from parallel_strings(item, actual[name],
                                             name.lower().replace("_", ""))
    elif isinstance(recorded, list) and isinstance(actual, list):
        for old, new in zip(recorded, actual, strict=False):
            yield from parallel_strings(old, new, key)


def session_token(body: Any, depth: int = 0) -> str | None:
    """A user's ``token`` in an answer (GraphQL ``data.<root>.token``, REST ``data.token``)."""
    if not isinstance(body, dict) or depth > 3:
        return None
    token = body.get("token")
    if isinstance(token, str) and token.count(".") == 2 and depth > 0:
        return token
    for item in body.values():
        found = session_token(item, depth + 1)
        if found:
            return found
    return None
