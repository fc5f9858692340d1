"""Password transport encryption: RSA PKCS#1 v1.5, base64, as every Authing SDK sends passwords
(docs/protocol.md#password-encryption).

The key is chosen once per client, in this order: the profile's configured PEM, else the pool's
``GET {host}/api/v2/.well-known`` key (fetched lazily on the first password), else Authing
cloud's published default key. The parsed key is cached, so a call costs one RSA operation.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Awaitable, Callable

from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from authing_desktop.api.errors import AuthingArgumentError, AuthingError, MalformedResponse

# Authing cloud's published 1024-bit password-encryption public key, as shipped in the official
# SDKs (authing.v2.authentication.types.DEFAULT_ENCRYPT_PUBLICKEY). A public key: data, not a
# secret.
AUTHING_CLOUD_PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC4xKeUgQ+Aoz7TLfAfs9+paePb
5KIofVthEopwrXFkp8OCeocaTHt9ICjTT2QeJh6cZaDaArfZ873GPUn00eOIZ7Ae
+TiA2BKHbCvloW3w5Lnqm70iSsUi5Fmu9/2+68GZRH9L7Mlh8cFksCicW2Y2W2uM
GKl64GDcIq3au+aqJQIDAQAB
-----END PUBLIC KEY-----
"""

# PKCS#1 v1.5 type-2 padding takes 11 bytes of the modulus.
_PKCS1_OVERHEAD = 11

WellKnownFetcher = Callable[[], Awaitable[str | None]]


def load_public_key(pem: str) -> RSAPublicKey:
    """Parse an X.509 SubjectPublicKeyInfo PEM into an RSA public key."""
    try:
        key = load_pem_public_key(pem.strip().encode("ascii"))
    except (ValueError, TypeError, UnicodeEncodeError) as exc:
        raise AuthingArgumentError("the password-encryption key is not a valid PEM") from exc
    if not isinstance(key, RSAPublicKey):
        raise AuthingArgumentError("the password-encryption key is not an RSA key")
    return key


def encrypt_with_key(key: RSAPublicKey, password: str) -> str:
    """``base64(RSA-PKCS1v15(utf8(password)))``."""
    plaintext = password.encode("utf-8")
    if len(plaintext) > key.key_size // 8 - _PKCS1_OVERHEAD:
        raise AuthingArgumentError("the password is too long to be encrypted with this key")
    return base64.b64encode(key.encrypt(plaintext, padding.PKCS1v15())).decode("ascii")


class PasswordEncryptor:
    """Encrypts passwords with the connection's key, resolved once (see the module doc).

    ``fetch_well_known`` returns the pool's PEM, or None when the pool publishes none; it raises
    NetworkError/RequestTimeout when the pool cannot be asked, in which case nothing is cached
    and the next password tries again.
    """

    def __init__(
        self, configured_pem: str | None, fetch_well_known: WellKnownFetcher | None,
    ) -> None:
        self._key: RSAPublicKey | None = (
            load_public_key(configured_pem) if configured_pem else None)
        self._fetch_well_known = fetch_well_known
        self._lock = asyncio.Lock()
        self.source = "configured" if self._key is not None else "unresolved"

    async def encrypt(self, password: str) -> str:
        """The transport form of ``password``."""
        if not isinstance(password, str) or not password:
            raise AuthingArgumentError("the password must be a non-empty string")
        key = self._key or await self._resolve_key()
        return encrypt_with_key(key, password)

    async def _resolve_key(self) -> RSAPublicKey:
        async with self._lock:
            if self._key is not None:
                return self._key
            pem: str | None = None
            if self._fetch_well_known is not None:
                try:
                    pem = await self._fetch_well_known()
                except (AuthingError, MalformedResponse):
                    pem = None  # the host publishes no key (Authing cloud): use the cloud key
            if pem:
                self._key, self.source = load_public_key(pem), "well-known"
            else:
                self._key, self.source = load_public_key(AUTHING_CLOUD_PUBLIC_KEY), "default"
            return self._key
