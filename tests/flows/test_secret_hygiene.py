"""Secret hygiene after the full flow: none of the passwords, codes, tokens or the app secret it
used is in any file the app wrote (config, data, cache, state: crash reports, transcripts), in
its log (what the redacting log handler writes, and the raw log records), or in the local pool's
log files; only the pool's own database may hold them. The remembered token IS in the keychain
store, and only there."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from authing_desktop.logs import CHATTY_LOGGERS, RedactingFormatter, quiet_chatty_loggers
from authing_desktop.services.bus import MessageBus
from authing_desktop.services.token_store import KeyringTokenStore
from tests.fixtures.pool import RunningPool
from tests.flows.full_flow import Driver, FlowSecrets, FullFlow

pytestmark = pytest.mark.gui

POOL_DATABASE = re.compile(r"\.(sqlite|db)[^/]*$")


def _files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not POOL_DATABASE.search(path.name):
                    yield path


def _pattern(value: str) -> re.Pattern[str]:
    # A numeric code must not match inside a longer number (ports, sizes, timestamps).
    escaped = re.escape(value)
    return re.compile(rf"(?<!\d){escaped}(?!\d)" if value.isdigit() else escaped)


def find_secrets(secrets: FlowSecrets, texts: Iterable[tuple[str, str]]) -> list[str]:
    """``"<kind> in <where>"`` for every secret found in the ``(where, text)`` pairs."""
    patterns = [(kind, value, _pattern(value)) for kind, value in secrets.named()]
    hits = []
    for where, text in texts:
        for kind, value, pattern in patterns:
            if pattern.search(text):
                hits.append(f"{kind} {value[:3]}… in {where}")
    return hits


def _file_texts(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for path in paths:
        yield str(path), path.read_bytes().decode("utf-8", errors="replace")


@pytest.fixture
def app_log() -> Iterator[io.StringIO]:
    """What the app's log handler (redacting, debug level) would write; third-party loggers
    set up as the app sets them up."""
    chatty = {name: logging.getLogger(name).level for name in CHATTY_LOGGERS}
    quiet_chatty_loggers()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG)
    logger = logging.getLogger("authing_desktop")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        for name, chatty_level in chatty.items():
            logging.getLogger(name).setLevel(chatty_level)


def test_no_secret_outside_the_keychain_after_the_full_flow(
        qtbot: Any, qloop: Any, tmp_path: Path, flow_pool: RunningPool,
        caplog: pytest.LogCaptureFixture, app_log: io.StringIO) -> None:
    caplog.set_level(logging.DEBUG)
    store = KeyringTokenStore(MessageBus())
    root = tmp_path / "app"
    flow = FullFlow(Driver(), flow_pool, root, store)
    checked: list[str] = []

    def scan(label: str) -> None:
        texts = [*_file_texts(_files(root, flow_pool.data_dir)),
                 ("app log", app_log.getvalue()),
                 *((f"log record {r.name}", r.getMessage()) for r in caplog.records)]
        hits = find_secrets(flow.secrets, texts)
        assert hits == [], f"after {label}: {hits}"
        checked.append(label)

    def after_step(name: str) -> None:
        if name == "restart_restores":
            # Signed in from the keychain: the token is there (and nowhere else).
            services, _window = flow.app
            token = services.session.user.token  # type: ignore[union-attr]
            assert flow.stored_token(flow.new_email) == token
            scan("the restart")

    flow.run(after_step)
    assert flow.steps_done == list(FullFlow.STEPS)
    scan("the whole flow")
    assert checked == ["the restart", "the whole flow"]
    # The scan looked at real files and real secrets.
    assert (root / "config" / "settings.json").is_file()
    assert len(flow.secrets.tokens) >= 3 and len(flow.secrets.codes) >= 4
    assert flow.crash_reports == []


def test_the_scan_finds_a_planted_secret(tmp_path: Path) -> None:
    secrets = FlowSecrets(passwords={"Planted-Passw0rd"}, codes={"123456"})
    planted = tmp_path / "config" / "notes.txt"
    planted.parent.mkdir()
    planted.write_text("user typed Planted-Passw0rd; sent 123456; port 51234567\n")
    (tmp_path / "pool.sqlite3").write_text("Planted-Passw0rd")  # the pool's own database
    hits = find_secrets(secrets, _file_texts(_files(tmp_path)))
    assert hits == [f"password Pla… in {planted}", f"code 123… in {planted}"]
    assert find_secrets(FlowSecrets(codes={"1234"}), [("log", "took 12345 ms")]) == []
