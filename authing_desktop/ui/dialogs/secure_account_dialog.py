"""'This wasn't me' (``secureAccount.*``): the guided recovery of `SecureAccountPresenter`, one
page per step (sign out the other devices, a new password, a new authenticator and recovery
code), then the summary. Cancel at any step shows the summary of what was done.

Opened with ``open()`` (never ``exec()``); `run_secure_account` awaits it through a future.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.secure_account import (
    Outcome,
    SecureAccountPresenter,
    Step,
)
from authing_desktop.ui.dialogs.dialog_result import open_and_wait
from authing_desktop.ui.dialogs.two_step_enrol_dialog import TwoStepEnrolDialog, run_enrolment
from authing_desktop.ui.pages.account_base import show_text, status_label
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.field_row import FieldRow
from authing_desktop.ui.widgets.form_layout import busy_bar
from authing_desktop.ui.widgets.password_field import PasswordField
from authing_desktop.ui.widgets.password_form import PasswordForm
from authing_desktop.ui.widgets.recovery_code_saver import show_step

KEY = "secureAccount"
PAGE_OF = {Step.SIGN_OUT: 0, Step.PASSWORD: 1, Step.TWO_STEP: 2, None: 3}
MARKS = {Outcome.DONE: "✓", Outcome.NOT_NEEDED: "–"}


def _text(name: str, tone: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(f"{KEY}.{name}")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if tone:
        set_tone(label, tone)
    return label


def _button(name: str, kind: str = "") -> QPushButton:
    button = QPushButton()
    button.setObjectName(f"{KEY}.{name}")
    if kind:
        set_kind(button, kind)
    return button


class SecureAccountDialog(QDialog):
    """Bound to its own `SecureAccountPresenter`; ``device`` is the alert's device in words."""

    def __init__(self, presenter: SecureAccountPresenter,
                 strength: PasswordStrengthPresenter, device: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{KEY}.dialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        self.presenter = presenter
        self.device = device
        self.enrol_dialogs: list[TwoStepEnrolDialog] = []
        self.cancel_buttons: dict[Step, QPushButton] = {}
        self.old_password_refused = False  # the step-2 copy of the current password shows

        self.heading = _text("title")
        self.heading.setProperty("heading", "card")
        # Step 1: what will happen, and signing out the other devices.
        self.intro = _text("intro")
        self.plan = _text("plan")
        self.current_password = PasswordField(KEY, "currentPassword", "")
        self.current_row = FieldRow(KEY, "currentPassword", self.current_password)
        self.current_caption = QLabel()
        self.current_caption.setBuddy(self.current_password.edit)
        self.start_button = _button("signOut", "primary")
        sign_out = self._page(Step.SIGN_OUT, self.intro, self.plan, self.current_caption,
                              self.current_row, buttons=(self.start_button,))

        # Step 2: the new password.
        self.password_intro = _text("passwordIntro")
        form = self.password_form = PasswordForm(KEY, strength)
        self.old_password, self.new_password, self.confirm_password = form.fields()
        self.change_button = _button("changePassword", "primary")
        self.skip_password = _button("skipPassword")
        password = self._page(Step.PASSWORD, self.password_intro, form,
                              buttons=(self.skip_password, self.change_button))

        # Step 3: a new authenticator (and with it a new recovery code).
        self.two_step_intro = _text("twoStepIntro")
        self.reset_button = _button("resetTwoStep", "primary")
        self.skip_two_step = _button("skipTwoStep")
        two_step = self._page(Step.TWO_STEP, self.two_step_intro,
                              buttons=(self.skip_two_step, self.reset_button))

        # The summary.
        self.summary_title = _text("summaryTitle")
        self.summary = _text("summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.close_button = _button("close", "primary")
        done = self._page(None, self.summary_title, self.summary, buttons=(self.close_button,))

        self.pages = QStackedWidget()
        for page in (sign_out, password, two_step, done):
            self.pages.addWidget(page)
        self.busy = busy_bar(f"{KEY}.busy")
        self.error = status_label(f"{KEY}.error", "error")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)

        self.start_button.clicked.connect(self.do_sign_out)
        self.current_password.edit.returnPressed.connect(self.do_sign_out)
        presenter.field_errors_changed.connect(self._show_current_error)
        self.change_button.clicked.connect(self.do_change_password)
        for field in (self.old_password, self.new_password, self.confirm_password):
            field.edit.returnPressed.connect(self.do_change_password)
        self.skip_password.clicked.connect(presenter.skip)
        self.skip_two_step.clicked.connect(presenter.skip)
        self.reset_button.clicked.connect(self.do_reset_two_step)
        self.close_button.clicked.connect(self.accept)
        presenter.step_changed.connect(self._show_step)
        presenter.loaded.connect(self._loaded)
        presenter.password.field_errors_changed.connect(self._show_field_errors)
        for source in (presenter, presenter.password, presenter.two_step):
            source.busy_changed.connect(self._show_busy)
            source.error_changed.connect(self._show_error)
        self.retranslate()
        self._show_busy()

    def _page(self, step: Step | None, *parts: QWidget,
              buttons: tuple[QPushButton, ...]) -> QWidget:
        """A step's page: its parts, then Cancel (``<KEY>.cancel.<step>``) and its buttons."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            layout.addWidget(part)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        if step is not None:
            cancel = _button(f"cancel.{step.value}")
            cancel.clicked.connect(self.cancel)
            row.addWidget(cancel)
            self.cancel_buttons[step] = cancel
        for button in buttons:
            row.addWidget(button)
        layout.addLayout(row)
        return page

    # ---------------------------------------------------------------- actions

    def begin(self) -> None:
        self.presenter.load()
        show_step(self.pages, PAGE_OF[Step.SIGN_OUT])
        self.start_button.setFocus()

    def do_sign_out(self) -> None:
        if not self._busy():
            self.presenter.sign_out_others(self.current_password.text())

    def _loaded(self) -> None:
        self.retranslate()
        show_step(self.pages, PAGE_OF[Step.SIGN_OUT])
        if self.presenter.has_password:
            self.current_password.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def do_change_password(self) -> None:
        if not self._busy() and self.presenter.step == Step.PASSWORD:
            self.presenter.change_password(self.old_password.text(), self.new_password.text(),
                                           self.confirm_password.text())

    def do_reset_two_step(self) -> None:
        if not self._busy() and not self.enrol_dialogs:
            self.presenter.start_task(self._reset_two_step(), name="secureAccount.resetTwoStep")

    async def _reset_two_step(self) -> None:
        if self.presenter.two_step.enabled and not await self.presenter.remove_authenticator():
            return  # the error is shown; the step stays
        enabled = await run_enrolment(self.presenter.two_step, self, self.enrol_dialogs)
        self.presenter.enrolment_finished(enabled)

    def cancel(self) -> None:
        """Stop here: what is done stays done, and the summary says what is not. Not while a
        call is under way (Cancel is disabled then): its outcome would be unknown."""
        if not self._busy():
            self.presenter.cancel_rest()

    def reject(self) -> None:
        # Esc or the window's close button: the summary first, unless it is showing.
        if self.pages.currentIndex() != PAGE_OF[None]:
            self.cancel()
            return
        super().reject()

    def _busy(self) -> bool:
        presenter = self.presenter
        return presenter.busy or presenter.password.busy or presenter.two_step.busy

    # ---------------------------------------------------------------- binding

    def _show_step(self, step: Step | None) -> None:
        self._show_error("")
        if step == Step.PASSWORD:  # the current password was asked at the start
            self.old_password.setText(self.current_password.text())
        else:  # typed passwords do not stay in a hidden page
            for field in (self.current_password, self.old_password, self.new_password,
                          self.confirm_password):
                field.setText("")
        if step is None:
            self._show_summary()
        self.retranslate()
        show_step(self.pages, PAGE_OF[step])
        focus = {Step.PASSWORD: self.new_password.edit,
                 Step.TWO_STEP: self.reset_button, None: self.summary}.get(step)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_summary(self) -> None:
        lines = [f"{MARKS.get(outcome, '!')} {text}" for outcome, text in
                 self.presenter.summary()]
        self.summary.setText("\n\n".join(lines))
        self.summary.setAccessibleName(self.summary.text())

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self.password_form.show_errors(errors)
        if errors.get("old"):  # refused: the current password is asked again, here
            self.old_password_refused = True
            self._show_old_password()
            self.old_password.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.old_password.edit.selectAll()

    def _show_current_error(self, errors: dict[str, str]) -> None:
        self.current_row.set_error(errors.get("current", ""))
        if errors.get("current"):
            self.current_password.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_old_password(self) -> None:
        self.password_form.set_has_password(
            self.presenter.has_password and self.old_password_refused)

    def _show_error(self, text: str) -> None:
        show_text(self.error, text)

    def _show_busy(self, _busy: bool = False) -> None:
        busy = self._busy()
        self.busy.setVisible(busy)
        for button in (self.start_button, self.change_button, self.reset_button,
                       self.skip_password, self.skip_two_step, *self.cancel_buttons.values()):
            button.setEnabled(not busy)
        self.retranslate()

    # ---------------------------------------------------------------- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        busy = self._busy()
        self.setWindowTitle(self.tr("Secure your account"))
        self.heading.setText(self.windowTitle())
        self.intro.setText(self.tr(
            "Someone may have signed in as you from {device}. These steps lock them out; this "
            "computer stays signed in.").format(device=self.device))
        steps = [self.tr("1. Sign out every other device and session."),
                 self.tr("2. Choose a new password.")]
        if self.presenter.two_step_on is not False:
            steps.append(self.tr("3. Replace your authenticator app's key and get a new "
                                 "recovery code."))
        self.plan.setText("\n".join(steps))
        self.start_button.setText(self.tr("Signing out…") if busy and self.presenter.step ==
                                  Step.SIGN_OUT else self.tr("Sign out other devices"))
        self.start_button.setAccessibleName(self.tr("Sign out every other device"))
        self.password_intro.setText(self.tr(
            "Other devices are signed out. Now choose a new password: the old one stops "
            "working at once."))
        self.password_form.retranslate()
        self.current_caption.setText(self.tr("Current password (to confirm it's you)"))
        self.current_password.edit.setAccessibleName(self.tr("Current password"))
        self.current_row.setVisible(self.presenter.has_password)
        self.current_caption.setVisible(self.presenter.has_password)
        self._show_old_password()
        self.change_button.setText(self.tr("Changing…") if busy and self.presenter.step ==
                                   Step.PASSWORD else self.tr("Change password"))
        self.change_button.setAccessibleName(self.tr("Change the password"))
        for button in (self.skip_password, self.skip_two_step):
            button.setText(self.tr("Skip"))
            button.setAccessibleName(self.tr("Skip this step"))
        self.two_step_intro.setText(self.tr(
            "Last step: your authenticator app gets a new key. The old key's codes stop "
            "working, and you get a new recovery code to keep. Have your phone ready."))
        self.reset_button.setText(self.tr("Working…") if busy and self.presenter.step ==
                                  Step.TWO_STEP else self.tr("Set up a new authenticator"))
        self.reset_button.setAccessibleName(self.tr("Remove the old authenticator and set up "
                                                    "a new one"))
        for button in self.cancel_buttons.values():
            button.setText(self.tr("Cancel"))
            button.setAccessibleName(self.tr("Stop here and keep what is done"))
        self.summary_title.setText(self.tr("What was done"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))


async def run_secure_account(presenter: SecureAccountPresenter,
                             strength: PasswordStrengthPresenter, device: str, parent: QWidget,
                             opened: list[SecureAccountDialog] | None = None) -> bool:
    """Open the dialog, wait until it closes; True when every step of the account ran."""
    dialog = SecureAccountDialog(presenter, strength, device, parent)
    if opened is not None:
        opened.append(dialog)
    try:
        await open_and_wait(dialog, opened=dialog.begin)
    finally:
        if opened is not None and dialog in opened:
            opened.remove(dialog)
    if presenter.step is not None:
        presenter.cancel_rest()
    return all(result.outcome in (Outcome.DONE, Outcome.NOT_NEEDED)
               for result in presenter.results.values())
