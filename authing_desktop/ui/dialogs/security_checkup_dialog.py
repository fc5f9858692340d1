"""The guided Security Checkup (``checkup.*``): the steps listed on the left with a green or amber
mark, one step at a time on the right with its one fixing action, which works in place (a call,
the password form, or the existing two-step / recovery-code dialog on top), then the summary of
what changed and what still needs attention.

Opened with ``open()`` (never ``exec()``): `run_checkup` awaits it through a future. Two
actions leave the checkup for a page: adding a phone or email (the Contacts page's forms, with
their codes and cooldowns, are too much to repeat here) and "This wasn't me" until the guided
recovery is wired in (``wasnt_me``; without it the Login history page opens).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from authing_desktop.presenters.checkup_steps import Change, Fix, Step, StepState
from authing_desktop.presenters.checkup_wording import CheckupWording
from authing_desktop.presenters.security_checkup import CheckupAction, SecurityCheckupPresenter
from authing_desktop.ui.dialogs.checkup_panels import (
    KEY,
    MARK_SIDE,
    StepPanel,
    SummaryPanel,
    state_mark,
)
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.icons import icon
from authing_desktop.ui.pages.account_base import show_text, status_label
from authing_desktop.ui.theme import set_kind
from authing_desktop.ui.widgets.form_layout import busy_bar
from authing_desktop.ui.widgets.password_form import PasswordForm

if TYPE_CHECKING:
    from authing_desktop.presenters.login_history import HistoryRow
    from authing_desktop.services.app_services import AppServices
    from authing_desktop.ui.dialogs.recovery_code_dialog import RecoveryCodeDialog
    from authing_desktop.ui.dialogs.two_step_enrol_dialog import TwoStepEnrolDialog

# Starts securing the account for a sign-in the user does not recognise; calls ``done`` when
# that did something (the summary counts it then).
WasntMe = Callable[["HistoryRow", Callable[[], None]], object]
CONTACTS_PAGE = "contacts"
HISTORY_PAGE = "history"


class SecurityCheckupDialog(QDialog):
    """``show_page(key)`` opens a page of the main window (the dialog closes first);
    ``wasnt_me(row, done)`` starts securing the account for a sign-in the user does not
    recognise."""

    def __init__(self, services: AppServices, parent: QWidget | None = None, *,
                 show_page: Callable[[str], object] | None = None,
                 wasnt_me: WasntMe | None = None) -> None:
        from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
        from authing_desktop.presenters.security import SecurityPresenter

        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.services = services
        self.show_page = show_page
        self.wasnt_me = wasnt_me
        self.presenter = SecurityCheckupPresenter(services.session, services.tasks,
                                                  parent=self)
        self.password = SecurityPresenter(services.session, services.tasks, parent=self)
        strength = PasswordStrengthPresenter(services.connection, services.tasks, parent=self)
        self.enrol_dialogs: list[TwoStepEnrolDialog] = []
        self.recovery_dialogs: list[RecoveryCodeDialog] = []
        self.left_for = ""  # the page a fix went to
        self.index = 0  # the step shown (the summary after the last)

        self.steps_list = QListWidget()
        self.steps_list.setObjectName(f"{KEY}.steps")
        self.steps_list.setMaximumWidth(240)
        self.steps_list.setIconSize(QSize(MARK_SIDE, MARK_SIDE))
        self.form = PasswordForm(f"{KEY}.step.password", strength)
        self.panels = {step: StepPanel(step, self._act,
                                       self.form if step == Step.PASSWORD else None)
                       for step in Step}
        self.summary = SummaryPanel()
        self.pages = QStackedWidget()
        for panel in self.panels.values():
            self.pages.addWidget(panel)
        self.pages.addWidget(self.summary)
        self.busy = busy_bar(f"{KEY}.busy")
        self.error = status_label(f"{KEY}.error", "error")
        self.back_button = QPushButton()
        self.back_button.setObjectName(f"{KEY}.back")
        self.next_button = QPushButton()
        self.next_button.setObjectName(f"{KEY}.next")
        set_kind(self.next_button, "primary")
        self.close_button = QPushButton()
        self.close_button.setObjectName(f"{KEY}.close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addWidget(self.pages, 1)
        right.addWidget(self.busy)
        right.addWidget(self.error)
        body = QHBoxLayout()
        body.addWidget(self.steps_list)
        body.addSpacing(12)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.resize(780, 520)

        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(self._next)
        self.close_button.clicked.connect(self.reject)
        self.steps_list.currentRowChanged.connect(self._row_chosen)
        self.presenter.steps_changed.connect(self._show_steps)
        self.presenter.error_changed.connect(lambda text: show_text(self.error, text))
        self.password.error_changed.connect(lambda text: show_text(self.error, text))
        for presenter in (self.presenter, self.password):
            presenter.busy_changed.connect(self._busy)
            presenter.session_dead.connect(self._session_dead)
        self.password.field_errors_changed.connect(self.form.show_errors)
        self.password.password_changed.connect(self._password_changed)
        for field in self.form.fields():
            field.edit.returnPressed.connect(self.change_password)
        self._pressed: QPushButton | None = None
        self.retranslate()
        self.go(0)

    # ---------------------------------------------------------------- navigation

    def start(self) -> None:
        """Load the account (called once the dialog is open)."""
        self.presenter.load()

    @property
    def last(self) -> int:
        return self.pages.count() - 1

    def go(self, index: int) -> None:
        """Show step ``index`` (the summary after the last step)."""
        self.index = max(0, min(index, self.last))
        self.pages.setCurrentIndex(self.index)
        if self.steps_list.count() > self.index:
            self.steps_list.blockSignals(True)
            self.steps_list.setCurrentRow(self.index)
            self.steps_list.blockSignals(False)
        if self.index == self.last:
            self._show_summary()
        self._show_buttons()
        self._focus_fix()

    def _next(self) -> None:
        if self.index == self.last:
            self.accept()
        else:
            self.go(self.index + 1)

    def _row_chosen(self, row: int) -> None:
        if row >= 0 and row != self.index:
            self.go(row)

    def _show_buttons(self) -> None:
        loaded = bool(self.presenter.steps)
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(loaded)
        if self.index == self.last:
            self.next_button.setText(self.tr("Done"))
        elif self.index == self.last - 1:
            self.next_button.setText(self.tr("See the summary"))
        else:
            self.next_button.setText(self.tr("&Next"))
        self.next_button.setAccessibleName(self.next_button.text().replace("&", ""))

    def _focus_fix(self) -> None:
        # Enter runs the step's fix: it is the default button while shown, else Next is.
        panel = self.pages.currentWidget()
        fix = panel.fix_button if isinstance(panel, StepPanel) else None
        target = fix if fix is not None and fix.isVisibleTo(self) else self.next_button
        for button in [p.fix_button for p in self.panels.values()] + [self.next_button]:
            button.setDefault(button is target)
        if isinstance(panel, StepPanel) and panel.step == Step.PASSWORD and \
                self.form.isVisibleTo(self):
            first = self.form.old if self.form.rows["old"].isVisibleTo(self) else self.form.new
            first.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ binding

    def _show_steps(self, states: tuple[StepState, ...]) -> None:
        facts = self.presenter.facts
        sent = self.presenter.verification_sent
        self.steps_list.blockSignals(True)
        if self.steps_list.count() != len(states) + 1:
            self.steps_list.clear()
            for _ in range(len(states) + 1):
                self.steps_list.addItem(QListWidgetItem())
        for row, state in enumerate(states):
            self.panels[state.step].show_state(state, facts, sent)
            item = self.steps_list.item(row)
            item.setIcon(QIcon(state_mark(state.ok)))
            title = CheckupWording().step_title(state.step)
            item.setText(title)
            status = self.tr("looks good") if state.ok else self.tr("needs attention")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}: {status}")
        summary = self.steps_list.item(len(states))
        summary.setIcon(icon("list-checks"))
        summary.setText(self.tr("Summary"))
        self.steps_list.setCurrentRow(self.index)
        self.steps_list.blockSignals(False)
        if self.index == self.last:
            self._show_summary()
        self._show_buttons()
        if not self.presenter.busy:
            self._focus_fix()

    def _show_summary(self) -> None:
        facts, words = self.presenter.facts, CheckupWording()
        still_open = [self.tr("{step}: {reason}").format(step=words.step_title(s.step),
                                                         reason=words.reason_text(s, facts))
                      for s in self.presenter.open_steps]
        self.summary.show_summary(words.change_lines(self.presenter.changes), still_open)

    def _busy(self, _busy: bool) -> None:
        busy = self.presenter.busy or self.password.busy
        self.busy.setVisible(busy)
        for panel in self.panels.values():
            for button in [panel.fix_button, panel.confirm_button, *panel.row_buttons]:
                button.setEnabled(not busy)
        pressed = self._pressed
        if pressed is not None and not isValid(pressed):  # its row was drawn again
            pressed = self._pressed = None
        if pressed is not None:
            if busy:
                pressed.setText(self.tr("Working…"))
            else:
                self._pressed = None
                if pressed.property("idleText"):
                    pressed.setText(str(pressed.property("idleText")))
        if not busy and self.presenter.steps:
            self._show_steps(self.presenter.steps)

    def _session_dead(self, text: str) -> None:
        from authing_desktop.presenters.session_protocol import is_signed_in

        session = self.services.session
        if not self.services.tasks.closed and is_signed_in(session):
            self.services.tasks.start(session.expire(text), name="session.expire")
        self.reject()

    # ------------------------------------------------------------------ fixes

    def _act(self, fix: Fix, item: object, button: QPushButton) -> None:
        """Run ``fix`` (for a list step's row ``item``; a `Step` with no fix: "all mine");
        ``button`` started it and says so while the call runs."""
        if self.presenter.busy or self.password.busy:
            return
        if button.property("idleText") is None:
            button.setProperty("idleText", button.text())
        self._pressed = button
        if fix == Fix.NONE and isinstance(item, Step):
            self.presenter.confirm(item)
        elif fix == Fix.CONTACTS_PAGE:
            self._leave_for(CONTACTS_PAGE)
        elif fix == Fix.VERIFY_EMAIL:
            self.presenter.send_verification()
        elif fix == Fix.TWO_STEP:
            self.services.tasks.start(self._two_step(), name="checkup.twoStep")
        elif fix == Fix.RECOVERY_CODE:
            self.services.tasks.start(self._recovery_code(), name="checkup.recoveryCode")
        elif fix == Fix.PASSWORD:
            self.change_password()
        elif fix == Fix.SIGN_OUT_DEVICE:
            self.presenter.sign_out_device(item.device_id)  # type: ignore[attr-defined]
        elif fix == Fix.REMOVE_CONNECTION:
            self.presenter.remove_connection(item)  # type: ignore[arg-type]
        elif fix == Fix.NOT_ME:
            self._not_me(item)  # type: ignore[arg-type]

    def change_password(self) -> None:
        facts = self.presenter.facts
        if self.password.busy or facts is None:
            return
        self.password.has_password = facts.has_password
        self.password.change_password(self.form.old.text(), self.form.new.text(),
                                      self.form.confirm.text())

    def _password_changed(self) -> None:
        self.form.clear()
        self.presenter.record(Change.PASSWORD_CHANGED)

    async def _two_step(self) -> None:
        from authing_desktop.presenters.two_step import TwoStepPresenter
        from authing_desktop.ui.dialogs.two_step_enrol_dialog import run_enrolment

        if self.enrol_dialogs:
            return
        presenter = TwoStepPresenter(self.services.session, self.services.tasks, parent=self)
        presenter.session_dead.connect(self._session_dead)
        if await run_enrolment(presenter, self, self.enrol_dialogs):
            self.presenter.record(Change.TWO_STEP_ON)

    async def _recovery_code(self) -> None:
        from authing_desktop.presenters.recovery_code import RecoveryCodePresenter
        from authing_desktop.ui.dialogs.recovery_code_dialog import run_regeneration

        if self.recovery_dialogs:
            return
        presenter = RecoveryCodePresenter(self.services.session, self.services.tasks,
                                          parent=self)
        presenter.session_dead.connect(self._session_dead)
        if await run_regeneration(presenter, self, self.recovery_dialogs):
            self.presenter.record(Change.RECOVERY_CODE_MADE)

    def _not_me(self, row: HistoryRow) -> None:
        if self.wasnt_me is None:
            self._leave_for(HISTORY_PAGE)
            return
        presenter = self.presenter

        def done() -> None:
            if isValid(presenter):  # the checkup may have closed meanwhile
                presenter.record(Change.REPORTED)

        self.wasnt_me(row, done)

    def _leave_for(self, page: str) -> None:
        self.left_for = page
        self.reject()
        if self.show_page is not None:
            self.show_page(page)

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Security Checkup"))
        self.steps_list.setAccessibleName(self.tr("Checkup steps"))
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the checkup"))
        self.form.retranslate()
        self._show_buttons()
        if self.presenter.steps:
            self._show_steps(self.presenter.steps)
        else:
            panel = self.panels[Step.CONTACTS]
            panel.title.setText(self.tr("Checking your account…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


async def run_checkup(services: AppServices, parent: QWidget, *,
                      show_page: Callable[[str], object] | None = None,
                      wasnt_me: WasntMe | None = None,
                      opened: list[SecurityCheckupDialog] | None = None) -> int:
    """Open the checkup and wait until it closes; how many fixes were made. ``opened``
    receives the dialog while it is open."""
    dialog = SecurityCheckupDialog(services, parent, show_page=show_page, wasnt_me=wasnt_me)
    if opened is not None:
        opened.append(dialog)
    try:
        await open_and_wait(dialog, opened=dialog.start)
    finally:
        if opened is not None and dialog in opened:
            opened.remove(dialog)
        # Closed while checking: nobody waits for the answers (a fix under way runs on).
        services.tasks.cancel(CheckupAction.LOAD)
    return sum(dialog.presenter.changes.values())
