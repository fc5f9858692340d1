"""The sign-in presenter's second-factor asker: opens `SecondFactorDialog` and awaits it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from authing_desktop.ui.dialogs.dialog_result import open_and_wait

if TYPE_CHECKING:
    from authing_desktop.api.models import User
    from authing_desktop.presenters.second_factor import SecondFactorPresenter
    from authing_desktop.ui.dialogs.second_factor_dialog import SecondFactorDialog
    from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker


class DialogSecondFactorAsker:
    """The sign-in presenter's `SecondFactorAsker`: the dialog above, awaited. ``dialog`` is
    the open one (tests type into it)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.dialog: SecondFactorDialog | None = None
        self.pin_asker: DialogPinAsker | None = None

    async def ask_second_factor(self, presenter: SecondFactorPresenter) -> User | None:
        # Imported with the first challenge: most sign-ins never show it.
        from authing_desktop.ui.dialogs.second_factor_dialog import SecondFactorDialog
        from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker

        self.dialog = SecondFactorDialog(presenter, self._parent)
        # A security key's PIN is asked over this dialog.
        presenter.pin = self.pin_asker = DialogPinAsker(self.dialog)
        try:
            await open_and_wait(self.dialog)
        finally:
            self.dialog = None
        return presenter.user
