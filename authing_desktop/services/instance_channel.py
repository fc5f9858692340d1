"""The local socket `SingleInstance` listens on, and the one-line request a later launch sends.

On Unix it is a Python ``AF_UNIX`` socket watched by a `QSocketNotifier`, in the user's private
runtime dir (``$XDG_RUNTIME_DIR``; else ``$TMPDIR`` or ``/tmp``, as `QLocalServer` would),
created for this user only: QtNetwork (and the Kerberos libraries it links) would add ~2.5 MiB
to every idle window for this one socket. Elsewhere (Windows: no ``AF_UNIX`` in Python) it is
`QLocalServer`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger("authing_desktop.instance")

RAISE = b"raise\n"
ACK = b"ok\n"
MAX_MESSAGE = 64
CONNECT_MS = 500
# The first run answers from its event loop, which may be busy starting up.
ANSWER_MS = 2000

HAS_UNIX_SOCKETS = hasattr(socket, "AF_UNIX")


def socket_path(name: str) -> Path:
    """Where the Unix local socket called ``name`` lives: the runtime dir only this user can
    enter, so that nobody else can take the name first; without one, the temp dir."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / name
    return Path(os.environ.get("TMPDIR") or "/tmp") / name  # noqa: S108 - Qt's own choice


class InstanceChannel(QObject):
    """Listens on ``name``; calls ``on_raise`` (on the UI thread) for each ``raise`` request,
    after answering it. `listen` returns False when the socket cannot be made."""

    def __init__(self, name: str, on_raise: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._on_raise = on_raise
        self._server: socket.socket | None = None
        self._notifiers: dict[socket.socket, QSocketNotifier] = {}
        self._buffers: dict[socket.socket, bytes] = {}
        self._qt_server: QObject | None = None

    def listen(self) -> bool:
        """Start listening; the caller holds the instance lock, so a socket file left behind
        belongs to a run that is gone and is removed."""
        if not HAS_UNIX_SOCKETS:
            return self._listen_qt()
        path = socket_path(self.name)
        # A file left there by someone else (not ours to remove) makes the bind below fail
        # with a warning, not start-up.
        with contextlib.suppress(OSError):
            path.unlink()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        # Created 0600 (this user only); start-up is single-threaded, so the umask switch
        # cannot affect another thread's files.
        previous = os.umask(0o177)
        try:
            server.bind(str(path))
            server.listen(4)
        except OSError as error:
            server.close()
            log.warning("cannot listen for other launches: %s", error)
            return False
        finally:
            os.umask(previous)
        server.setblocking(False)
        self._server = server
        self._watch(server, self._accept)
        return True

    def close(self) -> None:
        """Stop listening (the socket file goes too)."""
        # Notifiers go before their sockets: one left watching a closed descriptor (which the
        # next socket may reuse) confuses the event dispatcher.
        for connection, notifier in list(self._notifiers.items()):
            notifier.setEnabled(False)
            shiboken6.delete(notifier)
            connection.close()
        self._notifiers.clear()
        self._buffers.clear()
        if self._server is not None:
            self._server = None
            with contextlib.suppress(OSError):
                socket_path(self.name).unlink()
        if self._qt_server is not None:
            self._qt_server.close()  # type: ignore[attr-defined]
            self._qt_server = None

    # ------------------------------------------------------------ Unix

    def _watch(self, sock: socket.socket, ready: Callable[[socket.socket], None]) -> None:
        notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(lambda *_args: ready(sock))
        self._notifiers[sock] = notifier

    def _forget(self, sock: socket.socket) -> None:
        notifier = self._notifiers.pop(sock, None)
        if notifier is not None:
            notifier.setEnabled(False)
            notifier.deleteLater()
        self._buffers.pop(sock, None)
        sock.close()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                connection, _address = server.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                log.warning("instance socket: %s", error)
                return
            connection.setblocking(False)
            self._buffers[connection] = b""
            self._watch(connection, self._read)

    def _read(self, connection: socket.socket) -> None:
        try:
            chunk = connection.recv(MAX_MESSAGE + 1)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        data = self._buffers.get(connection, b"") + chunk
        if chunk and b"\n" not in data and len(data) <= MAX_MESSAGE:
            self._buffers[connection] = data
            return  # more to come
        if data == RAISE:
            with contextlib.suppress(OSError):
                connection.send(ACK)
            self._forget(connection)
            self._on_raise()
            return
        self._forget(connection)  # closed early, too long, or not one of ours

    # ------------------------------------------------------------ elsewhere

    def _listen_qt(self) -> bool:
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("cannot listen for other launches: %s", server.errorString())
            return False

        def read(connection: QLocalSocket) -> None:
            if not connection.canReadLine():
                if connection.bytesAvailable() > MAX_MESSAGE:
                    connection.abort()  # not one of ours
                return
            if bytes(connection.readLine(MAX_MESSAGE).data()) == RAISE:
                connection.write(ACK)
                connection.flush()
                self._on_raise()
            connection.disconnectFromServer()

        def accept() -> None:
            while server.hasPendingConnections():
                connection = server.nextPendingConnection()
                if connection is None:
                    break
                connection.setParent(self)
                connection.readyRead.connect(lambda c=connection: read(c))
                connection.disconnected.connect(connection.deleteLater)

        server.newConnection.connect(accept)
        self._qt_server = server
        return True


def ask_to_raise(name: str) -> bool:
    """As a later launch: True when the run listening on ``name`` took the request (it
    answers ``ok``). Blocking, at most `CONNECT_MS` + `ANSWER_MS`."""
    if not HAS_UNIX_SOCKETS:
        return _ask_to_raise_qt(name)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        try:
            client.settimeout(CONNECT_MS / 1000)
            client.connect(str(socket_path(name)))
            client.sendall(RAISE)
            client.settimeout(ANSWER_MS / 1000)
            answer = b""
            while b"\n" not in answer and len(answer) <= MAX_MESSAGE:
                chunk = client.recv(MAX_MESSAGE)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            return False
    return answer == ACK


def _ask_to_raise_qt(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_MS):
        client.abort()
        return False
    client.write(RAISE)
    client.waitForBytesWritten(CONNECT_MS)
    answered = client.waitForReadyRead(ANSWER_MS) and \
        bytes(client.readLine(MAX_MESSAGE).data()) == ACK
    client.abort()
    return answered
