"""The state and call shapes every operation group of the client shares.

`ClientCore` owns the transport, the password encryptor and the session (token + current
user). The operation mixins (`authentication`, `account`, `custom_data`, `access`, `oidc`)
build on its helpers, one per repeated shape, so no method body is copied.

Session rules (docs/protocol.md#session-rules; the SDK gets them wrong):

- a user carrying a token (login, register with force_login/generate_token) becomes the
  session: token and user together;
- a user without a token never wipes the token: it refreshes the cached user when it is the
  same account, and is otherwise just returned (register without login);
- `refresh_token` replaces the token, `logout`/`clear_current_user` clear both;
- ``users/me`` is called only when a method needs the user id and none is cached.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Self

import httpx

from authing_desktop.api.errors import AuthingArgumentError, MalformedResponse
from authing_desktop.api.graphql_documents import Operation
from authing_desktop.api.models import CommonMessage, User
from authing_desktop.api.password_encryption import PasswordEncryptor
from authing_desktop.api.profile import ConnectionProfile, Language
from authing_desktop.api.transport import CallObserver, Transport

USERS_ME_PATH = "/api/v2/users/me"
WELL_KNOWN_PATH = "/api/v2/.well-known"


def require_text(name: str, value: Any) -> str:
    """``value`` if it is a non-empty string, else an argument error naming ``name``."""
    if not isinstance(value, str) or not value.strip():
        raise AuthingArgumentError(f"{name} must be a non-empty string")
    return value


def optional_text(name: str, value: Any) -> str | None:
    """None, or a non-empty string."""
    return None if value is None else require_text(name, value)


def encode_custom_data(custom_data: Mapping[str, Any] | None) -> str | None:
    """The ``params`` input field: ``[{"key", "value"}]`` JSON-dumped like the SDK (raw
    values, Python's default separators), or None when there is none."""
    if custom_data is None:
        return None
    if not isinstance(custom_data, Mapping):
        raise AuthingArgumentError("custom_data must be a dict")
    if not custom_data:
        return None
    try:
        return json.dumps([{"key": key, "value": value} for key, value in custom_data.items()])
    except TypeError as exc:
        raise AuthingArgumentError("custom_data values must be JSON-serialisable") from exc


def encode_context(context: Mapping[str, Any] | None) -> str | None:
    """The ``context`` input field: the dict JSON-dumped, or None."""
    if context is None:
        return None
    if not isinstance(context, Mapping):
        raise AuthingArgumentError("context must be a dict")
    if not context:
        return None
    try:
        return json.dumps(context)
    except TypeError as exc:
        raise AuthingArgumentError("context values must be JSON-serialisable") from exc


class ClientCore:
    """Transport, password encryption and session state of one connection profile."""

    def __init__(
        self,
        profile: ConnectionProfile,
        *,
        token: str | None = None,
        observer: CallObserver | None = None,
        http_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.profile = profile
        self.transport = Transport(profile, observer=observer, http_transport=http_transport)
        self.password_encryptor = PasswordEncryptor(profile.public_key, self._fetch_public_key)
        self._token: str | None = optional_text("token", token)
        self._user: User | None = None

    # ------------------------------------------------------------------ lifecycle

    async def aclose(self) -> None:
        """Close the connection pool; the client cannot be used afterwards."""
        await self.transport.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ---------------------------------------------------------------------- state

    @property
    def token(self) -> str | None:
        """The current id_token (None when not signed in)."""
        return self._token

    @property
    def current_user(self) -> User | None:
        """The cached signed-in user, if known."""
        return self._user

    @property
    def lang(self) -> Language:
        """Language of server messages (``x-authing-lang``)."""
        return self.transport.lang

    @lang.setter
    def lang(self, value: str) -> None:
        self.transport.lang = value

    @property
    def observer(self) -> CallObserver | None:
        """Called with a `CallRecord` after every call (raw data: redact before showing)."""
        return self.transport.observer

    @observer.setter
    def observer(self, value: CallObserver | None) -> None:
        self.transport.observer = value

    def get_token(self) -> str | None:
        """The current token (SDK name)."""
        return self._token

    def set_token(self, token: str | None) -> None:
        """Use ``token`` from now on (e.g. one restored from the keychain). A different token
        may belong to another account, so the cached user is dropped."""
        token = optional_text("token", token)
        if token != self._token:
            self._user = None
        self._token = token

    def set_current_user(self, user: User) -> None:
        """Make ``user`` the session (its token too, when it carries one)."""
        self._adopt_user(user)

    def clear_current_user(self) -> None:
        """Forget the token and the user."""
        self._token = None
        self._user = None

    def _adopt_user(self, user: User) -> None:
        if user.token:
            self._token = user.token
            self._user = user
        elif self._user is not None and self._user.id == user.id:
            self._user = user.with_token(self._token)

    # -------------------------------------------------------------- call shapes

    async def _graphql(self, operation: Operation, variables: Mapping[str, Any] | None = None,
                       *, token: str | None = None) -> Any:
        return await self.transport.graphql(operation, variables, token=token)

    async def _authed_graphql(self, operation: Operation,
                              variables: Mapping[str, Any] | None = None) -> Any:
        return await self.transport.graphql(operation, variables, token=self._token)

    async def _user_mutation(self, operation: Operation, variables: Mapping[str, Any] | None,
                             *, authed: bool) -> User:
        """Run a user-returning operation and fold the user into the session."""
        value = await self.transport.graphql(
            operation, variables, token=self._token if authed else None)
        user = User.from_wire(value)
        self._adopt_user(user)
        return user

    async def _message_mutation(self, operation: Operation,
                                variables: Mapping[str, Any]) -> CommonMessage:
        return CommonMessage.from_wire(await self.transport.graphql(operation, variables))

    async def _authed_rest(self, method: str, path: str, **kwargs: Any) -> Any:
        return await self.transport.rest(method, path, token=self._token, **kwargs)

    async def _encrypt(self, password: str) -> str:
        return await self.password_encryptor.encrypt(password)

    async def _fetch_current_user(self, token: str | None = None) -> User:
        """``GET users/me`` with ``token`` (else the session's). The token it succeeded with
        is the session token from then on: it is proven valid, whatever ``data.token`` says."""
        used = token or self._token
        data = await self.transport.rest("GET", USERS_ME_PATH, token=used)
        user = User.from_wire(data)
        if used:
            user = user.with_token(used)
        self._adopt_user(user)
        return user

    async def _current_user_id(self) -> str:
        """The signed-in user's id: cached, else one ``users/me``."""
        if self._user is not None and self._token is not None:
            return self._user.id
        return (await self._fetch_current_user()).id

    async def _fetch_public_key(self) -> str | None:
        data = await self.transport.rest(
            "GET", WELL_KNOWN_PATH, envelope=False)
        if not isinstance(data, Mapping):
            raise MalformedResponse("well-known answer is not an object")
        inner = data.get("data")
        for source in (inner if isinstance(inner, Mapping) else {}, data):
            key = source.get("publicKey")
            if isinstance(key, str) and "BEGIN PUBLIC KEY" in key:
                return key
        return None
