-- Directory, cases, sealed identities, timeline, clocks and outbox.
-- Plain SQL so that `wrangler d1 migrations apply` and the Node runner read the same file.
-- Times are ISO-8601 TEXT with offset; money is INTEGER fen.

CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  parent TEXT REFERENCES regions (code),
  level TEXT NOT NULL CHECK (level IN ('province', 'city', 'district')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL
);

CREATE TABLE agencies (
  code TEXT PRIMARY KEY,
  levels TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  city_name_zh TEXT,
  name_en TEXT NOT NULL
);

CREATE TABLE departments (
  code TEXT PRIMARY KEY,
  agency TEXT NOT NULL REFERENCES agencies (code),
  region TEXT NOT NULL REFERENCES regions (code),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  email TEXT,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX departments_agency ON departments (agency);

-- The regions a department covers; a covered region includes its descendants.
CREATE TABLE department_jurisdictions (
  department TEXT NOT NULL REFERENCES departments (code) ON DELETE CASCADE,
  region TEXT NOT NULL REFERENCES regions (code),
  PRIMARY KEY (department, region)
);
CREATE INDEX department_jurisdictions_region ON department_jurisdictions (region);

CREATE TABLE categories (
  code TEXT PRIMARY KEY,
  domain TEXT NOT NULL,
  agency TEXT REFERENCES agencies (code),
  kinds TEXT NOT NULL,
  service_class TEXT,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort INTEGER NOT NULL DEFAULT 0
);

-- A rule names the competent agency for a category (optionally only for one kind).
-- The department is then found by jurisdiction; see server/routing/route.ts.
CREATE TABLE routing_rules (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL REFERENCES categories (code),
  kind TEXT CHECK (kind IN ('complaint', 'report', 'injury')),
  agency TEXT NOT NULL REFERENCES agencies (code),
  priority INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  note TEXT
);
CREATE INDEX routing_rules_category ON routing_rules (category);

-- Holidays and adjusted working days (调休) per year; a year listed in calendar_years is published.
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  loaded_at TEXT NOT NULL
);
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  working INTEGER NOT NULL,
  name TEXT NOT NULL
);

CREATE TABLE case_sequences (
  day TEXT PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  case_number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'report', 'injury')),
  category TEXT NOT NULL REFERENCES categories (code),
  -- Not a foreign key: a well-formed region outside the directory is accepted and goes to triage.
  region TEXT NOT NULL,
  status TEXT NOT NULL,
  department TEXT REFERENCES departments (code),
  routing_rule TEXT,
  routing_reason TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  subject_credit_code TEXT,
  subject_address TEXT,
  credit_code_check_failed INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL,
  claim TEXT,
  occurred_on TEXT,
  severity TEXT CHECK (severity IN ('minor', 'serious', 'fatal')),
  reward_requested INTEGER NOT NULL DEFAULT 0,
  urgent INTEGER NOT NULL DEFAULT 0,
  anonymous INTEGER NOT NULL,
  pseudonym TEXT NOT NULL,
  receipt_hash TEXT NOT NULL UNIQUE,
  receipt_key_id TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'zh',
  received_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE INDEX cases_department_status ON cases (department, status);
CREATE INDEX cases_received_at ON cases (received_at);
CREATE INDEX cases_credit_code ON cases (subject_credit_code);

-- Co-handling departments (协办); an urgent injury report is copied to the provincial SAMR.
CREATE TABLE case_cohandlers (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  department TEXT NOT NULL REFERENCES departments (code),
  reason TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (case_id, department)
);
CREATE INDEX case_cohandlers_department ON case_cohandlers (department);

-- Everything that names or could name a reporter, and the original free text, is stored only here,
-- encrypted with a per-record data key wrapped by a master key (key_id says which).
CREATE TABLE sealed_records (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('identity', 'original_text')),
  key_id TEXT NOT NULL,
  wrapped_key TEXT NOT NULL,
  iv TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (case_id, purpose)
);

CREATE TABLE case_events (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT,
  data TEXT,
  public INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE clocks (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  clock TEXT NOT NULL,
  started_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  provisional INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
  stopped_at TEXT,
  paused_at TEXT,
  extended INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clocks_case ON clocks (case_id);
CREATE INDEX clocks_running_due ON clocks (status, due_at);

-- Transactional outbox: written in the same batch as the change it reports. Recipients are
-- references (a department code, or the case's sealed reporter), never addresses of reporters.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  case_id TEXT REFERENCES cases (id) ON DELETE SET NULL,
  template TEXT NOT NULL,
  recipient_type TEXT NOT NULL CHECK (recipient_type IN ('department', 'reporter', 'address')),
  recipient_ref TEXT NOT NULL,
  params TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  message_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_status_next ON outbox (status, next_attempt_at);
