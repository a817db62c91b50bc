-- Staff accounts and their sessions (department workspace, part 1).
-- Failed-login counters are deliberately not a table: they live in memory for 15 minutes
-- (server/staff/throttle.ts), so no client address ever reaches the database.

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  -- Stored lower-case, so 'Tianhe.Handler' and 'tianhe.handler' cannot be two accounts.
  username TEXT NOT NULL UNIQUE CHECK (username = lower(username)),
  -- 'pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>' (server/staff/password.ts).
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN (
    'intake', 'handler', 'supervisor', 'reward_officer', 'reward_approver', 'custodian', 'auditor', 'admin'
  )),
  department TEXT REFERENCES departments (code),
  display_name TEXT NOT NULL,
  -- A sealed box (JSON of server/identity/seal.ts `Sealed`). A TOTP secret is a shared key the
  -- server must read back, so it cannot be hashed; sealing it under the master key means a copied
  -- database file alone cannot mint one-time codes.
  totp_secret TEXT,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  -- The 30-second step of the last accepted code: the same code is never accepted twice (RFC 6238 5.2).
  totp_last_step INTEGER,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Sessions opened before this time are no longer valid.
  password_changed_at TEXT NOT NULL,
  CHECK (role NOT IN ('handler', 'supervisor') OR department IS NOT NULL),
  CHECK (totp_enabled = 0 OR totp_secret IS NOT NULL)
);
CREATE INDEX users_department ON users (department);

CREATE TABLE sessions (
  -- Hex SHA-256 of the bearer token; the token itself is shown once and never stored.
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  -- The absolute end, however active the session is; the idle limit runs from last_seen_at.
  expires_at TEXT NOT NULL,
  csrf_token TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);
