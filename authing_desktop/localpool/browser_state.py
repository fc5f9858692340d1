"""Short-lived state of the pool's browser-facing flows, kept in memory (lost on restart, which
only means signing in again): expiring single-use entries (authorization codes, CAS tickets),
browser sign-in sessions (a cookie) and the CSRF tokens of the hosted sign-in form.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.inputs import ascii_digits, secret_equals

T = TypeVar("T")

MAX_ENTRIES = 10_000
SESSION_COOKIE = "localpool_session"
CSRF_COOKIE = "localpool_csrf"
SESSION_LIFETIME_S = 12 * 3600.0
CSRF_LIFETIME_S = 1800.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class ExpiringStore(Generic[T]):
    """A thread-safe map whose entries expire; the oldest entries go first when it is full
    (bounded memory whatever a client sends)."""

    def __init__(self, clock: Clock, max_entries: int = MAX_ENTRIES) -> None:
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._max = max_entries
        self.lock = threading.RLock()

    def put(self, key: str, value: T, lifetime: float) -> None:
        """Store ``value`` under ``key`` for ``lifetime`` seconds."""
        with self.lock:
            self._prune()
            self._entries[key] = (self._clock.monotonic() + lifetime, value)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def get(self, key: str) -> T | None:
        """The live value of ``key``, else None."""
        with self.lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] <= self._clock.monotonic():
                del self._entries[key]
                return None
            return found[1]

    def take(self, key: str) -> T | None:
        """The live value of ``key``, removed (single use), else None."""
        with self.lock:
            value = self.get(key)
            self._entries.pop(key, None)
            return value

    def discard(self, key: str) -> None:
        """Forget ``key``."""
        with self.lock:
            self._entries.pop(key, None)

    def _prune(self) -> None:
        now = self._clock.monotonic()
        while self._entries:
            key, (expires, _value) = next(iter(self._entries.items()))
            if expires > now:
                break
            del self._entries[key]


@dataclass(frozen=True)
class BrowserSession:
    """A browser signed in on the hosted page (the SSO session of ``/cas/session``)."""

    user_id: str
    created_at: float
    expires_at: float


class BrowserSessions:
    """Sessions by cookie value (the cookie is a random id, never anything else)."""

    def __init__(self, clock: Clock, lifetime: float = SESSION_LIFETIME_S) -> None:
        self._clock = clock
        self._store: ExpiringStore[BrowserSession] = ExpiringStore(clock)
        self.lifetime = lifetime

    def start(self, user_id: str) -> str:
        """A new session for ``user_id``; the cookie value."""
        session_id = secrets.token_urlsafe(32)
        now = self._clock.now()
        self._store.put(session_id, BrowserSession(user_id, now, now + self.lifetime),
                        self.lifetime)
        return session_id

    def get(self, cookie: str | None) -> BrowserSession | None:
        """The live session of ``cookie``."""
        return self._store.get(cookie) if cookie else None

    def end(self, cookie: str | None) -> None:
        """End the session of ``cookie`` (if any)."""
        if cookie:
            self._store.discard(cookie)


class CsrfGuard:
    """Per-form CSRF tokens bound to a random cookie: ``<issued>.<nonce>.<mac>`` where the MAC
    covers the cookie value, so a token lifted from one browser is useless in another, and a
    cross-site form post carries no token at all."""

    def __init__(self, key: bytes, clock: Clock, lifetime: float = CSRF_LIFETIME_S) -> None:
        self._key = key
        self._clock = clock
        self._lifetime = lifetime

    @staticmethod
    def new_cookie() -> str:
        """A fresh cookie value."""
        return secrets.token_urlsafe(32)

    def _mac(self, cookie: str, issued: str, nonce: str) -> str:
        message = f"{cookie}|{issued}|{nonce}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def token(self, cookie: str) -> str:
        """A new form token for the browser holding ``cookie``."""
        issued = str(int(self._clock.now()))
        nonce = secrets.token_urlsafe(12)
        return f"{issued}.{nonce}.{self._mac(cookie, issued, nonce)}"

    def check(self, cookie: str | None, token: str | None) -> bool:
        """True when ``token`` was made for ``cookie`` and is recent."""
        if not cookie or not token or token.count(".") != 2:
            return False
        issued, nonce, mac = token.split(".")
        if ascii_digits(issued) is None or self._clock.now() - int(issued) > self._lifetime:
            return False
        return secret_equals(mac, self._mac(cookie, issued, nonce))


def redirect_allowed(uri: str | None, registered: tuple[str, ...]) -> bool:
    """RFC 8252: a loopback ``http`` URI (127.0.0.1, [::1], localhost) on any port; anything
    else only when registered, compared exactly."""
    if not uri or not isinstance(uri, str):
        return False
    if uri in registered:
        return True
    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return False
    return (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
            and not parts.fragment and parts.username is None and parts.password is None)


@dataclass(frozen=True)
class CasTicket:
    """A CAS service ticket: the service it was issued for and the signed-in user."""

    service: str
    user_id: str
