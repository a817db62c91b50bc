-- Where a claimed reward is paid (issue 15): the payee's name, ID number and bank account, sealed
-- like an identity (one data key per row, wrapped by a master key). sealed_records cannot hold it:
-- its purpose CHECK admits only identity and original_text.
CREATE TABLE reward_payees (
  case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  key_id TEXT NOT NULL,
  wrapped_key TEXT NOT NULL,
  iv TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  created_at TEXT NOT NULL
);
