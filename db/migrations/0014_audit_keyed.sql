-- The audit chain becomes keyed (issue 13): an entry's hash is an HMAC-SHA-256 under a key derived
-- from the master key, which never enters the database, so whoever holds only the file cannot
-- rewrite an entry and recompute the chain. key_id names the master key the HMAC key came from
-- (keys rotate; old keys stay loaded); NULL marks the plain SHA-256 entries written before this.
ALTER TABLE audit_log ADD COLUMN key_id TEXT;

-- The auditors' page lists the log newest first by (at, seq), filtered by one of these; seq is the
-- rowid, so each index ends with it and a page is one index range.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);
CREATE INDEX audit_log_actor_at ON audit_log (actor, at);
CREATE INDEX audit_log_case_at ON audit_log (case_id, at);
