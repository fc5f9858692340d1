"""Awaiting a dialog from a coroutine, the qasync way: ``open()`` and a future, never
``exec()`` (a nested event loop inside a coroutine would re-enter the asyncio loop)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtWidgets import QDialog
from shiboken6 import isValid


async def open_and_wait(dialog: QDialog, *, opened: Callable[[], object] | None = None) -> int:
    """Open ``dialog`` (window-modal) and wait until it finishes; its result code.

    ``opened`` runs right after the dialog opened. Whatever ends the wait (the result, a
    cancellation, an error), the dialog is rejected if still showing and deleted later, unless
    its parent already took it down."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not done.done():
            done.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    if opened is not None:
        opened()
    try:
        return await done
    finally:
        if isValid(dialog):
            if dialog.isVisible():
                dialog.reject()
            dialog.deleteLater()
