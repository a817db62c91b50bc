-- Cases joining a signal already raised: appended in the order they are counted, and moved into
-- signal_cases a sixteenth at a time (the signals whose id begins with one hex digit), sorted, while
-- 4,096 or more wait (server/signals/settle.ts, docs/signals.md). Written straight into signal_cases
-- (by signal, then case), a commit's cases each landed on a page of their own signal's: one page per
-- signal per commit, the largest cost of counting at a million cases. Here a commit appends them to a
-- page or two, and a move writes a signal's page once for the cases it gathered meanwhile. A signal's
-- cases are those of both tables.
CREATE TABLE signal_joins (
  signal_id TEXT NOT NULL,
  case_id TEXT NOT NULL
);
-- The sixteenth moved last (0-15: the first hex digit of the signal ids).
ALTER TABLE signal_settings ADD COLUMN joins_moved INTEGER NOT NULL DEFAULT 15;

-- As in 0038, with the duplicate's link taken out of signal_joins too.
DROP TRIGGER signals_case_merged;
CREATE TRIGGER signals_case_merged AFTER UPDATE OF status ON cases
  WHEN NEW.status = 'merged' AND OLD.status != 'merged' AND NEW.merged_into IS NOT NULL
BEGIN
  UPDATE signal_week_counts SET n = n - 1 WHERE (period, key) IN (
    SELECT k.period, k.key FROM case_signal_keys k WHERE k.case_id = NEW.id AND k.type = 'spike'
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = 'spike' AND t.key = k.key));
  UPDATE signals SET count = count - 1
    WHERE (EXISTS (SELECT 1 FROM signal_cases c WHERE c.signal_id = signals.id AND c.case_id = NEW.id)
        OR EXISTS (SELECT 1 FROM signal_joins j WHERE j.signal_id = signals.id AND j.case_id = NEW.id))
      AND (type, key) IN (SELECT k.type, k.key FROM case_signal_keys k WHERE k.case_id = NEW.id
        AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key));
  DELETE FROM signal_cases WHERE case_id = NEW.id AND signal_id IN (
    SELECT s.id FROM case_signal_keys k CROSS JOIN signals s ON s.type = k.type AND s.key = k.key
    WHERE k.case_id = NEW.id
      AND EXISTS (SELECT 1 FROM case_signal_keys t WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key));
  DELETE FROM signal_joins WHERE case_id = NEW.id AND signal_id IN (
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
