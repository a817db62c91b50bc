-- The queue puts open cases first, by their next due date (those without a running clock after those
-- with one), and closed or merged cases last, whatever due date they kept. The key is the one
-- server/cases/cases.repository.ts sorts, pages and filters on; written the same way here so that
-- SQLite reads the queue along these indexes.
DROP INDEX IF EXISTS cases_queue_department;
DROP INDEX IF EXISTS cases_queue_all;
CREATE INDEX cases_queue_department ON cases (
  department, (CASE WHEN status IN ('closed', 'merged') THEN '~~' ELSE coalesce(next_due_at, '~') END), case_number
);
CREATE INDEX cases_queue_all ON cases (
  (CASE WHEN status IN ('closed', 'merged') THEN '~~' ELSE coalesce(next_due_at, '~') END), case_number
);
