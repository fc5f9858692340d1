"""Sign-in and lockout: the password logins (with captcha and guess limits), the phone-code
login, the hosted page's password check and the captcha a sign-in must quote
(docs/local-pool-security.md)."""

from __future__ import annotations

import ipaddress
import sqlite3
from collections.abc import Callable
from typing import Any

from authing_desktop.localpool import errors, passwords, udf
from authing_desktop.localpool.codes import SMS, SMS_SCENE
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.guess_limits import ip_subject, password_subject
from authing_desktop.localpool.inputs import check_email, check_phone, check_username
from authing_desktop.localpool.login_history import current_attempt, login_attempt
from authing_desktop.localpool.pool_core import PoolCore
from authing_desktop.localpool.registration import Registration
from authing_desktop.localpool.tokens import FIRST_LOGIN, FORCE_RESET
from authing_desktop.localpool.users import (
    Caller,
    find_by_account,
    find_by_email,
    find_by_phone,
    find_by_username,
    get_user,
)

DAY_S = 86_400.0


def _is_loopback(ip: str | None) -> bool:
    if not ip:
        return False
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def captcha_key(caller: Caller, client_ip: str | None) -> str:
    """Whose captcha a login must quote: the clientIp argument, else the peer address."""
    return client_ip or caller.peer_ip or "unknown"


class SignIn:
    """loginBy*, the hosted page's password check and the captcha they may need."""

    def __init__(self, core: PoolCore, registration: Registration) -> None:
        self.core = core
        self.registration = registration

    def _ip_subject(self, caller: Caller, client_ip: str | None) -> str | None:
        if client_ip:
            return ip_subject(client_ip)
        if caller.peer_ip and (self.core.settings.count_loopback_peer
                               or not _is_loopback(caller.peer_ip)):
            return ip_subject(caller.peer_ip)
        return None

    def _check_captcha(self, key: str, answer: str | None) -> None:
        if not answer:
            # What a person reads; how a client gets the picture is in docs/protocol.md.
            raise PoolError(errors.CAPTCHA_REQUIRED, "Please enter the captcha.")
        if not self.core.captchas.consume(key, answer):
            raise PoolError(errors.WRONG_CODE, "The captcha is wrong.")

    def issue_captcha(self, caller: Caller, client_ip: str | None) -> str:
        """A new captcha code for the caller's key (its answer goes to the outbox)."""
        return self.core.write(lambda conn: self.core.captchas.issue(
            conn, captcha_key(caller, client_ip)))

    def _password_login(
        self, caller: Caller, *, finder: Callable[[sqlite3.Connection], sqlite3.Row | None],
        ciphertext: str | None, captcha_code: str | None, client_ip: str | None,
        auto_register: Callable[[str], dict[str, Any]] | None = None,
        plaintext: str | None = None, issue_token: bool = True,
        custom: list[tuple[str, str]] | None = None, name: str | None = None,
    ) -> dict[str, Any]:
        """A password sign-in of the user ``finder`` finds; ``name`` is the email, username
        or phone the user typed when it may be an email (the policy may refuse unverified
        emails)."""
        core = self.core
        password = plaintext if plaintext is not None else core.decrypt(ciphertext)
        user = core.read(finder)
        account = password_subject(user["id"]) if user is not None else None
        address = self._ip_subject(caller, client_ip)
        key = captcha_key(caller, client_ip)
        # Lockout and captcha first; the guess counts by its outcome (a right password clears
        # the count, even when the sign-in then stops at a challenge).
        with core.limits.sign_in(core.db, account, address,
                                 lambda: self._check_captcha(key, captcha_code),
                                 count=user is not None or auto_register is None) as guess:
            if user is None:
                if auto_register is not None:
                    return auto_register(password)
                guess.right = False
                raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
            guess.right = passwords.verify_password(user["password_hash"], password)
        if not guess.right:
            raise core.limits.wrong_password(guess)  # 2333, or 2057 when it locked the account
        user_id = user["id"]

        def succeed(conn: sqlite3.Connection) -> dict[str, Any] | PoolError:
            fresh = get_user(conn, user_id)
            problem = self._refusal(conn, fresh, name)
            if problem is not None:
                return problem
            if not issue_token:
                # The hosted page has no second-factor step yet: an account with a factor
                # is challenged (refused there), never let through on its password alone.
                core.second_factors.challenge(conn, fresh, current_attempt()[0])
                return {"id": user_id}
            self._store_custom(conn, user_id, custom)
            return core.login_result(conn, user_id, caller, client_ip=client_ip)

        result = core.write(succeed)
        if isinstance(result, PoolError):
            raise result
        return result

    def _refusal(self, conn: sqlite3.Connection, user: sqlite3.Row,
                 name: str | None) -> PoolError | None:
        """Why ``user``, whose password was right, may not sign in now (None: it may):
        blocked, unverified email when the policy requires it, first-login, forced or
        periodic password change (docs/pool-admin.md)."""
        core = self.core
        if user["blocked"] or user["status"] != "Activated":
            return PoolError(errors.USER_LOCKED, "this account is blocked")
        policy = core.policy(conn)
        if (policy.login_require_email_verified and name and user["email"]
                and name.strip().lower() == user["email"].lower()
                and not user["email_verified"]):
            return PoolError(errors.EMAIL_NOT_VERIFIED,
                             "the email address is not verified: verify it, then sign in")
        if user["reset_on_first_login"] and user["logins_count"] == 0:
            token = core.tokens.issue_purpose(conn, user["id"], FIRST_LOGIN)
            return PoolError(errors.FIRST_LOGIN_RESET,
                             "first login: set a new password", {"token": token})
        cycle = policy.password_update_policy
        changed = user["password_changed_at"] or user["created_at"]
        too_old = cycle.enabled and core.clock.now() - changed > cycle.forced_cycle * DAY_S
        if user["force_password_reset"] or too_old:
            token = core.tokens.issue_purpose(conn, user["id"], FORCE_RESET)
            return PoolError(errors.FORCED_RESET, "the password is too old: change it"
                             if too_old and not user["force_password_reset"]
                             else "the password must be changed", {"token": token})
        return None

    def _auto_register(self, caller: Caller, data: dict[str, Any], column: str, value: str,
                       source: str) -> Callable[[str], dict[str, Any]] | None:
        if not data.get("autoRegister"):
            return None

        def register(password: str) -> dict[str, Any]:
            if column == "username":
                check_username(value)
            return self.registration.register(
                caller=caller, data={column: value}, source=source, password=password,
                profile=None, params=data.get("params"), issue_token=True,
                client_ip=data.get("clientIp"), login=True,
            )

        return register

    def _login_by(self, caller: Caller, data: dict[str, Any], column: str, value: str,
                  finder: Callable[[sqlite3.Connection, str], sqlite3.Row | None],
                  source: str) -> dict[str, Any]:
        """A password login of the user whose ``column`` is ``value`` (input ``data``)."""
        custom = self._custom_data(data)
        return self._password_login(
            caller, finder=lambda conn: finder(conn, value),
            ciphertext=data.get("password"), captcha_code=data.get("captchaCode"),
            client_ip=data.get("clientIp"),
            auto_register=self._auto_register(caller, data, column, value, source),
            custom=custom, name=value if column == "email" else None,
        )

    def _custom_data(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """A login input's ``params`` checked like at registration, before anything else:
        a bad value spends no guess and no code (docs/local-pool.md, "Custom data at
        sign-in")."""
        return self.core.read(lambda conn: udf.prepare_params(conn, data.get("params")))

    def _store_custom(self, conn: sqlite3.Connection, user_id: str,
                      custom: list[tuple[str, str]] | None) -> None:
        """Store a sign-in's custom data (in the transaction that completes it: a sign-in
        stopped by a reset or a second factor stores nothing)."""
        now = self.core.clock.now()
        for key, value in custom or ():
            udf.store(conn, udf.USER, user_id, key, value, now)

    @login_attempt("loginByEmail", "email")
    def login_by_email(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByEmail(input)."""
        email = check_email(data.get("email"))
        return self._login_by(caller, data, "email", email, find_by_email, "basic:email")

    @login_attempt("loginByUsername", "username")
    def login_by_username(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByUsername(input)."""
        username = data.get("username") or ""
        if not username:
            raise PoolError(errors.PARAMS_INCOMPLETE, "username is required")
        return self._login_by(caller, data, "username", username, find_by_username,
                              "basic:username-password")

    @login_attempt("loginByPhonePassword", "phone")
    def login_by_phone_password(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByPhonePassword(input)."""
        phone = check_phone(data.get("phone"))
        return self._login_by(caller, data, "phone", phone, find_by_phone, "basic:phone")

    @login_attempt("loginBySubAccount", "sub_account")
    def login_by_sub_account(self, caller: Caller, account: str, password: str | None,
                             captcha_code: str | None, client_ip: str | None) -> dict[str, Any]:
        """loginBySubAccount(account, password, captchaCode, clientIp)."""
        def finder(conn: sqlite3.Connection) -> sqlite3.Row | None:
            row: sqlite3.Row | None = conn.execute(
                "SELECT u.* FROM sub_accounts s JOIN users u ON u.id = s.user_id"
                " WHERE u.username = ?", (account,),
            ).fetchone()
            return row

        return self._password_login(caller, finder=finder, ciphertext=password,
                                    captcha_code=captcha_code, client_ip=client_ip)

    def verify_account_password(self, caller: Caller, account: str, password: str,
                                captcha_code: str | None) -> str:
        """The hosted sign-in page's check: ``account`` is an email, username or phone, the
        password is plaintext (typed into the pool's own page). Same captcha, lockout and
        reset rules as the API logins; no token is issued. Returns the user id. A name that
        is one user's username and another's phone or email is refused (`find_by_account`)."""
        account = account.strip()
        if not account or not password:
            raise PoolError(errors.PARAMS_INCOMPLETE, "account and password are required")
        result = self._password_login(
            caller, finder=lambda conn: find_by_account(conn, account), ciphertext=None,
            captcha_code=captcha_code, client_ip=None, plaintext=password, issue_token=False,
            name=account)
        return str(result["id"])

    @login_attempt("loginByPhoneCode", "phone")
    def login_by_phone_code(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByPhoneCode(input): auto-registers unless ``autoRegister`` is false."""
        core = self.core
        phone = check_phone(data.get("phone"))
        custom = self._custom_data(data)
        core.use_code(SMS, phone, data.get("code"), (SMS_SCENE,))
        user = core.read(lambda conn: find_by_phone(conn, phone))
        client_ip = data.get("clientIp")
        if user is None:
            if data.get("autoRegister") is False:
                raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
            try:
                return self.registration.register(
                    caller=caller, data={"phone": phone, "phone_verified": 1},
                    source="basic:phone-code", password=None, profile=None,
                    params=data.get("params"), issue_token=True, client_ip=client_ip,
                    login=True,
                )
            except PoolError as exc:  # registered concurrently: sign that user in
                if exc.code != errors.USER_EXISTS:
                    raise
                user = core.read(lambda conn: find_by_phone(conn, phone))
                if user is None:
                    raise
        if user["blocked"] or user["status"] != "Activated":
            raise PoolError(errors.USER_LOCKED, "this account is blocked")
        user_id = user["id"]

        def succeed(conn: sqlite3.Connection) -> dict[str, Any]:
            conn.execute("UPDATE users SET phone_verified = 1 WHERE id = ?", (user_id,))
            self._store_custom(conn, user_id, custom)
            return core.login_result(conn, user_id, caller, client_ip=client_ip)

        return core.write(succeed)
