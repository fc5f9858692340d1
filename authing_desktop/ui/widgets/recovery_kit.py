"""The printable recovery kit: a PDF made with Qt's printing (`QPdfWriter`) listing the account,
the recovery code and the verified contacts. It is rendered in memory (Qt's text layout and
painting belong to the UI thread: one page, a few milliseconds) and written once, in a worker
thread, to the file the user picked (mode 0600): no temporary file, and the code is never
logged."""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from authing_desktop.presenters.recovery_code import KitContents
from authing_desktop.services.private_files import write_private_in_worker
from authing_desktop.ui.folders import open_save_dialog
from authing_desktop.ui.widgets.recovery_code_saver import Run


def kit_pdf(kit: KitContents, texts: dict[str, str]) -> bytes:
    """The kit as PDF bytes; ``texts`` holds the translated ``title``, ``intro``,
    ``account``, ``code``, ``contacts``, ``none`` and ``made``."""
    buffer = QBuffer()
    data = QByteArray()
    buffer.setBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(texts["title"])
    writer.setCreator("Authing Desktop")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    escape = html.escape
    contacts = "".join(f"<li>{escape(item)}</li>" for item in kit.contacts) or \
        f"<li>{escape(texts['none'])}</li>"
    document = QTextDocument()
    document.setHtml(
        f"<h1>{escape(texts['title'])}</h1><p>{escape(texts['intro'])}</p>"
        f"<h3>{escape(texts['account'])}</h3><p>{escape(kit.account)}</p>"
        f"<h3>{escape(texts['code'])}</h3>"
        f"<p style='font-family: monospace; font-size: 20pt'>{escape(kit.code)}</p>"
        f"<h3>{escape(texts['contacts'])}</h3><ul>{contacts}</ul>"
        f"<p>{escape(texts['made'])}</p>")
    document.print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(data.data())


class RecoveryKitPrinter(QObject):
    """Owns ``button`` (``<key>.printKit``): a non-blocking save dialog (``open()``), then the
    PDF written where the user chose, through ``run`` (see `Run`); ``say`` shows the
    outcome."""

    def __init__(self, key: str, parent: QWidget, kit: Callable[[], KitContents],
                 made: Callable[[], str], say: Callable[[str, str], None], run: Run) -> None:
        super().__init__(parent)
        self._parent, self._kit, self._made, self._say = parent, kit, made, say
        self._run = run
        self.button = QPushButton()
        self.button.setObjectName(f"{key}.printKit")
        self.button.clicked.connect(self.choose_file)
        self.file_dialog: QFileDialog | None = None
        self.retranslate()

    def choose_file(self) -> None:
        self.file_dialog = open_save_dialog(
            self._parent, self.tr("Save the recovery kit"), "recoveryKit.fileDialog",
            self.tr("PDF files (*.pdf)"), "authing-recovery-kit.pdf", self.save_to)

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Recovery kit"),
            "intro": self.tr("Keep this page somewhere safe. If you lose the phone with your "
                             "authenticator app, the recovery code signs you in once; a new "
                             "code is then shown, and this one no longer works."),
            "account": self.tr("Account"),
            "code": self.tr("Recovery code"),
            "contacts": self.tr("Verified contacts"),
            "none": self.tr("None"),
            "made": self.tr("Code made {date}.").format(date=self._made()),
        }

    def save_to(self, path: str | Path) -> asyncio.Task[bool | None] | None:
        """Render the kit and start writing it to ``path`` (None when there is no code); the
        task's result is True on success, and the reason is shown if not."""
        kit = self._kit()
        if not kit.code:
            return None
        content = kit_pdf(kit, self.texts())
        self._say(self.tr("Saving…"), "ok")
        return self._run(self._write(Path(path), content))

    async def _write(self, path: Path, content: bytes) -> bool:
        try:
            await write_private_in_worker(path, content)
        except OSError as error:
            self._say(self.tr("Could not save it: {reason}").format(
                reason=error.strerror or type(error).__name__), "error")
            return False
        self._say(self.tr("Recovery kit saved to {path}.").format(path=str(path)), "ok")
        return True

    def retranslate(self) -> None:
        self.button.setText(self.tr("Print kit…"))
        self.button.setAccessibleName(self.tr("Save the recovery kit as a PDF to print"))
