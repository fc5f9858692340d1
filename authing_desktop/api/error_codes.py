"""The Authing error codes the app acts on, by name, and the groups it reacts to as one.

What each code means is in docs/protocol.md#error-codes; the user's words for them are in
`user_messages`.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class ErrorCode(IntEnum):
    """Codes of the v2 envelope (``code``), and the HTTP statuses v3 answers with."""

    BAD_REQUEST = 400
    PERSONAL_MFA_REQUIRED = 1635
    APPLICATION_MFA_REQUIRED = 1636
    FIRST_LOGIN_RESET = 1639
    REAUTH_REQUIRED = 1650  # local: a recent proof is needed (docs/step-up.md)
    CAPTCHA_REQUIRED = 2000
    WRONG_CODE = 2001
    WRONG_PASSWORD = 2006
    NOT_SIGNED_IN = 2020
    MFA_CHALLENGE_EXPIRED = 2021
    FORCED_RESET = 2058
    WRONG_OLD_PASSWORD = 2203
    TOKEN_EXPIRED = 2206
    TOKEN_INVALID = 2207
    CODE_EXPIRED = 2300
    WRONG_ACCOUNT_OR_PASSWORD = 2333
    WRONG_TOTP = 6001
    WRONG_RECOVERY_CODE = 6002
    TOTP_MISSING = 6003
    RECOVERY_CODE_MISSING = 6004


class ErrorGroup(StrEnum):
    """Codes the app handles alike."""

    SESSION_ENDED = "session-ended"  # the token is no good any more: sign in again
    WRONG_CODE = "wrong-code"  # a verification, authenticator or recovery code: type it again
    WRONG_PASSWORD = "wrong-password"  # noqa: S105 - a password given as proof was wrong
    CHALLENGE_ENDED = "challenge-ended"  # a two-step sign-in that ran out: start over
    MFA_REQUIRED = "mfa-required"  # the sign-in needs its second step


_MEMBERS: dict[ErrorGroup, frozenset[int]] = {
    ErrorGroup.SESSION_ENDED: frozenset({
        ErrorCode.NOT_SIGNED_IN, ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_INVALID}),
    ErrorGroup.WRONG_CODE: frozenset({
        ErrorCode.BAD_REQUEST, ErrorCode.WRONG_CODE, ErrorCode.CODE_EXPIRED,
        ErrorCode.WRONG_TOTP, ErrorCode.WRONG_RECOVERY_CODE, ErrorCode.TOTP_MISSING,
        ErrorCode.RECOVERY_CODE_MISSING}),
    ErrorGroup.WRONG_PASSWORD: frozenset({
        ErrorCode.WRONG_PASSWORD, ErrorCode.WRONG_OLD_PASSWORD,
        ErrorCode.WRONG_ACCOUNT_OR_PASSWORD}),
    ErrorGroup.CHALLENGE_ENDED: frozenset({ErrorCode.MFA_CHALLENGE_EXPIRED}),
    ErrorGroup.MFA_REQUIRED: frozenset({
        ErrorCode.PERSONAL_MFA_REQUIRED, ErrorCode.APPLICATION_MFA_REQUIRED}),
}


def in_group(code: int | None, group: ErrorGroup) -> bool:
    """Whether ``code`` belongs to ``group``."""
    return code is not None and code in _MEMBERS[group]
