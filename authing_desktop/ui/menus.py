"""The menu bar: View → Language and Theme, Help → About.

A choice is saved in the settings and takes effect from there: `UiLanguage` installs the
language (live: every page re-sets its texts on ``QEvent.LanguageChange``, typed input stays)
and `ThemeManager` applies the theme. The menus show the saved choice, whoever made it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, qVersion
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QWidget

from authing_desktop import APP_DISPLAY_NAME, __version__
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.language import CHOICES
from authing_desktop.services.settings import Settings

SYSTEM = ""  # the setting value that follows the system (language and theme)


class ViewMenu(QMenu):
    """View: Language (System / English / 简体中文) and Theme (System / Light / Dark)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.view")
        self.services = services
        self.language_menu = self.addMenu("")
        self.language_menu.setObjectName("menu.language")
        self.language_actions = _choice_group(
            self.language_menu, "menu.language", [SYSTEM, *(c.code for c in CHOICES)],
            self._choose_language)
        self.theme_menu = self.addMenu("")
        self.theme_menu.setObjectName("menu.theme")
        self.theme_actions = _choice_group(
            self.theme_menu, "menu.theme", [SYSTEM, "light", "dark"], self._choose_theme)
        services.settings.changed.connect(self._show_settings)
        self.retranslate()
        self._show_settings(services.settings.current)

    def _choose_language(self, code: str) -> None:
        self._save(self.services.settings.current.with_language(code))

    def _choose_theme(self, theme: str) -> None:
        self._save(self.services.settings.current.with_theme(theme))

    def _save(self, settings: Settings) -> None:
        if settings == self.services.settings.current or self.services.tasks.closed:
            return
        self.services.tasks.start(self.services.settings.save(settings), name="settings.save")

    def _show_settings(self, settings: Settings) -> None:
        for code, action in self.language_actions.items():
            action.setChecked(code == settings.language)
        for theme, action in self.theme_actions.items():
            action.setChecked(theme == settings.theme)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions[SYSTEM].setText(self.tr("&System language"))
        for choice in CHOICES:
            # Each language in its own words, so that it can be found from any language.
            self.language_actions[choice.code].setText(choice.native_name)
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.theme_actions[SYSTEM].setText(self.tr("&System colours"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.language_menu.menuAction().setStatusTip(self.tr(
            "The language of the app and of the server's messages"))
        self.theme_menu.menuAction().setStatusTip(self.tr(
            "Light or dark colours; the system setting is followed until you choose"))


class HelpMenu(QMenu):
    """Help: About."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("menu.help")
        self.about_action = QAction(self)
        self.about_action.setObjectName("menu.about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.addAction(self.about_action)
        self.about_box: QMessageBox | None = None
        self.retranslate()

    def show_about(self) -> QMessageBox:
        """Open the About box (window-modal, not blocking the event loop)."""
        box = QMessageBox(self.parentWidget())
        box.setObjectName("about")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("About {app}").format(app=APP_DISPLAY_NAME))
        box.setText(f"<b>{APP_DISPLAY_NAME}</b> {__version__}")
        box.setInformativeText(self.tr(
            "The self-service center for your Authing account.\n\n"
            "Python {python}, Qt {qt}, PySide6 {pyside}").format(
                python=sys.version.split()[0], qt=qVersion(), pyside=pyside_version))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.setAccessibleName(box.windowTitle())
        box.open()
        self.about_box = box
        return box

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About {app}").format(app=APP_DISPLAY_NAME))


def _choice_group(menu: QMenu, name: str, values: list[str],
                  choose: Callable[[str], None]) -> dict[str, QAction]:
    """Exclusive checkable actions, one per value; triggering one calls ``choose(value)``."""
    group = QActionGroup(menu)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for value in values:
        action = QAction(menu)
        action.setObjectName(f"{name}.{value or 'system'}")
        action.setCheckable(True)
        action.setData(value)
        group.addAction(action)
        menu.addAction(action)
        actions[value] = action
    group.triggered.connect(lambda action: choose(str(action.data())))
    return actions


def install_menus(window: QMainWindow, services: AppServices) -> tuple[ViewMenu, HelpMenu]:
    """Add View and Help to ``window``'s menu bar (Help last, where users look for it)."""
    view = ViewMenu(services, window)
    help_menu = HelpMenu(window)
    bar = window.menuBar()
    bar.setObjectName("menu.bar")
    bar.addMenu(view)
    bar.addMenu(help_menu)
    return view, help_menu
