-- Disclosure of a sealed reporter identity (docs/protection.md) and the retention purge.
-- A handler of the lead department files a request with a legal reason; a custodian who is not
-- the requester approves or denies it; only the requester may then view the identity, once.

CREATE TABLE disclosure_requests (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  requested_by TEXT NOT NULL REFERENCES users (id),
  requested_at TEXT NOT NULL,
  legal_reason TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by TEXT REFERENCES users (id),
  decided_at TEXT,
  decision_note TEXT,
  -- Set by the one permitted view; a second view is refused.
  viewed_at TEXT,
  -- The four-eyes rule, also in the schema: nobody approves their own request.
  CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CHECK (viewed_at IS NULL OR status = 'approved')
);
CREATE INDEX disclosure_requests_case ON disclosure_requests (case_id);
CREATE INDEX disclosure_requests_status ON disclosure_requests (status, requested_at);

-- When the retention purge removed the case's identity, original text and attachments; the case
-- row and its aggregates stay.
ALTER TABLE cases ADD COLUMN purged_at TEXT;
CREATE INDEX cases_closed_at ON cases (status, closed_at);
