"""Redaction of secrets and personal data before anything is logged, reported or shown.

One function, `redact`, serves every consumer (logs, crash reports, the bus, a network
inspector later). Its policy is a whitelist: the value of a key passes only when the key is in
`SAFE_KEYS`; every other value is replaced by `REDACTED`. What passes is still scrubbed: emails
and phone numbers are masked, and tokens that need no key to be recognised (JWTs, bearer
credentials, long random strings) are replaced.

- Structured data (mappings, lists: request bodies, headers, log extras) is walked. Containers
  are always entered; a scalar passes only under a safe key. ``None`` and booleans always pass.
- Text (log lines, exception messages) is scanned for ``key=value``, ``"key": "value"`` and
  ``'key': 'value'`` pairs; the value of a key outside the whitelist is replaced.

``code`` is special: Authing status codes are integers while verification codes travel as
strings, so ``code`` passes only with an integer value (a bare number in text).

With a `Pseudonyms` (flow transcripts) a replaced secret becomes a numbered marker of its kind
(``[password-1]``, ``[code-2]``, ``[token-1]``...) and an email or phone number becomes
``[email-1]@example.com`` / ``[phone-1]5678``: the same value always gets the same marker within
one transcript, so a replay can substitute consistently, yet no value can be read back.

No Qt here: the api layer uses it too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

REDACTED = "[redacted]"

# Normalised key names (lower case, no "_", "-" or "."). Keep it short: adding a key here means
# its values can end up in a report someone pastes into a public issue.
SAFE_KEYS = frozenset(
    {
        "message", "msg", "status", "statuscode", "statustext", "reason", "method", "url",
        "path", "host", "apphost", "endpoint", "level", "name", "type", "kind", "id", "userid",
        "userpoolid", "appid", "profile", "profileid", "language", "lang", "locale", "version",
        "count", "total", "page", "limit", "offset", "error", "errors", "errortype",
        "exception", "operation", "operationname", "state", "scene", "duration", "elapsed",
        "attempt", "retry", "username", "nickname", "email", "phone", "phonecountrycode",
        "createdat", "updatedat", "expiresin", "tokentype", "scope", "platform", "backend",
        "qt", "python", "ok", "title", "field", "detail", "details", "keyringbackend",
    }
)
_INT_ONLY_KEYS = frozenset({"code", "errcode", "errorcode"})
# Keys whose value is a phone number whatever its format (the text pattern only knows "+..."
# and mainland mobile numbers).
_PHONE_KEYS = frozenset({"phone", "mobile", "phonenumber"})

# Harmless fields of the Authing protocol's answers (flags, counters, enum values, ids): the
# network inspector and transcripts pass them with ``extra_safe_keys=PROTOCOL_SAFE_KEYS``.
# Personal fields (names, address, birthdate, IP, photo) are deliberately not here.
PROTOCOL_SAFE_KEYS = frozenset(
    {
        "arn", "emailverified", "phoneverified", "loginscount", "registersource", "signedup",
        "blocked", "isdeleted", "lastlogin", "tokenexpiredat", "exp", "iat", "valid",
        "datatype", "label", "targettype", "targetid", "namespace", "provider", "loggedin",
        "score", "securityscore", "passwordsecuritylevel", "mfaenrolled", "totalcount",
        "appname", "orgid", "nodeid", "rolecode", "protocol",
        "usersource", "expiresat", "scope", "responsetype", "grantsupported",
    }
)

# Which kind of secret a key holds (normalised key -> marker kind). Anything else outside the
# whitelist is plain "redacted".
_SECRET_KINDS: dict[str, str] = {
    **dict.fromkeys(("password", "oldpassword", "newpassword", "pwd", "passwd", "passphrase",
                     "confirmpassword"), "password"),
    **dict.fromkeys(("captchacode", "captcha", "captchaanswer"), "captcha"),
    **dict.fromkeys(("code", "phonecode", "emailcode", "verifycode", "smscode", "mfacode",
                     "totp", "otp", "passcode", "verificationcode", "recoverycode"), "code"),
    **dict.fromkeys(("token", "accesstoken", "idtoken", "refreshtoken", "authorization",
                     "firstlogintoken", "forceresettoken", "mfatoken", "ticket", "sessionid",
                     "sessiontoken", "bearer", "cookie"), "token"),
    **dict.fromkeys(("secret", "appsecret", "clientsecret", "privatekey", "apikey"),
                    "secret"),
}
# A password in transport form: base64 of an RSA block (>= 1024 bits).
_RSA_BASE64 = re.compile(r"[A-Za-z0-9+/]{150,}={0,2}")

_KEY_CHARS = re.compile(r"[\s_.\-]")

# JWTs (header.payload.signature, base64url; the header always starts with '{"' -> "eyJ").
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")
# "Authorization: Bearer xyz", "Basic xyz".
_AUTH_SCHEME = re.compile(r"\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{6,}", re.IGNORECASE)
# key/value pairs: a quoted key before ":" or "=" (JSON, Python reprs), or a bare key right
# before "=" (query strings, keyword arguments). A bare "key: value" is prose and "x = y" is
# code (traceback source lines): both are left alone.
_VALUE = r"""(?P<value>\[redacted\]|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\s,;&)}\]"'<>]+)"""
_PAIR = re.compile(
    r"""(?:(?P<q>["'])(?P<qkey>[A-Za-z_][A-Za-z0-9_.\-]{0,60})(?P=q)\s*[:=]\s*"""
    r"""|(?<![\w=!<>])(?P<key>[A-Za-z_][A-Za-z0-9_.\-]{0,60})=(?!=)\s*)"""
    + _VALUE
)
_EMAIL = re.compile(r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
# International numbers written with "+", and mainland China mobile numbers.
_PHONE = re.compile(r"(?<![\w+])(\+\d[\d -]{6,18}\d|1[3-9]\d{9})(?![\w])")
# Long runs of letters and digits mixed: app secrets, session ids, refresh tokens.
_OPAQUE = re.compile(r"(?<![A-Za-z0-9_/+=-])(?=[A-Za-z0-9_+=-]*\d)(?=[A-Za-z0-9_+=-]*[A-Za-z])"
                     r"[A-Za-z0-9_+=-]{32,}(?![A-Za-z0-9_/+=-])")
_NUMBER = re.compile(r"-?\d+")


def normalise_key(key: str) -> str:
    """``access_token``, ``Access-Token`` and ``accessToken`` all become ``accesstoken``."""
    return _KEY_CHARS.sub("", key).lower()


class Pseudonyms:
    """Numbered markers for the secrets and identities of one transcript.

    The same value gets the same marker (``[password-1]`` twice for one password). Only keyed
    digests (HMAC with a random key that lives in memory and dies with this object) are kept,
    never the values. `alias` tells it that a transport form (an RSA-encrypted password, random
    each time) stands for a plain value, so both get one marker.
    """

    def __init__(self) -> None:
        import secrets  # with hmac/hashlib: OpenSSL, loaded when a transcript needs it

        self._key = secrets.token_bytes(32)
        self._markers: dict[tuple[str, bytes], str] = {}
        self._counts: dict[str, int] = {}
        self._aliases: dict[bytes, bytes] = {}

    def alias(self, transport_form: str, plain: str) -> None:
        """``transport_form`` (e.g. the encrypted password) means ``plain``."""
        self._aliases[self._digest(transport_form)] = self._digest(plain)
        # Bounded: a long recording encrypts a few passwords, not thousands.
        if len(self._aliases) > 1000:
            self._aliases.pop(next(iter(self._aliases)))

    def secret(self, kind: str, value: str) -> str:
        """The marker of a secret of ``kind`` (``password``, ``code``, ``token``...)."""
        digest = self._digest(value)
        encrypted = False
        if kind == "password":
            plain = self._aliases.get(digest)
            if plain is not None:
                digest, encrypted = plain, True
            elif _RSA_BASE64.fullmatch(value):
                encrypted = True
        marker = self._marker(kind, digest)
        return marker[:-1] + "+rsa]" if encrypted else marker

    def email(self, address: str, domain: str) -> str:
        """``[email-N]@domain``: the same address, the same N."""
        return f"{self._marker('email', self._digest(address.lower()))}@{domain}"

    def phone(self, digits: str) -> str:
        """``[phone-N]1234``: the last four digits stay readable."""
        return f"{self._marker('phone', self._digest(digits[-11:]))}{digits[-4:]}"

    def _marker(self, kind: str, digest: bytes) -> str:
        marker = self._markers.get((kind, digest))
        if marker is None:
            number = self._counts.get(kind, 0) + 1
            self._counts[kind] = number
            marker = self._markers[(kind, digest)] = f"[{kind}-{number}]"
        return marker

    def _digest(self, value: str) -> bytes:
        import hashlib
        import hmac

        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).digest()


MARKER = re.compile(r"\[(?P<kind>[a-z]+)-(?P<number>\d+)(?P<rsa>\+rsa)?\]")


def redact(value: Any, *, extra_safe_keys: Iterable[str] = (),
           pseudonyms: Pseudonyms | None = None) -> Any:
    """Return a copy of ``value`` (text, or JSON-like data) that is safe to log or show.

    ``extra_safe_keys`` widens the whitelist for one call (e.g. a network inspector that knows
    a field is harmless). With ``pseudonyms`` secrets and identities become numbered markers
    (see the module doc) instead of ``[redacted]`` and the usual masks.
    """
    safe = SAFE_KEYS | {normalise_key(k) for k in extra_safe_keys} if extra_safe_keys else SAFE_KEYS
    return _redact_any(value, safe, pseudonyms)


def redact_text(text: str) -> str:
    """`redact` for text, typed as such."""
    return _redact_str(text, SAFE_KEYS, None)


def redact_home(text: str) -> str:
    """Replace the home directory in paths by ``~`` (it usually holds the user's name)."""
    home = os.path.expanduser("~")
    if len(home) > 1 and home in text:
        return text.replace(home, "~")
    return text


def _redact_any(value: Any, safe: frozenset[str], names: Pseudonyms | None) -> Any:
    if isinstance(value, str):
        return _redact_str(value, safe, names)
    if isinstance(value, Mapping):
        return {key: _redact_item(str(key), item, safe, names) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_redact_any(item, safe, names) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return _redact_str(str(value), safe, names)


def _redact_item(key: str, value: Any, safe: frozenset[str], names: Pseudonyms | None) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Mapping | list | tuple | set | frozenset):
        # Containers are entered whatever their key: the key gates scalars only.
        return _redact_any(value, safe, names)
    normalised = normalise_key(key)
    if normalised in _INT_ONLY_KEYS:
        return value if isinstance(value, int) else _secret(normalised, value, names)
    if normalised in _PHONE_KEYS and isinstance(value, str):
        return _mask_phone_value(value, names)
    if normalised in safe:
        return _redact_any(value, safe, names)
    return _secret(normalised, value, names)


def _secret(normalised_key: str, value: Any, names: Pseudonyms | None) -> str:
    if names is None:
        return REDACTED
    kind = _SECRET_KINDS.get(normalised_key) or _secret_kind_by_suffix(normalised_key)
    if kind is None or value == "" or (isinstance(value, str) and MARKER.fullmatch(value)):
        return REDACTED if value != "" else ""
    return names.secret(kind, str(value))


def _secret_kind_by_suffix(normalised_key: str) -> str | None:
    """``enrollmentToken`` is a token, ``recoveryCode`` a code, ``clientSecret`` a secret."""
    for suffix, kind in (("password", "password"), ("token", "token"), ("code", "code"),
                         ("secret", "secret")):
        if normalised_key.endswith(suffix):
            return kind
    return None


def _redact_str(text: str, safe: frozenset[str], names: Pseudonyms | None) -> str:
    if not text:
        return text

    def token(match: re.Match[str]) -> str:
        return names.secret("token", match.group(0)) if names is not None else REDACTED

    def scheme(match: re.Match[str]) -> str:
        credential = match.group(0)[len(match.group(1)) + len(match.group(2)):]
        marker = names.secret("token", credential) if names is not None else REDACTED
        return f"{match.group(1)}{match.group(2)}{marker}"

    text = _JWT.sub(token, text)
    text = _AUTH_SCHEME.sub(scheme, text)
    text = _PAIR.sub(lambda m: _redact_pair(m, safe, names), text)
    text = _OPAQUE.sub(token, text)
    text = _EMAIL.sub(lambda m: _mask_email(m, names), text)
    return _PHONE.sub(lambda m: _mask_phone(m, names), text)


def _redact_pair(match: re.Match[str], safe: frozenset[str], names: Pseudonyms | None) -> str:
    key = normalise_key(match.group("qkey") or match.group("key"))
    value = match.group("value")
    whole = match.group(0)
    prefix = whole[: len(whole) - len(value)]
    if value == REDACTED or MARKER.fullmatch(value.strip("\"'")):
        return whole
    if key in _INT_ONLY_KEYS:
        # Only the JSON form ("code": 200) is trusted to be a status; "code=123456" is more
        # likely a verification code in a query string.
        if match.group("qkey") and _NUMBER.fullmatch(value):
            return whole
    elif key in safe:
        return whole
    if value[:1] in "\"'":
        return f"{prefix}{value[0]}{_secret(key, value[1:-1], names)}{value[0]}"
    return prefix + _secret(key, value, names)


def _mask_email(match: re.Match[str], names: Pseudonyms | None) -> str:
    if names is not None:
        return names.email(match.group(0), match.group(2))
    return f"{match.group(1)}***@{match.group(2)}"


def _mask_phone(match: re.Match[str], names: Pseudonyms | None) -> str:
    raw = match.group(0)
    digits = re.sub(r"\D", "", raw)
    if names is not None:
        return ("+" if raw.startswith("+") else "") + names.phone(digits)
    plus = "+" if raw.startswith("+") else ""
    if len(digits) >= 11:
        return f"{plus}{digits[:3]}****{digits[-4:]}"
    return f"{plus}{'*' * (len(digits) - 2)}{digits[-2:]}"


def _mask_phone_value(value: str, names: Pseudonyms | None) -> str:
    """A value under a phone key: masked whatever its format (a short one entirely)."""
    digits = re.sub(r"\D", "", value)
    if MARKER.search(value) or ("*" in value and len(digits) <= 7):
        return value  # already masked
    if len(digits) < 5:
        return REDACTED if digits else value
    if names is not None:
        return ("+" if value.strip().startswith("+") else "") + names.phone(digits)
    plus = "+" if value.strip().startswith("+") else ""
    if len(digits) >= 11:
        return f"{plus}{digits[:3]}****{digits[-4:]}"
    return f"{plus}{'*' * (len(digits) - 4)}{digits[-4:]}"
