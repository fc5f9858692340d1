"""The session's step-up asker (docs/step-up.md): opens `StepUpDialog` over the window and
awaits it. Installed when the workspace opens; the dialog's code loads with the first
question only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from authing_desktop.ui.dialogs.dialog_result import open_and_wait

if TYPE_CHECKING:
    from authing_desktop.api.step_up import StepUpNeed, StepUpProof
    from authing_desktop.services.passkeys import Passkeys
    from authing_desktop.services.session import Session
    from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker
    from authing_desktop.ui.dialogs.step_up_dialog import StepUpDialog


class DialogStepUpAsker:
    """The session's `StepUpAsker`: builds the presenter, opens the dialog over ``parent``
    and awaits it; the proof, or None when the user cancelled. ``dialog`` is the open one
    (tests type into it); ``passkeys`` lets the dialog offer the account's security keys,
    whose PIN is asked over the dialog (``pin_asker``)."""

    def __init__(self, parent: QWidget, session: Session,
                 passkeys: Passkeys | None = None) -> None:
        self._parent = parent
        self._session = session
        self._passkeys = passkeys
        self.dialog: StepUpDialog | None = None
        self.pin_asker: DialogPinAsker | None = None

    async def ask_step_up(self, need: StepUpNeed) -> StepUpProof | None:
        from authing_desktop.presenters.step_up import StepUpPresenter
        from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker
        from authing_desktop.ui.dialogs.step_up_dialog import StepUpDialog

        if not isValid(self._parent):  # the window is gone: nobody to ask
            return None
        presenter = StepUpPresenter(self._session, self._session.tasks, need,
                                    passkeys=self._passkeys)
        self.dialog = StepUpDialog(presenter, self._parent)
        presenter.pin = self.pin_asker = DialogPinAsker(self.dialog)
        presenter.load()
        try:
            await open_and_wait(self.dialog)
        finally:
            self.dialog = None
            presenter.cancel()
        return presenter.proof
