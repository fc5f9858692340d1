"""One running app per user (and per ``--basedir``): a second launch asks the first to show its
window, then exits.

A lock file (`QLockFile`, in the state dir) decides who is first; it notices a lock left by a
crashed run (the PID is gone) and takes it over. The first run then listens on a local socket
(`InstanceChannel`, name per user and state dir, accessible to this user only); a later launch
connects and sends ``raise``. Holding the lock makes removing a stale socket safe: no other
run can be listening on it.
"""

from __future__ import annotations

import logging
import os
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from authing_desktop import APP_NAME

if TYPE_CHECKING:
    from authing_desktop.services.instance_channel import InstanceChannel

log = logging.getLogger("authing_desktop.instance")

LOCK_FILE = "instance.lock"
# A first run holds the lock a moment before it listens: a later launch keeps trying this long.
CONNECT_WINDOW_S = 3.0
RETRY_S = 0.05


def socket_name(state_dir: Path) -> str:
    """A local socket name of this user for this state dir (short: Unix paths are limited)."""
    if hasattr(os, "getuid"):
        user = str(os.getuid())
    else:
        import getpass

        user = getpass.getuser()
    # zlib's checksums, not hashlib: hashlib loads OpenSSL (~4 MiB) that start-up otherwise
    # does not need; the name only has to differ between state dirs, not resist an attacker.
    path = str(state_dir.resolve()).encode("utf-8")
    digest = f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"
    return f"{APP_NAME}-{user}-{digest}"


class SingleInstance(QObject):
    """Call `claim` once at start-up: True means this run is the first (it listens and emits
    ``activation_requested`` when another launch asks); False means another run was asked to
    show its window, and this one should exit.

    ``claim(listen=False)`` only takes the lock; `listen` then opens the socket once the window
    is up (start-up's first frame need not load the socket module). A launch in between sees
    the lock held and keeps knocking for up to `CONNECT_WINDOW_S`."""

    activation_requested = Signal()

    def __init__(self, state_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state_dir = state_dir
        self.name = socket_name(state_dir)
        self._lock: QLockFile | None = None
        self._channel: InstanceChannel | None = None

    @property
    def is_primary(self) -> bool:
        return self._channel is not None

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
            from authing_desktop.services.instance_channel import ask_to_raise

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
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # ------------------------------------------------------------ first run

    def listen(self) -> None:
        """Answer later launches (after ``claim(listen=False)`` returned True)."""
        from authing_desktop.services.instance_channel import InstanceChannel

        if self._lock is None or self._channel is not None:
            return
        channel = InstanceChannel(self.name, self._raise_requested, self)
        if channel.listen():
            self._channel = channel

    def _raise_requested(self) -> None:
        log.info("another launch asked to show the window")
        self.activation_requested.emit()
