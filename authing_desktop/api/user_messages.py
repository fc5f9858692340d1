"""What to tell the user about an API error, as translatable English source texts.

The api layer imports no Qt, so texts are only *marked* here with a local ``QT_TRANSLATE_NOOP``
(pyside6-lupdate extracts calls by that name). The UI translates them with
``QCoreApplication.translate(context, text)`` and shows the server's own text as the detail.
"""

from __future__ import annotations

from authing_desktop.api.errors import (
    AuthingArgumentError,
    AuthingError,
    MalformedResponse,
    NetworkError,
    RequestTimeout,
    ResponseTooLarge,
)

CONTEXT = "AuthingError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's extractor needs this name
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


USER_MESSAGES: dict[int, str] = {
    500: QT_TRANSLATE_NOOP("AuthingError", "The server could not complete the request."),
    1000: QT_TRANSLATE_NOOP("AuthingError", "The service is busy. Please try again later."),
    1001: QT_TRANSLATE_NOOP("AuthingError", "You are not allowed to do this."),
    1576: QT_TRANSLATE_NOOP("AuthingError", "This account may not sign in to this application."),
    1635: QT_TRANSLATE_NOOP("AuthingError", "Multi-factor authentication is required."),
    1636: QT_TRANSLATE_NOOP("AuthingError", "Multi-factor authentication is required."),
    1639: QT_TRANSLATE_NOOP(
        "AuthingError", "This is your first sign-in: please set a new password."),
    1650: QT_TRANSLATE_NOOP(
        "AuthingError",
        "You need to confirm it's you to do this. Try again and enter your password or a code."),
    1640: QT_TRANSLATE_NOOP("AuthingError", "Please bind this identity to an existing account."),
    1641: QT_TRANSLATE_NOOP("AuthingError", "Please bind this identity to an existing account."),
    2000: QT_TRANSLATE_NOOP(
        "AuthingError", "Unusual activity on this account: please enter the captcha."),
    2001: QT_TRANSLATE_NOOP("AuthingError", "The verification code is wrong."),
    2003: QT_TRANSLATE_NOOP("AuthingError", "The email address is not valid."),
    2204: QT_TRANSLATE_NOOP("AuthingError", "The email address is not valid."),
    2004: QT_TRANSLATE_NOOP("AuthingError", "This account does not exist."),
    2005: QT_TRANSLATE_NOOP("AuthingError", "This account is locked."),
    2006: QT_TRANSLATE_NOOP("AuthingError", "Wrong account or password."),
    2016: QT_TRANSLATE_NOOP(
        "AuthingError",
        "The server could not read the encrypted password. Check the public key setting."),
    2020: QT_TRANSLATE_NOOP("AuthingError", "You are not signed in. Please sign in again."),
    2022: QT_TRANSLATE_NOOP(
        "AuthingError",
        "Your email address is not verified yet. Open the verification email, or sign in "
        "another way."),
    2026: QT_TRANSLATE_NOOP("AuthingError", "This account already exists."),
    2027: QT_TRANSLATE_NOOP(
        "AuthingError", "This account has no password: sign in another way."),
    2028: QT_TRANSLATE_NOOP("AuthingError", "Please enter a valid phone number or email."),
    2029: QT_TRANSLATE_NOOP("AuthingError", "The password must have at least 6 characters."),
    2031: QT_TRANSLATE_NOOP("AuthingError", "This application does not allow sign-up."),
    2032: QT_TRANSLATE_NOOP("AuthingError", "Please choose a password."),
    2034: QT_TRANSLATE_NOOP("AuthingError", "This username is already taken."),
    2035: QT_TRANSLATE_NOOP("AuthingError", "This phone number is already in use."),
    2037: QT_TRANSLATE_NOOP("AuthingError", "The current email address does not match."),
    2038: QT_TRANSLATE_NOOP("AuthingError", "The current phone number does not match."),
    2057: QT_TRANSLATE_NOOP("AuthingError", "This account is locked."),
    2058: QT_TRANSLATE_NOOP(
        "AuthingError", "Your password must be changed before you can sign in."),
    2100: QT_TRANSLATE_NOOP("AuthingError", "Too many sign-ups. Please try again later."),
    2200: QT_TRANSLATE_NOOP("AuthingError", "This email address is already in use."),
    2201: QT_TRANSLATE_NOOP("AuthingError", "Please enter your current password."),
    2203: QT_TRANSLATE_NOOP("AuthingError", "The current password is wrong."),
    2206: QT_TRANSLATE_NOOP("AuthingError", "Your sign-in has expired. Please sign in again."),
    2207: QT_TRANSLATE_NOOP("AuthingError", "Your sign-in is not valid. Please sign in again."),
    2213: QT_TRANSLATE_NOOP("AuthingError", "This social account cannot be linked."),
    2214: QT_TRANSLATE_NOOP("AuthingError", "This social account cannot be linked."),
    2215: QT_TRANSLATE_NOOP("AuthingError", "This social account cannot be unlinked."),
    2216: QT_TRANSLATE_NOOP("AuthingError", "This social account cannot be unlinked."),
    2217: QT_TRANSLATE_NOOP(
        "AuthingError", "This is your only way to sign in, so it cannot be removed."),
    2218: QT_TRANSLATE_NOOP("AuthingError", "No email address is bound to this account."),
    2219: QT_TRANSLATE_NOOP("AuthingError", "No email address is bound to this account."),
    2224: QT_TRANSLATE_NOOP("AuthingError", "This user pool does not exist."),
    2225: QT_TRANSLATE_NOOP("AuthingError", "Change the email address with its own form."),
    2226: QT_TRANSLATE_NOOP("AuthingError", "Change the phone number with its own form."),
    2227: QT_TRANSLATE_NOOP(
        "AuthingError", "Please verify your current email address first."),
    2229: QT_TRANSLATE_NOOP(
        "AuthingError", "The new email address is the same as the current one."),
    2230: QT_TRANSLATE_NOOP(
        "AuthingError", "The new phone number is the same as the current one."),
    2231: QT_TRANSLATE_NOOP("AuthingError", "Some required information is missing."),
    2300: QT_TRANSLATE_NOOP(
        "AuthingError", "The verification code has expired. Please request a new one."),
    2333: QT_TRANSLATE_NOOP("AuthingError", "Wrong account or password."),
    6001: QT_TRANSLATE_NOOP("AuthingError", "The authenticator code is wrong."),
    6002: QT_TRANSLATE_NOOP("AuthingError", "The recovery code is wrong."),
    6003: QT_TRANSLATE_NOOP("AuthingError", "Please enter the code from your authenticator app."),
    6004: QT_TRANSLATE_NOOP("AuthingError", "Please enter your recovery code."),
    # Beyond v2: MFA challenges, and v3 statuses that come without an apiCode
    # (docs/protocol.md#v3-envelope).
    2021: QT_TRANSLATE_NOOP(
        "AuthingError", "The two-step sign-in has expired. Please sign in again."),
    2080: QT_TRANSLATE_NOOP(
        "AuthingError", "A code was sent recently. Please wait a minute before asking again."),
    400: QT_TRANSLATE_NOOP("AuthingError", "The code is wrong or the request is not valid."),
    401: QT_TRANSLATE_NOOP("AuthingError", "You are not signed in. Please sign in again."),
    403: QT_TRANSLATE_NOOP("AuthingError", "You are not allowed to do this."),
    # 404: a route the pool lacks (e.g. no LDAP source) or a v3 item that is gone.
    404: QT_TRANSLATE_NOOP(
        "AuthingError",
        "Not available: this user pool does not offer this, or the item no longer exists."),
    422: QT_TRANSLATE_NOOP("AuthingError", "This cannot be done right now."),
    429: QT_TRANSLATE_NOOP("AuthingError", "Too many requests. Please try again later."),
}

UNKNOWN_SERVER_ERROR = QT_TRANSLATE_NOOP("AuthingError", "The server refused the request.")
NETWORK_ERROR = QT_TRANSLATE_NOOP(
    "AuthingError", "Cannot reach the server. Check your network connection.")
TIMEOUT_ERROR = QT_TRANSLATE_NOOP(
    "AuthingError", "The server did not answer in time. Please try again.")
MALFORMED_ERROR = QT_TRANSLATE_NOOP(
    "AuthingError", "The server sent an unexpected answer. Please try again later.")
TOO_LARGE_ERROR = QT_TRANSLATE_NOOP(
    "AuthingError",
    "The server sent far more data than expected, so the app stopped reading it. Please try "
    "again later; if it keeps happening, tell the service's administrator.")
ARGUMENT_ERROR = QT_TRANSLATE_NOOP("AuthingError", "Some of the information entered is not valid.")
UNEXPECTED_ERROR = QT_TRANSLATE_NOOP("AuthingError", "Something went wrong.")


def user_message_source(error: BaseException) -> tuple[str, str]:
    """The ``(context, English source text)`` to show for ``error``, ready for
    ``QCoreApplication.translate``."""
    if isinstance(error, AuthingError):
        return CONTEXT, USER_MESSAGES.get(error.code, UNKNOWN_SERVER_ERROR)
    if isinstance(error, RequestTimeout):
        return CONTEXT, TIMEOUT_ERROR
    if isinstance(error, NetworkError):
        return CONTEXT, NETWORK_ERROR
    if isinstance(error, ResponseTooLarge):
        return CONTEXT, TOO_LARGE_ERROR
    if isinstance(error, MalformedResponse):
        return CONTEXT, MALFORMED_ERROR
    if isinstance(error, AuthingArgumentError):
        return CONTEXT, ARGUMENT_ERROR
    return CONTEXT, UNEXPECTED_ERROR
