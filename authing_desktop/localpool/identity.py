"""The pool's identity: user pool id and secret, the application (id + secret) and the RSA key
pair that clients use to encrypt passwords. Created once on first start, then read back."""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from authing_desktop.localpool.storage import Database

RSA_BITS = 2048
MAIN_APP_NAME = "Authing Desktop"
MAIN_APP_IDENTIFIER = "authing-desktop"


def new_id() -> str:
    """A 24-hex-digit id shaped like Authing's (Mongo ObjectId) ids."""
    return secrets.token_hex(12)


@dataclass(frozen=True)
class PoolIdentity:
    """Who this pool is; `private_key` decrypts client passwords, `app_secret` signs tokens,
    `user_pool_secret` is what the management API's ``accessToken`` asks for and what signs
    its management tokens (docs/pool-admin.md)."""

    user_pool_id: str
    app_id: str
    app_secret: str = field(repr=False)
    private_key: rsa.RSAPrivateKey = field(repr=False)
    user_pool_secret: str = field(default="", repr=False)

    @property
    def public_key_pem(self) -> str:
        """The X.509 SubjectPublicKeyInfo PEM the SDK's `enc_public_key` expects."""
        return (
            self.private_key.public_key()
            .public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            )
            .decode("ascii")
        )


def _create(conn: sqlite3.Connection, now: float) -> None:
    if conn.execute("SELECT 1 FROM identity WHERE id = 1").fetchone():
        return
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    app_id = new_id()
    conn.execute(
        "INSERT INTO identity(id, user_pool_id, app_id, app_secret, private_key_pem, created_at,"
        " user_pool_secret) VALUES (1, ?, ?, ?, ?, ?, ?)",
        (new_id(), app_id, secrets.token_hex(16), pem, now, secrets.token_hex(16)),
    )
    conn.execute(
        "INSERT INTO applications(id, name, identifier, description, protocol, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, 'oidc', ?, ?)",
        (app_id, MAIN_APP_NAME, MAIN_APP_IDENTIFIER,
         "The desktop self-service center of this local pool", now, now),
    )
    conn.execute(
        "INSERT OR IGNORE INTO namespaces(code, name, description, created_at)"
        " VALUES ('default', 'Default', 'The default permission namespace', ?)",
        (now,),
    )


def load_identity(db: Database) -> PoolIdentity:
    """Read the pool identity, creating it (and the main application) on first start."""
    now = db.clock.now()
    db.write(lambda conn: _create(conn, now))
    row = db.connection().execute(
        "SELECT user_pool_id, app_id, app_secret, private_key_pem, user_pool_secret"
        " FROM identity WHERE id = 1"
    ).fetchone()
    key = serialization.load_pem_private_key(row["private_key_pem"].encode("ascii"), None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise RuntimeError("the pool's stored key is not an RSA key")
    return PoolIdentity(
        user_pool_id=row["user_pool_id"], app_id=row["app_id"], app_secret=row["app_secret"],
        private_key=key, user_pool_secret=row["user_pool_secret"],
    )
