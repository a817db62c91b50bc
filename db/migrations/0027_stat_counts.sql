-- Statistics counters (issue 16): counts per month × department × category × city × kind, kept by the
-- triggers below in the same statement as the change they count (on Node and on D1, for every write
-- path). The staff overview and the statistics read only these; `stats recount` rebuilds them.
-- The metrics are named in server/stats/counters.ts and described in docs/architecture.md.
CREATE TABLE stat_counts (
  metric TEXT NOT NULL,
  month TEXT NOT NULL,
  department TEXT NOT NULL,
  category TEXT NOT NULL,
  city TEXT NOT NULL,
  kind TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (metric, month, department, category, city, kind)
) WITHOUT ROWID;

-- The same counts per metric, department and month only (the statistics per department read these).
CREATE TABLE stat_department_counts (
  metric TEXT NOT NULL,
  department TEXT NOT NULL,
  month TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (metric, department, month)
) WITHOUT ROWID;

-- The staff overview's counts, one row per month ('YYYY-MM') and department with a column per KPI
-- count, and one per year ('YYYY') and department: two whole years of every department are a few
-- hundred rows, any other two years a few thousand, read as ranges of the key.
CREATE TABLE stat_department_months (
  month TEXT NOT NULL,
  department TEXT NOT NULL,
  dispatched INTEGER NOT NULL DEFAULT 0,
  sign_due INTEGER NOT NULL DEFAULT 0,
  signed_on_time INTEGER NOT NULL DEFAULT 0,
  returned INTEGER NOT NULL DEFAULT 0,
  clock_on_time INTEGER NOT NULL DEFAULT 0,
  clock_late INTEGER NOT NULL DEFAULT 0,
  closed INTEGER NOT NULL DEFAULT 0,
  rehandled INTEGER NOT NULL DEFAULT 0,
  rehandle_suggested INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, department)
) WITHOUT ROWID;

-- Once-only markers the clock sweeper sets when a clock's due time or a sign-for window's end has
-- passed: the KPIs count a window only once it has ended. Moving a due date clears the clock's marker.
ALTER TABLE clocks ADD COLUMN due_counted_at TEXT;
ALTER TABLE case_assignments ADD COLUMN sign_counted_at TEXT;
-- The sweeper finds what has newly ended by these.
CREATE INDEX clocks_due_uncounted ON clocks (due_at) WHERE due_counted_at IS NULL;
CREATE INDEX case_assignments_sign_uncounted ON case_assignments (sign_due_at) WHERE sign_counted_at IS NULL;
-- What has already ended is marked now (stored times are Shanghai ISO strings).
UPDATE clocks SET due_counted_at = due_at WHERE due_at < strftime('%Y-%m-%dT%H:%M:%f+08:00', 'now', '+8 hours');
UPDATE case_assignments SET sign_counted_at = sign_due_at WHERE sign_due_at < strftime('%Y-%m-%dT%H:%M:%f+08:00', 'now', '+8 hours');

-- What each case contributes to the counters under its current department (the department is added
-- where the case is joined), one view per source. The triggers below add the same expressions row by row;
-- `stats recount` and the trigger that moves a case's counts when its department changes read these views.

-- Its receipt.
CREATE VIEW stat_received_facts AS
  SELECT x.id AS case_id, 'received' AS metric, substr(x.received_at, 1, 7) AS month, 1 AS n FROM cases x;

-- Its clock outcomes.
CREATE VIEW stat_clock_facts AS
  SELECT x.case_id AS case_id, CASE WHEN (x.status = 'stopped' AND x.stopped_at <= x.due_at) THEN 'clock_on_time' ELSE 'clock_late' END AS metric, substr(x.due_at, 1, 7) AS month, 1 AS n FROM clocks x WHERE (x.due_counted_at IS NOT NULL OR (x.status = 'stopped' AND x.stopped_at > x.due_at))
  UNION ALL
  SELECT x.case_id AS case_id, CASE WHEN (x.status = 'stopped' AND x.stopped_at <= x.due_at) THEN 'accept_on_time' ELSE 'accept_late' END AS metric, substr(x.due_at, 1, 7) AS month, 1 AS n FROM clocks x WHERE (x.due_counted_at IS NOT NULL OR (x.status = 'stopped' AND x.stopped_at > x.due_at)) AND x.clock IN ('accept_decision', 'open_decision', 'triage');

-- Its status changes, closes and re-handlings.
CREATE VIEW stat_event_facts AS
  SELECT x.case_id AS case_id, 'status:' || CASE WHEN json_valid(x.data) THEN json_extract(x.data, '$.entered') END AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM case_events x WHERE CASE WHEN json_valid(x.data) THEN json_extract(x.data, '$.entered') END IS NOT NULL
  UNION ALL
  SELECT x.case_id AS case_id, 'closed' AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM case_events x WHERE x.event = 'close'
  UNION ALL
  SELECT x.case_id AS case_id, 'close_wd:' || CASE WHEN CASE WHEN json_valid(x.data) THEN json_extract(x.data, '$.workingDays') END > 60 THEN '61+' ELSE CAST(CASE WHEN json_valid(x.data) THEN json_extract(x.data, '$.workingDays') END AS INTEGER) END AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM case_events x WHERE x.event = 'close' AND CASE WHEN json_valid(x.data) THEN json_extract(x.data, '$.workingDays') END IS NOT NULL
  UNION ALL
  SELECT x.case_id AS case_id, 'rehandled' AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM case_events x WHERE x.event = 'rehandle';

-- Its rating.
CREATE VIEW stat_rating_facts AS
  SELECT x.case_id AS case_id, 'rating' AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM satisfaction x WHERE 1
  UNION ALL
  SELECT x.case_id AS case_id, 'rating_satisfied' AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM satisfaction x WHERE x.rating >= 4
  UNION ALL
  SELECT x.case_id AS case_id, 'rating_resolved' AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM satisfaction x WHERE x.resolved = 1
  UNION ALL
  SELECT x.case_id AS case_id, 'rehandle_suggested' AS metric, substr(x.at, 1, 7) AS month, 1 AS n FROM satisfaction x WHERE (x.rating <= 2 OR x.resolved = 0);

-- Its reward.
CREATE VIEW stat_reward_facts AS
  SELECT x.case_id AS case_id, 'reward_approved' AS metric, substr(x.notified_at, 1, 7) AS month, 1 AS n FROM rewards x WHERE x.notified_at IS NOT NULL
  UNION ALL
  SELECT x.case_id AS case_id, 'reward_paid' AS metric, substr(x.paid_at, 1, 7) AS month, 1 AS n FROM rewards x WHERE x.paid_at IS NOT NULL
  UNION ALL
  SELECT x.case_id AS case_id, 'reward_paid_fen' AS metric, substr(x.paid_at, 1, 7) AS month, coalesce(x.amount_fen, 0) AS n FROM rewards x WHERE x.paid_at IS NOT NULL;

-- What each dispatch contributes, under the department it was dispatched to.

CREATE VIEW stat_assignment_facts AS
  SELECT x.case_id AS case_id, x.department AS department, 'dispatched' AS metric, substr(x.dispatched_at, 1, 7) AS month, 1 AS n FROM case_assignments x WHERE 1
  UNION ALL
  SELECT x.case_id AS case_id, x.department AS department, 'returned' AS metric, substr(x.dispatched_at, 1, 7) AS month, 1 AS n FROM case_assignments x WHERE x.returned_at IS NOT NULL
  UNION ALL
  SELECT x.case_id AS case_id, x.department AS department, 'sign_due' AS metric, substr(x.dispatched_at, 1, 7) AS month, 1 AS n FROM case_assignments x WHERE x.sign_counted_at IS NOT NULL
  UNION ALL
  SELECT x.case_id AS case_id, x.department AS department, 'signed_on_time' AS metric, substr(x.dispatched_at, 1, 7) AS month, 1 AS n FROM case_assignments x WHERE x.sign_counted_at IS NOT NULL AND x.signed_at IS NOT NULL AND x.signed_at <= x.sign_due_at;

-- The counts of what is already there (the same statements as `stats recount`).
INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, sum(f.n)
  FROM stat_received_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, sum(f.n)
  FROM stat_clock_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, sum(f.n)
  FROM stat_event_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, sum(f.n)
  FROM stat_rating_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, sum(f.n)
  FROM stat_reward_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, f.department, c.category, substr(c.region, 1, 4) || '00', c.kind, sum(f.n)
  FROM stat_assignment_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO stat_department_counts (metric, department, month, n)
  SELECT metric, department, month, sum(n) FROM stat_counts GROUP BY 1, 2, 3;
INSERT INTO stat_department_months (department, month, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT department, month, sum(CASE WHEN metric = 'dispatched' THEN n ELSE 0 END), sum(CASE WHEN metric = 'sign_due' THEN n ELSE 0 END), sum(CASE WHEN metric = 'signed_on_time' THEN n ELSE 0 END), sum(CASE WHEN metric = 'returned' THEN n ELSE 0 END), sum(CASE WHEN metric = 'clock_on_time' THEN n ELSE 0 END), sum(CASE WHEN metric = 'clock_late' THEN n ELSE 0 END), sum(CASE WHEN metric = 'closed' THEN n ELSE 0 END), sum(CASE WHEN metric = 'rehandled' THEN n ELSE 0 END), sum(CASE WHEN metric = 'rehandle_suggested' THEN n ELSE 0 END)
  FROM stat_counts WHERE metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested') GROUP BY 1, 2;
INSERT INTO stat_department_months (department, month, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT department, substr(month, 1, 4), sum(dispatched), sum(sign_due), sum(signed_on_time), sum(returned), sum(clock_on_time), sum(clock_late), sum(closed), sum(rehandled), sum(rehandle_suggested)
  FROM stat_department_months WHERE length(month) = 7 GROUP BY 1, 2;

-- The roll-ups follow every change of a counter.
CREATE TRIGGER stat_counts_insert AFTER INSERT ON stat_counts BEGIN
  INSERT INTO stat_department_counts (metric, department, month, n) VALUES (NEW.metric, NEW.department, NEW.month, NEW.n)
  ON CONFLICT (metric, department, month) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT NEW.month, NEW.department,
    CASE WHEN NEW.metric = 'dispatched' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'sign_due' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'returned' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_late' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'closed' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandled' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n ELSE 0 END
  WHERE NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT substr(NEW.month, 1, 4), NEW.department,
    CASE WHEN NEW.metric = 'dispatched' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'sign_due' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'returned' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_late' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'closed' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandled' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n ELSE 0 END
  WHERE NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
END;

CREATE TRIGGER stat_counts_update AFTER UPDATE OF n ON stat_counts BEGIN
  UPDATE stat_department_counts SET n = n + NEW.n - OLD.n
  WHERE metric = NEW.metric AND department = NEW.department AND month = NEW.month;
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT NEW.month, NEW.department,
    CASE WHEN NEW.metric = 'dispatched' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'sign_due' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'returned' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_late' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'closed' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandled' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n - OLD.n ELSE 0 END
  WHERE NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT substr(NEW.month, 1, 4), NEW.department,
    CASE WHEN NEW.metric = 'dispatched' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'sign_due' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'returned' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_late' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'closed' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandled' THEN NEW.n - OLD.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n - OLD.n ELSE 0 END
  WHERE NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
END;

CREATE TRIGGER stat_counts_delete AFTER DELETE ON stat_counts BEGIN
  UPDATE stat_department_counts SET n = n - OLD.n
  WHERE metric = OLD.metric AND department = OLD.department AND month = OLD.month;
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT OLD.month, OLD.department,
    CASE WHEN OLD.metric = 'dispatched' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'sign_due' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'signed_on_time' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'returned' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'clock_on_time' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'clock_late' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'closed' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'rehandled' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'rehandle_suggested' THEN -OLD.n ELSE 0 END
  WHERE OLD.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested)
  SELECT substr(OLD.month, 1, 4), OLD.department,
    CASE WHEN OLD.metric = 'dispatched' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'sign_due' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'signed_on_time' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'returned' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'clock_on_time' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'clock_late' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'closed' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'rehandled' THEN -OLD.n ELSE 0 END,
    CASE WHEN OLD.metric = 'rehandle_suggested' THEN -OLD.n ELSE 0 END
  WHERE OLD.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested')
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested;
END;

-- A case received.

CREATE TRIGGER stat_cases_insert AFTER INSERT ON cases BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  VALUES ('received', substr(NEW.received_at, 1, 7), coalesce(NEW.department, ''), NEW.category, substr(NEW.region, 1, 4) || '00', NEW.kind, 1)
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

-- A case that moves to another department takes its counts along (its dispatches stay where they were sent).

CREATE TRIGGER stat_cases_department AFTER UPDATE OF department ON cases
  WHEN coalesce(OLD.department, '') != coalesce(NEW.department, '')
BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT * FROM (
    SELECT f.metric, f.month, coalesce(OLD.department, ''), OLD.category, substr(OLD.region, 1, 4) || '00', OLD.kind, -sum(f.n)
    FROM stat_received_facts f WHERE f.case_id = OLD.id GROUP BY f.metric, f.month
    UNION ALL
    SELECT f.metric, f.month, coalesce(NEW.department, ''), NEW.category, substr(NEW.region, 1, 4) || '00', NEW.kind, sum(f.n)
    FROM stat_received_facts f WHERE f.case_id = NEW.id GROUP BY f.metric, f.month
  ) WHERE true
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT * FROM (
    SELECT f.metric, f.month, coalesce(OLD.department, ''), OLD.category, substr(OLD.region, 1, 4) || '00', OLD.kind, -sum(f.n)
    FROM stat_clock_facts f WHERE f.case_id = OLD.id GROUP BY f.metric, f.month
    UNION ALL
    SELECT f.metric, f.month, coalesce(NEW.department, ''), NEW.category, substr(NEW.region, 1, 4) || '00', NEW.kind, sum(f.n)
    FROM stat_clock_facts f WHERE f.case_id = NEW.id GROUP BY f.metric, f.month
  ) WHERE true
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT * FROM (
    SELECT f.metric, f.month, coalesce(OLD.department, ''), OLD.category, substr(OLD.region, 1, 4) || '00', OLD.kind, -sum(f.n)
    FROM stat_event_facts f WHERE f.case_id = OLD.id GROUP BY f.metric, f.month
    UNION ALL
    SELECT f.metric, f.month, coalesce(NEW.department, ''), NEW.category, substr(NEW.region, 1, 4) || '00', NEW.kind, sum(f.n)
    FROM stat_event_facts f WHERE f.case_id = NEW.id GROUP BY f.metric, f.month
  ) WHERE true
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT * FROM (
    SELECT f.metric, f.month, coalesce(OLD.department, ''), OLD.category, substr(OLD.region, 1, 4) || '00', OLD.kind, -sum(f.n)
    FROM stat_rating_facts f WHERE f.case_id = OLD.id GROUP BY f.metric, f.month
    UNION ALL
    SELECT f.metric, f.month, coalesce(NEW.department, ''), NEW.category, substr(NEW.region, 1, 4) || '00', NEW.kind, sum(f.n)
    FROM stat_rating_facts f WHERE f.case_id = NEW.id GROUP BY f.metric, f.month
  ) WHERE true
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT * FROM (
    SELECT f.metric, f.month, coalesce(OLD.department, ''), OLD.category, substr(OLD.region, 1, 4) || '00', OLD.kind, -sum(f.n)
    FROM stat_reward_facts f WHERE f.case_id = OLD.id GROUP BY f.metric, f.month
    UNION ALL
    SELECT f.metric, f.month, coalesce(NEW.department, ''), NEW.category, substr(NEW.region, 1, 4) || '00', NEW.kind, sum(f.n)
    FROM stat_reward_facts f WHERE f.case_id = NEW.id GROUP BY f.metric, f.month
  ) WHERE true
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

-- Clock outcomes: counted once the due time has passed (the sweeper sets due_counted_at) or the clock stopped late.

CREATE TRIGGER stat_clocks_insert AFTER INSERT ON clocks BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT CASE WHEN (NEW.status = 'stopped' AND NEW.stopped_at <= NEW.due_at) THEN 'clock_on_time' ELSE 'clock_late' END AS metric, substr(NEW.due_at, 1, 7) AS month, 1 AS n WHERE (NEW.due_counted_at IS NOT NULL OR (NEW.status = 'stopped' AND NEW.stopped_at > NEW.due_at))
    UNION ALL
    SELECT CASE WHEN (NEW.status = 'stopped' AND NEW.stopped_at <= NEW.due_at) THEN 'accept_on_time' ELSE 'accept_late' END AS metric, substr(NEW.due_at, 1, 7) AS month, 1 AS n WHERE (NEW.due_counted_at IS NOT NULL OR (NEW.status = 'stopped' AND NEW.stopped_at > NEW.due_at)) AND NEW.clock IN ('accept_decision', 'open_decision', 'triage')
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_clocks_delete AFTER DELETE ON clocks BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT CASE WHEN (OLD.status = 'stopped' AND OLD.stopped_at <= OLD.due_at) THEN 'clock_on_time' ELSE 'clock_late' END AS metric, substr(OLD.due_at, 1, 7) AS month, -(1) AS n WHERE (OLD.due_counted_at IS NOT NULL OR (OLD.status = 'stopped' AND OLD.stopped_at > OLD.due_at))
    UNION ALL
    SELECT CASE WHEN (OLD.status = 'stopped' AND OLD.stopped_at <= OLD.due_at) THEN 'accept_on_time' ELSE 'accept_late' END AS metric, substr(OLD.due_at, 1, 7) AS month, -(1) AS n WHERE (OLD.due_counted_at IS NOT NULL OR (OLD.status = 'stopped' AND OLD.stopped_at > OLD.due_at)) AND OLD.clock IN ('accept_decision', 'open_decision', 'triage')
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_clocks_update AFTER UPDATE OF status, stopped_at, due_at, due_counted_at, clock ON clocks BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT CASE WHEN (OLD.status = 'stopped' AND OLD.stopped_at <= OLD.due_at) THEN 'clock_on_time' ELSE 'clock_late' END AS metric, substr(OLD.due_at, 1, 7) AS month, -(1) AS n WHERE (OLD.due_counted_at IS NOT NULL OR (OLD.status = 'stopped' AND OLD.stopped_at > OLD.due_at))
    UNION ALL
    SELECT CASE WHEN (OLD.status = 'stopped' AND OLD.stopped_at <= OLD.due_at) THEN 'accept_on_time' ELSE 'accept_late' END AS metric, substr(OLD.due_at, 1, 7) AS month, -(1) AS n WHERE (OLD.due_counted_at IS NOT NULL OR (OLD.status = 'stopped' AND OLD.stopped_at > OLD.due_at)) AND OLD.clock IN ('accept_decision', 'open_decision', 'triage')
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT CASE WHEN (NEW.status = 'stopped' AND NEW.stopped_at <= NEW.due_at) THEN 'clock_on_time' ELSE 'clock_late' END AS metric, substr(NEW.due_at, 1, 7) AS month, 1 AS n WHERE (NEW.due_counted_at IS NOT NULL OR (NEW.status = 'stopped' AND NEW.stopped_at > NEW.due_at))
    UNION ALL
    SELECT CASE WHEN (NEW.status = 'stopped' AND NEW.stopped_at <= NEW.due_at) THEN 'accept_on_time' ELSE 'accept_late' END AS metric, substr(NEW.due_at, 1, 7) AS month, 1 AS n WHERE (NEW.due_counted_at IS NOT NULL OR (NEW.status = 'stopped' AND NEW.stopped_at > NEW.due_at)) AND NEW.clock IN ('accept_decision', 'open_decision', 'triage')
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

-- A moved due date (an extension, a resume after a pause) is a new deadline: a marker set before it
-- is cleared, so the outcome is counted again when the new due time passes.
CREATE TRIGGER stat_clocks_rearm AFTER UPDATE OF due_at ON clocks
  WHEN NEW.due_counted_at IS NOT NULL AND NEW.due_at > NEW.due_counted_at
BEGIN
  UPDATE clocks SET due_counted_at = NULL WHERE id = NEW.id;
END;

-- Dispatches: sign-for windows count once ended (the sweeper sets sign_counted_at).

CREATE TRIGGER stat_case_assignments_insert AFTER INSERT ON case_assignments BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, NEW.department, c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'dispatched' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE 1
    UNION ALL
    SELECT 'returned' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE NEW.returned_at IS NOT NULL
    UNION ALL
    SELECT 'sign_due' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE NEW.sign_counted_at IS NOT NULL
    UNION ALL
    SELECT 'signed_on_time' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE NEW.sign_counted_at IS NOT NULL AND NEW.signed_at IS NOT NULL AND NEW.signed_at <= NEW.sign_due_at
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_case_assignments_delete AFTER DELETE ON case_assignments BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, OLD.department, c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'dispatched' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE 1
    UNION ALL
    SELECT 'returned' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE OLD.returned_at IS NOT NULL
    UNION ALL
    SELECT 'sign_due' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE OLD.sign_counted_at IS NOT NULL
    UNION ALL
    SELECT 'signed_on_time' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE OLD.sign_counted_at IS NOT NULL AND OLD.signed_at IS NOT NULL AND OLD.signed_at <= OLD.sign_due_at
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_case_assignments_update AFTER UPDATE OF department, dispatched_at, sign_due_at, signed_at, returned_at, sign_counted_at ON case_assignments BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, OLD.department, c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'dispatched' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE 1
    UNION ALL
    SELECT 'returned' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE OLD.returned_at IS NOT NULL
    UNION ALL
    SELECT 'sign_due' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE OLD.sign_counted_at IS NOT NULL
    UNION ALL
    SELECT 'signed_on_time' AS metric, substr(OLD.dispatched_at, 1, 7) AS month, -(1) AS n WHERE OLD.sign_counted_at IS NOT NULL AND OLD.signed_at IS NOT NULL AND OLD.signed_at <= OLD.sign_due_at
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, NEW.department, c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'dispatched' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE 1
    UNION ALL
    SELECT 'returned' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE NEW.returned_at IS NOT NULL
    UNION ALL
    SELECT 'sign_due' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE NEW.sign_counted_at IS NOT NULL
    UNION ALL
    SELECT 'signed_on_time' AS metric, substr(NEW.dispatched_at, 1, 7) AS month, 1 AS n WHERE NEW.sign_counted_at IS NOT NULL AND NEW.signed_at IS NOT NULL AND NEW.signed_at <= NEW.sign_due_at
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

-- Status changes (data.entered), closes with their working days (data.workingDays), re-handlings.

CREATE TRIGGER stat_case_events_insert AFTER INSERT ON case_events WHEN NEW.event IN ('close', 'rehandle') OR CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.entered') END IS NOT NULL BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'status:' || CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.entered') END AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.entered') END IS NOT NULL
    UNION ALL
    SELECT 'closed' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.event = 'close'
    UNION ALL
    SELECT 'close_wd:' || CASE WHEN CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.workingDays') END > 60 THEN '61+' ELSE CAST(CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.workingDays') END AS INTEGER) END AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.event = 'close' AND CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.workingDays') END IS NOT NULL
    UNION ALL
    SELECT 'rehandled' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.event = 'rehandle'
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_case_events_delete AFTER DELETE ON case_events WHEN OLD.event IN ('close', 'rehandle') OR CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.entered') END IS NOT NULL BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'status:' || CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.entered') END AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.entered') END IS NOT NULL
    UNION ALL
    SELECT 'closed' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.event = 'close'
    UNION ALL
    SELECT 'close_wd:' || CASE WHEN CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.workingDays') END > 60 THEN '61+' ELSE CAST(CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.workingDays') END AS INTEGER) END AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.event = 'close' AND CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.workingDays') END IS NOT NULL
    UNION ALL
    SELECT 'rehandled' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.event = 'rehandle'
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_case_events_update AFTER UPDATE OF event, at, data ON case_events WHEN (OLD.event IN ('close', 'rehandle') OR CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.entered') END IS NOT NULL) OR (NEW.event IN ('close', 'rehandle') OR CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.entered') END IS NOT NULL) BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'status:' || CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.entered') END AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.entered') END IS NOT NULL
    UNION ALL
    SELECT 'closed' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.event = 'close'
    UNION ALL
    SELECT 'close_wd:' || CASE WHEN CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.workingDays') END > 60 THEN '61+' ELSE CAST(CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.workingDays') END AS INTEGER) END AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.event = 'close' AND CASE WHEN json_valid(OLD.data) THEN json_extract(OLD.data, '$.workingDays') END IS NOT NULL
    UNION ALL
    SELECT 'rehandled' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.event = 'rehandle'
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'status:' || CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.entered') END AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.entered') END IS NOT NULL
    UNION ALL
    SELECT 'closed' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.event = 'close'
    UNION ALL
    SELECT 'close_wd:' || CASE WHEN CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.workingDays') END > 60 THEN '61+' ELSE CAST(CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.workingDays') END AS INTEGER) END AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.event = 'close' AND CASE WHEN json_valid(NEW.data) THEN json_extract(NEW.data, '$.workingDays') END IS NOT NULL
    UNION ALL
    SELECT 'rehandled' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.event = 'rehandle'
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

-- Ratings.

CREATE TRIGGER stat_satisfaction_insert AFTER INSERT ON satisfaction BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'rating' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE 1
    UNION ALL
    SELECT 'rating_satisfied' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.rating >= 4
    UNION ALL
    SELECT 'rating_resolved' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.resolved = 1
    UNION ALL
    SELECT 'rehandle_suggested' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE (NEW.rating <= 2 OR NEW.resolved = 0)
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_satisfaction_delete AFTER DELETE ON satisfaction BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'rating' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE 1
    UNION ALL
    SELECT 'rating_satisfied' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.rating >= 4
    UNION ALL
    SELECT 'rating_resolved' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.resolved = 1
    UNION ALL
    SELECT 'rehandle_suggested' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE (OLD.rating <= 2 OR OLD.resolved = 0)
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_satisfaction_update AFTER UPDATE OF rating, resolved, at ON satisfaction BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'rating' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE 1
    UNION ALL
    SELECT 'rating_satisfied' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.rating >= 4
    UNION ALL
    SELECT 'rating_resolved' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE OLD.resolved = 1
    UNION ALL
    SELECT 'rehandle_suggested' AS metric, substr(OLD.at, 1, 7) AS month, -(1) AS n WHERE (OLD.rating <= 2 OR OLD.resolved = 0)
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'rating' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE 1
    UNION ALL
    SELECT 'rating_satisfied' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.rating >= 4
    UNION ALL
    SELECT 'rating_resolved' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE NEW.resolved = 1
    UNION ALL
    SELECT 'rehandle_suggested' AS metric, substr(NEW.at, 1, 7) AS month, 1 AS n WHERE (NEW.rating <= 2 OR NEW.resolved = 0)
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

-- Rewards approved (the approval sets notified_at) and paid.

CREATE TRIGGER stat_rewards_insert AFTER INSERT ON rewards BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'reward_approved' AS metric, substr(NEW.notified_at, 1, 7) AS month, 1 AS n WHERE NEW.notified_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid' AS metric, substr(NEW.paid_at, 1, 7) AS month, 1 AS n WHERE NEW.paid_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid_fen' AS metric, substr(NEW.paid_at, 1, 7) AS month, coalesce(NEW.amount_fen, 0) AS n WHERE NEW.paid_at IS NOT NULL
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_rewards_delete AFTER DELETE ON rewards BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'reward_approved' AS metric, substr(OLD.notified_at, 1, 7) AS month, -(1) AS n WHERE OLD.notified_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid' AS metric, substr(OLD.paid_at, 1, 7) AS month, -(1) AS n WHERE OLD.paid_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid_fen' AS metric, substr(OLD.paid_at, 1, 7) AS month, -(coalesce(OLD.amount_fen, 0)) AS n WHERE OLD.paid_at IS NOT NULL
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_rewards_update AFTER UPDATE OF notified_at, paid_at, amount_fen ON rewards BEGIN
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'reward_approved' AS metric, substr(OLD.notified_at, 1, 7) AS month, -(1) AS n WHERE OLD.notified_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid' AS metric, substr(OLD.paid_at, 1, 7) AS month, -(1) AS n WHERE OLD.paid_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid_fen' AS metric, substr(OLD.paid_at, 1, 7) AS month, -(coalesce(OLD.amount_fen, 0)) AS n WHERE OLD.paid_at IS NOT NULL
  ) f, cases c WHERE c.id = OLD.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
  SELECT f.metric, f.month, coalesce(c.department, ''), c.category, substr(c.region, 1, 4) || '00', c.kind, f.n
  FROM (
    SELECT 'reward_approved' AS metric, substr(NEW.notified_at, 1, 7) AS month, 1 AS n WHERE NEW.notified_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid' AS metric, substr(NEW.paid_at, 1, 7) AS month, 1 AS n WHERE NEW.paid_at IS NOT NULL
    UNION ALL
    SELECT 'reward_paid_fen' AS metric, substr(NEW.paid_at, 1, 7) AS month, coalesce(NEW.amount_fen, 0) AS n WHERE NEW.paid_at IS NOT NULL
  ) f, cases c WHERE c.id = NEW.case_id
  ON CONFLICT (metric, month, department, category, city, kind) DO UPDATE SET n = n + excluded.n;
END;