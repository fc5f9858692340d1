"""LDAP / Active Directory identity source of the local user pool.

The pool's ``POST /api/v2/ldap/verify-user`` and ``POST /api/v2/ad/verify-user`` call
:func:`verify_user` from a worker thread: it is blocking and opens fresh connections every call.

A verification is the classic "search then bind" sequence:

1. bind as the configured service account (or anonymously when no bind DN is configured);
2. search ``base_dn`` (subtree) with ``user_filter``, the username escaped per RFC 4515;
3. bind as the one entry found, with the password the user typed.

Errors are :class:`~authing_desktop.localpool.errors.PoolError` subclasses, so the pool's
envelope handling applies as is; codes come from ``localpool.errors``:

- :class:`DirectoryInvalidCredentials`: **2333** (``WRONG_CREDENTIALS``), Authing's "wrong
  account or password". No such user, an ambiguous match and a wrong password look the same.
- :class:`DirectoryNotConfigured`: **404** (``NOT_FOUND``, a local code): the pool has no LDAP
  (or AD) source configured.
- :class:`DirectoryUnavailable`: **1000** (``SYSTEM_BUSY``, Authing's "try again later"): the
  directory cannot be used right now (unreachable, timed out, TLS failure, service account
  rejected, base DN missing); the message says which.
- :class:`DirectoryConfigError`: **400** (``BAD_ARGUMENT``, a local code), also a ``ValueError``:
  a settings mapping or field is invalid (raised by :class:`DirectoryConfig`, never by
  :func:`verify_user`).

No password (the user's or the service account's) ever appears in a message, a log record or a
``repr``.
"""

from __future__ import annotations

import logging
import math
import socket
import ssl
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args
from urllib.parse import urlsplit

from ldap3 import ANONYMOUS, NONE, SIMPLE, SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException, LDAPInvalidDnError, LDAPInvalidFilterError
from ldap3.operation.search import parse_filter
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import parse_dn

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError

__all__ = [
    "USERNAME_PLACEHOLDER",
    "DirectoryConfig",
    "DirectoryConfigError",
    "DirectoryEntry",
    "DirectoryError",
    "DirectoryInvalidCredentials",
    "DirectoryKind",
    "DirectoryNotConfigured",
    "DirectoryUnavailable",
    "verify_user",
]

log = logging.getLogger(__name__)

DirectoryKind = Literal["ldap", "ad"]
USERNAME_PLACEHOLDER: Final = "{username}"

_KINDS: Final[tuple[str, ...]] = get_args(DirectoryKind)
_KIND_LABEL: Final[dict[str, str]] = {"ldap": "LDAP", "ad": "Active Directory"}
_MAX_USERNAME_CHARS: Final = 256
_MAX_PASSWORD_CHARS: Final = 1024
_MAX_TIMEOUT_S: Final = 120.0

# LDAP result codes (RFC 4511 section 4.1.9) that verify_user tells apart.
_SUCCESS: Final = 0
_TIME_LIMIT_EXCEEDED: Final = 3
_SIZE_LIMIT_EXCEEDED: Final = 4
_NO_SUCH_OBJECT: Final = 32
# What a bind answers for a bad password, a password-less entry (49), a refused
# unauthenticated bind (48/53) or an ACL that denies `auth` (50); AD reports disabled, locked and
# expired accounts as 49 too.
_BIND_REJECTED: Final = frozenset({48, 49, 50, 53})

# Requested explicitly: entryUUID is operational (not returned for "*"), and asking for attributes
# the server does not know is harmless, so one list serves both kinds.
_ATTRIBUTES: Final = (
    "uid",
    "sAMAccountName",
    "userPrincipalName",
    "mail",
    "telephoneNumber",
    "mobile",
    "displayName",
    "cn",
    "entryUUID",
    "objectGUID",
)


class DirectoryError(PoolError):
    """Base of every failure of the directory identity source; ``code`` and ``message`` are what
    the client sees."""

    default_code: int = errors.SYSTEM_BUSY
    default_message: str = "The directory identity source failed."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(self.default_code, message or self.default_message)


class DirectoryNotConfigured(DirectoryError):  # noqa: N818 (names fixed by the pool's interface)
    """The pool has no identity source of this kind configured (code 404)."""

    default_code = errors.NOT_FOUND
    default_message = "No LDAP identity source is configured for this user pool."

    def __init__(self, kind: DirectoryKind = "ldap", message: str | None = None) -> None:
        self.kind: DirectoryKind = kind
        super().__init__(
            message or f"No {_KIND_LABEL[kind]} identity source is configured for this user pool."
        )


class DirectoryUnavailable(DirectoryError):  # noqa: N818 (names fixed by the pool's interface)
    """The directory server cannot be used right now: down, slow, TLS or settings trouble
    (code 1000)."""

    default_code = errors.SYSTEM_BUSY
    default_message = "The directory server is unavailable; try again later."


class DirectoryInvalidCredentials(DirectoryError):  # noqa: N818 (names fixed by the pool's interface)
    """Unknown user or wrong password; deliberately indistinguishable (code 2333)."""

    default_code = errors.WRONG_CREDENTIALS
    default_message = "Wrong username or password."


class DirectoryConfigError(DirectoryError, ValueError):
    """A directory setting is invalid (code 400); the message names the field, never a secret."""

    default_code = errors.BAD_ARGUMENT
    default_message = "The directory settings are invalid."


@dataclass(frozen=True)
class DirectoryConfig:
    """Connection settings of one LDAP or AD identity source; validated on construction.

    ``user_filter`` holds ``{username}`` where the (escaped) login name goes. An empty
    ``bind_dn`` (with an empty ``bind_password``) means an anonymous service bind. ``timeout_s``
    bounds each network step (connect, every response; responses wait whole seconds, rounded up).
    ``bind_password`` is kept out of ``repr``; :meth:`to_mapping` includes it (for the pool's own
    settings file) unless told not to.
    """

    kind: DirectoryKind
    url: str
    bind_dn: str
    bind_password: str = field(repr=False)
    base_dn: str
    user_filter: str
    timeout_s: float = 5.0

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise DirectoryConfigError("kind must be 'ldap' or 'ad'.")
        self._check_url()
        self._check_service_account()
        if not isinstance(self.base_dn, str) or not self.base_dn.strip():
            raise DirectoryConfigError("base_dn must not be empty.")
        if not _is_valid_dn(self.base_dn):
            raise DirectoryConfigError("base_dn is not a valid distinguished name.")
        self._check_filter()
        timeout = self.timeout_s
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not math.isfinite(timeout)
            or not 0 < timeout <= _MAX_TIMEOUT_S
        ):
            raise DirectoryConfigError(
                f"timeout_s must be a number of seconds in (0, {_MAX_TIMEOUT_S:g}]."
            )

    def _check_url(self) -> None:
        if not isinstance(self.url, str) or not self.url.strip():
            raise DirectoryConfigError("url must not be empty.")
        if self.url != self.url.strip():
            raise DirectoryConfigError("url must not have surrounding whitespace.")
        try:
            parts = urlsplit(self.url)
            port = parts.port
        except ValueError:
            raise DirectoryConfigError("url is not a valid ldap:// or ldaps:// URL.") from None
        if parts.scheme.lower() not in ("ldap", "ldaps"):
            raise DirectoryConfigError("url must start with ldap:// or ldaps://.")
        if not parts.hostname:
            raise DirectoryConfigError("url must name a host.")
        if parts.username is not None or parts.password is not None:
            raise DirectoryConfigError("url must not contain credentials; use bind_dn.")
        if parts.path not in ("", "/") or parts.query or parts.fragment:
            raise DirectoryConfigError(
                "url must be scheme://host[:port] only; put the base DN and filter in their fields."
            )
        if port == 0:
            raise DirectoryConfigError("url has an invalid port.")

    def _check_service_account(self) -> None:
        if not isinstance(self.bind_dn, str) or not isinstance(self.bind_password, str):
            raise DirectoryConfigError("bind_dn and bind_password must be strings.")
        if self.bind_dn and not self.bind_password:
            # A simple bind with a DN and no password is an "unauthenticated bind" that servers
            # accept as anonymous: it would hide a missing password until the first search.
            raise DirectoryConfigError("bind_password is required when bind_dn is set.")
        if self.bind_password and not self.bind_dn:
            raise DirectoryConfigError("bind_dn is required when bind_password is set.")
        # AD also accepts user@domain and DOMAIN\user as bind names, so only LDAP insists on a DN.
        if self.kind == "ldap" and self.bind_dn and not _is_valid_dn(self.bind_dn):
            raise DirectoryConfigError("bind_dn is not a valid distinguished name.")

    def _check_filter(self) -> None:
        if not isinstance(self.user_filter, str) or USERNAME_PLACEHOLDER not in self.user_filter:
            raise DirectoryConfigError(f"user_filter must contain {USERNAME_PLACEHOLDER}.")
        try:
            parse_filter(self.user_filter_for("probe"), None, True, True, None, False)
        except LDAPInvalidFilterError:
            raise DirectoryConfigError(
                "user_filter is not a valid LDAP filter (RFC 4515), e.g. (uid={username})."
            ) from None

    def user_filter_for(self, username: str) -> str:
        """The search filter for ``username``, escaped so it can only match literally."""
        return self.user_filter.replace(USERNAME_PLACEHOLDER, escape_filter_chars(username))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> DirectoryConfig:
        """Build from the pool's settings (the shape :meth:`to_mapping` writes); strings other
        than the password are stripped. Raises :class:`DirectoryConfigError`."""
        if not isinstance(data, Mapping):
            raise DirectoryConfigError("directory settings must be an object.")
        unknown = sorted(set(data) - _MAPPING_KEYS)
        if unknown:
            raise DirectoryConfigError(f"unknown directory setting(s): {', '.join(unknown)}.")
        values: dict[str, Any] = {}
        for key in ("kind", "url", "bind_dn", "base_dn", "user_filter"):
            value = data.get(key, "" if key == "bind_dn" else None)
            if not isinstance(value, str):
                raise DirectoryConfigError(f"{key} must be a string.")
            values[key] = value.strip()
        password = data.get("bind_password", "")
        if not isinstance(password, str):
            raise DirectoryConfigError("bind_password must be a string.")
        timeout = data.get("timeout_s", 5.0)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float):
            raise DirectoryConfigError("timeout_s must be a number.")
        return cls(
            kind=values["kind"],
            url=values["url"],
            bind_dn=values["bind_dn"],
            bind_password=password,
            base_dn=values["base_dn"],
            user_filter=values["user_filter"],
            timeout_s=float(timeout),
        )

    def to_mapping(self, *, include_password: bool = True) -> dict[str, Any]:
        """JSON-ready settings. With ``include_password=False`` (for display) the password key
        is left out and ``has_bind_password`` says whether one is set."""
        mapping: dict[str, Any] = {
            "kind": self.kind,
            "url": self.url,
            "bind_dn": self.bind_dn,
            "base_dn": self.base_dn,
            "user_filter": self.user_filter,
            "timeout_s": self.timeout_s,
        }
        if include_password:
            mapping["bind_password"] = self.bind_password
        else:
            mapping["has_bind_password"] = bool(self.bind_password)
        return mapping


_MAPPING_KEYS: Final = frozenset(
    {"kind", "url", "bind_dn", "bind_password", "base_dn", "user_filter", "timeout_s"}
)


@dataclass(frozen=True)
class DirectoryEntry:
    """The verified user as the directory describes it, mapped to the pool's fields.

    ``external_id`` is stable across renames when the server has one (``entryUUID``, AD's
    ``objectGUID``), else the DN. ``username`` falls back to the login name as typed when the
    entry has no username attribute.
    """

    dn: str
    external_id: str
    username: str
    email: str | None
    phone: str | None
    name: str | None


def verify_user(config: DirectoryConfig | None, username: str, password: str) -> DirectoryEntry:
    """Check ``username``/``password`` against the directory and return the user's entry.

    Blocking (run it in a worker thread). Raises :class:`DirectoryNotConfigured` when ``config``
    is None, :class:`DirectoryInvalidCredentials` and :class:`DirectoryUnavailable`.
    """
    if config is None:
        raise DirectoryNotConfigured()
    login = username.strip() if isinstance(username, str) else ""
    if not login or not isinstance(password, str) or not password:
        # An empty password would make the user bind an RFC 4513 "unauthenticated bind", which
        # servers answer with success: it must never reach the server.
        raise DirectoryInvalidCredentials("Username and password are required.")
    if len(login) > _MAX_USERNAME_CHARS or len(password) > _MAX_PASSWORD_CHARS:
        raise DirectoryInvalidCredentials()

    server = _server(config)
    service = Connection(
        server,
        user=config.bind_dn or None,
        password=config.bind_password or None,
        authentication=SIMPLE if config.bind_dn else ANONYMOUS,
        **_CONNECTION_OPTIONS,
        receive_timeout=_whole_seconds(config.timeout_s),
    )
    try:
        service.open()
        _service_bind(service, config)
        dn, attributes = _find_one(service, config, login)
        _user_bind(server, config, dn, password)
    except LDAPException as exc:
        raise _unavailable(exc) from None
    finally:
        _close(service)
    return _map_entry(config.kind, dn, attributes, login)


_CONNECTION_OPTIONS: Final[dict[str, Any]] = {
    "raise_exceptions": False,
    "auto_referrals": False,
    "read_only": True,
    "check_names": False,
}


def _server(config: DirectoryConfig) -> Any:
    parts = urlsplit(config.url)
    use_ssl = parts.scheme.lower() == "ldaps"
    # ldap3's own Tls default is CERT_NONE; a directory that receives passwords must be verified.
    tls = Tls(validate=ssl.CERT_REQUIRED) if use_ssl else None
    return Server(
        parts.hostname,
        port=parts.port or (636 if use_ssl else 389),
        use_ssl=use_ssl,
        tls=tls,
        get_info=NONE,
        connect_timeout=config.timeout_s,
    )


def _service_bind(connection: Any, config: DirectoryConfig) -> None:
    if connection.bind():
        return
    code, description = _result(connection)
    log.warning("directory service bind failed: %s (%s)", description, code)
    if code in _BIND_REJECTED:
        raise DirectoryUnavailable(
            "The directory rejected the identity source's service account; "
            "check its bind DN and password."
        )
    raise DirectoryUnavailable(f"The directory server refused the service bind ({description}).")


def _find_one(
    connection: Any, config: DirectoryConfig, login: str
) -> tuple[str, dict[str, list[bytes]]]:
    connection.search(
        search_base=config.base_dn,
        search_filter=config.user_filter_for(login),
        search_scope=SUBTREE,
        attributes=list(_ATTRIBUTES),
        # Two is enough to tell "exactly one" from "ambiguous".
        size_limit=2,
        time_limit=_whole_seconds(config.timeout_s),
    )
    code, description = _result(connection)
    entries = [
        item
        for item in (connection.response or [])
        if item.get("type") == "searchResEntry" and item.get("dn")
    ]
    if code == _NO_SUCH_OBJECT:
        raise DirectoryUnavailable(
            "The directory has no entry at the identity source's base DN; check base_dn."
        )
    if code == _TIME_LIMIT_EXCEEDED:
        raise DirectoryUnavailable("The directory search timed out; try again later.")
    if code not in (_SUCCESS, _SIZE_LIMIT_EXCEEDED):
        log.warning("directory user search failed: %s (%s)", description, code)
        raise DirectoryUnavailable(f"The directory search failed ({description}).")
    if len(entries) != 1:
        if entries:
            # Binding as whichever entry came first could log the user in as someone else.
            log.warning("directory user filter matched more than one entry; login refused")
        raise DirectoryInvalidCredentials()
    entry = entries[0]
    raw = entry.get("raw_attributes") or {}
    attributes = {str(name): [bytes(v) for v in values] for name, values in raw.items()}
    return str(entry["dn"]), attributes


def _user_bind(server: Any, config: DirectoryConfig, dn: str, password: str) -> None:
    connection = Connection(
        server,
        user=dn,
        password=password,
        authentication=SIMPLE,
        **_CONNECTION_OPTIONS,
        receive_timeout=_whole_seconds(config.timeout_s),
    )
    try:
        connection.open()
        if connection.bind():
            return
        code, description = _result(connection)
    finally:
        _close(connection)
    if code in _BIND_REJECTED:
        raise DirectoryInvalidCredentials()
    log.warning("directory user bind failed: %s (%s)", description, code)
    raise DirectoryUnavailable(f"The directory server refused the sign-in ({description}).")


def _whole_seconds(timeout_s: float) -> int:
    # ldap3 packs the receive timeout into SO_RCVTIMEO as an integer on POSIX: a float crashes it.
    return max(1, math.ceil(timeout_s))


def _result(connection: Any) -> tuple[int, str]:
    result = connection.result or {}
    code = result.get("result")
    return (code if isinstance(code, int) else -1), str(result.get("description") or "error")


def _close(connection: Any) -> None:
    try:
        if not connection.closed:
            connection.unbind()
    except LDAPException:
        pass  # the server went away already; the socket is closed below
    # ldap3 leaves the socket of a failed connect() open (and the connection marked closed).
    raw_socket = getattr(connection, "socket", None)
    if isinstance(raw_socket, socket.socket):
        raw_socket.close()


def _unavailable(exc: LDAPException) -> DirectoryUnavailable:
    # The class name is enough for the log; ldap3's texts can quote the DN or filter.
    log.warning("directory server unusable: %s", type(exc).__name__)
    return DirectoryUnavailable(
        "The directory server could not be reached or did not answer in time; try again later."
    )


def _is_valid_dn(value: str) -> bool:
    try:
        return bool(parse_dn(value))
    except (LDAPInvalidDnError, ValueError, IndexError):
        return False


def _map_entry(
    kind: DirectoryKind, dn: str, attributes: dict[str, list[bytes]], login: str
) -> DirectoryEntry:
    values = {name.lower(): found for name, found in attributes.items()}

    def text(name: str) -> str | None:
        for raw in values.get(name.lower(), []):
            try:
                decoded = raw.decode("utf-8").strip()
            except UnicodeDecodeError:
                continue
            if decoded:
                return decoded
        return None

    if kind == "ad":
        principal = text("userPrincipalName")
        username = text("sAMAccountName") or (principal.split("@", 1)[0] if principal else None)
    else:
        username = text("uid")
    return DirectoryEntry(
        dn=dn,
        external_id=text("entryUUID") or _object_guid(values.get("objectguid", [])) or dn,
        username=username or login,
        email=text("mail"),
        phone=text("telephoneNumber") or text("mobile"),
        name=text("displayName") or text("cn"),
    )


def _object_guid(raw_values: list[bytes]) -> str | None:
    for raw in raw_values:
        if len(raw) == 16:
            # AD stores the GUID's first three fields little-endian, as uuid's bytes_le does.
            return str(uuid.UUID(bytes_le=raw))
    return None
