"""Another process or user on the computer, or a web page in its browser, against the pool:

- the local-only routes (outbox, simulated WeChat codes) need the admin token of this start;
  ``/_localpool/info`` and the e-mail verification link stay open and carry no secret;
- a Host that is not the pool's own loopback name (DNS rebinding) is refused everywhere;
- JSON is accepted only as JSON: a cross-site ``text/plain`` post changes nothing;
- the data dir is 0700 and its files 0600, also when they were looser before the start;
- no issued token rests in the database, and no code outlives its use.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.embedded import start_embedded_pool
from tests.fixtures.clocked_pool import as_running_pool
from tests.fixtures.pool import RunningPool, unique
from tests.localpool.helpers import (
    LOGIN_PHONE_CODE,
    PASSWORD,
    error_code,
    gql,
    login_email,
    register_email,
    send_sms,
    unique_email,
    unique_phone,
)
from tests.localpool.hosted_page import open_page, post_form, read_form

LOCAL_ROUTES = [("GET", "/_localpool/outbox"), ("POST", "/_localpool/wechat/code")]
SEND_EMAIL = ("mutation sendEmail($email: String!, $scene: EmailScene!) {"
              " sendEmail(email: $email, scene: $scene) { code } }")


@pytest.mark.parametrize(("method", "path"), LOCAL_ROUTES)
def test_local_routes_need_the_admin_token(pool: RunningPool, method: str, path: str) -> None:
    send_sms(pool, unique_phone())  # something in the outbox to steal
    for authorization in (None, "Bearer", "Bearer wrong", f"Basic {pool.admin_token}",
                          f"Bearer {pool.admin_token}x", "Bearer \u00e9\u00e9".encode("latin-1")):
        headers = {"authorization": authorization} if authorization is not None else {}
        refused = httpx.request(method, f"{pool.url}{path}", headers=headers,
                                json={"identity": "thief"}, timeout=10)
        assert refused.status_code == 401, (authorization, refused.text)
        assert refused.headers["www-authenticate"].startswith("Bearer")
        assert "data" not in refused.json()
    allowed = httpx.request(method, f"{pool.url}{path}", headers=pool.admin_headers,
                            json={"identity": unique("wx")}, timeout=10)
    assert allowed.status_code == 200 and allowed.json()["code"] == 200


def test_info_and_the_verification_link_stay_open_without_secrets(pool: RunningPool) -> None:
    info = httpx.get(f"{pool.url}/_localpool/info", timeout=10)
    assert info.status_code == 200 and info.json()["data"]["appId"] == pool.app_id
    for secret in (pool.app_secret, pool.admin_token):
        assert secret not in info.text
    # The link's own single-use token is the proof: no admin token, a page (not 401).
    link = httpx.get(f"{pool.url}/_localpool/verify-email?token=unknown", timeout=10)
    assert link.status_code == 400 and "not valid" in link.text


def test_each_start_has_a_new_admin_token_never_logged(pool: RunningPool,
                                                       tmp_path: Path) -> None:
    register_email(pool)  # the pool has logged a request or two
    assert pool.admin_token not in pool.log_path.read_text()
    first = start_embedded_pool(tmp_path / "twice", demo=False)
    first.stop()
    second = start_embedded_pool(tmp_path / "twice", demo=False)
    try:
        assert len(second.admin_token) >= 32 and second.admin_token != first.admin_token
        stale = httpx.get(f"{second.url}/_localpool/outbox", timeout=10,
                          headers={"authorization": f"Bearer {first.admin_token}"})
        assert stale.status_code == 401
    finally:
        second.stop()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1.nip.io:{port}",
                                  "127.0.0.1:1", "", "localhost"])
def test_a_host_that_is_not_the_pool_is_refused(pool: RunningPool, host: str) -> None:
    port = pool.url.rsplit(":", 1)[1]
    headers = {"host": host.format(port=port)}
    for method, path, extra in (
            ("POST", "/graphql/v2", {"json": {"query": "{ checkPasswordStrength("
                                                       "password: \"x\") { valid } }"}}),
            ("GET", "/api/v2/.well-known", {}),
            ("GET", f"/cas-idp/{pool.app_id}?service=http://127.0.0.1:9/cb", {}),
            ("GET", "/_localpool/outbox", {"headers": {**headers, **pool.admin_headers}})):
        answer = httpx.request(method, f"{pool.url}{path}", timeout=10,
                               **{"headers": headers, **extra})
        assert answer.status_code == 403, (host, path, answer.text)


def test_the_pools_own_names_are_served(pool: RunningPool) -> None:
    port = pool.url.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}",
                 f"LOCALHOST:{port}"):
        answer = httpx.get(f"{pool.url}/api/v2/.well-known", headers={"host": host}, timeout=10)
        assert answer.status_code == 200, host


def test_json_sent_as_text_plain_changes_nothing(pool: RunningPool) -> None:
    email = unique_email()
    phone = unique_phone()
    graphql = httpx.post(f"{pool.url}/graphql/v2", timeout=10,
                         headers={"content-type": "text/plain"},
                         content=f'{{"query": "mutation {{ sendEmail(email: \\"{email}\\",'
                                 f' scene: VERIFY_EMAIL) {{ code }} }}"}}')
    assert graphql.json()["errors"][0]["message"]["code"] == 400
    rest = httpx.post(f"{pool.url}/api/v2/sms/send", timeout=10,
                      headers={"content-type": "text/plain;charset=UTF-8"},
                      content=f'{{"phone": "{phone}"}}')
    assert rest.json()["code"] == 400 and "JSON" in rest.json()["message"]
    sent_to = {message["to"] for message in pool.outbox()}
    assert email not in sent_to and phone not in sent_to
    # The same bodies as JSON work (what the SDK and the app send).
    assert gql(pool, SEND_EMAIL, {"email": email, "scene": "VERIFY_EMAIL"}) == {"code": 200}


def test_the_hosted_form_is_still_a_form(pool: RunningPool) -> None:
    email = register_email(pool)["email"]
    url = (f"{pool.url}/oidc/auth?client_id={pool.app_id}&response_type=code&scope=openid"
           f"&redirect_uri=http://127.0.0.1:9/cb&code_challenge={'a' * 43}")
    with httpx.Client(timeout=10) as browser:
        form = read_form(open_page(browser, url))
        answer = post_form(browser, form, account=email, password=PASSWORD)
    assert answer.status_code == 303 and "code=" in answer.headers["location"]


def _modes(data_dir: Path) -> dict[str, int]:
    modes = {".": stat.S_IMODE(data_dir.stat().st_mode)}
    for entry in data_dir.iterdir():
        modes[entry.name] = stat.S_IMODE(entry.stat().st_mode)
    return modes


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_data_dir_is_the_users_alone(tmp_path: Path) -> None:
    data_dir = tmp_path / "private"

    def start_and_write() -> dict[str, int]:
        embedded = start_embedded_pool(data_dir, demo=False)
        try:
            register_email(as_running_pool(embedded, data_dir))  # WAL and SHM files exist
            return _modes(data_dir)
        finally:
            embedded.stop()

    modes = start_and_write()
    assert modes.pop(".") == 0o700
    assert set(modes.values()) == {0o600}, modes
    # An existing dir with loose modes (an older version, a copy) is tightened on start.
    os.chmod(data_dir, 0o755)  # noqa: S103 - loose on purpose: the start must tighten it
    for entry in data_dir.iterdir():
        os.chmod(entry, 0o644)
    (data_dir / "pool.log").write_text("a log the launcher made with the default umask\n")
    os.chmod(data_dir / "pool.log", 0o664)
    modes = start_and_write()
    assert modes.pop(".") == 0o700
    assert set(modes.values()) == {0o600}, modes
    assert {"pool.sqlite3", "pool.sqlite3-wal", "pool.sqlite3-shm", "pool.log"} <= set(modes)


def test_no_issued_token_rests_in_the_database(pool: RunningPool) -> None:
    user = register_email(pool)
    token = login_email(pool, user["email"])["token"]
    conn = sqlite3.connect(pool.data_dir / "pool.sqlite3")
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(tokens)")}
        assert "token" not in columns and "jti" in columns
    finally:
        conn.close()
    database = b"".join(path.read_bytes() for path in pool.data_dir.glob("pool.sqlite3*"))
    assert token.encode() not in database
    assert token.split(".")[2].encode() not in database  # not even its signature


def test_a_code_leaves_the_database_when_used_or_expired(
        clocked_pool: Callable[..., RunningPool], clock: Clock) -> None:
    pool = clocked_pool(code_lifetime=60, resend_interval=0)
    used, stale = unique_phone(), unique_phone()
    send_sms(pool, used)
    code = pool.latest_code(used)
    gql(pool, LOGIN_PHONE_CODE, {"input": {"phone": used, "code": code}})
    send_sms(pool, stale)
    stale_code = pool.latest_code(stale)
    clock.advance(61)
    assert [m for m in pool.outbox() if m["to"] in (used, stale)] == []
    # An expired code is still told apart from a wrong one, without keeping its digits.
    assert error_code(pool, LOGIN_PHONE_CODE, {"input": {"phone": stale,
                                                         "code": stale_code}}) == 2300
    conn = sqlite3.connect(pool.data_dir / "pool.sqlite3")
    try:
        kept = [row[0] for row in conn.execute("SELECT code FROM verification_codes")]
        outbox = conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    finally:
        conn.close()
    assert code not in kept and stale_code not in kept and outbox == 0
