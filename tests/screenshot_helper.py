"""Offscreen screenshots for the README: ``docs/screenshots/<name>_<lang>.png``.

Use from a test::

    paths = capture(qtbot, qapp, "signin", lambda: MainWindow(services), prepare=...)

For each language the translators are installed, the widget is built by ``build`` (so every
text is in that language from the start), shown at ``size``, optionally prepared (e.g. a page
selected), grabbed and saved. English is restored afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize
from PySide6.QtWidgets import QWidget

from authing_desktop.services.language import LanguageInstaller

SCREENSHOT_DIR = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
LANGUAGES = ("en", "zh_CN")
THEMES = ("light", "dark")


@contextmanager
def ui_theme(qapp: Any, theme: str) -> Iterator[None]:
    """Run the body with the app's ``theme`` applied (as `ThemeManager` would); Qt's own look
    again afterwards."""
    from PySide6.QtGui import QPalette

    from authing_desktop.ui.theme import apply_first_theme

    style, palette = qapp.style().name(), QPalette(qapp.palette())
    try:
        apply_first_theme(qapp, theme)
        QCoreApplication.processEvents()
        yield
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(palette)
        qapp.setStyle(style)
        QCoreApplication.processEvents()


@contextmanager
def ui_language(qapp: Any, language: str) -> Iterator[None]:
    """Run the body with ``language``'s translators installed; English again afterwards."""
    installer = LanguageInstaller(qapp)
    try:
        installer.install(language)
        QCoreApplication.processEvents()
        yield
    finally:
        installer.install("en")
        QLocale.setDefault(QLocale(QLocale.Language.English))
        QCoreApplication.processEvents()


def capture(qtbot: Any, qapp: Any, name: str, build: Callable[[], QWidget], *,
            prepare: Callable[[QWidget], None] | None = None,
            size: QSize | None = None, languages: tuple[str, ...] = LANGUAGES,
            themes: tuple[str, ...] = (), directory: Path = SCREENSHOT_DIR) -> list[Path]:
    """Save ``<name>_<lang>.png`` for each language (with ``themes``: ``<name>-<theme>_<lang>.png``
    for each theme and language); returns the paths written."""
    if themes:
        return [path for theme in themes for path in _capture_themed(
            qtbot, qapp, name, build, theme, prepare=prepare, size=size, languages=languages,
            directory=directory)]
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        with ui_language(qapp, language):
            widget = build()
            qtbot.addWidget(widget)
            widget.resize(size or QSize(960, 680))
            widget.show()
            qtbot.waitExposed(widget)
            if prepare is not None:
                prepare(widget)
            qtbot.wait(50)  # let layouts and deferred repaints settle
            pixmap = widget.grab()
            assert not pixmap.isNull(), f"empty grab of {name} ({language})"
            path = directory / f"{name}_{language}.png"
            assert pixmap.save(str(path), "PNG"), f"could not write {path}"
            written.append(path)
            widget.close()
    return written


def _capture_themed(qtbot: Any, qapp: Any, name: str, build: Callable[[], QWidget], theme: str,
                    **options: Any) -> list[Path]:
    with ui_theme(qapp, theme):
        return capture(qtbot, qapp, f"{name}-{theme}", build, **options)
