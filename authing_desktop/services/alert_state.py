"""What the sign-in watcher remembers per account between runs, and the keys it compares
(docs/sign-in-alerts.md):

- the cursor: the newest ``loginAt`` seen, in ms (the next poll asks from there: ``start`` is
  inclusive, so the records at the cursor come back and are dropped by their dedupe keys);
- the dedupe keys of the records at the cursor;
- the known devices: "device, OS and browser from the User-Agent" plus the client's network
  (IPv4 /24, IPv6 /64), as one string each;
- the devices already alerted about (not alerted twice; "It was me" makes one known).

Kept in the keychain next to the account's token (entry ``sign-in-alerts:<user id>``): not a
secret, but the keychain is the one per-account store the app has, and it keeps what an
attacker on the same computer would like to edit (the known set) out of a plain file.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from authing_desktop.api.self_service_models import LoginHistoryEntry
    from authing_desktop.services.token_store import TokenStore

log = logging.getLogger("authing_desktop.sign_in_alerts")

ENTRY_PREFIX = "sign-in-alerts:"
STATE_VERSION = 1
# Bounds of the stored lists (oldest dropped first): enough for any person's devices.
MAX_KNOWN = 200
MAX_SEEN = 500
UNKNOWN = "Unknown"


def entry_name(user_id: str) -> str:
    """The keychain entry (user name part) of one account's alert state."""
    return f"{ENTRY_PREFIX}{user_id}"


def dedupe_key(entry: LoginHistoryEntry) -> str:
    """``(loginAt, appId, clientIp, userAgent, success)`` as one string (the records carry no
    id)."""
    return json.dumps([entry.login_at, entry.app_id, entry.client_ip, entry.user_agent,
                       bool(entry.success)], ensure_ascii=False)


def network_of(client_ip: str | None) -> str:
    """The client's network: ``203.0.113.0/24`` for IPv4, a /64 for IPv6, "" when unknown."""
    if not client_ip:
        return ""
    try:
        address = ipaddress.ip_address(client_ip.strip())
    except ValueError:
        return ""
    prefix = 24 if address.version == 4 else 64
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def user_agent_part(value: str | None) -> str:
    """A parsed User-Agent part, "" for the parser's "Unknown"."""
    text = (value or "").strip()
    return "" if text == UNKNOWN else text


def device_key(entry: LoginHistoryEntry) -> str:
    """The known-device key of a sign-in: device type, OS and browser as the server parsed the
    User-Agent, and the network the sign-in came from."""
    parsed = entry.parsed_user_agent
    parts = [user_agent_part(parsed.device if parsed else None),
             user_agent_part(parsed.os if parsed else None),
             user_agent_part(parsed.browser if parsed else None), network_of(entry.client_ip)]
    return json.dumps(parts, ensure_ascii=False)


def login_ms(entry: LoginHistoryEntry) -> int | None:
    """``loginAt`` in epoch milliseconds (None when absent or unreadable)."""
    moment = entry.login_time
    return None if moment is None else int(moment.timestamp() * 1000)


@dataclass(frozen=True)
class AlertState:
    """One account's watcher state (immutable; ``with_*`` make changed copies)."""

    cursor_ms: int
    seen: tuple[str, ...] = ()
    known: tuple[str, ...] = ()
    alerted: tuple[str, ...] = ()
    fresh: bool = field(default=False, compare=False)  # not stored yet: the first poll

    def with_known(self, key: str) -> AlertState:
        known = tuple(k for k in self.known if k != key) + (key,)
        return replace(self, known=known[-MAX_KNOWN:],
                       alerted=tuple(k for k in self.alerted if k != key))

    def with_alerted(self, key: str) -> AlertState:
        alerted = tuple(k for k in self.alerted if k != key) + (key,)
        return replace(self, alerted=alerted[-MAX_KNOWN:])

    def without_alerted(self, key: str) -> AlertState:
        return replace(self, alerted=tuple(k for k in self.alerted if k != key))

    def encode(self) -> str:
        return json.dumps({"v": STATE_VERSION, "cursor": self.cursor_ms,
                           "seen": list(self.seen[-MAX_SEEN:]),
                           "known": list(self.known[-MAX_KNOWN:]),
                           "alerted": list(self.alerted[-MAX_KNOWN:])}, ensure_ascii=False)

    @classmethod
    def decode(cls, text: str) -> AlertState | None:
        """The stored state, None when it is not one (then the account starts afresh)."""
        try:
            data: Any = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("v") != STATE_VERSION:
            return None
        cursor = data.get("cursor")
        if not isinstance(cursor, int) or isinstance(cursor, bool) or cursor < 0:
            return None
        lists: list[tuple[str, ...]] = []
        for name in ("seen", "known", "alerted"):
            items = data.get(name)
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                return None
            lists.append(tuple(items))
        return cls(cursor_ms=cursor, seen=lists[0], known=lists[1], alerted=lists[2])


class AlertStateStore:
    """Reads and writes `AlertState` in the token store of a connection profile."""

    def __init__(self, token_store: TokenStore) -> None:
        self._store = token_store

    async def load(self, profile_id: str, user_id: str) -> AlertState | None:
        text = await self._store.get(profile_id, entry_name(user_id))
        if text is None:
            return None
        state = AlertState.decode(text)
        if state is None:
            log.warning("stored sign-in alert state is not readable: starting afresh")
        return state

    async def save(self, profile_id: str, user_id: str, state: AlertState) -> None:
        await self._store.set(profile_id, entry_name(user_id), state.encode())
