"""The pool database schema as an ordered list of migrations.

Append new migrations at the end with the next version number; never edit an applied one.
Each migration runs in one transaction together with its `schema_migrations` row.
"""

from __future__ import annotations

from typing import NamedTuple

from authing_desktop.localpool.later_migrations import (
    ADMIN_SIDE,
    LINK_STATES,
    PASSKEYS,
    POLICY_EFFECTS,
    RECOVERY_CODE_AGE,
    REFRESH_TOKENS,
    STEP_UP,
)


class Migration(NamedTuple):
    """One schema step: a version, a short name and the SQL script."""

    version: int
    name: str
    sql: str


_INITIAL = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE identity (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    user_pool_id    TEXT NOT NULL,
    app_id          TEXT NOT NULL,
    app_secret      TEXT NOT NULL,
    private_key_pem TEXT NOT NULL,
    created_at      REAL NOT NULL
);

CREATE TABLE applications (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    identifier  TEXT NOT NULL UNIQUE,
    description TEXT,
    logo        TEXT,
    domain      TEXT,
    protocol    TEXT NOT NULL DEFAULT 'oidc',
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL
);

CREATE TABLE users (
    id                    TEXT PRIMARY KEY,
    username              TEXT UNIQUE,
    email                 TEXT COLLATE NOCASE UNIQUE,
    phone                 TEXT UNIQUE,
    external_id           TEXT UNIQUE,
    email_verified        INTEGER NOT NULL DEFAULT 0,
    phone_verified        INTEGER NOT NULL DEFAULT 0,
    password_hash         TEXT,
    password_level        INTEGER,
    reset_on_first_login  INTEGER NOT NULL DEFAULT 0,
    force_password_reset  INTEGER NOT NULL DEFAULT 0,
    status                TEXT NOT NULL DEFAULT 'Activated',
    blocked               INTEGER NOT NULL DEFAULT 0,
    register_source       TEXT NOT NULL DEFAULT '[]',
    logins_count          INTEGER NOT NULL DEFAULT 0,
    last_login            REAL,
    last_ip               TEXT,
    current_jti           TEXT,
    unionid               TEXT,
    openid                TEXT,
    oauth                 TEXT,
    nickname              TEXT,
    photo                 TEXT,
    company               TEXT,
    browser               TEXT,
    device                TEXT,
    name                  TEXT,
    given_name            TEXT,
    family_name           TEXT,
    middle_name           TEXT,
    profile               TEXT,
    preferred_username    TEXT,
    website               TEXT,
    gender                TEXT NOT NULL DEFAULT 'U',
    birthdate             TEXT,
    zoneinfo              TEXT,
    locale                TEXT,
    address               TEXT,
    formatted             TEXT,
    street_address        TEXT,
    locality              TEXT,
    region                TEXT,
    postal_code           TEXT,
    city                  TEXT,
    province              TEXT,
    country               TEXT,
    phone_country_code    TEXT,
    created_at            REAL NOT NULL,
    updated_at            REAL NOT NULL
);

-- Every token the pool issued; a later "devices and sessions" feature builds on it.
CREATE TABLE tokens (
    jti        TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    app_id     TEXT,
    kind       TEXT NOT NULL DEFAULT 'login',
    token      TEXT NOT NULL,
    issued_at  REAL NOT NULL,
    expires_at REAL NOT NULL,
    revoked_at REAL,
    client_ip  TEXT,
    user_agent TEXT
);
CREATE INDEX tokens_by_user ON tokens(user_id, kind);

CREATE TABLE verification_codes (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    destination TEXT NOT NULL,
    scene       TEXT NOT NULL,
    code        TEXT NOT NULL,
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL,
    used_at     REAL,
    attempts    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX codes_by_destination ON verification_codes(channel, destination);

CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    destination TEXT NOT NULL,
    scene       TEXT NOT NULL,
    code        TEXT NOT NULL,
    created_at  REAL NOT NULL
);
CREATE INDEX outbox_by_destination ON outbox(channel, destination COLLATE NOCASE, created_at);

CREATE TABLE login_failures (
    subject         TEXT PRIMARY KEY,
    count           INTEGER NOT NULL,
    last_failure_at REAL NOT NULL,
    locked_until    REAL
);

CREATE TABLE udf_definitions (
    target_type TEXT NOT NULL,
    key         TEXT NOT NULL,
    data_type   TEXT NOT NULL
        CHECK (data_type IN ('STRING', 'NUMBER', 'DATETIME', 'BOOLEAN', 'OBJECT', 'SELECT')),
    label       TEXT,
    options     TEXT,
    PRIMARY KEY (target_type, key)
);

CREATE TABLE udf_values (
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    key         TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  REAL NOT NULL,
    PRIMARY KEY (target_type, target_id, key),
    FOREIGN KEY (target_type, key) REFERENCES udf_definitions(target_type, key) ON DELETE CASCADE
);

CREATE TABLE namespaces (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT,
    created_at  REAL NOT NULL
);

CREATE TABLE roles (
    id          TEXT PRIMARY KEY,
    namespace   TEXT NOT NULL REFERENCES namespaces(code) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    description TEXT,
    parent_id   TEXT REFERENCES roles(id) ON DELETE SET NULL,
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL,
    UNIQUE (namespace, code)
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, role_id)
);

CREATE TABLE resources (
    id          TEXT PRIMARY KEY,
    namespace   TEXT NOT NULL REFERENCES namespaces(code) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('DATA', 'API', 'MENU', 'UI', 'BUTTON')),
    description TEXT,
    actions     TEXT NOT NULL DEFAULT '[]',
    UNIQUE (namespace, code)
);

-- A role's grant on a resource: the subset of the resource's actions it allows.
CREATE TABLE role_resources (
    role_id     TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
    actions     TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (role_id, resource_id)
);

CREATE TABLE orgs (
    id           TEXT PRIMARY KEY,
    root_node_id TEXT,
    logo         TEXT,
    created_at   REAL NOT NULL,
    updated_at   REAL NOT NULL
);

CREATE TABLE org_nodes (
    id             TEXT PRIMARY KEY,
    org_id         TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    parent_id      TEXT REFERENCES org_nodes(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    code           TEXT,
    description    TEXT,
    sort_order     INTEGER NOT NULL DEFAULT 0,
    leader_user_id TEXT,
    created_at     REAL NOT NULL,
    updated_at     REAL NOT NULL
);

CREATE TABLE node_members (
    node_id   TEXT NOT NULL REFERENCES org_nodes(id) ON DELETE CASCADE,
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    is_main   INTEGER NOT NULL DEFAULT 0,
    joined_at REAL NOT NULL,
    PRIMARY KEY (node_id, user_id)
);

CREATE TABLE sub_accounts (
    user_id      TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    main_user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   REAL NOT NULL
);
"""

_IDENTITY_SOURCES = """
-- External identities (LDAP, AD, WeChat, ...) linked to a user: a later sign-in through the same
-- source and external id finds the same user; account linking moves these rows.
CREATE TABLE identities (
    provider    TEXT NOT NULL,
    external_id TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    connection  TEXT NOT NULL,
    openid      TEXT,
    profile     TEXT NOT NULL DEFAULT '{}',
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL,
    PRIMARY KEY (provider, external_id)
);
CREATE INDEX identities_by_user ON identities(user_id, provider);

-- One-time codes of simulated social logins (the WeChat mobile connection).
CREATE TABLE social_codes (
    code        TEXT PRIMARY KEY,
    connection  TEXT NOT NULL,
    identity    TEXT NOT NULL,
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL,
    used_at     REAL
);

-- The outbox also records the simulated WeChat codes (channel 'wechat').
CREATE TABLE outbox_v2 (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'wechat')),
    destination TEXT NOT NULL,
    scene       TEXT NOT NULL,
    code        TEXT NOT NULL,
    created_at  REAL NOT NULL
);
INSERT INTO outbox_v2(id, channel, destination, scene, code, created_at)
    SELECT id, channel, destination, scene, code, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v2 RENAME TO outbox;
CREATE INDEX outbox_by_destination ON outbox(channel, destination COLLATE NOCASE, created_at);

-- The RS256 key that signs OIDC access tokens (published at /oidc/.well-known/jwks.json).
CREATE TABLE signing_keys (
    kid             TEXT PRIMARY KEY,
    private_key_pem TEXT NOT NULL,
    created_at      REAL NOT NULL
);
"""

_BEYOND_V2 = """
-- Second factors (docs/protocol.md, MFA challenge): one row per user and kind. OTP rows hold the
-- TOTP secret
-- (the pool database is the only place it lives) and the hash of the single recovery code;
-- `enabled` is 0 between associate and confirm. SMS / EMAIL rows name their target.
CREATE TABLE mfa_factors (
    id                 TEXT PRIMARY KEY,
    user_id            TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    factor_type        TEXT NOT NULL CHECK (factor_type IN ('OTP', 'SMS', 'EMAIL')),
    source             TEXT NOT NULL DEFAULT 'SELF',
    secret             TEXT,
    recovery_code_hash TEXT,
    target             TEXT,
    enabled            INTEGER NOT NULL DEFAULT 0,
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_used_step     INTEGER,
    created_at         REAL NOT NULL,
    updated_at         REAL NOT NULL,
    UNIQUE (user_id, factor_type)
);

-- Sign-in challenges that saw at least one verification attempt (mfaTokens are stateless JWTs;
-- this row caps the guesses per token and makes a token single-use).
CREATE TABLE mfa_challenges (
    jti        TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    attempts   INTEGER NOT NULL DEFAULT 0,
    used_at    REAL,
    expires_at REAL NOT NULL
);

-- The device a login token was issued to (x-authing-device-id, else derived from UA + IP).
CREATE TABLE token_devices (
    jti       TEXT PRIMARY KEY REFERENCES tokens(jti) ON DELETE CASCADE,
    device_id TEXT NOT NULL
);

-- Devices of a user: seen at sign-in or registered with /api/v3/create-device.
CREATE TABLE devices (
    user_id        TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id      TEXT NOT NULL,
    name           TEXT,
    type           TEXT NOT NULL DEFAULT 'Desktop',
    os             TEXT,
    version        TEXT,
    model          TEXT,
    producer       TEXT,
    browser        TEXT,
    user_agent     TEXT,
    last_ip        TEXT,
    created_at     REAL NOT NULL,
    last_login_at  REAL,
    last_active_at REAL,
    PRIMARY KEY (user_id, device_id)
);

-- Every sign-in attempt; user_id is NULL when the account could not be identified.
CREATE TABLE login_history (
    id            INTEGER PRIMARY KEY,
    user_id       TEXT REFERENCES users(id) ON DELETE CASCADE,
    app_id        TEXT,
    login_at      REAL NOT NULL,
    client_ip     TEXT,
    user_agent    TEXT,
    device_id     TEXT,
    method        TEXT NOT NULL,
    second_factor TEXT,
    success       INTEGER NOT NULL,
    code          INTEGER NOT NULL,
    error_message TEXT
);
CREATE INDEX login_history_by_user ON login_history(user_id, login_at);

-- Step 1 of account deletion: a short-lived single-use ticket (only its hash is kept).
CREATE TABLE account_deletion_tickets (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at REAL NOT NULL,
    used_at    REAL
);
"""

_EMAIL_LINKS = """
-- Local pool only: the VERIFY_EMAIL mail also carries a one-time link (only its hash is kept
-- here; the outbox, like its codes, shows the link itself).
ALTER TABLE outbox ADD COLUMN link TEXT;
CREATE TABLE email_verification_links (
    token_hash  TEXT PRIMARY KEY,
    email       TEXT NOT NULL COLLATE NOCASE,
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL,
    used_at     REAL
);
CREATE INDEX email_verification_links_by_email ON email_verification_links(email);
"""

_SECRETS_AT_REST = """
-- Issue 16: no issued token is kept in plain text; revocation needs only the jti.
ALTER TABLE tokens DROP COLUMN token;

-- Password guesses being evaluated (see localpool/guess_limits.py).
ALTER TABLE login_failures ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;

-- Codes are kept only while they live: used and superseded ones are deleted, expired ones lose
-- their code (the row stays a while, so that a late answer hears "expired", not "wrong").
DELETE FROM verification_codes WHERE used_at IS NOT NULL;
UPDATE verification_codes SET code = ''
    WHERE expires_at <= (julianday('now') - 2440587.5) * 86400.0;

-- The outbox shows a message (its code or link) until the code expires.
ALTER TABLE outbox ADD COLUMN expires_at REAL;
UPDATE outbox SET expires_at = created_at + 300;
DELETE FROM outbox WHERE expires_at <= (julianday('now') - 2440587.5) * 86400.0;

-- Simulated WeChat codes: only a hash of each (the outbox shows the code while it lives).
DROP TABLE social_codes;
CREATE TABLE social_codes (
    code_hash   TEXT PRIMARY KEY,
    connection  TEXT NOT NULL,
    identity    TEXT NOT NULL,
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL,
    used_at     REAL
);

-- When a code went where: the per-destination resend interval and the pool-wide send limit
-- (no code is kept here).
CREATE TABLE code_sends (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL,
    destination TEXT NOT NULL COLLATE NOCASE,
    sent_at     REAL NOT NULL
);
CREATE INDEX code_sends_by_destination ON code_sends(channel, destination, sent_at);
CREATE INDEX code_sends_by_time ON code_sends(sent_at);
INSERT INTO code_sends(channel, destination, sent_at)
    SELECT channel, destination, created_at FROM outbox WHERE channel IN ('sms', 'email');
"""

_CAPTCHA_OUTBOX = """
-- The outbox also shows the answer of each live captcha (channel 'captcha', to: the caller
-- key), for the pool's admin (docs/local-pool.md).
CREATE TABLE outbox_v3 (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL CHECK (channel IN ('sms', 'email', 'wechat', 'captcha')),
    destination TEXT NOT NULL,
    scene       TEXT NOT NULL,
    code        TEXT NOT NULL,
    created_at  REAL NOT NULL,
    link        TEXT,
    expires_at  REAL
);
INSERT INTO outbox_v3(id, channel, destination, scene, code, created_at, link, expires_at)
    SELECT id, channel, destination, scene, code, created_at, link, expires_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_by_destination ON outbox(channel, destination COLLATE NOCASE, created_at);
"""

MIGRATIONS: list[Migration] = [
    Migration(1, "initial schema", _INITIAL),
    Migration(2, "identity sources, social codes, signing keys", _IDENTITY_SOURCES),
    # 8: issue 8 ("beyond v2"); versions 3-7 are left to work that runs concurrently with it.
    Migration(8, "mfa factors, devices, login history, account deletion", _BEYOND_V2),
    Migration(9, "email verification links", _EMAIL_LINKS),
    Migration(10, "no tokens or dead codes at rest, code send log", _SECRETS_AT_REST),
    Migration(11, "captcha answers in the outbox", _CAPTCHA_OUTBOX),
    Migration(12, "user pool secret, pool policy, application details", ADMIN_SIDE),
    Migration(13, "password age, registration log", POLICY_EFFECTS),
    # 14-19 were left free for work done alongside the refresh tokens.
    Migration(20, "oidc refresh tokens", REFRESH_TOKENS),
    Migration(21, "webauthn credentials", PASSKEYS),
    # 22 is left to work that runs alongside this one (issue 21).
    Migration(23, "recovery code age", RECOVERY_CODE_AGE),
    Migration(24, "link states of outside accounts", LINK_STATES),
    Migration(25, "step-up proofs", STEP_UP),
]
