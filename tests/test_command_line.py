"""The GUI's options: the quick parser (no argparse before the first frame) reads the usual
command lines exactly as the argparse parser does, and leaves everything else to it."""

from __future__ import annotations

import pytest

from authing_desktop.app import _SWITCHES, _argument_parser, _parse_plain, parse_args

USUAL = [
    [],
    ["--debug"],
    ["--no-local-pool", "--basedir", "/tmp/some dir"],
    ["--basedir=/tmp/x", "--first-paint-exit", "--no-local-pool"],
    ["--smoke-test", "--instance-events", "--debug", "--basedir", "relative/dir"],
    ["--debug", "--debug"],
]
FOR_ARGPARSE = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["--no-local"],  # an abbreviation argparse accepts
    ["--basedir"],  # a missing value
    ["--basedir", "--debug"],
    ["--basedir="],
    ["--bogus"],
    ["somefile"],
]


@pytest.mark.parametrize("args", USUAL)
def test_the_usual_command_lines_read_as_argparse_reads_them(args: list[str]) -> None:
    plain = _parse_plain(args)
    assert plain is not None
    assert plain == _argument_parser().parse_args(args)


@pytest.mark.parametrize("args", FOR_ARGPARSE)
def test_everything_else_goes_to_argparse(args: list[str]) -> None:
    assert _parse_plain(args) is None


def test_every_switch_is_one_argparse_knows() -> None:
    for switch, name in _SWITCHES.items():
        assert getattr(_argument_parser().parse_args([switch]), name) is True


def test_argparse_still_reports_mistakes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_args(["--bogus"])
    assert stopped.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    assert parse_args(["--no-local"]).no_local_pool is True
