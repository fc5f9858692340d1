"""HTTP transport of one connection profile: a single keep-alive ``httpx.AsyncClient``.

It speaks the shapes of the Authing protocol (docs/protocol.md#envelopes):

- GraphQL: ``POST {host}/graphql/v2`` with ``{"query", "variables"}`` (``variables`` omitted
  when empty, like the SDK), no introspection round trip; errors ``{message: {code, message,
  data?}}`` become `AuthingError`.
- REST: JSON envelopes ``{code, message, data}``; a code other than 200 becomes `AuthingError`
  for every call (the SDK ignores it for several). v3 routes answer ``{statusCode, message,
  apiCode?, data?}``; a statusCode other than 200 becomes `AuthingError` with the apiCode
  (else the statusCode) as its code.

A call refused for want of a recent proof (1650) is retried once with a step-up token from
``step_up`` (`StepUpKeeper`, docs/step-up.md); a kept one goes with the session's calls.

Every call is reported to an optional observer with the raw request variables and response
body. The observer is the only place raw data goes; this module never logs it.

Answers are read within the profile's bounds (`bounded`): ``max_response_bytes`` after
decompression, ``call_deadline`` for the whole call, JSON no deeper than `MAX_JSON_DEPTH`.
"""

from __future__ import annotations

import functools
import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from authing_desktop import __version__
from authing_desktop.api.bounded import (
    ACCEPT_ENCODING,
    Answer,
    TooDeep,
    exchange,
    loads_json,
    safe_url,
)
from authing_desktop.api.errors import ApiError, AuthingError, MalformedResponse
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.api.profile import ConnectionProfile, Language, check_language
from authing_desktop.api.step_up import REAUTH_REQUIRED, STEP_UP_HEADER, StepUpKeeper, StepUpNeed
from authing_desktop.api.tls import verifying_context

log = logging.getLogger(__name__)

SDK_VERSION_HEADER = f"authing-desktop:{__version__}"
USER_AGENT = f"authing-desktop/{__version__}"
GRAPHQL_PATH = "/graphql/v2"

CallKind = Literal["graphql", "rest"]


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One finished call, as handed to the observer.

    ``name`` is the GraphQL operation name or the REST path; ``url`` has no query string
    (query parameters are in ``variables``). ``code``/``message`` are the
    outcome: 200 on success, the server's code on an `AuthingError`, None when no usable
    answer arrived (then ``message`` names the exception type). ``variables`` and ``response``
    are raw (they may contain passwords in transport form, codes and tokens): an observer must
    redact before it shows or stores anything.
    """

    kind: CallKind
    name: str
    method: str
    url: str
    duration: float
    code: int | None
    message: str
    variables: Mapping[str, Any] | None = field(repr=False)
    response: Any = field(repr=False)
    status_code: int | None = None
    # The Bearer token the call carried (raw, like ``variables``): lets a transcript say which
    # session a call ran in without holding the token.
    bearer: str | None = field(default=None, repr=False)


CallObserver = Callable[[CallRecord], None]


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _as_code(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


class Transport:
    """The HTTP side of one connection: headers, Bearer injection, envelopes, errors, timing."""

    def __init__(
        self,
        profile: ConnectionProfile,
        *,
        observer: CallObserver | None = None,
        http_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.profile = profile
        self.observer = observer
        self.step_up = StepUpKeeper()
        self._graphql_url = profile.host + GRAPHQL_PATH
        headers = {
            "user-agent": USER_AGENT,
            "accept-encoding": ACCEPT_ENCODING,
            "x-authing-sdk-version": SDK_VERSION_HEADER,
            "x-authing-request-from": "sdk",
            "x-authing-lang": profile.lang,
        }
        if profile.user_pool_id:
            headers["x-authing-userpool-id"] = profile.user_pool_id
        if profile.app_id:
            headers["x-authing-app-id"] = profile.app_id
        self._lang: Language = profile.lang
        self._client = httpx.AsyncClient(
            headers=headers,
            timeout=httpx.Timeout(
                connect=profile.connect_timeout, read=profile.read_timeout,
                write=profile.read_timeout, pool=profile.connect_timeout),
            limits=httpx.Limits(
                max_connections=10, max_keepalive_connections=4, keepalive_expiry=60.0),
            verify=verifying_context() if profile.verify_tls else False,
            transport=http_transport,
            trust_env=False,
        )

    @property
    def lang(self) -> Language:
        """The ``x-authing-lang`` sent with every call: server messages come in it."""
        return self._lang

    @lang.setter
    def lang(self, value: str) -> None:
        self._lang = check_language(value)
        self._client.headers["x-authing-lang"] = self._lang

    @property
    def closed(self) -> bool:
        return self._client.is_closed

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._client.aclose()

    # ------------------------------------------------------------------ GraphQL

    async def graphql(
        self, operation: Operation, variables: Mapping[str, Any] | None = None,
        *, token: str | None = None,
    ) -> Any:
        """Run ``operation`` and return its root field's value (which may be null)."""
        await self.step_up.check_first(token, "POST", operation.root, variables,
                                       self.profile.app_id or "")
        sent = self.step_up.header_for(token)
        try:
            return await self._graphql_once(operation, variables, token, sent)
        except AuthingError as error:
            proof = await self._step_up(error, operation.name, token, sent)
            if proof is None:
                raise
        return await self._graphql_once(operation, variables, token, {STEP_UP_HEADER: proof})

    async def _step_up(self, error: AuthingError, action: str, token: str | None,
                       sent: Mapping[str, str]) -> str | None:
        """The step-up token to retry a 1650 refusal with (None: let ``error`` through)."""
        if error.code != REAUTH_REQUIRED or not token or not self.step_up.can_ask(token):
            return None
        return await self.step_up.obtain(StepUpNeed(action, token), sent.get(STEP_UP_HEADER))

    async def _graphql_once(self, operation: Operation, variables: Mapping[str, Any] | None,
                            token: str | None, extra: Mapping[str, str]) -> Any:
        payload: dict[str, Any] = {"query": operation.document}
        if variables:
            payload["variables"] = variables
        headers = {"content-type": "application/json", **extra}
        if token:
            headers["authorization"] = f"Bearer {token}"
        started = time.perf_counter()
        body: Any = None
        status: int | None = None
        try:
            answer = await self._send("POST", self._graphql_url, _json_bytes(payload), headers)
            status = answer.status_code
            body = _decode_json(answer, self._graphql_url)
            value = _graphql_root(body, operation, status, self._graphql_url)
        except ApiError as exc:
            self._report("graphql", operation.name, "POST", self._graphql_url, started, exc,
                         variables, body, status, token)
            raise
        self._report("graphql", operation.name, "POST", self._graphql_url, started, None,
                     variables, body, status, token)
        return value

    # --------------------------------------------------------------------- REST

    async def rest(
        self,
        method: str,
        path: str,
        *,
        base: str | None = None,
        json_body: Mapping[str, Any] | None = None,
        form: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        token: str | None = None,
        basic: str | None = None,
        envelope: bool = True,
        as_text: bool = False,
    ) -> Any:
        """Call a REST endpoint at ``(base or host) + path``.

        With ``envelope`` the body must be ``{code, message, data}``: code 200 returns ``data``,
        any other code raises `AuthingError`. Without it the parsed JSON body is returned, and
        an HTTP error status raises (`AuthingError` when the body explains itself).
        ``as_text`` returns a successful body as text (CAS XML).
        JSON bodies drop None-valued keys like the SDK; form bodies drop None values too.
        """
        once = functools.partial(
            self._rest_once, method, path, base=base, json_body=json_body, form=form,
            params=params, token=token, basic=basic, envelope=envelope, as_text=as_text)
        await self.step_up.check_first(token, method, path, {**(json_body or {}),
                                                             **(params or {})},
                                       self.profile.app_id or "")
        sent = self.step_up.header_for(token)
        try:
            return await once(sent)
        except AuthingError as error:
            proof = await self._step_up(error, path, token, sent)
            if proof is None:
                raise
        return await once({STEP_UP_HEADER: proof})

    async def _rest_once(
        self, method: str, path: str, extra: Mapping[str, str], *, base: str | None,
        json_body: Mapping[str, Any] | None, form: Mapping[str, str] | None,
        params: Mapping[str, str] | None, token: str | None, basic: str | None,
        envelope: bool, as_text: bool,
    ) -> Any:
        url = (base or self.profile.host) + path
        headers: dict[str, str] = dict(extra)
        if token:
            headers["authorization"] = f"Bearer {token}"
        elif basic:
            headers["authorization"] = f"Basic {basic}"
        content: bytes | None = None
        variables: dict[str, Any] | None = None
        if json_body is not None:
            variables = {k: v for k, v in json_body.items() if v is not None}
            content = _json_bytes(variables)
            headers["content-type"] = "application/json"
        elif form is not None:
            variables = {k: v for k, v in form.items() if v is not None}
            content = str(httpx.QueryParams(variables)).encode("ascii")
            headers["content-type"] = "application/x-www-form-urlencoded"
        if params:
            variables = {**(variables or {}), **params}
            url = f"{url}?{httpx.QueryParams(params)}"
        started = time.perf_counter()
        body: Any = None
        status: int | None = None
        try:
            answer = await self._send(method, url, content, headers)
            status = answer.status_code
            if as_text and status < 400:
                body = value = answer.text
            else:
                body = _decode_json(answer, url)
                value = _rest_value(body, status, url, envelope)
        except ApiError as exc:
            self._report("rest", path, method, url, started, exc, variables, body, status,
                         token)
            raise
        self._report("rest", path, method, url, started, None, variables, body, status, token)
        return value

    async def fetch_bytes(self, path: str, *, max_bytes: int) -> tuple[str, bytes]:
        """GET ``host + path`` as raw bytes (an image, not JSON) on this connection's session,
        so its headers and cookies match the calls around it; returns ``(content type, body)``.
        An HTTP error, an empty body or one over ``max_bytes`` (reading stops there) raises
        `MalformedResponse`."""
        url = self.profile.host + path
        started = time.perf_counter()
        status: int | None = None
        try:
            answer = await self._send("GET", url, None, {},
                                      max_bytes=min(max_bytes, self.profile.max_response_bytes))
            status = answer.status_code
            kind = answer.content_type
            if status != 200 or not answer.content:
                raise MalformedResponse(
                    f"no usable body ({kind or 'no type'}, {len(answer.content)} bytes)",
                    status_code=status, url=url)
        except ApiError as exc:
            self._report("rest", path, "GET", url, started, exc, None, None, status)
            raise
        self._report("rest", path, "GET", url, started, None, None, None, status)
        return kind, answer.content

    # ---------------------------------------------------------------- internals

    async def _send(
        self, method: str, url: str, content: bytes | None, headers: dict[str, str],
        *, max_bytes: int | None = None,
    ) -> Answer:
        return await exchange(
            self._client, method, url, content=content, headers=headers,
            max_bytes=max_bytes or self.profile.max_response_bytes,
            deadline=self.profile.call_deadline)

    def _report(
        self, kind: CallKind, name: str, method: str, url: str, started: float,
        error: ApiError | None, variables: Mapping[str, Any] | None, body: Any,
        status: int | None, token: str | None = None,
    ) -> None:
        observer = self.observer
        if observer is None:
            return
        if error is None:
            code, message = 200, ""
        elif isinstance(error, AuthingError):
            code, message = error.code, error.message
        else:
            code, message = None, type(error).__name__
        record = CallRecord(
            kind=kind, name=name, method=method, url=safe_url(url),
            duration=time.perf_counter() - started, code=code, message=message,
            variables=variables, response=body, status_code=status, bearer=token)
        try:
            observer(record)
        except Exception:  # an observer bug must not break the call it watches
            log.warning("call observer raised", exc_info=False)


def _decode_json(answer: Answer, url: str) -> Any:
    if not answer.content:
        raise MalformedResponse("empty response body", status_code=answer.status_code,
                                url=safe_url(url))
    try:
        return loads_json(answer.content)
    except TooDeep as exc:
        raise MalformedResponse("response JSON is nested too deeply",
                                status_code=answer.status_code, url=safe_url(url)) from exc
    except ValueError as exc:  # not JSON, or not in a Unicode encoding
        raise MalformedResponse(f"response is not JSON ({answer.content_type or 'unknown type'})",
                                status_code=answer.status_code, url=safe_url(url)) from exc


def _graphql_root(body: Any, operation: Operation, status: int, url: str) -> Any:
    if not isinstance(body, dict):
        raise MalformedResponse("GraphQL response is not an object", status_code=status, url=url)
    errors = body.get("errors")
    if errors:
        if not isinstance(errors, list):
            raise MalformedResponse("GraphQL errors is not a list", status_code=status, url=url)
        for error in errors:
            message = error.get("message") if isinstance(error, dict) else None
            if isinstance(message, dict):
                code = _as_code(message.get("code"))
                if code is not None:
                    raise AuthingError(code, str(message.get("message") or ""),
                                       message.get("data"))
        # The text of a plain GraphQL error can quote variable values (passwords): not copied.
        raise MalformedResponse("GraphQL error without an Authing error code",
                                status_code=status, url=url)
    data = body.get("data")
    if not isinstance(data, dict) or operation.root not in data:
        raise MalformedResponse(f"GraphQL response has no data.{operation.root}",
                                status_code=status, url=url)
    return data[operation.root]


def _v3_value(body: dict[str, Any], status: int, url: str) -> Any:
    """The v3 envelope ``{statusCode, message, apiCode?, data?}`` (docs/protocol.md#v3-envelope):
    ``data`` on 200, else `AuthingError` with ``apiCode`` (or ``statusCode``) as its code."""
    status_code = _as_code(body.get("statusCode"))
    if status_code is None:
        raise MalformedResponse("v3 statusCode is not a number", status_code=status,
                                url=safe_url(url))
    if status_code != 200:
        api_code = _as_code(body.get("apiCode"))
        raise AuthingError(api_code if api_code is not None else status_code,
                           str(body.get("message") or ""), body.get("data"))
    return body.get("data")


def _rest_value(body: Any, status: int, url: str, envelope: bool) -> Any:
    if envelope and isinstance(body, dict) and "statusCode" in body and "code" not in body:
        return _v3_value(body, status, url)
    if isinstance(body, dict) and "code" in body and (envelope or status >= 400):
        code = _as_code(body.get("code"))
        if code is None:
            raise MalformedResponse("envelope code is not a number", status_code=status,
                                    url=safe_url(url))
        if code != 200:
            raise AuthingError(code, str(body.get("message") or ""), body.get("data"))
        return body.get("data") if envelope else body
    if envelope:
        raise MalformedResponse("response is not an Authing envelope", status_code=status,
                                url=safe_url(url))
    if status >= 400:
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            # OAuth 2.0 error response (RFC 6749 5.2).
            detail = body.get("error_description") or body["error"]
            raise AuthingError(status, str(detail), body)
        raise MalformedResponse("HTTP error without an explanation", status_code=status,
                                url=safe_url(url))
    return body
