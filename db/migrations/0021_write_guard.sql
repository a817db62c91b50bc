-- A guard for optimistic writes: a batch whose guarded update matched no row (someone else changed
-- the row since it was read) inserts a row here, the CHECK fails, and the whole batch rolls back, its
-- event, mail and audit entry with it. The table stays empty.
CREATE TABLE write_guards (
  ok INTEGER NOT NULL,
  CONSTRAINT stale_write CHECK (ok = 1)
);
