-- Work-order handling on top of the intake core: dispatches (签收/退回), paused clocks (挂起),
-- urging (催办), transfers, merging, re-handling, messages and the hash-chained audit log.

ALTER TABLE cases ADD COLUMN next_due_at TEXT;
ALTER TABLE cases ADD COLUMN fine_fen INTEGER;
ALTER TABLE cases ADD COLUMN transfer_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN status_before_transfer TEXT;
ALTER TABLE cases ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN urge_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN last_urged_at TEXT;
ALTER TABLE cases ADD COLUMN rehandle_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN merged_into TEXT REFERENCES cases (id);
ALTER TABLE cases ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0;
-- The queue is sorted by the next due date, cases without a running clock last ('~' sorts after digits).
CREATE INDEX cases_queue_department ON cases (department, coalesce(next_due_at, '~'), case_number);
CREATE INDEX cases_queue_all ON cases (coalesce(next_due_at, '~'), case_number);
CREATE INDEX cases_subject_name ON cases (subject_name, category);

-- Each dispatch of a case to a department: the unit of the hotline KPIs.
CREATE TABLE case_assignments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  department TEXT NOT NULL REFERENCES departments (code),
  dispatched_at TEXT NOT NULL,
  sign_due_at TEXT NOT NULL,
  signed_at TEXT,
  returned_at TEXT,
  return_reason TEXT
);
CREATE INDEX case_assignments_case ON case_assignments (case_id);
CREATE INDEX case_assignments_department ON case_assignments (department, dispatched_at);

ALTER TABLE clocks ADD COLUMN paused_working_days INTEGER NOT NULL DEFAULT 0;

CREATE TABLE case_messages (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  sender TEXT NOT NULL CHECK (sender IN ('reporter', 'department')),
  author TEXT,
  -- Redacted text for staff; a reporter's original is sealed in sealed_messages.
  body TEXT NOT NULL
);
CREATE INDEX case_messages_case ON case_messages (case_id, at);

-- Append-only; each entry's hash covers the previous entry's hash, so an edit or a deletion
-- anywhere breaks the chain from that point (npm run intake -- audit verify).
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  case_id TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Backfill for cases received before this migration.
UPDATE cases SET next_due_at = (
  SELECT min(due_at) FROM clocks WHERE clocks.case_id = cases.id AND clocks.status = 'running'
);
INSERT INTO case_assignments (id, case_id, department, dispatched_at, sign_due_at)
  SELECT 'backfill-' || id, id, department, received_at, received_at FROM cases WHERE department IS NOT NULL;
