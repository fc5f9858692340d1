"""UI language: the choice rule, loading the translator, and complete zh_CN translations."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from authing_desktop.services.language import LanguageInstaller, choose_language
from authing_desktop.services.resource_files import resource_path

I18N = resource_path("i18n")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("zh_CN", "en_US", "zh_CN"),
        ("en", "zh_CN", "en"),
        ("", "zh_TW", "zh_CN"),
        ("", "de_DE", "en"),
        ("klingon", "en_GB", "en"),
    ],
)
def test_choose_language(setting: str, system: str, expected: str) -> None:
    assert choose_language(setting, QLocale(system)) == expected


def test_installing_zh_cn_translates_and_en_restores(qapp: Any) -> None:
    installer = LanguageInstaller(qapp)
    try:
        installer.install("zh_CN")
        assert QCoreApplication.translate("Workspace", "Account") == "账号"
        assert QCoreApplication.translate("AuthingError", "Wrong account or password.") == \
            "账号或密码错误。"
        installer.install("en")
        assert QCoreApplication.translate("Workspace", "Account") == "Account"
    finally:
        installer.install("en")
        QLocale.setDefault(QLocale(QLocale.Language.English))


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_string_has_a_chinese_translation() -> None:
    unfinished = [key for key, message in _messages(I18N / "authing_desktop_zh_CN.ts").items()
                  if message.find("translation").get("type") == "unfinished"]  # type: ignore[union-attr]
    assert unfinished == [], "translate these in resources/i18n/authing_desktop_zh_CN.ts " \
        "and run scripts/update-translations"


def test_the_translation_sources_match_the_code(tmp_path: Path) -> None:
    """A string added to the code but not to the .ts would silently stay English."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "authing_desktop").rglob("*.py")
                     if "localpool" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=60)
    missing = set(_messages(fresh)) - set(_messages(I18N / "authing_desktop_zh_CN.ts"))
    assert missing == set(), "run scripts/update-translations and translate the new strings"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_compiled_translations_are_up_to_date(tmp_path: Path, language: str) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(I18N / f"authing_desktop_{language}.ts"),
                    "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
    assert fresh.read_bytes() == (I18N / f"authing_desktop_{language}.qm").read_bytes(), \
        "run scripts/update-translations"


def test_no_text_to_translate_hides_in_a_formatted_string() -> None:
    """Qt's extractor does not look inside f-strings: ``f"({self.tr('you')})"`` stays English
    in Chinese, and the check above cannot see it either."""
    hidden = re.compile(r"""\{[^{}]*\b(tr|translate)\(""")
    found = []
    for path in sorted((ROOT / "authing_desktop").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if ('f"' in line or "f'" in line) and hidden.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []
