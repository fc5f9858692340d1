"""The Security page's recovery-code card actions: "Regenerate…" opens the dialog that asks
first and shows the new code once (ui/dialogs/recovery_code_dialog.py); the card's sentence says
when the code was made, in the user's locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from authing_desktop.presenters.recovery_code import RecoveryCodePresenter
from authing_desktop.ui.dialogs.recovery_code_dialog import RecoveryCodeDialog, run_regeneration

if TYPE_CHECKING:
    from authing_desktop.ui.pages.account_base import AccountPage
    from authing_desktop.ui.pages.security_methods import MethodCard


class RecoveryCodeControls(QObject):
    """Owns the card's ``<page>.method.recovery.regenerate`` button and its presenter;
    ``changed`` of the presenter tells the page to redraw the card."""

    def __init__(self, page: AccountPage, card: MethodCard) -> None:
        super().__init__(page)
        self._page = page
        self.presenter = RecoveryCodePresenter(page.services.session, page.services.tasks,
                                               parent=self)
        page.bind(self.presenter)
        self.dialogs: list[RecoveryCodeDialog] = []
        self.regenerate_button = QPushButton()
        self.regenerate_button.setObjectName(f"{card.objectName()}.regenerate")
        self.regenerate_button.clicked.connect(self.start)
        self.regenerate_button.setVisible(False)
        card.add_action(self.regenerate_button)
        self.presenter.state_changed.connect(self._show_state)
        self.presenter.busy_changed.connect(
            lambda busy: self.regenerate_button.setEnabled(not busy))
        self.retranslate()

    def start(self) -> None:
        """Open the dialog (once at a time)."""
        if self._page.signed_in and not self.presenter.busy and not self.dialogs:
            self._page.services.tasks.start(self._run(), name="security.recoveryCode")

    async def _run(self) -> None:
        if await run_regeneration(self.presenter, self._page, self.dialogs):
            self._page.notify(self.tr("A new recovery code was made; the old one no longer "
                                      "works."))

    def _show_state(self) -> None:
        self.regenerate_button.setVisible(bool(self.presenter.exists))

    def retranslate(self) -> None:
        self.regenerate_button.setText(self.tr("Regenerate…"))
        self.regenerate_button.setAccessibleName(self.tr("Make a new recovery code"))
