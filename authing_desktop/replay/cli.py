"""`authing-desktop replay FILE [--pool URL [--admin-token-file FILE]]`: replay a flow
transcript and compare outcomes.

Without ``--pool`` a fresh local pool process is started in a temporary directory (and removed
after); its ready line gives the admin token its outbox needs. A running pool's token comes from
``--admin-token-file``: a file (``-``: standard input) holding the token, or the whole JSON ready
line ``pool serve`` printed. A file, not an option value: a command line is visible to every
user of the computer. Prints one row per call (original vs replayed outcome code); exits 0 when
all match, 1 when some differ, 2 when the transcript or the pool cannot be used.

A transcript that names a scenario (docs/scenarios.md) gets it applied on the fresh pool first
(``--scenario FILE``, else the file of that name next to the transcript); its users stand for
the ones the transcript recorded. A pool given with ``--pool`` is taken as it is: apply the
scenario to it first (``pool admin apply``); its users are still used for the markers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from authing_desktop.api.local_pool_admin import LocalPoolRouteError
from authing_desktop.pool_process import temporary_pool
from authing_desktop.replay.engine import (
    Replayer,
    ReplayError,
    ReplayReport,
    fresh_target,
    read_target,
)
from authing_desktop.replay.scenario_setup import (
    ReplayScenario,
    ScenarioMissing,
    apply_to,
    scenario_for,
)
from authing_desktop.replay.transcript_file import Transcript, TranscriptError, load_transcript

EXIT_MATCH, EXIT_MISMATCH, EXIT_UNUSABLE = 0, 1, 2


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = argparse.ArgumentParser(
        prog="authing-desktop replay",
        description="Replay a flow transcript on a fresh local pool (or the one at --pool) "
        "and compare each call's outcome code with the original.")
    parser.add_argument("file", type=Path, help="the transcript (.json, or a crash-left "
                        ".recording.jsonl journal)")
    parser.add_argument("--pool", metavar="URL",
                        help="replay on the local pool at URL instead of a fresh one")
    parser.add_argument("--admin-token-file", metavar="FILE", type=Path,
                        help="with --pool: a file holding that pool's admin token, or the JSON "
                        "ready line 'pool serve' printed ('-' reads standard input); needed to "
                        "read codes from its outbox")
    parser.add_argument("--scenario", metavar="FILE", type=Path,
                        help="the scenario to set the pool up with (default: the one the "
                        "transcript names, found next to it)")
    parser.add_argument("--json", action="store_true",
                        help="print the outcomes as one JSON document instead of a table")
    args = parser.parse_args(argv)
    if args.admin_token_file and not args.pool:
        parser.error("--admin-token-file goes with --pool (a fresh pool's token is known)")
    try:
        transcript = load_transcript(args.file)
    except TranscriptError as error:
        print(f"replay: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    try:
        scenario = scenario_for(transcript, args.file, args.scenario)
        if scenario is not None and not scenario.digest_matches:
            print(f"replay: warning: {scenario.path.name} differs from the scenario "
                  f"{scenario.name!r} the transcript was recorded with; replaying with it "
                  "anyway", file=sys.stderr)
        admin_token = read_admin_token(args.admin_token_file) if args.admin_token_file else ""
        report = asyncio.run(_replay(transcript, args.pool, admin_token, scenario))
    except (ReplayError, OSError, RuntimeError, ScenarioMissing, LocalPoolRouteError) as error:
        print(f"replay: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    code = EXIT_MATCH if report.all_match else EXIT_MISMATCH
    try:
        if args.json:
            json.dump(report_document(report), out, indent=2)
            out.write("\n")
        else:
            where = args.pool.rstrip("/") if args.pool else "a fresh local pool"
            applied = f", scenario {scenario.name!r} applied" if scenario is not None and \
                not args.pool else ""
            print(f"Replayed {len(report.outcomes)} calls of {args.file.name} on {where}"
                  f" ({report.created_users} user(s) recreated first{applied}).", file=out)
            print_table(report, out)
        out.flush()
    except BrokenPipeError:
        # The reader stopped early (``| head``): what it wanted was written. Point stdout at
        # /dev/null so that Python's own flush at exit does not fail on the closed pipe.
        if out is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
    return code


def report_document(report: ReplayReport) -> dict[str, object]:
    return {
        "all_match": report.all_match,
        "created_users": report.created_users,
        "calls": [{"index": o.index, "operation": o.operation, "original": o.original_code,
                   "replayed": o.replayed_code, "match": o.matches} for o in report.outcomes],
    }


def print_table(report: ReplayReport, out: TextIO) -> None:
    width = max([len("operation"), *(len(o.operation) for o in report.outcomes)])
    print(f"{'#':>4}  {'operation':<{width}}  {'original':>8}  {'replayed':>8}", file=out)
    for o in report.outcomes:
        flag = "" if o.matches else "  <- differs"
        print(f"{o.index:>4}  {o.operation:<{width}}  {_code(o.original_code):>8}  "
              f"{_code(o.replayed_code):>8}{flag}", file=out)
    matching = len(report.outcomes) - len(report.mismatches)
    print(f"{matching}/{len(report.outcomes)} outcome codes match.", file=out)


def _code(code: int | None) -> str:
    return "-" if code is None else str(code)


def read_admin_token(path: Path) -> str:
    """The admin token in ``path`` (``-``: standard input): the bare token, or the JSON ready
    line of ``pool serve``. `ReplayError` when there is none (the text is never quoted)."""
    text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    text = text.strip()
    if text.startswith("{"):
        try:
            token = json.loads(text.splitlines()[0]).get("admin_token")
        except (ValueError, AttributeError):
            token = None
    else:
        token = text if text and not any(ch.isspace() for ch in text) else None
    if not isinstance(token, str) or not token:
        raise ReplayError(f"{path} holds no admin token (the token itself, or the JSON ready "
                          "line of 'pool serve')")
    return token


async def _replay(transcript: Transcript, url: str | None, admin_token: str,
                  scenario: ReplayScenario | None) -> ReplayReport:
    if url:
        target = await read_target(url, admin_token=admin_token)
        return await Replayer(transcript, target, scenario=scenario).run()
    async with temporary_pool() as endpoint:
        target = fresh_target(endpoint)
        if scenario is not None:
            await apply_to(target, scenario)
        return await Replayer(transcript, target, scenario=scenario).run()
