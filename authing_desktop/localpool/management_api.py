"""The management API's token and who may call what (docs/pool-admin.md).

- **The management token** answers ``accessToken(userPoolId, secret)``: an HS256 JWT with
  ``{"sub": poolId, "data": {"type": "userPool", "id": poolId, "userPoolId": poolId}, "iat",
  "exp": iat + 86400}``, signed with a key derived from the user pool secret for this purpose
  only, so it never verifies as a login token and no login token verifies as one. End-user
  routes therefore answer it 2020, as for any unknown token.
- **Admin-only operations** (`ManagementAuth.require`): no or a bad token 2020, a user's
  login token 1001.
- **Shared root fields** (`graphql_forward.sharing`) act on anyone with the management token and
  on the caller alone with a login token.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import jwt

from authing_desktop.localpool import errors
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.identity import PoolIdentity
from authing_desktop.localpool.inputs import secret_equals
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.tokens import decode_on
from authing_desktop.localpool.users import Caller

MANAGEMENT_TOKEN_LIFETIME_S = 86_400
USER_POOL = "userPool"


class ManagementAuth:
    """Issues and checks management tokens."""

    def __init__(self, core: PoolCore) -> None:
        self._core = core
        self._identity: PoolIdentity = core.identity
        self._clock: Clock = core.clock
        self._key = hmac.new(self._identity.user_pool_secret.encode(),
                             b"localpool management token", hashlib.sha256).hexdigest()

    def access_token(self, user_pool_id: str, secret: str) -> dict[str, Any]:
        """``accessToken``: a management token for the pool's id and secret (2224 for another
        pool, 1001 for a wrong secret). ``exp`` is in epoch seconds, an integer: the SDK
        reuses the token until an hour before it."""
        pool_id = self._identity.user_pool_id
        if not secret_equals(user_pool_id, pool_id):
            raise PoolError(errors.USER_POOL_NOT_FOUND, "the user pool does not exist")
        if not self._identity.user_pool_secret or not secret_equals(
                secret, self._identity.user_pool_secret):
            raise PoolError(errors.NO_PERMISSION, "wrong user pool secret")
        iat = int(self._clock.now())
        exp = iat + MANAGEMENT_TOKEN_LIFETIME_S
        token = jwt.encode({"sub": pool_id, "iat": iat, "exp": exp,
                            "data": {"type": USER_POOL, "id": pool_id, "userPoolId": pool_id}},
                           self._key, "HS256")
        return {"accessToken": token, "exp": exp, "iat": iat}

    def is_management(self, token: str | None) -> bool:
        """Whether ``token`` is a live management token of this pool (no database needed)."""
        if not token or not self._identity.user_pool_secret:
            return False
        try:
            claims = decode_on(self._clock, token, self._key, algorithms=["HS256"],
                               require=["exp", "iat", "sub"])
        except jwt.PyJWTError:
            return False
        data = claims.get("data")
        return (claims.get("sub") == self._identity.user_pool_id and isinstance(data, dict)
                and data.get("type") == USER_POOL)

    def require(self, caller: Caller) -> None:
        """Let only the management token through: 1001 for a user's live login token, 2020
        (or 2206, expired) for anything else."""
        if self.is_management(caller.token):
            return
        if not caller.token:
            raise PoolError(errors.NOT_LOGGED_IN, "not logged in: this operation needs the"
                            " management token (accessToken)")
        self._core.authenticate(caller)  # 2020 / 2206 unless it is a user's live token
        raise PoolError(errors.NO_PERMISSION, "no permission: this operation needs the"
                        " management token, not a user's login token")
