"""Every kind of input value the pool accepts, checked in one place each: REST and v3 handlers,
GraphQL resolvers and the hosted pages all use these, so a bad value is a clear 4xx business
error (never a 500) whichever route it came through.

- Text: a lone surrogate (JSON allows ``"\\ud800"``) cannot be stored, compared or rendered;
  `check_json_text` refuses it for a whole decoded JSON body at once.
- Secrets: `secret_equals` compares in constant time and treats any text, non-ASCII included,
  or a non-string as simply unequal (``hmac.compare_digest`` raises on non-ASCII ``str``).
- Codes: `ascii_digits` accepts only ``0``-``9`` (``str.isdigit`` also says yes to full-width
  and Arabic-Indic digits, which no code the pool issues contains).
- Identifiers (email, phone, username), profile values, IP addresses, choices among fixed
  words, page numbers.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Collection
from typing import Any

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError

MAX_FIELD_LENGTH = 2048
MAX_PAGE = 100_000  # far beyond any list the pool holds; keeps OFFSET inside SQLite's integers

_EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s.]{1,63}$")
_PHONE_RE = re.compile(r"^\+?[0-9][0-9-]{3,18}[0-9]$", re.ASCII)
_USERNAME_RE = re.compile(r"^\S{1,64}$")
_DIGITS = frozenset("0123456789")


def is_valid_text(value: str) -> bool:
    """Whether ``value`` is encodable text (no lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_json_text(value: Any) -> None:
    """Raise 400 when any string (key or value) of a decoded JSON document is not valid text."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if not is_valid_text(item):
                raise PoolError(errors.BAD_ARGUMENT,
                                "the request holds text that is not valid Unicode")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def secret_equals(given: Any, expected: str) -> bool:
    """Constant-time ``given == expected`` for a secret a client sent; anything that is not a
    string is unequal, and any string compares (as UTF-8 bytes) without raising."""
    if not isinstance(given, str):
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"),
                               expected.encode("utf-8", "surrogatepass"))


def ascii_digits(value: Any, length: int | None = None) -> str | None:
    """``value`` without surrounding whitespace when it is only ASCII digits (and ``length``
    long when given), else None."""
    if not isinstance(value, str):
        return None
    text = "".join(value.split())
    if not text or not set(text) <= _DIGITS or (length is not None and len(text) != length):
        return None
    return text


def optional_text(value: Any) -> str | None:
    """``value`` when it is a string, else None (a wrong type counts as missing)."""
    return value if isinstance(value, str) else None


def choice(value: Any, allowed: Collection[str], name: str) -> str:
    """One of ``allowed`` (400 naming ``name`` otherwise, also for a list or a number)."""
    if not isinstance(value, str) or value not in allowed:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} is not one of the accepted values")
    return value


def page_number(value: Any, name: str = "page") -> int:
    """A page number 1..`MAX_PAGE` from a string or an integer (400 otherwise)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be an integer") from None
    if not 1 <= number <= MAX_PAGE:
        raise PoolError(errors.BAD_ARGUMENT, f"{name} must be between 1 and {MAX_PAGE}")
    return number


def check_email(email: Any) -> str:
    """A trimmed valid email, or 2003 (also for a value that is not a string)."""
    value = email.strip() if isinstance(email, str) else ""
    if not _EMAIL_RE.match(value) or len(value) > 254 or not is_valid_text(value):
        raise PoolError(errors.BAD_EMAIL, "invalid email address")
    return value


def check_phone(phone: Any) -> str:
    """A trimmed valid phone number (ASCII digits), or 2028."""
    value = phone.strip() if isinstance(phone, str) else ""
    if not _PHONE_RE.match(value):
        raise PoolError(errors.BAD_PHONE, "invalid phone number")
    return value


def check_username(username: Any) -> str:
    """A valid username (1-64 characters, no whitespace), or 400."""
    value = username if isinstance(username, str) else ""
    if not _USERNAME_RE.match(value) or not is_valid_text(value):
        raise PoolError(errors.BAD_ARGUMENT, "username must be 1-64 characters without spaces")
    return value


def check_profile_value(field: str, value: Any) -> Any:
    """Validate one profile value (strings, bounded; gender M/F/U)."""
    if value is None:
        return None
    if not isinstance(value, str) or not is_valid_text(value):
        raise PoolError(errors.BAD_ARGUMENT, f"{field} must be a string")
    if len(value) > MAX_FIELD_LENGTH:
        raise PoolError(errors.BAD_ARGUMENT, f"{field} is too long")
    if field == "gender" and value not in ("M", "F", "U"):
        raise PoolError(errors.BAD_ARGUMENT, "gender must be M, F or U")
    return value


def check_ip(field: str, value: Any) -> str | None:
    """An IPv4 / IPv6 address in its normal written form (None stays None), or 400."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else ""
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise PoolError(errors.BAD_ARGUMENT, f"{field} must be an IP address") from None
