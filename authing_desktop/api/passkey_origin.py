"""Which WebAuthn origin and RP ID the desktop uses, against the local pool and against Authing
cloud: every such choice of the app is here, and nowhere else
(docs/passkeys.md#the-desktops-choices).

- **Local pool:** the origin is the pool's own origin, with an IP-literal host (``127.0.0.1``,
  ``::1``) written as ``localhost``: browsers and python-fido2 refuse IP RP IDs, so the pool
  then uses ``rp.id = "localhost"`` and accepts ``http://localhost:<port>``. The HTTP calls
  still go to the pool's URL; only ``clientDataJSON`` names ``localhost``.
- **Authing cloud:** ``https://<rp.id>``, taken from the options the server returned (what
  Authing's own Android client does).
- **Before each ceremony** python-fido2's default check runs (``fido2.rpid.verify_rp_id``): the
  RP ID must be the origin's host or a registrable parent of it, and plain http is allowed for
  ``localhost`` only. A pool reached over http by another name cannot use security keys.
- **Passkey as a second factor** can be finished against the local pool only: the cloud's
  finish step runs inside its hosted login flow, which a desktop sign-in never enters.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

LOCALHOST = "localhost"
# Gen-1 registration's authenticatorCode for a roaming key or Windows Hello: the wire enum has
# "fingerprint" and "face" besides, which the desktop cannot tell apart.
AUTHENTICATOR_CODE = "other"
# What a passkey sign-in asks the server for (the refresh token is not kept by the app).
SIGN_IN_SCOPE = "openid profile email phone"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _origin_of(scheme: str, host: str, port: int | None) -> str:
    default = {"http": 80, "https": 443}.get(scheme)
    netloc = host if port is None or port == default else f"{host}:{port}"
    return f"{scheme}://{netloc}"


@dataclass(frozen=True)
class PasskeyOrigin:
    """Where the desktop's WebAuthn ceremonies say they come from, for one connection."""

    host: str
    local_pool: bool

    def origin(self, rp_id: str | None) -> str:
        """The origin written into ``clientDataJSON`` for a ceremony with ``rp_id`` (the one
        in the server's options)."""
        if self.local_pool:
            parts = urlsplit(self.host)
            hostname = (parts.hostname or LOCALHOST).lower()
            if _is_ip(hostname):
                hostname = LOCALHOST
            return _origin_of(parts.scheme or "http", hostname, parts.port)
        if not rp_id:
            # The cloud always names its RP ID; without one, the host's own origin.
            parts = urlsplit(self.host)
            return _origin_of(parts.scheme, (parts.hostname or "").lower(), parts.port)
        return f"https://{rp_id.lower()}"

    @property
    def second_factor_available(self) -> bool:
        """Whether a passkey can answer a sign-in's second step on this connection."""
        return self.local_pool

