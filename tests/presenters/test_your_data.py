"""Your data against the local pool: the export holds every section (JSON + CSV) and no
secret (the token, the password, the recovery code, the TOTP secret are scanned for); deleting
the account needs a proof and the typed confirmation, then sign-in finds no user (2004)."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pyotp
import pytest

from authing_desktop.api.errors import AuthingError
from authing_desktop.presenters.step_up import EXPORT_ACTION
from authing_desktop.presenters.your_data import Proof, YourDataPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.data_export import SECTIONS, strip_secrets
from tests.fixtures.account_session import (
    ACCOUNT_PASSWORD,
    DEMO_PASSWORD,
    SignedInSession,
    pool_client,
    settle,
)
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique


def test_strip_secrets_at_any_depth() -> None:
    token = "eyJhbGciOi.eyJzdWIiOiJ4In0.sig"
    data = {"id": "u1", "token": "t", "Password": "p", "nested": [
        {"accessToken": "a", "keep": "yes", "mfa_token": "m", "recoveryCode": "r"},
        token, "plain"], "note": f"Bearer {token}", "session": "xx-SECRET-xx",
        "totpSecret": "s", "qrcode_uri": "otpauth://"}
    assert strip_secrets(data, ("SECRET",)) == {
        "id": "u1", "nested": [{"keep": "yes"}, "plain"]}


def test_export_has_every_section_and_no_secret(
        qtbot: Any, app_services: AppServices, account: SignedInSession,
        tmp_path: Path) -> None:
    client = account.client
    enrollment = drive(qtbot, client.associate_mfa_authenticator())
    drive(qtbot, client.confirm_associate_mfa_authenticator(
        pyotp.TOTP(str(enrollment.secret)).now()))
    drive(qtbot, client.set_udv("age", 42))
    drive(qtbot, client.create_device("export-test-device", name="Export laptop"))
    secrets = {"token": str(client.token), "password": ACCOUNT_PASSWORD,
               "recovery code": str(enrollment.recovery_code),
               "TOTP secret": str(enrollment.secret)}

    presenter = YourDataPresenter(account, app_services.tasks)
    steps: list[tuple[int, int, str]] = []
    presenter.export_progress.connect(lambda done, total, name: steps.append(
        (done, total, name)))
    result = settle(qtbot, presenter.export(tmp_path), timeout_ms=20_000)
    assert result is not None and presenter.last_export is result
    assert account.confirmed == [EXPORT_ACTION]  # asked to confirm it is me first
    assert [name for _d, _t, name in steps] == [*SECTIONS, ""]
    assert steps[-1] == (len(SECTIONS), len(SECTIONS), "")

    assert result.folder.parent == tmp_path
    assert stat.S_IMODE(result.json_file.stat().st_mode) == 0o600
    document = json.loads(result.json_file.read_text(encoding="utf-8"))
    sections = document["sections"]
    assert document["format"] == "authing-desktop-export"
    assert list(sections) == list(SECTIONS)
    assert sections["profile"]["email"] == account.account
    assert any(item.get("key") == "age" for item in sections["customData"])
    assert any(d.get("device", {}).get("name") == "Export laptop"
               for d in sections["devices"])
    assert sections["loginHistory"] and sections["loginHistory"][0]["success"] is True
    assert {p.name for p in result.csv_files} == {
        "customData.csv", "roles.csv", "departments.csv", "resources.csv",
        "applications.csv", "devices.csv", "loginHistory.csv"}
    history_csv = (result.folder / "loginHistory.csv").read_text(encoding="utf-8")
    assert history_csv.splitlines()[0].count(",") >= 3 and "loginByEmail" in history_csv

    for path in result.folder.iterdir():
        text = path.read_text(encoding="utf-8")
        for what, secret in secrets.items():
            assert secret not in text, f"the {what} is in {path.name}"
        assert "eyJ" not in text


def test_export_of_the_demo_user_fills_the_access_sections(
        qtbot: Any, app_services: AppServices, demo_account: SignedInSession,
        tmp_path: Path) -> None:
    presenter = YourDataPresenter(demo_account, app_services.tasks)
    result = settle(qtbot, presenter.export(tmp_path), timeout_ms=20_000)
    assert result is not None
    sections = json.loads(result.json_file.read_text(encoding="utf-8"))["sections"]
    for name in ("roles", "orgs", "departments", "resources", "applications"):
        assert sections[name], name
    assert result.counts["roles"] == len(sections["roles"])
    text = result.json_file.read_text(encoding="utf-8")
    assert str(demo_account.client.token) not in text and DEMO_PASSWORD not in text

    # Not a folder: said, nothing written.
    assert settle(qtbot, presenter.export(tmp_path / "missing")) is None
    assert presenter.error == "Choose an existing folder to export to."


def test_delete_account_with_password_then_sign_in_finds_no_user(
        qtbot: Any, app_services: AppServices, account: SignedInSession,
        pool: RunningPool) -> None:
    ended: list[str] = []

    async def end_session(reason: str) -> None:
        ended.append(reason)

    presenter = YourDataPresenter(account, app_services.tasks, end_session=end_session)
    assert presenter.proofs() == (Proof.PASSWORD, Proof.EMAIL)
    assert presenter.confirmation_text == account.account
    assert presenter.confirmation_matches(f"  {account.account.upper()} ")

    assert settle(qtbot, presenter.delete(Proof.PASSWORD, "", "nope")) is False
    assert set(presenter.field_errors) == {"password", "confirmation"}
    assert settle(qtbot, presenter.delete(Proof.SMS, "123456", account.account)) is False
    assert set(presenter.field_errors) == {"code"}  # no phone bound
    assert settle(qtbot, presenter.delete(
        Proof.PASSWORD, "Not-my-pass-1", account.account)) is False
    assert presenter.field_errors == {"password": "Wrong account or password."}
    assert ended == []

    deleted: list[bool] = []
    presenter.deleted.connect(lambda: deleted.append(True))
    assert settle(qtbot, presenter.delete(
        Proof.PASSWORD, ACCOUNT_PASSWORD, account.account)) is True
    assert deleted == [True]
    assert ended == ["Your account was deleted. You are signed out."]
    assert account.client.token is None

    async def sign_in_again() -> None:
        async with pool_client(pool) as other:
            await other.login_by_email(account.account, ACCOUNT_PASSWORD)

    with pytest.raises(AuthingError) as caught:
        drive(qtbot, sign_in_again())
    assert caught.value.code == 2004


def test_delete_account_with_an_email_code(qtbot: Any, app_services: AppServices,
                                           pool: RunningPool) -> None:
    email = f"{unique('del')}@example.com"

    async def register() -> SignedInSession:
        client = pool_client(pool)
        await client.register_by_email(email, ACCOUNT_PASSWORD)
        user = await client.login_by_email(email, ACCOUNT_PASSWORD)
        return SignedInSession(client, user, email, ACCOUNT_PASSWORD)

    session = drive(qtbot, register())
    try:
        presenter = YourDataPresenter(session, app_services.tasks)
        sent: list[Proof] = []
        presenter.code_sent.connect(sent.append)
        assert settle(qtbot, presenter.send_code(Proof.EMAIL)) is True
        assert sent == [Proof.EMAIL] and presenter.cooldown.active
        code = pool.latest_code(email, "CHANNEL_DELETE_ACCOUNT")
        wrong = "000000" if code != "000000" else "111111"
        assert settle(qtbot, presenter.delete(Proof.EMAIL, wrong, email)) is False
        assert "code" in presenter.field_errors
        assert settle(qtbot, presenter.delete(Proof.EMAIL, code, email)) is True

        async def sign_in_again() -> None:
            async with pool_client(pool) as other:
                await other.login_by_email(email, ACCOUNT_PASSWORD)

        with pytest.raises(AuthingError) as caught:
            drive(qtbot, sign_in_again())
        assert caught.value.code == 2004
    finally:
        drive(qtbot, session.client.aclose())
