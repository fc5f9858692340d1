"""Export my data (GDPR access / portability): every section the account center shows, read
through the api, written as one JSON document plus a CSV file per table, in a new folder.

Secrets never reach the files: keys that hold tokens, passwords, secrets or recovery codes are
dropped wherever they appear, JWT-looking values are dropped too, and so is any value that
contains the session's own token. Files are written in a worker thread (never on the UI thread)
and readable by the user alone.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from authing_desktop.services.private_files import write_private

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient

FORMAT = "authing-desktop-export"
FORMAT_VERSION = 1
SECTIONS = ("profile", "customData", "roles", "orgs", "departments", "resources",
            "applications", "devices", "loginHistory")
# Sections that are lists of flat records: each also becomes ``<section>.csv``.
TABLE_SECTIONS = ("customData", "roles", "departments", "resources", "applications",
                  "devices", "loginHistory")
DEFAULT_NAMESPACE = "default"
HISTORY_PAGE = 50
APPS_PAGE = 50
MAX_PAGES = 200  # 10 000 records per paged section: a bound, not a real-life limit

# Normalised keys (lower case, no "_", "-", ".") never exported, and suffixes that mark one.
SECRET_KEYS = frozenset({
    "token", "password", "secret", "salt", "recoverycode", "mfatoken", "accesstoken",
    "idtoken", "refreshtoken", "deleteaccounttoken", "passcode", "totp", "otpsecret",
    "enrollmenttoken", "firstlogintoken", "forceresettoken", "sessionid", "cookie",
    "authorization", "clientsecret", "appsecret", "privatekey", "qrcodeuri", "qrcodedataurl",
})
SECRET_SUFFIXES = ("token", "password", "secret", "recoverycode", "passwd")
_KEY_CHARS = re.compile(r"[\s_.\-]")
_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.")

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportResult:
    """Where the export went: the folder, the JSON file and the CSV files."""

    folder: Path
    json_file: Path
    csv_files: tuple[Path, ...]
    counts: Mapping[str, int]


def is_secret_key(key: str) -> bool:
    normalised = _KEY_CHARS.sub("", key).lower()
    return normalised in SECRET_KEYS or normalised.endswith(SECRET_SUFFIXES)


def strip_secrets(value: Any, forbidden: tuple[str, ...] = ()) -> Any:
    """``value`` without secret keys, JWT-looking strings or strings containing one of
    ``forbidden`` (e.g. the session token), at any depth."""
    if isinstance(value, Mapping):
        cleaned: dict[str, Any] = {}
        for key, item in value.items():
            if is_secret_key(str(key)) or _is_secret_value(item, forbidden):
                continue
            cleaned[str(key)] = strip_secrets(item, forbidden)
        return cleaned
    if isinstance(value, list | tuple):
        return [strip_secrets(item, forbidden) for item in value
                if not _is_secret_value(item, forbidden)]
    return value


def _is_secret_value(value: Any, forbidden: tuple[str, ...]) -> bool:
    if not isinstance(value, str):
        return False
    return bool(_JWT.search(value)) or any(secret and secret in value for secret in forbidden)


def _raw(model: Any) -> Any:
    raw = getattr(model, "raw", None)
    return dict(raw) if isinstance(raw, Mapping) else raw


async def _paged(fetch: Callable[[int], Awaitable[Any]]) -> list[Any]:
    items: list[Any] = []
    for page in range(1, MAX_PAGES + 1):
        result = await fetch(page)
        items += [_raw(item) for item in result.items]
        if not result.items or len(items) >= result.total_count:
            break
    return items


class DataExporter:
    """Collects every section of the signed-in account and writes the files."""

    def __init__(self, client: AuthenticationClient, *,
                 clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        self._client = client
        self._clock = clock

    async def collect(self, progress: Progress | None = None) -> dict[str, Any]:
        """Every section, as the server sent it, secrets stripped. ``progress(done, total,
        section)`` is called before each section and once at the end."""
        client = self._client
        roles: list[Any] = []

        async def profile() -> Any:
            return _raw(await client.get_current_user())

        async def custom_data() -> Any:
            return [_raw(item) for item in await client.list_udv()]

        async def role_list() -> Any:
            roles[:] = (await client.list_roles()).items
            return [_raw(role) for role in roles]

        async def orgs() -> Any:
            return [[_raw(node) for node in path] for path in await client.list_orgs()]

        async def departments() -> Any:
            return [_raw(item) for item in (await client.list_departments()).items]

        async def resources() -> Any:
            namespaces = dict.fromkeys(
                [DEFAULT_NAMESPACE] + [r.namespace for r in roles if getattr(r, "namespace", None)])
            found: list[Any] = []
            for namespace in namespaces:
                for resource in (await client.list_authorized_resources(str(namespace))).items:
                    found.append({"namespace": namespace, **(_raw(resource) or {})})
            return found

        async def applications() -> Any:
            return await _paged(lambda page: client.list_applications(page, APPS_PAGE))

        async def devices() -> Any:
            return [_raw(item) for item in await client.list_all_my_devices()]

        async def login_history() -> Any:
            return await _paged(lambda page: client.get_login_history(page, HISTORY_PAGE))

        steps: list[tuple[str, Callable[[], Awaitable[Any]]]] = [
            ("profile", profile), ("customData", custom_data), ("roles", role_list),
            ("orgs", orgs), ("departments", departments), ("resources", resources),
            ("applications", applications), ("devices", devices),
            ("loginHistory", login_history)]
        forbidden = tuple(t for t in (client.token,) if t)
        document: dict[str, Any] = {
            "format": FORMAT, "version": FORMAT_VERSION,
            "exportedAt": self._clock().isoformat(timespec="seconds"),
            "host": client.profile.host}
        sections: dict[str, Any] = {}
        for index, (name, step) in enumerate(steps):
            if progress is not None:
                progress(index, len(steps), name)
            sections[name] = strip_secrets(await step(), forbidden)
        if progress is not None:
            progress(len(steps), len(steps), "")
        document["sections"] = sections
        return document

    async def export(self, directory: Path, progress: Progress | None = None) -> ExportResult:
        """Collect, then write ``<directory>/authing-data-<time>/`` in a worker thread."""
        document = await self.collect(progress)
        stamp = self._clock().astimezone().strftime("%Y%m%d-%H%M%S")
        folder = Path(directory) / f"authing-data-{stamp}"
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, write_export, document, folder)


def write_export(document: Mapping[str, Any], folder: Path) -> ExportResult:
    """Write ``data.json`` and one CSV per table section into ``folder`` (created, 0700)."""
    folder.mkdir(parents=True, exist_ok=False, mode=0o700)
    sections: Mapping[str, Any] = document.get("sections", {})
    json_file = folder / "data.json"
    write_private(json_file, (json.dumps(document, ensure_ascii=False, indent=2)
                               + "\n").encode("utf-8"), new=True)
    csv_files = []
    for name in TABLE_SECTIONS:
        rows = sections.get(name)
        if isinstance(rows, list):
            path = folder / f"{name}.csv"
            write_private(path, _csv_text(rows).encode("utf-8"), new=True)
            csv_files.append(path)
    counts = {name: (len(value) if isinstance(value, list) else 1)
              for name, value in sections.items()}
    return ExportResult(folder, json_file, tuple(csv_files), counts)


def _csv_text(rows: list[Any]) -> str:
    records = [row if isinstance(row, Mapping) else {"value": row} for row in rows]
    columns: list[str] = []
    for record in records:
        for key in record:
            if key not in columns:
                columns.append(str(key))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)
