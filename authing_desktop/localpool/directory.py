"""LDAP / Active Directory identity source of the local user pool.

The pool's ``POST /api/v2/ldap/verify-user`` and ``POST /api/v2/ad/verify-user`` call
:func:`verify_user` from a worker thread: it is blocking and opens fresh connections every call.

A verification is the classic "search then bind" sequence:

1. bind as the configured service account (or anonymously when no bind DN is configured);
2. search ``base_dn`` (subtree) with ``user_filter``, the username escaped per RFC 4515;
3. bind as the one entry found, with the password the user typed.

Its settings, the entry it returns and its errors: `directory_config`.
"""

from __future__ import annotations

import logging
import math
import socket
import ssl
import uuid
from typing import Any, Final
from urllib.parse import urlsplit

from ldap3 import ANONYMOUS, NONE, SIMPLE, SUBTREE, Connection, Server, Tls
from ldap3.core.exceptions import LDAPException

from authing_desktop.localpool.directory_config import (
    DirectoryConfig,
    DirectoryEntry,
    DirectoryInvalidCredentials,
    DirectoryKind,
    DirectoryNotConfigured,
    DirectoryUnavailable,
)

log = logging.getLogger(__name__)

_MAX_USERNAME_CHARS: Final = 256
_MAX_PASSWORD_CHARS: Final = 1024

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
