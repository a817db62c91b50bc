-- The per-department month and year rows (stat_department_months, 0027/0034) gain a column for each
-- of the other counts the public statistics sum per department: decisions to accept within the clock
-- or late, ratings and satisfied ratings, rewards approved and paid and the fen paid. /api/v1/stats
-- then reads one row per department and month (a few thousand for a year) instead of summing the
-- per-department counts of fifteen metrics month by month (tens of thousands at a million cases).
-- The columns are filled from stat_department_counts here; the triggers keep them from then on, and
-- `stats recount` rebuilds them through the triggers as before.

ALTER TABLE stat_department_months ADD COLUMN accept_on_time INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_department_months ADD COLUMN accept_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_department_months ADD COLUMN rating INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_department_months ADD COLUMN rating_satisfied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_department_months ADD COLUMN reward_approved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_department_months ADD COLUMN reward_paid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stat_department_months ADD COLUMN reward_paid_fen INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER stat_department_counts_kpi_insert;
DROP TRIGGER stat_department_counts_kpi_update;
DROP TRIGGER stat_department_months_year_insert;
DROP TRIGGER stat_department_months_year_update;

-- A count per department and month, pivoted into its column of the month row. (A row of
-- stat_department_counts is deleted only by `stats recount`, which empties stat_department_months too.)
CREATE TRIGGER stat_department_counts_kpi_insert AFTER INSERT ON stat_department_counts
  WHEN NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested', 'accept_on_time', 'accept_late', 'rating', 'rating_satisfied', 'reward_approved', 'reward_paid', 'reward_paid_fen')
BEGIN
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested, accept_on_time, accept_late, rating, rating_satisfied, reward_approved, reward_paid, reward_paid_fen)
  VALUES (NEW.month, NEW.department,
    CASE WHEN NEW.metric = 'dispatched' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'sign_due' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'signed_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'returned' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'clock_late' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'closed' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandled' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'accept_on_time' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'accept_late' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rating' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'rating_satisfied' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'reward_approved' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'reward_paid' THEN NEW.n ELSE 0 END,
    CASE WHEN NEW.metric = 'reward_paid_fen' THEN NEW.n ELSE 0 END)
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested, accept_on_time = accept_on_time + excluded.accept_on_time, accept_late = accept_late + excluded.accept_late, rating = rating + excluded.rating, rating_satisfied = rating_satisfied + excluded.rating_satisfied, reward_approved = reward_approved + excluded.reward_approved, reward_paid = reward_paid + excluded.reward_paid, reward_paid_fen = reward_paid_fen + excluded.reward_paid_fen;
END;

CREATE TRIGGER stat_department_counts_kpi_update AFTER UPDATE OF n ON stat_department_counts
  WHEN NEW.metric IN ('dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested', 'accept_on_time', 'accept_late', 'rating', 'rating_satisfied', 'reward_approved', 'reward_paid', 'reward_paid_fen')
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
    rehandle_suggested = rehandle_suggested + CASE WHEN NEW.metric = 'rehandle_suggested' THEN NEW.n - OLD.n ELSE 0 END,
    accept_on_time = accept_on_time + CASE WHEN NEW.metric = 'accept_on_time' THEN NEW.n - OLD.n ELSE 0 END,
    accept_late = accept_late + CASE WHEN NEW.metric = 'accept_late' THEN NEW.n - OLD.n ELSE 0 END,
    rating = rating + CASE WHEN NEW.metric = 'rating' THEN NEW.n - OLD.n ELSE 0 END,
    rating_satisfied = rating_satisfied + CASE WHEN NEW.metric = 'rating_satisfied' THEN NEW.n - OLD.n ELSE 0 END,
    reward_approved = reward_approved + CASE WHEN NEW.metric = 'reward_approved' THEN NEW.n - OLD.n ELSE 0 END,
    reward_paid = reward_paid + CASE WHEN NEW.metric = 'reward_paid' THEN NEW.n - OLD.n ELSE 0 END,
    reward_paid_fen = reward_paid_fen + CASE WHEN NEW.metric = 'reward_paid_fen' THEN NEW.n - OLD.n ELSE 0 END
  WHERE month = NEW.month AND department = NEW.department;
END;

-- The year row ('YYYY') of a department: the sum of its month rows ('YYYY-MM').
CREATE TRIGGER stat_department_months_year_insert AFTER INSERT ON stat_department_months
  WHEN length(NEW.month) = 7
BEGIN
  INSERT INTO stat_department_months (month, department, dispatched, sign_due, signed_on_time, returned, clock_on_time, clock_late, closed, rehandled, rehandle_suggested, accept_on_time, accept_late, rating, rating_satisfied, reward_approved, reward_paid, reward_paid_fen)
  VALUES (substr(NEW.month, 1, 4), NEW.department, NEW.dispatched, NEW.sign_due, NEW.signed_on_time, NEW.returned, NEW.clock_on_time, NEW.clock_late, NEW.closed, NEW.rehandled, NEW.rehandle_suggested, NEW.accept_on_time, NEW.accept_late, NEW.rating, NEW.rating_satisfied, NEW.reward_approved, NEW.reward_paid, NEW.reward_paid_fen)
  ON CONFLICT (month, department) DO UPDATE SET dispatched = dispatched + excluded.dispatched, sign_due = sign_due + excluded.sign_due, signed_on_time = signed_on_time + excluded.signed_on_time, returned = returned + excluded.returned, clock_on_time = clock_on_time + excluded.clock_on_time, clock_late = clock_late + excluded.clock_late, closed = closed + excluded.closed, rehandled = rehandled + excluded.rehandled, rehandle_suggested = rehandle_suggested + excluded.rehandle_suggested, accept_on_time = accept_on_time + excluded.accept_on_time, accept_late = accept_late + excluded.accept_late, rating = rating + excluded.rating, rating_satisfied = rating_satisfied + excluded.rating_satisfied, reward_approved = reward_approved + excluded.reward_approved, reward_paid = reward_paid + excluded.reward_paid, reward_paid_fen = reward_paid_fen + excluded.reward_paid_fen;
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
    rehandle_suggested = rehandle_suggested + NEW.rehandle_suggested - OLD.rehandle_suggested,
    accept_on_time = accept_on_time + NEW.accept_on_time - OLD.accept_on_time,
    accept_late = accept_late + NEW.accept_late - OLD.accept_late,
    rating = rating + NEW.rating - OLD.rating,
    rating_satisfied = rating_satisfied + NEW.rating_satisfied - OLD.rating_satisfied,
    reward_approved = reward_approved + NEW.reward_approved - OLD.reward_approved,
    reward_paid = reward_paid + NEW.reward_paid - OLD.reward_paid,
    reward_paid_fen = reward_paid_fen + NEW.reward_paid_fen - OLD.reward_paid_fen
  WHERE month = substr(NEW.month, 1, 4) AND department = NEW.department;
END;

-- The new columns of the rows kept so far (the year rows follow through the triggers above).
INSERT INTO stat_department_months (month, department, accept_on_time, accept_late, rating, rating_satisfied, reward_approved, reward_paid, reward_paid_fen)
SELECT month, department, sum(CASE WHEN metric = 'accept_on_time' THEN n ELSE 0 END), sum(CASE WHEN metric = 'accept_late' THEN n ELSE 0 END), sum(CASE WHEN metric = 'rating' THEN n ELSE 0 END), sum(CASE WHEN metric = 'rating_satisfied' THEN n ELSE 0 END), sum(CASE WHEN metric = 'reward_approved' THEN n ELSE 0 END), sum(CASE WHEN metric = 'reward_paid' THEN n ELSE 0 END), sum(CASE WHEN metric = 'reward_paid_fen' THEN n ELSE 0 END)
FROM stat_department_counts WHERE metric IN ('accept_on_time', 'accept_late', 'rating', 'rating_satisfied', 'reward_approved', 'reward_paid', 'reward_paid_fen')
GROUP BY month, department
ON CONFLICT (month, department) DO UPDATE SET accept_on_time = excluded.accept_on_time, accept_late = excluded.accept_late, rating = excluded.rating, rating_satisfied = excluded.rating_satisfied, reward_approved = excluded.reward_approved, reward_paid = excluded.reward_paid, reward_paid_fen = excluded.reward_paid_fen;
