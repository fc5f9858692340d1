"""The local pool's own admin routes, for the app's Support page and the replay tool (httpx, no
Qt): every request carries the pool's admin token (``Authorization: Bearer``), on a short-lived
client of its own, so the token is in no call record, inspector or transcript.

- ``GET /_localpool/policy``: the user-pool settings (`fetch_policy`);
- ``POST /_localpool/scenario``: apply a scenario, the JSON body (`apply_scenario`,
  docs/scenarios.md); the pool checks it and applies it whole or not at all.

`read_scenario_document` reads a scenario file (TOML or JSON) into the JSON the route takes;
the pool does the checking, and its problems come back naming the entry (`ScenarioRefused`).
Answers are read within the same bounds as API calls (`authing_desktop.api.bounded`).

Nothing is imported at module level but the standard library: the Support page's modules load
with the window, the HTTP stack need not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

POLICY_PATH = "/_localpool/policy"
SCENARIO_PATH = "/_localpool/scenario"
TIMEOUT_S = 5.0
# Applying hashes every user's password: a scenario of many users takes a while.
SCENARIO_TIMEOUT_S = 60.0
MAX_SCENARIO_FILE_BYTES = 1_000_000


class LocalPoolRouteError(Exception):
    """The route did not answer as expected (the message is safe to show)."""


class LocalPoolAccessDenied(LocalPoolRouteError):  # noqa: N818 - reads as the event it reports
    """The pool refused the admin token (401): the app does not hold this pool's token."""


class ScenarioFileError(LocalPoolRouteError):
    """A scenario file that cannot be read or decoded; the message names the file."""


class ScenarioRefused(LocalPoolRouteError):  # noqa: N818 - reads as the event it reports
    """The pool refused the scenario; ``problems`` are its lines (entry and what to fix)."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class AppliedScenario:
    """What the pool made of a scenario: its ``name``, ``digest`` (`scenario_digest`), the ids
    of its users in file order, and how many of each thing it holds. ``document`` is what was
    sent (its secrets are test data; kept in memory only)."""

    name: str
    digest: str
    user_ids: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    document: dict[str, Any] = field(default_factory=dict, repr=False)


def read_scenario_document(path: Path) -> dict[str, Any]:
    """The scenario in ``path`` as the JSON object the pool takes: TOML when the name ends in
    ``.toml``, else JSON; TOML dates and times become ISO text. The pool checks the rest."""
    import tomllib

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SCENARIO_FILE_BYTES + 1)
    except OSError as error:
        raise ScenarioFileError(f"{path.name} cannot be read ({error.strerror or error})") \
            from error
    if len(raw) > MAX_SCENARIO_FILE_BYTES:
        raise ScenarioFileError(f"{path.name} is larger than "
                                f"{MAX_SCENARIO_FILE_BYTES // 1000} kB")
    try:
        text = raw.decode("utf-8")
        document = tomllib.loads(text) if path.suffix.lower() == ".toml" else json.loads(text)
    except UnicodeDecodeError as error:
        raise ScenarioFileError(f"{path.name} is not UTF-8 text") from error
    except tomllib.TOMLDecodeError as error:
        raise ScenarioFileError(f"{path.name} is not valid TOML: {error}") from error
    except json.JSONDecodeError as error:
        raise ScenarioFileError(f"{path.name} is not valid JSON: {error.msg} (line "
                                f"{error.lineno}, column {error.colno})") from error
    if not isinstance(document, dict):
        raise ScenarioFileError(f"{path.name} must hold a table of keys (an object) at the "
                                "top")
    plain: dict[str, Any] = _plain(document)
    if not plain.get("name"):
        plain["name"] = path.stem  # as the pool's own reader names it
    return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def scenario_digest(document: Any) -> str:
    """The SHA-256 of a scenario's JSON with sorted keys: the same scenario, the same digest."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


async def fetch_policy(base_url: str, *, admin_token: str,
                       http: httpx.AsyncBaseTransport | None = None) -> dict[str, Any]:
    """The pool's user-pool settings (``UpdateUserpoolInput`` keys and their values)."""
    data = await local_request(base_url, "GET", POLICY_PATH, admin_token=admin_token,
                               http=http)
    if not isinstance(data, dict):
        raise LocalPoolRouteError("the settings answer is not an object")
    return dict(data)


async def apply_scenario(base_url: str, document: dict[str, Any], *, admin_token: str,
                         http: httpx.AsyncBaseTransport | None = None) -> AppliedScenario:
    """Apply ``document`` to the pool; `ScenarioRefused` with the pool's problems when it
    does not fit (then nothing changed)."""
    data = await local_request(base_url, "POST", SCENARIO_PATH, admin_token=admin_token,
                               json_body=document, http=http, timeout=SCENARIO_TIMEOUT_S)
    if not isinstance(data, dict):
        raise LocalPoolRouteError("the scenario answer is not an object")
    users = data.get("users")
    counts = data.get("counts")
    return AppliedScenario(
        name=str(data.get("name", "")), digest=scenario_digest(document),
        user_ids=tuple(str(u.get("id", "")) for u in users if isinstance(u, dict))
        if isinstance(users, list) else (),
        counts={str(k): v for k, v in counts.items() if isinstance(v, int)}
        if isinstance(counts, dict) else {},
        document=document)


async def local_request(base_url: str, method: str, path: str, *, admin_token: str = "",
                        json_body: Any = None, http: httpx.AsyncBaseTransport | None = None,
                        timeout: float = TIMEOUT_S) -> Any:
    """One request to a ``/_localpool`` route; its ``data``. `LocalPoolAccessDenied` on 401,
    `ScenarioRefused` for a refused scenario, `LocalPoolRouteError` for anything else."""
    import httpx

    from authing_desktop.api.bounded import exchange, loads_json
    from authing_desktop.api.errors import ApiError
    from authing_desktop.api.profile import DEFAULT_MAX_RESPONSE_BYTES

    headers = {"authorization": f"Bearer {admin_token}"} if admin_token else {}
    content = None
    if json_body is not None:
        content = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        headers["content-type"] = "application/json"
    try:
        async with httpx.AsyncClient(transport=http, trust_env=False,
                                     timeout=timeout) as client:
            answer = await exchange(client, method, base_url.rstrip("/") + path,
                                    headers=headers, content=content,
                                    max_bytes=DEFAULT_MAX_RESPONSE_BYTES, deadline=timeout)
    except ApiError as error:
        raise LocalPoolRouteError(f"the local pool did not answer ({type(error).__name__})") \
            from error
    if answer.status_code == 401:
        raise LocalPoolAccessDenied("the local pool did not accept this app's admin token")
    try:
        body = loads_json(answer.content)
    except ValueError as error:
        raise LocalPoolRouteError("the local pool's answer is not JSON") from error
    if not isinstance(body, dict) or body.get("code") != 200:
        message = body.get("message") if isinstance(body, dict) else None
        data = body.get("data") if isinstance(body, dict) else None
        if path == SCENARIO_PATH and isinstance(message, str) and message:
            problems = data.get("problems") if isinstance(data, dict) else None
            raise ScenarioRefused(message, [str(p) for p in problems]
                                  if isinstance(problems, list) else [message])
        raise LocalPoolRouteError("the local pool refused the request")
    return body.get("data")
