"""The GUI's options, read by argparse."""

from __future__ import annotations

from pathlib import Path

import pytest

from authing_desktop.app import parse_args


def test_the_usual_command_lines() -> None:
    options = parse_args(["--debug", "--no-local-pool", "--basedir", "/tmp/some dir"])
    assert options.debug and options.no_local_pool and not options.smoke_test
    assert options.basedir == Path("/tmp/some dir")
    assert parse_args([]).basedir is None


def test_argparse_still_reports_mistakes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_args(["--bogus"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    assert parse_args(["--no-local"]).no_local_pool is True
