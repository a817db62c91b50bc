-- Periodic statistics reports (issue 16): a month, quarter or year frozen as generated, so the
-- staff download and the public list read the same report on Node and on Workers (D1), where
-- there is no disk to keep files on. `data` is the JSON of the aggregates only, already
-- suppressed (no count under 5, no rate from fewer than 5 cases), with the directory names of the
-- codes it uses; the HTML and CSV are drawn from it.
CREATE TABLE stat_reports (
  period TEXT PRIMARY KEY,      -- '2026-11' | '2026-Q3' | '2026': one report per period
  kind TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'year')),
  from_month TEXT NOT NULL,
  to_month TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,   -- 'system' (the sweeper), 'cli', or the staff username
  data TEXT NOT NULL
);

CREATE INDEX stat_reports_generated ON stat_reports (generated_at);
