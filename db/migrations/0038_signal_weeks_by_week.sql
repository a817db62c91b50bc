-- The spike weeks stored week first (docs/signals.md, "Counting"). Every case is counted under its
-- category × city week: its week's count and, until a spike covers the week, a member row. Keyed by
-- key first, a week's rows lay among all the weeks of their key: each case's count and member row on
-- a page of its own, read and written all over the tables. Keyed by the week first, a week's counts
-- share a few pages and its members sit together, by key: a commit's cases write within their week.
-- A spike raised links its week's members of its key (one range of the primary key).

-- Counts: one row per week and key (spike only since 0033). The trailing mean's 12 weeks are read as
-- 12 probes (server/signals/settle.ts, RAISE_SPIKE).
CREATE TABLE signal_week_counts (
  period TEXT NOT NULL,      -- the ISO week's Monday, 'YYYY-MM-DD' (Beijing)
  key TEXT NOT NULL,         -- category@city
  n INTEGER NOT NULL,
  PRIMARY KEY (period, key)
) WITHOUT ROWID;
INSERT INTO signal_week_counts (period, key, n) SELECT period, key, n FROM signal_counts WHERE type = 'spike';
DROP TABLE signal_counts;

-- Members of a week no spike covers yet: the cases a spike raised for the week links, by its key.
CREATE TABLE signal_week_members (
  period TEXT NOT NULL,
  key TEXT NOT NULL,
  case_id TEXT NOT NULL,
  PRIMARY KEY (period, key, case_id)
) WITHOUT ROWID;
INSERT INTO signal_week_members (period, key, case_id)
  SELECT period, key, case_id FROM signal_members WHERE type = 'spike';
DELETE FROM signal_members WHERE type = 'spike';

-- A case merged into a case with the same key leaves that key: as in 0033, with the spike week's
-- count and member row in the tables above.
DROP TRIGGER signals_case_merged;
CREATE TRIGGER signals_case_merged AFTER UPDATE OF status ON cases
  WHEN NEW.status = 'merged' AND OLD.status != 'merged' AND NEW.merged_into IS NOT NULL
BEGIN
  UPDATE signal_week_counts SET n = n - 1 WHERE (period, key) IN (
    SELECT k.period, k.key FROM case_signal_keys k WHERE k.case_id = NEW.id AND k.type = 'spike'
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
    SELECT k.type, k.key, k.period FROM case_signal_keys k WHERE k.case_id = NEW.id AND k.type != 'spike'
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key));
  DELETE FROM signal_week_members WHERE case_id = NEW.id AND (period, key) IN (
    SELECT k.period, k.key FROM case_signal_keys k WHERE k.case_id = NEW.id AND k.type = 'spike'
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = 'spike' AND t.key = k.key));
END;
