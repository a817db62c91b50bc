-- The clock sweep looks for running clocks owed a notice: not yet escalated (escalation is a clock's
-- last notice, so a clock owed any notice has none), due before the watch horizon, and either overdue
-- or not yet told "due soon". With only (status, due_at), it read every running clock of an overdue
-- or soon-due case every minute, holding the event loop at a million cases. Here the index alone
-- answers which ones are owed something.
CREATE INDEX clocks_watch ON clocks (status, escalated_at, due_at, due_soon_notified_at);
