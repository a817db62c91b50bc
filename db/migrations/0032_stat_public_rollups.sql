-- The public statistics' roll-ups of stat_counts (0027): what /stats, /api/v1/stats and the periodic
-- reports read by category and by city. Without the department and kind, twelve months are a few
-- hundred rows instead of tens of thousands at a million cases (docs/architecture.md, "Statistics counters").
CREATE TABLE stat_category_months (
  metric TEXT NOT NULL,
  month TEXT NOT NULL,
  category TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (metric, month, category)
) WITHOUT ROWID;

CREATE TABLE stat_city_months (
  metric TEXT NOT NULL,
  month TEXT NOT NULL,
  city TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (metric, month, city)
) WITHOUT ROWID;

INSERT INTO stat_category_months (metric, month, category, n)
  SELECT metric, month, category, sum(n) FROM stat_counts
  WHERE metric IN ('received', 'rating', 'rating_satisfied') GROUP BY 1, 2, 3;
INSERT INTO stat_city_months (metric, month, city, n)
  SELECT metric, month, city, sum(n) FROM stat_counts WHERE metric = 'received' GROUP BY 1, 2, 3;

-- They follow every change of a counter, in the same statement as the change.
CREATE TRIGGER stat_counts_public_insert AFTER INSERT ON stat_counts
  WHEN NEW.metric IN ('received', 'rating', 'rating_satisfied')
BEGIN
  INSERT INTO stat_category_months (metric, month, category, n) VALUES (NEW.metric, NEW.month, NEW.category, NEW.n)
  ON CONFLICT (metric, month, category) DO UPDATE SET n = n + excluded.n;
  INSERT INTO stat_city_months (metric, month, city, n) SELECT NEW.metric, NEW.month, NEW.city, NEW.n WHERE NEW.metric = 'received'
  ON CONFLICT (metric, month, city) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_counts_public_update AFTER UPDATE OF n ON stat_counts
  WHEN NEW.metric IN ('received', 'rating', 'rating_satisfied')
BEGIN
  UPDATE stat_category_months SET n = n + NEW.n - OLD.n
  WHERE metric = NEW.metric AND month = NEW.month AND category = NEW.category;
  UPDATE stat_city_months SET n = n + NEW.n - OLD.n
  WHERE NEW.metric = 'received' AND metric = NEW.metric AND month = NEW.month AND city = NEW.city;
END;

CREATE TRIGGER stat_counts_public_delete AFTER DELETE ON stat_counts
  WHEN OLD.metric IN ('received', 'rating', 'rating_satisfied')
BEGIN
  UPDATE stat_category_months SET n = n - OLD.n
  WHERE metric = OLD.metric AND month = OLD.month AND category = OLD.category;
  UPDATE stat_city_months SET n = n - OLD.n
  WHERE OLD.metric = 'received' AND metric = OLD.metric AND month = OLD.month AND city = OLD.city;
END;

-- The province's histogram of working days to close, per month (the median of /stats): read from
-- here, not summed over every department's buckets.
CREATE TABLE stat_close_days (
  metric TEXT NOT NULL,
  month TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (metric, month)
) WITHOUT ROWID;

INSERT INTO stat_close_days (metric, month, n)
  SELECT metric, month, sum(n) FROM stat_counts WHERE metric LIKE 'close_wd:%' GROUP BY 1, 2;

CREATE TRIGGER stat_counts_close_days_insert AFTER INSERT ON stat_counts WHEN NEW.metric LIKE 'close_wd:%' BEGIN
  INSERT INTO stat_close_days (metric, month, n) VALUES (NEW.metric, NEW.month, NEW.n)
  ON CONFLICT (metric, month) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER stat_counts_close_days_update AFTER UPDATE OF n ON stat_counts WHEN NEW.metric LIKE 'close_wd:%' BEGIN
  UPDATE stat_close_days SET n = n + NEW.n - OLD.n WHERE metric = NEW.metric AND month = NEW.month;
END;

CREATE TRIGGER stat_counts_close_days_delete AFTER DELETE ON stat_counts WHEN OLD.metric LIKE 'close_wd:%' BEGIN
  UPDATE stat_close_days SET n = n - OLD.n WHERE metric = OLD.metric AND month = OLD.month;
END;
