"""The printable recovery kit: rendered with Qt's PDF writer to the file picked, and to no
other file (no temporary file, nothing in the log)."""

from __future__ import annotations

import logging
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget

from authing_desktop.presenters.recovery_code import KitContents
from authing_desktop.ui.widgets.recovery_kit import RecoveryKitPrinter

pytestmark = pytest.mark.gui

CODE = "8477-a1a6-662c-a750-bbb4-72a9"


def test_the_kit_renders_to_the_chosen_pdf_and_nowhere_else(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
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
                                 lambda text, tone: said.append((text, tone)))
    texts = printer.texts()
    assert texts["made"] == "Code made today."
    caplog.set_level(logging.DEBUG)

    target = out / "kit.pdf"
    assert printer.save_to(target)
    content = target.read_bytes()
    assert content.startswith(b"%PDF") and len(content) > 1000
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert said and said[-1][1] == "ok" and str(target) in said[-1][0]
    assert [p.name for p in out.iterdir()] == ["kit.pdf"]
    assert list(temp.iterdir()) == []  # no temporary file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "tmp"]
    assert CODE not in caplog.text and CODE not in str(said)

    # A file that cannot be written says why, and writes nothing.
    assert not printer.save_to(out / "missing" / "kit.pdf")
    assert said[-1][1] == "error"
    assert [p.name for p in out.iterdir()] == ["kit.pdf"]


def test_no_code_no_kit(qtbot: Any, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    printer = RecoveryKitPrinter("x", parent, lambda: KitContents("ada", "", ()), lambda: "",
                                 lambda _text, _tone: None)
    assert not printer.save_to(tmp_path / "kit.pdf")
    assert list(tmp_path.iterdir()) == []
    assert printer.button.objectName() == "x.printKit" and printer.button.accessibleName()
