"""Keep PySide's import hook from caching the source of every module the app imports.

PySide6 (6.x, for its opt-in ``from __feature__ import ...`` switches) wraps ``__import__`` and,
for every newly imported Python module, asks ``shibokensupport.feature._mod_uses_pyside``
whether its source mentions PySide6. That function reads the source with ``inspect.getsource``,
which keeps every line of every module in ``linecache`` for the life of the process: ~13 MiB
for this app, and the reading is part of each import's time (on the UI thread for lazy imports).

`install` swaps in a check with the same verdict (the module's ``.py`` file contains
``PySide6``) that reads the bytes once and keeps nothing. Without a source file (extension
modules, a frozen build) the verdict is False, as with ``inspect.getsource`` failing. When the
PySide version has no such function, nothing changes.
"""

from __future__ import annotations

import logging
from types import ModuleType

log = logging.getLogger("authing_desktop.init")


def module_mentions_pyside(module: ModuleType) -> bool:
    """True when ``module``'s source file contains ``PySide6`` (False without a source)."""
    spec = getattr(module, "__spec__", None)
    path = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Replace PySide's source check (after importing PySide6); True when it was replaced."""
    try:
        import PySide6  # noqa: F401 - registers shibokensupport
        from shibokensupport import feature
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide has no source check to replace")
        return False
    feature._mod_uses_pyside = module_mentions_pyside
    return True
