"""Page modules preload without making PySide classes in a worker: the worker imports only
third-party modules, and the app's modules load on the UI thread one per step, each step
importing exactly one new app module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from authing_desktop.ui.preload_plan import _module_level_imports

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter with what the window has loaded before the preload: the pages package.
_CHILD = textwrap.dedent("""
    import importlib, json, sys, threading

    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    import authing_desktop.ui.main_window
    from authing_desktop.ui import pages

    import authing_desktop.ui.preload_plan  # the window imports it before the worker starts

    before = set(sys.modules)
    result = {}
    worker = threading.Thread(target=lambda: result.update(app=pages.prepare_page_imports()))
    worker.start()
    worker.join()  # nothing else runs meanwhile: what is new, the worker imported
    off_thread = sorted(m for m in set(sys.modules) - before if m.startswith("authing_desktop"))
    steps = []
    for name in result["app"]:
        before = {m for m in sys.modules if m.startswith("authing_desktop")}
        importlib.import_module(name)
        steps.append(sorted({m for m in sys.modules if m.startswith("authing_desktop")}
                            - before))
    page_modules = [f"authing_desktop.ui.pages.{m}" for m in pages._MODULES + pages._SUB_MODULES]
    print(json.dumps({"off_thread": off_thread, "plan": result["app"], "steps": steps,
                      "missing": [m for m in page_modules if m not in sys.modules]}))
""")


def test_the_worker_imports_no_app_module_and_each_step_one() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["off_thread"] == []
    assert report["missing"] == []
    assert len(report["plan"]) > 20  # the pages, their presenters, dialogs and widgets
    for name, new in zip(report["plan"], report["steps"], strict=True):
        assert new in ([name], []), f"importing {name} also imported {new}"


def test_only_the_module_body_s_own_runtime_imports_count() -> None:
    source = textwrap.dedent("""
        from __future__ import annotations
        from typing import TYPE_CHECKING
        import json
        from . import sign_in_page
        from .. import theme
        from authing_desktop.ui import widgets
        from authing_desktop.ui.widgets import field_row, NOT_A_MODULE
        if TYPE_CHECKING:
            import asyncio
        import csv

        def later():
            import zipfile

        class Later:
            import tarfile
    """)
    code = compile(source, "demo", "exec")
    found = _module_level_imports(code, "authing_desktop.ui.pages.demo", False)
    assert found == [
        "__future__", "typing", "json",
        "authing_desktop.ui.pages", "authing_desktop.ui.pages.sign_in_page",
        "authing_desktop.ui", "authing_desktop.ui.theme",
        "authing_desktop.ui", "authing_desktop.ui.widgets",
        "authing_desktop.ui.widgets", "authing_desktop.ui.widgets.field_row",
        "csv",
    ]


def test_an_outside_module_that_does_not_import_here_is_skipped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from authing_desktop.ui import pages, preload_plan

    plan = preload_plan.ImportPlan(outside=["json", "no_such_module_for_this_platform"],
                                   app=["authing_desktop.ui.pages.devices_page"])
    monkeypatch.setattr(preload_plan, "plan_imports", lambda _roots: plan)
    assert pages.prepare_page_imports() == ["authing_desktop.ui.pages.devices_page"]
