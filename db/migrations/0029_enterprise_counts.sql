-- Enterprise quality-credit summary (issue 16): per unified social credit code, complaints and reports
-- counted by year, kept by the triggers below in the same statement as the change they count (Node
-- and D1 alike), so the summary reads a few rows whatever the number of cases. Only complaints and
-- reports that name a credit code count; the code as stored (a wrong check character included).
-- `enterprises recount` (server/enterprises/enterprises.repository.ts) rebuilds these tables with
-- the same statements as the backfill at the end of this file.
--
-- Years are Beijing years: case times are ISO strings with their offset (+08:00), and strftime turns
-- any offset into UTC, which '+8 hours' brings back to Beijing time.
--
-- Merged duplicates: a case merged into another counts nowhere. On the merge its receipt, the
-- milestones it reached and its product are taken back: the case it went into carries the matter.
-- A case inserted already merged (a bulk load) is never counted.

-- measure: complaints_received | reports_received (year of receipt), complaints_accepted,
-- complaints_mediated, reports_opened, penalties_decided (year of the action).
CREATE TABLE enterprise_counts (
  credit_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  measure TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (credit_code, year, measure)
) WITHOUT ROWID;

-- The milestones a case has reached, once each: a re-handled report opened again, or an action taken
-- again after a transfer, counts once. Kept so that a merge can take them back from the right year.
CREATE TABLE enterprise_case_marks (
  case_id TEXT NOT NULL,
  measure TEXT NOT NULL,
  year INTEGER NOT NULL,
  PRIMARY KEY (case_id, measure)
) WITHOUT ROWID;

-- The latest name a complaint or report gave for a credit code; name_fold (ASCII lower case) serves
-- the prefix search.
CREATE TABLE enterprise_names (
  credit_code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX enterprise_names_fold ON enterprise_names (name_fold);

-- Cases per credit code and product: the GTIN, else brand and model, else the product's name. The
-- product fields are those of the latest case (redacted like the subject, never the batch).
CREATE TABLE enterprise_products (
  credit_code TEXT NOT NULL,
  product_key TEXT NOT NULL,
  gtin TEXT,
  brand TEXT,
  model TEXT,
  name TEXT,
  n INTEGER NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (credit_code, product_key)
) WITHOUT ROWID;

CREATE TRIGGER enterprise_cases_insert AFTER INSERT ON cases
  WHEN NEW.subject_credit_code IS NOT NULL AND NEW.kind IN ('complaint', 'report')
BEGIN
  INSERT INTO enterprise_names (credit_code, name, name_fold, seen_at)
    VALUES (NEW.subject_credit_code, NEW.subject_name, lower(NEW.subject_name), NEW.received_at)
    ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold, seen_at = excluded.seen_at
      WHERE excluded.seen_at >= enterprise_names.seen_at;
  INSERT INTO enterprise_counts (credit_code, year, measure, n)
    SELECT NEW.subject_credit_code,
      coalesce(CAST(strftime('%Y', NEW.received_at, '+8 hours') AS INTEGER), CAST(substr(NEW.received_at, 1, 4) AS INTEGER)),
      NEW.kind || 's_received', 1
    WHERE NEW.status != 'merged'
    ON CONFLICT (credit_code, year, measure) DO UPDATE SET n = n + 1;
  INSERT INTO enterprise_products (credit_code, product_key, gtin, brand, model, name, n, seen_at)
    SELECT NEW.subject_credit_code, k.product_key, NEW.product_gtin, NEW.product_brand, NEW.product_model, NEW.product_name, 1, NEW.received_at
    FROM (SELECT CASE
        WHEN NEW.product_gtin IS NOT NULL THEN 'gtin:' || NEW.product_gtin
        WHEN NEW.product_brand IS NOT NULL OR NEW.product_model IS NOT NULL
          THEN 'bm:' || lower(coalesce(NEW.product_brand, '')) || '|' || lower(coalesce(NEW.product_model, ''))
        WHEN NEW.product_name IS NOT NULL THEN 'name:' || lower(NEW.product_name)
      END AS product_key) AS k
    WHERE k.product_key IS NOT NULL AND NEW.status != 'merged'
    ON CONFLICT (credit_code, product_key) DO UPDATE SET n = n + 1,
      gtin = CASE WHEN excluded.seen_at >= enterprise_products.seen_at THEN excluded.gtin ELSE enterprise_products.gtin END,
      brand = CASE WHEN excluded.seen_at >= enterprise_products.seen_at THEN excluded.brand ELSE enterprise_products.brand END,
      model = CASE WHEN excluded.seen_at >= enterprise_products.seen_at THEN excluded.model ELSE enterprise_products.model END,
      name = CASE WHEN excluded.seen_at >= enterprise_products.seen_at THEN excluded.name ELSE enterprise_products.name END,
      seen_at = max(excluded.seen_at, enterprise_products.seen_at);
END;

-- Milestones are counted from the action's event: every write path (staff actions, a bulk load that
-- writes cases in their final state with their events) records it, with the time it happened. The
-- mark is written first; inside a trigger changes() is the count of the trigger's own last statement
-- (SQLite, sqlite3_changes), so the counter moves only when the mark is new.
CREATE TRIGGER enterprise_events_insert AFTER INSERT ON case_events
  WHEN NEW.event IN ('accept', 'mediated', 'open_case', 'decide_penalty')
BEGIN
  INSERT OR IGNORE INTO enterprise_case_marks (case_id, measure, year)
    SELECT c.id,
      CASE NEW.event WHEN 'accept' THEN 'complaints_accepted' WHEN 'mediated' THEN 'complaints_mediated'
        WHEN 'open_case' THEN 'reports_opened' ELSE 'penalties_decided' END,
      coalesce(CAST(strftime('%Y', NEW.at, '+8 hours') AS INTEGER), CAST(substr(NEW.at, 1, 4) AS INTEGER))
    FROM cases c
    WHERE c.id = NEW.case_id AND c.subject_credit_code IS NOT NULL AND c.kind IN ('complaint', 'report') AND c.status != 'merged';
  INSERT INTO enterprise_counts (credit_code, year, measure, n)
    SELECT c.subject_credit_code,
      coalesce(CAST(strftime('%Y', NEW.at, '+8 hours') AS INTEGER), CAST(substr(NEW.at, 1, 4) AS INTEGER)),
      CASE NEW.event WHEN 'accept' THEN 'complaints_accepted' WHEN 'mediated' THEN 'complaints_mediated'
        WHEN 'open_case' THEN 'reports_opened' ELSE 'penalties_decided' END,
      1
    FROM cases c WHERE c.id = NEW.case_id AND changes() = 1
    ON CONFLICT (credit_code, year, measure) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER enterprise_cases_merged AFTER UPDATE OF status ON cases
  WHEN NEW.status = 'merged' AND OLD.status != 'merged'
    AND NEW.subject_credit_code IS NOT NULL AND NEW.kind IN ('complaint', 'report')
BEGIN
  UPDATE enterprise_counts SET n = n - 1
    WHERE credit_code = NEW.subject_credit_code AND measure = NEW.kind || 's_received'
      AND year = coalesce(CAST(strftime('%Y', NEW.received_at, '+8 hours') AS INTEGER), CAST(substr(NEW.received_at, 1, 4) AS INTEGER));
  UPDATE enterprise_counts SET n = n - 1
    WHERE credit_code = NEW.subject_credit_code
      AND EXISTS (SELECT 1 FROM enterprise_case_marks m
        WHERE m.case_id = NEW.id AND m.measure = enterprise_counts.measure AND m.year = enterprise_counts.year);
  DELETE FROM enterprise_case_marks WHERE case_id = NEW.id;
  UPDATE enterprise_products SET n = n - 1
    WHERE credit_code = NEW.subject_credit_code AND product_key = CASE
      WHEN NEW.product_gtin IS NOT NULL THEN 'gtin:' || NEW.product_gtin
      WHEN NEW.product_brand IS NOT NULL OR NEW.product_model IS NOT NULL
        THEN 'bm:' || lower(coalesce(NEW.product_brand, '')) || '|' || lower(coalesce(NEW.product_model, ''))
      WHEN NEW.product_name IS NOT NULL THEN 'name:' || lower(NEW.product_name)
    END;
END;

-- Backfill from the cases already filed (the same statements as `enterprises recount`).
INSERT INTO enterprise_names (credit_code, name, name_fold, seen_at)
  SELECT subject_credit_code, subject_name, lower(subject_name), max(received_at)
  FROM cases WHERE subject_credit_code IS NOT NULL AND kind IN ('complaint', 'report')
  GROUP BY subject_credit_code;

INSERT INTO enterprise_counts (credit_code, year, measure, n)
  SELECT subject_credit_code,
    coalesce(CAST(strftime('%Y', received_at, '+8 hours') AS INTEGER), CAST(substr(received_at, 1, 4) AS INTEGER)) AS y,
    kind || 's_received', count(*)
  FROM cases WHERE subject_credit_code IS NOT NULL AND kind IN ('complaint', 'report') AND status != 'merged'
  GROUP BY subject_credit_code, y, kind;

INSERT INTO enterprise_case_marks (case_id, measure, year)
  SELECT e.case_id,
    CASE e.event WHEN 'accept' THEN 'complaints_accepted' WHEN 'mediated' THEN 'complaints_mediated'
      WHEN 'open_case' THEN 'reports_opened' ELSE 'penalties_decided' END,
    coalesce(CAST(strftime('%Y', min(e.at), '+8 hours') AS INTEGER), CAST(substr(min(e.at), 1, 4) AS INTEGER))
  FROM case_events e JOIN cases c ON c.id = e.case_id
  WHERE e.event IN ('accept', 'mediated', 'open_case', 'decide_penalty')
    AND c.subject_credit_code IS NOT NULL AND c.kind IN ('complaint', 'report') AND c.status != 'merged'
  GROUP BY e.case_id, e.event;

INSERT INTO enterprise_counts (credit_code, year, measure, n)
  SELECT c.subject_credit_code, m.year, m.measure, count(*)
  FROM enterprise_case_marks m JOIN cases c ON c.id = m.case_id
  GROUP BY c.subject_credit_code, m.year, m.measure;

INSERT INTO enterprise_products (credit_code, product_key, gtin, brand, model, name, n, seen_at)
  SELECT subject_credit_code, product_key, product_gtin, product_brand, product_model, product_name, count(*), max(received_at)
  FROM (SELECT subject_credit_code, product_gtin, product_brand, product_model, product_name, received_at, CASE
      WHEN product_gtin IS NOT NULL THEN 'gtin:' || product_gtin
      WHEN product_brand IS NOT NULL OR product_model IS NOT NULL
        THEN 'bm:' || lower(coalesce(product_brand, '')) || '|' || lower(coalesce(product_model, ''))
      WHEN product_name IS NOT NULL THEN 'name:' || lower(product_name)
    END AS product_key
    FROM cases WHERE subject_credit_code IS NOT NULL AND kind IN ('complaint', 'report') AND status != 'merged')
  WHERE product_key IS NOT NULL
  GROUP BY subject_credit_code, product_key;
