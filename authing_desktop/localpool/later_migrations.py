"""SQL scripts of the migrations from version 12 on (the list is `migrations.MIGRATIONS`)."""

REFRESH_TOKENS = """
-- OIDC refresh tokens (docs/local-pool.md, "Refresh tokens"): one family per sign-in that was
-- granted offline_access; each token is single-use and only the hash of its secret is kept.
CREATE TABLE refresh_families (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    client_id   TEXT NOT NULL,
    scope       TEXT NOT NULL,
    auth_time   INTEGER NOT NULL,
    created_at  REAL NOT NULL,
    failures    INTEGER NOT NULL DEFAULT 0,
    revoked_at  REAL
);
CREATE INDEX refresh_families_by_user ON refresh_families(user_id);
CREATE TABLE refresh_tokens (
    id          TEXT PRIMARY KEY,
    family_id   TEXT NOT NULL REFERENCES refresh_families(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL,
    issued_at   REAL NOT NULL,
    expires_at  REAL NOT NULL,
    used_at     REAL
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens(family_id);
-- The access and id tokens issued from a family, revoked with it.
ALTER TABLE tokens ADD COLUMN refresh_family TEXT;
CREATE INDEX tokens_by_refresh_family ON tokens(refresh_family);
"""

ADMIN_SIDE = """
-- Issue 19 (docs/pool-admin.md): the user pool secret the management API's accessToken asks
-- for, made for pools that exist already (new pools get one in `identity`).
ALTER TABLE identity ADD COLUMN user_pool_secret TEXT;
UPDATE identity SET user_pool_secret = lower(hex(randomblob(16))) WHERE user_pool_secret IS NULL;

-- The user-pool policy keys an admin changed (`pool_policy`): camelCase key, JSON value.
CREATE TABLE pool_policy (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at REAL
);

-- Applications made by an admin keep their redirect URIs and secret (`admin_structure`).
ALTER TABLE applications ADD COLUMN redirect_uris TEXT NOT NULL DEFAULT '[]';
ALTER TABLE applications ADD COLUMN secret TEXT;
"""

POLICY_EFFECTS = """
-- When the user's password was last set, for the periodic change of the pool policy's
-- passwordUpdatePolicy (docs/pool-admin.md); NULL: when the user was created.
ALTER TABLE users ADD COLUMN password_changed_at REAL;
UPDATE users SET password_changed_at = created_at WHERE password_hash IS NOT NULL;

-- Recent registrations per client address, for the policy's frequentRegisterCheck.
CREATE TABLE registrations (
    address       TEXT NOT NULL,
    registered_at REAL NOT NULL
);
CREATE INDEX registrations_by_address ON registrations(address, registered_at);
"""

PASSKEYS = """
-- WebAuthn credentials (passkeys and security keys, docs/passkeys.md): the public key is no
-- secret; sign_count is the authenticator's last counter (a counter that does not grow is a
-- possible clone and is refused).
CREATE TABLE webauthn_credentials (
    id                 TEXT PRIMARY KEY,
    user_id            TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    credential_id      TEXT NOT NULL UNIQUE,
    public_key         BLOB NOT NULL,
    sign_count         INTEGER NOT NULL DEFAULT 0,
    name               TEXT NOT NULL,
    authenticator_code TEXT NOT NULL DEFAULT 'other',
    transports         TEXT NOT NULL DEFAULT '[]',
    aaguid             TEXT,
    rp_id              TEXT NOT NULL,
    user_verified      INTEGER NOT NULL DEFAULT 0,
    backed_up          INTEGER NOT NULL DEFAULT 0,
    created_at         REAL NOT NULL,
    last_used_at       REAL
);
CREATE INDEX webauthn_credentials_by_user ON webauthn_credentials(user_id, created_at);
"""

STEP_UP = """
-- Step-up before sensitive changes (issue 21, docs/step-up.md): when each session last proved
-- who it is (its sign-in; a refresh carries it over), and the step-up proofs, kept as hashes.
ALTER TABLE tokens ADD COLUMN proven_at REAL;
CREATE TABLE stepup_proofs (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_jti TEXT NOT NULL,
    method      TEXT NOT NULL,
    issued_at   REAL NOT NULL,
    expires_at  REAL NOT NULL
);
CREATE INDEX stepup_proofs_by_user ON stepup_proofs(user_id);
"""

RECOVERY_CODE_AGE = """
-- When the authenticator's recovery code was made (issue 21, docs/protocol.md "Recovery code
-- state"): shown to the user, never the code. Existing codes date from their factor's last
-- change, the closest the table knows.
ALTER TABLE mfa_factors ADD COLUMN recovery_code_at REAL;
UPDATE mfa_factors SET recovery_code_at = updated_at WHERE recovery_code_hash IS NOT NULL;
"""

LINK_STATES = """
-- Linking an outside account in the browser (docs/linked-accounts.md): the single-use, short-lived
-- ticket of generate-link-extidp-url and the state at the simulated provider, each bound to the
-- user who asked and kept only as a hash; browser_hash binds a state to the browser that
-- started it.
CREATE TABLE link_states (
    secret_hash  TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    app_id       TEXT NOT NULL,
    target_url   TEXT,
    browser_hash TEXT,
    created_at   REAL NOT NULL,
    expires_at   REAL NOT NULL,
    used_at      REAL
);
CREATE INDEX link_states_by_expiry ON link_states(expires_at);
"""
