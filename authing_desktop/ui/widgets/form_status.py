"""The status block under a form: a busy bar, the error (translated) with the server's own
text as detail, and a neutral notice. Bound to a `FormPresenter`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from authing_desktop.presenters.form import FormPresenter
from authing_desktop.ui.theme import set_tone
from authing_desktop.ui.widgets.form_layout import busy_bar


class FormStatus(QWidget):
    """Widgets ``<key>.busy``, ``<key>.error``, ``<key>.errorDetail``, ``<key>.notice``."""

    def __init__(self, key: str, presenter: FormPresenter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = busy_bar(f"{key}.busy")
        self.error = _label(f"{key}.error", "error")
        self.detail = _label(f"{key}.errorDetail", "note")
        self.notice = _label(f"{key}.notice", "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in (self.busy, self.error, self.detail, self.notice):
            layout.addWidget(widget)
        presenter.busy_changed.connect(self.busy.setVisible)
        presenter.error_changed.connect(self._show_error)
        presenter.detail_changed.connect(self._show_detail)
        presenter.notice_changed.connect(self._show_notice)
        self._presenter = presenter

    def _show_error(self, text: str) -> None:
        _show(self.error, text)

    def _show_notice(self, text: str) -> None:
        _show(self.notice, text)

    def _show_detail(self, text: str) -> None:
        # The server's words, only when they add something to the translated message.
        shown = text if text and text != self._presenter.error else ""
        prefix = self.tr("Server says: ") if shown else ""
        _show(self.detail, prefix + shown)


def _label(name: str, tone: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    set_tone(label, tone)
    label.setVisible(False)
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
