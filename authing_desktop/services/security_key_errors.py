"""What went wrong with a security key, in the user's words, with what to do next
(docs/passkeys.md#what-the-app-says). python-fido2's errors are read here, on the UI thread."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from authing_desktop.services.errors import UserFacingError

CONTEXT = "SecurityKey"


class KeyProblem(enum.Enum):
    """Why a ceremony with a key did not finish."""

    NO_KEY = "noKey"
    NO_PERMISSION = "noPermission"
    NO_WINDOWS_API = "noWindowsApi"
    CANCELLED = "cancelled"
    TIMED_OUT = "timedOut"
    PIN_REFUSED = "pinRefused"
    PIN_WRONG = "pinWrong"
    PIN_BLOCKED = "pinBlocked"
    PIN_NOT_SET = "pinNotSet"
    NOT_REGISTERED = "notRegistered"
    ALREADY_REGISTERED = "alreadyRegistered"
    UNSUPPORTED = "unsupported"
    ORIGIN_REFUSED = "originRefused"
    BUSY = "busy"
    OTHER = "other"


class KeyFailure(Exception):  # noqa: N818 - reads as the event it reports
    """Raised in the ceremony's thread (no Qt there): `SecurityKeyError` words it."""

    def __init__(self, problem: KeyProblem, detail: str = "") -> None:
        super().__init__(problem.value, detail)
        self.problem = problem
        self.detail = detail


TEXTS = {
    KeyProblem.NO_KEY: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "No security key was found. Plug in your key (or hold it to the reader) and try "
        "again."),
    KeyProblem.NO_PERMISSION: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "A security key is plugged in, but Linux does not let this app use it. Install "
        "the udev rule for FIDO keys and add yourself to the plugdev group (see "
        "\"Passkeys\" in the README), then unplug the key and plug it in again."),
    KeyProblem.NO_WINDOWS_API: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "This version of Windows cannot use security keys from apps. Windows 10 version "
        "1903 or later is needed."),
    KeyProblem.CANCELLED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "Stopped. Nothing was changed."),
    KeyProblem.TIMED_OUT: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The key was not touched in time. Try again, and touch the key when its light "
        "blinks."),
    KeyProblem.PIN_REFUSED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The key needs its PIN to continue. Try again and enter the PIN."),
    KeyProblem.PIN_WRONG: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The PIN was wrong. Try again; after several wrong PINs the key locks itself."),
    KeyProblem.PIN_BLOCKED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The key is locked after too many wrong PINs. Reset it with its maker's tool "
        "(this erases its keys)."),
    KeyProblem.PIN_NOT_SET: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The key asks for a PIN, but none is set. Set a PIN with its maker's tool first."),
    KeyProblem.NOT_REGISTERED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "This key is not registered for this account here. Sign in another way, then add "
        "the key on the Security page."),
    KeyProblem.ALREADY_REGISTERED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "This key is already added to your account."),
    KeyProblem.UNSUPPORTED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "This key does not support what the user pool asks for. Try another key."),
    KeyProblem.ORIGIN_REFUSED: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The user pool's address cannot be used with security keys: it must use https (or "
        "be this computer)."),
    KeyProblem.BUSY: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "Another request to the security key is still running. Finish or cancel it first."),
    KeyProblem.OTHER: QT_TRANSLATE_NOOP(
        "SecurityKey",
        "The security key did not answer as expected. Unplug it, plug it in again and try "
        "again."),
}


def problem_text(problem: KeyProblem, *, creating: bool = False) -> str:
    """The sentence shown for ``problem`` (translated)."""
    if creating and problem is KeyProblem.NOT_REGISTERED:
        problem = KeyProblem.ALREADY_REGISTERED
    return QCoreApplication.translate(CONTEXT, str(TEXTS[problem]))


class SecurityKeyError(UserFacingError):
    """A ceremony with a key failed; ``problem`` says why, the text says what to do."""

    def __init__(self, problem: KeyProblem, *, creating: bool = False) -> None:
        super().__init__(problem_text(problem, creating=creating))
        self.problem = problem

    @classmethod
    def from_failure(cls, error: BaseException, *, creating: bool, cancelled: bool,
                     pin_refused: bool) -> SecurityKeyError:
        """The error for what the ceremony's thread raised."""
        if cancelled:
            return cls(KeyProblem.CANCELLED)
        return cls(_problem_of(error, pin_refused), creating=creating)


def _problem_of(error: BaseException, pin_refused: bool) -> KeyProblem:
    if isinstance(error, KeyFailure):
        return error.problem
    from fido2.client import ClientError, PinRequiredError
    from fido2.ctap import CtapError

    if isinstance(error, PinRequiredError) or (pin_refused and isinstance(error, ClientError)):
        return KeyProblem.PIN_REFUSED
    cause: Any = error.cause if isinstance(error, ClientError) else error
    if isinstance(cause, CtapError):
        return _ctap_problem(cause.code)
    if isinstance(error, ClientError):
        return {
            ClientError.ERR.TIMEOUT: KeyProblem.TIMED_OUT,
            ClientError.ERR.DEVICE_INELIGIBLE: KeyProblem.NOT_REGISTERED,
            ClientError.ERR.CONFIGURATION_UNSUPPORTED: KeyProblem.UNSUPPORTED,
            # The RP ID check before the ceremony (python-fido2 gives no cause then).
            ClientError.ERR.BAD_REQUEST: KeyProblem.ORIGIN_REFUSED,
        }.get(error.code, KeyProblem.OTHER)
    if isinstance(error, OSError):
        return KeyProblem.NO_KEY  # unplugged during the ceremony
    return KeyProblem.OTHER


def _ctap_problem(code: Any) -> KeyProblem:
    from fido2.ctap import CtapError

    err = CtapError.ERR
    table = {
        err.PIN_INVALID: KeyProblem.PIN_WRONG, err.PIN_AUTH_INVALID: KeyProblem.PIN_WRONG,
        err.PIN_BLOCKED: KeyProblem.PIN_BLOCKED, err.PIN_AUTH_BLOCKED: KeyProblem.PIN_BLOCKED,
        err.PIN_NOT_SET: KeyProblem.PIN_NOT_SET,
        err.PUAT_REQUIRED: KeyProblem.PIN_REFUSED,
        err.CREDENTIAL_EXCLUDED: KeyProblem.ALREADY_REGISTERED,
        err.NO_CREDENTIALS: KeyProblem.NOT_REGISTERED,
        err.KEEPALIVE_CANCEL: KeyProblem.CANCELLED,
        err.ACTION_TIMEOUT: KeyProblem.TIMED_OUT, err.USER_ACTION_TIMEOUT: KeyProblem.TIMED_OUT,
        err.UNSUPPORTED_ALGORITHM: KeyProblem.UNSUPPORTED,
        err.UNSUPPORTED_OPTION: KeyProblem.UNSUPPORTED,
        err.KEY_STORE_FULL: KeyProblem.UNSUPPORTED,
    }
    return table.get(code, KeyProblem.OTHER)
