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
from authing_desktop.services.warm_up import ModuleGroup, WarmUp

if TYPE_CHECKING:
    import httpx

    from authing_desktop.api.client import AuthenticationClient

log = logging.getLogger("authing_desktop.connection")

# The API layer's modules, each after those it imports, ending with the client: the warm-up
# loads them one per step (tests/services/test_connection_modules.py keeps the order right).
API_MODULES = (
    "authing_desktop.api", "authing_desktop.api.graphql_documents", "authing_desktop.api.errors",
    "authing_desktop.api.models", "authing_desktop.api.password_encryption",
    "authing_desktop.api.profile", "authing_desktop.api.bounded", "authing_desktop.api.tls",
    "authing_desktop.api.error_codes", "authing_desktop.api.step_up",
    "authing_desktop.api.transport",
    "authing_desktop.api.client_core",
    "authing_desktop.api.access", "authing_desktop.api.account",
    "authing_desktop.api.authentication", "authing_desktop.api.custom_data",
    "authing_desktop.api.self_service_models",
    "authing_desktop.api.mfa", "authing_desktop.api.oidc", "authing_desktop.api.self_service",
    "authing_desktop.api.passkey_origin", "authing_desktop.api.passkeys",
    "authing_desktop.api.linked_accounts",
    "authing_desktop.api.step_up_operations", "authing_desktop.api.client",
)

# UI language code -> the server's x-authing-lang.
SERVER_LANGUAGES = {"en": "en-US", "zh_CN": "zh-CN"}


class LocalPoolEndpoint(Protocol):
    """Where a running local pool answers (the launcher's `PoolEndpoint`, or a test's pool
    process), and the admin token its own support routes need."""

    url: str
    user_pool_id: str
    app_id: str
    public_key: str
    admin_token: str


LocalPoolSource = Callable[[], Awaitable["LocalPoolEndpoint | None"]]


class Connection(QObject):
    """The active connection profile's AuthenticationClient (local pool: once the embedded
    pool is ready). ``ready_changed`` says whether `client` is usable."""

    ready_changed = Signal(bool)

    def __init__(
        self,
        settings: SettingsStore,
        local_pool: LocalPoolSource,
        warm_up: WarmUp,
        *,
        language: str = "en",
        http_transport: httpx.AsyncBaseTransport | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._local_pool = local_pool
        self._warm_up = warm_up
        self._api_loaded: asyncio.Future[None] | None = None
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
        loading, self._api_loaded = self._api_loaded, None
        if loading is not None and not loading.done():
            loading.cancel()
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

    def load_api(self) -> asyncio.Future[None]:
        """Load the api layer through the warm-up (once): its third-party modules in the
        worker, then its own modules on the UI thread, then the shared TLS context (it parses
        the CA bundle) in the worker again. The last two go ahead of whatever else is queued
        (page modules): the first request waits for them."""
        if self._api_loaded is None or self._api_loaded.cancelled():
            self._api_loaded = asyncio.get_running_loop().create_task(self._load_api())
        return self._api_loaded

    async def _load_api(self) -> None:
        warm_up = self._warm_up
        await warm_up.load_modules(ModuleGroup.API)
        for name in API_MODULES:  # one per step: together they would hold the UI thread
            await warm_up.add(lambda name=name: importlib.import_module(name),  # type: ignore[misc]
                              first=True)
        await warm_up.run_in_worker(_make_tls_context)

    async def _connect(self) -> AuthenticationClient:
        await self.load_api()
        from authing_desktop.api.client import AuthenticationClient
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
                admin_token = pool.admin_token
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
        client = AuthenticationClient(connection, http_transport=self._http_transport)
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


def _make_tls_context() -> None:
    from authing_desktop.api.tls import verifying_context

    verifying_context()
