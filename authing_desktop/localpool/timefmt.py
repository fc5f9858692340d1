"""Timestamps: stored as epoch seconds (REAL), sent as ISO 8601 like Authing does."""

from __future__ import annotations

import datetime as dt


def iso(epoch: float | None) -> str | None:
    """``2021-09-24T07:43:04+00:00`` for an epoch-seconds value (None stays None)."""
    if epoch is None:
        return None
    return dt.datetime.fromtimestamp(float(epoch), dt.UTC).isoformat(timespec="seconds")
