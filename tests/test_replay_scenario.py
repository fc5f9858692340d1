"""A flow recorded after support staff applied a scenario (the Support page's way) names it in the
transcript's header, with markers only; the replay applies it on a fresh pool and signs in as
its user: forced reset, new password, TOTP second step, all outcome codes alike."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest

from authing_desktop.api.errors import AuthingError
from authing_desktop.api.self_service_models import MfaChallenge
from authing_desktop.presenters.replay import ReplayPresenter
from authing_desktop.presenters.transcript import TranscriptPresenter
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.app_services import AppServices
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool
from tests.fixtures.pool_services import connected_services

DOCS_SCENARIO = Path(__file__).resolve().parents[1] / "docs" / "scenarios" / "forced-reset.toml"
NEW_PASSWORD = "Replayed-passw0rd"  # noqa: S105 - test data


@pytest.fixture
def fresh_services(qloop: Any, qtbot: Any, app_paths: AppPaths,
                   make_pool: Callable[..., RunningPool]) -> Iterator[AppServices]:
    services = connected_services(qtbot, app_paths, make_pool())
    yield services
    drive(qtbot, services.aclose())


def _replay(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "authing_desktop", "replay", *args],
                          capture_output=True, text=True, timeout=90, check=False)


def _record(qtbot: Any, services: AppServices, path: Path) -> dict[str, Any]:
    with DOCS_SCENARIO.open("rb") as handle:
        user = tomllib.load(handle)["users"][0]
    drive(qtbot, services.local_pool_admin.apply_file(DOCS_SCENARIO))
    presenter = TranscriptPresenter(services.transcripts, services.connection, services.tasks,
                                    local_pool_admin=services.local_pool_admin)
    presenter.start()
    qtbot.waitUntil(lambda: presenter.recording, timeout=10_000)
    client = services.session.client

    async def flow() -> None:
        with pytest.raises(AuthingError) as caught:
            await client.login_by_email(user["email"], user["password"])
        assert caught.value.code == 2058
        await client.reset_password_with_force_reset(caught.value.data["token"],
                                                     user["password"], NEW_PASSWORD)
        with pytest.raises(AuthingError) as second:
            await client.login_by_email(user["email"], NEW_PASSWORD)
        challenge = MfaChallenge.from_error(second.value)
        assert challenge is not None
        await client.verify_totp_mfa(challenge.mfa_token, pyotp.TOTP(user["totpSecret"]).now())
        await client.get_current_user()

    drive(qtbot, flow(), timeout_ms=20_000)
    presenter.stop()
    assert presenter.save(path)
    presenter.deleteLater()
    text = path.read_text(encoding="utf-8")
    for secret in (user["email"], user["password"], user["totpSecret"], NEW_PASSWORD):
        assert secret not in text, secret
    return dict(user)


def test_a_flow_with_a_scenario_replays_on_a_fresh_pool(
        qtbot: Any, fresh_services: AppServices, tmp_path: Path) -> None:
    path = tmp_path / "flow.json"
    _record(qtbot, fresh_services, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    scenario = document["scenario"]
    assert scenario["name"] == "forced-reset" and len(scenario["sha256"]) == 64
    (entry,) = scenario["users"]
    assert entry["entry"] == 0 and entry["email"].endswith("]@acme.example")
    assert entry["password"].startswith("[password-")
    assert [c["code"] for c in document["calls"]][:4] == [2058, 200, 1635, 200]

    # Not found next to the transcript: refused, saying where it looked.
    missing = _replay(str(path))
    assert missing.returncode == 2
    assert "needs the scenario 'forced-reset'" in missing.stderr
    assert str(tmp_path / "forced-reset.toml") in missing.stderr

    shutil.copy(DOCS_SCENARIO, tmp_path / "forced-reset.toml")
    result = _replay(str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "scenario 'forced-reset' applied" in lines[0]
    calls = document["calls"]
    assert lines[-1] == f"{len(calls)}/{len(calls)} outcome codes match."
    assert "warning" not in result.stderr


def test_a_changed_scenario_file_is_used_with_a_warning(
        qtbot: Any, fresh_services: AppServices, tmp_path: Path) -> None:
    path = tmp_path / "flow.json"
    _record(qtbot, fresh_services, path)
    changed = tmp_path / "elsewhere" / "changed.toml"
    changed.parent.mkdir()
    changed.write_text(DOCS_SCENARIO.read_text(encoding="utf-8").replace(
        'description = "', 'description = "Changed: '), encoding="utf-8")
    result = _replay(str(path), "--scenario", str(changed), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "changed.toml differs from the scenario 'forced-reset'" in result.stderr
    assert json.loads(result.stdout)["all_match"] is True


def test_the_support_page_replay_applies_the_scenario_found_next_to_the_transcript(
        qtbot: Any, fresh_services: AppServices, tmp_path: Path) -> None:
    path = tmp_path / "flow.json"
    _record(qtbot, fresh_services, path)
    presenter = ReplayPresenter(fresh_services.tasks, fresh_services.warm_up,
                                fresh_services.connection)
    try:
        presenter.replay(path)
        qtbot.waitUntil(lambda: not presenter.busy, timeout=30_000)
        assert presenter.error.startswith(
            "This flow was recorded with the scenario “forced-reset”. Put its file")
        (tmp_path / "scenarios").mkdir()
        shutil.copy(DOCS_SCENARIO, tmp_path / "scenarios" / "forced-reset.toml")
        presenter.replay(path)
        qtbot.waitUntil(lambda: not presenter.busy, timeout=60_000)
        assert presenter.error == ""
        assert presenter.report is not None and presenter.report.all_match
        assert presenter.report.created_users == 0  # the scenario made the user
    finally:
        presenter.deleteLater()
