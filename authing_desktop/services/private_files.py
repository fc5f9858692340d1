"""Files that hold something of the user's account (a recovery code, a recovery kit, an
export): readable by the user alone (0600), as the project's security rules ask."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path


def write_private(path: str | Path, content: bytes, *, new: bool = False) -> None:
    """Write ``content`` to ``path`` with mode 0600 (raises OSError). ``new``: refuse an
    existing file instead of replacing it."""
    target = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if new else os.O_TRUNC)
    descriptor = os.open(target, flags, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    if not new:
        with contextlib.suppress(OSError):
            os.chmod(target, 0o600)  # an existing file keeps its mode on open: make it private


async def write_private_in_worker(path: str | Path, content: bytes) -> None:
    """`write_private` in the running loop's worker threads, off the UI thread (raises
    OSError)."""
    await asyncio.get_running_loop().run_in_executor(None, write_private, path, content)
