"""The PyInstaller bundle.

- ``test_frozen_bundle_passes_the_smoke_test`` (marker ``frozen``): builds the bundle when it is
  missing or older than its sources, then runs ``packaging/smoke_test.py`` against it (frozen
  ``pool serve`` round trip, frozen ``--smoke-test`` in English and Chinese, keyring backend,
  stderr whitelist). Building is slow, so it runs only on request::

      AUTHING_DESKTOP_FROZEN=1 scripts/run-tests tests/test_frozen.py

- The other tests check the spec's filtering rules (``packaging/bundle_options.py``) without a
  build and run in the default suite.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINARY = ROOT / "dist" / "authing-desktop" / "authing-desktop"
# What the bundle is made from; a newer file means the bundle is stale.
SOURCES = [("authing_desktop", "**/*.py"), ("authing_desktop", "**/*.graphql"),
           ("resources", "**/*"), ("packaging", "*.py"), ("packaging", "*.spec"),
           ("packaging", "hooks/*.py"), (".", "pyproject.toml")]


def _bundle_options() -> ModuleType:
    # packaging/ is a folder of build scripts, not a package (and "packaging" is taken on PyPI).
    spec = importlib.util.spec_from_file_location(
        "bundle_options", ROOT / "packaging" / "bundle_options.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bundle_is_stale() -> bool:
    if not BINARY.is_file():
        return True
    built = BINARY.stat().st_mtime
    return any(path.is_file() and path.stat().st_mtime > built
               for folder, pattern in SOURCES for path in (ROOT / folder).glob(pattern))


@pytest.mark.frozen
@pytest.mark.skipif(os.environ.get("AUTHING_DESKTOP_FROZEN") != "1",
                    reason="builds the PyInstaller bundle: set AUTHING_DESKTOP_FROZEN=1")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux bundle only")
@pytest.mark.timeout(1200)
def test_frozen_bundle_passes_the_smoke_test() -> None:
    if _bundle_is_stale():
        build = subprocess.run([str(ROOT / "packaging" / "build")], capture_output=True,
                               text=True, timeout=1100, check=False, cwd=ROOT)
        assert build.returncode == 0, f"packaging/build failed:\n{build.stdout}\n{build.stderr}"
    assert not _bundle_is_stale(), "the build did not refresh dist/authing-desktop"
    smoke = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py"),
                            "--binary", str(BINARY)], capture_output=True, text=True,
                           timeout=300, check=False, cwd=ROOT)
    output = f"{smoke.stdout}\n{smoke.stderr}"
    assert smoke.returncode == 0, f"frozen smoke test failed:\n{output}"
    assert "[smoke] passed" in smoke.stdout, output


def test_qt_plugins_and_translations_are_filtered_to_what_we_ship() -> None:
    rules = _bundle_options()
    plugins = "PySide6/Qt/plugins"
    assert rules.keep_qt_plugin(f"{plugins}/platforms/libqxcb.so")
    assert rules.keep_qt_plugin(f"{plugins}/platforms/libqoffscreen.so")
    assert rules.keep_qt_plugin(f"{plugins}/platforminputcontexts/"
                                "libibusplatforminputcontextplugin.so")  # CJK input
    assert not rules.keep_qt_plugin(f"{plugins}/platformthemes/libqgtk3.so")
    assert not rules.keep_qt_plugin(f"{plugins}/tls/libqopensslbackend.so")
    assert not rules.keep_qt_plugin(f"{plugins}/sqldrivers/libqsqlite.so")
    assert rules.keep_qt_plugin("PySide6/Qt/lib/libQt6Core.so.6")  # not a plugin
    translations = "PySide6/Qt/translations"
    assert rules.keep_qt_translation(f"{translations}/qtbase_zh_CN.qm")
    assert rules.keep_qt_translation(f"{translations}/qtbase_en.qm")
    assert not rules.keep_qt_translation(f"{translations}/qtbase_de.qm")
    assert not rules.keep_qt_translation(f"{translations}/qt_help_zh_CN.qm")
    assert rules.keep_qt_translation("resources/i18n/authing_desktop_zh_CN.qm")


def test_unreferenced_libraries_are_pruned_transitively_but_nothing_else() -> None:
    rules = _bundle_options()
    if not sys.platform.startswith("linux"):
        pytest.skip("pruning runs on Linux only")
    binaries = [
        ("PySide6/QtGui.abi3.so", "/v/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/v/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/v/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/v/libQt6Network.so.6", "BINARY"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libxcb-icccm.so.4", "/usr/lib/libxcb-icccm.so.4", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libgdk-3.so.0", "/usr/lib/libgdk-3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/p/libpython3.11.so.1.0", "BINARY"),
        ("_cffi_backend.cpython-311-x86_64-linux-gnu.so", "/v/_cffi.so", "EXTENSION"),
    ]
    # ldd-style (transitive) answers; the gtk3 theme plugin that needed libgtk/libgdk is gone.
    imports = {
        "/v/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/v/libqxcb.so": ["libQt6Gui.so.6", "libxcb-icccm.so.4"],
        "/v/libQt6Gui.so.6": [],
        "/v/libQt6Network.so.6": ["libgdk-3.so.0"],
        "/v/_cffi.so": [],
        "/p/libpython3.11.so.1.0": [],
    }
    kept = rules.prune_unreferenced_libraries(binaries, lambda path: imports[path])
    assert sorted(entry[0] for entry in kept) == sorted([
        "PySide6/QtGui.abi3.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6", "libxcb-icccm.so.4", "libpython3.11.so.1.0",
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so"])


def test_resources_ship_compiled_translations_and_icons_but_no_sources() -> None:
    rules = _bundle_options()
    pairs = rules.resource_datas(ROOT)
    shipped = {Path(source).relative_to(ROOT).as_posix() for source, _dest in pairs}
    assert "resources/i18n/authing_desktop_zh_CN.qm" in shipped
    assert "resources/i18n/authing_desktop_en.qm" in shipped
    assert "resources/icons/authing-desktop-256.png" in shipped
    assert not any(name.endswith((".ts", ".ico", ".icns")) for name in shipped)
    assert not any(name.startswith("resources/linux/") for name in shipped)
    assert all(dest == str(Path(source).relative_to(ROOT).parent) for source, dest in pairs)
