"""What goes into a bundle beyond what PyInstaller's analysis finds, and what is taken out.

Used by ``authing_desktop.spec`` for both the app and the bare PySide6 comparison window, so the
bundle benchmark compares like with like. Plain functions over PyInstaller's TOC entries
(``(dest_name, src_name, typecode)`` tuples) so the rules can be read and tested without a build.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

log = logging.getLogger("packaging")

TocEntry = tuple[str, str, str]

# Python modules neither bundle uses. The Qt bindings are the ones PySide6's hooks would
# otherwise pull in as dependencies of QtGui/QtWidgets or through pyside's own imports; the Qt
# *libraries* some of them wrap (libQt6DBus) still come along where QtGui links them.
# (QtNetwork stays: the single-instance guard's local socket, services/single_instance.py.)
COMMON_EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "ensurepip", "venv", "test",
    # Only ever imported under `if __name__ == "__main__"` (phonenumbers' modules); they drag in
    # unittest, pdb and readline (+ libreadline, libtinfo).
    "doctest", "pdb",
    # The pure-Python decimal: `decimal` uses it only when the C `_decimal` is missing.
    "_pydecimal",
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPrintSupport",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickControls2", "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets", "PySide6.QtSql", "PySide6.QtSvg", "PySide6.QtSvgWidgets",
    "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtXml",
]

# Modules of the app's dependencies that the app never reaches:
# - phonenumbers' large geocoder/carrier/timezone databases; the app only parses,
#   validates and formats numbers, which needs ``phonenumbers.data``/``shortdata`` only;
# - dnspython, which email-validator imports only for deliverability checks (we pass
#   ``check_deliverability=False``);
# - uvicorn's optional fast paths and websocket protocols (the pool runs h11 on asyncio);
# - httpx's command-line client and what it renders with (rich, pygments);
#   httpx imports it in a try block and does without.
APP_EXCLUDES = [
    "phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata",
    "phonenumbers.geocoder", "phonenumbers.carrier", "phonenumbers.timezone",
    "phonenumbers.prefix",
    "dns", "email_validator.deliverability",
    "uvloop", "httptools", "websockets", "wsproto", "watchfiles",
    "httpx._main", "rich", "pygments", "markdown_it", "mdurl",
]

# Qt plugins that are kept (paths under PySide6/Qt/plugins); every other plugin is dropped.
# Notably dropped: the gtk3 platform theme (it links the build host's whole GTK stack),
# eglfs/linuxfb/vnc platforms, TLS and network-information backends (the app's HTTP is httpx), SQL
# drivers, print support, QML tooling and image formats nobody sends us.
KEPT_QT_PLUGINS = {
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "qwindows.dll",
                  "qcocoa.dylib", "libqcocoa.dylib", "qoffscreen.dll", "libqoffscreen.dylib"},
    "platformthemes": {"libqxdgdesktopportal.so"},
    "platforminputcontexts": {"libcomposeplatforminputcontextplugin.so",
                              "libibusplatforminputcontextplugin.so"},
    "imageformats": {"libqgif.so", "libqico.so", "libqjpeg.so", "libqsvg.so", "libqwebp.so",
                     "qgif.dll", "qico.dll", "qjpeg.dll", "qsvg.dll", "qwebp.dll",
                     "libqgif.dylib", "libqico.dylib", "libqjpeg.dylib", "libqsvg.dylib",
                     "libqwebp.dylib", "libqmacheif.dylib"},
    "iconengines": {"libqsvgicon.so", "qsvgicon.dll", "libqsvgicon.dylib"},
    "xcbglintegrations": {"libqxcb-egl-integration.so", "libqxcb-glx-integration.so"},
    "wayland-shell-integration": {"libxdg-shell.so"},
    "wayland-decoration-client": {"libbradient.so"},
    "styles": {"qmodernwindowsstyle.dll", "qwindowsvistastyle.dll", "libqmacstyle.dylib"},
}

# Qt's own translations: only the languages the app ships (resources/i18n).
SHIPPED_LANGUAGES = ("en", "zh_CN")
KEPT_QT_TRANSLATIONS = {f"qtbase_{lang}.qm" for lang in SHIPPED_LANGUAGES}

# Files under resources/ that are sources or installer material, not runtime data.
RESOURCE_SKIP_SUFFIXES = {".ts", ".ico", ".icns", ".pro", ".md"}
RESOURCE_SKIP_DIRS = {"linux"}

QT_PREFIX = PurePosixPath("PySide6", "Qt")


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def keep_qt_plugin(dest: str) -> bool:
    """True unless ``dest`` is a Qt plugin outside `KEPT_QT_PLUGINS`."""
    parts = _parts(dest)
    if parts[:3] != (*QT_PREFIX.parts, "plugins") or len(parts) < 5:
        return True
    kind, name = parts[3], parts[-1]
    return name in KEPT_QT_PLUGINS.get(kind, set())


def keep_qt_translation(dest: str) -> bool:
    """True unless ``dest`` is a Qt translation of a language (or tool) we do not ship."""
    parts = _parts(dest)
    if parts[:3] != (*QT_PREFIX.parts, "translations"):
        return True
    return parts[-1] in KEPT_QT_TRANSLATIONS


def filter_toc(toc: Iterable[TocEntry], keep: Callable[[str], bool],
               what: str) -> list[TocEntry]:
    """The entries whose destination passes ``keep``; logs how many were dropped."""
    kept: list[TocEntry] = []
    dropped: list[TocEntry] = []
    for entry in toc:
        (kept if keep(entry[0]) else dropped).append(entry)
    if dropped:
        log.info("bundle_options: dropped %d %s: %s", len(dropped), what,
                 _summary(_parts(entry[0])[-1] for entry in dropped))
    return kept


def _summary(names: Iterable[str], limit: int = 30) -> str:
    ordered = sorted(names)
    more = f" (+{len(ordered) - limit} more)" if len(ordered) > limit else ""
    return ", ".join(ordered[:limit]) + more


def _is_prunable_library(dest: str, typecode: str) -> bool:
    """A shared library that is only there because something links to it: one that binary
    analysis put at the bundle's top level (from the build host's /usr/lib, other than
    libpython, which the bootloader loads) or one of Qt's own libraries. Python extension
    modules and Qt plugins are loaded by name at run time, so they are never candidates."""
    if typecode not in {"BINARY", "SYMLINK"}:
        return False
    parts = _parts(dest)
    if parts[:3] == (*QT_PREFIX.parts, "lib"):
        return ".so" in parts[-1]
    name = parts[0]
    return (len(parts) == 1 and name.startswith("lib") and ".so" in name
            and not name.startswith("libpython"))


def prune_unreferenced_libraries(
    binaries: list[TocEntry],
    imports_of: Callable[[str], Iterable[str]] | None = None,
) -> list[TocEntry]:
    """Drop system and Qt libraries that no remaining binary links to (Linux only).

    After dropping plugins (gtk3 platform theme, eglfs, TLS, ...) the libraries PyInstaller
    collected for them (the GTK stack, libQt6Network, libQt6EglFSDeviceIntegration) stay
    behind. ``imports_of(path)`` lists the sonames a binary needs; the default is ``ldd``,
    which reports the transitive closure, so one pass suffices.
    """
    if not sys.platform.startswith("linux"):
        return binaries
    if imports_of is None:
        from PyInstaller.depend import bindepend

        def imports_of(path: str) -> Iterable[str]:
            return (Path(name).name for name, _full in bindepend.get_imports(path))

    needed: set[str] = set()
    for dest, src, typecode in binaries:
        if typecode in {"BINARY", "EXTENSION"} and not _is_prunable_library(dest, typecode):
            needed.update(imports_of(src))
    kept: list[TocEntry] = []
    dropped: list[TocEntry] = []
    for entry in binaries:
        dest, _src, typecode = entry
        if _is_prunable_library(dest, typecode) and _parts(dest)[-1] not in needed:
            dropped.append(entry)
        else:
            kept.append(entry)
    if dropped:
        log.info("bundle_options: pruned %d unreferenced libraries: %s", len(dropped),
                 _summary([entry[0] for entry in dropped], limit=60))
    return kept


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """``(source, dest_dir)`` pairs for everything under ``root/resources`` the app loads at
    run time (compiled translations, icons, style sheets); sources and installer files stay out."""
    resources = root / "resources"
    pairs = []
    for path in sorted(resources.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(root)
        if path.suffix in RESOURCE_SKIP_SUFFIXES or relative.parts[1] in RESOURCE_SKIP_DIRS:
            continue
        pairs.append((str(path), str(relative.parent)))
    return pairs


def strip_binaries() -> bool:
    """Strip symbols on Linux only (Windows: not recommended by PyInstaller; macOS: breaks
    code signatures)."""
    return sys.platform.startswith("linux")
