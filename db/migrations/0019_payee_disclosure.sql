-- Payee details at payout (issue 15): an anonymous reporter's payee details are opened the way a
-- sealed identity is, by a request a custodian decides and its one view. The requests share one
-- table; `subject` says which sealed record a request opens.
ALTER TABLE disclosure_requests ADD COLUMN subject TEXT NOT NULL DEFAULT 'identity'
  CHECK (subject IN ('identity', 'payee'));
