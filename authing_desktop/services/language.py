"""UI language: chosen from the settings, else the system locale; loaded with QTranslator.

Translations live in ``resources/i18n/authing_desktop_<lang>.qm`` (compiled from the ``.ts``
sources by ``scripts/update-translations``). English is the source language.

Switching is live: installing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget, and each window and page re-sets its texts in ``changeEvent`` (typed input stays).
`UiLanguage` keeps the installed language, the settings and the server's ``x-authing-lang``
in step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from authing_desktop.services.resource_files import resource_path

if TYPE_CHECKING:
    from authing_desktop.services.connection import Connection
    from authing_desktop.services.settings import Settings, SettingsStore

log = logging.getLogger("authing_desktop.language")

SUPPORTED = ("en", "zh_CN")
FALLBACK = "en"
# Marks the translators we install, so that any installer (the app's, a test's, the
# screenshot helper's) swaps the same ones instead of stacking up its own.
TRANSLATOR_NAME = "authing_desktop.translator"


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
        self.language = FALLBACK

    def install(self, language: str) -> str:
        """Switch to ``language`` (a code from `SUPPORTED`); returns the one in effect."""
        if language not in SUPPORTED:
            raise ValueError(f"unsupported language {language!r}")
        for old in self._app.findChildren(QTranslator, TRANSLATOR_NAME):
            self._app.removeTranslator(old)
            old.setParent(None)
            old.deleteLater()
        self.language = language
        QLocale.setDefault(QLocale(language))
        app_translator = self._translator()
        if app_translator.load(translation_file(language)):
            self._app.installTranslator(app_translator)
        else:
            log.warning("no translation file for %s", language)
        if language == FALLBACK:
            return language
        # Qt's own strings (standard buttons, context menus), when the wheel ships them.
        qt_translator = self._translator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            self._app.installTranslator(qt_translator)
        return language

    def _translator(self) -> QTranslator:
        translator = QTranslator(self._app)
        translator.setObjectName(TRANSLATOR_NAME)
        return translator


class UiLanguage(QObject):
    """The UI language follows the ``language`` setting ("" = the system locale), live: a
    changed setting installs the new translators; the server's messages (``x-authing-lang``)
    follow too. Built once by the composition root, before the window."""

    def __init__(self, app: QCoreApplication, settings: SettingsStore,
                 connection: Connection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installer = LanguageInstaller(app)
        self._connection = connection
        self._setting = settings.current.language
        self._apply(choose_language(self._setting))
        settings.changed.connect(self._settings_changed)

    @property
    def language(self) -> str:
        """The language in effect (``en`` or ``zh_CN``)."""
        return self._installer.language

    def bind_connection(self, connection: Connection) -> None:
        """From now on the server's messages follow the UI language too (the composition root
        installs the language before the window's first paint, the connection after it)."""
        self._connection = connection
        connection.set_language(self._installer.language)

    def _settings_changed(self, settings: Settings) -> None:
        if settings.language == self._setting:
            return  # another setting changed
        self._setting = settings.language
        language = choose_language(settings.language)
        if language != self._installer.language:
            self._apply(language)

    def _apply(self, language: str) -> None:
        self._installer.install(language)
        log.info("UI language: %s", language)
        if self._connection is not None:
            self._connection.set_language(language)
