-- Open cases per department and Beijing day of their next due time, kept by triggers: the overview's
-- overdue and due-soon counts sum a department's days instead of counting its queue index entries
-- (server/cases/kpi.service.ts). At a million cases with 130,000 cases due within two working days
-- that count took 7 ms of every overview, and about 100 ms with the pages out of the cache. Only the
-- entries of today before now are still counted in the index: the day an overdue count splits.
-- Open: not closed or merged, with a department and a next due time (the queue index's key, 0022).
CREATE TABLE case_due_days (
  department TEXT NOT NULL,
  due_day TEXT NOT NULL,     -- 'YYYY-MM-DD': the first ten characters of next_due_at (Beijing time)
  n INTEGER NOT NULL,
  PRIMARY KEY (department, due_day)
) WITHOUT ROWID;

INSERT INTO case_due_days (department, due_day, n)
  SELECT department, substr(next_due_at, 1, 10), count(*) FROM cases
  WHERE department IS NOT NULL AND next_due_at IS NOT NULL AND status NOT IN ('closed', 'merged')
  GROUP BY 1, 2;

CREATE TRIGGER case_due_days_insert AFTER INSERT ON cases
  WHEN NEW.department IS NOT NULL AND NEW.next_due_at IS NOT NULL AND NEW.status NOT IN ('closed', 'merged')
BEGIN
  INSERT INTO case_due_days (department, due_day, n) VALUES (NEW.department, substr(NEW.next_due_at, 1, 10), 1)
    ON CONFLICT (department, due_day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_due_days_update AFTER UPDATE OF department, next_due_at, status ON cases
  WHEN OLD.department IS NOT NEW.department OR OLD.next_due_at IS NOT NEW.next_due_at
    OR (OLD.status IN ('closed', 'merged')) != (NEW.status IN ('closed', 'merged'))
BEGIN
  UPDATE case_due_days SET n = n - 1
    WHERE OLD.department IS NOT NULL AND OLD.next_due_at IS NOT NULL AND OLD.status NOT IN ('closed', 'merged')
      AND department = OLD.department AND due_day = substr(OLD.next_due_at, 1, 10);
  INSERT INTO case_due_days (department, due_day, n)
    SELECT NEW.department, substr(NEW.next_due_at, 1, 10), 1
    WHERE NEW.department IS NOT NULL AND NEW.next_due_at IS NOT NULL AND NEW.status NOT IN ('closed', 'merged')
    ON CONFLICT (department, due_day) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER case_due_days_delete AFTER DELETE ON cases
  WHEN OLD.department IS NOT NULL AND OLD.next_due_at IS NOT NULL AND OLD.status NOT IN ('closed', 'merged')
BEGIN
  UPDATE case_due_days SET n = n - 1 WHERE department = OLD.department AND due_day = substr(OLD.next_due_at, 1, 10);
END;
