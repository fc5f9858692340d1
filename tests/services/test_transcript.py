"""Flow recording through the call log: redacted on arrival, journaled for crashes, and the
saved file holds none of the secrets or identities that were used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from authing_desktop import __version__
from authing_desktop.api.errors import AuthingError
from authing_desktop.replay.transcript_file import (
    JOURNAL_SUFFIX,
    SCHEMA_VERSION,
    TranscriptError,
    load_transcript,
    transcript_header,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.call_log import CallLog
from authing_desktop.services.local_pool_routes import fetch_pool_version
from authing_desktop.services.transcript import TranscriptRecorder
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool, unique
from tests.ui.sign_in_support import unique_phone

PASSWORD = "Rec0rd-Passw0rd"
NEW_PASSWORD = "N3w-Rec0rd-Pass!"
WRONG_PASSWORD = "Wr0ng-Passw0rd"


def recorder_for(services: AppServices, tmp_path: Path) -> tuple[CallLog, TranscriptRecorder]:
    """The app's own call log (attached to the connection's client when it became ready) and
    a recorder on it journaling under ``tmp_path``."""
    client = services.session.client
    return services.call_log, TranscriptRecorder(services.call_log, tmp_path / "journal",
                                                 host=lambda: client.profile.host)


def header(qtbot: Any, services: AppServices) -> dict[str, Any]:
    client = services.session.client
    version = drive(qtbot, fetch_pool_version(client.profile.host))
    return transcript_header(
        app_version=__version__, pool_version=version, language=client.lang, ui_language="en",
        profile={"kind": "local", "app_id": client.profile.app_id or "",
                 "user_pool_id": client.profile.user_pool_id or ""})


def run_flow(qtbot: Any, services: AppServices, pool: RunningPool) -> dict[str, str]:
    """sign-up -> failed sign-ins -> sign-in with captcha -> bind phone -> change password ->
    sign-out, through the api client the session uses. Returns the values used."""
    from authing_desktop.api.captcha import fetch_captcha

    client = services.session.client
    email = f"{unique('rec')}@example.com"
    phone = unique_phone()

    async def flow() -> dict[str, str]:
        await client.register_by_email(email, PASSWORD)
        for _ in range(3):
            with pytest.raises(AuthingError):
                await client.login_by_email(email, WRONG_PASSWORD)
        with pytest.raises(AuthingError) as needs_captcha:
            await client.login_by_email(email, PASSWORD)
        assert needs_captcha.value.code == 2000
        await fetch_captcha(client)
        answer = pool.latest_captcha()
        user = await client.login_by_email(email, PASSWORD, captcha_code=answer)
        await services.session.adopt(user, remember=False, account=email)
        await client.send_sms_code(phone)
        code = pool.latest_code(phone)
        with pytest.raises(AuthingError):
            await client.bind_phone(phone, "000000" if code != "000000" else "111111")
        await client.bind_phone(phone, code)
        await client.update_password(NEW_PASSWORD, PASSWORD)
        token = client.token or ""
        await services.session.sign_out()
        return {"email": email, "phone": phone, "code": code, "captcha": answer,
                "token": token, "user_id": user.id}

    return drive(qtbot, flow(), timeout_ms=20_000)


def assert_no_secrets(text: str, values: dict[str, str]) -> None:
    for secret in (PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, values["token"], values["email"],
                   values["phone"], values["email"].split("@")[0]):
        assert secret not in text, secret
    # Codes are short: they must not appear as any JSON string value.
    for code in (values["code"], values["captcha"]):
        assert f'"{code}"' not in text, code
    assert "eyJ" not in text  # no JWT at all


def test_recorded_flow_is_redacted_versioned_and_relative(
        qtbot: Any, pool_services: AppServices, pool: RunningPool, tmp_path: Path) -> None:
    log, recorder = recorder_for(pool_services, tmp_path)
    recorder.start(header(qtbot, pool_services))
    journal = recorder.journal_path
    assert journal is not None and journal.name.endswith(JOURNAL_SUFFIX)
    values = run_flow(qtbot, pool_services, pool)
    document = recorder.stop()
    assert not journal.exists() and not recorder.recording
    path = tmp_path / "flow.json"
    recorder.save(document, path)
    text = path.read_text(encoding="utf-8")
    assert_no_secrets(text, values)

    saved = json.loads(text)
    assert saved["schema_version"] == SCHEMA_VERSION and saved["app_version"] == __version__
    assert saved["pool_version"].startswith("schema ") and saved["language"] == "en-US"
    calls = saved["calls"]
    names = [c["operation"] for c in calls]
    assert names[0] == "registerByEmail" and "bindPhone" in names and "updatePassword" in names
    assert names[-1] == "/api/v2/logout"
    times = [c["t"] for c in calls]
    assert times == sorted(times) and 0 <= times[0] < 5
    codes = [c["code"] for c in calls if c["operation"] == "loginByEmail"]
    assert codes == [2333, 2333, 2333, 2000, 200]
    # One password, one marker: the sign-up's and the successful sign-in's are the same.
    register = calls[0]["variables"]["input"]
    login = [c for c in calls if c["operation"] == "loginByEmail"][-1]["variables"]["input"]
    assert register["password"] == login["password"] == "[password-1+rsa]"
    assert login["captchaCode"].startswith("[captcha-")
    assert register["email"].endswith("]@example.com") == login["email"].endswith("@example.com")
    assert register["email"] == login["email"]
    bind = [c for c in calls if c["operation"] == "bindPhone"]
    assert bind[0]["variables"]["phoneCode"] != bind[1]["variables"]["phoneCode"]
    assert bind[1]["variables"]["phone"] == f"[phone-1]{values['phone'][-4:]}"
    # The inspector's log saw the same calls (and the connection's set-up), redacted its way.
    assert [c.operation for c in log.calls][-len(calls):] == names
    assert_no_secrets(json.dumps([c.variables for c in log.calls]
                                 + [c.response for c in log.calls]), values)


def test_a_crash_mid_recording_leaves_a_redacted_journal(
        qtbot: Any, pool_services: AppServices, pool: RunningPool, tmp_path: Path) -> None:
    _log, recorder = recorder_for(pool_services, tmp_path)
    recorder.start(header(qtbot, pool_services))
    journal = recorder.journal_path
    assert journal is not None
    values = run_flow(qtbot, pool_services, pool)
    # "Crash": the recorder is never stopped; the journal on disk is all there is.
    text = journal.read_text(encoding="utf-8")
    assert_no_secrets(text, values)
    with journal.open("a", encoding="utf-8") as handle:
        handle.write('{"t": 99, "kind": "gra')  # torn last line
    transcript = load_transcript(journal)
    assert [c["operation"] for c in transcript.calls][-1] == "/api/v2/logout"
    later = TranscriptRecorder(_log, tmp_path / "journal")
    assert later.pending_journals() == [journal]
    recorder.discard()
    assert not journal.exists()


@pytest.mark.parametrize(("content", "reason"), [
    ("[]", "not an authing-desktop transcript"),
    ('{"format": "authing-desktop-transcript", "schema_version": 99}',
     "unsupported transcript schema version 99"),
    ("{not json", "is not JSON"),
    ('{"format": "authing-desktop-transcript", "schema_version": 1, "app_version": "1",'
     ' "pool_version": "x", "language": "en-US", "calls": [{"kind": "soap"}]}',
     "call 1: 't' is missing"),
])
def test_bad_transcripts_are_refused_with_a_reason(tmp_path: Path, content: str,
                                                   reason: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(content)
    with pytest.raises(TranscriptError, match=reason.replace("(", r"\(")):
        load_transcript(path)
