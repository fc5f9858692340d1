"""A password edit with a show/hide button inside the field (an eye) and, optionally, a live
strength meter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from authing_desktop.presenters.password_strength import (
    PasswordStrengthPresenter,
    StrengthVerdict,
)
from authing_desktop.ui.icons import icon
from authing_desktop.ui.theme import set_style_property

TOGGLE_ICON = 16


class PasswordField(QWidget):
    """``edit`` is named ``<key>.<field>``, the toggle ``<key>.<field>Show``, the meter
    ``<key>.<field>Strength`` and its text ``<key>.<field>StrengthText``."""

    text_changed = Signal(str)

    def __init__(self, key: str, field: str, accessible_name: str,
                 strength: PasswordStrengthPresenter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{key}.{field}")
        self.edit.setAccessibleName(accessible_name)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.textChanged.connect(self.text_changed)
        # Inside the field, at its right end; still a button of its own for the keyboard and
        # screen readers (Tab reaches it, Space toggles it).
        self.toggle = QToolButton(self.edit)
        self.toggle.setObjectName(f"{key}.{field}Show")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setProperty("inField", True)  # the theme draws it without a frame
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setIconSize(QSize(TOGGLE_ICON, TOGGLE_ICON))
        self.toggle.toggled.connect(self._show_text)
        self.edit.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        self.meter: QProgressBar | None = None
        self.meter_text: QLabel | None = None
        if strength is not None:
            self.meter = QProgressBar()
            self.meter.setObjectName(f"{key}.{field}Strength")
            self.meter.setRange(0, 4)
            self.meter.setTextVisible(False)
            self.meter.setMaximumHeight(6)
            self.meter_text = QLabel()
            self.meter_text.setObjectName(f"{key}.{field}StrengthText")
            self.meter_text.setWordWrap(True)
            layout.addWidget(self.meter)
            layout.addWidget(self.meter_text)
            self.edit.textChanged.connect(strength.set_password)
            strength.changed.connect(self._show_strength)
            self._show_strength(strength.verdict)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.Resize:
            self._place_toggle()
        return super().eventFilter(watched, event)

    def _place_toggle(self) -> None:
        side = self.edit.height() - 4
        if side <= 0:  # laid out before it has a height (a tab not shown yet)
            return
        self.toggle.setFixedSize(side, side)
        self.toggle.move(self.edit.width() - side - 2, 2)
        self.edit.setTextMargins(0, 0, side, 0)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def retranslate(self) -> None:
        shown = self.toggle.isChecked()
        self.toggle.setIcon(icon("eye-off" if shown else "eye"))
        self.toggle.setAccessibleName(self.tr("Show the password"))
        self.toggle.setToolTip(self.tr("Hide the password") if shown
                               else self.tr("Show the password"))
        if self.meter is not None:
            self.meter.setAccessibleName(self.tr("Password strength"))

    def _show_text(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown
                              else QLineEdit.EchoMode.Password)
        self.retranslate()

    def _show_strength(self, verdict: StrengthVerdict) -> None:
        if self.meter is None or self.meter_text is None:
            return
        self.meter.setValue(max(0, verdict.score))
        self.meter.setVisible(verdict.score >= 0)
        parts = []
        if verdict.label:
            parts.append(self.tr("Strength: {label}").format(label=verdict.label))
        if verdict.pool_ok is True:
            parts.append(self.tr("meets the pool's password policy"))
        elif verdict.pool_ok is False:
            reason = verdict.pool_message or self.tr("too weak")
            parts.append(self.tr("rejected by the pool's policy: {reason}").format(reason=reason))
        self.meter_text.setText(" · ".join(parts))
        self.meter_text.setVisible(bool(parts))
        # The theme colours the chunk by score (``QProgressBar[strength="0"]::chunk``...).
        set_style_property(self.meter, "strength", str(max(0, verdict.score)))
        self.meter_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
