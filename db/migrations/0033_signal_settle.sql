-- Quality signals counted once per commit instead of once per case (docs/signals.md, "Counting").
-- 0030 counted each case in its own insert: three keys, each through a chain of five statements,
-- cost a submission about a third of its time at a million cases. Now the case insert only queues
-- the case here, in the same statement; the statements of server/signals/settle.ts count everything
-- queued, set-based, inside the same transaction before it commits: once per group commit on Node,
-- at the end of each batch in memory and on D1. What is queued and not yet counted (a write made
-- outside a batch) is counted by the next batch's settle, on any path.
-- day: the case's Beijing day. A settle counts the earliest day queued (a signal depends on the order
-- cases arrive in, and a bulk load queues many days), so each runtime runs it until the queue is empty.
CREATE TABLE signal_pending (
  seq INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  day TEXT NOT NULL
);

-- The keys of the cases being counted, while a settle runs (empty between settles).
CREATE TABLE signal_staged (
  type TEXT NOT NULL,
  key TEXT NOT NULL,
  period TEXT NOT NULL,
  case_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  signal_id TEXT,            -- the signal of the key whose window covers the day, if any
  PRIMARY KEY (type, key, period, case_id)
) WITHOUT ROWID;

DROP TRIGGER signals_case_insert;
DROP TRIGGER signal_members_windowed;
DROP TRIGGER signal_members_spike;

CREATE TRIGGER signals_case_insert AFTER INSERT ON cases
  WHEN (SELECT enabled FROM signal_settings WHERE id = 1) = 1
BEGIN
  INSERT INTO signal_pending (case_id, day) VALUES (NEW.id, date(NEW.received_at, '+8 hours'));
END;

-- A business or product window's count is read from its members now: only spike weeks keep counts.
DELETE FROM signal_counts WHERE type != 'spike';

-- A case whose day a signal of its key already covers is linked to that signal and is no member: the
-- members are the cases a window has not raised a signal for yet (what a raise counts and links).
-- No index by case: the keys of a case are computed from its row (the view below), and a member or a
-- link is then found by its primary key.
DROP INDEX signal_members_case;
DROP INDEX signal_cases_case;
-- (Members counted under 0030 inside a window stay: a later window starts after it and never counts them.)

-- The keys of every case (as docs/signals.md defines them), read by case: a WHERE on case_id reaches
-- each branch, so a case's keys cost three primary-key lookups.
CREATE VIEW case_signal_keys AS
  SELECT c.id AS case_id, 'business' AS type, c.subject_credit_code AS key, date(c.received_at, '+8 hours') AS period
    FROM cases c WHERE c.subject_credit_code IS NOT NULL AND c.credit_code_check_failed = 0
  UNION ALL
  SELECT c.id, 'product',
      CASE WHEN c.product_gtin IS NOT NULL AND c.gtin_check_failed = 0
        THEN CASE WHEN length(c.product_gtin) = 14 AND substr(c.product_gtin, 1, 1) != '0'
          THEN c.product_gtin ELSE substr('0000000000000' || c.product_gtin, -13) END
        ELSE lower(trim(c.product_brand)) || '|' || lower(trim(c.product_model)) END,
      date(c.received_at, '+8 hours')
    FROM cases c WHERE (c.product_gtin IS NOT NULL AND c.gtin_check_failed = 0)
      OR (trim(coalesce(c.product_brand, '')) != '' AND trim(coalesce(c.product_model, '')) != '')
  UNION ALL
  SELECT c.id, 'spike', c.category || '@' || substr(c.region, 1, 4) || '00', date(c.received_at, '+8 hours', '-6 days', 'weekday 1')
    FROM cases c;

-- A case merged into a case with the same key leaves that key: its week's count, the signals it was
-- linked to (a count less) and its member row.
DROP TRIGGER signals_case_merged;
DROP TRIGGER signal_members_removed;
CREATE TRIGGER signals_case_merged AFTER UPDATE OF status ON cases
  WHEN NEW.status = 'merged' AND OLD.status != 'merged' AND NEW.merged_into IS NOT NULL
BEGIN
  UPDATE signal_counts SET n = n - 1 WHERE type = 'spike' AND (key, period) IN (
    SELECT k.key, k.period FROM case_signal_keys k WHERE k.case_id = NEW.id AND k.type = 'spike'
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = 'spike' AND t.key = k.key));
  UPDATE signals SET count = count - 1
    WHERE EXISTS (SELECT 1 FROM signal_cases c WHERE c.signal_id = signals.id AND c.case_id = NEW.id)
      AND (type, key) IN (SELECT k.type, k.key FROM case_signal_keys k WHERE k.case_id = NEW.id
        AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key));
  DELETE FROM signal_cases WHERE case_id = NEW.id AND signal_id IN (
    SELECT s.id FROM case_signal_keys k CROSS JOIN signals s ON s.type = k.type AND s.key = k.key
    WHERE k.case_id = NEW.id
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key));
  DELETE FROM signal_members WHERE case_id = NEW.id AND (type, key, period) IN (
    SELECT k.type, k.key, k.period FROM case_signal_keys k WHERE k.case_id = NEW.id
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key));
END;
