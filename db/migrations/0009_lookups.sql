-- A page's running clocks are looked up by case: (case_id, status) lets SQLite find them by case,
-- where it used to walk every running clock in the (status, due_at) index for every queue page.
-- The old single-column index is covered by the new one.
CREATE INDEX clocks_case_status ON clocks (case_id, status);
DROP INDEX clocks_case;

-- The directory's version: every change to what routing and the pages read from the directory bumps
-- it, whoever makes the change (admin pages, `directory import`, another Workers isolate). A process
-- keeps the directory in memory and reads it again only when the version has moved.
CREATE TABLE directory_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 1);

CREATE TRIGGER regions_insert_version AFTER INSERT ON regions BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER regions_update_version AFTER UPDATE ON regions BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER regions_delete_version AFTER DELETE ON regions BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER departments_insert_version AFTER INSERT ON departments BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER departments_update_version AFTER UPDATE ON departments BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER departments_delete_version AFTER DELETE ON departments BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER department_jurisdictions_insert_version AFTER INSERT ON department_jurisdictions BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER department_jurisdictions_update_version AFTER UPDATE ON department_jurisdictions BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER department_jurisdictions_delete_version AFTER DELETE ON department_jurisdictions BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER categories_insert_version AFTER INSERT ON categories BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER categories_update_version AFTER UPDATE ON categories BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER categories_delete_version AFTER DELETE ON categories BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER routing_rules_insert_version AFTER INSERT ON routing_rules BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER routing_rules_update_version AFTER UPDATE ON routing_rules BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER routing_rules_delete_version AFTER DELETE ON routing_rules BEGIN
  UPDATE directory_version SET version = version + 1 WHERE id = 1;
END;
