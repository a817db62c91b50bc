-- Reporter follow-up with the receipt: sessions, sealed originals of reporter messages, satisfaction.

-- A follow-up session is a random token stored only as its SHA-256; it names the case, not a person.
CREATE TABLE followup_sessions (
  id_hash TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX followup_sessions_case ON followup_sessions (case_id);

-- The reporter's own words, encrypted; staff read the redacted copy in case_messages.body.
CREATE TABLE sealed_messages (
  message_id TEXT PRIMARY KEY REFERENCES case_messages (id) ON DELETE CASCADE,
  key_id TEXT NOT NULL,
  wrapped_key TEXT NOT NULL,
  iv TEXT NOT NULL,
  ciphertext TEXT NOT NULL
);

CREATE TABLE satisfaction (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  resolved INTEGER NOT NULL,
  comment TEXT,
  at TEXT NOT NULL
);
