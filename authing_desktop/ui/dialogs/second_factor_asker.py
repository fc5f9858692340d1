"""The sign-in presenter's second-factor asker: opens `SecondFactorDialog` and awaits it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from authing_desktop.api.models import User
    from authing_desktop.presenters.second_factor import SecondFactorPresenter
    from authing_desktop.ui.dialogs.second_factor_dialog import SecondFactorDialog


class DialogSecondFactorAsker:
    """The sign-in presenter's `SecondFactorAsker`: the dialog above, awaited. ``dialog`` is
    the open one (tests type into it)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.dialog: SecondFactorDialog | None = None

    async def ask_second_factor(self, presenter: SecondFactorPresenter) -> User | None:
        # Imported with the first challenge: most sign-ins never show it.
        from authing_desktop.ui.dialogs.second_factor_dialog import SecondFactorDialog

        dialog = SecondFactorDialog(presenter, self._parent)
        self.dialog = dialog
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def finished(result: int) -> None:
            if not done.done():
                done.set_result(result)

        dialog.finished.connect(finished)
        dialog.open()
        try:
            await done
        finally:
            if dialog.isVisible():
                dialog.reject()
            dialog.deleteLater()
            self.dialog = None
        return presenter.user
