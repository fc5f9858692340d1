"""What every feature of the pool shares: its database, identity, settings and clock, the
services built on them (tokens, codes, captchas, guess limits, second factors, sign-in history)
and the few steps every feature takes (a transaction, the caller's user, a user's view, a
spent code, a finished sign-in). The features themselves are listed in docs/local-pool.md.

Every public method is blocking (SQLite, argon2, RSA) and runs on a database worker thread.
Expensive steps (hashing, decryption) run outside the write transaction; uniqueness is left to
the database's UNIQUE constraints.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from authing_desktop.localpool import errors
from authing_desktop.localpool.captcha import CaptchaStore
from authing_desktop.localpool.clock import Clock
from authing_desktop.localpool.codes import CodeService
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.guess_limits import GuessLimits
from authing_desktop.localpool.identity import PoolIdentity
from authing_desktop.localpool.login_history import LoginHistory, current_attempt
from authing_desktop.localpool.mfa_factors import SecondFactors
from authing_desktop.localpool.passwords import PasswordCipher, verify_password
from authing_desktop.localpool.pool_policy import PoolPolicy, current_policy
from authing_desktop.localpool.refresh_tokens import revoke_user_families
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.step_up import require_recent_proof
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.tokens import Authenticated, TokenService
from authing_desktop.localpool.users import Caller, get_user, user_view

# The longest password or code a proof may carry (an RSA-encrypted password included).
MAX_PROOF_CHARS = 1024
T = TypeVar("T")


class PoolCore:
    """The shared services of one pool and the steps its features have in common."""

    def __init__(self, db: Database, identity: PoolIdentity, settings: PoolSettings,
                 issuer: str) -> None:
        self.db = db
        self.identity = identity
        self.issuer = issuer
        self.settings = settings
        self.clock: Clock = db.clock
        self.cipher = PasswordCipher(identity.private_key)
        self.tokens = TokenService(
            identity, issuer=issuer, clock=self.clock,
            lifetime=lambda conn: float(self.policy(conn).token_expires_after))
        self.codes = CodeService(settings, self.clock, link_base=issuer)
        self.captchas = CaptchaStore(settings.captcha_lifetime, self.clock)
        self.history = LoginHistory(identity.app_id, self.clock)
        self.limits = GuessLimits(settings, self.clock)
        db.write(GuessLimits.reset_pending)
        self.second_factors = SecondFactors(identity, self.clock,
                                            passkey_factor=settings.passkey_second_factor)

    def policy(self, conn: sqlite3.Connection | None = None) -> PoolPolicy:
        """The pool's policy now, read in ``conn``'s transaction when given: an admin's
        change applies from the next request on (docs/pool-admin.md)."""
        if conn is None:
            return self.read(lambda own: current_policy(own, self.settings))
        return current_policy(conn, self.settings)

    def write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """``fn`` in one write transaction."""
        return self.db.write(fn)

    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """``fn`` on this thread's connection, outside a transaction."""
        return self.db.read(fn)

    def view(self, conn: sqlite3.Connection, user: sqlite3.Row, token: str | None,
             expires_at: float | None) -> dict[str, Any]:
        """The user as the API shows it, with ``token`` when one goes with it."""
        return user_view(conn, user, self.identity.user_pool_id, token=token,
                         token_expires_at=expires_at)

    def auth_view(self, conn: sqlite3.Connection, auth: Authenticated,
                  user_id: str | None = None) -> dict[str, Any]:
        """The signed-in user (fresh from the database) with the token it presented."""
        row = self.tokens.token_of(conn, auth.jti)
        user = get_user(conn, user_id or auth.user["id"])
        return self.view(conn, user, auth.token, row["expires_at"] if row else None)

    def authenticate(self, caller: Caller) -> Authenticated:
        """The caller's user (2020 / 2206 otherwise)."""
        return self.read(lambda conn: self.tokens.authenticate(conn, caller.token))

    def require_recent_proof(self, conn: sqlite3.Connection, user_id: str, jti: str | None,
                             caller: Caller) -> None:
        """1650 unless the session ``jti`` proved who it is recently enough or the caller
        presents a live step-up proof of it (docs/step-up.md)."""
        require_recent_proof(conn, now=self.clock.now(),
                             max_age=self.policy(conn).step_up_max_age, user_id=user_id,
                             jti=jti, presented=caller.stepup_token)

    def check_password_proof(self, user: sqlite3.Row, raw: Any, kind: Any, *,
                             say_lock: bool = True) -> None:
        """A password given as a proof (``passwordEncryptType`` ``kind``: "rsa" or "none"),
        under the account's password guess limit: 2027 without a password, 2006 when wrong,
        and (``say_lock``) 2057 for the wrong guess that locks the account."""
        if not isinstance(raw, str) or not raw or len(raw) > MAX_PROOF_CHARS:
            raise PoolError(errors.PARAMS_INCOMPLETE, "password is required")
        if kind == "rsa":
            password = self.cipher.decrypt(raw)
        elif kind in (None, "none"):
            password = raw
        else:
            raise PoolError(errors.BAD_ARGUMENT, "passwordEncryptType must be none or rsa")
        if not user["password_hash"]:
            raise PoolError(errors.NO_PASSWORD, "this account has no password: use a code")
        # Registered before the (slow) check, in one transaction with the limit: concurrent
        # guesses cannot all be evaluated.
        with self.limits.password_proof(self.db, user["id"]) as guess:
            guess.right = verify_password(user["password_hash"], password)
        if say_lock and guess.locked_until is not None:  # this guess used up the limit
            raise self.limits.wrong_password(guess)
        if not guess.right:
            raise PoolError(errors.WRONG_PASSWORD, "wrong password")

    def proven(self, caller: Caller) -> Authenticated:
        """The caller's user, for a sensitive change: `authenticate`, then
        `require_recent_proof`."""
        def run(conn: sqlite3.Connection) -> Authenticated:
            auth = self.tokens.authenticate(conn, caller.token)
            self.require_recent_proof(conn, auth.user["id"], auth.jti, caller)
            return auth

        return self.read(run)

    def own(self, caller: Caller, user_id: str | None) -> Authenticated:
        """The caller's user, when ``user_id`` (if given) is that user (refused otherwise)."""
        auth = self.authenticate(caller)
        if user_id is not None and user_id != auth.user["id"]:
            raise PoolError(errors.NO_PERMISSION, "you can only read your own account")
        return auth

    def use_code(self, channel: str, destination: str, code: str | None,
                 scenes: tuple[str, ...]) -> None:
        """Spend a verification code (the wrong guess is committed before it is raised)."""
        problem = self.write(
            lambda conn: self.codes.verify(conn, channel, destination, code, scenes))
        if problem is not None:
            raise problem

    def decrypt(self, ciphertext: str | None, what: str = "password") -> str:
        """A password the client encrypted with the pool's public key."""
        if not ciphertext:
            raise PoolError(errors.PARAMS_INCOMPLETE, f"{what} is required")
        return self.cipher.decrypt(ciphertext)

    def revoke_all(self, conn: sqlite3.Connection, user_id: str,
                   keep_jti: str | None = None) -> None:
        """End every session of the user but ``keep_jti``'s (refresh tokens included)."""
        revoke_user_families(conn, user_id, self.clock.now(), keep_jti)
        conn.execute(
            "UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"
            " AND jti IS NOT ?", (self.clock.now(), user_id, keep_jti),
        )

    def login_result(self, conn: sqlite3.Connection, user_id: str, caller: Caller, *,
                     client_ip: str | None = None,
                     extra_claims: dict[str, Any] | None = None,
                     second_factor_passed: bool = False) -> dict[str, Any]:
        """Count a successful sign-in and issue the user's new login token (in ``conn``'s
        transaction); the user view carrying it. Every sign-in path ends here, so this is
        where a user with an enabled second factor is challenged (1635 / 1636) unless
        ``second_factor_passed``, and where the sign-in and its device are recorded."""
        if not second_factor_passed:
            self.second_factors.challenge(conn, get_user(conn, user_id), current_attempt()[0])
        ip = client_ip or caller.peer_ip
        conn.execute(
            "UPDATE users SET logins_count = logins_count + 1, last_login = ?, last_ip = ?"
            " WHERE id = ?", (self.clock.now(), ip, user_id),
        )
        user = get_user(conn, user_id)
        issued = self.tokens.issue(conn, user, client_ip=ip, user_agent=caller.user_agent,
                                   extra_claims=extra_claims)
        self.history.signed_in(conn, user_id, caller, ip, issued.jti)
        return self.view(conn, get_user(conn, user_id), issued.token, issued.exp)
