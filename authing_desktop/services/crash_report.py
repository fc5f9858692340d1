"""Crash reports: the text a user may copy into a bug report, built so it cannot leak.

Every section is built in its own ``try`` (a report must never crash itself), everything that
can carry data (exception messages, paths, context) goes through `redact`, and the report is
written to disk only after redaction. Source lines in the traceback are the app's own code and
are kept; file paths lose the home directory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from authing_desktop import __version__
from authing_desktop.redaction import redact_home, redact_text

MAX_CHAIN = 5
MAX_REPORTS_KEPT = 20


@dataclass(frozen=True)
class CrashReport:
    """A redacted crash report. ``summary`` is one line (exception type and redacted message),
    ``text`` the whole report, ``fingerprint`` identifies the crash site (for dedupe)."""

    summary: str
    text: str
    fingerprint: str


def build_report(
    error: BaseException,
    *,
    where: str = "",
    context: Mapping[str, object] | None = None,
    extra_sections: Mapping[str, Callable[[], str]] | None = None,
) -> CrashReport:
    """Build the report for ``error`` (its ``__traceback__`` and chained causes).

    ``where`` says what caught it (excepthook, event loop, task); ``context`` holds extra
    key/values (redacted by key whitelist); ``extra_sections`` are late-bound section builders
    (e.g. the app's settings summary), each guarded like the built-in ones.
    """
    sections: list[tuple[str, Callable[[], str]]] = [
        ("Error", lambda: _error_section(error, where)),
        ("Traceback", lambda: _traceback_section(error)),
        ("Context", lambda: _context_section(context or {})),
        ("Versions", _versions_section),
        ("System", _system_section),
    ]
    sections.extend((extra_sections or {}).items())
    parts = [f"Authing Desktop crash report, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M:%S} UTC"]
    for title, build in sections:
        try:
            body = redact_text(redact_home(build()))
        except Exception as failure:  # noqa: BLE001 - a report section must never raise
            body = f"(this section failed: {type(failure).__name__})"
        if body:
            parts.append(f"== {title} ==\n{body}")
    summary = _safe(lambda: _summary(error), fallback=type(error).__name__)
    return CrashReport(summary=summary, text="\n\n".join(parts) + "\n",
                       fingerprint=_safe(lambda: fingerprint(error), fallback="unknown"))


def fingerprint(error: BaseException) -> str:
    """A short hash of the exception type and the frames (file, function, line): the same bug
    hit again gives the same value, whatever the message says."""
    import hashlib  # here: it loads OpenSSL, which start-up does not need

    digest = hashlib.sha256(type(error).__qualname__.encode())
    for frame in traceback.extract_tb(error.__traceback__):
        digest.update(f"{Path(frame.filename).name}:{frame.name}:{frame.lineno}".encode())
    return digest.hexdigest()[:12]


def write_report(report: CrashReport, crash_dir: Path) -> Path:
    """Write the (already redacted) report into ``crash_dir``; keeps the newest few."""
    crash_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    path = crash_dir / f"crash-{stamp}-{report.fingerprint}.txt"
    descriptor, temp_name = tempfile.mkstemp(prefix=".crash-", dir=crash_dir)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(report.text)
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    reports = sorted(crash_dir.glob("crash-*.txt"))
    for old in reports[:-MAX_REPORTS_KEPT]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path


def _summary(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    first = message[0] if message else ""
    text = f"{type(error).__name__}: {first}" if first else type(error).__name__
    return redact_text(redact_home(text))[:300]


def _error_section(error: BaseException, where: str) -> str:
    lines = [_summary(error)]
    if where:
        lines.append(f"caught by: {where}")
    return "\n".join(lines)


def _traceback_section(error: BaseException) -> str:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < MAX_CHAIN:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__)
    blocks = []
    for item in reversed(chain):
        frames = traceback.format_list(traceback.extract_tb(item.__traceback__))
        blocks.append("".join(frames) + _summary(item))
    return "\n\nwhich led to:\n".join(blocks)


def _context_section(context: Mapping[str, object]) -> str:
    return "\n".join(f"{key}={value}" for key, value in context.items())


def _versions_section() -> str:
    lines = [f"authing-desktop {__version__}", f"Python {platform.python_version()}"]
    try:
        import PySide6
        from PySide6 import QtCore

        lines.append(f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}")
    except ImportError:
        lines.append("PySide6 not importable")
    lines.append(f"frozen: {bool(getattr(sys, 'frozen', False))}")
    return "\n".join(lines)


def _system_section() -> str:
    return f"{platform.system()} {platform.release()} ({platform.machine()})"


def _safe(build: Callable[[], str], *, fallback: str) -> str:
    try:
        return build()
    except Exception:  # noqa: BLE001 - the report must never raise
        return fallback


def exc_info_error(
    exc_type: type[BaseException], value: BaseException | None, tb: TracebackType | None
) -> BaseException:
    """The exception object of an ``excepthook`` triple (value may be None for odd raises)."""
    if value is None:
        value = exc_type()
    if value.__traceback__ is None and tb is not None:
        value = value.with_traceback(tb)
    return value
