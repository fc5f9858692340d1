"""Which modules a set of not yet imported app modules needs, found without importing them.

Importing the app's own modules in a worker thread (to keep the UI thread free) is not safe:
they define PySide classes, and PySide builds and patches types while the UI thread runs Qt's
event loop; the process crashed now and then (a segfault, about one run in 40 of the scripted
flow). `plan_imports` reads the modules' compiled code instead (in a worker: pure Python, no
PySide), so that the caller can import the third-party modules there and the app's modules on
the UI thread, dependencies first, one per event-loop turn: each is then a short step.

Only module-level imports count: imports inside functions are deliberately lazy, and those under
``if TYPE_CHECKING:`` never run.
"""

from __future__ import annotations

import dis
import importlib.machinery
import sys
from dataclasses import dataclass, field
from types import CodeType

APP_PACKAGE = "authing_desktop"
# Loaded with the window already, and only ever imported on the UI thread.
UI_THREAD_ONLY = ("PySide6", "shiboken6", "qasync")


@dataclass
class ImportPlan:
    """``outside``: third-party and standard modules, safe to import in a worker. ``app``: the
    app's modules, each after the app modules it imports (import them in this order)."""

    outside: list[str] = field(default_factory=list)
    app: list[str] = field(default_factory=list)


def plan_imports(roots: list[str]) -> ImportPlan:
    """The imports ``roots`` (app module names) need beyond what is loaded now."""
    plan = ImportPlan()
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name in sys.modules:
            return
        seen.add(name)
        top = name.partition(".")[0]
        if top in UI_THREAD_ONLY:
            return
        if top != APP_PACKAGE:
            plan.outside.append(name)
            return
        parent = name.rpartition(".")[0]
        if parent:
            visit(parent)
        code = _module_code(name)
        if code is None:
            return  # not found: the real import reports it
        for imported in _module_level_imports(code, name, _is_package(name)):
            visit(imported)
        plan.app.append(name)

    for root in roots:
        visit(root)
    return plan


def _module_level_imports(code: CodeType, module: str, is_package: bool) -> list[str]:
    """Modules imported by the module body's own instructions (not by its functions and class
    bodies), outside ``if TYPE_CHECKING:`` blocks; ``from x import y`` counts ``x.y`` when
    that is a module."""
    found: list[str] = []
    consts: list[object] = []
    skip_until = -1
    previous: dis.Instruction | None = None
    for instruction in dis.get_instructions(code):
        if instruction.offset < skip_until:
            continue
        if (previous is not None and previous.argval == "TYPE_CHECKING"
                and previous.opname in ("LOAD_NAME", "LOAD_GLOBAL")
                and "IF_FALSE" in instruction.opname and isinstance(instruction.argval, int)):
            skip_until = instruction.argval  # the block's end
        if instruction.opname == "LOAD_CONST":
            consts.append(instruction.argval)
        elif instruction.opname == "IMPORT_NAME" and len(consts) >= 2:
            level, fromlist = consts[-2], consts[-1]
            base = _absolute(str(instruction.argval), level if isinstance(level, int) else 0,
                             module, is_package)
            if base:
                found.append(base)
                for item in fromlist if isinstance(fromlist, tuple) else ():
                    if item != "*" and _module_spec(f"{base}.{item}") is not None:
                        found.append(f"{base}.{item}")
        previous = instruction
    return found


def _absolute(name: str, level: int, module: str, is_package: bool) -> str:
    if level == 0:
        return name
    package = module if is_package else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{name}" if name else package


def _module_spec(name: str) -> importlib.machinery.ModuleSpec | None:
    """Where ``name`` would be imported from, without importing it or its parent packages
    (``importlib.util.find_spec`` would import the parents)."""
    module = sys.modules.get(name)
    if module is not None:
        return getattr(module, "__spec__", None)
    parent = name.rpartition(".")[0]
    path = None
    if parent:
        parent_spec = _module_spec(parent)
        if parent_spec is None or parent_spec.submodule_search_locations is None:
            return None
        path = list(parent_spec.submodule_search_locations)
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        if find_spec is None:
            continue
        spec = find_spec(name, path)
        if spec is not None:
            return spec  # type: ignore[no-any-return]
    return None


def _is_package(name: str) -> bool:
    spec = _module_spec(name)
    return spec is not None and spec.submodule_search_locations is not None


def _module_code(name: str) -> CodeType | None:
    spec = _module_spec(name)
    get_code = getattr(spec.loader, "get_code", None) if spec is not None else None
    if get_code is None:
        return None
    code = get_code(name)
    return code if isinstance(code, CodeType) else None
