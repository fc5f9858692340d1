"""Renewing a browser sign-in through its OIDC refresh token (docs/protocol.md, "Refresh and
restore"): the session's `SessionRenewal` holds the refresh token in memory (the keychain copy
is `StoredSignIn`'s) and spends it one renewal at a time.

A refresh token is single-use: the server answers with its successor, and the same token
presented twice revokes the whole sign-in (docs/local-pool.md, "Refresh tokens"). So renewals
never overlap, and a renewal that finds the client's login token already replaced by another
one returns that token instead of spending the refresh token again.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from authing_desktop.api.error_codes import ErrorCode

if TYPE_CHECKING:
    from authing_desktop.api.client import AuthenticationClient

log = logging.getLogger("authing_desktop.session")

# HTTP statuses of an OAuth refusal at the token endpoint (RFC 6749 section 5.2).
OAUTH_REFUSALS = frozenset({400, 401})


class SessionRenewal:
    """The refresh token of the signed-in browser sign-in (None: there is none)."""

    def __init__(self) -> None:
        self.refresh_token: str | None = None
        self._lock = asyncio.Lock()

    async def renew(self, client: AuthenticationClient, *, stale: str | None = None) -> str:
        """A new login token (the id_token); the refresh token's successor replaces it. When
        the client's token is set and no longer ``stale``, a renewal ran meanwhile: that
        token. A refusal (the server ended the sign-in, or the refresh token expired) drops
        the refresh token and raises 2206, like the login token it could not renew; other
        errors (offline) keep it."""
        from authing_desktop.api.errors import AuthingError

        async with self._lock:
            if stale is not None and client.token and client.token != stale:
                return client.token
            refresh_token = self.refresh_token
            if not refresh_token:
                raise AuthingError(ErrorCode.TOKEN_EXPIRED, "no refresh token")
            try:
                tokens = await client.get_new_access_token_by_refresh_token(refresh_token)
            except AuthingError as error:
                if error.code not in OAUTH_REFUSALS:
                    raise
                self.refresh_token = None
                raise AuthingError(ErrorCode.TOKEN_EXPIRED, error.message) from error
            if not tokens.id_token:
                self.refresh_token = None
                raise AuthingError(ErrorCode.TOKEN_EXPIRED, "the refresh gave no id_token")
            self.refresh_token = tokens.refresh_token or refresh_token
            log.debug("session renewed through the refresh token")
            return tokens.id_token


def use_token(client: AuthenticationClient, token: str) -> None:
    """A renewed login token becomes the client's, for the same user."""
    user = client.current_user
    if user is not None:
        client.set_current_user(user.with_token(token))
    else:
        client.set_token(token)
