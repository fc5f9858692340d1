"""``QT_TRANSLATE_NOOP`` typed as ``str -> str`` (PySide6's stub says ``object``): marks a text
for pyside6-lupdate; the view translates it later with ``QCoreApplication.translate``."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate extracts
    """Return ``text`` unchanged; ``context`` is for the extractor."""
    return text
