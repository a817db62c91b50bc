-- The clock sweep's two reads each follow an index in (due_at, rowid) order, so that a page ends where
-- the next one seeks (server/notify/sweeper.repository.ts). Overdue clocks not yet escalated: by
-- clocks_watch, now without due_soon_notified_at (it sat between due_at and the rowid, and every
-- minute the sweep read and sorted all overdue clocks sharing a due time, twice). Clocks owed a "due
-- soon": by an index of only those, instead of reading every clock of the window (65,000 at a
-- million and a half cases, 80 ms) for the few still owed one.
DROP INDEX clocks_watch;
CREATE INDEX clocks_watch ON clocks (status, escalated_at, due_at);
CREATE INDEX clocks_due_soon_owed ON clocks (due_at)
  WHERE status = 'running' AND escalated_at IS NULL AND due_soon_notified_at IS NULL;
