"""Profile presenter against the local pool: load, dirty tracking, Save sends only the changed
fields (checked on the wire), Revert, validation, avatar success and failure."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from authing_desktop.api.transport import CallRecord
from authing_desktop.presenters.profile import FIELDS, ProfileFacts, ProfilePresenter, fact_texts
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.avatar_cache import AvatarCache
from authing_desktop.services.language import LanguageInstaller
from authing_desktop.services.warm_up import WarmUp
from tests.fixtures.account_session import SignedInSession, pool_client, settle
from tests.fixtures.app_services import drive
from tests.fixtures.pool import RunningPool

# A 1x1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082")


class _ImageHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body, kind, status = {
            "/ok.png": (PNG, "image/png", 200),
            "/text.png": (b"<html>not an image</html>", "text/html", 200),
        }.get(self.path, (b"", "text/plain", 404))
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def image_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ImageHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_edit_save_and_reload(qtbot: Any, app_services: AppServices, account: SignedInSession,
                              pool: RunningPool) -> None:
    presenter = ProfilePresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    assert presenter.loaded and not presenter.dirty
    assert presenter.facts.user_id == account.user.id  # type: ignore[union-attr]
    assert presenter.facts.email == account.account
    assert presenter.facts.created_at

    dirty: list[bool] = []
    presenter.dirty_changed.connect(dirty.append)
    edits = {"nickname": "Ada", "givenName": "Ada", "familyName": "Lovelace",
             "city": "London", "gender": "F", "birthdate": "1815-12-10",
             "locale": "en-GB", "zoneinfo": "Europe/London", "website": "https://ada.example"}
    for key, value in edits.items():
        presenter.set_value(key, value)
    assert dirty == [True]
    assert sorted(presenter.dirty_keys()) == sorted(edits)

    calls: list[CallRecord] = []
    account.client.observer = calls.append
    assert settle(qtbot, presenter.save()) == sorted(edits)
    update = next(c for c in calls if c.name == "updateUser")
    assert update.variables is not None
    assert update.variables["input"] == edits  # only what changed
    assert [c.name for c in calls] == ["updateUser"]  # its answer is the new user: no users/me
    assert not presenter.dirty and dirty == [True, False]
    assert presenter.error == ""

    async def reload() -> Any:
        async with pool_client(pool) as other:
            await other.login_by_email(account.account, account.password)
            return await other.get_current_user()

    fresh = drive(qtbot, reload())
    for field in FIELDS:
        if field.key in edits:
            assert getattr(fresh, field.attr) == edits[field.key], field.key
    assert presenter.values["nickname"] == "Ada"


def test_clear_revert_and_username(qtbot: Any, app_services: AppServices,
                                   account: SignedInSession) -> None:
    presenter = ProfilePresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    presenter.set_value("company", "ACME")
    settle(qtbot, presenter.save())
    assert presenter.original["company"] == "ACME"

    # Clearing a field sends null and the pool forgets it.
    presenter.set_value("company", "")
    assert presenter.changes() == {"company": None}
    settle(qtbot, presenter.save())
    assert presenter.original["company"] == ""

    presenter.set_value("nickname", "temporary")
    resets: list[bool] = []
    presenter.values_reset.connect(lambda: resets.append(True))
    presenter.revert()
    assert presenter.values["nickname"] == presenter.original["nickname"]
    assert resets and not presenter.dirty

    new_name = f"user{account.user.id[-8:]}"  # type: ignore[union-attr]
    presenter.set_value("username", new_name)
    settle(qtbot, presenter.save())
    assert account.user is not None and account.user.username == new_name


def test_invalid_input_is_refused_before_sending(qtbot: Any, app_services: AppServices,
                                                 account: SignedInSession) -> None:
    presenter = ProfilePresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    calls: list[CallRecord] = []
    account.client.observer = calls.append
    for key, value, fragment in (
        ("username", "has space", "Username"),
        ("birthdate", "10/12/1815", "YYYY-MM-DD"),
        ("website", "javascript:alert(1)", "http"),
        ("zoneinfo", "Mars/Olympus", "time zone"),
        ("locale", "not a locale", "language tag"),
    ):
        presenter.revert()
        presenter.set_value(key, value)
        assert settle(qtbot, presenter.save()) is None
        assert fragment in presenter.error, (key, presenter.error)
    assert calls == []
    assert presenter.dirty  # the typed value is kept


def test_a_taken_username_is_reported(qtbot: Any, app_services: AppServices,
                                      account: SignedInSession) -> None:
    presenter = ProfilePresenter(account, app_services.tasks)
    settle(qtbot, presenter.load())
    presenter.set_value("username", "demo")
    assert settle(qtbot, presenter.save()) is None
    assert presenter.error == "This username is already taken."
    assert presenter.dirty


def test_avatar_loads_and_is_cached_on_disk(qtbot: Any, app_services: AppServices,
                                            account: SignedInSession, image_server: str,
                                            tmp_path: Path) -> None:
    cache = AvatarCache(tmp_path / "avatars", WarmUp())
    presenter = ProfilePresenter(account, app_services.tasks, cache)
    images: list[Any] = []
    presenter.avatar_changed.connect(images.append)
    presenter.set_value("photo", f"{image_server}/ok.png")
    settle(qtbot, presenter.save())
    qtbot.waitUntil(lambda: bool(images) and images[-1] is not None, timeout=5000)
    assert images[-1] == PNG
    assert [p.read_bytes() for p in (tmp_path / "avatars").iterdir()] == [PNG]
    drive(qtbot, cache.aclose())

    # A new cache over the same directory answers from disk, without the network.
    offline = AvatarCache(tmp_path / "avatars", WarmUp(), fetch=_no_network)
    assert drive(qtbot, offline.get(f"{image_server}/ok.png")) == PNG


async def _no_network(url: str) -> bytes:
    raise AssertionError(f"fetched {url}")


@pytest.mark.parametrize("path", ["/missing.png", "/text.png"])
def test_avatar_failure_gives_the_placeholder(qtbot: Any, app_services: AppServices,
                                              account: SignedInSession, image_server: str,
                                              tmp_path: Path, path: str) -> None:
    cache = AvatarCache(tmp_path / "avatars", WarmUp())
    presenter = ProfilePresenter(account, app_services.tasks, cache)
    images: list[Any] = []
    presenter.avatar_changed.connect(images.append)
    presenter.set_value("photo", image_server + path)
    settle(qtbot, presenter.save())
    qtbot.waitUntil(lambda: len(images) >= 1, timeout=5000)
    assert images == [None]
    assert presenter.error == ""  # an avatar is no reason to show an error
    assert not (tmp_path / "avatars").exists()
    drive(qtbot, cache.aclose())


def test_facts_in_words(qapp: Any) -> None:
    """Times relative or local (never ISO), sources in words once each, counts localized."""
    LanguageInstaller(QCoreApplication.instance()).install("en")
    now = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
    facts = ProfileFacts(user_id="u1", created_at="2025-01-02T03:04:05+00:00",
                         last_login="2026-12-07T11:57:00Z", logins_count=1234,
                         register_source=("basic:email", "basic:email", "social:github"))
    texts = fact_texts(facts, lambda: now)
    assert texts["lastLogin"] == "3 minutes ago"
    assert texts["createdAt"] and "2025-01-02T" not in texts["createdAt"]
    assert texts["registerSource"] == "Signed up with email, Signed up with another account"
    assert texts["loginsCount"] == "1,234"
    assert fact_texts(ProfileFacts(), lambda: now) == {
        "userId": "", "createdAt": "", "lastLogin": "", "loginsCount": "", "registerSource": ""}
