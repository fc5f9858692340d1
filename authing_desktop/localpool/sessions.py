"""Signed-in sessions: a token's status, the user behind it, its refresh and the sign-out."""

from __future__ import annotations

import sqlite3
from typing import Any

from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.refresh_tokens import carry_family, revoke_families_of
from authing_desktop.localpool.tokens import Authenticated, IssuedToken
from authing_desktop.localpool.users import Caller, get_user


class Sessions:
    """checkLoginStatus, users/me, refreshToken and logout."""

    def __init__(self, core: PoolCore) -> None:
        self.core = core

    def check_login_status(self, token: str | None) -> dict[str, Any]:
        """checkLoginStatus(token)."""
        return self.core.read(lambda conn: self.core.tokens.status(conn, token))

    def current_user(self, caller: Caller) -> dict[str, Any]:
        """users/me: the user with the token that authenticated this request."""
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            auth = self.core.tokens.authenticate(conn, caller.token)
            return self.core.auth_view(conn, auth)

        return self.core.read(run)

    def refresh_token(self, caller: Caller) -> dict[str, Any]:
        """refreshToken: a new current token; the presented one is rotated out."""
        tokens = self.core.tokens
        auth = self.core.authenticate(caller)

        def run(conn: sqlite3.Connection) -> IssuedToken:
            tokens.authenticate(conn, caller.token)  # not revoked meanwhile
            old = tokens.token_of(conn, auth.jti)
            proven = old["proven_at"] if old is not None else None
            issued = tokens.issue(conn, get_user(conn, auth.user["id"]),
                                  client_ip=caller.peer_ip, user_agent=caller.user_agent,
                                  proven_at=proven if proven is not None else (
                                      old["issued_at"] if old is not None else None))
            tokens.revoke(conn, auth.jti)
            carry_family(conn, auth.jti, issued.jti)
            return issued

        issued = self.core.write(run)
        return {"token": issued.token, "iat": issued.iat, "exp": issued.exp}

    def _app_of(self, auth: Authenticated) -> str:
        row = self.core.read(lambda conn: self.core.tokens.token_of(conn, auth.jti))
        return str(row["app_id"]) if row is not None else self.core.identity.app_id

    def logout(self, caller: Caller, everywhere: bool = False,
               app_id: str | None = None) -> None:
        """Revoke the presented token and the refresh tokens of its sign-in (2020 when it is
        not a live token); ``everywhere``: every token of the user ("sign out everywhere");
        ``app_id``: every token of the user for that application (docs/protocol.md,
        Signing out)."""
        auth = self.core.authenticate(caller)
        if everywhere or (app_id is not None and app_id != self._app_of(auth)):
            # Signing out other computers or another application (docs/step-up.md).
            auth = self.core.proven(caller)
        if everywhere:
            self.core.write(lambda conn: self.core.revoke_all(conn, auth.user["id"]))
            return

        def run(conn: sqlite3.Connection) -> None:
            jtis = [auth.jti]
            if app_id is not None:  # the caller's own token only when it is of that app
                jtis = [row["jti"] for row in conn.execute(
                    "SELECT jti FROM tokens WHERE user_id = ? AND app_id = ?"
                    " AND revoked_at IS NULL", (auth.user["id"], app_id))]
            now = self.core.clock.now()
            for jti in jtis:
                self.core.tokens.revoke(conn, jti)
            revoke_families_of(conn, jtis, now)

        self.core.write(run)
