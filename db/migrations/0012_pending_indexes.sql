-- Indexes a bulk load (the demo data generator) dropped, to build once after the load rather than
-- row by row during it. Each row is the index's own CREATE statement, written in the transaction that
-- dropped it and deleted in the one that builds it again: if the load stops half-way, the next start
-- of the database builds what is still missing (server/node/bulk-indexes.ts).
CREATE TABLE pending_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
);
