-- Rewards for reports (issue 15): one reward per case, from the reporter's request to payment.
-- The states and who moves a reward between them are in server/rewards/reward-lifecycle.ts.
CREATE TABLE rewards (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  level INTEGER CHECK (level IN (1, 2, 3)),
  -- Money is in integer fen (1/100 CNY) throughout.
  fine_fen INTEGER,
  amount_fen INTEGER,
  uplift_fen INTEGER,
  -- Set when the amount reaches the finance threshold; approval then needs finance_sign_off = 1.
  finance_sign_off_required INTEGER NOT NULL DEFAULT 0,
  finance_sign_off INTEGER NOT NULL DEFAULT 0,
  reason TEXT,
  note TEXT,
  assessed_by TEXT,
  proposed_by TEXT,
  approved_by TEXT,
  notified_at TEXT,
  claim_by TEXT,
  claimed_at TEXT,
  paid_at TEXT,
  payment_ref TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The reward queue lists one status by last change.
CREATE INDEX rewards_status_updated ON rewards (status, updated_at);

-- The reporter's declared relation to the matter (none, insider, infringed_party, agency_staff);
-- NULL on cases received before it was asked.
ALTER TABLE cases ADD COLUMN reporter_relation TEXT;

-- Every report that already asked for a reward gets its request row.
INSERT INTO rewards (case_id, status, created_at, updated_at)
SELECT id, 'requested', received_at, received_at FROM cases
WHERE kind = 'report' AND reward_requested = 1;
