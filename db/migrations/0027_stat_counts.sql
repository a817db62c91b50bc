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
