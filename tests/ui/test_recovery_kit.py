"""The recovery code's two files: the printable kit, rendered with Qt's PDF writer, and the
plain text file. Each goes to the file picked and to no other (no temporary file, nothing in
the log), readable by the user alone, written in a worker thread (not the UI thread)."""

from __future__ import annotations

import logging
import stat
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
import shiboken6
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget

from authing_desktop.logs import CHATTY_LOGGERS
from authing_desktop.presenters.base import Presenter
from authing_desktop.presenters.recovery_code import KitContents
from authing_desktop.services import private_files
from authing_desktop.services.bus import MessageBus
from authing_desktop.services.private_files import write_private
from authing_desktop.services.tasks import TaskRunner
from authing_desktop.ui.widgets.recovery_code_saver import RecoveryCodeSaver
from authing_desktop.ui.widgets.recovery_kit import RecoveryKitPrinter
from tests.fixtures.account_session import settle

pytestmark = pytest.mark.gui

CODE = "8477-a1a6-662c-a750-bbb4-72a9"


def app_logging(caplog: pytest.LogCaptureFixture) -> None:
    """Everything at DEBUG, but the third-party loggers the app keeps at INFO (qasync's
    executor quotes the arguments of what it runs: here, the file's content)."""
    caplog.set_level(logging.DEBUG)
    for name in CHATTY_LOGGERS:
        caplog.set_level(logging.INFO, logger=name)


@pytest.fixture
def presenter(qloop: Any) -> Iterator[Presenter]:
    crashes: list[BaseException] = []
    yield Presenter(TaskRunner(MessageBus(), on_unexpected=crashes.append))
    assert crashes == []


@pytest.fixture
def writers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records, for each file written, whether it was written on the UI thread."""
    on_ui_thread: list[bool] = []

    def recorded(path: Any, content: bytes, **kwargs: Any) -> None:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        write_private(path, content, **kwargs)

    monkeypatch.setattr(private_files, "write_private", recorded)
    return on_ui_thread


def test_the_kit_renders_to_the_chosen_pdf_and_nowhere_else(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture, presenter: Presenter, writers: list[bool]) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    assert Path(QDir.tempPath()).resolve() == temp.resolve()
    out = tmp_path / "out"
    out.mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[tuple[str, str]] = []
    kit = KitContents("ada", CODE, ("ada@example.com", "+8613800000000"))
    printer = RecoveryKitPrinter("recoveryCode", parent, lambda: kit, lambda: "today",
                                 lambda text, tone: said.append((text, tone)), presenter.run)
    texts = printer.texts()
    assert texts["made"] == "Code made today."
    app_logging(caplog)

    target = out / "kit.pdf"
    task = printer.save_to(target)
    assert task is not None and presenter.busy and said[-1] == ("Saving…", "ok")
    assert settle(qtbot, task) is True
    assert writers == [False] and not presenter.busy
    content = target.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 1000
    assert _says_in_order(target, [
        "Recovery kit", texts["intro"], "Account", "ada", "Recovery code", CODE,
        "Verified contacts", "ada@example.com", "+8613800000000", "Code made today."])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert said and said[-1][1] == "ok" and str(target) in said[-1][0]
    assert [p.name for p in out.iterdir()] == ["kit.pdf"]
    assert list(temp.iterdir()) == []  # no temporary file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tmp"]
    assert CODE not in caplog.text and CODE not in str(said)

    # A file that cannot be written says why, and writes nothing.
    task = printer.save_to(out / "missing" / "kit.pdf")
    assert task is not None and settle(qtbot, task) is False
    assert said[-1] == ("Could not save it: No such file or directory", "error")
    assert [p.name for p in out.iterdir()] == ["kit.pdf"]


def _says_in_order(path: Path, parts: list[str]) -> bool:
    """Whether the PDF's one page says ``parts`` in this order. White space is left out of
    the comparison: the reader breaks lines where the page wraps and where the font changes
    (between Chinese and Latin letters)."""
    pages = pypdf.PdfReader(path).pages
    assert len(pages) == 1
    text = "".join(unicodedata.normalize("NFKC", pages[0].extract_text()).split())
    at = 0
    for part in parts:
        found = text.find("".join(part.split()), at)
        assert found >= 0, f"{part!r} not found after {text[:at]!r}"
        at = found + len("".join(part.split()))
    return True


def test_the_kit_in_chinese(qtbot: Any, tmp_path: Path, presenter: Presenter,
                            writers: list[bool]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    kit = KitContents("艾达", CODE, ())
    printer = RecoveryKitPrinter("recoveryCode", parent, lambda: kit, lambda: "2026年12月8日",
                                 lambda _text, _tone: None, presenter.run)
    printer.texts = lambda: {  # type: ignore[method-assign]
        "title": "恢复工具包", "intro": "请妥善保管此页。", "account": "账号",
        "code": "恢复码", "contacts": "已验证的联系方式", "none": "无",
        "made": "恢复码生成于 2026年12月8日。"}
    task = printer.save_to(tmp_path / "kit.pdf")
    assert task is not None and settle(qtbot, task) is True
    assert _says_in_order(tmp_path / "kit.pdf", [
        "恢复工具包", "请妥善保管此页。", "账号", "艾达", "恢复码", CODE, "已验证的联系方式", "无",
        "恢复码生成于 2026年12月8日。"])
    assert writers == [False]


def test_no_code_no_kit(qtbot: Any, tmp_path: Path, presenter: Presenter) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    printer = RecoveryKitPrinter("x", parent, lambda: KitContents("ada", "", ()), lambda: "",
                                 lambda _text, _tone: None, presenter.run)
    assert printer.save_to(tmp_path / "kit.pdf") is None
    assert list(tmp_path.iterdir()) == []
    assert printer.button.objectName() == "x.printKit" and printer.button.accessibleName()


def test_the_code_is_saved_as_text_to_the_chosen_file_only(
        qtbot: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture, presenter: Presenter,
        writers: list[bool]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    saver = RecoveryCodeSaver("twoStep", parent, presenter.run)
    saver.set_code(CODE)
    app_logging(caplog)
    target = tmp_path / "code.txt"
    target.write_text("an older file, readable by all")
    target.chmod(0o644)

    task = saver.save_to(target)
    assert saver.status.text() == "Saving…"
    assert settle(qtbot, task) is True
    assert writers == [False]
    assert target.read_text("utf-8") == (
        "Recovery code for two-step verification (works once):\n" + CODE + "\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # replaced, and made private
    assert saver.status.text() == f"Saved to {target}."
    assert saver.status.isVisibleTo(parent)
    assert [p.name for p in tmp_path.iterdir()] == ["code.txt"]
    assert CODE not in caplog.text

    # A folder that is not there: the reason, in words, and nothing written.
    assert settle(qtbot, saver.save_to(tmp_path / "gone" / "code.txt")) is False
    assert saver.status.text() == "Could not save it: No such file or directory"
    assert [p.name for p in tmp_path.iterdir()] == ["code.txt"]

    # Copy puts the code on the clipboard, and says so in the same place.
    saver.copy()
    assert saver.status.text() == "Copied to the clipboard."
    assert saver.copy_button.objectName() == "twoStep.copyRecoveryCode"
    assert saver.save_button.accessibleName() and saver.copy_button.accessibleName()


def test_a_dialog_closed_while_writing_is_left_alone(
        qtbot: Any, tmp_path: Path, presenter: Presenter) -> None:
    parent = QWidget()
    saver = RecoveryCodeSaver("twoStep", parent, presenter.run)
    saver.status.setParent(parent)  # as the dialog's layout places it
    saver.set_code(CODE)
    task = saver.save_to(tmp_path / "code.txt")
    shiboken6.delete(parent)  # the user closed the dialog before the write began
    assert not shiboken6.isValid(saver.status)
    qtbot.waitUntil(task.done)
    assert task.result() is True and (tmp_path / "code.txt").read_text("utf-8").endswith(
        CODE + "\n")
