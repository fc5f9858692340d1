"""Presenters and services use QtCore only, never widgets or painting (QtWidgets, QtGui): what
import-linter cannot check, since it only forbids whole external packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "authing_desktop"
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", ["services", "presenters"])
def test_no_widget_imports(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            name for name in _imports(path) if name.startswith(FORBIDDEN))
        for path in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}
