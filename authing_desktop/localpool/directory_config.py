"""The LDAP / Active Directory identity source's settings (`DirectoryConfig`, validated when
made), the entry a verification returns, and the errors of the directory sign-in
(`directory.verify_user`).

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
  :func:`~authing_desktop.localpool.directory.verify_user`).

No password (the user's or the service account's) ever appears in a message, a log record or a
``repr``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal, get_args
from urllib.parse import urlsplit

from ldap3.core.exceptions import LDAPInvalidDnError, LDAPInvalidFilterError
from ldap3.operation.search import parse_filter
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import parse_dn

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError

DirectoryKind = Literal["ldap", "ad"]
USERNAME_PLACEHOLDER: Final = "{username}"

_KINDS: Final[tuple[str, ...]] = get_args(DirectoryKind)
_KIND_LABEL: Final[dict[str, str]] = {"ldap": "LDAP", "ad": "Active Directory"}
_MAX_TIMEOUT_S: Final = 120.0


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


def _is_valid_dn(value: str) -> bool:
    try:
        return bool(parse_dn(value))
    except (LDAPInvalidDnError, ValueError, IndexError):
        return False
