"""One running app per user (and per ``--basedir``): a second launch asks the first to show its
window, then exits.

A lock file (`QLockFile`, in the state dir) decides who is first; it notices a lock left by a
crashed run (the PID is gone) and takes it over. The first run then listens on a local socket
(`QLocalServer`, for this user only); a later launch connects and sends ``raise``. Holding the
lock makes removing a stale socket safe: no other run can be listening on it. On Unix the
socket lives in the user's private runtime dir, so that nobody else can take its name first.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal

from authing_desktop import APP_NAME

log = logging.getLogger("authing_desktop.instance")

LOCK_FILE = "instance.lock"
RAISE = b"raise\n"
ACK = b"ok\n"
MAX_MESSAGE = 64
CONNECT_MS = 500
# The first run answers from its event loop, which may be busy starting up.
ANSWER_MS = 2000
# A first run holds the lock a moment before it listens: a later launch keeps trying this long.
CONNECT_WINDOW_S = 3.0
RETRY_S = 0.05


def socket_name(state_dir: Path) -> str:
    """The local socket of this user for this state dir: a path in the private runtime dir
    on Unix (``$XDG_RUNTIME_DIR``, else the temp dir, as Qt would), a plain name elsewhere."""
    import hashlib  # it loads OpenSSL's library; not needed before the window is up

    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(str(state_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    name = f"{APP_NAME}-{user}-{digest}"
    if os.name != "posix":
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = runtime if runtime and Path(runtime).is_dir() else (
        os.environ.get("TMPDIR") or "/tmp")  # noqa: S108 - Qt's own choice
    return str(Path(folder) / name)


class SingleInstance(QObject):
    """Call `claim` once at start-up: True means this run is the first (it listens and emits
    ``activation_requested`` when another launch asks); False means another run was asked to
    show its window, and this one should exit.

    ``claim(listen=False)`` only takes the lock; `listen` opens the socket once the window is
    up. A launch in between sees the lock held and keeps knocking for up to
    `CONNECT_WINDOW_S`."""

    activation_requested = Signal()

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state_dir = state_dir
        self._name: str | None = None
        self._lock: QLockFile | None = None
        self._server: Any = None  # a QLocalServer once listening

    @property
    def name(self) -> str:
        """The local socket's name (`socket_name`), worked out when first needed: a first run
        needs it only once its window is up."""
        if self._name is None:
            self._name = socket_name(self._state_dir)
        return self._name

    @property
    def is_primary(self) -> bool:
        return self._server is not None

    def claim(self, *, listen: bool = True) -> bool:
        """Become the first run, or hand over to the one that is (see the class doc).

        Blocking, before any event loop runs; at most about `CONNECT_WINDOW_S`."""
        self._state_dir.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + CONNECT_WINDOW_S
        while True:
            lock = QLockFile(str(self._state_dir / LOCK_FILE))
            lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
            if lock.tryLock(0):
                self._lock = lock
                if listen:
                    self.listen()
                return True
            if ask_to_raise(self.name):
                return False
            if time.monotonic() > deadline:
                # The owner neither answers nor gives up its lock (hung): a second window is
                # better than none.
                log.warning("another run holds the instance lock but does not answer")
                return True
            # It took the lock a moment ago and is not listening yet, or it is quitting.
            time.sleep(RETRY_S)

    def release(self) -> None:
        """Stop listening and drop the lock (at quit)."""
        if self._server is not None:
            self._server.close()  # removes the socket file
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # ------------------------------------------------------------ first run

    def listen(self) -> bool:
        """Answer later launches (after ``claim(listen=False)`` returned True). False when the
        socket cannot be made (e.g. something else has its name): the app runs on, alone."""
        # QtNetwork here, not at import: the lock is taken before the first frame, the socket
        # opened after it.
        from PySide6.QtNetwork import QLocalServer

        if self._lock is None or self._server is not None:
            return self._server is not None
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # left by a crashed run: we hold the lock
        if not server.listen(self.name):
            log.warning("cannot listen for other launches: %s", server.errorString())
            server.deleteLater()
            return False
        server.newConnection.connect(lambda: self._accept(server))
        self._server = server
        return True

    def _accept(self, server: Any) -> None:
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            if connection is None:
                break
            connection.setParent(self)
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: Any) -> None:
        if not connection.canReadLine():
            if connection.bytesAvailable() > MAX_MESSAGE:
                connection.abort()  # not one of ours
            return
        if bytes(connection.readLine(MAX_MESSAGE).data()) == RAISE:
            connection.write(ACK)
            connection.flush()
            log.info("another launch asked to show the window")
            self.activation_requested.emit()
        connection.disconnectFromServer()


def ask_to_raise(name: str) -> bool:
    """As a later launch: True when the run listening on ``name`` took the request (it answers
    ``ok``). Blocking, at most `CONNECT_MS` + `ANSWER_MS`."""
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_MS):
        client.abort()
        return False
    client.write(RAISE)
    client.waitForBytesWritten(CONNECT_MS)
    answered = client.waitForReadyRead(ANSWER_MS) and bytes(
        client.readLine(MAX_MESSAGE).data()) == ACK
    client.abort()
    return answered
