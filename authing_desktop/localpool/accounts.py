"""User operations of the pool: sign up, sign in (with captcha and lockout), tokens, codes,
password and profile changes, contact binding, custom data and what the user can reach.

Every public method is blocking (SQLite, argon2, RSA) and runs on a database worker thread.
Expensive steps (hashing, decryption) run outside the write transaction; uniqueness is left to
the database's UNIQUE constraints.
"""

from __future__ import annotations

import ipaddress
import json
import sqlite3
import time
from collections.abc import Callable
from typing import Any, TypeVar

from authing_desktop.localpool import access, errors, passwords, udf
from authing_desktop.localpool.captcha import CaptchaStore
from authing_desktop.localpool.codes import EMAIL, SMS, SMS_SCENE, CodeService
from authing_desktop.localpool.errors import PoolError
from authing_desktop.localpool.guess_limits import (
    Clock,
    GuessLimits,
    ip_subject,
    password_subject,
)
from authing_desktop.localpool.identity import PoolIdentity, new_id
from authing_desktop.localpool.inputs import (
    check_email,
    check_phone,
    check_profile_value,
    check_username,
)
from authing_desktop.localpool.login_history import LoginHistory, current_attempt, login_attempt
from authing_desktop.localpool.mfa_factors import SecondFactors
from authing_desktop.localpool.passwords import PasswordCipher
from authing_desktop.localpool.security_info import assess
from authing_desktop.localpool.settings import PoolSettings
from authing_desktop.localpool.storage import Database
from authing_desktop.localpool.tokens import (
    FIRST_LOGIN,
    FORCE_RESET,
    Authenticated,
    IssuedToken,
    TokenService,
)
from authing_desktop.localpool.users import (
    PROFILE_COLUMNS,
    Caller,
    find_by_account,
    find_by_email,
    find_by_phone,
    find_by_username,
    get_user,
    user_view,
)

T = TypeVar("T")

RESET_SCENES = ("RESET_PASSWORD", "VERIFY_CODE")
BIND_EMAIL_SCENES = ("VERIFY_EMAIL", "CHANGE_EMAIL", "VERIFY_CODE")
CHANGE_EMAIL_SCENES = ("CHANGE_EMAIL", "VERIFY_EMAIL", "VERIFY_CODE")
SMS_SCENES = (SMS_SCENE,)
# UpdateUserInput fields that are the pool's to manage, not the user's.
SYSTEM_FIELDS = frozenset({
    "unionid", "openid", "emailVerified", "phoneVerified", "oauth", "tokenExpiredAt",
    "loginsCount", "lastLogin", "lastIP", "blocked", "externalId", "mainDepartmentId",
    "mainDepartmentCode",
})
REGISTER_PROFILE_SKIP = frozenset({"ip", "oauth", "udf", "email", "phone", "username"})


def _is_loopback(ip: str | None) -> bool:
    if not ip:
        return False
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def _constraint(exc: sqlite3.IntegrityError) -> str:
    text = str(exc)
    for column in ("username", "email", "phone", "external_id"):
        if f"users.{column}" in text:
            return column
    return ""


class Accounts:
    """The pool's user-facing operations."""

    def __init__(self, db: Database, identity: PoolIdentity, settings: PoolSettings,
                 issuer: str, clock: Clock = time.time) -> None:
        self.db = db
        self.identity = identity
        self.settings = settings
        self.clock = clock  # the time of codes and guess limits
        self.cipher = PasswordCipher(identity.private_key)
        self.tokens = TokenService(identity, lifetime=settings.token_lifetime, issuer=issuer)
        self.codes = CodeService(settings, link_base=issuer, clock=clock)
        self.captchas = CaptchaStore(settings.captcha_lifetime)
        self.history = LoginHistory(identity.app_id)
        self.limits = GuessLimits(settings, clock)
        db.write(GuessLimits.reset_pending)
        self.second_factors = SecondFactors(identity)

    # ================================================================= helpers
    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        return self.db.write(fn)

    def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        return self.db.read(fn)

    def _view(self, conn: sqlite3.Connection, user: sqlite3.Row, token: str | None,
              expires_at: float | None) -> dict[str, Any]:
        return user_view(conn, user, self.identity.user_pool_id, token=token,
                         token_expires_at=expires_at)

    def _auth_view(self, conn: sqlite3.Connection, auth: Authenticated,
                   user_id: str | None = None) -> dict[str, Any]:
        row = self.tokens.token_of(conn, auth.jti)
        user = get_user(conn, user_id or auth.user["id"])
        return self._view(conn, user, auth.token, row["expires_at"] if row else None)

    def authenticate(self, caller: Caller) -> Authenticated:
        """The caller's user (2020 / 2206 otherwise)."""
        return self._read(lambda conn: self.tokens.authenticate(conn, caller.token))

    def _use_code(self, channel: str, destination: str, code: str | None,
                  scenes: tuple[str, ...]) -> None:
        problem = self._write(
            lambda conn: self.codes.verify(conn, channel, destination, code, scenes))
        if problem is not None:
            raise problem

    def _decrypt(self, ciphertext: str | None, what: str = "password") -> str:
        if not ciphertext:
            raise PoolError(errors.PARAMS_INCOMPLETE, f"{what} is required")
        return self.cipher.decrypt(ciphertext)

    def _login_result(self, conn: sqlite3.Connection, user_id: str,
                      caller: Caller, client_ip: str | None) -> dict[str, Any]:
        return self.login_result(conn, user_id, caller, client_ip=client_ip)

    # ================================================================= registration
    def _parse_params(self, params: str | None) -> list[tuple[str, Any]]:
        if not params:
            return []
        try:
            decoded = json.loads(params)
        except ValueError:
            raise PoolError(errors.BAD_ARGUMENT, "params must be a JSON string") from None
        if not isinstance(decoded, list):
            raise PoolError(errors.BAD_ARGUMENT, "params must be a JSON list of {key, value}")
        pairs = []
        for item in decoded:
            if not isinstance(item, dict) or not isinstance(item.get("key"), str):
                raise PoolError(errors.BAD_ARGUMENT, "params items must be {key, value}")
            pairs.append((item["key"], item.get("value")))
        return pairs

    def _register(
        self, *, caller: Caller, data: dict[str, Any], source: str, password: str | None,
        profile: dict[str, Any] | None, params: str | None, issue_token: bool,
        client_ip: str | None = None, login: bool = False,
    ) -> dict[str, Any]:
        """Create a user from ``data`` (identifier columns), then optionally sign it in."""
        fields: dict[str, Any] = dict(data)
        profile = profile or {}
        for key, value in profile.items():
            if key in REGISTER_PROFILE_SKIP or value is None:
                continue
            column = PROFILE_COLUMNS.get(key)
            if column is None:
                raise PoolError(errors.BAD_ARGUMENT, f"unknown profile field {key!r}")
            fields[column] = check_profile_value(key, value)
        if profile.get("email") and "email" not in fields:
            fields["email"] = check_email(profile["email"])
        if profile.get("phone") and "phone" not in fields:
            fields["phone"] = check_phone(profile["phone"])
        if profile.get("username") and "username" not in fields:
            fields["username"] = check_username(profile["username"])
        custom = self._parse_params(params)
        udf_inputs = profile.get("udf") or []
        if password is not None:
            passwords.check_policy(password)

        def exists(conn: sqlite3.Connection) -> bool:
            return any(
                finder(conn, fields[column]) is not None
                for column, finder in (("email", find_by_email), ("username", find_by_username),
                                       ("phone", find_by_phone))
                if fields.get(column)
            )

        def validate_udf(conn: sqlite3.Connection) -> list[tuple[str, str]]:
            prepared = [(k, udf.prepare_raw(conn, udf.USER, k, v)) for k, v in custom]
            for item in udf_inputs:
                if not isinstance(item, dict) or not isinstance(item.get("key"), str):
                    raise PoolError(errors.BAD_ARGUMENT, "profile.udf items must be {key, value}")
                prepared.append((item["key"], udf.prepare_json(
                    conn, udf.USER, item["key"], str(item.get("value", "")))))
            return prepared

        if self._read(exists):
            raise PoolError(errors.USER_EXISTS, "user already exists")
        prepared = self._read(validate_udf)
        if password is not None:
            fields["password_hash"] = passwords.hash_password(password)
            fields["password_level"] = passwords.security_level(password)
        user_id = new_id()
        now = time.time()
        fields.update(id=user_id, register_source=json.dumps([source]), created_at=now,
                      updated_at=now)

        def insert(conn: sqlite3.Connection) -> dict[str, Any]:
            columns = ", ".join(fields)
            marks = ", ".join("?" for _ in fields)
            try:
                conn.execute(f"INSERT INTO users({columns}) VALUES ({marks})",  # noqa: S608
                             tuple(fields.values()))
            except sqlite3.IntegrityError as exc:
                raise PoolError(errors.USER_EXISTS, "user already exists") from exc
            for key, value in prepared:
                udf.store(conn, udf.USER, user_id, key, value)
            if login:
                return self._login_result(conn, user_id, caller, client_ip)
            user = get_user(conn, user_id)
            if issue_token:
                issued = self.tokens.issue(conn, user, client_ip=client_ip or caller.peer_ip,
                                           user_agent=caller.user_agent)
                return self._view(conn, user, issued.token, issued.exp)
            return self._view(conn, user, None, None)

        return self._write(insert)

    def register_by_email(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """registerByEmail(input)."""
        email = check_email(data.get("email"))
        password = self._decrypt(data.get("password"))
        return self._register(
            caller=caller, data={"email": email}, source="basic:email", password=password,
            profile=data.get("profile"), params=data.get("params"),
            issue_token=bool(data.get("forceLogin") or data.get("generateToken")),
            client_ip=data.get("clientIp"),
        )

    def register_by_username(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """registerByUsername(input)."""
        username = check_username(data.get("username"))
        password = self._decrypt(data.get("password"))
        return self._register(
            caller=caller, data={"username": username}, source="basic:username-password",
            password=password, profile=data.get("profile"), params=data.get("params"),
            issue_token=bool(data.get("forceLogin") or data.get("generateToken")),
            client_ip=data.get("clientIp"),
        )

    def register_by_phone_code(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """registerByPhoneCode(input): the SMS code proves the phone."""
        phone = check_phone(data.get("phone"))
        password = self._decrypt(data["password"]) if data.get("password") else None
        if password is not None:
            passwords.check_policy(password)
        if self._read(lambda conn: find_by_phone(conn, phone)) is not None:
            raise PoolError(errors.USER_EXISTS, "user already exists")
        self._use_code(SMS, phone, data.get("code"), SMS_SCENES)
        return self._register(
            caller=caller, data={"phone": phone, "phone_verified": 1},
            source="basic:phone-code", password=password, profile=data.get("profile"),
            params=data.get("params"),
            issue_token=bool(data.get("forceLogin") or data.get("generateToken")),
            client_ip=data.get("clientIp"),
        )

    # ================================================================= sign in
    def _ip_subject(self, caller: Caller, client_ip: str | None) -> str | None:
        if client_ip:
            return ip_subject(client_ip)
        if caller.peer_ip and (self.settings.count_loopback_peer
                               or not _is_loopback(caller.peer_ip)):
            return ip_subject(caller.peer_ip)
        return None

    @staticmethod
    def captcha_key(caller: Caller, client_ip: str | None) -> str:
        """Whose captcha a login must quote: the clientIp argument, else the peer address."""
        return client_ip or caller.peer_ip or "unknown"

    def _check_captcha(self, key: str, answer: str | None) -> None:
        if not answer:
            raise PoolError(errors.CAPTCHA_REQUIRED,
                            "captcha required: fetch GET /api/v2/security/captcha and send"
                            " captchaCode")
        if not self.captchas.consume(key, answer):
            raise PoolError(errors.WRONG_CODE, "wrong captcha code")

    def _password_login(
        self, caller: Caller, *, finder: Callable[[sqlite3.Connection], sqlite3.Row | None],
        ciphertext: str | None, captcha_code: str | None, client_ip: str | None,
        auto_register: Callable[[str], dict[str, Any]] | None = None,
        plaintext: str | None = None, issue_token: bool = True,
    ) -> dict[str, Any]:
        password = plaintext if plaintext is not None else self._decrypt(ciphertext)
        user = self._read(finder)
        account = password_subject(user["id"]) if user is not None else None
        address = self._ip_subject(caller, client_ip)
        key = self.captcha_key(caller, client_ip)
        # Lockout and captcha first; the guess counts by its outcome (a right password clears
        # the count, even when the sign-in then stops at a challenge).
        with self.limits.sign_in(self.db, account, address,
                                 lambda: self._check_captcha(key, captcha_code),
                                 count=user is not None or auto_register is None) as guess:
            if user is None:
                if auto_register is not None:
                    return auto_register(password)
                guess.right = False
                raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
            guess.right = passwords.verify_password(user["password_hash"], password)
            if not guess.right:
                raise PoolError(errors.WRONG_CREDENTIALS, "wrong account or password")
        user_id = user["id"]

        def succeed(conn: sqlite3.Connection) -> dict[str, Any] | PoolError:
            fresh = get_user(conn, user_id)
            if fresh["blocked"] or fresh["status"] != "Activated":
                return PoolError(errors.USER_LOCKED, "this account is blocked")
            if fresh["reset_on_first_login"] and fresh["logins_count"] == 0:
                token = self.tokens.issue_purpose(conn, user_id, FIRST_LOGIN)
                return PoolError(errors.FIRST_LOGIN_RESET,
                                 "first login: set a new password", {"token": token})
            if fresh["force_password_reset"]:
                token = self.tokens.issue_purpose(conn, user_id, FORCE_RESET)
                return PoolError(errors.FORCED_RESET,
                                 "the password must be changed", {"token": token})
            if not issue_token:
                # The hosted page has no second-factor step yet: an account with a factor
                # is challenged (refused there), never let through on its password alone.
                self.second_factors.challenge(conn, fresh, current_attempt()[0])
                return {"id": user_id}
            return self._login_result(conn, user_id, caller, client_ip)

        result = self._write(succeed)
        if isinstance(result, PoolError):
            raise result
        return result

    def _auto_register(self, caller: Caller, data: dict[str, Any], column: str, value: str,
                       source: str) -> Callable[[str], dict[str, Any]] | None:
        if not data.get("autoRegister"):
            return None

        def register(password: str) -> dict[str, Any]:
            if column == "username":
                check_username(value)
            return self._register(
                caller=caller, data={column: value}, source=source, password=password,
                profile=None, params=data.get("params"), issue_token=True,
                client_ip=data.get("clientIp"), login=True,
            )

        return register

    @login_attempt("loginByEmail", "email")
    def login_by_email(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByEmail(input)."""
        email = check_email(data.get("email"))
        return self._password_login(
            caller, finder=lambda conn: find_by_email(conn, email),
            ciphertext=data.get("password"), captcha_code=data.get("captchaCode"),
            client_ip=data.get("clientIp"),
            auto_register=self._auto_register(caller, data, "email", email, "basic:email"),
        )

    @login_attempt("loginByUsername", "username")
    def login_by_username(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByUsername(input)."""
        username = data.get("username") or ""
        if not username:
            raise PoolError(errors.PARAMS_INCOMPLETE, "username is required")
        return self._password_login(
            caller, finder=lambda conn: find_by_username(conn, username),
            ciphertext=data.get("password"), captcha_code=data.get("captchaCode"),
            client_ip=data.get("clientIp"),
            auto_register=self._auto_register(
                caller, data, "username", username, "basic:username-password"),
        )

    @login_attempt("loginByPhonePassword", "phone")
    def login_by_phone_password(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByPhonePassword(input)."""
        phone = check_phone(data.get("phone"))
        return self._password_login(
            caller, finder=lambda conn: find_by_phone(conn, phone),
            ciphertext=data.get("password"), captcha_code=data.get("captchaCode"),
            client_ip=data.get("clientIp"),
            auto_register=self._auto_register(caller, data, "phone", phone, "basic:phone"),
        )

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
            captcha_code=captcha_code, client_ip=None, plaintext=password, issue_token=False)
        return str(result["id"])

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
        now = time.time()
        ip = client_ip or caller.peer_ip
        conn.execute(
            "UPDATE users SET logins_count = logins_count + 1, last_login = ?, last_ip = ?"
            " WHERE id = ?", (now, ip, user_id),
        )
        user = get_user(conn, user_id)
        issued = self.tokens.issue(conn, user, client_ip=ip, user_agent=caller.user_agent,
                                   extra_claims=extra_claims)
        self.history.signed_in(conn, user_id, caller, ip, issued.jti)
        return self._view(conn, get_user(conn, user_id), issued.token, issued.exp)

    @login_attempt("loginByPhoneCode", "phone")
    def login_by_phone_code(self, caller: Caller, data: dict[str, Any]) -> dict[str, Any]:
        """loginByPhoneCode(input): auto-registers unless ``autoRegister`` is false."""
        phone = check_phone(data.get("phone"))
        self._use_code(SMS, phone, data.get("code"), SMS_SCENES)
        user = self._read(lambda conn: find_by_phone(conn, phone))
        client_ip = data.get("clientIp")
        if user is None:
            if data.get("autoRegister") is False:
                raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
            try:
                return self._register(
                    caller=caller, data={"phone": phone, "phone_verified": 1},
                    source="basic:phone-code", password=None, profile=None,
                    params=data.get("params"), issue_token=True, client_ip=client_ip,
                    login=True,
                )
            except PoolError as exc:  # registered concurrently: sign that user in
                if exc.code != errors.USER_EXISTS:
                    raise
                user = self._read(lambda conn: find_by_phone(conn, phone))
                if user is None:
                    raise
        if user["blocked"] or user["status"] != "Activated":
            raise PoolError(errors.USER_LOCKED, "this account is blocked")
        user_id = user["id"]

        def succeed(conn: sqlite3.Connection) -> dict[str, Any]:
            conn.execute("UPDATE users SET phone_verified = 1 WHERE id = ?", (user_id,))
            return self._login_result(conn, user_id, caller, client_ip)

        return self._write(succeed)

    def issue_captcha(self, caller: Caller, client_ip: str | None) -> str:
        """A new captcha code for the caller's key."""
        return self.captchas.issue(self.captcha_key(caller, client_ip))

    # ================================================================= tokens
    def check_login_status(self, token: str | None) -> dict[str, Any]:
        """checkLoginStatus(token)."""
        return self._read(lambda conn: self.tokens.status(conn, token))

    def current_user(self, caller: Caller) -> dict[str, Any]:
        """users/me: the user with the token that authenticated this request."""
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            auth = self.tokens.authenticate(conn, caller.token)
            return self._auth_view(conn, auth)

        return self._read(run)

    def refresh_token(self, caller: Caller) -> dict[str, Any]:
        """refreshToken: a new current token; the presented one is rotated out."""
        auth = self.authenticate(caller)

        def run(conn: sqlite3.Connection) -> IssuedToken:
            self.tokens.authenticate(conn, caller.token)  # not revoked meanwhile
            issued = self.tokens.issue(conn, get_user(conn, auth.user["id"]),
                                       client_ip=caller.peer_ip, user_agent=caller.user_agent)
            self.tokens.revoke(conn, auth.jti)
            return issued

        issued = self._write(run)
        return {"token": issued.token, "iat": issued.iat, "exp": issued.exp}

    def logout(self, caller: Caller, everywhere: bool = False) -> None:
        """Revoke the presented token (2020 when it is not a live token); ``everywhere``:
        every token of the user (beyond-v2 spec 2.4 "sign out everywhere")."""
        auth = self.authenticate(caller)
        if everywhere:
            self._write(lambda conn: self._revoke_all(conn, auth.user["id"]))
        else:
            self._write(lambda conn: self.tokens.revoke(conn, auth.jti))

    # ================================================================= codes
    def send_sms(self, phone: str | None) -> None:
        """sms/send: a code to ``phone`` (2028 bad phone, 2080 too soon)."""
        target = check_phone(phone)
        self._write(lambda conn: self.codes.send(conn, SMS, target, SMS_SCENE))

    def send_email(self, email: str | None, scene: str) -> None:
        """sendEmail(email, scene)."""
        target = check_email(email)
        self._write(lambda conn: self.codes.send(conn, EMAIL, target, scene))

    def verify_email_link(self, token: str | None) -> str:
        """Local pool only: follow a VERIFY_EMAIL link; marks the address verified on the
        account that has it (2001 bad or used link, 2300 expired, 2004 no such account now)."""
        def verify(conn: sqlite3.Connection) -> str:
            email = self.codes.use_link(conn, token)
            updated = conn.execute(
                "UPDATE users SET email_verified = 1, updated_at = ? WHERE email = ?",
                (time.time(), email)).rowcount
            if not updated:
                raise PoolError(errors.USER_NOT_FOUND,
                                "no account has this email address any more")
            return email

        return self._write(verify)

    # ================================================================= passwords
    def _set_password(self, conn: sqlite3.Connection, user_id: str, password_hash: str,
                      level: int) -> None:
        conn.execute(
            "UPDATE users SET password_hash = ?, password_level = ?, reset_on_first_login = 0,"
            " force_password_reset = 0, updated_at = ? WHERE id = ?",
            (password_hash, level, time.time(), user_id),
        )
        self.limits.clear(conn, password_subject(user_id))

    def _prove_password(self, user: sqlite3.Row, password: str) -> bool:
        """Whether ``password`` is the user's, within the account's guess limit (2005 once
        it is used up)."""
        with self.limits.password_proof(self.db, user["id"]) as guess:
            guess.right = passwords.verify_password(user["password_hash"], password)
        return guess.right

    def _revoke_all(self, conn: sqlite3.Connection, user_id: str,
                    keep_jti: str | None = None) -> None:
        conn.execute(
            "UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"
            " AND jti IS NOT ?", (time.time(), user_id, keep_jti),
        )

    def reset_password(self, phone: str | None, email: str | None, code: str | None,
                       new_password: str | None) -> dict[str, Any]:
        """resetPassword by phone or email code; ends every session of the user."""
        if bool(phone) == bool(email):
            raise PoolError(errors.PARAMS_INCOMPLETE, "give either phone or email")
        password = self._decrypt(new_password, "newPassword")
        passwords.check_policy(password)
        if phone:
            target = check_phone(phone)
            user = self._read(lambda conn: find_by_phone(conn, target))
        else:
            target = check_email(email)
            user = self._read(lambda conn: find_by_email(conn, target))
        if user is None:
            raise PoolError(errors.USER_NOT_FOUND, "user does not exist")
        if phone:
            self._use_code(SMS, target, code, SMS_SCENES)
        else:
            self._use_code(EMAIL, target, code, RESET_SCENES)
        hashed = passwords.hash_password(password)
        level = passwords.security_level(password)

        def run(conn: sqlite3.Connection) -> None:
            self._set_password(conn, user["id"], hashed, level)
            self._revoke_all(conn, user["id"])

        self._write(run)
        return {"code": 200, "message": "password reset"}

    def reset_password_by_first_login_token(self, token: str, password_enc: str
                                            ) -> dict[str, Any]:
        """resetPasswordByFirstLoginToken(token, password)."""
        password = self._decrypt(password_enc)
        passwords.check_policy(password)
        hashed = passwords.hash_password(password)
        level = passwords.security_level(password)

        def run(conn: sqlite3.Connection) -> None:
            user_id = self.tokens.consume_purpose(conn, token, FIRST_LOGIN)
            self._set_password(conn, user_id, hashed, level)

        self._write(run)
        return {"code": 200, "message": "password set, log in again"}

    def reset_password_by_force_reset_token(self, token: str, old_enc: str, new_enc: str
                                            ) -> dict[str, Any]:
        """resetPasswordByForceResetToken(token, oldPassword, newPassword)."""
        old = self._decrypt(old_enc, "oldPassword")
        new = self._decrypt(new_enc, "newPassword")
        passwords.check_policy(new)
        if old == new:
            raise PoolError(errors.WEAK_PASSWORD, "the new password must differ from the old one")
        hashed = passwords.hash_password(new)
        level = passwords.security_level(new)
        # Validate without burning: a wrong old password should not waste the reset token.
        user_id = self._read(
            lambda conn: self.tokens.consume_purpose(conn, token, FORCE_RESET, burn=False))
        user = self._read(lambda conn: get_user(conn, user_id))
        if not self._prove_password(user, old):
            raise PoolError(errors.OLD_PASSWORD_WRONG, "the old password is wrong")

        def run(conn: sqlite3.Connection) -> None:
            self.tokens.consume_purpose(conn, token, FORCE_RESET)
            self._set_password(conn, user_id, hashed, level)

        self._write(run)
        return {"code": 200, "message": "password changed, log in again"}

    def update_password(self, caller: Caller, new_enc: str | None,
                        old_enc: str | None) -> dict[str, Any]:
        """updatePassword(newPassword, oldPassword); other sessions are signed out."""
        auth = self.authenticate(caller)
        new = self._decrypt(new_enc, "newPassword")
        passwords.check_policy(new)
        if auth.user["password_hash"]:
            if not old_enc:
                raise PoolError(errors.OLD_PASSWORD_REQUIRED, "the current password is required")
            old = self._decrypt(old_enc, "oldPassword")
            if not self._prove_password(auth.user, old):
                raise PoolError(errors.OLD_PASSWORD_WRONG, "the current password is wrong")
        hashed = passwords.hash_password(new)
        level = passwords.security_level(new)

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            self._set_password(conn, auth.user["id"], hashed, level)
            self._revoke_all(conn, auth.user["id"], keep_jti=auth.jti)
            return self._auth_view(conn, auth)

        return self._write(run)

    # ================================================================= profile
    def update_profile(self, caller: Caller, user_id: str | None,
                       updates: dict[str, Any]) -> dict[str, Any]:
        """updateUser(id, input) for the signed-in user."""
        auth = self.authenticate(caller)
        if user_id is not None and user_id != auth.user["id"]:
            raise PoolError(errors.NO_PERMISSION, "you can only update your own profile")
        changes: dict[str, Any] = {}
        for key, value in updates.items():
            if key == "email":
                raise PoolError(errors.EMAIL_VIA_UPDATE_USER,
                                "email cannot be changed here: use updateEmail / bindEmail")
            if key == "phone":
                raise PoolError(errors.PHONE_VIA_UPDATE_USER,
                                "phone cannot be changed here: use updatePhone / bindPhone")
            if key == "password":
                raise PoolError(errors.NO_PERMISSION,
                                "password cannot be changed here: use updatePassword")
            if key in SYSTEM_FIELDS:
                raise PoolError(errors.NO_PERMISSION, f"{key} is managed by the pool")
            if key == "username":
                if value is None:
                    raise PoolError(errors.BAD_ARGUMENT, "username cannot be removed")
                changes["username"] = check_username(value)
                continue
            column = PROFILE_COLUMNS.get(key)
            if column is None:
                raise PoolError(errors.BAD_ARGUMENT, f"unknown field {key!r}")
            changes[column] = check_profile_value(key, value)
        if "gender" in changes and changes["gender"] is None:
            changes["gender"] = "U"

        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            if changes:
                sets = ", ".join(f"{column} = ?" for column in changes)
                try:
                    conn.execute(f"UPDATE users SET {sets}, updated_at = ? WHERE id = ?",  # noqa: S608
                                 (*changes.values(), time.time(), auth.user["id"]))
                except sqlite3.IntegrityError as exc:
                    raise PoolError(errors.USERNAME_EXISTS, "username already exists") from exc
            return self._auth_view(conn, auth)

        return self._write(run)

    # ================================================================= contacts
    @staticmethod
    def _login_methods(user: sqlite3.Row, *, without: str) -> int:
        has_password = bool(user["password_hash"])
        methods = 0
        if user["phone"] and without != "phone":
            methods += 1
        if user["email"] and has_password and without != "email":
            methods += 1
        if user["username"] and has_password:
            methods += 1
        return methods

    def _set_contact(self, auth: Authenticated, column: str, value: str | None,
                     verified_column: str, taken_code: int, taken_text: str) -> dict[str, Any]:
        def run(conn: sqlite3.Connection) -> dict[str, Any]:
            try:
                conn.execute(
                    f"UPDATE users SET {column} = ?, {verified_column} = ?, updated_at = ?"  # noqa: S608
                    f" WHERE id = ?",
                    (value, 1 if value else 0, time.time(), auth.user["id"]),
                )
            except sqlite3.IntegrityError as exc:
                raise PoolError(taken_code, taken_text) from exc
            return self._auth_view(conn, auth)

        return self._write(run)

    def bind_phone(self, caller: Caller, phone: str, code: str) -> dict[str, Any]:
        """bindPhone: first phone of the account."""
        auth = self.authenticate(caller)
        target = check_phone(phone)
        if auth.user["phone"]:
            raise PoolError(errors.PHONE_BOUND,
                            "a phone is already bound to this account: use updatePhone")
        if self._read(lambda conn: find_by_phone(conn, target)) is not None:
            raise PoolError(errors.PHONE_BOUND, "this phone is already bound to another account")
        self._use_code(SMS, target, code, SMS_SCENES)
        return self._set_contact(auth, "phone", target, "phone_verified", errors.PHONE_BOUND,
                                 "this phone is already bound to another account")

    def unbind_phone(self, caller: Caller) -> dict[str, Any]:
        """unbindPhone (2217 when it is the last way to sign in)."""
        auth = self.authenticate(caller)
        if not auth.user["phone"]:
            raise PoolError(errors.NO_PHONE_BOUND, "no phone is bound to this account")
        if self._login_methods(auth.user, without="phone") == 0:
            raise PoolError(errors.LAST_LOGIN_METHOD,
                            "the phone is the only way to sign in: bind an email first")
        return self._set_contact(auth, "phone", None, "phone_verified", errors.PHONE_BOUND, "")

    def update_phone(self, caller: Caller, phone: str, code: str, old_phone: str | None,
                     old_code: str | None) -> dict[str, Any]:
        """updatePhone: the old phone must be proven with its own code."""
        auth = self.authenticate(caller)
        target = check_phone(phone)
        current = auth.user["phone"]
        if not current:
            raise PoolError(errors.NO_PHONE_BOUND, "no phone is bound yet: use bindPhone")
        if target == current:
            raise PoolError(errors.SAME_PHONE, "the new phone equals the current one")
        if self._read(lambda conn: find_by_phone(conn, target)) is not None:
            raise PoolError(errors.PHONE_BOUND, "this phone is already bound to another account")
        if not old_phone or not old_code:
            raise PoolError(errors.OLD_PHONE_MISMATCH if old_phone else errors.PARAMS_INCOMPLETE,
                            "verify the current phone: oldPhone and oldPhoneCode are required")
        if old_phone.strip() != current:
            raise PoolError(errors.OLD_PHONE_MISMATCH, "oldPhone is not the bound phone")
        self._use_code(SMS, current, old_code, SMS_SCENES)
        self._use_code(SMS, target, code, SMS_SCENES)
        return self._set_contact(auth, "phone", target, "phone_verified", errors.PHONE_BOUND,
                                 "this phone is already bound to another account")

    def bind_email(self, caller: Caller, email: str, code: str) -> dict[str, Any]:
        """bindEmail: first email of the account."""
        auth = self.authenticate(caller)
        target = check_email(email)
        if auth.user["email"]:
            raise PoolError(errors.EMAIL_BOUND,
                            "an email is already bound to this account: use updateEmail")
        if self._read(lambda conn: find_by_email(conn, target)) is not None:
            raise PoolError(errors.EMAIL_BOUND, "this email is already bound to another account")
        self._use_code(EMAIL, target, code, BIND_EMAIL_SCENES)
        return self._set_contact(auth, "email", target, "email_verified", errors.EMAIL_BOUND,
                                 "this email is already bound to another account")

    def unbind_email(self, caller: Caller) -> dict[str, Any]:
        """unbindEmail (2217 when it is the last way to sign in)."""
        auth = self.authenticate(caller)
        if not auth.user["email"]:
            raise PoolError(errors.NO_EMAIL_BOUND, "no email is bound to this account")
        if self._login_methods(auth.user, without="email") == 0:
            raise PoolError(errors.LAST_LOGIN_METHOD,
                            "the email is the only way to sign in: bind a phone first")
        return self._set_contact(auth, "email", None, "email_verified", errors.EMAIL_BOUND, "")

    def update_email(self, caller: Caller, email: str, code: str, old_email: str | None,
                     old_code: str | None) -> dict[str, Any]:
        """updateEmail: the old email must be proven with its own code."""
        auth = self.authenticate(caller)
        target = check_email(email)
        current = auth.user["email"]
        if not current:
            raise PoolError(errors.NO_EMAIL_BOUND, "no email is bound yet: use bindEmail")
        if target.lower() == current.lower():
            raise PoolError(errors.SAME_EMAIL, "the new email equals the current one")
        if self._read(lambda conn: find_by_email(conn, target)) is not None:
            raise PoolError(errors.EMAIL_BOUND, "this email is already bound to another account")
        if not old_email or not old_code:
            raise PoolError(errors.OLD_EMAIL_PROOF,
                            "verify the current email: oldEmail and oldEmailCode are required")
        if old_email.strip().lower() != current.lower():
            raise PoolError(errors.OLD_EMAIL_MISMATCH, "oldEmail is not the bound email")
        self._use_code(EMAIL, current, old_code, CHANGE_EMAIL_SCENES)
        self._use_code(EMAIL, target, code, CHANGE_EMAIL_SCENES)
        return self._set_contact(auth, "email", target, "email_verified", errors.EMAIL_BOUND,
                                 "this email is already bound to another account")

    # ================================================================= custom data
    def _udv_target(self, auth: Authenticated, target_type: str, target_id: str) -> None:
        if target_type != udf.USER or target_id != auth.user["id"]:
            raise PoolError(errors.NO_PERMISSION, "you can only access your own custom data")

    def list_udv(self, caller: Caller, target_type: str, target_id: str) -> list[dict[str, Any]]:
        """udv(targetType, targetId)."""
        auth = self.authenticate(caller)
        self._udv_target(auth, target_type, target_id)
        return self._read(lambda conn: udf.values(conn, udf.USER, target_id))

    def set_udv(self, caller: Caller, target_type: str, target_id: str,
                items: list[tuple[str, str]]) -> list[dict[str, Any]]:
        """setUdv / setUdvBatch: JSON-text values, all or nothing."""
        auth = self.authenticate(caller)
        self._udv_target(auth, target_type, target_id)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            prepared = [(key, udf.prepare_json(conn, udf.USER, key, text)) for key, text in items]
            for key, value in prepared:
                udf.store(conn, udf.USER, target_id, key, value)
            return udf.values(conn, udf.USER, target_id)

        return self._write(run)

    def remove_udv(self, caller: Caller, target_type: str, target_id: str,
                   key: str) -> list[dict[str, Any]]:
        """removeUdv."""
        auth = self.authenticate(caller)
        self._udv_target(auth, target_type, target_id)

        def run(conn: sqlite3.Connection) -> list[dict[str, Any]]:
            udf.remove(conn, udf.USER, target_id, key)
            return udf.values(conn, udf.USER, target_id)

        return self._write(run)

    def udf_definitions(self, caller: Caller, target_type: str) -> list[dict[str, Any]]:
        """The pool's custom field definitions. USER definitions are public (a registration
        form shows them before anyone signs in; they hold no values); the other target types
        need a signed-in caller (2020 otherwise)."""
        if target_type != udf.USER:
            self.authenticate(caller)
        return self._read(lambda conn: udf.definitions(conn, target_type))

    # ================================================================= reach
    def _own(self, caller: Caller, user_id: str | None) -> Authenticated:
        auth = self.authenticate(caller)
        if user_id is not None and user_id != auth.user["id"]:
            raise PoolError(errors.NO_PERMISSION, "you can only read your own account")
        return auth

    def user_by_id(self, caller: Caller, user_id: str | None) -> dict[str, Any]:
        """user(id): the signed-in user (nested fields resolve on demand)."""
        auth = self._own(caller, user_id)
        return self._read(lambda conn: self._auth_view(conn, auth))

    def roles(self, user_id: str, namespace: str | None) -> dict[str, Any]:
        """The user's roles."""
        pool_id = self.identity.user_pool_id
        return self._read(lambda conn: access.user_roles(conn, user_id, namespace, pool_id))

    def authorized_resources(self, user_id: str, namespace: str | None,
                             resource_type: str | None) -> dict[str, Any]:
        """Resources granted through the user's roles."""
        return self._read(lambda conn: access.authorized_resources(
            conn, user_id, namespace, resource_type))

    def departments(self, user_id: str, org_id: str | None) -> dict[str, Any]:
        """The user's departments."""
        pool_id = self.identity.user_pool_id
        return self._read(lambda conn: access.user_departments(conn, user_id, org_id, pool_id))

    def custom_data(self, user_id: str) -> list[dict[str, Any]]:
        """The user's UDF values (User.customData)."""
        return self._read(lambda conn: udf.values(conn, udf.USER, user_id))

    def orgs(self, caller: Caller) -> list[list[Any]]:
        """users/me/orgs."""
        auth = self.authenticate(caller)
        pool_id = self.identity.user_pool_id
        return self._read(lambda conn: access.user_org_paths(conn, auth.user["id"], pool_id))

    def applications(self, caller: Caller, page: Any, limit: Any) -> dict[str, Any]:
        """users/me/applications/allowed."""
        self.authenticate(caller)
        page_n, limit_n = access.page_args(page, limit)
        pool_id = self.identity.user_pool_id
        return self._read(lambda conn: access.applications(conn, pool_id, page_n, limit_n))

    def security_level(self, caller: Caller) -> dict[str, Any]:
        """users/me/security-level (the computation and its formula: `security_info`)."""
        user = self.authenticate(caller).user
        return self._read(lambda conn: assess(conn, user, self.second_factors).v2())

    def is_user_exists(self, email: str | None, phone: str | None, username: str | None,
                       external_id: str | None) -> bool:
        """isUserExists: any given identifier matches a user."""
        def run(conn: sqlite3.Connection) -> bool:
            if email and find_by_email(conn, email) is not None:
                return True
            if phone and find_by_phone(conn, phone) is not None:
                return True
            if username and find_by_username(conn, username) is not None:
                return True
            return bool(external_id) and conn.execute(
                "SELECT 1 FROM users WHERE external_id = ?", (external_id,)).fetchone() is not None

        return self._read(run)
