-- Satisfaction that acts (issue 16): the comment's original sealed like a reporter message, the
-- rating link mailed after closing, and the re-handling list read by rating.

-- The reporter's own words of a rating comment, encrypted; staff read the redacted satisfaction.comment.
CREATE TABLE sealed_satisfaction (
  case_id TEXT PRIMARY KEY REFERENCES satisfaction (case_id) ON DELETE CASCADE,
  key_id TEXT NOT NULL,
  wrapped_key TEXT NOT NULL,
  iv TEXT NOT NULL,
  ciphertext TEXT NOT NULL
);

-- A single-use rating link: a random token stored only as its SHA-256, one per case (a new one
-- replaces the old when the mail is sent again).
CREATE TABLE rating_tokens (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- The re-handling list: low ratings and "not resolved", newest first.
CREATE INDEX satisfaction_at ON satisfaction (at);
