"""Crash reports: redacted before anything sees them, each section guarded, deduped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from authing_desktop.services.crash_handler import CrashHandler
from authing_desktop.services.crash_report import build_report, fingerprint, write_report

SECRET_MESSAGE = "login failed: password=hunter2 token=abcdef0123 for alice@example.com"


def _raise(message: str) -> BaseException:
    try:
        raise ValueError(message)
    except ValueError as error:
        return error


def _chained() -> BaseException:
    try:
        try:
            raise KeyError("refresh_token=rt-secret-value")
        except KeyError as inner:
            raise RuntimeError("session restore failed") from inner
    except RuntimeError as error:
        return error


def test_the_report_is_redacted() -> None:
    report = build_report(_raise(SECRET_MESSAGE), where="test",
                          context={"profile": "acme", "password": "p4ss"})
    for secret in ("hunter2", "abcdef0123", "alice@", "p4ss"):
        assert secret not in report.text
    assert "a***@example.com" in report.text
    assert "profile=acme" in report.text
    assert report.summary.startswith("ValueError: login failed: password=[redacted]")
    assert "test_crash_report.py" in report.text  # the traceback is there
    assert "== Versions ==" in report.text


def test_chained_exceptions_are_included_and_redacted() -> None:
    report = build_report(_chained())
    assert "KeyError" in report.text and "RuntimeError: session restore failed" in report.text
    assert "rt-secret-value" not in report.text


def test_a_failing_section_does_not_break_the_report() -> None:
    def broken() -> str:
        raise OSError("disk on fire")

    report = build_report(_raise("x"), extra_sections={"Broken": broken, "Fine": lambda: "ok"})
    assert "== Broken ==\n(this section failed: OSError)" in report.text
    assert "== Fine ==\nok" in report.text


def test_the_fingerprint_ignores_the_message() -> None:
    def fail(message: str) -> BaseException:
        try:
            raise ValueError(message)
        except ValueError as error:
            return error

    assert fingerprint(fail("a")) == fingerprint(fail("b"))
    assert fingerprint(fail("a")) != fingerprint(_raise("a"))


def test_only_the_newest_reports_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("authing_desktop.services.crash_report.MAX_REPORTS_KEPT", 3)
    for n in range(5):
        report = build_report(_raise(f"n={n}"))
        (tmp_path / f"crash-2000010{n}T000000-x.txt").write_text("old")
        write_report(report, tmp_path)
    assert len(list(tmp_path.glob("crash-*.txt"))) == 3


def test_without_a_gui_the_report_goes_to_stderr_redacted(
        qapp: Any, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    handler = CrashHandler(tmp_path / "crashes")
    first = handler.handle(_raise(SECRET_MESSAGE), where="test")
    again = handler.handle(_raise(SECRET_MESSAGE), where="test")
    err = capfd.readouterr().err
    assert first is not None and again is None  # same site: reported once
    assert "unexpected error" in err and "password=[redacted]" in err
    assert "hunter2" not in err
    files = list((tmp_path / "crashes").glob("crash-*.txt"))
    assert len(files) == 1
    assert "hunter2" not in files[0].read_text(encoding="utf-8")


def test_loop_contexts_without_an_exception_are_only_logged(qapp: Any, tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path)
    handler.loop_exception_handler(None, {"message": "Task was destroyed but it is pending!"})  # type: ignore[arg-type]
    assert handler.reports == []
