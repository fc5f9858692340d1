"""The pool's data directory belongs to the user alone: the directory is 0700 and every file in
it (the database and its WAL/SHM files, logs, settings) 0600, because the database holds the
app secret, the signing keys, TOTP secrets and live codes (see docs/local-pool-security.md).

Modes are set when the pool creates the directory or the database, and tightened on every start
when the directory already exists with looser ones (an older version, a copy, a launcher that
created the log with the default umask). On Windows, POSIX modes mean little; nothing is done.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def _posix() -> bool:
    return os.name == "posix"


def prepare_data_dir(path: Path) -> None:
    """Create ``path`` (0700) when missing, then tighten it and the files in it."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    tighten(path)


def tighten(path: Path) -> None:
    """Make ``path`` 0700 and each regular file directly in it 0600 (symlinks are left alone:
    their targets are not the pool's)."""
    if not _posix():
        return
    os.chmod(path, DIR_MODE)
    with os.scandir(path) as entries:
        for entry in entries:
            # A file removed meanwhile (a WAL file at checkpoint) needs nothing.
            with contextlib.suppress(FileNotFoundError):
                if entry.is_file(follow_symlinks=False) \
                        and stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode) != FILE_MODE:
                    os.chmod(entry.path, FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600 unless it exists, so that SQLite, which gives its WAL and
    SHM files the database file's mode, never creates any of them readable by others."""
    if not _posix():
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
