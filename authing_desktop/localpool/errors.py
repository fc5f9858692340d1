"""Business errors of the local pool, carrying Authing's numeric codes (docs/protocol.md, Error
codes)."""

from __future__ import annotations

from typing import Any

# Authing codes used by the pool. Codes Authing does not define are local choices and say so.
SYSTEM_BUSY = 1000
NO_PERMISSION = 1001
FIRST_LOGIN_RESET = 1639
CAPTCHA_REQUIRED = 2000
WRONG_CODE = 2001
BAD_EMAIL = 2003
USER_NOT_FOUND = 2004
USER_LOCKED = 2005
DECRYPT_FAILED = 2016
WRONG_PASSWORD = 2006  # a password given as a proof (account deletion, step-up) is wrong
# Authing lists 2022 as "用户邮箱验证失败"; the pool answers it to a sign-in that the policy's
# loginRequireEmailVerified refuses (docs/pool-admin.md).
EMAIL_NOT_VERIFIED = 2022
NOT_LOGGED_IN = 2020
USER_EXISTS = 2026
NO_PASSWORD = 2027
BAD_PHONE = 2028
WEAK_PASSWORD = 2029
REGISTER_DISABLED = 2031
USERNAME_EXISTS = 2034
PHONE_BOUND = 2035
OLD_EMAIL_MISMATCH = 2037
OLD_PHONE_MISMATCH = 2038
ACCOUNT_LOCKED_NOW = 2057  # the wrong password that locks the account (docs/pool-admin.md)
FORCED_RESET = 2058
SEND_TOO_OFTEN = 2080  # the v3 apiCode for a too-frequent code send (docs/protocol.md, Error codes)
REGISTER_TOO_OFTEN = 2100
EMAIL_BOUND = 2200
OLD_PASSWORD_REQUIRED = 2201
OLD_PASSWORD_WRONG = 2203
LOGIN_EXPIRED = 2206
TOKEN_INVALID = 2207
# Account linking conflicts: Authing files them under 2213-2216 without per-code texts, so the
# split below is the pool's own.
LINK_PROVIDER_TAKEN = 2213  # the primary account already has an identity of that provider
LINK_NOTHING_TO_LINK = 2214  # the secondary account has no external identity
LINK_NOT_SOCIAL = 2215  # the secondary account is the primary, or has its own credentials
UNLINK_NOT_LINKED = 2216  # the primary account has no identity of that provider
LAST_LOGIN_METHOD = 2217
NO_PHONE_BOUND = 2218
NO_EMAIL_BOUND = 2219
EMAIL_VIA_UPDATE_USER = 2225
PHONE_VIA_UPDATE_USER = 2226
OLD_EMAIL_PROOF = 2227
SAME_EMAIL = 2229
SAME_PHONE = 2230
USER_POOL_NOT_FOUND = 2224
PARAMS_INCOMPLETE = 2231
CODE_EXPIRED = 2300
WRONG_CREDENTIALS = 2333
BAD_ARGUMENT = 400  # local: malformed input (GraphQL validation, undefined UDF key, bad value)
NOT_FOUND = 404  # local: unknown route, or no LDAP/AD source configured
CONFLICT = 409  # local: a passkey registered already (docs/passkeys.md)
INTERNAL = 500


def renderable(text: str) -> str:
    """``text`` with anything that cannot be encoded (a lone surrogate echoed from input)
    replaced, so that an error message always renders."""
    return text.encode("utf-8", "replace").decode("utf-8")


class PoolError(Exception):
    """A failure the client should see as Authing's ``{code, message[, data]}``."""

    def __init__(self, code: int, message: str, data: dict[str, Any] | None = None) -> None:
        message = renderable(message)
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
        self.data = data

    def as_message(self) -> dict[str, Any]:
        """The GraphQL ``errors[].message`` object / the REST envelope core."""
        body: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.data is not None:
            body["data"] = self.data
        return body
