-- The overview's roll-up (stat_department_months, 0027) now follows the per-department counts it
-- pivots, and its year rows follow its month rows: each roll-up is kept from the next finer one. In
-- 0027 every trigger on stat_counts also upserted the month row and the year row with a column per KPI,
-- for every counter change, KPI or not (six copies of the same nine columns); now the pivot runs only
-- for the nine KPI metrics (a WHEN) and once per change of a department's monthly count. The rows
-- hold the same numbers as before; `stats recount` rebuilds them through these triggers as it did.
DROP TRIGGER stat_counts_insert;
DROP TRIGGER stat_counts_update;
DROP TRIGGER stat_counts_delete;

CREATE TRIGGER stat_counts_insert AFTER INSERT ON stat_counts BEGIN
  INSERT INTO stat_department_counts (metric, department, month, n) VALUES (NEW.metric, NEW.department, NEW.month, NEW.n)
  ON CONFLICT (metric, department, month) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_counts_update AFTER UPDATE OF n ON stat_counts BEGIN
  UPDATE stat_department_counts SET n = n + NEW.n - OLD.n
  WHERE metric = NEW.metric AND department = NEW.department AND month = NEW.month;
END;

CREATE TRIGGER stat_counts_delete AFTER DELETE ON stat_counts BEGIN
  UPDATE stat_department_counts SET n = n - OLD.n
  WHERE metric = OLD.metric AND department = OLD.department AND month = OLD.month;
END;

-- A KPI's monthly count per department, pivoted into its column of the month row. (A row of
-- stat_department_counts is deleted only by `stats recount`, which empties stat_department_months too.)
CREATE TRIGGER stat_department_counts_kpi_insert AFTER INSERT ON stat_department_counts
  WHEN NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
BEGIN
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  VALUES (NEW.month, NEW.department,
    CASE WHEN NEW.metric = 'dispatched' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'sign_due' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'returned' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_late' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'closed' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandled' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n ELSE 0 END)
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
END;

CREATE TRIGGER stat_department_counts_kpi_update AFTER UPDATE OF n ON stat_department_counts
  WHEN NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
BEGIN
  UPDATE stat_department_months SET
    dispatched = dispatched + CASE WHEN NEW.metric = 'dispatched' THEN NEW.n - OLD.n ELSE 0 END,
    sign_due = sign_due + CASE WHEN NEW.metric = 'sign_due' THEN NEW.n - OLD.n ELSE 0 END,
    signed_on_time = signed_on_time + CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    returned = returned + CASE WHEN NEW.metric = 'returned' THEN NEW.n - OLD.n ELSE 0 END,
    clock_on_time = clock_on_time + CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    clock_late = clock_late + CASE WHEN NEW.metric = 'clock_late' THEN NEW.n - OLD.n ELSE 0 END,
    closed = closed + CASE WHEN NEW.metric = 'closed' THEN NEW.n - OLD.n ELSE 0 END,
    rehandled = rehandled + CASE WHEN NEW.metric = 'rehandled' THEN NEW.n - OLD.n ELSE 0 END,
    rehandle_suggested = rehandle_suggested + CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n - OLD.n ELSE 0 END
  WHERE month = NEW.month AND department = NEW.department;
END;

-- The year row ('YYYY') of a department: the sum of its month rows ('YYYY-MM').
CREATE TRIGGER stat_department_months_year_insert AFTER INSERT ON stat_department_months
  WHEN length(NEW.month) = 7
BEGIN
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  VALUES (substr(NEW.month, 1, 4), NEW.department, NEW.dispatched, NEW.sign_due, NEW.signed_on_time, NEW.returned, NEW.clock_on_time, NEW.clock_late, NEW.closed, NEW.rehandled, NEW.rehandle_suggested)
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
END;

CREATE TRIGGER stat_department_months_year_update AFTER UPDATE ON stat_department_months
  WHEN length(NEW.month) = 7
BEGIN
  UPDATE stat_department_months SET
    dispatched = dispatched + NEW.dispatched - OLD.dispatched,
    sign_due = sign_due + NEW.sign_due - OLD.sign_due,
    signed_on_time = signed_on_time + NEW.signed_on_time - OLD.signed_on_time,
    returned = returned + NEW.returned - OLD.returned,
    clock_on_time = clock_on_time + NEW.clock_on_time - OLD.clock_on_time,
    clock_late = clock_late + NEW.clock_late - OLD.clock_late,
    closed = closed + NEW.closed - OLD.closed,
    rehandled = rehandled + NEW.rehandled - OLD.rehandled,
    rehandle_suggested = rehandle_suggested + NEW.rehandle_suggested - OLD.rehandle_suggested
  WHERE month = substr(NEW.month, 1, 4) AND department = NEW.department;
END;
