"""The flow transcript file: a versioned JSON document of redacted API calls.

```
{"format": "authing-desktop-transcript", "schema_version": 1,
 "app_version": "...", "pool_version": "..." | "unknown", "language": "en-US",
 "ui_language": "en", "profile": {"kind": "local", "app_id": ..., "user_pool_id": ...},
 "duration": 12.3, "calls": [ENTRY, ...]}
ENTRY = {"t": seconds since start, "kind": "graphql" | "rest", "operation": name or REST path,
         "method", "path", "duration", "code": int | null, "message", "status",
         "authorization": "[token-N]" | null, "variables": {...}, "response": ...}
```

Entries are redacted when they are made (`transcript_entry`, with the recording's
`Pseudonyms`): secrets are numbered markers, emails ``[email-N]@domain``, phones
``[phone-N]1234``. A recording in progress is also journaled line by line (`JOURNAL_SUFFIX`) so
a crash leaves a redacted partial transcript, never a secret.

A recording made after a scenario was applied to the local pool names it in its header
(`scenario_header`, docs/scenarios.md): ``"scenario": {"name", "sha256", "users": [{"entry": i,
"email": "[email-1]@domain", "phone": "[phone-2]1234", "username": ..., "password":
"[password-1]"}]}``, the markers its users' identities and passwords got in this transcript
(never the values), so that a replay applies the scenario and signs in as those users.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from authing_desktop.redaction import PROTOCOL_SAFE_KEYS, Pseudonyms, redact

if TYPE_CHECKING:
    from authing_desktop.api.transport import CallRecord

FORMAT = "authing-desktop-transcript"
SCHEMA_VERSION = 1
UNKNOWN_POOL_VERSION = "unknown"
JOURNAL_SUFFIX = ".recording.jsonl"
MAX_FILE_BYTES = 50_000_000
MAX_CALLS = 10_000

_ENTRY_FIELDS: dict[str, tuple[type, ...]] = {
    "t": (int, float), "kind": (str,), "operation": (str,), "method": (str,), "path": (str,),
    "duration": (int, float), "code": (int, type(None)), "message": (str,),
    "status": (int, type(None)), "authorization": (str, type(None)),
    "variables": (dict,),
}


class TranscriptError(ValueError):
    """The file is not a transcript this version can read; the message says why."""


@dataclass(frozen=True)
class Transcript:
    """A loaded, validated transcript."""

    document: Mapping[str, Any]

    @property
    def calls(self) -> list[dict[str, Any]]:
        return list(self.document["calls"])

    def calls_in_start_order(self) -> list[tuple[int, dict[str, Any]]]:
        """The calls numbered as recorded (in the order they ended), in the order they started:
        a request sent before a sign-out but answered after it was answered as signed in, and
        is replayed before the sign-out too."""
        def started(numbered: tuple[int, dict[str, Any]]) -> float:
            call = numbered[1]
            try:
                return float(call.get("t", 0.0)) - float(call.get("duration", 0.0))
            except (TypeError, ValueError):
                return 0.0

        return sorted(enumerate(self.calls, start=1), key=started)

    @property
    def profile(self) -> Mapping[str, Any]:
        profile = self.document.get("profile")
        return profile if isinstance(profile, Mapping) else {}

    @property
    def language(self) -> str:
        return str(self.document.get("language") or "en-US")

    @property
    def scenario(self) -> Mapping[str, Any] | None:
        """The scenario the recording needs (`scenario_header`), or None."""
        scenario = self.document.get("scenario")
        return scenario if isinstance(scenario, Mapping) else None


def path_of(url: str, host: str) -> str:
    """``url`` relative to ``host`` (the whole URL when it is elsewhere)."""
    if host and url.startswith(host):
        return url[len(host):] or "/"
    return url


def transcript_entry(record: CallRecord, *, t: float, host: str,
                     pseudonyms: Pseudonyms) -> dict[str, Any]:
    """The redacted transcript entry of one call, ``t`` seconds after the recording began."""
    return {
        "t": round(t, 3),
        "kind": record.kind,
        "operation": record.name,
        "method": record.method,
        "path": path_of(record.url, host),
        "duration": round(record.duration, 4),
        "code": record.code,
        "message": redact(record.message, pseudonyms=pseudonyms),
        "status": record.status_code,
        "authorization": pseudonyms.secret("token", record.bearer) if record.bearer else None,
        "variables": redact(dict(record.variables or {}), extra_safe_keys=PROTOCOL_SAFE_KEYS,
                            pseudonyms=pseudonyms),
        "response": redact(record.response, extra_safe_keys=PROTOCOL_SAFE_KEYS,
                           pseudonyms=pseudonyms),
    }


def transcript_header(*, app_version: str, pool_version: str, language: str,
                      ui_language: str, profile: Mapping[str, str]) -> dict[str, Any]:
    """Everything but the calls (ids only in ``profile``: kind, app_id, user_pool_id)."""
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": app_version,
        "pool_version": pool_version or UNKNOWN_POOL_VERSION,
        "language": language,
        "ui_language": ui_language,
        "profile": {key: str(profile.get(key, "")) for key in ("kind", "app_id",
                                                               "user_pool_id")},
    }


def scenario_header(name: str, digest: str, users: Iterable[Mapping[str, Any]],
                    pseudonyms: Pseudonyms) -> dict[str, Any]:
    """The header's ``scenario``: its ``name``, ``sha256`` and, for each of its ``users`` (the
    scenario file's entries), the markers ``pseudonyms`` give their email, phone and password,
    so the calls that use them carry the same ones (usernames are not redacted)."""
    entries: list[dict[str, Any]] = []
    for index, user in enumerate(users):
        entry: dict[str, Any] = {"entry": index}
        for key in ("email", "phone", "username"):
            value = user.get(key)
            if isinstance(value, str) and value:
                entry[key] = redact({key: value}, pseudonyms=pseudonyms)[key]
        password = user.get("password")
        if isinstance(password, str) and password:
            entry["password"] = pseudonyms.secret("password", password)
        entries.append(entry)
    return {"name": name, "sha256": digest, "users": entries}


def transcript_document(header: Mapping[str, Any], calls: Iterable[Mapping[str, Any]],
                        duration: float) -> dict[str, Any]:
    return {**header, "duration": round(duration, 3), "calls": list(calls)}


def write_transcript(path: Path, document: Mapping[str, Any]) -> None:
    """Write atomically (a temp file renamed over ``path``), readable by the user only."""
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(prefix=".transcript-", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def load_transcript(path: Path) -> Transcript:
    """Read and validate a transcript (or a crash-left journal); `TranscriptError` if bad."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise TranscriptError(f"cannot read {path.name}: {error.strerror or error}") from error
    if len(raw) > MAX_FILE_BYTES:
        raise TranscriptError(f"{path.name} is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TranscriptError(f"{path.name} is not UTF-8 text") from error
    if path.name.endswith(JOURNAL_SUFFIX):
        return Transcript(validate_document(journal_document(text)))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise TranscriptError(f"{path.name} is not JSON (line {error.lineno})") from error
    return Transcript(validate_document(document))


def journal_document(text: str) -> dict[str, Any]:
    """The transcript a journal holds: its header line, then one call per line. A torn last
    line (the crash happened while writing it) is dropped."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise TranscriptError("the recording journal is empty")
    try:
        header = json.loads(lines[0])
    except json.JSONDecodeError as error:
        raise TranscriptError("the recording journal has no header") from error
    calls = []
    for number, line in enumerate(lines[1:], start=2):
        try:
            calls.append(json.loads(line))
        except json.JSONDecodeError as error:
            if number == len(lines):
                break
            raise TranscriptError(f"journal line {number} is not JSON") from error
    duration = max((float(c.get("t", 0)) for c in calls if isinstance(c, dict)), default=0.0)
    if not isinstance(header, dict):
        raise TranscriptError("the recording journal has no header")
    return transcript_document(header, calls, duration)


def validate_document(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TranscriptError("not an authing-desktop transcript")
    version = document.get("schema_version")
    if version != SCHEMA_VERSION:
        raise TranscriptError(
            f"unsupported transcript schema version {version!r} (this app reads "
            f"{SCHEMA_VERSION})")
    for key in ("app_version", "pool_version", "language"):
        if not isinstance(document.get(key), str):
            raise TranscriptError(f"'{key}' must be a string")
    scenario = document.get("scenario")
    if scenario is not None and not (
            isinstance(scenario, dict) and isinstance(scenario.get("name"), str)
            and isinstance(scenario.get("sha256"), str)
            and isinstance(scenario.get("users"), list)
            and all(isinstance(u, dict) for u in scenario["users"])):
        raise TranscriptError("'scenario' must name a scenario (name, sha256, users)")
    calls = document.get("calls")
    if not isinstance(calls, list):
        raise TranscriptError("'calls' must be a list")
    if len(calls) > MAX_CALLS:
        raise TranscriptError(f"more than {MAX_CALLS} calls")
    for index, call in enumerate(calls, start=1):
        if not isinstance(call, dict):
            raise TranscriptError(f"call {index} is not an object")
        for key, types in _ENTRY_FIELDS.items():
            if not isinstance(call.get(key), types) or isinstance(call.get(key), bool):
                raise TranscriptError(f"call {index}: '{key}' is missing or has a wrong type")
        if call["kind"] not in ("graphql", "rest"):
            raise TranscriptError(f"call {index}: kind must be 'graphql' or 'rest'")
    return document
