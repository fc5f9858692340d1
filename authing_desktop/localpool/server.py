"""Assembly of the pool: database, identity, demo data, the ASGI app, and uvicorn running it on
its own event loop in a daemon thread (shared by the CLI and the embedded pool)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from authing_desktop.localpool.account_deletion import AccountDeletion, AccountDeletionRoutes
from authing_desktop.localpool.account_linking import AccountLinking
from authing_desktop.localpool.account_linking_routes import AccountLinkingRoutes
from authing_desktop.localpool.admin_routes import LocalAdminRoutes
from authing_desktop.localpool.browser_state import BrowserSessions, CasTicket, ExpiringStore
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.contact_changes import ContactChangeRoutes, ContactChanges
from authing_desktop.localpool.data_dir import create_private_file, prepare_data_dir, tighten
from authing_desktop.localpool.demo import load_demo
from authing_desktop.localpool.email_verification import EmailVerificationRoutes
from authing_desktop.localpool.features import PoolFeatures
from authing_desktop.localpool.graphql_api import GraphQLEndpoint
from authing_desktop.localpool.hosted_passkeys import PasskeyPages
from authing_desktop.localpool.hosted_sign_in import HostedSignIn
from authing_desktop.localpool.identity import PoolIdentity, load_identity
from authing_desktop.localpool.identity_sources import IdentitySources
from authing_desktop.localpool.local_access import LocalAccess, new_admin_token, own_hosts
from authing_desktop.localpool.management_rest import ManagementRoutes
from authing_desktop.localpool.mfa_routes import MfaRoutes
from authing_desktop.localpool.oidc_provider import AuthorizationServer
from authing_desktop.localpool.passkey_gen2 import PasskeyGen2Routes, PasskeysGen2
from authing_desktop.localpool.passkey_routes import PasskeyRoutes
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.protocols import ProtocolEndpoints
from authing_desktop.localpool.rest_api import RestApi, caller_of, not_found, server_error
from authing_desktop.localpool.scenario import Scenario
from authing_desktop.localpool.scenario_apply import applied_before, apply_scenario
from authing_desktop.localpool.self_service import SelfService, SelfServiceRoutes
from authing_desktop.localpool.settings import DATABASE_FILE, PoolSettings, load_settings
from authing_desktop.localpool.step_up_routes import StepUpRoutes
from authing_desktop.localpool.storage import Database

log = logging.getLogger(__name__)

# Seconds a stop lets open connections finish (see where it is used).
GRACEFUL_SHUTDOWN_S = 1

READY_TIMEOUT_S = 30.0


def build_app(features: PoolFeatures, db: Database, issuer: str, *, hosts: Iterable[str],
              admin_token: str, adjustable_clock: bool = False) -> Starlette:
    """The ASGI application of one pool, answering only requests that name one of ``hosts``
    (and, on its local-only routes, carry ``admin_token``: `local_access`). With
    ``adjustable_clock`` the admin may advance the pool's clock (docs/local-pool.md)."""
    core = features.core
    graphql = GraphQLEndpoint(features, db, caller_of)
    sources = IdentitySources(core)
    server = AuthorizationServer(core, db, issuer)
    sessions = BrowserSessions(core.clock)
    tickets: ExpiringStore[CasTicket] = ExpiringStore(core.clock)
    routes = [Route("/graphql/v2", graphql.handle, methods=["POST"])]
    routes += RestApi(features, db, sources, adjustable_clock=adjustable_clock).routes()
    routes += LocalAdminRoutes(features, db).routes()
    routes += EmailVerificationRoutes(features, db).routes()
    gen2 = PasskeysGen2(features.passkeys)
    routes += HostedSignIn(features, db, server, sessions, tickets,
                           PasskeyPages(gen2)).routes()
    routes += ProtocolEndpoints(features, db, server, sessions, tickets, sources).routes()
    self_service = SelfService(core, server)
    routes += MfaRoutes(features).routes()
    routes += PasskeyRoutes(features).routes()
    routes += PasskeyGen2Routes(gen2).routes()
    routes += SelfServiceRoutes(self_service).routes()
    routes += AccountLinkingRoutes(AccountLinking(core)).routes()
    routes += AccountDeletionRoutes(AccountDeletion(core, self_service)).routes()
    routes += ContactChangeRoutes(ContactChanges(features.contacts, self_service)).routes()
    routes += StepUpRoutes(core, features.passkeys).routes()
    routes += ManagementRoutes(features, db).routes()  # after users/me and the other users/*
    return Starlette(
        routes=routes,
        middleware=[Middleware(LocalAccess, hosts=hosts, admin_token=admin_token)],
        exception_handlers={404: not_found, 405: not_found, 500: server_error},
    )


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class PoolServer:
    """One running pool: `start()` blocks until it serves, `stop()` until it has stopped.

    ``clock`` is the pool's one clock (tests inject one that they advance); with
    ``adjustable_clock`` its admin may advance it over HTTP (docs/local-pool.md, "The clock").
    ``scenario`` is applied once the database is open, unless it was before
    (docs/scenarios.md; ``scenario_source`` names it in errors).
    """

    def __init__(self, data_dir: Path, *, demo: bool = False, host: str = "127.0.0.1",
                 port: int = 0, clock: Clock | None = None, adjustable_clock: bool = False,
                 scenario: Scenario | None = None, scenario_source: str = "",
                 **policies: Any) -> None:
        self.data_dir = data_dir
        self.clock = clock or Clock()
        self._adjustable_clock = adjustable_clock
        self.settings: PoolSettings = load_settings(data_dir, **policies)
        self._demo = demo
        self._scenario = scenario
        self._scenario_source = scenario_source
        self._host = host
        self._port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._db: Database | None = None
        self._failure: BaseException | None = None
        self.url = ""
        self.identity: PoolIdentity | None = None
        self.admin_token = ""

    def start(self) -> None:
        """Open the database, bind the port and serve; returns once requests are accepted."""
        prepare_data_dir(self.data_dir)
        create_private_file(self.data_dir / DATABASE_FILE)
        db = Database(self.data_dir / DATABASE_FILE, clock=self.clock)
        self._db = db
        try:
            tighten(self.data_dir)  # the WAL and SHM files SQLite just made, older files
            self.identity = load_identity(db)
            self.admin_token = new_admin_token()
            if self._demo and load_demo(db):
                log.info("demo data loaded")
            if self._scenario is not None:
                if applied_before(db, self._scenario):
                    log.info("scenario %r was applied before", self._scenario.name)
                else:
                    apply_scenario(db, self.settings, self._scenario,
                                   source=self._scenario_source)
            family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            if os.name != "nt":  # on Windows it would let another process share the port
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            # Inherited by accepted connections: uvicorn writes headers and body separately,
            # and Nagle + delayed ACK would add ~40 ms to every response.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.bind((self._host, self._port))
            sock.listen(128)
            port = int(sock.getsockname()[1])
            self.url = _url(self._host, port)
            features = PoolFeatures.over(PoolCore(db, self.identity, self.settings,
                                                  issuer=self.url))
            app = build_app(features, db, self.url, hosts=own_hosts(self._host, port),
                            admin_token=self.admin_token,
                            adjustable_clock=self._adjustable_clock)
            # Open connections get less time to finish than the launcher gives the whole
            # process before it kills it (pool_process.STOP_GRACE_S): a stop stays clean.
            config = uvicorn.Config(
                app, log_config=None, access_log=False,
                lifespan="off", timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S, loop="asyncio",
            )
            self._server = uvicorn.Server(config)
            self._thread = threading.Thread(target=self._serve, args=(sock,),
                                            name="localpool-http", daemon=True)
            self._thread.start()
            self._wait_started()
        except BaseException:
            self.stop()
            raise
        log.info("local pool listening on %s (data dir %s)", self.url, self.data_dir)

    def _serve(self, sock: socket.socket) -> None:
        assert self._server is not None
        loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._server.serve(sockets=[sock]))
        except BaseException as exc:  # reported to start()/stop(), never lost
            self._failure = exc
            log.exception("local pool server failed")
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()
            sock.close()

    def _wait_started(self) -> None:
        assert self._server is not None and self._thread is not None
        ready = threading.Event()
        waited = 0.0
        while not self._server.started:
            if not self._thread.is_alive() or waited > READY_TIMEOUT_S:
                raise RuntimeError(f"the local pool did not start: {self._failure!r}")
            ready.wait(0.01)
            waited += 0.01

    def stop(self) -> None:
        """Stop serving, finish in-flight requests, close the database."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(15)
            self._thread = None
        if self._db is not None:
            self._db.close()
            self._db = None
        self._server = None

    @property
    def running(self) -> bool:
        """True while the HTTP thread serves."""
        return self._thread is not None and self._thread.is_alive()
