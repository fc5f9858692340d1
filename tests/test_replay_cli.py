"""`authing-desktop replay FILE`: a recorded flow replayed on a fresh pool by the CLI."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from authing_desktop.services.app_services import AppServices
from tests.fixtures.pool import RunningPool
from tests.services.test_transcript import assert_no_secrets, header, recorder_for, run_flow


def replay(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "authing_desktop", "replay", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_recorded_flow_replays_with_identical_codes_on_a_fresh_pool(
        qtbot: Any, pool_services: AppServices, pool: RunningPool, tmp_path: Path) -> None:
    _log, recorder = recorder_for(pool_services, tmp_path)
    recorder.start(header(qtbot, pool_services))
    values = run_flow(qtbot, pool_services, pool)
    path = tmp_path / "flow.json"
    recorder.save(recorder.stop(), path)
    assert_no_secrets(path.read_text(encoding="utf-8"), values)

    result = replay(str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    calls = json.loads(path.read_text())["calls"]
    assert lines[-1] == f"{len(calls)}/{len(calls)} outcome codes match."
    assert "a fresh local pool" in lines[0]
    rows = [line.split() for line in lines[2:-1]]
    assert [row[1] for row in rows] == [c["operation"] for c in calls]
    assert [row[2] for row in rows] == [str(c["code"]) for c in calls]
    assert [row[2] for row in rows] == [row[3] for row in rows]
    # The replay output holds no secret of the original either.
    assert_no_secrets(result.stdout + result.stderr, values)


def test_replay_on_a_given_pool_recreates_users_and_reports_json(
        qtbot: Any, pool_services: AppServices, pool: RunningPool, make_pool: Any,
        tmp_path: Path) -> None:
    from authing_desktop.api.errors import AuthingError
    from tests.fixtures.app_services import drive
    from tests.fixtures.pool import unique

    # The user exists before the recording starts: the replay must create it.
    email = f"{unique('pre')}@example.com"
    client = pool_services.session.client
    drive(qtbot, client.register_by_email(email, "Pre-Passw0rd1"))
    _log, recorder = recorder_for(pool_services, tmp_path)
    recorder.start(header(qtbot, pool_services))

    async def flow() -> None:
        with contextlib.suppress(AuthingError):
            await client.login_by_email(email, "not-it-1A")
        await client.login_by_email(email, "Pre-Passw0rd1")
        await client.get_current_user()
        await client.logout()

    drive(qtbot, flow())
    path = tmp_path / "flow.json"
    recorder.save(recorder.stop(), path)
    other = make_pool()
    result = replay(str(path), "--pool", other.url, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["all_match"] and report["created_users"] == 1
    assert [c["original"] for c in report["calls"]] == [2333, 200, 200, 200]


def test_a_mismatch_exits_1_and_bad_input_exits_2(tmp_path: Path, pool: RunningPool) -> None:
    from authing_desktop.replay.transcript_file import transcript_document, transcript_header

    head = transcript_header(app_version="x", pool_version="unknown", language="en-US",
                             ui_language="en", profile={"kind": "local"})
    # The original read the current user without a sign-in and "succeeded".
    call = {"t": 0.0, "kind": "rest", "operation": "/api/v2/users/me", "method": "GET",
            "path": "/api/v2/users/me", "duration": 0.01, "code": 200, "message": "",
            "status": 200, "authorization": None, "variables": {},
            "response": {"code": 200, "message": "", "data": {"id": "u1"}}}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(transcript_document(head, [call], 0.0)))
    result = replay(str(path), "--pool", pool.url)
    assert result.returncode == 1
    assert "<- differs" in result.stdout and "0/1 outcome codes match." in result.stdout

    path.write_text("{}")
    result = replay(str(path), "--pool", pool.url)
    assert result.returncode == 2 and "not an authing-desktop transcript" in result.stderr
    result = replay(str(tmp_path / "t.json"), "--pool", "http://127.0.0.1:9")
    assert result.returncode == 2


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path, pool: RunningPool) -> None:
    """``replay --json FILE | head``: the pipe closes before the report is written."""
    from authing_desktop.replay.transcript_file import transcript_document, transcript_header

    head = transcript_header(app_version="x", pool_version="unknown", language="en-US",
                             ui_language="en", profile={"kind": "local"})
    call = {"t": 0.0, "kind": "rest", "operation": "/api/v2/users/me", "method": "GET",
            "path": "/api/v2/users/me", "duration": 0.01, "code": 2020, "message": "",
            "status": 200, "authorization": None, "variables": {},
            "response": {"code": 2020, "message": "", "data": None}}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(transcript_document(head, [call], 0.0)))
    process = subprocess.Popen(
        [sys.executable, "-m", "authing_desktop", "replay", str(path), "--pool", pool.url,
         "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `head` that has read all it wanted
    with process.stderr:
        stderr = process.stderr.read()
    assert process.wait(60) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
