-- Cases per department and status, kept by triggers: the queue's and the overview's counts read a
-- few rows instead of counting a department's whole history on every page. Cases in triage (no department) count under ''.
CREATE TABLE case_counts (
  department TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (department, status)
) WITHOUT ROWID;

INSERT INTO case_counts (department, status, n)
  SELECT coalesce(department, ''), status, count(*) FROM cases GROUP BY coalesce(department, ''), status;

CREATE TRIGGER cases_count_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_counts (department, status, n) VALUES (coalesce(NEW.department, ''), NEW.status, 1)
    ON CONFLICT (department, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER cases_count_update AFTER UPDATE OF department, status ON cases
  WHEN coalesce(OLD.department, '') != coalesce(NEW.department, '') OR OLD.status != NEW.status
BEGIN
  UPDATE case_counts SET n = n - 1 WHERE department = coalesce(OLD.department, '') AND status = OLD.status;
  INSERT INTO case_counts (department, status, n) VALUES (coalesce(NEW.department, ''), NEW.status, 1)
    ON CONFLICT (department, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER cases_count_delete AFTER DELETE ON cases BEGIN
  UPDATE case_counts SET n = n - 1 WHERE department = coalesce(OLD.department, '') AND status = OLD.status;
END;

-- Likely duplicates: the same credit code, or the same name and category, received within 90 days,
-- among the cases a department sees. With the date and department in the index, a business with
-- thousands of cases no longer costs a row read per case on every case page.
DROP INDEX cases_credit_code;
CREATE INDEX cases_credit_code ON cases (subject_credit_code, received_at, department);
DROP INDEX cases_subject_name;
CREATE INDEX cases_subject_name ON cases (subject_name, category, received_at, department);
