"""Catches what nobody else handled (``sys.excepthook``, worker threads, the asyncio loop) and
turns it into a redacted crash report: written to the crash dir, then shown by the attached
view (the crash dialog) or, when no GUI is up yet, printed to stderr as a last resort.

The same crash site is reported once per run (dedupe by traceback fingerprint): a failing
timer must not open a dialog per tick.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import asyncio

    # Imported when a crash is handled: building a report needs platform, traceback and
    # datetime, which start-up does not.
    from authing_desktop.services.crash_report import CrashReport

log = logging.getLogger("authing_desktop.crash")

CrashView = Callable[["CrashReport", "Path | None"], None]


class CrashHandler(QObject):
    """Installs the hooks and reports each distinct crash once."""

    _from_thread = Signal(object, str)

    def __init__(
        self,
        crash_dir: Path,
        *,
        debug: bool = False,
        extra_sections: Mapping[str, Callable[[], str]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._crash_dir = crash_dir
        self._debug = debug
        self._extra_sections = dict(extra_sections or {})
        self._seen: dict[str, int] = {}
        self._view: CrashView | None = None
        self._previous_hooks: tuple[Any, Any] | None = None
        self.reports: list[CrashReport] = []
        # Emitted by other threads only: the automatic connection queues it to this (the UI)
        # thread, where worker-thread crashes are handled.
        self._from_thread.connect(self._handle_queued)

    def add_section(self, title: str, build: Callable[[], str]) -> None:
        """Add a report section (built lazily, guarded, redacted)."""
        self._extra_sections[title] = build

    def attach_view(self, view: CrashView | None) -> None:
        """The GUI's way to show reports; None detaches (window closing)."""
        self._view = view

    def install(self) -> None:
        """Take over ``sys.excepthook`` and ``threading.excepthook``."""
        if self._previous_hooks is None:
            self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks
            self._previous_hooks = None

    def install_loop(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.set_exception_handler(self.loop_exception_handler)
        # Start-up is past its first frame: have the report builder ready, so that reporting
        # a crash later imports nothing.
        import authing_desktop.services.crash_report  # noqa: F401

    def excepthook(
        self,
        exc_type: type[BaseException],
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return  # Ctrl+C before the loop's own handler is in place: not a crash.
        from authing_desktop.services.crash_report import exc_info_error

        self.handle(exc_info_error(exc_type, value, tb), where="excepthook")

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        error = context.get("exception")
        message = str(context.get("message") or "unhandled error in the event loop")
        import asyncio  # loaded long before: it runs this loop

        if isinstance(error, BaseException) and not isinstance(error, asyncio.CancelledError):
            self.handle(error, where=f"event loop: {message}")
        else:
            # e.g. "Task was destroyed but it is pending!": worth a log line, not a dialog.
            from authing_desktop.redaction import redact_text

            log.warning("event loop: %s", redact_text(message))

    def handle(self, error: BaseException, *, where: str = "") -> CrashReport | None:
        """Report ``error``; returns the report, or None when this crash was already reported.
        Never raises."""
        try:
            return self._handle(error, where)
        except Exception as failure:  # noqa: BLE001 - the crash path must not crash
            _last_resort(f"crash handler failed ({type(failure).__name__}) while reporting "
                         f"{type(error).__name__}")
            return None

    def _handle(self, error: BaseException, where: str) -> CrashReport | None:
        from authing_desktop.services.crash_report import build_report, write_report

        report = build_report(error, where=where, extra_sections=self._extra_sections)
        count = self._seen.get(report.fingerprint, 0) + 1
        self._seen[report.fingerprint] = count
        if count > 1:
            log.error("crash %s again (%d times): %s", report.fingerprint, count, report.summary)
            return None
        self.reports.append(report)
        path: Path | None = None
        try:
            path = write_report(report, self._crash_dir)
        except OSError as failure:
            log.error("could not write the crash report: %s", failure.strerror)
        log.error("crash %s: %s%s", report.fingerprint, report.summary,
                  f" (report: {path})" if path else "")
        if self._debug:
            _last_resort(report.text)
        if self._view is not None:
            self._view(report, path)
        elif not self._debug:
            _last_resort(
                "authing-desktop hit an unexpected error: "
                f"{report.summary}\n" + (f"The report was saved to {path}\n" if path else "")
                + report.text)
        return report

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        where = f"thread {args.thread.name if args.thread else '?'}"
        self._from_thread.emit(args.exc_value, where)

    def _handle_queued(self, error: BaseException, where: str) -> None:
        self.handle(error, where=where)


def _last_resort(text: str) -> None:
    # stderr may be closed (pythonw, frozen GUI builds): give up silently then.
    stream = sys.__stderr__
    if stream is None:
        return
    try:
        stream.write(text.rstrip("\n") + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass
