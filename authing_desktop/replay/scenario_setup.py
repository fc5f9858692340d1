"""The scenario a transcript names, for its replay (docs/scenarios.md, "Transcripts that name a
scenario"): found (``--scenario FILE``, else ``<name>.toml`` / ``<name>.json`` next to the
transcript or in a ``scenarios`` folder beside it), applied to the replay pool through its admin
route, and its users put in place of the markers the transcript's header maps to them: their
identities, their passwords, and their TOTP secrets for a second step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from authing_desktop.api.local_pool_admin import (
    LocalPoolRouteError,
    ScenarioRefused,
    apply_scenario,
    read_scenario_document,
    scenario_digest,
)
from authing_desktop.replay.transcript_file import Transcript

if TYPE_CHECKING:
    import httpx

    from authing_desktop.replay.engine import ReplayTarget

SEARCHED = ("{name}.toml", "{name}.json", "scenarios/{name}.toml", "scenarios/{name}.json")


class ScenarioMissing(LookupError):  # noqa: N818 - reads as the event it reports
    """The transcript names a scenario no file was found for; the message says where it was
    looked for."""


@dataclass(frozen=True)
class ReplayScenario:
    """A transcript's scenario, read: ``values`` replace identity markers (and keep usernames
    as they are), ``passwords`` replace password markers, ``totp`` holds the TOTP secret of each
    user by identity (lower case). ``digest_matches``: the file is the one recorded."""

    name: str
    path: Path
    document: dict[str, Any] = field(repr=False)
    digest_matches: bool = True
    values: dict[str, str] = field(default_factory=dict, repr=False)
    passwords: dict[str, str] = field(default_factory=dict, repr=False)
    totp: dict[str, str] = field(default_factory=dict, repr=False)


def scenario_for(transcript: Transcript, transcript_path: Path,
                 given: Path | None = None) -> ReplayScenario | None:
    """The scenario to apply before replaying: ``given``, else the one the transcript names
    (None when it names none). `ScenarioMissing` when it names one that is not found;
    `LocalPoolRouteError` (`ScenarioFileError`) when the file cannot be read."""
    header = transcript.scenario or {}
    name = str(header.get("name") or "")
    if given is None:
        if not name:
            return None
        candidates = [transcript_path.parent / pattern.format(name=name)
                      for pattern in SEARCHED]
        given = next((path for path in candidates if path.is_file()), None)
        if given is None:
            raise ScenarioMissing(
                f"the transcript needs the scenario {name!r}: give its file (--scenario FILE), "
                f"or put it at one of: {', '.join(str(p) for p in candidates)}")
    document = read_scenario_document(given)
    users = document.get("users")
    scenario = ReplayScenario(
        name=str(document.get("name") or given.stem), path=given, document=document,
        digest_matches=not header or header.get("sha256") == scenario_digest(document))
    _map_users(scenario, header.get("users"), users if isinstance(users, list) else [])
    return scenario


def _map_users(scenario: ReplayScenario, recorded: Any, users: list[Any]) -> None:
    entries = {entry.get("entry"): entry for entry in recorded or []
               if isinstance(entry, Mapping)}
    for index, user in enumerate(users):
        if not isinstance(user, Mapping):
            continue
        entry = entries.get(index, {})
        for key in ("email", "phone", "username"):
            value = user.get(key)
            if not isinstance(value, str) or not value:
                continue
            marker = entry.get(key)
            scenario.values[marker if isinstance(marker, str) else value] = value
            scenario.values.setdefault(value, value)  # a plain one stays itself
            secret = user.get("totpSecret")
            if isinstance(secret, str) and secret:
                scenario.totp[value.lower()] = secret
        marker, password = entry.get("password"), user.get("password")
        if isinstance(marker, str) and isinstance(password, str):
            scenario.passwords[marker] = password


async def apply_to(target: ReplayTarget, scenario: ReplayScenario,
                   http: httpx.AsyncBaseTransport | None = None) -> None:
    """Apply ``scenario`` to the replay pool (its admin token: a fresh pool's ready line)."""
    from authing_desktop.replay.engine import ReplayError

    try:
        await apply_scenario(target.url, scenario.document, admin_token=target.admin_token,
                             http=http)
    except ScenarioRefused as error:
        raise ReplayError(f"the scenario {scenario.name!r} could not be applied: "
                          + "; ".join(error.problems)) from error
    except LocalPoolRouteError as error:
        raise ReplayError(f"the scenario {scenario.name!r} could not be applied ({error})") \
            from error
