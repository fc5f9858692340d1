"""What a remembered sign-in keeps in its keychain entry (`TokenStore`, the only place tokens
live between runs): the login token, and beside it the OIDC refresh token of a browser sign-in
that was granted offline access (docs/protocol.md, "Refresh and restore").

An entry without a refresh token is the bare login token, as every entry was before refresh
tokens; one with a refresh token is a small JSON object. A login token is a JWT, which never
starts with ``{``, so the two cannot be confused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StoredSignIn:
    """A keychain entry's content; neither token shows in ``repr``."""

    token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)

    def encode(self) -> str:
        """The keychain secret."""
        if not self.refresh_token:
            return self.token
        return json.dumps({"token": self.token, "refreshToken": self.refresh_token},
                          separators=(",", ":"))

    @classmethod
    def decode(cls, secret: str | None) -> StoredSignIn | None:
        """The entry in ``secret``; None for an empty or unreadable one."""
        if not secret:
            return None
        if not secret.startswith("{"):
            return cls(secret)
        try:
            content = json.loads(secret)
        except ValueError:
            return None
        if not isinstance(content, dict):
            return None
        token, refresh = content.get("token"), content.get("refreshToken")
        if not isinstance(token, str) or not token:
            return None
        return cls(token, refresh if isinstance(refresh, str) and refresh else None)
