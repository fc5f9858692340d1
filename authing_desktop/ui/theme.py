"""Light and dark themes: the application palette plus ``resources/qss/<theme>.qss``.

The ``theme`` setting is ``"light"``, ``"dark"`` or ``""`` (follow the system colour scheme,
``QStyleHints.colorScheme()``, live through ``colorSchemeChanged``). The Fusion style is used
on every platform because it draws with the palette (the native Windows and macOS styles
ignore much of it), so both themes look the same everywhere.

Colours are chosen for a WCAG contrast of at least 4.5:1 for text on its background (3:1 for
disabled text and the focus ring); ``tests/ui/test_theme.py`` measures what is rendered.
Widgets colour text by meaning with `set_tone` / `set_badge`, never with literal colours, so
the style sheet of the theme in effect decides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEvent, QObject, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from authing_desktop.services.resource_files import resource_path
from authing_desktop.services.settings import Settings, SettingsStore

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

log = logging.getLogger("authing_desktop.theme")

LIGHT = "light"
DARK = "dark"
# The system's high-contrast palette with our layout, when the system asks for high contrast
# and the user has not picked light or dark.
CONTRAST = "contrast"
TONES = ("", "error", "ok", "warning", "note")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@dataclass(frozen=True)
class ThemeColours:
    """A theme's palette colours (``#rrggbb``); the style sheet adds the semantic ones."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    placeholder: str
    tooltip_base: str
    tooltip_text: str
    light: str
    midlight: str
    mid: str
    dark: str
    shadow: str
    disabled_text: str


COLOURS = {
    LIGHT: ThemeColours(
        window="#f3f4f6", window_text="#1d2127", base="#ffffff", alternate_base="#f0f2f5",
        text="#1d2127", button="#e6e9ed", button_text="#1d2127", highlight="#1a62c9",
        highlighted_text="#ffffff", link="#0a58b8", link_visited="#6b3fa0",
        placeholder="#676e79", tooltip_base="#1d2127", tooltip_text="#f3f4f6",
        light="#ffffff", midlight="#eceef1", mid="#a3a9b2", dark="#7c838d", shadow="#5f6670",
        disabled_text="#7e848e"),
    DARK: ThemeColours(
        window="#202226", window_text="#e7e9ec", base="#17191c", alternate_base="#1e2024",
        text="#e7e9ec", button="#2d3036", button_text="#e7e9ec", highlight="#2f6fd0",
        highlighted_text="#ffffff", link="#7cb7ff", link_visited="#c3a6ff",
        placeholder="#959ca6", tooltip_base="#e7e9ec", tooltip_text="#1d2127",
        light="#3a3e45", midlight="#2a2d32", mid="#4a4f57", dark="#111315", shadow="#000000",
        disabled_text="#80868f"),
}


def build_palette(colours: ThemeColours) -> QPalette:
    """The application palette for ``colours`` (all groups; disabled text dimmed)."""
    palette = QPalette()
    roles = {
        Role.Window: colours.window, Role.WindowText: colours.window_text,
        Role.Base: colours.base, Role.AlternateBase: colours.alternate_base,
        Role.Text: colours.text, Role.Button: colours.button,
        Role.ButtonText: colours.button_text, Role.BrightText: colours.highlighted_text,
        Role.Highlight: colours.highlight, Role.HighlightedText: colours.highlighted_text,
        Role.Link: colours.link, Role.LinkVisited: colours.link_visited,
        Role.PlaceholderText: colours.placeholder, Role.ToolTipBase: colours.tooltip_base,
        Role.ToolTipText: colours.tooltip_text, Role.Light: colours.light,
        Role.Midlight: colours.midlight, Role.Mid: colours.mid, Role.Dark: colours.dark,
        Role.Shadow: colours.shadow, Role.Accent: colours.highlight,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText):
        palette.setColor(Group.Disabled, role, QColor(colours.disabled_text))
    palette.setColor(Group.Disabled, Role.Highlight, QColor(colours.mid))
    return palette


def style_sheet(theme: str) -> str:
    """The text of ``resources/qss/<theme>.qss``; its images are ``url(qss:<file>)``."""
    folder = resource_path("qss")
    QDir.setSearchPaths("qss", [str(folder)])
    return (folder / f"{theme}.qss").read_text(encoding="utf-8")


def effective_theme(setting: str, system: Qt.ColorScheme, high_contrast: bool = False) -> str:
    """``light``, ``dark`` or ``contrast``: the setting when it names one; else ``contrast``
    when the system asks for high contrast, else the system's scheme (light when the platform
    does not say)."""
    if setting in (LIGHT, DARK):
        return setting
    if high_contrast:
        return CONTRAST
    from PySide6.QtCore import Qt  # not at import: see apply_first_theme

    return DARK if system == Qt.ColorScheme.Dark else LIGHT


def system_prefers_high_contrast(app: QApplication) -> bool:
    """The desktop's accessibility setting (Qt 6.10 and later; False before)."""
    accessibility = getattr(app.styleHints(), "accessibility", None)
    if accessibility is None:
        return False
    from PySide6.QtCore import Qt

    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour ``widget``'s text by meaning (`TONES`: error, ok, warning, note; "" = plain); the
    theme's style sheet has the colour (``QLabel[tone="error"]``)."""
    if tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}")
    set_style_property(widget, "tone", tone)


def set_badge(widget: QWidget, tone: str) -> None:
    """Draw ``widget`` (a label) as a small pill in the tone's colour (``ok``, ``warning``,
    ``note`` for information; "" = no badge)."""
    if tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}")
    set_style_property(widget, "badge", tone)


KINDS = ("", "primary", "danger", "quiet")


def set_kind(button: QWidget, kind: str) -> None:
    """Draw a push button as the card's main action (``primary``, filled), a destructive one
    (``danger``), a low-key one (``quiet``, no frame) or a plain one ("")."""
    if kind not in KINDS:
        raise ValueError(f"unknown button kind {kind!r}")
    set_style_property(button, "kind", kind)


def set_callout(widget: QWidget, tone: str) -> None:
    """Draw ``widget`` (a word-wrapped label) as a boxed paragraph in the tone's colours
    (``warning``; "" = plain)."""
    if tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}")
    set_style_property(widget, "callout", tone)


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a property the theme's style sheet selects on (``[name="value"]``) and re-polish
    ``widget`` so the rule applies now."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    from PySide6.QtCore import Qt  # not at import: see apply_first_theme

    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return  # not polished yet: its first polish (at its first show) reads the property
    # Property selectors are evaluated at polish time only.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    # A frame (a QLabel is one) takes the rule's padding and border only on a StyleChange:
    # without it a badge set after its label was shown kept the shape of no badge.
    QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))
    widget.update()


class ThemeManager(QObject):
    """Applies the theme the ``theme`` setting asks for, now and whenever it, the system's
    colour scheme or its contrast preference changes. ``theme_changed`` carries ``light``,
    ``dark`` or ``contrast``. ``high_contrast`` asks whether the system wants high contrast
    (`system_prefers_high_contrast` unless a test says otherwise)."""

    theme_changed = Signal(str)

    def __init__(self, app: QApplication, settings: SettingsStore, *, applied: str = "",
                 high_contrast: Callable[[], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._settings = settings
        self._setting = settings.current.theme
        # ``applied``: the theme `apply_first_theme` put in place already (kept if right).
        self._theme = applied
        if not applied:
            _use_fusion(app)
        self._high_contrast = high_contrast or (lambda: system_prefers_high_contrast(app))
        self._hints = app.styleHints()
        self._request_scheme(self._setting)
        self._hints.colorSchemeChanged.connect(self._system_changed)
        accessibility = getattr(self._hints, "accessibility", None)
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(self.follow_system)
        settings.changed.connect(self._settings_changed)
        self.follow_system()

    @property
    def theme(self) -> str:
        """The theme in effect: ``light``, ``dark`` or ``contrast``."""
        return self._theme

    def follow_system(self, *_args: object) -> None:
        """Apply what the setting and the system's scheme and contrast ask for now."""
        self._apply(effective_theme(self._setting, self._hints.colorScheme(),
                                    self._high_contrast()))

    @property
    def setting(self) -> str:
        return self._setting

    def _settings_changed(self, settings: Settings) -> None:
        if settings.theme == self._setting:
            return
        self._setting = settings.theme
        self._request_scheme(settings.theme)
        self.follow_system()

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if not self._setting:
            self._apply(effective_theme("", scheme, self._high_contrast()))

    def _request_scheme(self, setting: str) -> None:
        """Tell the platform too (title bars, native dialogs follow where it supports it)."""
        from PySide6.QtCore import Qt

        if setting == DARK:
            self._hints.setColorScheme(Qt.ColorScheme.Dark)
        elif setting == LIGHT:
            self._hints.setColorScheme(Qt.ColorScheme.Light)
        else:
            self._hints.unsetColorScheme()

    def _apply(self, theme: str) -> None:
        if theme == self._theme:
            return
        self._theme = theme
        _set_theme(self._app, theme)
        log.info("theme: %s", theme)
        self.theme_changed.emit(theme)


def apply_first_theme(app: QApplication, setting: str) -> str:
    """Put the theme in place for the window's first frame, before a `ThemeManager` exists
    (pass it the result as ``applied``); returns ``light`` or ``dark``.

    The system's colour scheme is guessed from the platform palette's window colour:
    ``QStyleHints.colorScheme()`` returns an enum of the Qt namespace, and PySide builds every
    enum of that namespace on the first use of any, which the first frame need not wait for.
    The manager checks the real scheme right after, and switches in the rare case it differs.
    """
    if setting in (LIGHT, DARK):
        theme = setting
    else:
        window = app.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
        theme = DARK if window.lightness() < 128 else LIGHT
    _use_fusion(app)
    _set_theme(app, theme)
    return theme


# What the ``contrast`` theme shows: None is the platform's own palette (a default-made QPalette
# resolves every colour from it); tests put a high-contrast one here.
_platform_palette: QPalette | None = None


def use_platform_palette(palette: QPalette) -> None:
    """What the ``contrast`` theme shows (tests: a high-contrast palette the platform would
    give)."""
    global _platform_palette
    _platform_palette = QPalette(palette)


def _use_fusion(app: QApplication) -> None:
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)


def _set_theme(app: QApplication, theme: str) -> None:
    if theme == CONTRAST:
        app.setPalette(QPalette(_platform_palette) if _platform_palette is not None
                       else QPalette())
    else:
        app.setPalette(build_palette(COLOURS[theme]))
    # After the palette: the sheet's palette(...) references resolve against it.
    app.setStyleSheet(style_sheet(theme))
