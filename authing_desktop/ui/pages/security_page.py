"""The Security page: the security score as a gauge with a checklist whose open items lead to
the page that fixes them, the ways to sign in as cards (security_methods.py), the passkeys and
security keys (security_passkeys.py), and changing the password (old password, strength meter,
the pool's policy verdict)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters import wording
from authing_desktop.presenters.passkeys import PasskeysPresenter
from authing_desktop.presenters.password_strength import PasswordStrengthPresenter
from authing_desktop.presenters.security import (
    AUTHENTICATOR_METHOD,
    CODE_METHOD,
    CONTACTS_PAGE,
    MFA_PAGE,
    PASSKEY_METHOD,
    PASSWORD_METHOD,
    RECOVERY_METHOD,
    SECURITY_PAGE,
    SecurityOverview,
    SecurityPresenter,
    method_states,
)
from authing_desktop.presenters.sign_in_alerts import AlertSettingsPresenter
from authing_desktop.presenters.two_step import TwoStepPresenter
from authing_desktop.services.app_services import AppServices
from authing_desktop.ui.dialogs.question import Choice, ask
from authing_desktop.ui.dialogs.two_step_enrol_dialog import TwoStepEnrolDialog, run_enrolment
from authing_desktop.ui.pages.account_base import AccountPage, section_title
from authing_desktop.ui.pages.alert_settings_card import AlertSettingsCard
from authing_desktop.ui.pages.security_methods import SignInMethods
from authing_desktop.ui.pages.security_passkeys import PasskeysCard
from authing_desktop.ui.pages.security_recovery import RecoveryCodeControls
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.tray import tray_available
from authing_desktop.ui.widgets.card import Card
from authing_desktop.ui.widgets.password_form import PasswordForm
from authing_desktop.ui.widgets.score_gauge import ScoreGauge

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from authing_desktop.presenters.login_history import HistoryRow
    from authing_desktop.ui.dialogs.passkey_dialog import PasskeyDialog
    from authing_desktop.ui.dialogs.security_checkup_dialog import SecurityCheckupDialog, WasntMe
    from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker

KEY = "security"


def _page_exists(key: str) -> bool:
    from authing_desktop.ui.pages import PAGES  # the registry imports this module

    return any(spec.key == key for spec in PAGES)


class SecurityPage(AccountPage):
    """Security: score and checklist, the ways to sign in, and the password change."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(KEY, services, parent)
        self.build_parts(self._parts(services))

    def _parts(self, services: AppServices) -> Iterator[None]:
        self.presenter = SecurityPresenter(services.session, services.tasks, parent=self)
        self.bind(self.presenter)
        self.strength = PasswordStrengthPresenter(services.connection, services.tasks,
                                                  parent=self)

        # The score and the checklist whose open items lead to the fix.
        self.score_card = Card(f"{KEY}.scoreCard", icon="shield-check")
        self.gauge = ScoreGauge(f"{KEY}.score")
        self.checklist_title = section_title(f"{KEY}.checklistTitle")
        self.checklist = QGridLayout()
        self.checklist.setColumnStretch(3, 1)
        self.checklist.setVerticalSpacing(4)
        self.check_rows: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}
        checklist_box = QVBoxLayout()
        checklist_box.addWidget(self.checklist_title)
        checklist_box.addLayout(self.checklist)
        checklist_box.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.gauge, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(16)
        top.addLayout(checklist_box, 1)
        self.score_card.body.addLayout(top)
        self.body.addWidget(self.score_card)
        # The guided checkup, from its button or the gauge (click, Enter or Space).
        self.checkup_button = QPushButton()
        self.checkup_button.setObjectName(f"{KEY}.checkup")
        set_kind(self.checkup_button, "primary")
        self.checkup_button.clicked.connect(self.open_checkup)
        self.score_card.add_action(self.checkup_button)
        self.gauge.make_clickable()
        self.gauge.clicked.connect(self.open_checkup)
        self.checkup_dialogs: list[SecurityCheckupDialog] = []
        # "This wasn't me" in the checkup: the guided recovery, once wired (else Login history).
        self.wasnt_me: WasntMe | None = None

        yield

        # The ways to sign in, one card each.
        self.two_step = TwoStepPresenter(services.session, services.tasks, parent=self)
        self.bind(self.two_step)
        self.enrol_dialogs: list[TwoStepEnrolDialog] = []
        self.methods_title = section_title(f"{KEY}.methodsTitle")
        self.methods = SignInMethods(KEY)
        cards = self.methods.cards
        self.change_action = QPushButton()
        self.change_action.setObjectName(f"{KEY}.method.password.action")
        self.change_action.clicked.connect(lambda: self.fix(SECURITY_PAGE))
        cards[PASSWORD_METHOD].add_action(self.change_action)
        self.passkeys_action = QPushButton()
        self.passkeys_action.setObjectName(f"{KEY}.method.passkey.action")
        self.passkeys_action.clicked.connect(self._passkey_method_action)
        cards[PASSKEY_METHOD].add_action(self.passkeys_action)
        self.enable_two_step = QPushButton()
        self.enable_two_step.setObjectName(f"{KEY}.enableTwoStep")
        set_kind(self.enable_two_step, "primary")
        self.disable_two_step = QPushButton()
        self.disable_two_step.setObjectName(f"{KEY}.disableTwoStep")
        set_kind(self.disable_two_step, "danger")
        cards[AUTHENTICATOR_METHOD].add_action(self.enable_two_step)
        cards[AUTHENTICATOR_METHOD].add_action(self.disable_two_step)
        self.two_step_box = cards[AUTHENTICATOR_METHOD]
        self.contacts_action = QPushButton()
        self.contacts_action.setObjectName(f"{KEY}.method.code.action")
        self.contacts_action.clicked.connect(lambda: self.fix(CONTACTS_PAGE))
        cards[CODE_METHOD].add_action(self.contacts_action)
        self.enable_two_step.clicked.connect(self.start_two_step)
        self.disable_two_step.clicked.connect(self.confirm_disable_two_step)
        self.two_step.enabled_changed.connect(self._show_two_step)
        self.recovery = RecoveryCodeControls(self, cards[RECOVERY_METHOD])
        self.recovery.presenter.state_changed.connect(self._show_methods)
        # Turning the authenticator on or off makes or removes the recovery code.
        self.two_step.enabled_changed.connect(lambda _on: self.recovery.presenter.load())
        self.two_step.busy_changed.connect(self._two_step_busy)
        self.body.addSpacing(4)
        self.body.addWidget(self.methods_title)
        self.body.addWidget(self.methods)

        yield

        # Passkeys and security keys: the list, add, rename, remove.
        self.passkeys = PasskeysPresenter(services.session, services.tasks, services.passkeys,
                                          parent=self)
        self.bind(self.passkeys)
        self.passkey_dialog: PasskeyDialog | None = None  # the open add / rename dialog
        self.pin_asker: DialogPinAsker | None = None
        self.passkeys_card = PasskeysCard(KEY, self.passkeys, add=self.add_passkey,
                                          rename=self.rename_passkey,
                                          remove=self.confirm_remove_passkey)
        self.passkeys.keys_changed.connect(lambda _keys: self._show_methods())
        self.passkeys.removed.connect(
            lambda name: self.notify(self.tr("Removed “{name}”. It can no longer sign in.")
                                     .format(name=name)))
        self.body.addSpacing(4)
        self.body.addWidget(self.passkeys_card)

        yield
        self.password_box = Card(f"{KEY}.passwordCard", icon="lock")
        self.password_form = PasswordForm(KEY, self.strength)
        self.old_password, self.new_password, self.confirm_password = self.password_form.fields()
        self.change_button = QPushButton()
        self.change_button.setObjectName(f"{KEY}.changePassword")
        set_kind(self.change_button, "primary")
        self.change_button.clicked.connect(self.change_password)
        for field in (self.old_password, self.new_password, self.confirm_password):
            field.edit.returnPressed.connect(self.change_password)
        self.password_box.body.addWidget(self.password_form)
        self.password_box.add_action(self.change_button)
        self.body.addSpacing(4)
        self.body.addWidget(self.password_box)
        yield
        self.alert_settings = AlertSettingsCard(AlertSettingsPresenter(
            services.settings, services.tasks, tray_available=tray_available(), parent=self))
        self.body.addSpacing(4)
        self.body.addWidget(self.alert_settings)
        self.body.addStretch(1)

        self.presenter.overview_changed.connect(self._show_overview)
        self.presenter.field_errors_changed.connect(self._show_field_errors)
        self.presenter.password_changed.connect(self._password_changed)
        self.presenter.busy_changed.connect(self._password_busy)
        self.retranslate()
        self._apply_state()
        self._show_two_step(None)

    # ------------------------------------------------------------------ actions

    def load(self) -> None:
        self.presenter.load()
        self.two_step.load()
        self.passkeys.load()
        self.recovery.presenter.load()

    def open_checkup(self) -> None:
        """The guided Security Checkup (once at a time); the page reloads when it closes."""
        if self.signed_in and not self.checkup_dialogs:
            self.services.tasks.start(self._checkup(), name="security.checkup")

    async def _checkup(self) -> None:
        from authing_desktop.ui.dialogs.security_checkup_dialog import run_checkup

        show_page = getattr(self.window(), "show_page", None)
        await run_checkup(self.services, self, show_page=show_page,
                          wasnt_me=self.wasnt_me or self._secure_account(),
                          opened=self.checkup_dialogs)
        if self.signed_in:
            self.load()

    def _secure_account(self) -> WasntMe | None:
        """The window's "This wasn't me" (sign-in alerts), over the open checkup."""
        secure = getattr(self.window(), "secure_account", None)
        if secure is None:
            return None

        def wasnt_me(row: HistoryRow, done: Callable[[], None]) -> None:
            parent = self.checkup_dialogs[-1] if self.checkup_dialogs else self
            secure(wording.device(row.browser, row.system), parent, done)
        return wasnt_me

    def _passkey_method_action(self) -> None:
        # No key yet: "Add…" opens the add dialog; else "Manage…" shows the keys.
        if self.passkeys.loaded and not self.passkeys.keys:
            self.add_passkey()
        else:
            self.show_passkeys()

    def show_passkeys(self) -> None:
        self.scroll_area.ensureWidgetVisible(self.passkeys_card)
        self.passkeys_card.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_passkey(self) -> None:
        """Open the add dialog (name, touch, PIN) with its own presenter."""
        if self.signed_in and not self.services.passkeys.keys.busy:
            self.services.tasks.start(self._passkey_dialog(""), name="security.addPasskey")

    def rename_passkey(self, credential_id: str) -> None:
        if self.signed_in and self.passkeys.idle:
            self.services.tasks.start(self._passkey_dialog(credential_id),
                                      name="security.renamePasskey")

    async def _passkey_dialog(self, credential_id: str) -> None:
        from authing_desktop.ui.dialogs.passkey_dialog import PasskeyDialog, run_passkey_dialog
        from authing_desktop.ui.dialogs.security_key_pin_dialog import DialogPinAsker

        presenter = PasskeysPresenter(self.services.session, self.services.tasks,
                                      self.services.passkeys, parent=self)
        self.passkey_dialog = PasskeyDialog(presenter, credential_id=credential_id,
                                            name=self.passkeys.name_of(credential_id),
                                            parent=self)
        presenter.pin = self.pin_asker = DialogPinAsker(self.passkey_dialog)
        presenter.session_dead.connect(self._session_dead)
        try:
            name = await run_passkey_dialog(self.passkey_dialog)
        finally:
            self.passkey_dialog = None
            presenter.deleteLater()
        if not name:
            return
        self.notify(self.tr("Added “{name}”. You can sign in with it now.").format(name=name)
                    if not credential_id else self.tr("Renamed to “{name}”.").format(name=name))
        self.passkeys.load()
        self.presenter.load()

    def confirm_remove_passkey(self, credential_id: str) -> None:
        if self.signed_in and self.passkeys.idle:
            self.services.tasks.start(self._remove_passkey(credential_id),
                                      name="security.removePasskey")

    async def _remove_passkey(self, credential_id: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        name = self.passkeys.name_of(credential_id)
        answer = await ask(
            self, f"{KEY}.removePasskeyConfirm", self.tr("Remove “{name}”?").format(name=name),
            self.tr("This key will no longer sign in to your account. You can add it again "
                    "later."),
            [Choice("remove", self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole),
             Choice("keep", self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)],
            default="keep", icon=QMessageBox.Icon.Warning)
        if answer == "remove":
            self.passkeys.remove(credential_id)

    def start_two_step(self) -> None:
        """Open the enrolment dialog (QR, secret, confirm, recovery code)."""
        if not self.signed_in or self.two_step.busy or self.enrol_dialogs:
            return
        self.services.tasks.start(self._enrol(), name="security.twoStepEnrol")

    async def _enrol(self) -> None:
        if await run_enrolment(self.two_step, self, self.enrol_dialogs):
            self.notify(self.tr("Two-step verification is on."))
            self.presenter.load()

    def confirm_disable_two_step(self) -> None:
        if self.signed_in and not self.two_step.busy:
            self.services.tasks.start(self._disable_two_step(), name="security.twoStepOff")

    async def _disable_two_step(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = await ask(
            self, f"{KEY}.disableTwoStepConfirm", self.tr("Turn off two-step verification?"),
            self.tr("Signing in will only ask for your password again, and your recovery "
                    "code stops working."),
            [Choice("turnOff", self.tr("Turn off"), QMessageBox.ButtonRole.DestructiveRole),
             Choice("keep", self.tr("Keep it on"), QMessageBox.ButtonRole.RejectRole)],
            default="keep", icon=QMessageBox.Icon.Warning)
        if answer != "turnOff":
            return
        if await self.two_step.disable():
            self.notify(self.tr("Two-step verification is off."))
            self.presenter.load()

    def change_password(self) -> None:
        if self.signed_in and not self.presenter.busy:
            self.presenter.change_password(self.old_password.text(), self.new_password.text(),
                                           self.confirm_password.text())

    def fix(self, target: str) -> None:
        """Go where an open checklist item is fixed."""
        if target == MFA_PAGE:
            self.scroll_area.ensureWidgetVisible(self.two_step_box)
            self.enable_two_step.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if target == SECURITY_PAGE:
            field = self.old_password if self.presenter.has_password else self.new_password
            self.scroll_area.ensureWidgetVisible(self.password_box, 0, 0)
            field.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        show_page = getattr(self.window(), "show_page", None)
        if show_page is not None:
            show_page(target)

    def _fix_item(self, key: str) -> None:
        overview = self.presenter.overview
        item = next((i for i in overview.items if i.key == key), None) if overview else None
        if item is not None:
            self.fix(item.target)

    # ------------------------------------------------------------------ binding

    def _show_overview(self, overview: SecurityOverview) -> None:
        self.gauge.set_score(overview.score)
        for row, item in enumerate(overview.items):
            if item.key not in self.check_rows:
                mark, text, button = QLabel(), QLabel(), QPushButton()
                mark.setObjectName(f"{KEY}.check.{item.key}.state")
                text.setObjectName(f"{KEY}.check.{item.key}")
                button.setObjectName(f"{KEY}.fix.{item.key}")
                button.setFlat(True)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setProperty("link", True)  # the theme styles it as a link
                button.clicked.connect(lambda _checked=False, k=item.key: self._fix_item(k))
                # Every row as tall as one with a button: the lines keep an even rhythm.
                self.checklist.setRowMinimumHeight(row, button.sizeHint().height())
                self.checklist.addWidget(mark, row, 0)
                self.checklist.addWidget(text, row, 1)
                self.checklist.addWidget(button, row, 2)
                self.check_rows[item.key] = (mark, text, button)
            mark, text, button = self.check_rows[item.key]
            mark.setText("✔" if item.done else "✘")
            set_tone(mark, "ok" if item.done else "error")
            title = QCoreApplication.translate("SecurityChecklist", item.title)
            advice = QCoreApplication.translate("SecurityChecklist", item.advice)
            state = self.tr("done") if item.done else self.tr("to do")
            text.setText(title)
            text.setAccessibleName(f"{title}: {state}")
            fixable = not item.done and (item.target in (SECURITY_PAGE, MFA_PAGE)
                                         or _page_exists(item.target))
            button.setVisible(fixable)
            button.setText(advice + " →")
            button.setAccessibleName(advice)
            if not item.done and not fixable:
                text.setToolTip(self.tr("Not available in this version yet."))
        self.gauge.setAccessibleName(self.tr("Security score: {score} of 100").format(
            score=overview.score))
        self._show_methods()
        # The checklist's buttons are made after the password form below them: put them
        # first in the Tab order, as they are read.
        previous: QWidget = self.scroll_area
        for _mark, _text, button in self.check_rows.values():
            QWidget.setTabOrder(previous, button)
            previous = button

    def _show_field_errors(self, errors: dict[str, str]) -> None:
        self.password_form.show_errors(errors)

    def _show_methods(self) -> None:
        count = len(self.passkeys.keys) if self.passkeys.loaded else None
        self.methods.show_states(method_states(self.presenter.overview, self.two_step.enabled,
                                               count, self.recovery.presenter.made))
        if count == 0:
            self.passkeys_action.setText(self.tr("Add…"))
            self.passkeys_action.setAccessibleName(self.tr("Add a security key"))
        else:
            self.passkeys_action.setText(self.tr("Manage…"))
            self.passkeys_action.setAccessibleName(self.tr("Manage your passkeys and security "
                                                           "keys"))
        self.change_action.setText(self.tr("Change…") if self.presenter.has_password
                                   else self.tr("Set…"))

    def _show_two_step(self, _enabled: object) -> None:
        enabled = self.two_step.enabled
        self._show_methods()
        self.enable_two_step.setVisible(enabled is False)
        self.disable_two_step.setVisible(bool(enabled))
        self._two_step_busy(self.two_step.busy)

    def _two_step_busy(self, busy: bool) -> None:
        self.enable_two_step.setEnabled(not busy)
        self.disable_two_step.setEnabled(not busy)

    def _password_busy(self, busy: bool) -> None:
        # The button that started the call says it is at work.
        self.change_button.setEnabled(not busy)
        self.change_button.setText(self.tr("Changing…") if busy
                                   else self.tr("Change password"))

    def _password_changed(self) -> None:
        for field in (self.old_password, self.new_password, self.confirm_password):
            field.setText("")
        self.notify(self.tr("Your password was changed."))

    # ------------------------------------------------------------- translation

    def retranslate(self) -> None:
        self.retranslate_frame(self.tr("Security"),
                               self.tr("Sign in to see your security level and change your "
                                       "password."),
                               self.tr("How well your account is protected, and the ways you "
                                       "sign in."))
        self.gauge.caption = self.tr("of 100")
        self.gauge.setAccessibleName(self.tr("Security score"))
        self.gauge.setToolTip(self.tr("Run a security checkup"))
        self.checkup_button.setText(self.tr("Run a security checkup"))
        self.checkup_button.setAccessibleName(self.tr("Run a security checkup"))
        self.score_card.set_texts(self.tr("Security score"))
        self.checklist_title.setText(self.tr("Checklist"))
        self.methods_title.setText(self.tr("Ways to sign in"))
        self.password_box.set_texts(self.tr("Change password"))
        self.change_action.setAccessibleName(self.tr("Change the password"))
        self.enable_two_step.setText(self.tr("Turn on…"))
        self.enable_two_step.setAccessibleName(self.tr("Turn on two-step verification"))
        self.disable_two_step.setText(self.tr("Turn off…"))
        self.disable_two_step.setAccessibleName(self.tr("Turn off two-step verification"))
        self.contacts_action.setText(self.tr("Phone && email…"))
        self.contacts_action.setAccessibleName(self.tr("Manage your phone number and email "
                                                       "address"))
        self.methods.retranslate()
        self.recovery.retranslate()
        self._show_two_step(None)
        self.password_form.retranslate()
        self._password_busy(self.presenter.busy)
        self.change_button.setAccessibleName(self.tr("Change the password"))
        if self.presenter.overview is not None:
            self._show_overview(self.presenter.overview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
