"""The replay tool and the pool's admin token: a code read from the outbox needs it. The replay
gets it from the ready line of a pool it starts, from ``--admin-token-file`` (CLI) or the app's
own local pool (GUI) for a running one, and stops with a clear message when the pool refuses.

The pool is `local_pool_stub` here: it records the Authorization header the replay sends."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.presenters.replay import ReplayPresenter
from authing_desktop.replay.cli import read_admin_token
from authing_desktop.replay.engine import (
    OutboxRefused,
    Replayer,
    ReplayError,
    ReplayReport,
    read_target,
)
from authing_desktop.replay.transcript_file import (
    Transcript,
    transcript_document,
    transcript_header,
)
from authing_desktop.services.app_paths import AppPaths
from tests.fixtures.app_services import drive
from tests.services.local_pool_stub import LocalPoolStub, local_pool_stub
from tests.services.test_local_pool_admin_token import MESSAGE, TOKEN, _endpoint, _services

STUB_PATH = "/api/v2/stub-verify"


def _document() -> dict[str, Any]:
    """One call whose code came from the outbox (a ``[code-1]`` marker)."""
    head = transcript_header(app_version="t", pool_version="unknown", language="en-US",
                             ui_language="en", profile={"kind": "local"})
    call = {"t": 0.0, "kind": "rest", "operation": STUB_PATH, "method": "POST",
            "path": STUB_PATH, "duration": 0.01, "code": 200, "message": "", "status": 200,
            "authorization": None, "variables": {"code": "[code-1]"},
            "response": {"code": 200, "message": "", "data": None}}
    return transcript_document(head, [call], 1.0)


def _replay(url: str, token: str) -> ReplayReport:
    async def run() -> ReplayReport:
        target = await read_target(url, admin_token=token)
        return await Replayer(Transcript(_document()), target).run()

    return asyncio.run(run())


def _code_sent(stub: LocalPoolStub) -> str:
    (call,) = [s for s in stub.seen if s.path == STUB_PATH]
    return str(json.loads(call.body)["code"])


def test_the_replay_reads_the_outbox_with_the_token() -> None:
    with local_pool_stub(TOKEN, [MESSAGE]) as stub:
        report = _replay(stub.url, TOKEN)
    assert report.all_match
    assert stub.authorizations("/_localpool/outbox") == [f"Bearer {TOKEN}"]
    assert stub.authorizations("/_localpool/info") == [None]
    assert _code_sent(stub) == MESSAGE["code"]


def test_a_refused_outbox_stops_the_replay_with_a_reason() -> None:
    with local_pool_stub(TOKEN, [MESSAGE]) as stub, pytest.raises(OutboxRefused) as caught:
        _replay(stub.url, "")
    assert "admin token" in str(caught.value)
    assert not [s for s in stub.seen if s.path == STUB_PATH]  # nothing sent without the code


def test_the_token_file_holds_the_token_or_the_ready_line(tmp_path: Path) -> None:
    bare, ready = tmp_path / "bare", tmp_path / "ready.json"
    bare.write_text(f"{TOKEN}\n")
    ready.write_text(json.dumps({"event": "ready", "url": "http://x", "admin_token": TOKEN})
                     + "\n")
    assert read_admin_token(bare) == TOKEN and read_admin_token(ready) == TOKEN
    for name, text in (("empty", "\n"), ("no-token.json", '{"event": "ready"}'),
                       ("two-words", f"{TOKEN} {TOKEN}")):
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(ReplayError) as caught:
            read_admin_token(path)
        assert TOKEN not in str(caught.value)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "authing_desktop", "replay", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_the_cli_sends_the_token_from_its_file(tmp_path: Path) -> None:
    transcript, token_file = tmp_path / "t.json", tmp_path / "ready.json"
    transcript.write_text(json.dumps(_document()))
    token_file.write_text(json.dumps({"event": "ready", "admin_token": TOKEN}) + "\n")
    with local_pool_stub(TOKEN, [MESSAGE]) as stub:
        result = _cli(str(transcript), "--pool", stub.url, "--admin-token-file", str(token_file))
        assert result.returncode == 0, result.stdout + result.stderr
        assert stub.authorizations("/_localpool/outbox") == [f"Bearer {TOKEN}"]
        assert TOKEN not in result.stdout + result.stderr

        refused = _cli(str(transcript), "--pool", stub.url)
        assert refused.returncode == 2 and "admin token" in refused.stderr
    alone = _cli(str(transcript), "--admin-token-file", str(token_file))
    assert alone.returncode == 2 and "goes with --pool" in alone.stderr


def test_the_gui_replay_uses_the_app_pools_token_for_that_pool_only(
        qtbot: Any, qloop: Any, app_paths: AppPaths, tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(_document()))
    with local_pool_stub(TOKEN, [MESSAGE]) as app_pool, \
            local_pool_stub("another-pools-token", [MESSAGE]) as other_pool:
        services = _services(qtbot, app_paths, _endpoint(app_pool.url, TOKEN))
        try:
            presenter = ReplayPresenter(services.tasks, services.warm_up, services.connection)
            presenter.replay(path, app_pool.url + "/")
            qtbot.waitUntil(lambda: presenter.report is not None, timeout=10_000)
            assert presenter.report is not None and presenter.report.all_match
            assert app_pool.authorizations("/_localpool/outbox") == [f"Bearer {TOKEN}"]

            qtbot.waitUntil(lambda: not presenter.busy, timeout=5_000)
            presenter.replay(path, other_pool.url)
            qtbot.waitUntil(lambda: bool(presenter.error), timeout=10_000)
            # The app's token never goes to another pool.
            assert other_pool.authorizations("/_localpool/outbox") == [None]
            assert presenter.error.startswith("That pool did not let the replay read the codes")
        finally:
            drive(qtbot, services.aclose())
