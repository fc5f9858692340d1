"""The active connection: one `AuthenticationClient` for the selected connection profile.

For a remote profile the client is built from the settings at once; for the built-in local pool
it is built once the embedded pool is ready (its URL, ids and public key are known only then).
Switching the selected profile drops the client (closed at quit) and builds a new one on demand.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from authing_desktop.services.errors import UserFacingError
from authing_desktop.services.settings import PoolProfile, Settings, SettingsStore

if TYPE_CHECKING:
    import httpx

    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.profile import ConnectionProfile

log = logging.getLogger("authing_desktop.connection")

# UI language code -> the server's x-authing-lang.
SERVER_LANGUAGES = {"en": "en-US", "zh_CN": "zh-CN"}


class LocalPoolEndpoint(Protocol):
    """Where a running local pool answers (the launcher's `PoolEndpoint`, or a test's pool
    process). Its ``admin_token`` (for the pool's own support routes) is read when present: a
    pool from before the admin token has none, and its routes need none."""

    url: str
    user_pool_id: str
    app_id: str
    public_key: str


LocalPoolSource = Callable[[], Awaitable["LocalPoolEndpoint | None"]]


class Connection(QObject):
    """The active connection profile's AuthenticationClient (local pool: once the embedded
    pool is ready). ``ready_changed`` says whether `client` is usable."""

    ready_changed = Signal(bool)

    def __init__(
        self,
        settings: SettingsStore,
        local_pool: LocalPoolSource,
        *,
        language: str = "en",
        http_transport: httpx.AsyncBaseTransport | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._local_pool = local_pool
        self._http_transport = http_transport
        self._server_lang = SERVER_LANGUAGES.get(language, "en-US")
        self._client: AuthenticationClient | None = None
        self._connecting: asyncio.Future[AuthenticationClient] | None = None
        self._retired: list[AuthenticationClient] = []
        self._client_profile: PoolProfile | None = None
        self._admin_token = ""
        settings.changed.connect(self._settings_changed)

    # ------------------------------------------------------------------ state

    @property
    def client(self) -> AuthenticationClient | None:
        """The ready client, or None (not connected yet, or the local pool failed)."""
        return self._client

    @property
    def local_pool_admin_token(self) -> str:
        """The admin token of the local pool the client talks to, for the pool's own support
        routes (the outbox); ``""`` for a remote profile or before the client is ready. A
        secret: send it only to that pool, never log or show it."""
        return self._admin_token if self._client is not None else ""

    @property
    def is_local_pool(self) -> bool:
        return self.profile.is_local

    @property
    def profile_id(self) -> str:
        return self.profile.id

    @property
    def profile(self) -> PoolProfile:
        """The selected connection profile (read from the settings: they load after us)."""
        return self._settings.current.selected_profile

    # ---------------------------------------------------------------- intents

    async def wait_ready(self) -> AuthenticationClient:
        """The client, connecting first if needed; a `UserFacingError` says why it cannot."""
        if self._client is not None:
            return self._client
        if self._connecting is None or self._connecting.done():
            self._connecting = asyncio.get_running_loop().create_task(self._connect())
        connecting = self._connecting
        try:
            # Shielded: one caller giving up (Esc) must not cancel the others' connection.
            return await asyncio.shield(connecting)
        except UserFacingError:
            if self._connecting is connecting:
                self._connecting = None  # try again next time (the pool may start later)
            raise

    def set_language(self, lang: str) -> None:
        """Server messages follow the UI language (``en`` / ``zh_CN``)."""
        self._server_lang = SERVER_LANGUAGES.get(lang, "en-US")
        if self._client is not None:
            self._client.lang = self._server_lang

    async def aclose(self) -> None:
        """Close every client this connection made."""
        connecting, self._connecting = self._connecting, None
        if connecting is not None and not connecting.done():
            connecting.cancel()
            with contextlib.suppress(BaseException):
                await connecting
        clients = [*self._retired, *([self._client] if self._client else [])]
        self._retired.clear()
        # Quitting: no ready_changed, so nothing reacts (and starts work) on the way out.
        self._client = None
        self._client_profile = None
        self._admin_token = ""
        for client in clients:
            await client.aclose()

    # -------------------------------------------------------------- internals

    async def preload(self) -> None:
        """Import the api layer in a worker thread (start it once the window is up): the
        first import costs ~0.2 s, which the UI thread must not spend."""
        await asyncio.get_running_loop().run_in_executor(None, _load_api)

    async def _connect(self) -> AuthenticationClient:
        await self.preload()
        from authing_desktop.api.errors import ApiError
        from authing_desktop.api.profile import ConnectionProfile, check_language

        profile = self.profile
        lang = check_language(self._server_lang)
        admin_token = ""
        try:
            if profile.is_local:
                pool = await self._local_pool()
                if pool is None:
                    raise UserFacingError(QCoreApplication.translate(
                        "Connection", "The local user pool is not running."))
                admin_token = str(getattr(pool, "admin_token", "") or "")
                connection = ConnectionProfile(
                    host=pool.url, user_pool_id=pool.user_pool_id, app_id=pool.app_id,
                    public_key=pool.public_key or None, lang=lang)
            else:
                connection = ConnectionProfile(
                    host=profile.app_host, app_id=profile.app_id or None,
                    user_pool_id=profile.user_pool_id or None,
                    public_key=profile.public_key or None, lang=lang)
        except ApiError as error:
            text = QCoreApplication.translate(
                "Connection", "The connection settings are not valid: {reason}")
            raise UserFacingError(text.format(reason=str(error))) from error
        if profile != self.profile:  # switched while the pool was starting
            return await self._connect()
        # Off the UI thread: the client's TLS context loads the CA bundle (tens of ms).
        client = await asyncio.get_running_loop().run_in_executor(
            None, _build_client, connection, self._http_transport)
        if profile != self.profile:  # switched while the client was being built
            await client.aclose()
            return await self._connect()
        self._client_profile = profile
        self._admin_token = admin_token
        self._set_client(client)
        return client

    def _set_client(self, client: AuthenticationClient | None) -> None:
        was = self._client is not None
        self._client = client
        if (client is not None) != was:
            self.ready_changed.emit(client is not None)

    def _settings_changed(self, settings: Settings) -> None:
        if self._client_profile is None or settings.selected_profile == self._client_profile:
            return
        log.info("connection profile changed")
        self._client_profile = None
        self._admin_token = ""
        if self._client is not None:
            self._retired.append(self._client)
        self._connecting = None
        self._set_client(None)


# What the first request imports lazily (httpcore picks its async backend, anyio, on the first
# connection: ~30 ms), loaded with the api layer instead. anyio 4.16's own imports are lazy
# too: ``import anyio`` alone leaves its asyncio backend and core modules for the first request
# (20-30 ms on the UI thread, PySide's import hook included).
_FIRST_REQUEST_MODULES = ("authing_desktop.api.client", "httpcore", "h11", "anyio",
                          "httpcore._backends.anyio", "anyio._backends._asyncio",
                          "anyio._core._synchronization", "anyio._core._tasks",
                          "anyio.streams.tls", "anyio.streams.memory", "anyio.to_thread",
                          "anyio.lowlevel", "queue",
                          # the form checks' validators (presenters/identifier_checks.py)
                          "email_validator", "phonenumbers")


def _load_api() -> None:
    for name in _FIRST_REQUEST_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # an httpcore without that backend module: it loads it itself
            log.debug("preload: %s not importable", name)
    # Likewise the TLS context every client shares (~20 ms to parse the CA bundle) and
    # phonenumbers' patterns of the default region (compiled on the first validation, ~8 ms,
    # on the UI thread when the user sends a first SMS code).
    from authing_desktop.api.tls import verifying_context

    verifying_context()
    import phonenumbers

    phonenumbers.is_valid_number(phonenumbers.parse("+8613800138000"))


def _build_client(connection: ConnectionProfile,
                  http_transport: httpx.AsyncBaseTransport | None) -> AuthenticationClient:
    from authing_desktop.api.client import AuthenticationClient

    return AuthenticationClient(connection, http_transport=http_transport)
