"""The services one app run shares, built once by the composition root (`authing_desktop.app`)
and handed to presenters and pages by constructor: no global registry.

`aclose` is the one shutdown path: cancel every task, then run the registered async closers
(newest first: the HTTP client, then the local pool, ...), each bounded in time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from authing_desktop.services.account_linking import AccountLinking
from authing_desktop.services.app_paths import AppPaths
from authing_desktop.services.avatar_cache import AvatarCache
from authing_desktop.services.browser_flow import SystemBrowserSignIn, UrlOpener
from authing_desktop.services.browser_sign_in import BrowserSignIn, UnavailableBrowserSignIn
from authing_desktop.services.bus import MessageBus
from authing_desktop.services.call_log import CallLog
from authing_desktop.services.connection import Connection, LocalPoolSource
from authing_desktop.services.crash_handler import CrashHandler
from authing_desktop.services.local_pool_admin import LocalPoolAdmin
from authing_desktop.services.passkeys import Passkeys
from authing_desktop.services.pool_launcher import PoolLauncher
from authing_desktop.services.security_keys import SecurityKeys
from authing_desktop.services.session import Session
from authing_desktop.services.settings import SettingsStore
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.services.token_store import KeyringTokenStore, TokenStore
from authing_desktop.services.transcript import TranscriptRecorder
from authing_desktop.services.warm_up import WarmUp

if TYPE_CHECKING:
    import httpx

    from authing_desktop.pool_process import PoolProcess

log = logging.getLogger("authing_desktop.shutdown")

CLOSER_TIMEOUT_S = 5.0

AsyncCloser = Callable[[], Awaitable[None]]


@dataclass
class AppServices:
    """What pages and presenters may use. Add new shared services here."""

    paths: AppPaths
    bus: MessageBus
    warm_up: WarmUp
    tasks: TaskRunner
    settings: SettingsStore
    token_store: TokenStore
    pool_launcher: PoolLauncher
    connection: Connection
    session: Session
    browser_sign_in: BrowserSignIn
    avatars: AvatarCache
    call_log: CallLog
    transcripts: TranscriptRecorder
    local_pool_admin: LocalPoolAdmin
    passkeys: Passkeys
    account_linking: AccountLinking
    crash: CrashHandler | None = None
    _closers: list[tuple[str, AsyncCloser]] = field(default_factory=list)
    _closing: asyncio.Future[None] | None = None

    @classmethod
    def create(
        cls,
        paths: AppPaths,
        *,
        bus: MessageBus | None = None,
        settings: SettingsStore | None = None,
        token_store: TokenStore | None = None,
        crash: CrashHandler | None = None,
        local_pool: LocalPoolSource | None = None,
        browser_sign_in: BrowserSignIn | None = None,
        open_url: UrlOpener | None = None,
        http_transport: httpx.AsyncBaseTransport | None = None,
        spawned_pool: PoolProcess | None = None,
    ) -> AppServices:
        """Build the default set (settings not loaded yet: call ``settings.load()``).

        ``local_pool`` says where the local pool profile connects (default: the embedded pool,
        started on first use; tests pass their own pool process). ``open_url`` shows a URL in
        the system browser (from the composition root: services do not import QtGui); with it
        the default browser sign-in is the real OIDC + PKCE flow, and accounts can be linked.
        ``http_transport`` replaces the connection's HTTP transport (fault-injection tests).
        ``settings`` is a store the caller made (and loaded) before, with the same ``bus``.
        ``spawned_pool`` is the local pool's process, spawned before the services existed.
        """
        bus = bus if bus is not None else MessageBus()

        def crashed(error: BaseException) -> None:
            if crash is not None:
                crash.handle(error, where="background task")

        # Code loads after start-up only through the warm-up; a task waits while its worker
        # imports (see warm_up.py).
        warm_up = WarmUp()
        tasks = TaskRunner(bus, on_unexpected=crashed if crash is not None else None,
                           gate=warm_up.worker_idle)
        pool_launcher = PoolLauncher(paths.local_pool_dir, bus, spawned=spawned_pool)
        settings = settings if settings is not None else SettingsStore(paths.settings_file, bus)
        store = token_store if token_store is not None else KeyringTokenStore(
            bus, off_thread=warm_up.run_in_worker)
        connection = Connection(settings, local_pool or pool_launcher.start, warm_up,
                                http_transport=http_transport)
        # Every call of the connection's clients goes through the call log (support tools).
        call_log = CallLog(connection)
        services = cls(
            paths=paths,
            bus=bus,
            warm_up=warm_up,
            tasks=tasks,
            settings=settings,
            token_store=store,
            pool_launcher=pool_launcher,
            connection=connection,
            session=Session(connection, store, settings, tasks),
            browser_sign_in=browser_sign_in or (
                SystemBrowserSignIn(open_url) if open_url is not None
                else UnavailableBrowserSignIn()),
            avatars=AvatarCache(paths.avatar_cache_dir, warm_up),
            call_log=call_log,
            transcripts=TranscriptRecorder(
                call_log, paths.state_dir / "transcripts",
                host=lambda: connection.client.profile.host if connection.client else ""),
            local_pool_admin=LocalPoolAdmin(connection, http_transport=http_transport),
            passkeys=Passkeys(connection, SecurityKeys(warm_up)),
            account_linking=AccountLinking(open_url),
            crash=crash,
        )
        services.add_closer("local pool", pool_launcher.stop)
        # Closers run newest first: the HTTP clients before the pool they talk to.
        services.add_closer("connection", connection.aclose)
        services.add_closer("avatars", services.avatars.aclose)
        services.add_closer("security keys", services.passkeys.keys.aclose)
        services.add_closer("warm-up", warm_up.aclose)
        return services

    def add_closer(self, name: str, close: AsyncCloser) -> None:
        """Register an async clean-up to run at quit (e.g. ``http_client.aclose``)."""
        self._closers.append((name, close))

    async def aclose(self) -> None:
        """Shut down once; later and concurrent calls wait for the same shutdown."""
        if self._closing is None:
            self._closing = asyncio.get_running_loop().create_task(self._shutdown())
        await asyncio.shield(self._closing)

    async def _shutdown(self) -> None:
        await self.tasks.cancel_all()
        for name, close in reversed(self._closers):
            try:
                await asyncio.wait_for(close(), CLOSER_TIMEOUT_S)
            except Exception as error:  # noqa: BLE001 - keep closing the rest
                log.error("closing %s failed: %s", name, type(error).__name__)
            else:
                log.debug("closed %s", name)
