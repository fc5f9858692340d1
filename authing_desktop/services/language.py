"""UI language: chosen from the settings, else the system locale; loaded with QTranslator.

Translations live in ``resources/i18n/authing_desktop_<lang>.qm`` (compiled from the ``.ts``
sources by ``scripts/update-translations``). English is the source language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from authing_desktop.services.resource_files import resource_path

log = logging.getLogger("authing_desktop.language")

SUPPORTED = ("en", "zh_CN")
FALLBACK = "en"


@dataclass(frozen=True)
class LanguageChoice:
    """A selectable language: its code and its name in that language (for a picker)."""

    code: str
    native_name: str


CHOICES = (LanguageChoice("en", "English"), LanguageChoice("zh_CN", "简体中文"))


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language to use: the setting when it names a supported one, else the system's
    (any Chinese locale gets zh_CN), else English."""
    if setting in SUPPORTED:
        return setting
    locale = system if system is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return FALLBACK


def translation_file(language: str) -> str:
    return str(resource_path("i18n", f"authing_desktop_{language}.qm"))


class LanguageInstaller:
    """Installs (and swaps) the app's and Qt's own translators on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = FALLBACK

    def install(self, language: str) -> str:
        """Switch to ``language`` (a code from `SUPPORTED`); returns the one in effect."""
        if language not in SUPPORTED:
            raise ValueError(f"unsupported language {language!r}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(QLocale(language))
        app_translator = QTranslator(self._app)
        if app_translator.load(translation_file(language)):
            self._app.installTranslator(app_translator)
            self._installed.append(app_translator)
        else:
            log.warning("no translation file for %s", language)
        if language == FALLBACK:
            return language
        # Qt's own strings (standard buttons, context menus), when the wheel ships them.
        qt_translator = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_translator)
            self._installed.append(qt_translator)
        return language
