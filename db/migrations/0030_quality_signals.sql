-- Quality signals (质量安全风险监测, issue 18; docs/signals.md). Counted as cases arrive, by the
-- triggers below, in the same statement as the case insert or the merge that changes a count: every
-- write path (the submission batch, the Node submission thread and group commit, D1 batches, a bulk
-- load) keeps them, and nothing ever scans the cases.
--
-- A case is counted under up to three keys:
--   business  its credit code, when the check character holds;
--   product   its GTIN when the check digit holds (as 13 digits, EAN-13 form; a GTIN-14 with a
--             packaging indicator keeps 14), else lower(brand) || '|' || lower(model) when both are given;
--   spike     category || '@' || city (the region's first 4 digits + '00'), per ISO week.
-- Days and weeks are Beijing days: case times carry their offset, strftime turns any offset into UTC
-- and '+8 hours' brings it back to Beijing time. A week is named by its Monday.
--
-- business and product: N cases (signal_settings.min_cases) within D days (window_days) raise a
-- signal. Its window starts D − 1 days before the day it is raised (or the day after the key's
-- previous window, whichever is later) and ends D − 1 days after it: cases of the key arriving in
-- the window join it. After the window, counting starts afresh. spike: a category × city week of at
-- least 10 cases and more than 3 × the mean of its 12 weeks before raises a signal for that week.
-- One signal per key and window: the UNIQUE index holds even if two writers ever raced.
--
-- Merged duplicates count once: a case merged into a case counted under the same key leaves that
-- key's count and its signal (a case inserted already merged, by a bulk load, is never counted
-- under such a key).

CREATE TABLE signal_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  min_cases INTEGER NOT NULL DEFAULT 5 CHECK (min_cases >= 1),
  window_days INTEGER NOT NULL DEFAULT 30 CHECK (window_days >= 1),
  -- 0: cases are not counted at all (what `INTAKE_SIGNALS=off` writes at start, or an operator's
  -- UPDATE; the next insert reads it). Merges are still taken out of what was counted.
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
);
INSERT INTO signal_settings (id) VALUES (1);

-- The keys each case is counted under (removed again by a merge).
CREATE TABLE signal_members (
  type TEXT NOT NULL,
  key TEXT NOT NULL,
  period TEXT NOT NULL,      -- 'YYYY-MM-DD': the Beijing day, or for spike the week's Monday
  case_id TEXT NOT NULL,
  PRIMARY KEY (type, key, period, case_id)
) WITHOUT ROWID;
CREATE INDEX signal_members_case ON signal_members (case_id);

-- Cases per key and day (week for spike): a window's count is a sum of at most D rows.
CREATE TABLE signal_counts (
  type TEXT NOT NULL,
  key TEXT NOT NULL,
  period TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (type, key, period)
) WITHOUT ROWID;

CREATE TABLE signals (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('business', 'product', 'spike')),
  key TEXT NOT NULL,
  window_start TEXT NOT NULL,
  window_end TEXT NOT NULL,
  window_days INTEGER NOT NULL,
  count INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'dismissed')),
  reason TEXT,
  raised_at TEXT NOT NULL,   -- the received_at of the case that raised it
  decided_by TEXT,
  decided_at TEXT,
  -- 0 until the sweeper has queued the risk desk's mail, in the batch that sets it to 1.
  mailed INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX signals_key_window ON signals (type, key, window_start);
CREATE INDEX signals_status ON signals (status, raised_at);
CREATE INDEX signals_unmailed ON signals (mailed) WHERE mailed = 0;

CREATE TABLE signal_cases (
  signal_id TEXT NOT NULL REFERENCES signals (id),
  case_id TEXT NOT NULL,
  PRIMARY KEY (signal_id, case_id)
) WITHOUT ROWID;
CREATE INDEX signal_cases_case ON signal_cases (case_id);

CREATE TRIGGER signals_case_insert AFTER INSERT ON cases
  WHEN (SELECT enabled FROM signal_settings WHERE id = 1) = 1
BEGIN
  INSERT INTO signal_members (type, key, period, case_id)
    SELECT k.type, k.key, k.period, NEW.id FROM (
      SELECT 'business' AS type, NEW.subject_credit_code AS key, date(NEW.received_at, '+8 hours') AS period
        WHERE NEW.subject_credit_code IS NOT NULL AND NEW.credit_code_check_failed = 0
      UNION ALL
      SELECT 'product',
          CASE WHEN NEW.product_gtin IS NOT NULL AND NEW.gtin_check_failed = 0
            THEN CASE WHEN length(NEW.product_gtin) = 14 AND substr(NEW.product_gtin, 1, 1) != '0'
              THEN NEW.product_gtin ELSE substr('0000000000000' || NEW.product_gtin, -13) END
            ELSE lower(trim(NEW.product_brand)) || '|' || lower(trim(NEW.product_model)) END,
          date(NEW.received_at, '+8 hours')
        WHERE (NEW.product_gtin IS NOT NULL AND NEW.gtin_check_failed = 0)
          OR (trim(coalesce(NEW.product_brand, '')) != '' AND trim(coalesce(NEW.product_model, '')) != '')
      UNION ALL
      SELECT 'spike', NEW.category || '@' || substr(NEW.region, 1, 4) || '00',
          date(NEW.received_at, '+8 hours', '-6 days', 'weekday 1')
    ) AS k
    WHERE NEW.status != 'merged' OR NOT EXISTS (SELECT 1 FROM signal_members t
      WHERE t.case_id = NEW.merged_into AND t.type = k.type AND t.key = k.key);
END;

CREATE TRIGGER signals_case_merged AFTER UPDATE OF status ON cases
  WHEN NEW.status = 'merged' AND OLD.status != 'merged' AND NEW.merged_into IS NOT NULL
BEGIN
  DELETE FROM signal_members WHERE case_id = NEW.id
    AND EXISTS (SELECT 1 FROM signal_members t
      WHERE t.case_id = NEW.merged_into AND t.type = signal_members.type AND t.key = signal_members.key);
END;

-- business and product: count, join the window the day falls in, or raise a signal and link its cases.
CREATE TRIGGER signal_members_windowed AFTER INSERT ON signal_members
  WHEN NEW.type IN ('business', 'product')
BEGIN
  INSERT INTO signal_counts (type, key, period, n) VALUES (NEW.type, NEW.key, NEW.period, 1)
    ON CONFLICT (type, key, period) DO UPDATE SET n = n + 1;
  UPDATE signals SET count = count + 1
    WHERE type = NEW.type AND key = NEW.key AND window_start <= NEW.period AND window_end >= NEW.period;
  INSERT INTO signal_cases (signal_id, case_id)
    SELECT id, NEW.case_id FROM signals
    WHERE type = NEW.type AND key = NEW.key AND window_start <= NEW.period AND window_end >= NEW.period;
  INSERT INTO signals (id, type, key, window_start, window_end, window_days, count, raised_at)
    SELECT lower(hex(randomblob(12))), NEW.type, NEW.key, w.lo, date(NEW.period, '+' || (w.days - 1) || ' days'), w.days, w.total,
      (SELECT received_at FROM cases WHERE id = NEW.case_id)
    FROM (
      SELECT b.days, b.min_cases, b.lo,
        (SELECT coalesce(sum(c.n), 0) FROM signal_counts c
          WHERE c.type = NEW.type AND c.key = NEW.key AND c.period >= b.lo AND c.period <= NEW.period) AS total
      FROM (
        SELECT st.window_days AS days, st.min_cases AS min_cases,
          max(date(NEW.period, '-' || (st.window_days - 1) || ' days'),
            coalesce((SELECT date(max(p.window_end), '+1 day') FROM signals p WHERE p.type = NEW.type AND p.key = NEW.key), '')) AS lo
        FROM signal_settings st WHERE st.id = 1
      ) AS b
    ) AS w
    WHERE w.total >= w.min_cases
      AND NOT EXISTS (SELECT 1 FROM signals s
        WHERE s.type = NEW.type AND s.key = NEW.key AND s.window_start <= NEW.period AND s.window_end >= NEW.period)
    ON CONFLICT (type, key, window_start) DO NOTHING;
  INSERT INTO signal_cases (signal_id, case_id)
    SELECT s.id, m.case_id FROM signals s
    JOIN signal_members m ON m.type = s.type AND m.key = s.key AND m.period >= s.window_start AND m.period <= NEW.period
    WHERE s.type = NEW.type AND s.key = NEW.key AND s.window_start <= NEW.period AND s.window_end >= NEW.period
      AND NOT EXISTS (SELECT 1 FROM signal_cases x WHERE x.signal_id = s.id);
END;

-- spike: count the week, join its signal, or raise one when the week stands out.
CREATE TRIGGER signal_members_spike AFTER INSERT ON signal_members
  WHEN NEW.type = 'spike'
BEGIN
  INSERT INTO signal_counts (type, key, period, n) VALUES (NEW.type, NEW.key, NEW.period, 1)
    ON CONFLICT (type, key, period) DO UPDATE SET n = n + 1;
  UPDATE signals SET count = count + 1 WHERE type = 'spike' AND key = NEW.key AND window_start = NEW.period;
  INSERT INTO signal_cases (signal_id, case_id)
    SELECT id, NEW.case_id FROM signals WHERE type = 'spike' AND key = NEW.key AND window_start = NEW.period;
  -- More than 3 × the trailing 12-week mean: n > 3 × sum / 12, i.e. 4 × n > sum (weeks without cases count as 0).
  INSERT INTO signals (id, type, key, window_start, window_end, window_days, count, raised_at)
    SELECT lower(hex(randomblob(12))), 'spike', NEW.key, NEW.period, date(NEW.period, '+6 days'), 7, c.n,
      (SELECT received_at FROM cases WHERE id = NEW.case_id)
    FROM signal_counts c
    WHERE c.type = 'spike' AND c.key = NEW.key AND c.period = NEW.period AND c.n >= 10
      AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.type = 'spike' AND s.key = NEW.key AND s.window_start = NEW.period)
      AND 4 * c.n > (SELECT coalesce(sum(p.n), 0) FROM signal_counts p
        WHERE p.type = 'spike' AND p.key = NEW.key AND p.period >= date(NEW.period, '-84 days') AND p.period < NEW.period)
    ON CONFLICT (type, key, window_start) DO NOTHING;
  INSERT INTO signal_cases (signal_id, case_id)
    SELECT s.id, m.case_id FROM signals s
    JOIN signal_members m ON m.type = 'spike' AND m.key = s.key AND m.period = s.window_start
    WHERE s.type = 'spike' AND s.key = NEW.key AND s.window_start = NEW.period
      AND NOT EXISTS (SELECT 1 FROM signal_cases x WHERE x.signal_id = s.id);
END;

-- A merged duplicate leaves its key's count and the signals of that key it was linked to.
CREATE TRIGGER signal_members_removed AFTER DELETE ON signal_members
BEGIN
  UPDATE signal_counts SET n = n - 1 WHERE type = OLD.type AND key = OLD.key AND period = OLD.period;
  UPDATE signals SET count = count - 1
    WHERE type = OLD.type AND key = OLD.key
      AND id IN (SELECT signal_id FROM signal_cases WHERE case_id = OLD.case_id);
  DELETE FROM signal_cases WHERE case_id = OLD.case_id
    AND signal_id IN (SELECT id FROM signals WHERE type = OLD.type AND key = OLD.key);
END;
