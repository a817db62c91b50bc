-- One-time codes enrolled by their owner, and roles that only a second admin can grant (issue 13).

-- A secret offered at a sign-in of an account that needs a one-time code but has none yet. It
-- becomes totp_secret only when a code made from it comes back, so the admin who made the account
-- never sees the secret. Sealed like totp_secret; offered again (a new one) after 10 minutes.
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending_at TEXT;

-- Giving an account the admin, custodian or reward-approver role (a new account, a role change, a
-- re-enable, a password reset) waits here until another admin approves it; the account does not
-- change until then. The CLI operator may approve alone.
CREATE TABLE account_grants (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('create', 'role', 'enable', 'password')),
  -- The role the account has once the grant is approved.
  role TEXT NOT NULL,
  department TEXT,
  -- A password reset's new hash, applied on approval; never a password.
  password_hash TEXT,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by TEXT,
  decided_at TEXT
);
-- One open question per account: a second request waits for the first to be decided.
CREATE UNIQUE INDEX account_grants_one_pending ON account_grants (user_id) WHERE status = 'pending';
CREATE INDEX account_grants_status ON account_grants (status, requested_at);
