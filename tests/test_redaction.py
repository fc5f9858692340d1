"""The one redaction function: whitelist of keys, secrets replaced, emails and phones masked."""

from __future__ import annotations

import pytest

from authing_desktop.redaction import REDACTED, redact, redact_home, redact_text

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI2MDAwIn0.c2lnbmF0dXJlLXBhcnQ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password=hunter2 page=2", f"password={REDACTED} page=2"),
        ("GET /api/v2/users?access_token=abc123&limit=10",
         f"GET /api/v2/users?access_token={REDACTED}&limit=10"),
        ('{"phoneCode": "123456", "message": "ok"}',
         f'{{"phoneCode": "{REDACTED}", "message": "ok"}}'),
        ("{'secret': 's3cr3t', 'name': 'Bob'}", f"{{'secret': '{REDACTED}', 'name': 'Bob'}}"),
        ("Authorization: Bearer abcdef123456", f"Authorization: Bearer {REDACTED}"),
        (f"token {JWT} expired", f"token {REDACTED} expired"),
        # Authing status codes are integers and pass; codes in strings or query strings do not.
        ('{"code": 2001, "message": "bad"}', '{"code": 2001, "message": "bad"}'),
        ('{"code": "2001"}', f'{{"code": "{REDACTED}"}}'),
        ("/callback?code=482913", f"/callback?code={REDACTED}"),
        # Prose and code are not key/value data.
        ("Cannot reach the server: connection refused",
         "Cannot reach the server: connection refused"),
        ("    pool = await asyncio.shield(start)", "    pool = await asyncio.shield(start)"),
    ],
)
def test_text_keys_outside_the_whitelist_lose_their_values(text: str, expected: str) -> None:
    assert redact_text(text) == expected


def test_emails_and_phones_are_masked_wherever_they_are() -> None:
    text = "user alice.smith@example.com, phone 13812345678, intl +44 20 7946 0958"
    assert redact_text(text) == "user a***@example.com, phone 138****5678, intl +442****0958"


def test_long_opaque_strings_are_secrets_even_without_a_key() -> None:
    secret = "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c"
    assert redact_text(f"app secret {secret} leaked") == f"app secret {REDACTED} leaked"
    # Short ids (user pool ids are 24 hex digits) stay readable.
    assert redact_text("pool 62a1b2c3d4e5f60718293a4b") == "pool 62a1b2c3d4e5f60718293a4b"


def test_structured_data_passes_only_whitelisted_scalars() -> None:
    body = {
        "code": 200,
        "message": "ok for bob@example.org",
        "data": {
            "id": "u1",
            "email": "bob@example.org",
            "phone": "13912345678",
            "token": JWT,
            "password": "hunter2",
            "loginsCount": 3,
            "emailVerified": True,
            "photo": None,
            "identities": [{"accessToken": "zzz", "provider": "wechat"}],
        },
        "Authorization": "Bearer abc",
    }
    assert redact(body) == {
        "code": 200,
        "message": "ok for b***@example.org",
        "data": {
            "id": "u1",
            "email": "b***@example.org",
            "phone": "139****5678",
            "token": REDACTED,
            "password": REDACTED,
            "loginsCount": REDACTED,
            "emailVerified": True,
            "photo": None,
            "identities": [{"accessToken": REDACTED, "provider": REDACTED}],
        },
        "Authorization": REDACTED,
    }


def test_verification_code_strings_never_pass_structured() -> None:
    assert redact({"code": "123456", "phoneCode": 123456}) == {
        "code": REDACTED, "phoneCode": REDACTED}


def test_extra_safe_keys_widen_the_whitelist_for_one_call() -> None:
    assert redact({"provider": "wechat"}, extra_safe_keys=["provider"]) == {"provider": "wechat"}
    assert redact({"provider": "wechat"}) == {"provider": REDACTED}


def test_secret_inside_a_safe_value_is_still_scrubbed() -> None:
    assert redact({"message": f"bad token={JWT}"}) == {"message": f"bad token={REDACTED}"}


def test_home_directory_is_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/alice")
    assert redact_home('File "/home/alice/src/app.py"') == 'File "~/src/app.py"'


def test_redaction_is_idempotent() -> None:
    once = redact_text(f"token={JWT} mail x@y.io code=1234")
    assert redact_text(once) == once
