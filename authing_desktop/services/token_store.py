"""Where sign-in tokens are kept between runs: the system keychain, and nowhere else.

One keychain entry per profile and account: service ``authing-desktop:<profile id>``, user
name = the account key. The secret is an opaque string (the session decides its content).

keyring's calls block (D-Bus on Linux, possibly a Keychain prompt on macOS), so each runs in the
loop's executor, never on the UI thread. When no usable keychain exists (keyring's ``fail`` or
``null`` backend, or the keychain is locked or refuses), the store switches to *memory only* for
the rest of the run and tells the user once; it never writes a token to a plain file.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication

from authing_desktop import APP_NAME
from authing_desktop.services.bus import MessageBus

log = logging.getLogger("authing_desktop.token_store")

T = TypeVar("T")
OffThread = Callable[[Callable[[], Any]], Awaitable[Any]]

NOTICE_KEY = "token-store"


def service_name(profile_id: str) -> str:
    """The keychain service of a profile's entries."""
    return f"{APP_NAME}:{profile_id}"


def backend_class_path(backend: object) -> str:
    """``keyring.backends.SecretService.Keyring`` style name of a keyring backend."""
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


class TokenStore(Protocol):
    """What the session needs from a token store."""

    @property
    def memory_only(self) -> bool:
        """True when tokens will not outlive this run."""
        ...

    async def open(self) -> None:
        """Find the backend (may block on the keychain: done off the UI thread)."""
        ...

    async def get(self, profile_id: str, account: str) -> str | None: ...

    async def set(self, profile_id: str, account: str, secret: str) -> None: ...

    async def delete(self, profile_id: str, account: str) -> None: ...


class MemoryTokenStore:
    """The same interface in memory only: for tests of other things, and the fallback."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], str] = {}

    @property
    def memory_only(self) -> bool:
        return True

    async def open(self) -> None:
        return None

    async def get(self, profile_id: str, account: str) -> str | None:
        return self._entries.get((profile_id, account))

    async def set(self, profile_id: str, account: str, secret: str) -> None:
        _check_key(profile_id, account)
        self._entries[(profile_id, account)] = secret

    async def delete(self, profile_id: str, account: str) -> None:
        self._entries.pop((profile_id, account), None)


class KeyringTokenStore:
    """Tokens in the system keychain through keyring; memory only when there is none.

    ``backend`` is for tests; by default keyring's own choice (``keyring.get_keyring()``) is
    resolved in `open`. ``off_thread`` runs the keychain's blocking calls (they load backend
    modules on first use: the app passes the warm-up's worker, see warm_up.py).
    """

    def __init__(self, bus: MessageBus, backend: Any = None, *,
                 off_thread: OffThread | None = None) -> None:
        self._bus = bus
        self._backend = backend
        self._run = off_thread or _in_executor
        self._opening: asyncio.Future[None] | None = None
        self._memory: MemoryTokenStore | None = None

    @property
    def memory_only(self) -> bool:
        return self._memory is not None

    @property
    def backend_name(self) -> str:
        """Class path of the keyring backend in use (``""`` before `open`)."""
        return backend_class_path(self._backend) if self._backend is not None else ""

    async def open(self) -> None:
        # Concurrent callers (startup restore, a quick sign-in) share one resolution.
        if self._opening is None:
            self._opening = asyncio.get_running_loop().create_task(self._resolve())
        await asyncio.shield(self._opening)

    async def _resolve(self) -> None:
        if self._backend is None:
            try:
                self._backend = await self._run(_default_backend)
            except Exception as error:
                self._keychain_failed("open", error)
                return
        if not await self._run(lambda: _usable(self._backend)):
            log.warning("no usable keychain backend (%s)", self.backend_name)
            self._fall_back_to_memory()

    async def get(self, profile_id: str, account: str) -> str | None:
        await self.open()
        if self._memory is not None:
            return await self._memory.get(profile_id, account)
        backend = self._backend
        try:
            value = await self._run(partial(backend.get_password, service_name(profile_id),
                                                   account))
        except Exception as error:
            self._keychain_failed("read", error)
            return None
        return value if isinstance(value, str) else None

    async def set(self, profile_id: str, account: str, secret: str) -> None:
        _check_key(profile_id, account)
        await self.open()
        if self._memory is None:
            backend = self._backend
            try:
                await self._run(partial(
                    backend.set_password, service_name(profile_id), account, secret))
                return
            except Exception as error:
                self._keychain_failed("write", error)
        assert self._memory is not None
        await self._memory.set(profile_id, account, secret)

    async def delete(self, profile_id: str, account: str) -> None:
        await self.open()
        if self._memory is not None:
            await self._memory.delete(profile_id, account)
            return
        backend = self._backend
        try:
            await self._run(partial(backend.delete_password, service_name(profile_id), account))
        except Exception as error:
            if _is_missing_entry(error):
                return
            self._keychain_failed("delete", error)

    def _keychain_failed(self, action: str, error: Exception) -> None:
        # keyring raises KeyringError subclasses (NoKeyringError, InitError "Prompt dismissed",
        # KeyringLocked), but backends also leak D-Bus/OS errors: treat any failure alike and
        # never let it crash a sign-in. Only the error type is logged: messages may quote data.
        log.warning("keychain %s failed (%s): memory only from now on", action,
                    type(error).__name__)
        self._fall_back_to_memory()

    def _fall_back_to_memory(self) -> None:
        if self._memory is not None:
            return
        self._memory = MemoryTokenStore()
        self._bus.warning(
            QCoreApplication.translate(
                "TokenStore",
                "No system keychain available: you will have to sign in again next time."),
            key=NOTICE_KEY)


def _default_backend() -> Any:
    import keyring  # imported here, in a worker thread: it is slow to import

    return keyring.get_keyring()


def _usable(backend: Any) -> bool:
    from keyring.backends import fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    priority = getattr(backend, "priority", 1)
    return not (isinstance(priority, int | float) and priority <= 0)


def _is_missing_entry(error: Exception) -> bool:
    from keyring.errors import PasswordDeleteError

    return isinstance(error, PasswordDeleteError)


async def _in_executor(function: Callable[[], T]) -> T:
    return await asyncio.get_running_loop().run_in_executor(None, function)


def _check_key(profile_id: str, account: str) -> None:
    if not profile_id or not account:
        raise ValueError("a token needs a profile id and an account key")
