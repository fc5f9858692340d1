"""Passwords: RSA transport decryption, argon2id storage, and the pool's strength policy."""

from __future__ import annotations

import base64
import binascii
import re
import threading
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from authing_desktop.localpool import errors
from authing_desktop.localpool.errors import PoolError

MIN_LENGTH = 6
MAX_BYTES = 117  # what fits in one RSA-1024 PKCS#1 v1.5 block, the SDK's hard limit

# OWASP's argon2id baseline (19 MiB, t=2, p=1): a few tens of ms per hash and small enough that
# the worker pool can hash concurrently without gigabytes of RAM.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Bounds how many hashes run at once (each holds its memory block for the duration).
_HASH_SLOTS = threading.BoundedSemaphore(4)


class PasswordCipher:
    """Decrypts what the SDK sends: base64(RSA PKCS#1 v1.5 (utf-8 password))."""

    def __init__(self, private_key: rsa.RSAPrivateKey) -> None:
        self._key = private_key

    def decrypt(self, ciphertext: str) -> str:
        """The plaintext password, or 2016 when it was not encrypted with this pool's key.

        A ciphertext of another key size (e.g. the SDK's built-in 1024-bit cloud key) always
        fails. For a same-size foreign key OpenSSL's implicit rejection yields random bytes
        instead of an error (no padding oracle); those are rejected unless they happen to form
        printable UTF-8, in which case the login simply fails as a wrong password.
        """
        try:
            raw = base64.b64decode(ciphertext.strip(), validate=True)
            text = self._key.decrypt(raw, padding.PKCS1v15()).decode("utf-8")
        except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
            raise _undecryptable() from exc
        if not text or any(unicodedata.category(ch) == "Cc" for ch in text):
            raise _undecryptable()
        return text


def _undecryptable() -> PoolError:
    return PoolError(
        errors.DECRYPT_FAILED,
        "could not decrypt the password: encrypt it with this pool's public key"
        " (GET /api/v2/.well-known)",
    )


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    with _HASH_SLOTS:
        return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored_hash`` (False when there is no password)."""
    if not stored_hash:
        return False
    with _HASH_SLOTS:
        try:
            return _HASHER.verify(stored_hash, password)
        except (VerificationError, InvalidHashError):
            return False


def security_level(password: str) -> int:
    """1 LOW, 2 MIDDLE, 3 HIGH (the JS SDK's rule, docs/protocol.md, v3 self-service)."""
    has_lower = bool(re.search(r"[a-z]", password))
    has_upper = bool(re.search(r"[A-Z]", password))
    has_digit = bool(re.search(r"\d", password))
    if len(password) >= 12 and has_lower and has_upper and has_digit:
        return 3
    if len(password) >= 8 and (has_lower or has_upper) and has_digit:
        return 2
    return 1


def _classes(password: str) -> int:
    patterns = (r"[a-z]", r"[A-Z]", r"\d", r"[^a-zA-Z\d]")
    return sum(1 for pattern in patterns if re.search(pattern, password))


def policy_problem(password: str) -> str | None:
    """Why ``password`` breaks the pool policy, or None when it is acceptable.

    Policy: at least 6 characters, at most 117 UTF-8 bytes, and at least two character classes
    among lowercase, uppercase, digits and symbols.
    """
    if len(password) < MIN_LENGTH:
        return f"the password must have at least {MIN_LENGTH} characters"
    if len(password.encode("utf-8")) > MAX_BYTES:
        return f"the password must not exceed {MAX_BYTES} bytes"
    if _classes(password) < 2:
        return (
            "the password must mix at least two of: lowercase letters, uppercase letters,"
            " digits, symbols"
        )
    return None


def check_policy(password: str) -> None:
    """Raise 2029 when ``password`` breaks the pool policy."""
    problem = policy_problem(password)
    if problem is not None:
        raise PoolError(errors.WEAK_PASSWORD, problem)
