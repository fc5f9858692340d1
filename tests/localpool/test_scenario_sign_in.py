"""The issue's "done when": the scenario in the docs (docs/scenarios/forced-reset.toml) sets up,
on a fresh pool, a user with a forced reset, TOTP on, the custom field ``source``, a role in
namespace ``default`` and a main department; the app's API layer then signs in as that user
(forced reset -> new password -> TOTP second step)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pyotp
import pytest

from authing_desktop.api.error_codes import ErrorCode
from authing_desktop.api.errors import AuthingError
from authing_desktop.api.local_pool_admin import apply_scenario, read_scenario_document
from authing_desktop.api.self_service_models import MfaChallenge
from tests.api.support import client_for, run
from tests.fixtures.pool import RunningPool

DOCS_SCENARIO = Path(__file__).resolve().parents[2] / "docs" / "scenarios" / "forced-reset.toml"
NEW_PASSWORD = "Renewed-passw0rd"  # noqa: S105 - test data


def _user() -> dict[str, object]:
    with DOCS_SCENARIO.open("rb") as handle:
        users = tomllib.load(handle)["users"]
    assert len(users) == 1
    return dict(users[0])


def _sign_in(pool: RunningPool) -> None:
    user = _user()
    email, password = str(user["email"]), str(user["password"])
    totp = pyotp.TOTP(str(user["totpSecret"]))

    async def flow() -> None:
        async with client_for(pool) as client:
            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(email, password)
            assert caught.value.code == ErrorCode.FORCED_RESET
            token = caught.value.data["token"]
            await client.reset_password_with_force_reset(token, password, NEW_PASSWORD)

            with pytest.raises(AuthingError) as caught:
                await client.login_by_email(email, NEW_PASSWORD)
            challenge = MfaChallenge.from_error(caught.value)
            assert challenge is not None and challenge.code == 1635
            assert challenge.factors == ["OTP"]
            signed_in = await client.verify_totp_mfa(challenge.mfa_token, totp.now())
            assert signed_in.email == email and client.token == signed_in.token

            assert (await client.get_udf_value()) == {"source": "import"}
            roles = (await client.list_roles("default")).items
            assert [role.code for role in roles] == ["support-agent"]
            me = await client.get_current_user()
            departments = (await client.list_departments()).items
            main = [d for d in departments if d.is_main_department]
            assert [d.department.code for d in main] == ["tier-2"]
            assert me.nickname == "Expired Ed"

    run(flow())


def test_the_docs_scenario_sent_by_the_app_reproduces_the_forced_reset_user(
        make_pool: Callable[..., RunningPool]) -> None:
    pool = make_pool(demo=False)
    applied = run(apply_scenario(pool.url, read_scenario_document(DOCS_SCENARIO),
                                 admin_token=pool.admin_token))
    assert applied.name == "forced-reset" and len(applied.user_ids) == 1
    assert applied.counts["departments"] == 3
    _sign_in(pool)


def test_pool_serve_applies_the_scenario_once(make_pool: Callable[..., RunningPool],
                                              tmp_path: Path) -> None:
    data_dir = tmp_path / "pool"
    pool = make_pool(demo=False, data_dir=data_dir, scenario=DOCS_SCENARIO)
    pool.stop()
    # Started again on the same data dir: the same file is not applied twice.
    again = make_pool(demo=False, data_dir=data_dir, scenario=DOCS_SCENARIO)
    assert "was applied before" in again.log_path.read_text(encoding="utf-8")
    _sign_in(again)
