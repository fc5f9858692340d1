"""Replays a transcript's calls on a local pool and compares the outcome codes.

What a transcript lost to redaction is made up consistently:

- ``[password-N]``: one generated password per N (encrypted with the replay pool's key when
  the original was, ``+rsa``);
- ``[code-N]``: the code the replay pool sent to the same (replayed) phone/email, read from
  its outbox; ``[captcha-N]``: the answer of the captcha last fetched (a fresh one when none
  is), from the same outbox, where the pool puts every captcha's answer. A code or captcha that was
  wrong in the original (every use answered 2001) is answered wrongly again;
- ``[email-N]@domain`` / ``[phone-N]1234``: one fresh address / number per N;
- ``[token-N]``: the token the replay received where the original received ``[token-N]``;
  ids (``id``, ``userId``, ...) are mapped the same way, the recording pool's app and pool ids
  to the replay pool's.

Users who signed in without signing up in the transcript are created first, with the password
of their first successful sign-in (or an unguessable one when none succeeded).

The pool's outbox is one of its admin-only routes: `ReplayTarget.admin_token` (from the ready
line of the pool the replay started, or given for a running pool) goes with it as a Bearer
token, on a request no call observer sees.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pyotp

from authing_desktop.api import graphql_documents
from authing_desktop.api.bounded import exchange, loads_json
from authing_desktop.api.captcha import CAPTCHA_PATH, fetch_captcha
from authing_desktop.api.client_core import ClientCore
from authing_desktop.api.error_codes import ErrorCode
from authing_desktop.api.errors import ApiError
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.api.profile import (
    DEFAULT_MAX_RESPONSE_BYTES,
    ConnectionProfile,
    check_language,
)
from authing_desktop.api.transport import CallRecord
from authing_desktop.pool_process import PoolEndpoint
from authing_desktop.redaction import MARKER, PROTOCOL_SAFE_KEYS, redact
from authing_desktop.replay.scenario_setup import ReplayScenario
from authing_desktop.replay.transcript_file import Transcript
from authing_desktop.replay.values import parallel_strings, session_token, strings

USER_NOT_FOUND = 2004
OUTBOX_PATH = "/_localpool/outbox"
CAPTCHA_CHANNEL = "captcha"  # the outbox's messages that are captcha answers
INFO_PATH = "/_localpool/info"
LOCAL_ROUTE_TIMEOUT_S = 10.0

_EMBEDDED_MARKER = re.compile(r"\[(?:token|email|phone|secret)-\d+\](?:\d{4})?")
_ID_KEYS = frozenset({"id", "userid", "userpoolid", "appid", "orgid", "nodeid", "targetid",
                      "arn"})
_FORM_PATHS = re.compile(r"/(?:oidc|oauth)/token(?:/revocation|/introspection)?$")
_LOGIN_IDENTITY = {
    "loginByEmail": "email", "loginByUsername": "username",
    "loginByPhonePassword": "phone", "loginBySubAccount": "account",
}
_REGISTER_IDENTITY = {
    "registerByEmail": "email", "registerByUsername": "username", "registerByPhoneCode": "phone",
}


def operations() -> dict[str, Operation]:
    """Every GraphQL operation the app sends, by name."""
    return {value.name: value for value in vars(graphql_documents).values()
            if isinstance(value, Operation)}


@dataclass(frozen=True)
class ReplayTarget:
    """The pool a replay runs on; ``admin_token`` opens its outbox (``""``: none known)."""

    url: str
    user_pool_id: str
    app_id: str
    public_key: str = field(default="", repr=False)
    admin_token: str = field(default="", repr=False)


def fresh_target(endpoint: PoolEndpoint) -> ReplayTarget:
    """The target of a pool the replay started itself (its ready line holds the admin token)."""
    return ReplayTarget(url=endpoint.url, user_pool_id=endpoint.user_pool_id,
                        app_id=endpoint.app_id, public_key=endpoint.public_key,
                        admin_token=endpoint.admin_token)


@dataclass(frozen=True)
class ReplayOutcome:
    """One replayed call next to its original (both redacted)."""

    index: int
    operation: str
    original_code: int | None
    replayed_code: int | None
    original_message: str
    replayed_message: str
    original_response: Any = field(repr=False)
    replayed_response: Any = field(repr=False)

    @property
    def matches(self) -> bool:
        return self.original_code == self.replayed_code


@dataclass
class ReplayReport:
    """All outcomes, in call order; ``created_users`` counts the users made up front."""

    outcomes: list[ReplayOutcome]
    created_users: int = 0

    @property
    def all_match(self) -> bool:
        return all(outcome.matches for outcome in self.outcomes)

    @property
    def mismatches(self) -> list[ReplayOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.matches]


class ReplayError(Exception):
    """The replay could not run at all (pool unreachable, not a local pool...)."""


class OutboxRefused(ReplayError):  # noqa: N818 - reads as the event it reports
    """The pool refused its outbox: the replay does not hold the pool's admin token."""


async def read_target(url: str, *, admin_token: str = "",
                      http: httpx.AsyncBaseTransport | None = None) -> ReplayTarget:
    """The ids of the local pool at ``url`` (from ``/_localpool/info``, which needs no token);
    ``admin_token`` is kept for its outbox."""
    url = url.rstrip("/")
    try:
        async with httpx.AsyncClient(transport=http, trust_env=False,
                                     timeout=LOCAL_ROUTE_TIMEOUT_S) as client:
            answer = await exchange(client, "GET", url + INFO_PATH,
                                    max_bytes=DEFAULT_MAX_RESPONSE_BYTES,
                                    deadline=LOCAL_ROUTE_TIMEOUT_S)
        body = loads_json(answer.content)
    except (ApiError, ValueError) as error:
        raise ReplayError(f"no local pool answers at {url} ({type(error).__name__})") from error
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, dict) or not data.get("userPoolId") or not data.get("appId"):
        raise ReplayError(f"{url} is not a local pool (no /_localpool/info)")
    return ReplayTarget(url=url, user_pool_id=str(data["userPoolId"]), app_id=str(data["appId"]),
                        admin_token=admin_token)


class Replayer:
    """Replays one transcript on one target; `run` returns the `ReplayReport`."""

    def __init__(self, transcript: Transcript, target: ReplayTarget, *,
                 on_outcome: Callable[[ReplayOutcome], None] | None = None,
                 http: httpx.AsyncBaseTransport | None = None,
                 scenario: ReplayScenario | None = None) -> None:
        """``scenario``: the one applied to the target (`scenario_setup`): its users stand
        for the markers the transcript's header maps to them."""
        self._transcript = transcript
        self._target = target
        self._on_outcome = on_outcome
        self._http = http
        self._operations = operations()
        self._run_id = secrets.token_hex(3)
        self._values: dict[str, str] = {}
        self._passwords: dict[str, str] = {}
        self._token: str | None = None
        self._captcha_fetched = False
        self._captured: list[CallRecord] = []
        self._wrong = self._wrong_answer_markers(transcript.calls)
        profile = transcript.profile
        for recorded, replayed in ((profile.get("app_id"), target.app_id),
                                   (profile.get("user_pool_id"), target.user_pool_id)):
            if isinstance(recorded, str) and recorded:
                self._values[recorded] = replayed
        self._scenario_users = set(scenario.values) if scenario is not None else set()
        self._totp = dict(scenario.totp) if scenario is not None else {}
        if scenario is not None:
            self._values.update(scenario.values)
            self._passwords.update(scenario.passwords)
        self._signing_in = ""  # the identity of the newest login call (whose TOTP to use)

    async def run(self) -> ReplayReport:
        lang = self._transcript.language
        try:
            check_language(lang)
        except ApiError:
            lang = "en-US"
        core = ClientCore(ConnectionProfile(
            host=self._target.url, user_pool_id=self._target.user_pool_id,
            app_id=self._target.app_id, public_key=self._target.public_key or None,
            lang=check_language(lang)), http_transport=self._http)
        core.observer = self._captured.append
        try:
            created = await self._create_users(core)
            outcomes = []
            for index, call in self._transcript.calls_in_start_order():
                outcome = await self._replay_call(core, index, call)
                outcomes.append(outcome)
                if self._on_outcome is not None:
                    self._on_outcome(outcome)
            return ReplayReport(outcomes, created)
        finally:
            await core.aclose()

    # ------------------------------------------------------------ users first

    async def _create_users(self, core: ClientCore) -> int:
        registered: set[str] = set()
        needed: dict[str, tuple[str, str | None]] = {}  # identity -> (kind, password marker)
        for call in self._transcript.calls:
            name = call["operation"]
            variables = call["variables"]
            fields = variables.get("input") if isinstance(variables.get("input"), dict) \
                else variables
            if name in _REGISTER_IDENTITY:
                identity = fields.get(_REGISTER_IDENTITY[name])
                if isinstance(identity, str):
                    registered.add(identity)
            elif name in _LOGIN_IDENTITY:
                identity = fields.get(_LOGIN_IDENTITY[name])
                if not isinstance(identity, str) or identity in registered:
                    continue
                if call["code"] == USER_NOT_FOUND:
                    registered.add(identity)  # did not exist: do not create it
                    continue
                kind = "email" if "@" in identity else (
                    "phone" if _LOGIN_IDENTITY[name] == "phone" else "username")
                password = fields.get("password") if call["code"] == 200 else None
                known = needed.get(identity)
                if known is None or (known[1] is None and isinstance(password, str)):
                    needed[identity] = (kind, password if isinstance(password, str) else None)
        created = 0
        for identity, (kind, marker) in needed.items():
            if identity in self._scenario_users:
                continue  # the scenario made them, in their state
            plain = self._password(marker) if marker else "Unused-" + secrets.token_hex(8) + "a1"
            value = self._substitute_text(identity)
            if kind == "email":
                operation, field_name = graphql_documents.REGISTER_BY_EMAIL, "email"
            elif kind == "username":
                operation, field_name = graphql_documents.REGISTER_BY_USERNAME, "username"
            else:
                continue  # a phone account needs a code flow of its own: not recreated
            encrypted = await core.password_encryptor.encrypt(plain)
            try:
                await core.transport.graphql(operation, {"input": {
                    field_name: value, "password": encrypted, "forceLogin": False}})
            except ApiError as error:
                raise ReplayError(f"could not recreate a user ({error})") from error
            created += 1
        self._captured.clear()
        return created

    # ------------------------------------------------------------ one call

    async def _replay_call(self, core: ClientCore, index: int,
                           call: Mapping[str, Any]) -> ReplayOutcome:
        self._captured.clear()
        error_text = ""
        try:
            variables = await self._substitute(core, call, call["variables"])
            self._note_login(call, variables)
            token = self._resolve_token(call.get("authorization"))
            self._captured.clear()  # e.g. the key fetch of a password encryption
            await self._send(core, call, variables, token)
        except ApiError:
            pass  # the observer captured the outcome
        except OutboxRefused:
            raise  # no later call can get its code either: the replay cannot run
        except ReplayError as error:
            error_text = str(error)
        record = self._captured[-1] if self._captured else None
        code = record.code if record is not None else None
        message = record.message if record is not None else error_text
        body = record.response if record is not None else None
        if record is not None:
            self._learn(call.get("response"), body)
            self._track_session(call, record)
        return ReplayOutcome(
            index=index, operation=str(call["operation"]),
            original_code=call["code"], replayed_code=code,
            original_message=str(call.get("message", "")),
            replayed_message=redact(message),
            original_response=call.get("response"),
            replayed_response=redact(body, extra_safe_keys=PROTOCOL_SAFE_KEYS))

    async def _send(self, core: ClientCore, call: Mapping[str, Any], variables: dict[str, Any],
                    token: str | None) -> None:
        if call["kind"] == "graphql":
            operation = self._operations.get(call["operation"])
            if operation is None:
                raise ReplayError(f"unknown GraphQL operation {call['operation']!r}")
            await core.transport.graphql(operation, variables, token=token)
            return
        path = httpx.URL(call["path"]).path if "://" in call["path"] else call["path"]
        method = str(call["method"]).upper()
        if path == CAPTCHA_PATH:
            # An image, not JSON: fetched like the app does; its answer is in the outbox.
            await fetch_captcha(core)
            self._captcha_fetched = True
            return
        response = call.get("response")
        envelope = not isinstance(response, dict) or isinstance(response.get("code"), int)
        texts = {key: str(value) for key, value in variables.items() if value is not None}
        if method in ("GET", "DELETE", "HEAD"):
            await core.transport.rest(method, path, params=texts or None, token=token,
                                      envelope=envelope)
        elif _FORM_PATHS.search(path):
            await core.transport.rest(method, path, form=texts, token=token, envelope=envelope)
        else:
            await core.transport.rest(method, path, json_body=variables, token=token,
                                      envelope=envelope)

    # ------------------------------------------------------------ substitution

    async def _substitute(self, core: ClientCore, call: Mapping[str, Any], value: Any) -> Any:
        if isinstance(value, dict):
            result: dict[str, Any] = {}
            # Identities first: a code is looked up by its sibling phone/email.
            for key in sorted(value, key=lambda k: isinstance(value[k], str)
                              and MARKER.fullmatch(value[k]) is not None
                              and value[k].startswith(("[code", "[captcha"))):
                item = value[key]
                if isinstance(item, str) and item.startswith("[code-") and MARKER.fullmatch(item):
                    result[key] = await self._code(core, item, key, result)
                elif (isinstance(item, str) and item.startswith("[captcha-")
                      and MARKER.fullmatch(item)):
                    result[key] = await self._captcha(core, item)
                else:
                    result[key] = await self._substitute(core, call, item)
            return {key: result[key] for key in value}
        if isinstance(value, list):
            return [await self._substitute(core, call, item) for item in value]
        if isinstance(value, str):
            match = MARKER.fullmatch(value)
            if match is not None and match.group("kind") == "password":
                plain = self._password(value)
                return await core.password_encryptor.encrypt(plain) if match.group("rsa") \
                    else plain
            return self._substitute_text(value)
        return value

    def _substitute_text(self, text: str) -> str:
        if text in self._values:
            return self._values[text]
        return _EMBEDDED_MARKER.sub(lambda m: self._identity(m.group(0)), text)

    def _identity(self, marker: str) -> str:
        value = self._values.get(marker)
        if value is not None:
            return value
        if marker.startswith("[email-"):
            number = marker[len("[email-"):marker.index("]")]
            value = f"replay{number}.{self._run_id}"
        elif marker.startswith("[phone-"):
            last4 = marker[marker.index("]") + 1:]
            value = "139" + "".join(str(secrets.randbelow(10)) for _ in range(4)) + last4
        elif marker.startswith("[token-"):
            return self._token or marker
        else:
            return marker
        self._values[marker] = value
        return value

    def _password(self, marker: str) -> str:
        key = marker.replace("+rsa]", "]")
        if key not in self._passwords:
            number = key[len("[password-"):-1]
            self._passwords[key] = f"Replay{number}-{secrets.token_hex(4)}-Pw!"
        return self._passwords[key]

    async def _code(self, core: ClientCore, marker: str, key: str,
                    siblings: Mapping[str, Any]) -> str:
        if marker in self._values:
            return self._values[marker]
        if marker in self._wrong:
            return "000000"
        if key.lower() == "totp" and self._totp:
            # The scenario's authenticator: the user signing in, else its only one.
            secret = self._totp.get(self._signing_in.lower()) or next(iter(self._totp.values()))
            code = pyotp.TOTP(secret).now()
            self._values[marker] = code
            return code
        # phoneCode goes with phone, oldEmailCode with oldEmail, a bare code with either.
        prefix = key.lower().removesuffix("code")
        destination = next((v for k, v in siblings.items() if prefix and k.lower() == prefix),
                           None)
        if not isinstance(destination, str):
            destination = siblings.get("phone") or siblings.get("email")
        code = await self._outbox_code(core, destination if isinstance(destination, str)
                                       else None)
        self._values[marker] = code
        return code

    async def _outbox_code(self, core: ClientCore, destination: str | None) -> str:
        for message in await self._outbox(core):
            to = str(message.get("to", ""))
            if message.get("channel") != CAPTCHA_CHANNEL and (
                    destination is None or to.lower() == destination.lower()):
                return str(message.get("code", ""))
        raise ReplayError("no code was sent to the replayed destination")

    async def _outbox(self, core: ClientCore) -> list[dict[str, Any]]:
        """The replay pool's outbox messages, newest first."""
        http = core.transport._client  # noqa: SLF001 - the same session as the calls
        token = self._target.admin_token
        try:
            answer = await exchange(
                http, "GET", self._target.url + OUTBOX_PATH,
                headers={"authorization": f"Bearer {token}"} if token else None,
                max_bytes=DEFAULT_MAX_RESPONSE_BYTES, deadline=LOCAL_ROUTE_TIMEOUT_S)
            if answer.status_code == 401:
                raise OutboxRefused(
                    "the pool refused to show its outbox: the replay needs the pool's admin "
                    "token (replay on a fresh pool, or give the token of the one at "
                    f"{self._target.url})")
            messages = loads_json(answer.content).get("data")
        except (ApiError, ValueError, AttributeError) as error:
            raise ReplayError("the replay pool's outbox cannot be read") from error
        return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []

    async def _captcha(self, core: ClientCore, marker: str) -> str:
        if not self._captcha_fetched:
            await fetch_captcha(core)
        self._captcha_fetched = False
        # The replay's own requests are the only ones to this pool: its newest captcha.
        answer = next((str(m.get("code", "")) for m in await self._outbox(core)
                       if m.get("channel") == CAPTCHA_CHANNEL), None)
        if answer is None:
            raise ReplayError("the replay pool's outbox holds no captcha answer")
        if marker in self._wrong:
            return "".join(str((int(d) + 1) % 10) for d in answer)
        return answer

    def _resolve_token(self, marker: Any) -> str | None:
        if not isinstance(marker, str):
            return None
        return self._values.get(marker) or self._token

    # ------------------------------------------------------------ learning

    def _learn(self, recorded: Any, actual: Any) -> None:
        for key, old, new in parallel_strings(recorded, actual):
            if old.startswith("[token-") and MARKER.fullmatch(old):
                self._values[old] = new  # the newest token of that name
            elif MARKER.fullmatch(old):
                self._values.setdefault(old, new)
            elif key in _ID_KEYS and old != new:
                self._values[old] = new

    def _track_session(self, call: Mapping[str, Any], record: CallRecord) -> None:
        if record.code != 200:
            return
        if str(call["path"]).endswith("/logout"):
            self._token = None
            return
        token = session_token(record.response)
        if token:
            self._token = token

    @staticmethod
    def _wrong_answer_markers(calls: list[dict[str, Any]]) -> set[str]:
        """Code/captcha markers that only ever got "wrong code" answers."""
        outcomes: dict[str, set[int | None]] = {}
        for call in calls:
            for text in strings(call["variables"]):
                if text.startswith(("[code-", "[captcha-")) and MARKER.fullmatch(text):
                    outcomes.setdefault(text, set()).add(call["code"])
        return {marker for marker, codes in outcomes.items()
                if codes in ({ErrorCode.WRONG_CODE}, {ErrorCode.WRONG_TOTP})}

    def _note_login(self, call: Mapping[str, Any], variables: Mapping[str, Any]) -> None:
        name = call.get("operation")
        if name in _LOGIN_IDENTITY:
            given = variables.get("input")
            fields: Mapping[str, Any] = given if isinstance(given, dict) else variables
            identity = fields.get(_LOGIN_IDENTITY[str(name)])
            if isinstance(identity, str):
                self._signing_in = identity
