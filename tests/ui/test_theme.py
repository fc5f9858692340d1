"""Themes: light and dark follow the system colour scheme until the user picks one (remembered);
text is readable in both (WCAG contrast measured on what is rendered); focus is visible.

Run with ``-s`` to see the contrast figures."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import authing_desktop.ui.theme as theme_module
from authing_desktop.services.app_services import AppServices
from authing_desktop.services.bus import Level, Message
from authing_desktop.services.settings import SettingsStore
from authing_desktop.ui.main_window import MainWindow
from authing_desktop.ui.message_banner import MessageBanner
from authing_desktop.ui.theme import (
    COLOURS,
    CONTRAST,
    DARK,
    LIGHT,
    ThemeManager,
    set_badge,
    set_kind,
    set_tone,
    use_platform_palette,
)
from tests.fixtures.app_services import drive
from tests.screenshot_helper import capture
from tests.ui.page_states import open_window

pytestmark = pytest.mark.gui

BODY = 4.5  # WCAG AA, body text
DISABLED = 3.0  # not required by WCAG for disabled controls; we keep it readable anyway

Role = QPalette.ColorRole


@pytest.fixture
def themes(qapp: Any) -> Iterator[Callable[[SettingsStore], ThemeManager]]:
    """Make ThemeManagers; the app's style, palette and style sheet are restored after."""
    style = qapp.style().name()
    palette = QPalette(qapp.palette())
    made: list[ThemeManager] = []

    def make(settings: SettingsStore, **options: Any) -> ThemeManager:
        manager = ThemeManager(qapp, settings, **options)
        made.append(manager)
        return manager

    yield make
    for manager in made:
        manager.deleteLater()
    QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyleSheet("")
    qapp.setPalette(palette)
    qapp.setStyle(style)
    QCoreApplication.processEvents()


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rendered_contrast(image: QImage) -> tuple[float, QColor, QColor]:
    """(contrast, text, background) of a grab: the background is the most common colour, the
    text the pixel that differs most from it (large bold text has solid pixels)."""
    counts: Counter[int] = Counter(image.pixel(x, y) for x in range(image.width())
                                   for y in range(image.height()))
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in counts), key=lambda c: contrast(c, background))
    return contrast(text, background), text, background


def _big(widget: QWidget) -> QWidget:
    font = QFont(widget.font())
    font.setPixelSize(26)
    font.setBold(True)
    widget.setFont(font)
    return widget


def _samples() -> dict[str, tuple[QWidget, float]]:
    """Widgets showing each kind of text, and the contrast each must reach."""
    samples: dict[str, tuple[QWidget, float]] = {}

    def label(text: str, tone: str = "", badge: str = "") -> QLabel:
        widget = QLabel(text)
        if tone:
            set_tone(widget, tone)
        if badge:
            set_badge(widget, badge)
        return widget

    samples["window text"] = (label("Sign in"), BODY)
    for tone in ("error", "ok", "warning", "note"):
        samples[f"{tone} text"] = (label("Message", tone=tone), BODY)
    for badge in ("ok", "warning", "note"):
        samples[f"{badge} badge"] = (label("Badge", badge=badge), BODY)
    edit = QLineEdit("typed")
    samples["input text"] = (edit, BODY)
    placeholder = QLineEdit()
    placeholder.setPlaceholderText("name@example.com")
    samples["placeholder text"] = (placeholder, BODY)
    samples["button text"] = (QPushButton("Sign in"), BODY)
    link = QPushButton("Forgot your password?")
    link.setFlat(True)
    samples["link text"] = (link, BODY)
    combo = QComboBox()
    combo.addItem("Email and password")
    samples["combo text"] = (combo, BODY)
    selected = QListWidget()
    selected.addItem("Selected")
    selected.setCurrentRow(0)
    samples["selected item"] = (selected, BODY)
    for kind in ("primary", "danger", "quiet"):
        button = QPushButton("Save")
        set_kind(button, kind)
        samples[f"{kind} button"] = (button, BODY)
    disabled = QPushButton("Disabled")
    disabled.setEnabled(False)
    samples["disabled button"] = (disabled, DISABLED)
    disabled_label = label("Disabled")
    disabled_label.setEnabled(False)
    samples["disabled text"] = (disabled_label, DISABLED)
    return samples


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_text_contrast(qtbot: Any, app_services: AppServices, themes: Any, theme: str) -> None:
    drive(qtbot, app_services.settings.save(app_services.settings.current.with_theme(theme)))
    manager = themes(app_services.settings)
    assert manager.theme == theme

    # The palette as applied.
    palette = QGuiApplication.palette()
    pairs = {"window": (Role.WindowText, Role.Window), "base": (Role.Text, Role.Base),
             "button": (Role.ButtonText, Role.Button),
             "alternate base": (Role.Text, Role.AlternateBase),
             "highlight": (Role.HighlightedText, Role.Highlight),
             "tooltip": (Role.ToolTipText, Role.ToolTipBase),
             "placeholder": (Role.PlaceholderText, Role.Base), "link": (Role.Link, Role.Window)}
    figures = {name: contrast(palette.color(fg), palette.color(bg))
               for name, (fg, bg) in pairs.items()}
    disabled = palette.color(QPalette.ColorGroup.Disabled, Role.WindowText)
    figures["disabled (palette)"] = contrast(disabled, palette.color(Role.Window))
    assert palette.color(Role.Window) == QColor(COLOURS[theme].window)

    # What is rendered, style sheet included.
    low = _rendered_figures(qtbot, figures)
    print(f"\n{theme}: " + json.dumps({k: round(v, 2) for k, v in figures.items()}))
    assert low == {}


def _rendered_figures(qtbot: Any, figures: dict[str, float]) -> dict[str, float]:
    """Add the rendered samples' contrast to ``figures``; return those below their minimum."""
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    samples = _samples()
    for widget, _minimum in samples.values():
        layout.addWidget(_big(widget))
    banner = MessageBanner()
    layout.addWidget(banner)
    holder.show()
    qtbot.waitExposed(holder)
    minimums = {name: minimum for name, (_w, minimum) in samples.items()}
    for name, (widget, _minimum) in samples.items():
        figures[name] = rendered_contrast(holder.grab(widget.geometry()).toImage())[0]
    for level in Level:
        banner.show_message(Message(level, "Banner text"))
        _big(banner.text_label)
        _big(banner.level_label)
        QCoreApplication.processEvents()
        name = f"{level.value} banner"
        figures[name] = rendered_contrast(holder.grab(banner.geometry()).toImage())[0]
        banner.dismiss()

    return {name: round(value, 2) for name, value in figures.items()
            if value < minimums.get(name, DISABLED if "disabled" in name else BODY)}


# A high-contrast palette as a desktop gives it (white on black, a bright highlight).
HIGH_CONTRAST = {Role.Window: "#000000", Role.WindowText: "#ffffff", Role.Base: "#000000",
                 Role.Text: "#ffffff", Role.Button: "#000000", Role.ButtonText: "#ffffff",
                 Role.Highlight: "#1aebff", Role.HighlightedText: "#000000",
                 Role.Link: "#ffff00", Role.PlaceholderText: "#d0d0d0",
                 Role.ToolTipBase: "#000000", Role.ToolTipText: "#ffffff",
                 Role.AlternateBase: "#000000"}


def test_the_systems_high_contrast_palette_is_used(qtbot: Any, app_services: AppServices,
                                                   themes: Any) -> None:
    palette = QPalette()
    for role, value in HIGH_CONTRAST.items():
        palette.setColor(role, QColor(value))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#3ff23f"))
    previous = theme_module._platform_palette
    use_platform_palette(palette)
    try:
        asks = [True]
        manager = themes(app_services.settings, high_contrast=lambda: asks[0])
        assert manager.theme == CONTRAST
        assert QGuiApplication.palette().color(Role.Window) == QColor("#000000")
        figures: dict[str, float] = {}
        low = _rendered_figures(qtbot, figures)
        print("\ncontrast: " + json.dumps({k: round(v, 2) for k, v in figures.items()}))
        assert low == {}
        # The user's own choice wins; following the system again brings it back.
        drive(qtbot, app_services.settings.save(app_services.settings.current.with_theme(DARK)))
        assert manager.theme == DARK
        drive(qtbot, app_services.settings.save(app_services.settings.current.with_theme("")))
        assert manager.theme == CONTRAST
        asks[0] = False  # the desktop turned high contrast off
        manager.follow_system()
        assert manager.theme in (LIGHT, DARK)
    finally:
        theme_module._platform_palette = previous


def test_the_high_contrast_sheet_has_the_same_rules_and_no_colours_of_its_own() -> None:
    from authing_desktop.services.resource_files import resource_path

    def selectors(name: str) -> list[str]:
        text = resource_path("qss", f"{name}.qss").read_text(encoding="utf-8")
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        return [rule.split("{")[0].strip() for rule in text.split("}") if "{" in rule]

    light = [rule for rule in selectors("light") if "down-arrow" not in rule]
    assert selectors("contrast") == light
    sheet = resource_path("qss", "contrast.qss").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", sheet)


def test_follows_the_system_until_chosen(qtbot: Any, app_services: AppServices,
                                         themes: Any, tmp_path: Any) -> None:
    manager = themes(app_services.settings)
    hints = QGuiApplication.styleHints()
    seen: list[str] = []
    manager.theme_changed.connect(seen.append)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched to dark
    assert manager.theme == DARK
    assert QGuiApplication.palette().color(Role.Window) == QColor(COLOURS[DARK].window)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert manager.theme == LIGHT
    assert seen == [DARK, LIGHT]

    # The user picks Dark in the View menu: it applies at once, is saved, and wins over
    # the system from then on.
    window = open_window(qtbot, app_services)
    window.view_menu.theme_actions["dark"].trigger()
    qtbot.waitUntil(lambda: manager.theme == DARK)
    qtbot.waitUntil(lambda: '"theme": "dark"' in _settings_text(app_services))
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert manager.theme == DARK
    assert window.view_menu.theme_actions["dark"].isChecked()

    # Remembered: the next start reads it.
    store = SettingsStore(app_services.settings.path, app_services.bus)
    assert store.load().theme == DARK
    assert themes(store).theme == DARK

    # Back to following the system.
    window.view_menu.theme_actions[""].trigger()
    qtbot.waitUntil(lambda: '"theme": ""' in _settings_text(app_services))
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert manager.theme == LIGHT


def test_contrast_holds_after_live_switches(qtbot: Any, app_services: AppServices,
                                            themes: Any) -> None:
    """Text, control borders and check boxes keep their contrast through theme switches (the
    "Account" heading once kept the old theme's colour: 1.09:1 after a switch)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    manager = themes(app_services.settings)
    window = open_window(qtbot, app_services)
    sign_in = window.page("signin").sign_in  # type: ignore[attr-defined]
    remember: QCheckBox = sign_in.remember
    email: QLineEdit = sign_in.email
    nav = window.nav
    heading = next(nav.item(row) for row in range(nav.count())
                   if nav.item(row).text() == "Account")
    figures: dict[str, float] = {}
    for step, theme in enumerate([DARK, LIGHT, DARK, LIGHT]):
        drive(qtbot, app_services.settings.save(app_services.settings.current.with_theme(theme)))
        qtbot.waitUntil(lambda theme=theme: manager.theme == theme)
        QCoreApplication.processEvents()
        name = f"{step}:{theme}"
        figures[f"{name} nav heading"] = rendered_contrast(
            nav.viewport().grab(nav.visualItemRect(heading)).toImage())[0]
        option = QStyleOptionButton()
        option.initFrom(remember)
        indicator = remember.style().subElementRect(
            QStyle.SubElement.SE_CheckBoxIndicator, option, remember)
        figures[f"{name} check box"] = rendered_contrast(
            remember.grab(indicator.adjusted(-2, -2, 2, 2)).toImage())[0]
        email.clear()
        email.setPlaceholderText("")
        figures[f"{name} input border"] = rendered_contrast(email.grab().toImage())[0]
    print("\nswitches: " + json.dumps({k: round(v, 2) for k, v in figures.items()}))
    low = {k: round(v, 2) for k, v in figures.items()
           if v < (BODY if k.endswith("heading") else DISABLED)}
    assert low == {}


def _settings_text(services: AppServices) -> str:
    path = services.settings.path
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _focus_pair(qtbot: Any, make: Callable[[], QWidget]) -> tuple[QImage, QImage]:
    """Grabs of the same control without and with keyboard focus."""
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    widget = make()
    other = QLineEdit("elsewhere")
    layout.addWidget(widget)
    layout.addWidget(other)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is holder.windowHandle())
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    unfocused = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    focused = widget.grab().toImage()
    return unfocused, focused


def _ring_pixels(image: QImage, colour: QColor) -> int:
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if QColor(image.pixel(x, y)) == colour)


FOCUS_RING = {LIGHT: QColor("#1a62c9"), DARK: QColor("#5aa0ff")}


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_focus_is_visible(qtbot: Any, app_services: AppServices, themes: Any,
                          theme: str) -> None:
    drive(qtbot, app_services.settings.save(app_services.settings.current.with_theme(theme)))
    themes(app_services.settings)
    controls: dict[str, Callable[[], QWidget]] = {
        "line edit": lambda: QLineEdit("text"),
        "button": lambda: QPushButton("Sign in"),
        "link button": lambda: _flat(QPushButton("Forgot your password?")),
        "tool button": lambda: QToolButton(text="Show"),
        "check box": lambda: QCheckBox("Remember me"),
        "combo box": lambda: _combo(),
        "list": lambda: QListWidget(),
    }
    for name, make in controls.items():
        unfocused, focused = _focus_pair(qtbot, make)
        assert unfocused.size() == focused.size(), name
        assert unfocused != focused, f"{name}: focus does not show"
        # The ring: a 2px outline in the focus colour, i.e. at least the widget's perimeter.
        ring = _ring_pixels(focused, FOCUS_RING[theme]) - _ring_pixels(unfocused,
                                                                        FOCUS_RING[theme])
        perimeter = 2 * (focused.width() + focused.height())
        assert ring >= perimeter, f"{name}: {ring} focus-colour pixels"
        assert contrast(FOCUS_RING[theme], QColor(COLOURS[theme].window)) >= 3.0


def _flat(button: QPushButton) -> QPushButton:
    button.setFlat(True)
    return button


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItems(["Email and password", "Username and password"])
    return combo


def test_theme_screenshots(qtbot: Any, qapp: Any, app_services: AppServices,
                           themes: Any) -> None:
    """README screenshots: the sign-in page in both themes and both languages."""
    manager = themes(app_services.settings)
    written = []
    for theme in (LIGHT, DARK):
        drive(qtbot, app_services.settings.save(app_services.settings.current.with_theme(theme)))
        assert manager.theme == theme

        def prepare(widget: QWidget) -> None:
            assert isinstance(widget, MainWindow)
            app_services.bus.info(widget.tr("Local pool: ready"))
            widget.page("signin").sign_in.email.setFocus()  # type: ignore[attr-defined]

        written += capture(qtbot, qapp, f"theme-{theme}", lambda: MainWindow(app_services),
                           prepare=prepare, size=QSize(960, 640))
    assert len(written) == 4
    assert all(path.stat().st_size > 10_000 for path in written)


def test_the_first_frame_guesses_the_scheme_from_the_palette(qapp: Any, themes: Any,
                                                             monkeypatch: Any) -> None:
    """`apply_first_theme` runs before the first frame: it reads the palette's window colour
    instead of ``QStyleHints.colorScheme()``, whose enum is the first of the Qt namespace that
    PySide builds, all of them at once (the startup benchmark shows the first frame pays
    about 17 ms for it). `ThemeManager` asks the real scheme right after."""
    from authing_desktop.ui.theme import apply_first_theme

    class NoHints:
        def colorScheme(self) -> None:  # noqa: N802 - Qt's name
            raise AssertionError("the first frame asked QStyleHints for the colour scheme")

    monkeypatch.setattr(QGuiApplication, "styleHints", staticmethod(lambda: NoHints()))
    dark = QPalette()
    dark.setColor(Role.Window, QColor("#101010"))
    qapp.setPalette(dark)
    assert apply_first_theme(qapp, "") == DARK
    assert apply_first_theme(qapp, LIGHT) == LIGHT
