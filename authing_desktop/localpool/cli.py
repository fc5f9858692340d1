"""`authing-desktop pool ...`: run the local pool (`serve`), print its outbox (`outbox`), or set it
up as an admin would (`admin`: `admin_cli`, docs/scenarios.md).

`serve` prints exactly one JSON line on stdout: once it accepts requests::

    {"event": "ready", "url": ..., "user_pool_id": ..., "app_id": ..., "app_secret": ...,
     "user_pool_secret": ..., "public_key": ..., "admin_token": ..., "pid": ...}

or, when it cannot start, ``{"event": "failed", "reason": ...}`` (exit code 1), the reason in
words its starter can show the user. It logs (never a secret) to stderr, or with ``--log-file``
to that file, rotated by the standard library. Every file it makes is the user's alone (umask
077: the log 0600, directories 0700). SIGINT/SIGTERM stop it cleanly (exit code 0), and so does
EOF on stdin with ``--exit-with-parent`` (how `authing_desktop.pool_process` runs it).
``admin_token`` is new at every start; the ``/_localpool/*`` routes need it (`local_access`).
``user_pool_secret`` is the pool's lasting secret for the management API (docs/pool-admin.md).
Only whoever started the process reads its stdout.

With ``--adjustable-clock`` the admin token may also move the pool's clock forward
(``POST /_localpool/clock``; absent, 404, without the flag): docs/local-pool.md.

`outbox` reads the outbox (codes, links, captcha answers) straight from the pool's database,
which only its owner can read (0600 in a 0700 data dir): the same proof the admin token gives
over HTTP, so it needs none and works whether the pool runs or not. It reads the messages live
by the wall clock (an advanced pool clock lives in that pool's process only).
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import signal
import sqlite3
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from authing_desktop.localpool import admin_cli
from authing_desktop.localpool.codes import read_outbox
from authing_desktop.localpool.scenario import read_scenario_file
from authing_desktop.localpool.settings import (
    DATABASE_FILE,
    default_data_dir,
    read_directory_file,
)
from authing_desktop.localpool.storage import Database

log = logging.getLogger("authing_desktop.localpool")

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# The log file is rotated once it reaches this size; one older file is kept (FILE.1).
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 1
PRIVATE_UMASK = 0o077


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="authing-desktop pool",
                                     description="The local Authing-compatible user pool.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the pool until SIGINT/SIGTERM")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="0 picks a free port")
    serve.add_argument("--data-dir", type=Path, default=None)
    serve.add_argument("--demo", action="store_true", help="load the demo data (idempotent)")
    serve.add_argument("--scenario", type=Path, default=None, metavar="FILE",
                       help="apply this scenario file (TOML or JSON, docs/scenarios.md) before "
                            "serving; skipped when this very file was applied to the pool "
                            "before")
    serve.add_argument("--code-lifetime", type=float, default=None, metavar="S",
                       help="SMS/email code lifetime (default 300)")
    serve.add_argument("--resend-interval", type=float, default=None, metavar="S",
                       help="minimum seconds between codes to one destination (default 60)")
    serve.add_argument("--captcha-after", type=int, default=None, metavar="N",
                       help="failed password logins before a captcha is required (default 3)")
    serve.add_argument("--lockout-after", type=int, default=None, metavar="N",
                       help="failed password logins before the account locks (default 10)")
    serve.add_argument("--lockout-seconds", type=float, default=None, metavar="S",
                       help="how long a lock lasts (default 300)")
    serve.add_argument("--second-factor-lockout-after", type=int, default=None, metavar="N",
                       help="wrong second-factor codes of an account before its two-step "
                            "sign-in locks (default 5)")
    serve.add_argument("--code-send-limit", type=int, default=None, metavar="N",
                       help="SMS/email codes the pool sends per --code-send-window (default 30)")
    serve.add_argument("--code-send-window", type=float, default=None, metavar="S",
                       help="the window of --code-send-limit (default 60)")
    serve.add_argument("--token-lifetime", type=float, default=None, metavar="S",
                       help="login token lifetime (default 1209600 = 14 days)")
    serve.add_argument("--count-loopback-peer", action="store_true", default=None,
                       help="count a loopback peer address towards the per-IP captcha limit")
    serve.add_argument("--passkey-second-factor", action="store_true", default=None,
                       help="a registered passkey is also a second factor of its account")
    serve.add_argument("--authorization-code-lifetime", type=float, default=None, metavar="S",
                       help="OIDC authorization code / CAS ticket lifetime (default 60)")
    serve.add_argument("--ldap-config", type=Path, default=None, metavar="FILE",
                       help="JSON file with the LDAP identity source (DirectoryConfig fields)")
    serve.add_argument("--ad-config", type=Path, default=None, metavar="FILE",
                       help="JSON file with the Active Directory identity source")
    serve.add_argument("--adjustable-clock", action="store_true",
                       help="let the admin token move the pool's clock forward (POST "
                            "/_localpool/clock {\"seconds\": S}); for tests and replays")
    serve.add_argument("--log-file", type=Path, default=None, metavar="FILE",
                       help="log to FILE (rotated, 0600) instead of stderr")
    serve.add_argument("--exit-with-parent", action="store_true",
                       help="stop when stdin reaches EOF (the app that started the pool quit "
                            "or crashed)")
    outbox = sub.add_parser("outbox", help="print the SMS/email messages and captcha answers"
                                           " of the pool that still live (JSON)")
    outbox.add_argument("--data-dir", type=Path, default=None)
    admin_cli.add_parser(sub)
    return parser


def _serve(args: argparse.Namespace) -> int:
    from authing_desktop.localpool.server import PoolServer

    # The pool's files hold its secrets: whatever it creates (a rotated log too) is 0600/0700.
    os.umask(PRIVATE_UMASK)
    try:
        _log_to(args.log_file)
    except OSError as exc:
        _log_to(None)
        return _failed(f"its log file cannot be written ({exc})")
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    if args.exit_with_parent:
        # The parent holds the only write end of our stdin: EOF means it closed it to stop us,
        # or it died (the OS closes its pipes), so the pool never outlives the app.
        threading.Thread(target=_stop_at_stdin_eof, args=(stop,), name="parent-watch",
                         daemon=True).start()
    try:
        # Files, never flags: a bind password on the command line shows in the process list.
        ldap = read_directory_file("ldap", args.ldap_config) if args.ldap_config else None
        ad = read_directory_file("ad", args.ad_config) if args.ad_config else None
        # Checked before the pool starts: a bad file is the failed start's reason.
        scenario = read_scenario_file(args.scenario) if args.scenario else None
        server = PoolServer(
            args.data_dir or default_data_dir(), demo=args.demo, host=args.host, port=args.port,
            code_lifetime=args.code_lifetime, resend_interval=args.resend_interval,
            captcha_after=args.captcha_after, lockout_after=args.lockout_after,
            lockout_seconds=args.lockout_seconds, token_lifetime=args.token_lifetime,
            second_factor_lockout_after=args.second_factor_lockout_after,
            code_send_limit=args.code_send_limit, code_send_window=args.code_send_window,
            count_loopback_peer=args.count_loopback_peer,
            passkey_second_factor=args.passkey_second_factor,
            authorization_code_lifetime=args.authorization_code_lifetime, ldap=ldap, ad=ad,
            adjustable_clock=args.adjustable_clock, scenario=scenario,
            scenario_source=args.scenario.name if args.scenario else "",
        )
        server.start()
    except (OSError, ValueError, RuntimeError, sqlite3.Error) as exc:
        return _failed(str(exc))
    identity = server.identity
    assert identity is not None
    ready = {"event": "ready", "url": server.url, "user_pool_id": identity.user_pool_id,
             "app_id": identity.app_id, "app_secret": identity.app_secret,
             "user_pool_secret": identity.user_pool_secret,
             "public_key": identity.public_key_pem, "admin_token": server.admin_token,
             "pid": os.getpid()}
    if not _tell_starter(ready):  # whoever started us is gone already
        server.stop()
        return 1
    while not stop.wait(0.5):
        if not server.running:
            log.error("the local pool stopped unexpectedly")
            server.stop()
            return 1
    log.info("stopping the local pool")
    server.stop()
    return 0


def _log_to(path: Path | None) -> None:
    """Log to ``path`` (rotated by size, one older file kept), or to stderr when None."""
    handler: logging.Handler
    if path is None:
        handler = logging.StreamHandler(sys.stderr)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def _failed(reason: str) -> int:
    """Report a failed start: in the log, and to the starter as its one stdout line."""
    log.error("cannot start the local pool: %s", reason)
    _tell_starter({"event": "failed", "reason": reason})
    return 1


def _tell_starter(event: dict[str, Any]) -> bool:
    """Write ``event`` as the one JSON line on stdout; False when nobody reads it any more."""
    try:
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        return False
    return True


def _stop_at_stdin_eof(stop: threading.Event) -> None:
    try:
        # The raw fd, not sys.stdin: a daemon thread blocked in a buffered read holds its lock
        # and makes interpreter shutdown abort.
        fd = sys.stdin.fileno() if sys.stdin is not None else -1  # none: a gone parent
        while fd >= 0 and os.read(fd, 4096):
            pass
    except (OSError, ValueError):
        pass
    stop.set()


def _outbox(args: argparse.Namespace) -> int:
    path = (args.data_dir or default_data_dir()) / DATABASE_FILE
    if not path.exists():
        sys.stderr.write(f"no pool database at {path}\n")
        return 1
    db = Database(path, workers=1)
    try:
        messages = db.read(lambda conn: read_outbox(conn, db.clock.now()))
    finally:
        db.close()
    sys.stdout.write(json.dumps(messages, ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: list[str]) -> int:
    """Entry point of ``authing-desktop pool ...``."""
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "admin":
        return admin_cli.run(args)
    return _outbox(args)
