-- The session sweep deletes follow-up sessions by their end (server/staff/session-sweep.service.ts), a
-- few hundred at a time: by this index, instead of reading the whole table once a minute.
CREATE INDEX followup_sessions_expires ON followup_sessions (expires_at);
