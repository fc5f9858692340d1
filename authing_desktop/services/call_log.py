"""Every API call of this run, for the network inspector: redacted on arrival, bounded in memory.

`CallLog` is the one observer of the connection's client (`ClientCore.observer`): it installs
itself on every client the connection makes and hands each raw `CallRecord` to its listeners
(the transcript recorder) before dropping it. What it keeps is already redacted, so nothing
secret stays in memory for the inspector, a crash report or a screenshot.

It also wraps the client's password encryptor so a listener learns which encrypted transport
form stands for which password (RSA padding makes them differ each time): a transcript can then
give one password one marker. Listeners must not keep the values they are told.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from authing_desktop.redaction import PROTOCOL_SAFE_KEYS, redact, redact_text
from authing_desktop.replay.transcript_file import path_of

if TYPE_CHECKING:
    from authing_desktop.api.client_core import ClientCore
    from authing_desktop.api.transport import CallRecord
    from authing_desktop.services.connection import Connection

log = logging.getLogger("authing_desktop.call_log")

DEFAULT_LIMIT = 500

Clock = Callable[[], dt.datetime]


class CallListener(Protocol):
    """Gets each raw call (and each password encryption) while it is being reported."""

    def call_finished(self, record: CallRecord) -> None: ...

    def password_encrypted(self, transport_form: str, plain: str) -> None: ...


@dataclass(frozen=True)
class LoggedCall:
    """One call as the inspector shows it. Everything here is already redacted."""

    number: int
    at: dt.datetime
    kind: str
    operation: str
    method: str
    path: str
    duration: float
    code: int | None
    message: str
    status: int | None
    variables: Any
    response: Any

    @property
    def ok(self) -> bool:
        return self.code == 200


def logged_call(number: int, at: dt.datetime, record: CallRecord, host: str) -> LoggedCall:
    """The redacted, displayable form of ``record``."""
    return LoggedCall(
        number=number, at=at, kind=record.kind, operation=record.name, method=record.method,
        path=path_of(record.url, host), duration=record.duration, code=record.code,
        message=redact_text(record.message), status=record.status_code,
        variables=redact(dict(record.variables or {}), extra_safe_keys=PROTOCOL_SAFE_KEYS),
        response=redact(record.response, extra_safe_keys=PROTOCOL_SAFE_KEYS))


class CallLog(QObject):
    """The calls of this run, oldest first, at most ``limit``; ``added`` carries a
    `LoggedCall`, ``cleared`` fires on `clear`."""

    added = Signal(object)
    cleared = Signal()

    def __init__(self, connection: Connection | None = None, *, limit: int = DEFAULT_LIMIT,
                 clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if limit < 1:
            raise ValueError("the call log needs room for at least one call")
        self._calls: collections.deque[LoggedCall] = collections.deque(maxlen=limit)
        self._listeners: list[CallListener] = []
        self._count = 0
        self._clock = clock or (lambda: dt.datetime.now().astimezone())
        self._connection = connection
        if connection is not None:
            connection.ready_changed.connect(self._connection_ready)
            if connection.client is not None:
                self.attach(connection.client)

    @property
    def calls(self) -> tuple[LoggedCall, ...]:
        return tuple(self._calls)

    @property
    def limit(self) -> int:
        return self._calls.maxlen or 0

    def clear(self) -> None:
        self._calls.clear()
        self.cleared.emit()

    def add_listener(self, listener: CallListener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, listener: CallListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def attach(self, client: ClientCore) -> None:
        """Observe ``client``'s calls and password encryptions (idempotent)."""
        client.observer = self.record
        reporting = _reporting_encryptor_class()
        if isinstance(client.password_encryptor, reporting):
            client.password_encryptor.report = self._encrypted  # the newest observer's
        else:
            client.password_encryptor = reporting(client.password_encryptor, self._encrypted)

    def record(self, record: CallRecord) -> None:
        """The observer: listeners first (raw), then the redacted entry."""
        for listener in list(self._listeners):
            try:
                listener.call_finished(record)
            except Exception:  # a listener bug must not lose the call for the others
                log.exception("call listener failed")
        self._count += 1
        host = self._host()
        entry = logged_call(self._count, self._clock(), record, host)
        self._calls.append(entry)
        self.added.emit(entry)

    def _host(self) -> str:
        client = self._connection.client if self._connection is not None else None
        return client.profile.host if client is not None else ""

    def _encrypted(self, transport_form: str, plain: str) -> None:
        for listener in list(self._listeners):
            try:
                listener.password_encrypted(transport_form, plain)
            except Exception:
                log.exception("call listener failed")

    def _connection_ready(self, ready: bool) -> None:
        client = self._connection.client if self._connection is not None else None
        if ready and client is not None:
            self.attach(client)


@functools.cache
def _reporting_encryptor_class() -> Any:
    # Built on first use: the api's crypto imports are not paid at start-up.
    from authing_desktop.api.password_encryption import PasswordEncryptor

    class ReportingEncryptor(PasswordEncryptor):
        """The client's encryptor, telling the call log what each transport form stands for."""

        def __init__(self, inner: PasswordEncryptor,
                     report: Callable[[str, str], None]) -> None:
            super().__init__(None, None)
            self._inner = inner
            self.report = report
            self.source = inner.source

        async def encrypt(self, password: str) -> str:
            transport_form = await self._inner.encrypt(password)
            self.source = self._inner.source
            self.report(transport_form, password)
            return transport_form

    return ReportingEncryptor
