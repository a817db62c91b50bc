-- API clients (issue 17): one row per key an operator or admin gave out, e.g. for Open311.
-- The key itself is shown once and never stored: key_hash is its SHA-256 (hex). The keys are
-- 32 random bytes, so a plain hash cannot be reversed by trying candidates; and unlike an HMAC
-- under the master key, it keeps matching after `keys rotate`.
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  -- The admin's username, or 'cli' for the command line.
  created_by TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT,
  -- Updated in batches (at most about once a minute per key and process), not on every request.
  last_used_at TEXT,
  request_count INTEGER NOT NULL DEFAULT 0
);
-- A name names one active key; a revoked key's name may be given again.
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
CREATE INDEX api_keys_created ON api_keys (created_at);
