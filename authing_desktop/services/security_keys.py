"""Touching a security key without blocking the window (docs/passkeys.md#the-desktop-client).

`SecurityKeys` runs one WebAuthn ceremony at a time with python-fido2:

- **Code loads first.** fido2's modules are imported through the warm-up's worker
  (`KEY_MODULES`) before any ceremony; the ceremony's own thread then only runs loaded code
  (docs/start-up.md: other worker threads import nothing).
- **The touch runs in its own thread** (it waits for a finger for up to the options' timeout):
  never the UI thread, and not the warm-up's worker, which other work waits for.
- **Cancel works:** cancelling the awaiting task sets the ceremony's event, which python-fido2
  passes to the key (CTAPHID_CANCEL) and which ends a pending PIN question.
- **The device is injectable:** ``client_factory(origin, interaction)`` returns the WebAuthn
  client. By default it is a `Fido2Client` over the first USB HID key on Linux (with a clear
  "no key" / "no permission" diagnosis, `security_key_devices`) and `WindowsClient` on Windows
  (untested here); tests pass a software authenticator.
- **A PIN** is asked on the UI thread through ``PinAsker`` (a dialog opened with ``open()``),
  while the ceremony's thread waits for the answer.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib
import sys
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol

from authing_desktop.services.security_key_errors import KeyProblem, SecurityKeyError
from authing_desktop.services.warm_up import WarmUp

KEY_THREAD_NAME = "security-key"

# What a ceremony uses, imported in the warm-up's worker before the first one.
KEY_MODULES: tuple[str, ...] = (
    "fido2", "fido2.utils", "fido2.cbor", "fido2.cose", "fido2.rpid", "fido2.webauthn",
    "fido2.ctap", "fido2.ctap1", "fido2.ctap2", "fido2.ctap2.pin", "fido2.ctap2.extensions",
    "fido2.hid", "fido2.hid.base", "fido2.client",
)
WINDOWS_MODULES: tuple[str, ...] = ("fido2.client.windows",)
# The app's own module that opens the device: loaded on the UI thread, after fido2.
DEVICES_MODULE = "authing_desktop.services.security_key_devices"


class KeyClient(Protocol):
    """What a ceremony needs of a WebAuthn client (python-fido2's `WebAuthnClient`)."""

    def make_credential(self, options: Any, event: threading.Event | None = None) -> Any: ...

    def get_assertion(self, options: Any, event: threading.Event | None = None) -> Any: ...


class Interaction(Protocol):
    """The callbacks a client calls from the ceremony's thread (python-fido2's
    `UserInteraction`): the key waits for a touch, or wants its PIN."""

    def prompt_up(self) -> None: ...

    def request_pin(self, permissions: Any, rp_id: str | None) -> str | None: ...

    def request_uv(self, permissions: Any, rp_id: str | None) -> bool: ...


ClientFactory = Callable[[str, Interaction], KeyClient]


class PinAsker(Protocol):
    """Asks for the key's PIN on the UI thread (a dialog); None when the user gave up."""

    async def ask_pin(self) -> str | None: ...


class _Ceremony:
    """The bridge between one ceremony's thread and the UI thread's event loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop, pin: PinAsker | None,
                 on_touch: Callable[[], None] | None) -> None:
        self.loop = loop
        self.event = threading.Event()
        self.cancelled = False
        self.pin_refused = False
        self._pin = pin
        self._on_touch = on_touch
        self._pin_future: concurrent.futures.Future[str | None] | None = None

    # Called from the ceremony's thread (python-fido2's UserInteraction).
    def prompt_up(self) -> None:
        if self._on_touch is not None:
            self.loop.call_soon_threadsafe(self._on_touch)

    def request_pin(self, permissions: Any, rp_id: str | None) -> str | None:
        if self._pin is None or self.event.is_set():
            self.pin_refused = True
            return None
        future = asyncio.run_coroutine_threadsafe(self._pin.ask_pin(), self.loop)
        self._pin_future = future
        while not self.event.is_set():
            try:
                answer = future.result(timeout=0.1)
            except concurrent.futures.TimeoutError:
                continue
            except concurrent.futures.CancelledError:
                break
            if answer:
                return answer
            break
        future.cancel()
        self.pin_refused = True
        return None

    def request_uv(self, permissions: Any, rp_id: str | None) -> bool:
        return not self.event.is_set()

    # Called on the UI thread.
    def cancel(self) -> None:
        self.cancelled = True
        self.event.set()
        if self._pin_future is not None:
            self._pin_future.cancel()


def _plain(value: Any) -> Any:
    """python-fido2's JSON mappings as plain dicts and lists (what the API layer sends)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(value[key]) for key in value}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


class SecurityKeys:
    """One ceremony at a time with a security key (see the module's docstring)."""

    def __init__(self, warm_up: WarmUp, *, client_factory: ClientFactory | None = None,
                 platform: str = sys.platform) -> None:
        self._warm_up = warm_up
        self.client_factory = client_factory
        self._platform = platform
        self._loaded: asyncio.Future[None] | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._current: _Ceremony | None = None

    @property
    def busy(self) -> bool:
        """True while a ceremony waits for the key."""
        return self._current is not None

    def load(self) -> asyncio.Future[None]:
        """Import python-fido2 through the warm-up's worker (once)."""
        if self._loaded is None or self._loaded.cancelled():
            self._loaded = asyncio.ensure_future(self._load())
        return self._loaded

    async def _load(self) -> None:
        names = KEY_MODULES + (WINDOWS_MODULES if self._platform == "win32" else ())
        await self._warm_up.add(lambda: _import_all(names), in_worker=True, first=True)
        await self._warm_up.add(lambda: importlib.import_module(DEVICES_MODULE), first=True)

    def cancel(self) -> None:
        """Stop the running ceremony (its awaiting call raises `SecurityKeyError` CANCELLED)."""
        if self._current is not None:
            self._current.cancel()

    async def create(self, options: Mapping[str, Any], origin: str, *,
                     pin: PinAsker | None = None,
                     on_touch: Callable[[], None] | None = None) -> dict[str, Any]:
        """Register a new credential on the key: the L3 ``RegistrationResponseJSON``."""
        await asyncio.shield(self.load())
        from fido2.webauthn import PublicKeyCredentialCreationOptions

        parsed = PublicKeyCredentialCreationOptions.from_dict(dict(options))

        def make(client: KeyClient, event: threading.Event) -> Any:
            return client.make_credential(parsed, event=event)

        return await self._run(make, origin, pin, on_touch, creating=True)

    async def get(self, options: Mapping[str, Any], origin: str, *,
                  pin: PinAsker | None = None,
                  on_touch: Callable[[], None] | None = None) -> dict[str, Any]:
        """Sign the options' challenge with a key: the L3 ``AuthenticationResponseJSON``."""
        await asyncio.shield(self.load())
        from fido2.webauthn import PublicKeyCredentialRequestOptions

        parsed = PublicKeyCredentialRequestOptions.from_dict(dict(options))

        def assert_(client: KeyClient, event: threading.Event) -> Any:
            return client.get_assertion(parsed, event=event).get_response(0)

        return await self._run(assert_, origin, pin, on_touch, creating=False)

    async def aclose(self) -> None:
        """Cancel a running ceremony; its thread ends on its own."""
        self.cancel()
        if self._loaded is not None and not self._loaded.done():
            self._loaded.cancel()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    # -------------------------------------------------------------------- internals

    async def _run(self, action: Callable[[KeyClient, threading.Event], Any], origin: str,
                   pin: PinAsker | None, on_touch: Callable[[], None] | None, *,
                   creating: bool) -> dict[str, Any]:
        if self._current is not None:
            raise SecurityKeyError(KeyProblem.BUSY)
        loop = asyncio.get_running_loop()
        ceremony = _Ceremony(loop, pin, on_touch)
        factory = self.client_factory or self._default_factory()
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix=KEY_THREAD_NAME)

        def job() -> Any:
            return _plain(action(factory(origin, ceremony), ceremony.event))

        self._current = ceremony
        running = loop.run_in_executor(self._executor, job)

        def released(finished: asyncio.Future[Any]) -> None:
            _discard(finished)
            if self._current is ceremony:
                self._current = None

        try:
            result: dict[str, Any] = await asyncio.shield(running)
        except asyncio.CancelledError:
            ceremony.cancel()
            # The thread ends once the key saw the event; its outcome no longer matters, but
            # the key (and the one key thread) stay busy until then.
            running.add_done_callback(released)
            raise
        except SecurityKeyError:
            raise
        except Exception as error:
            raise SecurityKeyError.from_failure(error, creating=creating,
                                                cancelled=ceremony.cancelled,
                                                pin_refused=ceremony.pin_refused) from error
        finally:
            if running.done() and self._current is ceremony:
                self._current = None
        return result

    def _default_factory(self) -> ClientFactory:
        from authing_desktop.services.security_key_devices import usb_client, windows_client

        return windows_client if self._platform == "win32" else usb_client


def _discard(finished: asyncio.Future[Any]) -> None:
    if not finished.cancelled():
        finished.exception()


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:  # not this platform's: the ceremony says what is missing
            continue
