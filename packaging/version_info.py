"""The Windows version resource of the executable, filled from the package version.

PyInstaller reads a version file (a ``VSVersionInfo(...)`` expression) on Windows only and
ignores it elsewhere; the spec writes one into its work dir on every build, so the resource can
never disagree with ``authing_desktop.__version__``.
"""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "authing-desktop"
COPYRIGHT = "Copyright (c) the authing-desktop authors. MIT licence."


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` / ``"1.2.3rc1"`` / ``"1.2"`` -> ``(1, 2, 3, 0)`` style 4-part numbers."""
    match = re.match(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if not match:
        raise ValueError(f"not a version number: {version!r}")
    parts = [int(part) if part else 0 for part in match.groups()]
    if any(part > 0xFFFF for part in parts):
        raise ValueError(f"a Windows version part must be below 65536: {version!r}")
    return parts[0], parts[1], parts[2], parts[3]


def render(version: str, *, name: str, description: str, exe_name: str) -> str:
    """The version file text for ``version``."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": exe_name,
        "ProductName": description,
        "ProductVersion": version,
    }
    string_structs = ",\n          ".join(
        f"StringStruct({key!r}, {value!r})" for key, value in strings.items())
    # 0x0409 = US English, 0x04B0 = 1200 = Unicode (UTF-16) code page.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{string_structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def write(path: Path, version: str, *, name: str, description: str, exe_name: str) -> Path:
    """Write the version file to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(version, name=name, description=description, exe_name=exe_name),
                    encoding="utf-8")
    return path
