"""The Linked accounts page (``linkedAccounts.*``, docs/linked-accounts.md): the outside accounts
(WeChat, an OIDC provider, a directory) that sign in to this account, each with Unlink…
(asked first; refused in plain words when it is the only way in), and "Link another account":
the sources the application offers, each linked in the system browser while the page says
"Finish in your browser…" with a Cancel button (or Esc).

A page of its own rather than a card: the Security page has no room left under the module
limit, and the Security Checkup opens this page by its key ("linkedAccounts").
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.linked_accounts import (
    LinkableSourceRow,
    LinkedAccountRow,
    LinkedAccountsPresenter,
)
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import AccountPage, section_title
from authing_desktop.ui.pages.linked_accounts_rows import LinkableSourceView, LinkedAccountView
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.card import Card

KEY = "linkedAccounts"
EMPTY_ICON_SIDE = 40


class LinkedAccountsPage(AccountPage):
    """The page; `presenter` runs its calls, `link` and `unlink` are its actions."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = LinkedAccountsPresenter(services.session, services.tasks,
                                                 services.account_linking, parent=self)
        self.bind(self.presenter)
        self.account_views: list[LinkedAccountView] = []
        self.source_views: list[LinkableSourceView] = []

        self.linked_card = Card(f"{KEY}.linkedCard", icon="link")
        self.accounts_box = QVBoxLayout()
        self.accounts_box.setSpacing(8)
        self.linked_card.body.addLayout(self.accounts_box)
        self.empty = self._empty_state()
        self.linked_card.body.addWidget(self.empty)

        yield
        self.waiting = QFrame()
        self.waiting.setObjectName(f"{KEY}.waiting")
        self.waiting.setProperty("card", True)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName(f"{KEY}.waitingText")
        self.waiting_label.setWordWrap(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{KEY}.cancelLink")
        self.cancel_button.clicked.connect(self.cancel_link)
        waiting_row = QHBoxLayout(self.waiting)
        waiting_row.setContentsMargins(16, 10, 16, 10)
        waiting_icon = QLabel()
        waiting_icon.setPixmap(icon("external-link").pixmap(QSize(20, 20)))
        waiting_row.addWidget(waiting_icon)
        waiting_row.addWidget(self.waiting_label, 1)
        waiting_row.addWidget(self.cancel_button)
        self.waiting.setVisible(False)

        yield
        self.link_card = Card(f"{KEY}.linkCard", icon="plus")
        self.sources_box = QVBoxLayout()
        self.sources_box.setSpacing(8)
        self.link_card.body.addLayout(self.sources_box)
        self.no_sources = QLabel()
        self.no_sources.setObjectName(f"{KEY}.noSources")
        self.no_sources.setWordWrap(True)
        set_tone(self.no_sources, "note")
        self.no_sources.setVisible(False)
        self.link_card.body.addWidget(self.no_sources)

        self.body.addWidget(self.waiting)
        self.body.addWidget(self.linked_card)
        self.body.addWidget(self.link_card)
        self.body.addStretch(1)

        self.presenter.accounts_changed.connect(self._show)
        self.presenter.linking_changed.connect(self._show_linking)
        self.presenter.busy_changed.connect(lambda _busy: self._enable())
        self.presenter.linked.connect(lambda name: self.notify(self.tr(
            "{provider} is linked. You can now sign in with it too.").format(provider=name)))
        self.presenter.unlinked.connect(lambda name: self.notify(self.tr(
            "{provider} is unlinked from your account.").format(provider=name)))
        self.retranslate()

    def _empty_state(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName(f"{KEY}.empty")
        self.empty_icon = QLabel()
        self.empty_icon.setPixmap(icon("link").pixmap(QSize(EMPTY_ICON_SIDE, EMPTY_ICON_SIDE)))
        self.empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title = section_title(f"{KEY}.emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text = QLabel()
        self.empty_text.setObjectName(f"{KEY}.emptyText")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_tone(self.empty_text, "note")
        self.empty_action = QPushButton(icon("plus"), "")
        self.empty_action.setObjectName(f"{KEY}.emptyAction")
        set_kind(self.empty_action, "primary")
        self.empty_action.clicked.connect(self.focus_sources)
        layout = QVBoxLayout(frame)
        layout.setSpacing(6)
        layout.addWidget(self.empty_icon)
        layout.addWidget(self.empty_title)
        layout.addWidget(self.empty_text)
        layout.addWidget(self.empty_action, 0, Qt.AlignmentFlag.AlignCenter)
        frame.setVisible(False)
        return frame

    # ------------------------------------------------------------------ showing
    def load(self) -> None:
        self.presenter.load()

    def _show(self, rows: list[LinkedAccountRow], sources: list[LinkableSourceRow]) -> None:
        while len(self.account_views) > len(rows):
            view = self.account_views.pop()
            self.accounts_box.removeWidget(view)
            view.deleteLater()
        for index, row in enumerate(rows):
            if index < len(self.account_views):
                self.account_views[index].show_row(row)
            else:
                account = LinkedAccountView(f"{KEY}.account{index}", row, self.unlink)
                self.accounts_box.addWidget(account)
                self.account_views.append(account)
        while len(self.source_views) > len(sources):
            source_view = self.source_views.pop()
            self.sources_box.removeWidget(source_view)
            source_view.deleteLater()
        for index, source in enumerate(sources):
            if index < len(self.source_views):
                self.source_views[index].show_row(source)
            else:
                source_view = LinkableSourceView(f"{KEY}.source{index}", source, self.link)
                self.sources_box.addWidget(source_view)
                self.source_views.append(source_view)
        self.empty.setVisible(not rows)
        self.empty_action.setVisible(bool(sources))
        self.no_sources.setVisible(not sources)
        self._enable()

    def _show_linking(self, identifier: str) -> None:
        had_focus = self.cancel_button.hasFocus()
        self.waiting.setVisible(bool(identifier))
        if identifier:
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif had_focus:  # the hidden Cancel button must not take the keyboard focus with it
            # (the buttons are disabled while the list reloads; the list itself is not)
            self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)
        self._enable()

    def _enable(self) -> None:
        busy = self.presenter.busy
        for account in self.account_views:
            account.unlink.setEnabled(not busy)
        for source in self.source_views:
            source.link.setEnabled(not busy)
        self.empty_action.setEnabled(not busy)

    def focus_sources(self) -> None:
        """Bring "Link another account" into view, its first Link button focused."""
        self.scroll_area.ensureWidgetVisible(self.link_card)
        if self.source_views:
            self.source_views[0].link.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ actions
    def link(self, identifier: str) -> None:
        """Link the source ``identifier`` in the browser."""
        if self.signed_in and not self.presenter.busy:
            self.presenter.link(identifier)

    def cancel_link(self) -> bool:
        """Stop waiting for the browser (Cancel or Esc), then read the list again (the browser
        may have finished after all); False when no linking was running."""
        if not self.presenter.cancel_link():
            return False
        self.notify(self.tr("Linking stopped. If you finish in the browser later, press "
                            "Refresh to see the account."))
        self.presenter.load()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.cancel_link():
            event.accept()
            return
        super().keyPressEvent(event)

    def unlink(self, ext_idp_id: str) -> None:
        """Ask, then unlink the account ``ext_idp_id``."""
        row = next((r for r in self.presenter.rows if r.ext_idp_id == ext_idp_id), None)
        if row is not None and self.signed_in and not self.presenter.busy:
            self.services.tasks.start(self._confirm_unlink(row), name=f"{KEY}.unlinkConfirm")

    async def _confirm_unlink(self, row: LinkedAccountRow) -> None:
        provider = row.name.text()
        answer = await ask(self, f"{KEY}.unlinkConfirm",
                           self.tr("Unlink {provider}?").format(provider=provider),
                           self.tr("You will no longer be able to sign in with this {provider} "
                                   "account ({account}). You can link it again later.").format(
                               provider=provider, account=row.account),
                           [Choice("unlink", self.tr("Unlink"),
                                   QMessageBox.ButtonRole.DestructiveRole),
                            Choice("cancel", self.tr("Cancel"),
                                   QMessageBox.ButtonRole.RejectRole)],
                           default="cancel")
        if answer == "unlink":
            self.presenter.unlink(row.ext_idp_id)

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        self.retranslate_frame(
            self.tr("Linked accounts"),
            self.tr("Sign in to see the accounts linked to yours."),
            self.tr("Other accounts you can sign in with, such as WeChat. Unlink one you no "
                    "longer use."))
        self.linked_card.set_texts(self.tr("Accounts you can sign in with"))
        self.link_card.set_texts(self.tr("Link another account"),
                                 self.tr("Linking opens your browser. Sign in there, then come "
                                         "back here."))
        self.empty_title.setText(self.tr("No linked accounts"))
        self.empty_text.setText(self.tr("Link an account such as WeChat to sign in with it "
                                        "too, without your password."))
        self.empty_action.setText(self.tr("Link an account"))
        self.empty_action.setAccessibleName(self.tr("Link an account"))
        self.empty_action.setIconSize(QSize(16, 16))
        self.no_sources.setText(self.tr("Every account this application offers is already "
                                        "linked."))
        self.waiting_label.setText(self.tr("Finish in your browser…"))
        self.waiting_label.setAccessibleName(self.tr("Finish in your browser"))
        self.waiting.setAccessibleName(self.tr("Waiting for the browser"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Stop waiting for the browser"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
