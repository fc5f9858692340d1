"""The "Send code" button: disabled with a live countdown while a sent code is fresh."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from authing_desktop.presenters.code_cooldown import CodeCooldown


class CodeButton(QPushButton):
    """Bound to a `CodeCooldown`; ``set_busy`` disables it while a send is in flight."""

    def __init__(self, object_name: str, cooldown: CodeCooldown,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._cooldown = cooldown
        self._busy = False
        cooldown.remaining_changed.connect(self._remaining_changed)
        self.retranslate()

    def _remaining_changed(self, _seconds: int) -> None:
        self.retranslate()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.retranslate()

    def retranslate(self) -> None:
        remaining = self._cooldown.remaining
        if remaining > 0:
            self.setText(self.tr("Resend in {seconds} s").format(seconds=remaining))
        else:
            self.setText(self.tr("Send code"))
        self.setEnabled(remaining == 0 and not self._busy)
        self.setAccessibleName(self.tr("Send a verification code"))

    def texts(self) -> tuple[str, ...]:
        """The texts it shows (the countdown with two digits), to size it once for all."""
        return (self.tr("Send code"), self.tr("Resend in {seconds} s").format(seconds=88))
