-- Notifications: the outbox worker's claim and the clock sweeper's once-only markers.

-- When a worker claimed the row (status 'sending'). A row still 'sending' a lease after this was
-- claimed by a worker that died between sending and recording; it is sent again with the same
-- Message-ID (at-least-once delivery, deduplicated by the receiver; server/notify/outbox.service.ts).
ALTER TABLE outbox ADD COLUMN claimed_at TEXT;
CREATE INDEX outbox_status_claimed ON outbox (status, claimed_at);
CREATE INDEX outbox_case ON outbox (case_id);

-- Each notice about a clock goes out once: set in the same batch as its outbox row.
ALTER TABLE clocks ADD COLUMN due_soon_notified_at TEXT;
ALTER TABLE clocks ADD COLUMN overdue_notified_at TEXT;
ALTER TABLE clocks ADD COLUMN escalated_at TEXT;
