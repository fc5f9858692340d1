"""The Security Checkup's pages: one `StepPanel` per step (its state in a sentence, what it looks
at, the one fixing action: a button, the password form, or a button per row of a list) and the
`SummaryPanel` (what changed, what still needs attention). Names: ``checkup.step.<key>.*``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters import wording
from authing_desktop.presenters.checkup_steps import (
    CheckupFacts,
    Connection,
    Fix,
    Step,
    StepState,
)
from authing_desktop.presenters.checkup_wording import CheckupWording
from authing_desktop.ui.icons import drawn
from authing_desktop.ui.theme import set_kind, set_tone
from authing_desktop.ui.widgets.password_form import PasswordForm

KEY = "checkup"
OK_COLOUR = "#2e7d32"
ATTENTION_COLOUR = "#ef6c00"
MARK_SIDE = 18
LIST_STEPS = (Step.DEVICES, Step.ACTIVITY, Step.CONNECTIONS)


def state_mark(ok: bool, side: int = MARK_SIDE) -> QPixmap:
    """Green check or amber alert."""
    return drawn("circle-check" if ok else "circle-alert", side,
                 OK_COLOUR if ok else ATTENTION_COLOUR)


def _heading(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    return label


def _text(name: str, tone: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if tone:
        set_tone(label, tone)
    return label


class StepPanel(QWidget):
    """One step. ``fix_button`` is the step's fixing action (``checkup.step.<key>.fix``);
    list steps have a button per row (``checkup.step.<key>.fix.<n>``) and
    ``confirm_button`` (``checkup.step.<key>.confirm``). ``act(fix, item, button)`` runs a
    fix."""

    def __init__(self, step: Step, act: Callable[[Fix, object, QPushButton], None],
                 password_form: PasswordForm | None = None) -> None:
        super().__init__()
        self.step = step
        self._act = act
        name = f"{KEY}.step.{step}"
        self.setObjectName(name)
        self.title = _heading(f"{name}.title")
        self.mark = QLabel()
        self.mark.setObjectName(f"{name}.mark")
        self.reason = _text(f"{name}.reason")
        self.intro = _text(f"{name}.intro", "note")
        self.fix = Fix.NONE
        self.fix_button = QPushButton()
        self.fix_button.setObjectName(f"{name}.fix")
        set_kind(self.fix_button, "primary")
        self.fix_button.clicked.connect(lambda: self._act(self.fix, None, self.fix_button))
        self.fix_button.setVisible(False)
        self.password_form = password_form
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        self.row_buttons: list[QPushButton] = []
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName(f"{name}.confirm")
        self.confirm_button.setVisible(False)
        self.confirm_button.clicked.connect(
            lambda: self._act(Fix.NONE, step, self.confirm_button))
        state_row = QHBoxLayout()
        state_row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        state_row.addWidget(self.reason, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.fix_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(state_row)
        layout.addWidget(self.intro)
        if password_form is not None:
            layout.addWidget(password_form)
        layout.addLayout(self.rows_box)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.state: StepState | None = None

    def show_state(self, state: StepState, facts: CheckupFacts | None,
                   verification_sent: bool) -> None:
        words = CheckupWording()
        self.state = state
        self.fix = state.fix
        self.title.setText(words.step_title(self.step))
        self.intro.setText(words.step_intro(self.step))
        self.mark.setPixmap(state_mark(state.ok))
        said = words.reason_text(state, facts, verification_sent)
        self.reason.setText(said)
        status = self.tr("Looks good") if state.ok else self.tr("Needs attention")
        self.mark.setAccessibleName(status)
        self.reason.setAccessibleName(f"{status}: {said}")
        single = not state.ok and state.fix not in (Fix.NONE, Fix.SIGN_OUT_DEVICE, Fix.NOT_ME,
                                                    Fix.REMOVE_CONNECTION)
        self.fix_button.setVisible(single)
        label = words.fix_text(state.fix, again=verification_sent)
        self.fix_button.setText(label)
        self.fix_button.setAccessibleName(label.replace("&&", "&").rstrip("…"))
        if self.password_form is not None:
            self.password_form.setVisible(not state.ok)
            self.password_form.set_has_password(facts.has_password if facts else True)
        if self.step in LIST_STEPS:
            self._show_rows(facts)
            self.confirm_button.setVisible(not state.ok)
            self.confirm_button.setText(words.confirm_text(self.step))
            self.confirm_button.setAccessibleName(words.confirm_text(self.step))

    def _show_rows(self, facts: CheckupFacts | None) -> None:
        while self.rows_box.count():
            item = self.rows_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.row_buttons = []
        if facts is None:
            return
        items: tuple[object, ...] = {
            Step.DEVICES: facts.other_devices, Step.ACTIVITY: facts.sign_ins,
            Step.CONNECTIONS: facts.connections}[self.step]
        for index, entry in enumerate(items):
            self._add_row(index, entry)

    def _add_row(self, index: int, item: object) -> None:
        from authing_desktop.presenters.devices import DeviceRow
        from authing_desktop.presenters.login_history import HistoryRow

        row = QWidget()
        row.setObjectName(f"{KEY}.step.{self.step}.row.{index}")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        button = QPushButton()
        button.setObjectName(f"{KEY}.step.{self.step}.fix.{index}")
        if isinstance(item, DeviceRow):
            parts = [item.label, item.ip, wording.when(item.last_active)]
            text, fix, act = " · ".join(p for p in parts if p), Fix.SIGN_OUT_DEVICE, self.tr(
                "Sign out")
            button.setAccessibleName(self.tr("Sign out {device}").format(device=item.label))
        elif isinstance(item, HistoryRow):
            outcome = self.tr("Signed in") if item.success else self.tr("Failed attempt")
            parts = [outcome, wording.when(item.time), item.device, item.ip, item.app]
            text, fix, act = " · ".join(p for p in parts if p), Fix.NOT_ME, self.tr(
                "This wasn't me")
            button.setAccessibleName(self.tr("This wasn't me: {attempt}").format(attempt=text))
        else:
            assert isinstance(item, Connection)
            linked = item.kind == "identity"
            kind = self.tr("Linked account") if linked else self.tr("Signed-in application")
            text, fix = f"{item.name} · {kind}", Fix.REMOVE_CONNECTION
            act = self.tr("Unlink") if linked else self.tr("Sign out")
            button.setAccessibleName(f"{act} {item.name}")
        label = _text(f"{KEY}.step.{self.step}.row.{index}.text")
        label.setText(text)
        button.setText(act)
        button.setProperty("idleText", act)
        set_kind(button, "danger" if fix != Fix.NOT_ME else "")
        button.clicked.connect(lambda _c=False, f=fix, i=item, b=button: self._act(f, i, b))
        line.addWidget(label, 1)
        line.addWidget(button)
        self.rows_box.addWidget(row)
        self.row_buttons.append(button)


class SummaryPanel(QWidget):
    """The end: what changed during the checkup and what still needs attention."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName(f"{KEY}.summary")
        self.title = _heading(f"{KEY}.summary.title")
        self.changed_title = _text(f"{KEY}.summary.changedTitle")
        self.changed = _text(f"{KEY}.summary.changed")
        self.open_title = _text(f"{KEY}.summary.openTitle")
        self.open = _text(f"{KEY}.summary.open")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.changed_title, self.changed, self.open_title,
                       self.open):
            layout.addWidget(widget)
        layout.addStretch(1)
        for label in (self.changed_title, self.open_title):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)

    def show_summary(self, changed: list[str], still_open: list[str]) -> None:
        self.title.setText(self.tr("Checkup complete") if not still_open
                           else self.tr("Checkup summary"))
        self.changed_title.setText(self.tr("What changed"))
        self.changed.setText("\n".join(f"✔ {line}" for line in changed) if changed
                             else self.tr("Nothing was changed."))
        self.open_title.setText(self.tr("Still needs attention"))
        self.open_title.setVisible(bool(still_open))
        self.open.setText("\n".join(f"• {line}" for line in still_open) if still_open
                          else self.tr("Every step looks good."))
        set_tone(self.open, "" if still_open else "ok")
