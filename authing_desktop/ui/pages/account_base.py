"""The frame every account page shares: title, Refresh (F5), busy bar, inline error with the
server's own words, a note while signed out, and a scrollable body.

The page loads the first time it is shown while signed in, again on Refresh, and after a new
sign-in; a presenter that learns the token died ends the session (``Session.expire``).

A page with many widgets builds its content in parts (`AccountPage.build_parts`): all at once
when made on a click, or a part per warm-up step when made ahead of use inside `parts_deferred`
(ui/page_warm_up.py), so that no step holds the UI thread for long. A page is whole before it
is shown, switches language or follows a change of the session.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.account_base import AccountPresenter
from authing_desktop.presenters.session_protocol import is_signed_in
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.busy_mark import BusyMark
from authing_desktop.ui.widgets.form_layout import busy_bar

# The widest the content column grows (a maximised window keeps it readable).
CONTENT_WIDTH = 880


# The pages made inside `parts_deferred` now: their parts wait for `build_next_part`.
_deferring: list[AccountPage] | None = None


@contextlib.contextmanager
def parts_deferred() -> Iterator[list[AccountPage]]:
    """Pages made inside build only their first part; the list they join builds the rest."""
    global _deferring
    outer, _deferring = _deferring, []
    try:
        yield _deferring
    finally:
        _deferring = outer


def status_label(name: str, tone: str = "") -> QLabel:
    """A hidden, selectable, word-wrapped label; ``tone`` colours it (`set_tone`)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    set_tone(label, tone)
    label.setVisible(False)
    return label


def show_text(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def section_title(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class AccountPage(QWidget):
    """Subclasses fill ``body`` (a QVBoxLayout), call `bind` for each presenter and implement
    `load` (what Refresh runs) and `retranslate`."""

    def __init__(self, key: str, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.services = services
        self.session = services.session
        self.setObjectName(f"{key}.page")
        self._loaded_user: str | None = None
        self._presenters: list[AccountPresenter] = []
        self._pending_parts: Iterator[None] | None = None

        self.title_label = QLabel()
        self.title_label.setObjectName(f"{key}.title")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.refresh_button = QPushButton(icon("refresh-cw"), "")
        self.refresh_button.setObjectName(f"{key}.refresh")
        set_kind(self.refresh_button, "quiet")
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.refresh_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_shortcut.activated.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.refresh_button)

        self.purpose_label = QLabel()
        self.purpose_label.setObjectName(f"{key}.purpose")
        self.purpose_label.setWordWrap(True)
        set_tone(self.purpose_label, "note")
        self.placeholder = QLabel()
        self.placeholder.setObjectName(f"{key}.placeholder")
        self.placeholder.setWordWrap(True)
        self.busy_bar = busy_bar(f"{key}.busy")
        self.busy_mark = BusyMark(self)
        self.error_label = status_label(f"{key}.error", "error")
        self.detail_label = status_label(f"{key}.errorDetail", "note")
        self.notice_label = status_label(f"{key}.notice", "ok")

        # The content is a column of at most CONTENT_WIDTH, centred: lines of text and rows of
        # cards stay readable in a maximised window.
        holder = QWidget()
        self.content = QWidget(holder)
        self.content.setObjectName(f"{key}.content")
        self.content.setMaximumWidth(CONTENT_WIDTH)
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.body.setSpacing(12)
        centring = QHBoxLayout(holder)
        centring.setContentsMargins(0, 0, 0, 0)
        centring.addStretch(0)
        centring.addWidget(self.content, 1)
        centring.addStretch(0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName(f"{key}.scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 16, 8)
        layout.addLayout(header)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.scroll_area, 1)

        self.session.state_changed.connect(self._session_state_changed)
        # Before any presenter of the page hears of it: their answers need the whole page.
        self.session.user_changed.connect(self._whole_for_user)

    # ------------------------------------------------------------------ building

    def build_parts(self, parts: Iterator[None]) -> None:
        """Build the content: ``parts`` builds a part up to each ``yield`` and ends with what
        needs them all (texts, tab order, state). All now, or part by part when the page is
        made inside `parts_deferred`."""
        self._pending_parts = parts
        if _deferring is not None:
            _deferring.append(self)
        else:
            self.finish_building()

    @property
    def built(self) -> bool:
        """True once every part is built."""
        return self._pending_parts is None

    def build_next_part(self) -> bool:
        """Build the next part; False once the page is whole."""
        # Taken while a part runs: a call from inside that part finds nothing to build.
        parts, self._pending_parts = self._pending_parts, None
        if parts is None:
            return False
        try:
            next(parts)
        except StopIteration:
            return False
        self._pending_parts = parts
        return True

    def finish_building(self) -> None:
        """Build the parts still to come, now."""
        while self.build_next_part():
            pass

    def _whole_for_user(self, *_user: object) -> None:
        self.finish_building()

    def event(self, event: QEvent) -> bool:
        # A language switch mid-build: the page's texts need all its parts. (Called by Qt
        # during QWidget's own construction too, before the attribute exists.)
        if (event.type() == QEvent.Type.LanguageChange
                and getattr(self, "_pending_parts", None) is not None):
            self.finish_building()
        return super().event(event)

    # ------------------------------------------------------------------ binding

    def bind(self, presenter: AccountPresenter) -> None:
        """Show ``presenter``'s busy state, error and detail in the page's status area."""
        self._presenters.append(presenter)
        presenter.busy_changed.connect(self._update_busy)
        presenter.error_changed.connect(self._show_error)
        presenter.detail_changed.connect(lambda text: self._show_detail(presenter, text))
        presenter.session_dead.connect(self._session_dead)

    def _update_busy(self, _busy: bool = False) -> None:
        busy = any(p.busy for p in self._presenters)
        self.busy_bar.setVisible(busy)
        self.busy_mark.update(busy)
        self.refresh_button.setEnabled(not busy and is_signed_in(self.session))

    def _show_detail(self, presenter: AccountPresenter, text: str) -> None:
        shown = text if text and text != presenter.error else ""
        text = QCoreApplication.translate("AccountPage", "Server says: {text}")
        show_text(self.detail_label, text.format(text=shown) if shown else "")

    def _show_error(self, text: str) -> None:
        # One message at a time: a new error replaces an earlier success note.
        if text:
            show_text(self.notice_label, "")
        show_text(self.error_label, text)

    def notify(self, text: str) -> None:
        """A short success note (cleared by the next refresh); it replaces an error shown."""
        if text:
            show_text(self.error_label, "")
            show_text(self.detail_label, "")
        show_text(self.notice_label, text)

    def _session_dead(self, text: str) -> None:
        if not self.services.tasks.closed and is_signed_in(self.session):
            self.services.tasks.start(self.session.expire(text), name="session.expire")

    # -------------------------------------------------------------- lifecycle

    @property
    def signed_in(self) -> bool:
        return is_signed_in(self.session)

    def refresh(self) -> None:
        if not self.signed_in:
            return
        user = self.session.user
        self._loaded_user = user.id if user is not None else None
        show_text(self.notice_label, "")
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        self.finish_building()
        super().showEvent(event)
        self._apply_state()
        user = self.session.user
        if self.signed_in and user is not None and user.id != self._loaded_user:
            self.refresh()

    def _session_state_changed(self, _state: str) -> None:
        self.finish_building()
        self._apply_state()
        if not self.signed_in:
            self._loaded_user = None
            for presenter in self._presenters:
                presenter.clear_error()
                presenter.set_detail("")
                presenter.set_field_errors({})
        elif self.isVisible():
            self.refresh()

    def _apply_state(self) -> None:
        signed_in = self.signed_in
        self.placeholder.setVisible(not signed_in)
        self.scroll_area.setVisible(signed_in)
        self._update_busy()

    def retranslate_frame(self, title: str, signed_out_text: str, purpose: str = "") -> None:
        """The page's title, what it says while signed out, and the one sentence under the
        title that says what the page is for."""
        self.title_label.setText(title)
        show_text(self.purpose_label, purpose)
        self.placeholder.setText(signed_out_text)
        self.refresh_button.setText(QCoreApplication.translate("AccountPage", "Refresh"))
        self.refresh_button.setIconSize(QSize(16, 16))
        self.refresh_button.setAccessibleName(
            QCoreApplication.translate("AccountPage", "Refresh this page"))
        self.refresh_button.setToolTip(
            QCoreApplication.translate("AccountPage", "Load this page again from the server (F5)"))
        self.scroll_area.setAccessibleName(title)
