-- One row per idempotency key of a submission (issue 14): the form's hidden key or the API's
-- Idempotency-Key header. A repeated post with the same key gets the first answer back instead of
-- filing a second case. The row joins the case's atomic batch; the primary key makes one of any
-- number of concurrent posts with one key win, and the others read its answer.
CREATE TABLE submission_keys (
  -- SHA-256 of the client's key; the key itself is not stored.
  key_hash TEXT PRIMARY KEY,
  -- SHA-256 of the key and the request as parsed: the same key with another request is refused.
  fingerprint TEXT NOT NULL,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  -- The first answer without its case number, sealed (it holds the receipt). A form's answer is
  -- removed once its confirmation page was shown, or when that page's short window has passed.
  key_id TEXT,
  wrapped_key TEXT,
  iv TEXT,
  ciphertext TEXT,
  -- The form's confirmation page: SHA-256 of the random token in its address, and when it was shown.
  view_hash TEXT UNIQUE,
  viewed_at TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX submission_keys_expires ON submission_keys (expires_at);
CREATE INDEX submission_keys_case ON submission_keys (case_id);
